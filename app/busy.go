package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/state"
)

// busyBytes is the size of text from which reading it shows a progress
// line first: 64 KB (about 1,300 rows) takes about 0.1 s to read in a
// phone's browser, and 10,000 rows most of a second.
const busyBytes = 64 << 10

// readShowingProgress runs read at once for small text. For big text it
// first shows "Reading N rows…" (or "Reading name…" for another kind of
// file), lets the browser paint it, and only then reads: the page never
// sits frozen with nothing said.
func (c *Calculator) readShowingProgress(name, text string, read func()) {
	if len(text) < busyBytes || c.ctx == nil {
		read()
		return
	}
	c.busy = fmt.Sprintf("Reading %s…", name)
	if name == "" {
		rows := strings.Count(strings.TrimSpace(text), "\n") // lines after the header
		c.busy = fmt.Sprintf("Reading %s…", state.Plural(rows, "row"))
		if rows == 0 { // one long line: a header of many columns
			c.busy = "Reading your sheet…"
		}
	}
	afterPaint(c.ctx, func(goapp.Context) {
		c.do("reading the rows", func() {
			c.busy = ""
			read()
		})
	})
}

// afterPaint calls fn on the UI goroutine once go-app has rendered the
// page and the browser has painted it: go-app's deferred calls run after
// its render, a requestAnimationFrame callback just before the next paint,
// and a timeout set there just after it. ctx must be the page's: go-app
// drops a call whose element was re-rendered away in the meantime.
func afterPaint(ctx goapp.Context, fn func(goapp.Context)) {
	ctx.Defer(func(ctx goapp.Context) {
		var frame goapp.Func
		frame = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
			frame.Release()
			afterTimeout(func() { ctx.Dispatch(fn) })
			return nil
		})
		goapp.Window().Call("requestAnimationFrame", frame)
	})
}

// afterTimeout calls fn from a zero timeout: once the browser has done
// what it had queued (a paint, among others).
func afterTimeout(fn func()) {
	var f goapp.Func
	f = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		f.Release()
		fn()
		return nil
	})
	goapp.Window().Call("setTimeout", f, 0)
}

// renderBusy draws the progress line of a read under way.
func renderBusy(busy string) goapp.UI {
	if busy == "" {
		return nil
	}
	return goapp.Div().Class("busy").Attr("role", "status").DataSet("testid", "busy").Body(
		goapp.Span().Class("busy-bar").Aria("hidden", "true"),
		goapp.Span().Text(busy),
	)
}

// keptText is what the paste box keeps after a read: the text as it was
// used, so that a fix is one edit and one tap; but not a big paste (over
// busyBytes, about 1,300 rows), which the box cannot usefully edit on a
// phone and which slows every change of the page while it sits there:
// the browser lays out all of its text again.
func keptText(text string) string {
	if len(text) > busyBytes {
		return ""
	}
	return text
}
