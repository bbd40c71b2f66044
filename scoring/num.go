package scoring

import (
	"math"
	"math/big"
	"math/bits"
)

// Num is an exact rational number. Every value from input text to a pass
// decision is a Num: ratios such as 60/520 stay exact, and rounding happens
// only where the scorecard says. The zero value is 0. Nums are immutable:
// every operation returns a new value.
//
// A Num is held as an int64 fraction, reduced, while it fits, and as a
// big.Rat beyond that; the two forms give the same results, the small one
// without allocating.
type Num struct {
	n, d int64    // the value n/d when b is nil; d == 0 stands for 1
	b    *big.Rat // the value, when it does not fit in int64s
}

// N returns the whole number n.
func N(n int64) Num { return Num{n: n, d: 1} }

// Frac returns a/b; b must not be 0.
func Frac(a, b int64) Num {
	if b == 0 {
		panic("scoring: Frac with a zero denominator")
	}
	return small(a, b)
}

// small builds a reduced fraction, in big form if reducing cannot make it fit.
func small(n, d int64) Num {
	if d < 0 {
		if n == math.MinInt64 || d == math.MinInt64 {
			return fromRat(big.NewRat(n, d))
		}
		n, d = -n, -d
	}
	if g := gcd(abs64(n), uint64(d)); g > 1 {
		n, d = n/int64(g), d/int64(g)
	}
	return Num{n: n, d: d}
}

func abs64(x int64) uint64 {
	if x < 0 {
		return uint64(-x) // also right for MinInt64, as a uint64
	}
	return uint64(x)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// fromRat returns r as a Num, in small form when it fits.
func fromRat(r *big.Rat) Num {
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		return Num{n: r.Num().Int64(), d: r.Denom().Int64()}
	}
	return Num{b: r}
}

func (x Num) den() int64 {
	if x.d == 0 {
		return 1
	}
	return x.d
}

// rat returns x as a big.Rat the caller may not modify.
func (x Num) rat() *big.Rat {
	if x.b != nil {
		return x.b
	}
	return big.NewRat(x.n, x.den())
}

// mul64 multiplies with an overflow check.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 adds with an overflow check.
func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// Add returns x + y.
func (x Num) Add(y Num) Num {
	if x.b == nil && y.b == nil {
		xd, yd := x.den(), y.den()
		if xd == 1 && yd == 1 {
			if s, ok := add64(x.n, y.n); ok {
				return Num{n: s, d: 1}
			}
		} else {
			g := int64(gcd(uint64(xd), uint64(yd)))
			a, ok1 := mul64(x.n, yd/g)
			b, ok2 := mul64(y.n, xd/g)
			s, ok3 := add64(a, b)
			d, ok4 := mul64(xd/g, yd)
			if ok1 && ok2 && ok3 && ok4 {
				return small(s, d)
			}
		}
	}
	return fromRat(new(big.Rat).Add(x.rat(), y.rat()))
}

// Neg returns −x.
func (x Num) Neg() Num {
	if x.b == nil && x.n != math.MinInt64 {
		return Num{n: -x.n, d: x.d}
	}
	return fromRat(new(big.Rat).Neg(x.rat()))
}

// Sub returns x − y.
func (x Num) Sub(y Num) Num { return x.Add(y.Neg()) }

// Mul returns x × y.
func (x Num) Mul(y Num) Num {
	if x.b == nil && y.b == nil {
		xn, xd, yn, yd := x.n, x.den(), y.n, y.den()
		if g := int64(gcd(abs64(xn), uint64(yd))); g > 1 {
			xn, yd = xn/g, yd/g
		}
		if g := int64(gcd(abs64(yn), uint64(xd))); g > 1 {
			yn, xd = yn/g, xd/g
		}
		n, ok1 := mul64(xn, yn)
		d, ok2 := mul64(xd, yd)
		if ok1 && ok2 {
			return Num{n: n, d: d}
		}
	}
	return fromRat(new(big.Rat).Mul(x.rat(), y.rat()))
}

// Div returns x / y. Callers check y first: dividing by zero panics.
func (x Num) Div(y Num) Num {
	if y.IsZero() {
		panic("scoring: division by zero")
	}
	if y.b == nil && y.n != math.MinInt64 {
		inv := Num{n: y.den(), d: y.n}
		if y.n < 0 {
			inv = Num{n: -y.den(), d: -y.n}
		}
		return x.Mul(inv)
	}
	return fromRat(new(big.Rat).Quo(x.rat(), y.rat()))
}

// Cmp compares x and y: −1, 0 or +1.
func (x Num) Cmp(y Num) int {
	if x.b == nil && y.b == nil {
		// Compare x.n·y.d with y.n·x.d in 128 bits.
		return cmp128(x.n, y.den(), y.n, x.den())
	}
	return x.rat().Cmp(y.rat())
}

