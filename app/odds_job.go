package app

import (
	"errors"
	"sync/atomic"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

// The odds card's work (issue 25) runs on a goroutine of its own, in
// slices: every oddsSlice it pauses, so that the page draws and takes
// input (a slider keeps moving, the verdict keeps up); a change starts a
// new job and the old one stops at its next pause; after state.OddsBudget
// it is abandoned with a sentence. While it works, the card shows the
// last odds of the same agent, marked as being worked out again.

// oddsSlice is how long the odds work between two pauses: under the 50 ms
// a browser counts as a long task.
const oddsSlice = 30 * time.Millisecond

// errOddsSuperseded stops a job that a newer one replaced.
var errOddsSuperseded = errors.New("a newer change is being worked out")

// oddsJob is the odds card's work and what it shows.
type oddsJob struct {
	run    atomic.Int64    // counts jobs: one whose number is not the last stops at its next pause
	work   *state.OddsWork // what the card shows: nil until worked out
	on     *state.Prepared // the scorecard and data work was worked out on
	agent  string          // whose odds work holds
	busy   bool            // a newer job is at work: work is the last one's
	budget time.Duration   // state.OddsBudget, or less under ?oddsbudget= (a test's)
}

// shown is what the card shows for agent on p: the last work, if it is
// theirs (never another scorecard's, data's or agent's odds).
func (j *oddsJob) shown(p *state.Prepared, agent string) *state.OddsWork {
	if j.work == nil || j.on != p || j.agent != agent {
		return nil
	}
	return j.work
}

// workOutOdds starts working the odds card out for the model now. On the
// page the work runs on its own goroutine and shows itself when done;
// without one (tests) it runs at once.
func (c *Calculator) workOutOdds() {
	run := c.oddsJob.run.Add(1)
	p, m := c.prepared, c.model
	if p == nil || c.view.Agent == nil {
		c.oddsJob.work, c.oddsJob.busy = nil, false
		return
	}
	c.oddsJob.busy = true
	// Marked while at work: should it stop Passline (out of memory), the
	// next start sets the saved state aside and offers it back, as a
	// start that did not finish does (rescue.go).
	if c.session != nil && !c.holdSaves {
		_ = c.session.Set(state.OddsKey, "1")
	}
	pace, agent := c.oddsPace(run), c.view.Agent.Name
	work := func() state.OddsWork {
		var w state.OddsWork
		if err := guard("working out the odds", func() { w = p.WorkOutOdds(m, pace) }); err != nil {
			return state.OddsWork{Odds: state.Odds{Err: errors.New(state.OddsFailedWords)}}
		}
		return w
	}
	if c.ctx == nil {
		c.showOdds(run, p, agent, work())
		return
	}
	ctx := c.ctx
	ctx.Async(func() {
		w := work()
		ctx.Dispatch(func(goapp.Context) {
			c.do("showing the odds", func() { c.showOdds(run, p, agent, w) })
		})
	})
}

// showOdds shows job run's work for agent, worked out on p, unless a
// newer job is at work (it shows its own, and clears the mark when done).
func (c *Calculator) showOdds(run int64, p *state.Prepared, agent string, w state.OddsWork) {
	if run != c.oddsJob.run.Load() {
		return
	}
	if c.session != nil && !c.holdSaves {
		c.session.Del(state.OddsKey)
	}
	c.oddsJob.work, c.oddsJob.on, c.oddsJob.agent, c.oddsJob.busy = &w, p, agent, false
}

// oddsPace pauses job run every oddsSlice of its work, and stops it once
// a newer job starts or its own work (not the page's, between its slices)
// has taken its budget.
func (c *Calculator) oddsPace(run int64) scoring.Pace {
	budget := c.oddsJob.budget
	if budget <= 0 || budget > state.OddsBudget {
		budget = state.OddsBudget
	}
	var worked, slice time.Duration
	resumed := time.Now()
	return func() error {
		now := time.Now()
		worked += now.Sub(resumed)
		slice += now.Sub(resumed)
		resumed = now
		if c.oddsJob.run.Load() != run {
			return errOddsSuperseded
		}
		if worked > budget {
			return state.ErrOddsTooLong
		}
		if slice > oddsSlice {
			time.Sleep(time.Millisecond) // on the page: back to the browser, which draws and takes input
			slice, resumed = 0, time.Now()
		}
		return nil
	}
}
