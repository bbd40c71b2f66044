package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// salesMetrics are the metrics that look like sales, for the quick question.
func salesMetrics(sc *scoring.Scorecard) []*scoring.Metric {
	var out []*scoring.Metric
	for i := range sc.Metrics {
		words := strings.ToLower(sc.Metrics[i].ID + " " + sc.Metrics[i].Label)
		if strings.Contains(words, "sale") || strings.Contains(words, "offer") || strings.Contains(words, "conversion") {
			out = append(out, &sc.Metrics[i])
		}
	}
	return out
}

// PassWithoutCard is "Pass without…?": hold some metrics at the points
// the agent fears and list the combinations of the others that still pass.
type PassWithoutCard struct {
	goapp.Compo

	Prepared *state.Prepared
	Combos   state.Combos
	Fixed    map[string]scoring.Num
	Err      string
	Live     bool
	Send     Sender
}

// Render draws the card.
func (p *PassWithoutCard) Render() goapp.UI {
	return components.SafeRender("\"Pass without…?\"", p.render, nil)
}

// onSalesAtMin holds every sales metric at the scale's lowest points.
func (p *PassWithoutCard) onSalesAtMin(ctx goapp.Context, e goapp.Event) {
	sc := p.Prepared.Scorecard
	for _, m := range salesMetrics(sc) {
		lowest := sc.Scale.Lowest()
		p.Send.Send("fixed", state.FixPoints{Metric: m.ID, Points: &lowest})
	}
}

func (p *PassWithoutCard) render() goapp.UI {
	v, sc := p.Prepared, p.Prepared.Scorecard
	combos := p.Combos
	sales := salesMetrics(sc)
	return goapp.Section().Class("card").Aria("labelledby", "without-title").Body(
		goapp.H2().ID("without-title").Text("Pass without…?"),
		goapp.P().Text("Hold some metrics at the points you fear, and see what the month still needs."),
		goapp.If(len(sales) > 1, goapp.Button().Type("button").Class("button secondary").DataSet("testid", "sales-at-min").
			Disabled(!p.Live).Text(fmt.Sprintf("Can I pass with %s at %d?", joinLabels(sales), sc.Scale.Min)).OnClick(p.onSalesAtMin)),
		goapp.Div().Class("fixes").Body(goapp.Range(v.Order).Slice(func(k int) goapp.UI {
			m := &sc.Metrics[v.Order[k]]
			id := "fix-" + m.ID
			chosen, held := p.Fixed[m.ID]
			var heldAt *scoring.Num
			if held {
				heldAt = &chosen
			}
			levels := state.FixLevels(sc, m, heldAt)
			return goapp.Div().Class("field").Body(
				goapp.Label().For(id).Text(m.Label),
				goapp.Select().ID(id).DataSet("fix", m.ID).Disabled(!p.Live).OnChange(onRead(p.Send, "fixed", func(v string) (state.Msg, error) {
					n, err := state.ReadPoints(v)
					return state.FixPoints{Metric: m.ID, Points: n}, err
				}), m.ID).Body(
					goapp.Option().Value("").Selected(!held).Text("any points"),
					goapp.Range(levels).Slice(func(j int) goapp.UI {
						l := levels[j]
						return goapp.Option().Value(l.String()).Selected(held && chosen.Equal(l)).Text(state.PointsText(l))
					}),
				),
			)
		})),
		errorLine(p.Err),
		renderCombos(sc, v.Order, combos),
	)
}

func joinLabels(ms []*scoring.Metric) string {
	var names []string
	for _, m := range ms {
		names = append(names, m.Label)
	}
	if len(names) == 2 {
		return "both " + names[0] + " and " + names[1]
	}
	return strings.Join(names, ", ")
}

// maxShownCombos is how many passing combinations are listed.
const maxShownCombos = 8

func renderCombos(sc *scoring.Scorecard, order []int, combos state.Combos) goapp.UI {
	if len(combos.Fixed) == 0 {
		return goapp.P().Class("muted").DataSet("testid", "without-answer").Text("Choose the points to hold above, and the answer shows here.")
	}
	if combos.Err != nil {
		return goapp.P().DataSet("testid", "without-answer").Text("Too many combinations to list: hold more metrics at chosen points.")
	}
	if len(combos.List) == 0 {
		return goapp.P().Class("answer fail").DataSet("testid", "without-answer").Text("No: no combination of the other metrics' points passes the month.")
	}
	answer := fmt.Sprintf("Yes: %s of points pass%s.", state.Plural(len(combos.List), "combination"),
		map[bool]string{true: "es", false: ""}[len(combos.List) == 1])
	var items []goapp.UI
	for k, combo := range combos.List {
		if k == maxShownCombos {
			items = append(items, goapp.Li().Text(fmt.Sprintf("and %d more", len(combos.List)-maxShownCombos)))
			break
		}
		items = append(items, goapp.Li().DataSet("testid", "combo").Text(state.ComboWords(sc, order, combos.Fixed, combo)))
	}
	return goapp.Div().Body(
		goapp.P().Class("answer pass").DataSet("testid", "without-answer").Text(answer),
		goapp.Ul().Class("plain").Body(items...),
	)
}
