// The page shell around the screens: navigation, notices, and the error
// line every part uses.

package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/state"
)

// ChooseTab shows the screen chosen in the navigation.
func (c *Calculator) ChooseTab(_, id string) { c.Send("screen", state.ChooseScreen{Screen: id}) }

// renderNotices draws what the page has to say across the top: an update,
// a crash caught, a restore, a refused save, a rescue, a link opened.
func (c *Calculator) renderNotices() goapp.UI {
	reload := func(ctx goapp.Context) { c.do("reloading", ctx.Reload) }
	return goapp.Div().Class("notices").Body(
		goapp.If(c.updated,
			components.NewNotice(components.Info, "A new version of Passline is ready.").WithAction("Reload", reload).WithTestID("update"),
		),
		goapp.If(c.crash != "",
			components.NewNotice(components.Error, "Sorry: "+c.crash+". The calculator still works; reload if anything looks wrong.").WithAction("Reload", reload).WithTestID("crash"),
		),
		goapp.If(c.undo != nil,
			components.NewNotice(components.Info, "Passline started again: the example is in use.").WithAction("Undo", c.undoStartAgain).
				WithTestID("started-again").WithActionTestID("undo"),
		),
		goapp.If(c.notice != "",
			components.NewNotice(components.Info, c.notice).WithTestID("restored"),
		),
		goapp.If(c.saveFailed, components.NewNotice(components.Error, saveFailedWords).
			WithAction("Download the results", func(goapp.Context) { c.exportResults() }).WithTestID("save-failed")),
		// Only when they have something to say: an empty component still
		// leaves white space in the prerendered page, and .notices:empty
		// must match there too.
		goapp.If(c.rescue != "", &RescueNotice{Why: c.rescue, ForgetAsked: c.forgetAsked, page: c}),
		goapp.If(c.share.offer != nil || c.share.offerErr != "", &ShareOffer{Offer: c.share.offer, Err: c.share.offerErr, Live: c.live, page: c}),
	)
}

// errorLine shows an error next to what it is about, or nothing.
func errorLine(msg string) goapp.UI {
	if msg == "" {
		return goapp.Text("")
	}
	return goapp.P().Class("input-error").Attr("role", "alert").Text(state.Message(msg))
}