// cmp128 compares a·b with c·d (b, d > 0) without overflow.
func cmp128(a, b, c, d int64) int {
	sa, sc := sign(a), sign(c)
	if sa != sc {
		if sa < sc {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	h1, l1 := bits.Mul64(abs64(a), uint64(b))
	h2, l2 := bits.Mul64(abs64(c), uint64(d))
	r := 0
	switch {
	case h1 < h2 || h1 == h2 && l1 < l2:
		r = -1
	case h1 > h2 || l1 > l2:
		r = 1
	}
	return r * sa
}

func sign(x int64) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// Sign returns −1, 0 or +1.
func (x Num) Sign() int {
	if x.b != nil {
		return x.b.Sign()
	}
	return sign(x.n)
}

// IsZero reports whether x is 0.
func (x Num) IsZero() bool { return x.Sign() == 0 }

// Equal reports whether x and y are the same number.
func (x Num) Equal(y Num) bool { return x.Cmp(y) == 0 }

// Less reports whether x < y.
func (x Num) Less(y Num) bool { return x.Cmp(y) < 0 }

// IsInt reports whether x is a whole number.
func (x Num) IsInt() bool {
	if x.b != nil {
		return x.b.IsInt()
	}
	return x.den() == 1
}

// Min returns the smaller of x and y.
func Min(x, y Num) Num {
	if y.Less(x) {
		return y
	}
	return x
}

// Max returns the larger of x and y.
func Max(x, y Num) Num {
	if x.Less(y) {
		return y
	}
	return x
}

func pow10(d int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil) }

var smallPow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}

// Step returns 10^−d, the step between numbers rounded to d decimals.
func Step(d int) Num {
	if d >= 0 && d < len(smallPow10) {
		return Num{n: 1, d: smallPow10[d]}
	}
	return fromRat(new(big.Rat).SetFrac(big.NewInt(1), pow10(d)))
}

// roundMode picks the whole number near x·10^d from its floor q and the
// remainder r of den (0 ≤ r < den).
type roundMode int

const (
	halfAway roundMode = iota // halves away from zero
	ceiling
	floor
)

func (mode roundMode) small(q, r, den int64, neg bool) int64 {
	switch {
	case mode == ceiling && r != 0,
		mode == halfAway && (r > den-r || r == den-r && !neg):
		return q + 1
	}
	return q
}

func (mode roundMode) big(q, r, den *big.Int, neg bool) *big.Int {
	twice := new(big.Int).Lsh(r, 1)
	c := twice.Cmp(den)
	switch {
	case mode == ceiling && r.Sign() != 0,
		mode == halfAway && (c > 0 || c == 0 && !neg):
		return q.Add(q, big.NewInt(1))
	}
	return q
}

// roundTo rounds x to d decimals; in small form it returns the whole number
// w with x ≈ w / 10^d too (ok is false in big form).
func (x Num) roundTo(d int, mode roundMode) (res Num, w int64, ok bool) {
	neg := x.Sign() < 0
	if x.b == nil && d >= 0 && d < len(smallPow10) {
		if n, fits := mul64(x.n, smallPow10[d]); fits {
			den := x.den()
			q, r := n/den, n%den
			if r < 0 { // Go truncates; make q the floor
				q, r = q-1, r+den
			}
			w = mode.small(q, r, den, neg)
			return small(w, smallPow10[d]), w, true
		}
	}
	r := x.rat()
	num := new(big.Int).Mul(r.Num(), pow10(d))
	q, m := new(big.Int).DivMod(num, r.Denom(), new(big.Int)) // Euclidean: q is the floor
	return fromRat(new(big.Rat).SetFrac(mode.big(q, m, r.Denom(), neg), pow10(d))), 0, false
}

// Round rounds x to d decimals, halves away from zero, as a spreadsheet's
// ROUND does: 2.05 to one decimal is 2.1 and −2.05 is −2.1.
func (x Num) Round(d int) Num { r, _, _ := x.roundTo(d, halfAway); return r }

// Ceil rounds x up (towards +∞) to d decimals.
func (x Num) Ceil(d int) Num { r, _, _ := x.roundTo(d, ceiling); return r }

// Floor rounds x down (towards −∞) to d decimals.
func (x Num) Floor(d int) Num { r, _, _ := x.roundTo(d, floor); return r }

// Int64 returns x truncated towards zero, for counts known to be whole;
// beyond int64 it saturates at the nearest end, never wraps.
func (x Num) Int64() int64 {
	if x.b == nil {
		return x.n / x.den()
	}
	q := new(big.Int).Quo(x.b.Num(), x.b.Denom())
	switch {
	case q.IsInt64():
		return q.Int64()
	case q.Sign() > 0: // saturated, never wrapped (issue 25: 2⁶⁴ calls read as 4)
		return math.MaxInt64
	}
	return math.MinInt64
}

// Float64 is x as the nearest float64: for estimates shown as such (a
// chance), never to decide a pass.
func (x Num) Float64() float64 {
	f, _ := x.rat().Float64()
	return f
}
