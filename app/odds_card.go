package app

import (
	"fmt"
	"strconv"

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
	// Work is the odds, plan A's and the steps (nil until worked out);
	// Busy says they are being worked out again after a change.
	Work *state.OddsWork
	Busy bool
	Err  string
	Errs map[string]string // by "expect:<id>", shared with survey luck
	Live bool
	Send Sender
}

// Render draws the card.
func (p *OddsCard) Render() goapp.UI { return components.SafeRender("your odds", p.render, nil) }

func (p *OddsCard) render() goapp.UI {
	card := goapp.Section().Class("card").DataSet("testid", "odds").Aria("labelledby", "odds-title").Aria("busy", p.Busy)
	if p.Busy {
		card.Class("stale")
	}
	title := goapp.H2().ID("odds-title").Text("Your odds (an estimate)")
	if p.Work == nil {
		return card.Body(title, goapp.P().Class("hint").Text("Working out your odds…"))
	}
	odds := &p.Work.Odds
	if odds.Err != nil {
		return card.Body(title, goapp.P().Class("hint").DataSet("testid", "odds-error").Text("No odds yet: "+odds.Err.Error()))
	}
	t := state.OddsWords(p.Scorecard, *odds)
	steps := p.Work.StepLines()
	keepWords := "Keep this as plan A"
	var plans, forget goapp.UI = goapp.Text(""), goapp.Text("")
	if p.Work.Plan != nil {
		keepWords = "Keep this as plan A instead"
		plans = p.renderPlans(*p.Work.Plan, *odds)
		forget = goapp.Button().Type("button").Class("button secondary").DataSet("testid", "forget-plan").Disabled(!p.Live).Text("Forget plan A").
			OnClick(onSend(p.Send, "plan", state.ForgetPlan{}))
	}
	return card.Body(
		title,
		goapp.P().Class("odds-line").DataSet("testid", "odds-month").Text(t.Month),
		goapp.P().Class("odds-line").DataSet("testid", "odds-quarter").Text(t.Quarter),
		goapp.If(len(t.Set) > 0, goapp.Ul().Class("odds-set").DataSet("testid", "odds-set").Body(
			goapp.Range(t.Set).Slice(func(i int) goapp.UI { return goapp.Li().Text(t.Set[i]) }),
		)),
		plans,
		goapp.If(len(steps) > 0, goapp.Div().Body(
			goapp.H3().Text("What moves your odds most"),
			goapp.Ol().Class("odds-steps").DataSet("testid", "odds-steps").Body(goapp.Range(steps).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(steps[i])
			})),
		)),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "keep-plan").Disabled(!p.Live).Text(keepWords).
				OnClick(onSend(p.Send, "plan", state.KeepPlan{Month: odds.Month.String()})),
			forget,
		),
		errorLine(p.Err),
		goapp.P().Class("hint").Text(t.ToCome+" An estimate, at your usual rates, with the values you set for what you decide. Which results pass is worked out exactly; the chances assume the months to come go like your months so far. Not a verdict."),
		goapp.If(len(t.Few) > 0, goapp.Ul().Class("odds-few").DataSet("testid", "odds-few").Body(
			goapp.Range(t.Few).Slice(func(i int) goapp.UI { return goapp.Li().Text(t.Few[i]) }),
		)),
		goapp.If(len(t.Basis) > 0, goapp.Details().Body(
			goapp.Summary().Text("What the odds rest on"),
			goapp.Ul().Body(goapp.Range(t.Basis).Slice(func(i int) goapp.UI { return goapp.Li().Text(t.Basis[i]) })),
			goapp.Range(odds.Drawn).Slice(func(i int) goapp.UI { return p.expectField(odds.Drawn[i]) }),
		)),
	)
}

// renderPlans sets plan A's odds beside the current what-if's (plan B),
// then says what differs.
func (p *OddsCard) renderPlans(a, b state.Odds) goapp.UI {
	cell := func(testid string, o state.Odds, quarter bool) goapp.UI {
		if o.Err != nil {
			return goapp.Td().DataSet("testid", testid).Text("no odds: " + o.Err.Error())
		}
		v := o.Pass
		if quarter {
			v = o.QuarterPass
		}
		return goapp.Td().DataSet("testid", testid).Text(state.ChanceText(v))
	}
	differs := p.Work.Differs
	if len(differs) == 0 {
		differs = []string{"Nothing differs yet: move a slider, or change the volumes expected in survey luck."}
	}
	return goapp.Div().Class("plans").DataSet("testid", "plans").Body(
		goapp.Table().Class("plans-table").Body(
			goapp.Caption().Text("Plan A, kept for "+state.MonthLabel(b.Month)+", beside plan B, the what-if now"),
			goapp.THead().Body(goapp.Tr().Body(
				goapp.Th().Scope("col").Text("Chance of passing"),
				goapp.Th().Scope("col").Text("Plan A"),
				goapp.Th().Scope("col").Text("Plan B"),
			)),
			goapp.TBody().Body(
				goapp.Tr().Body(goapp.Th().Scope("row").Text(state.ShortMonth(b.Month)), cell("plan-a-odds-month", a, false), cell("plan-b-odds-month", b, false)),
				goapp.Tr().Body(goapp.Th().Scope("row").Text(b.Quarter), cell("plan-a-odds-quarter", a, true), cell("plan-b-odds-quarter", b, true)),
			),
		),
		goapp.P().Class("hint").Text("What differs:"),
		goapp.Ul().DataSet("testid", "plan-differs").Body(goapp.Range(differs).Slice(func(i int) goapp.UI { return goapp.Li().Text(differs[i]) })),
	)
}

// expectField edits how many of a drawn metric's denominator a month is
// expected to bring (surveys, responses, or the calls sales are counted
// per); survey luck shows the same number.
func (p *OddsCard) expectField(d state.DrawnMetric) goapp.UI {
	m := &p.Scorecard.Metrics[d.Metric]
	id := "odds-expect-" + m.ID
	return goapp.Div().Class("field inline").Body(
		goapp.Label().For(id).Text(fmt.Sprintf("%s: %s expected a month", m.Label, state.ResponseWord(m))),
		goapp.Input().Type("text").ID(id).Class("text short").Attr("inputmode", "numeric").Attr("autocomplete", "off").
			DataSet("odds-expect", m.ID).Value(strconv.FormatInt(d.Expected, 10)).Disabled(!p.Live).
			OnChange(onRead(p.Send, "expect:"+m.ID, func(v string) (state.Msg, error) {
				n, err := state.ReadResponses(v)
				return state.SetExpected{Metric: m.ID, Value: n}, err
			}), m.ID),
		errorLine(p.Errs["expect:"+m.ID]),
	)
}
