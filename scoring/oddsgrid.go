package scoring

import (
	"maps"
	"math"
	"slices"
)

// The odds weigh sums of points: every outcome of every drawn metric,
// combined. Interpolated bands give every count its own points, so exact
// sums rarely merge and their number multiplied metric after metric (issue
// 25: two interpolated metrics of 100 responses froze the page for minutes,
// then ran out of memory). The sums are therefore kept on a grid: each
// stands for the sums in [lo·unit, (lo+width)·unit], merged with its
// neighbours on the same point of the grid. The grid starts finer than the
// scorecard's decimals, so sums from step bands and whole weights stay
// exact (width 0), and is made coarser, by the least power of two that
// will do, whenever more than MaxOddsSums would be kept. A verdict is taken on the interval's two ends:
// a pass when both pass, a fail when both fail, and otherwise the chance is
// unsure (Unsure): the card then says "about". Chances under oddsDrop of a
// product of draws are left out and counted as unsure too.

// MaxOddsSums bounds the sums the odds keep at once: the work of one
// metric's draws is at most this many times its outcomes.
const MaxOddsSums = 2048

// oddsDrop is the chance under which a combination is left out (and
// counted as unsure).
const oddsDrop = 1e-12

// gridSums is a sum's chances on a grid: key lo<<1 | gated, the sum in
// [lo·unit, (lo+width)·unit].
type gridSums struct {
	unit  Num
	width int64
	p     map[int64]float64
	lost  float64 // chance left out
	pacer pacer
}

// pacer calls a Pace every paceWork steps of arithmetic.
type pacer struct {
	pace Pace
	work int
}

// paceWork is how many steps of arithmetic go between two calls of a
// Pace: about a millisecond in the browser.
const paceWork = 1 << 17

// did counts n steps done and calls the pace when their number is due.
func (p *pacer) did(n int) error {
	if p.pace == nil {
		return nil
	}
	if p.work += n; p.work < paceWork {
		return nil
	}
	p.work = 0
	return p.pace()
}

// newGridSums starts at the sum start, exactly, on a grid of unit (or one
// unit wide when start is not on it).
func newGridSums(unit, start Num, pace Pace) *gridSums {
	lo, exact := onGrid(start, unit)
	g := &gridSums{unit: unit, p: map[int64]float64{lo << 1: 1}, pacer: pacer{pace: pace}}
	if !exact {
		g.width = 1
	}
	return g
}

// onGrid is floor(v / unit) and whether v lies on the grid.
func onGrid(v, unit Num) (int64, bool) {
	q := v.Div(unit)
	lo := q.Floor(0)
	return lo.Int64(), lo.Equal(q)
}

// gridStep is one outcome to add: its contribution to the sum, whether it
// fails a gate, and its chance.
type gridStep struct {
	add   Num
	gated bool
	p     float64
}

// addAll adds one metric's outcomes (independent of the sums so far); it
// stops with the pace's error.
func (g *gridSums) addAll(steps []gridStep) error {
	// Each outcome's place on the grid, worked out once (exact arithmetic
	// is the costly part): on a grid f times coarser it is floor(lo / f).
	los, exact := make([]int64, len(steps)), make([]bool, len(steps))
	for i, s := range steps {
		los[i], exact[i] = onGrid(s.add, g.unit)
		if err := g.pacer.did(64); err != nil {
			return err
		}
	}
	merge := func(f int64) (map[int64]float64, bool) {
		merged, inexact := map[int64]float64{}, false
		for i, s := range steps {
			lo := floorDiv(los[i], f)
			inexact = inexact || !exact[i] || lo*f != los[i]
			key := lo << 1
			if s.gated {
				key |= 1
			}
			merged[key] += s.p
		}
		return merged, inexact
	}
	f := int64(1)
	merged, inexact := merge(f)
	if len(merged) > MaxOddsSums { // the outcomes alone are too many: a coarser grid for both
		f = fitFactor(slices.Sorted(maps.Keys(merged)))
		merged, inexact = merge(f)
		g.coarsen(f)
	}
	// In key order, so that the chances add up the same way every time:
	// a percentage shown never flips with a map's order.
	keys, stepKeys := slices.Sorted(maps.Keys(g.p)), slices.Sorted(maps.Keys(merged))
	// Many sums spread thin (exact scores of interpolated bands, a
	// quarter's months) would make a product too large to keep: coarsen
	// first, to twice as fine as the product will need (so that the
	// verdicts stay about as sure), and both fill arrays: the retention
	// preset's exact quarter went from 110 ms to 15 ms.
	if len(keys)*len(stepKeys) > 16*MaxOddsSums {
		span := keys[len(keys)-1]>>1 - keys[0]>>1 + stepKeys[len(stepKeys)-1]>>1 - stepKeys[0]>>1 + 1
		c := int64(1)
		for span > c*2*MaxOddsSums {
			c *= 2
		}
		if c > 1 {
			f *= c
			merged, inexact = merge(f)
			g.coarsen(c)
			keys, stepKeys = slices.Sorted(maps.Keys(g.p)), slices.Sorted(maps.Keys(merged))
		}
	}
	if next, ok, err := g.dense(keys, stepKeys, merged); err != nil {
		return err
	} else if ok {
		g.p = next
	} else {
		next := make(map[int64]float64, len(g.p)*2)
		for _, k := range keys {
			if err := g.pacer.did(8 * len(stepKeys)); err != nil {
				return err
			}
			p := g.p[k]
			for _, sk := range stepKeys {
				sp := merged[sk]
				q := p * sp
				if q < oddsDrop {
					g.lost += q
					continue
				}
				lo := k>>1 + sk>>1
				next[lo<<1|(k&1)|(sk&1)] += q
			}
		}
		g.p = next
	}
	if inexact {
		g.width++
	}
	if len(g.p) > MaxOddsSums {
		g.coarsen(fitFactor(slices.Sorted(maps.Keys(g.p))))
	}
	return nil
}

