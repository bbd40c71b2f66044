package components

import (
	"fmt"
	"runtime/debug"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// SafeRender draws with render and, should it panic, draws a short alert
// in its place instead: in the browser a panic while go-app renders ends
// the Go program and leaves a dead page. what names the part ("the
// slider for CE"); onPanic, when given, hears what went wrong.
func SafeRender(what string, render func() goapp.UI, onPanic func(err error)) (ui goapp.UI) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		err := fmt.Errorf("drawing %s failed: %v", what, r)
		println(err.Error() + "\n" + string(debug.Stack()))
		if onPanic != nil {
			onPanic(err)
		}
		ui = RenderFailed(what)
	}()
	return render()
}

// RenderFailed is what stands in for a part that could not be drawn.
func RenderFailed(what string) goapp.UI {
	return goapp.Div().Class("notice notice-error").Attr("role", "alert").DataSet("testid", "render-failed").Body(
		goapp.P().Text(fmt.Sprintf("Sorry: %s could not be drawn. Everything else still works, and your data is safe; try \"Start again\" if this stays.", what)),
	)
}
