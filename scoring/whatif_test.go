package scoring

import (
	"fmt"
	"strings"
	"testing"
)

func octoberInputs(t *testing.T, sc *Scorecard) []Input {
	t.Helper()
	return readText(t, sc, octoberCSV).Agents[0].Months[0].Inputs
}

func lineText(l PassLine) string {
	s := l.Metric + " " + string(l.Kind)
	if l.Kind == LineAt {
		s += fmt.Sprintf(" %s (%s points)", l.Value, l.Points)
	}
	for _, a := range l.Incidents {
		s += fmt.Sprintf(" %s≤%d", a.Column, a.Most)
	}
	return s
}

func TestPassLinesOctober(t *testing.T) {
	sc := loadSpecScorecard(t)
	w := sc.WhatIf(octoberInputs(t, sc))
	want := []string{
		"offer_rate passes even at the worst",
		"conversion passes even at the worst",
		"ce at 90 (3 points)", // at 89.99 % CE gives 2 points: 1.65, fail
		"aht passes even at the worst",
		"attendance at 1.5 (1.5 points) late≤3 absent≤1",
	}
	for i, w2 := range want {
		if got := lineText(w.Lines[i]); got != w2 {
			t.Errorf("got  %s\nwant %s", got, w2)
		}
	}
	ce := w.Lines[2].Headroom
	if ce.Worsen.String() != "2" || ce.Improve != nil || ce.PassWorsen.String() != "2" || ce.PassImprove != nil {
		t.Errorf("CE headroom: %+v", ce)
	}
	aht := w.Lines[3].Headroom
	if aht.Worsen.String() != "25" || aht.Improve.String() != "35" {
		t.Errorf("AHT headroom: worsen %s improve %s, want 25 (to 480 s) and 35 (to 420 s)", aht.Worsen, aht.Improve)
	}
	or := w.Lines[0].Headroom
	if or.Worsen != nil || or.Improve.String() != "18.461538461538" {
		t.Errorf("offer rate headroom: %+v", or)
	}
}

func TestPassLineKinds(t *testing.T) {
	sc := loadSpecScorecard(t)
	in := octoberInputs(t, sc)
	// CE at 70 % (1 point) and no sales: even CE at its best cannot pass? 0.2+0.2+1.2+0.2+0.25 = 2.05 can.
	// Attendance at 1 and AHT at 1: CE at 3 gives 0.2+0.2+1.2+0.1+0.1 = 1.8: cannot pass.
	in[3] = Input{Value: N(600)}
	in[4] = Input{Value: N(1)}
	w := sc.WhatIf(in)
	if w.Lines[2].Kind != CannotPass {
		t.Errorf("ce: %s", lineText(w.Lines[2]))
	}
	// A metric with no value leaves the others' lines unknown.
	in = octoberInputs(t, sc)
	in[0] = Input{Missing: true}
	w = sc.WhatIf(in)
	if w.Lines[2].Kind != LineUnknown || w.Lines[0].Kind == LineUnknown {
		t.Errorf("ce %s, offer rate %s", w.Lines[2].Kind, w.Lines[0].Kind)
	}
}

func TestPassLineInterpolatedAndGate(t *testing.T) {
	sc := preset(t, "retention-smooth")
	// CSAT 85 %, saves 35 %, AHT 480 s, compliance 2.
	in := []Input{{Value: N(85)}, {Value: N(35)}, {Value: N(480)}, {Value: N(2)}}
	w := sc.WhatIf(in)
	// Points: CSAT 2 + 5/15 = 2.3333, saves 2, AHT 2, compliance 2:
	// 0.93333 + 0.6 + 0.4 + 0.2 = 2.1333 → 2.13, pass.
	if w.Month.Score.String() != "2.13" || !w.Month.Pass {
		t.Fatalf("month %s %v", w.Month.Score, w.Month.Pass)
	}
	// CSAT needs (1.995 − 1.2) · 100 / 40 = 1.9875 points: 70 + 9.875 = 79.875 %.
	if got := lineText(w.Lines[0]); got != "csat at 79.875 (1.9875 points)" {
		t.Errorf("csat: %s", got)
	}
	// AHT (lower is better) needs (1.995 − 1.7333) · 100 / 20 = 1.3083 points:
	// 600 − 240 · 0.3083 / 2 = 563 s.
	if l := w.Lines[2]; l.Kind != LineAt || l.Value.String() != "563" {
		t.Errorf("aht: %s", lineText(l))
	}
	// Compliance: the gate of 2 rules, though the score alone would allow less.
	if got := lineText(w.Lines[3]); got != "compliance at 2 (2 points)" {
		t.Errorf("compliance: %s", got)
	}
	// Interpolated headroom: every move changes the points.
	if h := w.Lines[0].Headroom; !h.Worsen.IsZero() || !h.Improve.IsZero() || h.PassWorsen.String() != "5.125" {
		t.Errorf("csat headroom %+v", h)
	}
}

