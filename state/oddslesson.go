package state

import (
	"fmt"

	"passline/scoring"
)

// OddsLesson is the learn screen's worked example of odds (issue 17): the
// October story told as two plans for November, at her usual rates.
type OddsLesson struct {
	Story string
	Plans []PlanLesson
	Moral string
	Err   error
}

// PlanLesson is one plan of the lesson and its odds.
type PlanLesson struct {
	Name           string
	Holds          string // what the plan does, in words
	Month, Quarter float64
}

// oddsLesson works the two plans out with the engine, on the built-in
// Care and sales scorecard: October as SPEC section 4 has it (2.05), then
// November and December alike. Plan A holds CE at its 92 % of 25 surveys
// and offers as now (60 of 520 calls, no sale); plan B offers on half the
// calls, each offer selling at 2 %.
func oddsLesson() OddsLesson {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		return OddsLesson{Err: err}
	}
	l := OddsLesson{
		Story: "October: 2.1, a pass, with both sales metrics at 1 (60 offers in 520 calls, no sale) and CE at 3 (23 of 25 surveys satisfied). " +
			"She means to stop chasing sales and hold CE at 3; her team leader says CE is a luck game, a handful of surveys decides it. " +
			"October counts 2.05 towards 2026-Q4. Here are her two plans for November and December, at her usual 92 % of satisfied surveys and 25 surveys a month: the chance of passing each.",
		Moral: "A plan that needs CE at 3 every month passes only when the surveys fall her way; offering more gives the sales metrics points that do not depend on a handful of surveys. These are estimates: which results pass is exact.",
	}
	ce, err := sc.PointsDist(sc.Metric("ce"), scoring.Draw{Trials: 25, Rates: []float64{0.92}})
	if err != nil {
		return OddsLesson{Err: err}
	}
	held := func(id string, v scoring.Num) scoring.Dist {
		mt := sc.Metric(id)
		return scoring.Fixed(sc.PointsFor(mt, v))
	}
	aht, attendance := held("aht", scoring.N(455)), scoring.Fixed(scoring.Frac(5, 2)) // 7:35; one late
	// Plan B: 260 offers in 520 calls (50 %), each selling at 2 %.
	conversionB, err := sc.PointsDist(sc.Metric("conversion"), scoring.Draw{Trials: 260, Rates: []float64{0.02}, Den: scoring.N(520)})
	if err != nil {
		return OddsLesson{Err: err}
	}
	plans := []struct {
		name, holds string
		dists       []scoring.Dist // in the scorecard's order: offer rate, conversion, CE, AHT, attendance
	}{
		{"Plan A: hold CE at 3, offer as now", "Offer rate 11.5 % (60 of 520 calls), no sale; CE at her 92 %.",
			[]scoring.Dist{held("offer_rate", scoring.Frac(1500, 130)), held("conversion", scoring.N(0)), ce, aht, attendance}},
		{"Plan B: offer on half the calls at a 2 % conversion", "Offer rate 50 % (260 of 520 calls), each offer selling at 2 %; CE at her 92 %.",
			[]scoring.Dist{held("offer_rate", scoring.N(50)), conversionB, ce, aht, attendance}},
	}
	october := sc.ScoreMonth(scoring.MonthOf(2026, 10), []scoring.Input{
		{Value: scoring.Frac(1500, 130)}, {Value: scoring.N(0)}, {Value: scoring.N(92)}, {Value: scoring.N(455)}, {Value: scoring.Frac(5, 2)}})
	for _, p := range plans {
		odds, err := sc.MonthOddsOf(p.dists)
		if err != nil {
			return OddsLesson{Err: err}
		}
		quarter, err := sc.AverageQuarterOdds([]scoring.Num{october.Exact}, []scoring.Dist{odds.Scores, odds.Scores})
		if err != nil {
			return OddsLesson{Err: err}
		}
		l.Plans = append(l.Plans, PlanLesson{Name: p.name, Holds: p.holds, Month: odds.Pass, Quarter: quarter})
	}
	return l
}

// PlanLessonWords says a plan's odds: "November 68 %, 2026-Q4 46 %".
func PlanLessonWords(p PlanLesson) string {
	return fmt.Sprintf("November %s, 2026-Q4 %s", ChanceText(p.Month), ChanceText(p.Quarter))
}
