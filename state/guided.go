package state

import (
	"fmt"
	"strconv"
	"strings"

	"passline/csv"
	"passline/scoring"
)

// GuidedAnswer is a floor situation and the engine's answer to it.
type GuidedAnswer struct {
	ID, Question, Setup string
	Answer              string // worked out by the engine
	Why                 string
	Field               *LessonField // an input the learner can change
	Err                 string
}

// storyMonth reads the SPEC's October story (Jo, care-and-sales).
func storyMonth() (*scoring.Scorecard, scoring.MonthData) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	d, _ := csv.ReadData(strings.NewReader(DefaultData), sc)
	return sc, d.Agents[0].Months[0]
}

// guidedAnswers answers the floor scenarios with the engine.
func guidedAnswers(m Model) []GuidedAnswer {
	return []GuidedAnswer{guidedSalesAtOne(), guidedLongCall(m), guidedDetractor(), guidedLastMonth()}
}

func guidedSalesAtOne() GuidedAnswer {
	sc, _ := scoring.LoadPreset("care-and-sales")
	g := GuidedAnswer{ID: "sales-at-one", Question: "Both sales metrics scored 1: can you still pass?",
		Setup: "The Care and sales scorecard: pass mark " + sc.Pass.Fixed(sc.Decimals) + ", offer rate and sales conversion at 1 point each."}
	combos, err := sc.PassingCombinations(map[string]scoring.Num{"offer_rate": scoring.N(1), "conversion": scoring.N(1)})
	if err != nil {
		g.Err = err.Error()
		return g
	}
	if len(combos) == 0 {
		g.Answer = "No: no combination of the other metrics' points passes."
		return g
	}
	best := combos[0]
	for _, c := range combos {
		if sc.ScoreWith(c).Less(sc.ScoreWith(best)) {
			best = c
		}
	}
	var parts, must []string
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		if mt.ID == "offer_rate" || mt.ID == "conversion" {
			continue
		}
		parts = append(parts, mt.Label+" "+PointsText(best[i]))
		same := true
		for _, c := range combos {
			same = same && c[i].Equal(combos[0][i])
		}
		if same {
			must = append(must, mt.Label+" must be at "+PointsText(combos[0][i]))
		}
	}
	g.Answer = fmt.Sprintf("Yes: %s pass. The lowest that passes: %s, a score of %s.", Plural(len(combos), "combination"), strings.Join(parts, ", "), sc.ScoreWith(best).Fixed(sc.Decimals))
	salesWeight := sc.Metric("offer_rate").Weight.Add(sc.Metric("conversion").Weight)
	g.Why = fmt.Sprintf("Sales carry %s %% of the weight between them, so 1 point each instead of %s costs %s of score. ",
		salesWeight.Short(2), PointsText(sc.Scale.Highest()), salesWeight.Mul(sc.Scale.Highest().Sub(sc.Scale.Lowest())).Div(scoring.N(100)).Short(2))
	if len(must) > 0 {
		g.Why += strings.Join(must, "; ") + " in every one of them."
	}
	return g
}

