package app

import (
	"fmt"
	"testing"

	"passline/scoring"
	"passline/state"
)

func TestGuard(t *testing.T) {
	err := guard("testing", func() { panic("boom") })
	if err == nil || err.Error() != "something went wrong while testing: boom" {
		t.Errorf("guard: %v", err)
	}
	if err := guard("testing", func() {}); err != nil {
		t.Errorf("no panic: %v", err)
	}
}

// TestShownColumns: a sheet of 5,000 columns lists its 10 used ones and
// 50 unused ones (60 in all), and counts the other 4,940.
func TestShownColumns(t *testing.T) {
	var cols []scoring.ColumnUse
	for i := 0; i < 5000; i++ {
		key := ""
		if i%500 == 0 { // 10 used: 0, 500, … 4500
			key = "calls"
		}
		cols = append(cols, scoring.ColumnUse{Header: fmt.Sprint("c", i), Key: key})
	}
	shown, more := shownColumns(cols)
	used := 0
	for _, u := range shown {
		if u.Key != "" {
			used++
		}
	}
	if len(shown) != 60 || used != 10 || more != 4940 {
		t.Errorf("%d shown (%d used), %d more; want 60 (10 used), 4940", len(shown), used, more)
	}
	if small, more := shownColumns(cols[:40]); len(small) != 40 || more != 0 {
		t.Errorf("40 columns: %d shown, %d more", len(small), more)
	}
}

// TestOddsPanicClearsTheCard (issue 25): a panic while working the odds out
// leaves the card saying so, never the odds and steps of before.
func TestOddsPanicClearsTheCard(t *testing.T) {
	c := &Calculator{}
	c.oddsJob.work = &state.OddsWork{Odds: state.Odds{Pass: 0.68}, Steps: []state.OddsStep{{Words: "One late fewer (Attendance)"}}}
	c.prepared = &state.Prepared{} // no scorecard: working the odds out panics
	c.view.Agent = &scoring.AgentData{Name: "Jo"}
	c.workOutOdds()
	w := c.oddsJob.shown(c.prepared, "Jo")
	if w == nil || w.Odds.Err == nil || w.Odds.Pass != 0 || w.Steps != nil || c.oddsJob.busy {
		t.Errorf("after a panic: %+v", w)
	}
}
