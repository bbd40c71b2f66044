package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// OddsCard is the chance of passing the month to come and its quarter, at
// the agent's usual rates (issue 17). It is worked out after the sliders
// settle, off their path; until then it says so.
type OddsCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Odds      *state.Odds // nil while it is worked out
}

// Render draws the card.
func (p *OddsCard) Render() goapp.UI { return components.SafeRender("your odds", p.render, nil) }

func (p *OddsCard) render() goapp.UI {
	card := goapp.Section().Class("card").DataSet("testid", "odds").Aria("labelledby", "odds-title")
	title := goapp.H2().ID("odds-title").Text("Your odds (an estimate)")
	if p.Odds == nil {
		return card.Body(title, goapp.P().Class("hint").Text("Working out your odds…"))
	}
	if p.Odds.Err != nil {
		return card.Body(title, goapp.P().Class("hint").DataSet("testid", "odds-error").Text("No odds yet: "+p.Odds.Err.Error()))
	}
	t := state.OddsWords(p.Scorecard, *p.Odds)
	return card.Body(
		title,
		goapp.P().Class("odds-line").DataSet("testid", "odds-month").Text(t.Month),
		goapp.P().Class("odds-line").DataSet("testid", "odds-quarter").Text(t.Quarter),
		goapp.P().Class("hint").Text(t.ToCome+" An estimate, at your usual rates, with the values you set for what you decide. Which results pass is worked out exactly; the chances assume the months to come go like your months so far. Not a verdict."),
		goapp.If(len(t.Few) > 0, goapp.Ul().Class("odds-few").DataSet("testid", "odds-few").Body(
			goapp.Range(t.Few).Slice(func(i int) goapp.UI { return goapp.Li().Text(t.Few[i]) }),
		)),
		goapp.If(len(t.Basis) > 0, goapp.Details().Body(
			goapp.Summary().Text("What the odds rest on"),
			goapp.Ul().Body(goapp.Range(t.Basis).Slice(func(i int) goapp.UI { return goapp.Li().Text(t.Basis[i]) })),
		)),
	)
}