func guidedLongCall(m Model) GuidedAnswer {
	sc, story := storyMonth()
	aht, calls := sc.Metric("aht"), story.Inputs[sc.Index("offer_rate")].Counts[1]
	base := story.Inputs[sc.Index("aht")].Value
	g := GuidedAnswer{ID: "long-call", Question: "A long care call in the middle of a sales push: what does it cost?",
		Setup: fmt.Sprintf("The October story: %s calls at an AHT of %s, a month of %s. Then one more call, a long one.",
			calls.Short(0), MetricValue(aht, base), sc.WhatIf(story.Inputs).Month.Score.Fixed(sc.Decimals)),
		Field: &LessonField{Key: "scenarios.minutes", Label: "The long call lasts (minutes)", Value: "45", Mode: "numeric"}}
	if v, ok := m.Answers[g.Field.Key]; ok {
		g.Field.Value = v
	}
	minutes, err := count(g.Field.Label, g.Field.Value)
	if err != nil {
		g.Err = err.Error()
		return g
	}
	// ahtWith is the AHT with k more calls of that length; monthAt the
	// month with that AHT.
	ahtWith := func(k int64) scoring.Num {
		n := scoring.N(k)
		return base.Mul(calls).Add(minutes.Mul(scoring.N(60)).Mul(n)).Div(calls.Add(n))
	}
	// monthAt is the month with k more calls of that length: AHT moves,
	// and each call also counts in the ratios over calls (offer rate,
	// conversion) as a call without an offer or a sale.
	monthAt := func(k int64) (scoring.MonthResult, []scoring.Input) {
		inputs := append([]scoring.Input(nil), story.Inputs...)
		inputs[sc.Index("aht")] = sc.InputAt(aht, inputs[sc.Index("aht")], ahtWith(k))
		for i := range sc.Metrics {
			mt := &sc.Metrics[i]
			if mt.Source.Kind != scoring.FromRatio || mt.Source.Den != "calls" || inputs[i].Counts == nil {
				continue
			}
			in := inputs[i]
			in.Counts = []scoring.Num{in.Counts[0], in.Counts[1].Add(scoring.N(k))}
			in.Value, _ = sc.ValueFromCounts(mt, in.Counts)
			inputs[i] = in
		}
		return sc.WhatIf(inputs).Month, inputs
	}
	after := ahtWith(1)
	month, inputs := monthAt(1)
	was, now := sc.PointsFor(aht, base), sc.PointsFor(aht, after)
	g.Answer = fmt.Sprintf("AHT goes from %s to %s (%s), and the month scores %s: %s.", MetricValue(aht, base), MetricValue(aht, after), PointsText(now), month.Score.Fixed(sc.Decimals), PassWord(month.Pass))
	var ratios []string
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		if mt.Source.Kind == scoring.FromRatio && mt.Source.Den == "calls" {
			moves := "goes from " + MetricValue(mt, story.Inputs[i].Value) + " to "
			if inputs[i].Value.Equal(story.Inputs[i].Value) {
				moves = "stays at "
			}
			ratios = append(ratios, fmt.Sprintf("%s %s%s (%s)", strings.ToLower(mt.Label), moves, MetricValue(mt, inputs[i].Value), PointsText(sc.PointsFor(mt, inputs[i].Value))))
		}
	}
	if len(ratios) > 0 {
		g.Answer += " It is a call without an offer or a sale: " + strings.Join(ratios, ", ") + "."
	}
	if !now.Equal(was) {
		g.Why = fmt.Sprintf("This call alone moves AHT into another band: %s instead of %s for the month.", PointsText(now), PointsText(was))
		return g
	}
	g.Why = fmt.Sprintf("One call hardly moves an average over %s calls, and no number of calls like it changes the AHT points.", calls.Short(0))
	for k := int64(2); k <= 1000; k++ { // within a month's reach

		if a := ahtWith(k); !sc.PointsFor(aht, a).Equal(was) {
			mo, _ := monthAt(k)
			g.Why = fmt.Sprintf("One call hardly moves an average over %s calls. It takes %d calls like it to cross the band (AHT %s): the month would then score %s, %s.",
				calls.Short(0), k, MetricValue(aht, a), mo.Score.Fixed(sc.Decimals), PassWord(mo.Pass))
			break
		}
	}
	return g
}

func PassWord(pass bool) string {
	if pass {
		return "PASS"
	}
	return "FAIL"
}