// TestPassLinesHold checks every pass line against the engine itself: the
// value it names passes, and a value a hair worse fails.
func TestPassLinesHold(t *testing.T) {
	for _, p := range Presets() {
		sc := preset(t, p.ID)
		for seed := 0; seed < 60; seed++ {
			in := scenario(sc, seed)
			w := sc.WhatIf(in)
			for i, l := range w.Lines {
				m := &sc.Metrics[i]
				try := func(v Num) bool {
					alt := append([]Input(nil), in...)
					alt[i] = Input{Value: v}
					return sc.ScoreMonth(0, alt).Pass
				}
				switch l.Kind {
				case LineAt:
					hair := MustNum("0.0001")
					if m.Better == Lower && !m.IsPoints() {
						hair = hair.Neg()
					}
					if !try(l.Value) || try(l.Value.Sub(hair)) {
						t.Errorf("%s seed %d %s: the line %s does not hold (at: %v, a hair worse: %v)", p.ID, seed, m.ID, l.Value, try(l.Value), try(l.Value.Sub(hair)))
					}
				case PassesAtWorst:
					if !w.Month.Pass && !sc.ScoreMonth(0, in).Pass && !try(worstValue(sc, m)) {
						t.Errorf("%s seed %d %s: passes at the worst, but the worst fails", p.ID, seed, m.ID)
					}
				case CannotPass:
					if try(bestValue(sc, m)) {
						t.Errorf("%s seed %d %s: cannot pass, but the best passes", p.ID, seed, m.ID)
					}
				}
			}
		}
	}
}

// scenario makes a deterministic spread of month scenarios over a scorecard.
func scenario(sc *Scorecard, seed int) []Input {
	in := make([]Input, len(sc.Metrics))
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		k := int64((seed*7 + i*13) % 11) // 0..10
		lo, hi := worstValue(sc, m), bestValue(sc, m)
		in[i] = Input{Value: lo.Add(hi.Sub(lo).Mul(Frac(k, 10)))}
	}
	return in
}

func worstValue(sc *Scorecard, m *Metric) Num {
	switch {
	case m.IsPoints():
		return sc.Scale.Lowest()
	case m.Source.Kind == FromNPS:
		return N(-100)
	case m.Better == Lower:
		return N(1000)
	}
	return Num{}
}

func bestValue(sc *Scorecard, m *Metric) Num {
	switch {
	case m.IsPoints():
		return sc.Scale.Highest()
	case m.Better == Lower:
		return Num{}
	}
	return N(100)
}

