package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
)

// warmUp runs the slider's path (score a what-if, render the page from it)
// a few dozen times while the page is idle after it starts, then renders
// the real view again: the browser compiles the hot WebAssembly functions
// with its optimizing tier only after they have run a while, and without
// this the first moves of a slider are the slowest.
func (c *Calculator) warmUp(ctx goapp.Context) {
	if c.prepared == nil || len(c.view.Scorecard.Metrics) == 0 || ctx.Page().URL().Query().Get("nowarm") == "1" {
		return
	}
	m := &c.view.Scorecard.Metrics[c.view.Order[0]]
	base := c.view.Base[c.view.Order[0]].Value
	ctx.Async(func() {
		time.Sleep(300 * time.Millisecond) // let the first paint and input go first
		for round := 0; round < 8; round++ {
			ctx.Dispatch(func(goapp.Context) {
				_ = guard("warming up", func() {
					for i := 0; i < 12; i++ {
						model := c.model
						v := base.Add(scoring.N(int64(i - 6)))
						model.WhatIf = with(c.model.WhatIf, m.ID, v.String())
						if view, err := c.prepared.Score(model); err == nil {
							saved := c.view
							c.view = view
							_ = c.Render()
							c.view = saved
						}
					}
				})
			})
			time.Sleep(20 * time.Millisecond)
		}
	})
}