func guidedDetractor() GuidedAnswer {
	sc, _ := scoring.LoadPreset("tech-support")
	nps := sc.Metric("nps")
	g := GuidedAnswer{ID: "one-detractor", Question: "One detractor in a month with few surveys",
		Setup: "The Tech support scorecard. Eight responses: 5 promoters, 2 passives, 1 detractor. Then one more detractor."}
	few := scoring.Input{Counts: []scoring.Num{scoring.N(5), scoring.N(2), scoring.N(1)}}
	few.Value, _ = sc.ValueFromCounts(nps, few.Counts)
	worse, _ := sc.ValueFromCounts(nps, []scoring.Num{scoring.N(5), scoring.N(2), scoring.N(2)})
	p0, p1 := sc.PointsFor(nps, few.Value), sc.PointsFor(nps, worse)
	lost := nps.Weight.Mul(p0.Sub(p1)).Div(scoring.N(100))
	g.Answer = fmt.Sprintf("NPS falls from %s to %s: %s instead of %s, %s off the month's score.", few.Value.Short(2), worse.Short(2), PointsText(p1), PointsText(p0), lost.Short(2))
	if k, ok := sc.DetractorOffset(nps, few); ok {
		back := 0 // the promoters after the detractor that give the points back
		for n := int64(1); n <= k && back == 0; n++ {
			v, _ := sc.ValueFromCounts(nps, []scoring.Num{scoring.N(5 + n), scoring.N(2), scoring.N(2)})
			if !sc.PointsFor(nps, v).Less(p0) {
				back = int(n)
			}
		}
		if back > 0 && int64(back) < k {
			g.Answer += fmt.Sprintf(" %s win%s the points back; it takes %s to bring the NPS back to %s.",
				Capitalize(Plural(back, "promoter")), map[bool]string{true: "s", false: ""}[back == 1], Plural(int(k), "promoter"), few.Value.Short(2))
		} else {
			g.Answer += fmt.Sprintf(" It takes %s to win back the points and the NPS of %s.", Plural(int(k), "promoter"), few.Value.Short(2))
		}
	}
	many, _ := sc.ValueFromCounts(nps, []scoring.Num{scoring.N(25), scoring.N(10), scoring.N(6)})
	g.Why = fmt.Sprintf("With few responses each one weighs a lot. With 40 responses at the same NPS (25, 10, 5) the same detractor only takes it to %s: %s.", many.Short(2), PointsText(sc.PointsFor(nps, many)))
	return g
}

// lastMonthData is a quarter with two months scored: October (the story)
// and a weaker November.
const lastMonthData = DefaultData + "2026-11,Jo,500,60,0,25,20,7:35,1,0\n"

func guidedLastMonth() GuidedAnswer {
	sc, _ := scoring.LoadPreset("care-and-sales")
	d, err := csv.ReadData(strings.NewReader(lastMonthData), sc)
	g := GuidedAnswer{ID: "last-month", Question: "What do you need in the last month of the quarter?"}
	if err != nil {
		g.Err = err.Error()
		return g
	}
	months := d.Agents[0].Months
	q := sc.ScoreQuarter(sc.QuarterOf(months[0].Month), months)
	oct, nov := q.Months[0], q.Months[1]
	g.Setup = fmt.Sprintf("The Care and sales scorecard judges a quarter on the mean of its months. October scored %s; November, with CE down to 80 %%, %s.", oct.Score.Fixed(sc.Decimals), nov.Score.Fixed(sc.Decimals))
	if q.Need == nil {
		g.Answer = "The quarter is already decided: " + string(q.Status) + "."
		return g
	}
	g.Answer = fmt.Sprintf("December needs a score of at least %s for the quarter to reach %s.", q.Need.Text(sc.Decimals), sc.Pass.Fixed(sc.Decimals))
	like := append(months, scoring.MonthData{Month: months[1].Month + 1, Inputs: months[0].Inputs})
	lq := sc.ScoreQuarter(q.Start, like)
	verdict := "enough"
	if !lq.Pass {
		verdict = "not enough"
	}
	g.Why = fmt.Sprintf("A December like October (%s) is %s: the quarter would score %s, %s.", oct.Score.Fixed(sc.Decimals), verdict, lq.Score.Fixed(sc.Decimals), PassWord(lq.Pass))
	if sc.Quarter.AverageOf != scoring.AverageRounded {
		g.Why += fmt.Sprintf(" The quarter averages the months' exact scores (October %s, November %s), not the rounded ones.", oct.Exact.Short(4), nov.Exact.Short(4))
	}
	return g
}