// TestPassingCombinations answers "sales scored 1 twice, can I still pass?"
// for the SPEC's scorecard: only with CE at 3, and AHT and attendance
// together at 3.5 points or more (attendance moves in half points: one late
// costs 0.5), e.g. AHT 1 with one late.
func TestPassingCombinations(t *testing.T) {
	sc := loadSpecScorecard(t)
	combos, err := sc.PassingCombinations(map[string]Num{"offer_rate": N(1), "conversion": N(1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(combos) == 0 {
		t.Fatal("no combination passes")
	}
	for _, c := range combos {
		if !c[2].Equal(N(3)) || c[3].Add(c[4]).Less(MustNum("3.5")) {
			t.Errorf("unexpected passing combination %v", c)
		}
	}
	// Every combination with CE 3 and AHT + attendance ≥ 3.5 is listed:
	// AHT 1, 2 or 3 with attendance from 2.5, 1.5 or 1 up in half points.
	if len(combos) != 2+4+5 {
		t.Errorf("got %d combinations, want 11: %v", len(combos), combos)
	}
	// AHT 1 and attendance 2.5 make 3.5: 0.4 + 1.2 + 0.1 + 0.25 = 1.95 → 2.0.
	if !sc.PassesWith([]Num{N(1), N(1), N(3), N(1), MustNum("2.5")}) || sc.PassesWith([]Num{N(1), N(1), N(3), N(1), N(2)}) {
		t.Error("the 3.5 boundary is wrong")
	}
	// With both sales at 1 and CE at 2, nothing passes.
	combos, _ = sc.PassingCombinations(map[string]Num{"offer_rate": N(1), "conversion": N(1), "ce": N(2)})
	if len(combos) != 0 {
		t.Errorf("CE 2 with no sales should never pass: %v", combos)
	}
	if _, err := sc.PassingCombinations(map[string]Num{"sales": N(1)}); err == nil {
		t.Error("an unknown metric must be refused")
	}
}

func TestPassMap(t *testing.T) {
	sc := loadSpecScorecard(t)
	pm, err := sc.PassMap(octoberInputs(t, sc), "ce", "attendance")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(pm.ALevels) != "[1 2 3]" || fmt.Sprint(pm.BLevels) != "[1 1.5 2 2.5 3]" {
		t.Errorf("levels %v %v", pm.ALevels, pm.BLevels)
	}
	// Others: 0.2 + 0.2 + 0.2 = 0.6; CE 3 adds 1.2, so attendance needs 1.5.
	want := "[[false false false false false] [false false false false false] [false true true true true]]"
	if fmt.Sprint(pm.Pass) != want {
		t.Errorf("pass map %v, want %s", pm.Pass, want)
	}
	if _, err := sc.PassMap(octoberInputs(t, sc), "ce", "ce"); err == nil {
		t.Error("a pass map of one metric with itself must be refused")
	}
}

func TestLevels(t *testing.T) {
	sc := preset(t, "tech-support")
	want := map[string]string{"nps": "[1 2 3 4 5]", "qa": "[1 2 3 4 5]", "attendance": "[1 2 3 4 5]"}
	for id, w := range want {
		if got := fmt.Sprint(sc.Levels(sc.Metric(id))); got != w {
			t.Errorf("%s levels %s, want %s", id, got, w)
		}
	}
	skip := &Metric{Unit: Number, Better: Higher, Bands: []Band{{N(3), N(10)}}}
	if got := fmt.Sprint(sc.Levels(skip)); got != "[1 3]" {
		t.Errorf("skipped levels: %s", got)
	}
}

func TestCountNeeds(t *testing.T) {
	sc := loadSpecScorecard(t)
	ce, conv := sc.Metric("ce"), sc.Metric("conversion")
	// CE 17 of 20 (85 %) to 90 %: 10 satisfied surveys in a row; or 10 of the next 10.
	in := Input{Value: N(85), Counts: []Num{N(17), N(20)}}
	need, ok := sc.CountNeedFor(ce, in, N(90))
	if !ok || need.InARow != 10 || need.Column != "satisfied" {
		t.Errorf("CE need %+v", need)
	}
	if x, ok := sc.OutOfNext(ce, in, N(90), 10); !ok || x != 10 {
		t.Errorf("out of the next 10: %d %v", x, ok)
	}
	// CE 23 of 25 (92 %) stays at 90 % with 9 satisfied of the next 10 surveys.
	if x, ok := sc.OutOfNext(ce, Input{Counts: []Num{N(23), N(25)}}, N(90), 10); !ok || x != 9 {
		t.Errorf("out of the next 10 at 92 %%: %d %v", x, ok)
	}
	if _, ok := sc.OutOfNext(ce, in, N(90), 5); ok {
		t.Error("5 surveys cannot bring 17/20 to 90 %")
	}
	// Conversion 5 of 520 calls (0.96 %) to 1 %: 1 more sale on the same calls.
	need, _ = sc.CountNeedFor(conv, Input{Counts: []Num{N(5), N(520)}}, N(1))
	if need.More != 1 || need.Column != "sales" {
		t.Errorf("conversion need %+v", need)
	}
	// 100 % is out of reach while a survey is unsatisfied.
	need, _ = sc.CountNeedFor(ce, in, N(100))
	if need.InARow != -1 || need.More != 3 {
		t.Errorf("to 100 %%: %+v", need)
	}
	// A metric without counts has no count need.
	if _, ok := sc.CountNeedFor(ce, Input{Value: N(85)}, N(90)); ok {
		t.Error("a direct value has no count need")
	}
	ts := preset(t, "tech-support")
	nps := ts.Metric("nps")
	// NPS 10/5/5 (25) to 40: 5 more promoters.
	npsIn := Input{Value: N(25), Counts: []Num{N(10), N(5), N(5)}}
	if need, _ := ts.CountNeedFor(nps, npsIn, N(40)); need.InARow != 5 || need.Column != "promoters" {
		t.Errorf("NPS need %+v", need)
	}
	// One more detractor takes 2 promoters to bring the NPS back to 25.
	if k, ok := ts.DetractorOffset(nps, npsIn); !ok || k != 2 {
		t.Errorf("detractor offset %d %v", k, ok)
	}
}

func TestPooledNeeds(t *testing.T) {
	sc := preset(t, "tech-support")
	head := "month,agent,contacts,resolved_first,aht,promoters,passives,detractors,qa,late,absent\n"
	d := readText(t, sc, head+"2026-04,Jo,100,75,700,10,5,5,3,0,0\n2026-05,Jo,300,220,720,12,4,4,3,1,0\n")
	months := d.Agents[0].Months
	q := PooledQuarter{Counted: [][]Input{months[0].Inputs, months[1].Inputs}, Remaining: 1, WhatIf: months[1].Inputs}
	needs, err := sc.PooledNeeds(q)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, n := range needs {
		lines = append(lines, fmt.Sprintf("%s %s %s per %s %s", n.Metric, n.Kind, n.Value.Short(4), n.Volume, n.VolumeOf))
	}
	// June at May's values makes the others' pooled points 3, 3, 3, 3, 4.33.
	// FCR assumes 200 contacts in June (the mean of 100 and 300) and needs
	// 3 points: (29500 + 200x) / 600 ≥ 70, x ≥ 62.5. NPS: (1300 + 20x) / 60 ≥
	// 20, x ≥ −5. AHT: (286000 + 200x) / 600 ≤ 780, x ≤ 910.
	want := "nps at -5 per 20 responses\nfcr at 62.5 per 200 contacts\naht at 910 per 200 contacts\n" +
		"qa passes even at the worst 0 per 1 \nattendance passes even at the worst 0 per 1 "
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("needs:\n%s\nwant:\n%s", got, want)
	}
	// Each need, fed back as June's data, passes the quarter; a hair worse fails.
	for i, n := range needs {
		if n.Kind != LineAt {
			continue
		}
		m := &sc.Metrics[i]
		june := func(v Num) bool {
			in := append([]Input(nil), months[1].Inputs...)
			in[i] = juneInput(m, months, v, n.Volume)
			all := append(append([]MonthData(nil), months...), MonthData{Month: MonthOf(2026, 6), Inputs: in})
			return sc.ScoreQuarter(MonthOf(2026, 4), all).Pass
		}
		hair := MustNum("0.001")
		if m.Better == Lower && !m.IsPoints() {
			hair = hair.Neg()
		}
		if !june(n.Value) || june(n.Value.Sub(hair)) {
			t.Errorf("%s: the pooled need %s does not hold (at: %v, a hair worse: %v)", m.ID, n.Value, june(n.Value), june(n.Value.Sub(hair)))
		}
	}
	// An override of the volume changes the need: with 1000 contacts in June
	// the months so far (73.75 %) weigh less: (29500 + 1000x) / 1400 ≥ 70.
	q.Volumes = map[string]Num{"fcr": N(1000)}
	needs2, _ := sc.PooledNeeds(q)
	if needs2[1].Volume.String() != "1000" || needs2[1].Value.String() != "68.5" {
		t.Errorf("with 1000 contacts the FCR need is %s, want 68.5", needs2[1].Value)
	}
	if _, err := sc.PooledNeeds(PooledQuarter{Remaining: 0, WhatIf: q.WhatIf}); err == nil {
		t.Error("a quarter with no month to come has no need")
	}
}

// juneInput builds a month input whose value is v at the assumed volume.
func juneInput(m *Metric, months []MonthData, v, volume Num) Input {
	switch m.Source.Kind {
	case FromRatio:
		return Input{Value: v, Counts: []Num{v.Mul(volume).Div(N(100)), volume}}
	case FromNPS: // promoters and detractors at the given NPS, no passives
		p := volume.Mul(N(100).Add(v)).Div(N(200))
		return Input{Value: v, Counts: []Num{p, Num{}, volume.Sub(p)}}
	case FromColumn:
		if m.Source.WeightBy != "" {
			return Input{Value: v, Weight: volume, Weighted: true}
		}
	}
	return Input{Value: v}
}

func TestInputAt(t *testing.T) {
	sc := loadSpecScorecard(t)
	ce := sc.Metric("ce")
	in := sc.InputAt(ce, Input{Value: N(92), Counts: []Num{N(23), N(25)}}, N(84))
	if !in.Value.Equal(N(84)) || !in.Counts[0].Equal(N(21)) || !in.Counts[1].Equal(N(25)) {
		t.Errorf("CE at 84 %% over 25 surveys: %+v", in)
	}
	ts := preset(t, "tech-support")
	nps := ts.Metric("nps")
	for _, v := range []string{"25", "-100", "100", "60", "-37.5"} {
		in := ts.InputAt(nps, Input{Value: N(25), Counts: []Num{N(10), N(5), N(5)}}, MustNum(v))
		got, ok := ts.ValueFromCounts(nps, in.Counts)
		total := in.Counts[0].Add(in.Counts[1]).Add(in.Counts[2])
		if !ok || !got.Equal(MustNum(v)) || !total.Equal(N(20)) || in.Counts[0].Sign() < 0 || in.Counts[1].Sign() < 0 || in.Counts[2].Sign() < 0 {
			t.Errorf("NPS at %s: counts %v give %s", v, in.Counts, got)
		}
	}
	if in := ts.InputAt(ts.Metric("qa"), Input{Value: N(3)}, N(4)); in.Counts != nil || !in.Value.Equal(N(4)) {
		t.Errorf("qa: %+v", in)
	}
}
