package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/state"
)

// undoSeconds is how long Undo is offered after "Start again".
const undoSeconds = 10

// startAgain forgets everything saved and shows the example; for a few
// seconds Undo brings it all back. The "Start again" button asked first.
func (c *Calculator) startAgain(ctx goapp.Context) {
	c.do("starting again", func() {
		before := c.model
		if c.storage != nil {
			state.Forget(c.storage)
		}
		c.model, c.notice, c.errs, c.loaded, c.pasted = state.NewModel(), "", nil, "", ""
		c.saver, c.saveFailed = state.Saver{S: c.storage}, false
		c.rescue, c.holdSaves = "", false
		c.undo = &before
		c.undoSeq++
		seq := c.undoSeq
		c.derive()
		if c.ctx != nil { // the page's context: the button's element is gone by then
			c.ctx.After(undoSeconds*time.Second, func(goapp.Context) {
				c.do("closing the undo", func() {
					if c.undoSeq == seq {
						c.undo = nil
					}
				})
			})
		}
		goapp.Window().Call("scrollTo", 0, 0)
	})
}

// undoStartAgain brings back what "Start again" forgot, and saves it.
func (c *Calculator) undoStartAgain(ctx goapp.Context) {
	c.do("undoing", func() {
		if c.undo == nil {
			return
		}
		c.model, c.undo = *c.undo, nil
		c.undoSeq++
		c.prepared = nil
		if c.storage != nil {
			c.save(c.model)
		}
		c.derive()
	})
}
