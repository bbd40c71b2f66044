package app

import (
	"errors"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/state"
)

// Saving on the device: nothing lost when a save fails, when the saved
// state is partly damaged, or when Passline is open in two tabs.

// restore reads the saved state: what cannot be used is set aside and
// said; saved data that cannot be used at all is kept and offered back.
func (c *Calculator) restore() {
	m, r := state.Restore(c.storage)
	c.model, c.notice = m, r.Notice
	if r.Prepared != nil {
		c.prepared = r.Prepared // read by the restore: not read again
	}
	c.saver = r.Saver(c.storage)
	if r.Aside {
		c.rescue, c.holdSaves = r.Notice+" Try it again, download it, or start afresh.", true
		c.notice = ""
	}
}

// save writes the change. Another tab's newer save is never overwritten:
// this tab takes it up instead, and says so. A refused save keeps the last
// good copy and says so, with a way to take the results away.
func (c *Calculator) save(next state.Model) {
	err := c.saver.Save(next)
	c.saveFailed = errors.Is(err, state.ErrNotSaved)
	if errors.Is(err, state.ErrOtherTab) {
		c.takeUpOtherTab("Passline changed in another tab, so this tab now shows that. Your last change here was not saved: make it again if you need it.")
	}
}

// takeUpOtherTab shows what another tab saved.
func (c *Calculator) takeUpOtherTab(notice string) {
	c.restore()
	if c.notice == "" {
		c.notice = notice
	}
	c.errs, c.loaded = nil, ""
	c.derive()
}

// watchOtherTabs takes up another tab's saves as they happen: the browser
// tells every other tab of a page when one writes to local storage. The
// revision is written last, so its event means the whole save is there.
func (c *Calculator) watchOtherTabs(ctx goapp.Context) {
	if !goapp.IsClient {
		return
	}
	goapp.Window().Call("addEventListener", "storage", goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any {
		if len(args) == 0 || args[0].Get("key").String() != state.RevKey {
			return nil
		}
		ctx.Dispatch(func(goapp.Context) {
			c.do("taking up another tab's change", func() {
				var rev string
				_ = c.storage.Get(state.RevKey, &rev)
				if rev == c.saver.Rev || c.holdSaves {
					return
				}
				c.takeUpOtherTab("Passline changed in another tab, so this tab now shows that.")
			})
		})
		return nil
	}))
}

// saveFailedWords say what a refused save means for the user.
const saveFailedWords = "This browser did not let Passline save your change on this device (its storage may be full). What you see is in use now, but a reload would bring back what was saved before: download the results to keep them, or use a smaller file."
