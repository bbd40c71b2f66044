package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Confirm is a button that asks before it acts: the first tap shows the
// question with two answers, and only Yes acts. The question is read out
// (a polite live region) and takes the focus, so a keyboard or screen
// reader user lands on it. Its buttons carry data-testid TestID,
// TestID+"-confirm" and TestID+"-cancel"; the question TestID+"-words".
type Confirm struct {
	goapp.Compo

	Label    string // the button: "Start again"
	Question string // what a yes will do, and what it costs
	Yes, No  string // the answers: "Forget them and start again", "Keep them"
	TestID   string
	Class    string // the first button's class; "button secondary" if empty
	Disabled bool
	OnYes    func(ctx goapp.Context)

	asked bool
	ctx   goapp.Context // the component's own: a call deferred on the button's is dropped once the button is gone
}

// OnMount keeps the component's context.
func (c *Confirm) OnMount(ctx goapp.Context) { c.ctx = ctx }

// Render draws the button, or the question.
func (c *Confirm) Render() goapp.UI { return SafeRender(c.Label, c.render, nil) }

func (c *Confirm) render() goapp.UI {
	if !c.asked {
		class := c.Class
		if class == "" {
			class = "button secondary"
		}
		return goapp.Button().Type("button").Class(class).DataSet("testid", c.TestID).
			Disabled(c.Disabled).Text(c.Label).OnClick(c.ask)
	}
	return goapp.Div().Class("confirm").ID(c.TestID+"-question").TabIndex(-1).Attr("role", "group").
		Aria("labelledby", c.TestID+"-words").Body(
		goapp.P().ID(c.TestID+"-words").DataSet("testid", c.TestID+"-words").Attr("aria-live", "polite").Text(c.Question),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button danger").DataSet("testid", c.TestID+"-confirm").Text(c.Yes).OnClick(c.yes),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", c.TestID+"-cancel").Text(c.No).OnClick(c.no),
		),
	)
}

func (c *Confirm) ask(ctx goapp.Context, e goapp.Event) {
	c.asked = true
	if c.ctx == nil {
		return
	}
	c.ctx.Defer(func(goapp.Context) {
		if el := goapp.Window().GetElementByID(c.TestID + "-question"); el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
			el.Call("scrollIntoView", map[string]any{"block": "center"}) // the answers too, not only the words
		}
	})
}

func (c *Confirm) yes(ctx goapp.Context, e goapp.Event) {
	c.asked = false
	if c.OnYes != nil {
		c.OnYes(ctx)
	}
}

func (c *Confirm) no(ctx goapp.Context, e goapp.Event) { c.asked = false }