// fitFactor is the least power of two f by which a grid holding keys
// (sorted) must be made coarser to keep at most MaxOddsSums of them. It
// counts, it does not merge: halving the grid again and again, sorting
// each time, was most of the odds' work (issue 25).
func fitFactor(keys []int64) int64 {
	for f := int64(2); ; f *= 2 {
		n := 0
		var last [2]int64
		var seen [2]bool
		for _, k := range keys { // keys sorted: each class's lo/f never goes down
			c, lo := k&1, floorDiv(k>>1, f)
			if !seen[c] || lo != last[c] {
				n++
				seen[c], last[c] = true, lo
			}
		}
		if n <= MaxOddsSums || f > math.MaxInt64/4 {
			return f
		}
	}
}

// floorDiv is floor(a / b) for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// coarsen makes the grid f times coarser.
func (g *gridSums) coarsen(f int64) {
	next := make(map[int64]float64, len(g.p)/int(f)+1)
	for _, k := range slices.Sorted(maps.Keys(g.p)) {
		next[floorDiv(k>>1, f)<<1|k&1] += g.p[k]
	}
	g.p = next
	g.unit = g.unit.Mul(N(f))
	g.width = (g.width+f-1)/f + 1
}

// bounds is the interval of sums that key stands for.
func (g *gridSums) bounds(key int64) (lo, hi Num, gated bool) {
	l := key >> 1
	return N(l).Mul(g.unit), N(l + g.width).Mul(g.unit), key&1 == 1
}

// verdicts adds up the chances that pass for sure, and those unsure,
// judging each interval's two ends with passes.
func (g *gridSums) verdicts(passes func(sum Num) bool) (pass, unsure float64, fails bool) {
	for _, k := range slices.Sorted(maps.Keys(g.p)) {
		p := g.p[k]
		lo, hi, gated := g.bounds(k)
		switch {
		case gated || !passes(hi):
			fails = true
		case passes(lo):
			pass += p
		default:
			unsure += p
			fails = true
		}
	}
	return pass, math.Min(unsure+g.lost, 1), fails
}

// dense convolves the sums with a metric's outcomes over arrays when both
// fill their ranges well (interpolated bands: every grid point taken), which
// is many times faster than a map; ok is false when they are sparse (step
// bands, whose few sums lie far apart on the fine grid).
func (g *gridSums) dense(keys, stepKeys []int64, steps map[int64]float64) (map[int64]float64, bool, error) {
	if len(keys) == 0 || len(stepKeys) == 0 {
		return nil, false, nil
	}
	lo0, hi0 := keys[0]>>1, keys[len(keys)-1]>>1
	lo1, hi1 := stepKeys[0]>>1, stepKeys[len(stepKeys)-1]>>1
	n0, n1 := hi0-lo0+1, hi1-lo1+1
	if n0 > 4*int64(len(keys))+64 || n1 > 4*int64(len(stepKeys))+64 {
		return nil, false, nil
	}
	fill := func(ks []int64, m map[int64]float64, base, n int64) [2][]float64 {
		var a [2][]float64
		a[0], a[1] = make([]float64, n), make([]float64, n)
		for _, k := range ks {
			a[k&1][k>>1-base] = m[k]
		}
		return a
	}
	a, b := fill(keys, g.p, lo0, n0), fill(stepKeys, steps, lo1, n1)
	var out [2][]float64
	out[0], out[1] = make([]float64, n0+n1-1), make([]float64, n0+n1-1)
	for ga := 0; ga < 2; ga++ {
		for gb := 0; gb < 2; gb++ {
			dst := out[ga|gb]
			for i, p := range a[ga] {
				if err := g.pacer.did(len(b[gb])); err != nil {
					return nil, false, err
				}
				if p == 0 {
					continue
				}
				for j, q := range b[gb] {
					dst[i+j] += p * q
				}
			}
		}
	}
	next := make(map[int64]float64)
	for gated := range out {
		for i, p := range out[gated] {
			switch {
			case p == 0:
			case p < oddsDrop:
				g.lost += p
			default:
				next[(lo0+lo1+int64(i))<<1|int64(gated)] = p
			}
		}
	}
	return next, true, nil
}