// QuizQuestion is one question of the quiz; Correct and Explain come from
// the engine.
type QuizQuestion struct {
	Question string
	Options  []string
	Correct  int
	Explain  string
	Chosen   int
	Answered bool
}

// quiz asks five questions, answered by the engine.
func quiz() []QuizQuestion {
	sc, story := storyMonth()
	ce, aht := sc.Metric("ce"), sc.Metric("aht")
	pick := func(options []string, answer string) int {
		for i, o := range options {
			if o == answer {
				return i
			}
		}
		return -1
	}
	var qs []QuizQuestion
	// 1: CE points from counts.
	v, _ := sc.ValueFromCounts(ce, story.Inputs[sc.Index("ce")].Counts)
	pts := sc.PointsFor(ce, v)
	opts := []string{PointsText(scoring.N(1)), PointsText(scoring.N(2)), PointsText(scoring.N(3))}
	qs = append(qs, QuizQuestion{Question: "On Care and sales, 23 satisfied surveys out of 25: how many points for CE?", Options: opts,
		Correct: pick(opts, PointsText(pts)), Explain: fmt.Sprintf("23 ÷ 25 = %s, and %s.", MetricValue(ce, v), BandWords(sc, ce))})
	// 2: a threshold is inclusive.
	opts = []string{PointsText(scoring.N(1)), PointsText(scoring.N(2)), PointsText(scoring.N(3))}
	qs = append(qs, QuizQuestion{Question: "On Care and sales, an AHT of exactly 8:00: how many points?", Options: opts,
		Correct: pick(opts, PointsText(sc.PointsFor(aht, scoring.N(480)))), Explain: "Meeting a target counts: " + BandWords(sc, aht) + "."})
	// 3: what a point is worth.
	opts = []string{"Offer rate", "Customer experience", "Both the same"}
	// CE's weight against offer rate's: more (1) is CE, less (−1) offer rate.
	w := map[int]string{1: opts[1], -1: opts[0], 0: opts[2]}[ce.Weight.Cmp(sc.Metric("offer_rate").Weight)]
	qs = append(qs, QuizQuestion{Question: "On Care and sales, which point is worth more: a point of CE or a point of offer rate?", Options: opts,
		Correct: pick(opts, w), Explain: fmt.Sprintf("A point adds weight ÷ 100 to the score: CE %s, offer rate %s.", ce.Weight.Div(scoring.N(100)).Short(2), sc.Metric("offer_rate").Weight.Div(scoring.N(100)).Short(2))})
	// 4: rounding before the pass mark.
	exact := scoring.MustNum("1.95")
	rounded := exact.Round(sc.Decimals)
	opts = []string{"Fail", "Pass"}
	qs = append(qs, QuizQuestion{Question: "On Care and sales (pass mark 2.0, one decimal), the exact score is 1.95: pass or fail?", Options: opts,
		Correct: pick(opts, map[bool]string{true: "Pass", false: "Fail"}[!rounded.Less(sc.Pass)]), Explain: fmt.Sprintf("The score is rounded to %s before it meets the pass mark: 1.95 → %s.", DecimalsText(sc.Decimals), rounded.Fixed(sc.Decimals))})
	// 5: NPS from counts.
	tech, _ := scoring.LoadPreset("tech-support")
	nps, _ := tech.ValueFromCounts(tech.Metric("nps"), []scoring.Num{scoring.N(6), scoring.N(2), scoring.N(2)})
	opts = []string{"80", "40", "60"}
	qs = append(qs, QuizQuestion{Question: "6 promoters, 2 passives and 2 detractors: what is the NPS?", Options: opts,
		Correct: pick(opts, nps.Short(2)), Explain: fmt.Sprintf("100 × (6 − 2) ÷ 10 = %s: passives count in the responses but neither add nor take away.", nps.Short(2))})
	return qs
}

// QuizKey is the Model.Answers key of quiz question i.
func QuizKey(i int) string { return "quiz." + strconv.Itoa(i) }
