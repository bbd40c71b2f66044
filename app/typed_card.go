package app

import (
	"fmt"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// TypedCard is "Your months, typed": with no file, the agent adds her
// months and types each metric's value, or the counts it comes from. The
// months are data like a paste (saved, scored, in the team view and the
// results file), and each can be changed or removed.
type TypedCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Order     []int              // the metrics in the order the screens show them
	Agent     string             // whose months
	Months    []state.TypedMonth // the agent's typed months, in time order
	NewMonth  string             // the month the add button suggests: 2026-11
	Errs      map[string]string  // by "typed:<month>:<metric or column>", and "typed"
	Doubts    map[string]*state.Doubt
	// Note says what adding a month put away (its what-ifs, plan A).
	Note string
	Live bool
	Send Sender
}

// Render draws the card.
func (c *TypedCard) Render() goapp.UI {
	return components.SafeRender("your typed months", c.render, nil)
}

func (c *TypedCard) render() goapp.UI {
	return goapp.Section().Class("card typed").Aria("labelledby", "typed-title").Body(
		goapp.H2().ID("typed-title").Text("No file? Type your months"),
		goapp.P().Class("hint").Text("Add a month, then type each metric's value, or the counts it comes from. Typed months are saved on this device and scored like pasted rows."),
		goapp.Div().Class("add-month").Body(
			goapp.Div().Class("field").Body(
				goapp.Label().For("new-month").Text("Month to add"),
				goapp.Input().Type("month").ID("new-month").DataSet("testid", "new-month").Class("text").
					Value(c.NewMonth).Disabled(!c.Live),
			),
			goapp.Button().Type("button").Class("button").DataSet("testid", "add-month").Disabled(!c.Live).
				Text("Add this month").OnClick(c.onAdd),
		),
		errorLine(c.Errs["typed"]),
		goapp.If(c.Note != "", goapp.P().Class("doubt-line").Attr("role", "status").DataSet("testid", "typed-note").Text(c.Note)),
		goapp.Range(c.Months).Slice(func(k int) goapp.UI { return c.renderMonth(c.Months[k]) }),
	)
}

// onAdd adds the month chosen in the month input.
func (c *TypedCard) onAdd(ctx goapp.Context, e goapp.Event) {
	mo := goapp.Window().GetElementByID("new-month").Get("value").String()
	c.Send.Send("typed", state.AddMonth{Agent: c.Agent, Month: mo})
}

// renderMonth is one typed month: a value per metric, the counts of the
// source columns, and a way to remove it.
func (c *TypedCard) renderMonth(t state.TypedMonth) goapp.UI {
	sc := c.Scorecard
	var mo scoring.Month
	_ = mo.UnmarshalCSV(t.Month) // a typed month's is checked when it is added and restored
	order := c.Order
	fromCounts := state.FromCounts(sc, t)
	var columns []string
	for _, i := range order {
		m := &sc.Metrics[i]
		if k := m.Source.Kind; k == scoring.FromRatio || k == scoring.FromNPS || k == scoring.FromDeduct {
			for _, col := range m.Source.Columns() {
				if !slices.Contains(columns, col) {
					columns = append(columns, col)
				}
			}
		}
	}
	return goapp.FieldSet().Class("typed-month").DataSet("typed-month", t.Month).Body(
		goapp.Legend().Text(state.MonthLabel(mo)),
		goapp.H3().Text("Values"),
		goapp.Div().Class("typed-grid").Body(goapp.Range(order).Slice(func(k int) goapp.UI {
			m := &sc.Metrics[order[k]]
			text, unit := "", state.UnitSign(m.Unit)
			if m.Source.Kind == scoring.FromDeduct {
				unit = "points"
			}
			if v, ok := t.Values[m.ID]; ok {
				text = state.ExactText(m, v)
				if m.Source.Kind == scoring.FromDeduct {
					text = v.Short(2)
				}
			}
			area := "typed:" + t.Month + ":" + m.ID
			return c.field(area, m.Label, unit, text, fromCounts[m.ID], "metric", m.ID, t.Month, fmt.Sprintf("%p", sc), func(text string) (state.Msg, error) {
				v, err := state.ReadTypedValue(sc, m.ID, text)
				return state.SetTypedValue{Agent: c.Agent, Month: t.Month, Metric: m.ID, Value: v}, err
			})
		})),
		goapp.If(len(columns) > 0, goapp.H3().Text("Or the counts")),
		goapp.If(len(columns) > 0, goapp.P().Class("hint").Text("A metric worked out from counts (CE from surveys, say) uses them once all of its counts are typed, in place of its value.")),
		goapp.Div().Class("typed-grid").Body(goapp.Range(columns).Slice(func(k int) goapp.UI {
			col := columns[k]
			text := ""
			if n, ok := t.Counts[col]; ok {
				text = n.Short(4)
			}
			return c.field("typed:"+t.Month+":"+col, col, "", text, "", "count", col, t.Month, fmt.Sprintf("%p %v", sc, t.Counts), func(text string) (state.Msg, error) {
				n, err := state.ReadTypedCountIn(sc, t, col, text)
				return state.SetTypedCount{Agent: c.Agent, Month: t.Month, Column: col, Value: n}, err
			})
		})),
		&components.Confirm{Label: "Remove " + state.MonthLabel(mo), TestID: "remove-month-" + t.Month, Disabled: !c.Live,
			Question: "Remove " + state.MonthLabel(mo) + " and everything typed for it?", Yes: "Remove it", No: "Keep it",
			OnYes: func(goapp.Context) { c.Send.Send("typed", state.RemoveMonth{Agent: c.Agent, Month: t.Month}) }},
	)
}

// field is a labelled input of a typed month: data-month, and data-metric
// or data-count (kind) with what it is for; placeholder, under it, says
// what the counts made of a metric typed as counts. read's closure is
// renewed when scope changes (go-app keeps a handler whose scope is the
// same: a reader of the month's other counts would read them stale).
func (c *TypedCard) field(area, label, unit, text, placeholder, kind, key, month, scope string, read func(string) (state.Msg, error)) goapp.UI {
	id := "typed-" + month + "-" + kind + "-" + key
	input := goapp.Input().Type("text").ID(id).Class("text").DataSet("month", month).DataSet(kind, key).
		Attr("inputmode", "decimal").Attr("autocomplete", "off").Value(text).Disabled(!c.Live).
		OnChange(onRead(c.Send, area, read), id, scope)
	var doubt goapp.UI = goapp.Text("")
	if d := c.Doubts[area]; d != nil {
		doubt = components.RenderDoubt(area, d.Question, doubtChoices(d), func(text string) goapp.EventHandler {
			return func(goapp.Context, goapp.Event) { c.Send.SendRead(area, text, read) }
		})
	}
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(label),
		goapp.Div().Class("with-unit").Body(input, goapp.If(unit != "", goapp.Span().Class("unit").Text(unit))),
		goapp.If(placeholder != "", goapp.P().Class("from-counts").DataSet("from-counts", key).Text(placeholder)),
		errorLine(c.Errs[area]),
		doubt,
	)
}
