package state

import (
	"math"
	"testing"

	"passline/scoring"
)

// Issue 24: plan A as a snapshot, months typed in, what the odds hold.

// TestPlanAIsASnapshot (issue 24): plan A, kept for November, never
// changes when October's what-ifs change afterwards (the quarter's odds
// depend on them): its odds stay as kept while plan B's quarter moves, and
// what differs names October's change. With October and November's data,
// plan A (the month to come: December) is the same.
func TestPlanAIsASnapshot(t *testing.T) {
	m := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"},
		KeepPlan{Month: "2026-11"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	kept := p.WorkOutOdds(m, nil).Plan
	if kept == nil || kept.Err != nil {
		t.Fatalf("plan A: %+v", kept)
	}
	// November's month odds: P(≥ 23 of 25 satisfied at 92 %), as TestPlans.
	if math.Abs(kept.Pass-binomAtLeast(25, 23, 0.92)) > 1e-9 {
		t.Errorf("plan A's November %v", kept.Pass)
	}
	// October's offer rate at 50 % (3 points): October's score rises, so the
	// quarter's odds of plan B move; plan A's must not.
	m = updated(t, m, SetWhatIf{Month: "2026-10", Metric: "offer_rate", Value: scoring.N(50)})
	after := p.WorkOutOdds(m, nil).Plan
	if after == nil || after.Pass != kept.Pass || after.QuarterPass != kept.QuarterPass {
		t.Errorf("plan A changed: %v/%v → %v/%v", kept.Pass, kept.QuarterPass, after.Pass, after.QuarterPass)
	}
	if b := p.Odds(m); b.QuarterPass == kept.QuarterPass {
		t.Errorf("plan B's quarter did not move (%v)", b.QuarterPass)
	}
	want := "October's Offer rate: as in your data in plan A, 50" + NBSP + "% now."
	if got := p.PlanDiffers(m); len(got) != 1 || got[0] != want {
		t.Errorf("differs %q, want %q", got, want)
	}
}

// TestTypedMonthPutsAwayItsWhatIfs (issue 24): what-ifs made for November
// while it was to come, and plan A kept for it, go when November is typed
// in: the typed values are what November scores, and the page says so.
func TestTypedMonthPutsAwayItsWhatIfs(t *testing.T) {
	m := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"},
		SetWhatIf{Month: "2026-11", Metric: "ce", Value: scoring.N(98)}, KeepPlan{Month: "2026-11"})
	next := updated(t, m, AddMonth{Agent: "Jo", Month: "2026-11"})
	if next.HasWhatIfs(scoring.MonthOf(2026, 11)) || next.PlanA != nil {
		t.Errorf("November kept its what-ifs (%v) or plan A (%v)", next.WhatIfs, next.PlanA)
	}
	want := "The what-ifs you made for November 2026 while it was still to come were put away: it has its own numbers now. Plan A, kept for November 2026, was forgotten."
	if got := PutAwayWords(m, next, "2026-11"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := PutAwayWords(next, next, "2026-11"); got != "" {
		t.Errorf("nothing put away, yet %q", got)
	}
}

// TestOddsHoldWhatYouSet (issue 24): a metric left to chance whose value
// or points the user set for the month to come is held there, as the
// verdict holds it, and the card says so. SPEC's October as the data;
// November with conversion drawn per offer at 0 of 60 (certainly 1 point):
// CE set at 80 % (2 points) gives 0.2 + 0.2 + 0.8 + 0.2 + 0.25 = 1.65 → 1.7,
// a fail in every draw; at 92 % (3 points) 2.05 → 2.1, a pass in every draw;
// given 1 point, 1.25 → 1.3, a fail. (Drawn at 92 % of 25 surveys it would be
// P(≥ 23 of 25) = 68 %.)
func TestOddsHoldWhatYouSet(t *testing.T) {
	base := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"})
	one := scoring.N(1)
	for _, tc := range []struct {
		name string
		msg  Msg
		pass float64
		set  string
	}{
		{"CE at 80 %", SetWhatIf{Month: "2026-11", Metric: "ce", Value: scoring.N(80)}, 0, "Customer experience is held at the 80" + NBSP + "% you set for November 2026, not left to chance."},
		{"CE at 92 %", SetWhatIf{Month: "2026-11", Metric: "ce", Value: scoring.N(92)}, 1, "Customer experience is held at the 92" + NBSP + "% you set for November 2026, not left to chance."},
		{"CE given 1 point", SetPoints{Month: "2026-11", Metric: "ce", Points: &one}, 0, "Customer experience is held at the 1" + NBSP + "point you gave it for November 2026, not left to chance."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := updated(t, base, tc.msg)
			p, err := Prepare(m)
			if err != nil {
				t.Fatal(err)
			}
			o := p.Odds(m)
			if o.Err != nil || o.Pass != tc.pass {
				t.Errorf("November: %v (%v), want %v", o.Pass, o.Err, tc.pass)
			}
			if w := OddsWords(p.Scorecard, o); len(w.Set) != 1 || w.Set[0] != tc.set {
				t.Errorf("the card says %q, want %q", w.Set, tc.set)
			}
		})
	}
}
