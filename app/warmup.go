package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

// warmUp runs the slider's path (score a what-if, draw the verdict and the
// what-if screen from it)
// about a hundred times while the page is idle after it starts, keeping
// the real view: the browser compiles the hot WebAssembly functions
// with its optimizing tier only after they have run a while, and without
// this the first moves of a slider are the slowest. ?nowarm=1 turns it
// off, to measure the difference (docs/PERFORMANCE.md).
func (c *Calculator) warmUp(ctx goapp.Context) {
	// Past warmMetrics the first render alone runs the slider's path
	// that many times over, and a turn would be a long task itself.
	if c.prepared == nil || len(c.view.Scorecard.Metrics) == 0 || len(c.view.Scorecard.Metrics) > warmMetrics || ctx.Page().URL().Query().Get("nowarm") == "1" {
		return
	}
	m := &c.view.Scorecard.Metrics[c.view.Order[0]]
	base := c.view.Base[c.view.Order[0]].Value
	prepared, month := c.prepared, c.view.Month.String()
	ctx.Async(func() {
		time.Sleep(300 * time.Millisecond) // let the first paint and input go first
		// 32 short turns of 3, not a few long ones: each turn stays well
		// under the 50 ms that makes a task "long" on a slow phone.
		for round := 0; round < 32; round++ {
			// Mode Next: run on the UI goroutine with no page update after
			// it (nothing shown changes); a plain Dispatch re-rendered the
			// whole page 32 times after every start (seconds with 100
			// metrics).
			ctx.Dispatcher().Dispatch(goapp.Dispatch{Mode: goapp.Next, Source: ctx.Src(), Function: func(goapp.Context) {
				if c.prepared != prepared || c.rescue != "" {
					return // the data or scorecard changed: nothing to warm
				}
				for i := range 3 {
					v := base.Add(scoring.N(int64(round%4*3 + i - 6)))
					model, _, err := state.Update(c.model, state.SetWhatIf{Month: month, Metric: m.ID, Value: v})
					if err != nil {
						return
					}
					if view, err := c.prepared.Score(model); err == nil {
						_ = guard("warming up", func() {
							NewMonthCard(view).render()
							(&WhatIfScreen{View: view, Send: c}).render()
						})
					}
				}
			}})
			time.Sleep(10 * time.Millisecond)
		}
	})
}

// warmMetrics is the most metrics a scorecard may have for the warm-up.
const warmMetrics = 20
