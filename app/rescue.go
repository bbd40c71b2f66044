package app

import (
	"encoding/json"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/state"
)

// Rescue: Passline never leaves an agent with a page that cannot start.
// A start marks itself in storage and clears the mark once the page is
// painted; a start that finds the mark still there knows the last one did
// not finish (it crashed or hung), so it comes up with the example instead
// of the saved state, keeps that state untouched and offers it back. A
// page whose drawing panics offers the same way out.

// startDidNotFinish reports whether the last start left its mark, or the
// tab's last odds theirs (session: the tab's own storage).
func startDidNotFinish(local, session state.Storage) bool {
	var mark, odds string
	return local.Get(state.StartingKey, &mark) == nil && mark != "" || session != nil && session.Get(state.OddsKey, &odds) == nil && odds != ""
}

// clearOddsMarkOnLeave clears the odds' mark when the page is left while
// Passline still runs (a reload while the odds work is no crash). Once
// Go has stopped (out of memory) the listener cannot run: the mark stays,
// and the next start rescues.
func clearOddsMarkOnLeave(session state.Storage) {
	leave := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		session.Del(state.OddsKey)
		return nil
	})
	goapp.Window().Call("addEventListener", "pagehide", leave)
}

// markStart marks the start in storage and clears the mark once the first
// render is done: after go-app's render, then a timeout (not a frame: a
// tab opened in the background paints no frame, yet it has started).
func markStart(ctx goapp.Context, s state.Storage) {
	_ = s.Set(state.StartingKey, "1")
	ctx.Defer(func(goapp.Context) { afterTimeout(func() { s.Del(state.StartingKey) }) })
}

// rescueStart is the words of a start that set the saved state aside.
const rescueStart = "Passline did not finish starting, or working out your odds, last time, so it started with the example this time. Your saved data is kept on this device, untouched: try it again, download it, or start afresh."

// rescueDrawing is the words after the page could not be drawn.
const rescueDrawing = "Passline could not draw your page, so it shows the example. Your saved data is kept on this device, untouched: try it again, download it, or start afresh."

// enterRescue shows the example and keeps the saved state as it is: no
// change is saved until the user chooses what to do with it.
func (c *Calculator) enterRescue(why string) {
	c.rescue, c.holdSaves = why, true
	c.model, c.prepared = state.NewModel(), nil
	c.derive()
}

// savedParts reads what is saved, as it is: the data text and an imported
// scorecard, for the rescue's downloads.
func savedParts(s state.Storage) (data, scorecard string) {
	_ = s.Get(state.DataKey, &data)
	var raw json.RawMessage
	if s.Get(state.StateKey, &raw) == nil && raw != nil {
		var m struct {
			Scorecard string `json:"scorecard"`
		}
		_ = json.Unmarshal(raw, &m)
		scorecard = m.Scorecard
	}
	return data, scorecard
}

func (r *RescueNotice) onRescueRetry(ctx goapp.Context, e goapp.Event) {
	c := r.page
	c.do("trying the saved data again", func() {
		c.storage.Del(state.StartingKey)
		c.session.Del(state.OddsKey)
		ctx.Reload()
	})
}

func (r *RescueNotice) onRescueDownload(ctx goapp.Context, e goapp.Event) {
	c := r.page
	c.do("downloading the saved data", func() {
		data, scorecard := savedParts(c.storage)
		if data != "" {
			download("passline-saved-data.csv", "text/csv;charset=utf-8", []byte(data))
		}
		if scorecard != "" {
			download("passline-saved-scorecard.json", "application/json", []byte(scorecard))
		}
	})
}

// onRescueForget forgets the saved data on a second tap: one tap never
// loses it.
func (r *RescueNotice) onRescueForget(ctx goapp.Context, e goapp.Event) {
	c := r.page
	c.do("starting afresh", func() {
		if !c.forgetAsked {
			c.forgetAsked = true
			return
		}
		state.Forget(c.storage)
		c.rescue, c.holdSaves, c.notice, c.forgetAsked = "", false, "", false
	})
}

// RescueNotice offers the saved state back while it is set aside: try it
// again, download it, or forget it (two taps: one never loses it).
type RescueNotice struct {
	goapp.Compo

	Why         string // why the saved state is set aside; nothing is drawn without it
	ForgetAsked bool   // "Forget it" tapped once

	page *Calculator // unexported: not compared; the page that holds the state
}

// Render draws the notice.
func (r *RescueNotice) Render() goapp.UI { return components.SafeRender("the rescue", r.render, nil) }

func (r *RescueNotice) render() goapp.UI {
	if r.Why == "" {
		return goapp.Text("")
	}
	forgetWords := "Forget it and start afresh"
	if r.ForgetAsked {
		forgetWords = "Tap again to forget your saved data for good"
	}
	return goapp.Div().Class("notice notice-error").Attr("role", "alert").DataSet("testid", "rescue").Body(
		goapp.P().Text(r.Why),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "rescue-retry").Text("Try my saved data again").OnClick(r.onRescueRetry),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "rescue-download").Text("Download my saved data").OnClick(r.onRescueDownload),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "rescue-forget").Text(forgetWords).OnClick(r.onRescueForget),
		),
	)
}

// Render draws the page from the view; it computes nothing. Should drawing
// panic, the page shows the example with the saved state set aside.
func (c *Calculator) Render() goapp.UI {
	var failed error
	ui := components.SafeRender("your page", c.renderPage, func(err error) { failed = err })
	if failed == nil {
		return ui
	}
	c.crash = failed.Error()
	if c.rescue != "" { // the example itself cannot be drawn: say so plainly
		return goapp.Main().Body(components.RenderFailed("your page"))
	}
	c.enterRescue(rescueDrawing)
	return c.Render()
}
