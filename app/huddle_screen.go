package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// HuddleScreen is huddle mode, for a projector: large type and no names.
// It draws its props only.
type HuddleScreen struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Huddle    *state.Huddle
	Order     []int // the metrics in the order they are shown
	Err       string
	Live      bool
	Send      Sender
}

// Render draws the screen.
func (c *HuddleScreen) Render() goapp.UI { return components.SafeRender("huddle mode", c.render, nil) }

func (c *HuddleScreen) render() goapp.UI {
	sc, h := c.Scorecard, c.Huddle
	if h == nil {
		return goapp.Text("")
	}
	return goapp.Div().Class("huddle").DataSet("testid", "huddle").Body(
		goapp.Div().Class("huddle-top").Body(
			goapp.P().Class("huddle-lead").Text(fmt.Sprintf("%s: a month passes at %s. Two months, side by side; change any metric's points.", sc.Name, sc.Pass.Fixed(sc.Decimals))),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "huddle-reset").Disabled(!c.Live).
				Text("Back to the two examples").OnClick(onSend(c.Send, "huddle", state.ResetHuddle{})),
		),
		goapp.Div().Class("scenarios").Body(
			c.renderScenario(sc, h, 0),
			c.renderScenario(sc, h, 1),
		),
		goapp.Div().Class("huddle-row").Body(
			c.renderPassMap(sc, h),
			goapp.Div().Class("huddle-side").Body(
				renderWorth(sc, h, c.Order),
				c.renderLuck(sc, h.Luck),
			),
		),
		errorLine(c.Err),
	)
}

func (c *HuddleScreen) renderScenario(sc *scoring.Scorecard, h *state.Huddle, s int) goapp.UI {
	sn := h.Scenarios[s]
	return goapp.Section().Class("card scenario").DataSet("scenario", sn.Key).Aria("labelledby", "scenario-"+sn.Key).Body(
		goapp.Div().Class("scenario-head").Body(
			goapp.H2().ID("scenario-"+sn.Key).Text(strings.ToUpper(sn.Key)+": "+sn.Title),
			huddleOddsLine(sc, h.Luck, s),
		),
		components.NewVerdict("scenario", sn.Score.Fixed(sc.Decimals), sn.Pass, state.MarginWords(sc, sn.Score, sn.Gated)).WithLarge(true),
		goapp.Div().Class("scenario-points").Body(goapp.Range(c.Order).Slice(func(k int) goapp.UI {
			i := c.Order[k]
			m := &sc.Metrics[i]
			id := "huddle-" + sn.Key + "-" + m.ID
			levels := sc.Levels(m)
			key := sn.Key + "." + m.ID
			return goapp.Div().Class("field inline").Body(
				goapp.Label().For(id).Text(m.Label),
				goapp.Select().ID(id).DataSet("huddle", key).Disabled(!c.Live).
					OnChange(onRead(c.Send, "huddle", func(v string) (state.Msg, error) {
						p, err := state.ReadPoints(v)
						return state.SetHuddlePoints{Key: key, Points: p}, err
					}), key).Body(
					goapp.Range(levels).Slice(func(j int) goapp.UI {
						p := levels[j]
						return goapp.Option().Value(p.String()).Selected(p.Equal(sn.Points[i])).Text(state.PointsText(p))
					}),
				),
			)
		})),
	)
}

func (c *HuddleScreen) renderPassMap(sc *scoring.Scorecard, h *state.Huddle) goapp.UI {
	mx, my := &sc.Metrics[h.X], &sc.Metrics[h.Y]
	metricSelect := func(key, label string, chosen int) goapp.UI {
		id := "huddle-" + key
		return goapp.Div().Class("field inline").Body(
			goapp.Label().For(id).Text(label),
			goapp.Select().ID(id).DataSet("huddle", key).Disabled(!c.Live).
				OnChange(onSendValue(c.Send, "huddle", func(v string) state.Msg { return state.SetHuddle{Key: key, Value: v} }), key).Body(
				goapp.Range(sc.Metrics).Slice(func(i int) goapp.UI {
					return goapp.Option().Value(sc.Metrics[i].ID).Selected(i == chosen).Text(sc.Metrics[i].Label)
				}),
			),
		)
	}
	grid := &components.PassMap{Across: mx.Label, Down: my.Label,
		Caption: fmt.Sprintf("Pass or fail by %s (across) and %s (down); the other metrics as in scenario %s.", mx.Label, my.Label, strings.ToUpper(h.Scenarios[h.Rest].Key))}
	if h.MapErr != nil {
		grid.Error = h.MapErr.Error()
	} else {
		pm := h.Map
		for _, l := range pm.ALevels {
			grid.AcrossLevels = append(grid.AcrossLevels, state.PointsText(l))
		}
		for _, l := range pm.BLevels {
			grid.DownLevels = append(grid.DownLevels, state.PointsText(l))
		}
		for a := range pm.ALevels {
			col := make([]components.MapCell, len(pm.BLevels))
			for b := range pm.BLevels {
				col[b] = components.MapCell{Pass: pm.Pass[a][b], Score: h.Scores[a][b].Fixed(sc.Decimals),
					Key: fmt.Sprintf("%s,%s", pm.ALevels[a], pm.BLevels[b])}
			}
			grid.Cells = append(grid.Cells, col)
		}
	}
	return goapp.Section().Class("card").Aria("labelledby", "passmap-title").Body(
		goapp.H2().ID("passmap-title").Text("Pass map"),
		goapp.Div().Class("map-choices").Body(
			metricSelect("x", "Across", h.X),
			metricSelect("y", "Down", h.Y),
			goapp.Div().Class("field inline").Body(
				goapp.Label().For("huddle-rest").Text("Other metrics as in"),
				goapp.Select().ID("huddle-rest").DataSet("huddle", "rest").Disabled(!c.Live).
					OnChange(onSendValue(c.Send, "huddle", func(v string) state.Msg { return state.SetHuddle{Key: "rest", Value: v} }), "rest").Body(
					goapp.Option().Value("a").Selected(h.Rest == 0).Text("scenario A"),
					goapp.Option().Value("b").Selected(h.Rest == 1).Text("scenario B"),
				),
			),
		),
		grid,
	)
}

func renderWorth(sc *scoring.Scorecard, h *state.Huddle, order []int) goapp.UI {
	return goapp.Section().Class("card").Aria("labelledby", "worth-title").Body(
		goapp.H2().ID("worth-title").Text("What one point is worth"),
		goapp.P().Text("Each point of a metric adds its weight ÷ 100 to the score."),
		goapp.Ul().Class("breakdown worth").DataSet("testid", "worth").Body(goapp.Range(order).Slice(func(k int) goapp.UI {
			i := order[k]
			m := &sc.Metrics[i]
			return goapp.Li().DataSet("worth", m.ID).Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text("+"+h.Worth[i].Short(4)),
			)
		})),
	)
}

// renderLuck chooses the metric left to luck, its usual rate and the
// responses of a month; each scenario's head then says how often it
// passes (huddleOddsLine).
func (c *HuddleScreen) renderLuck(sc *scoring.Scorecard, l state.HuddleLuck) goapp.UI {
	if l.Metric < 0 {
		return goapp.Text("")
	}
	m := &sc.Metrics[l.Metric]
	field := func(key, label, value string) goapp.UI {
		id := "huddle-" + strings.ReplaceAll(key, ".", "-")
		return goapp.Div().Class("field inline").Body(
			goapp.Label().For(id).Text(label),
			goapp.Input().Type("text").ID(id).Class("text short").Attr("inputmode", "decimal").Attr("autocomplete", "off").
				DataSet("huddle", key).Value(value).Disabled(!c.Live).
				OnChange(onSendValue(c.Send, "huddle", func(v string) state.Msg { return state.SetHuddle{Key: key, Value: v} }), key),
		)
	}
	return goapp.Section().Class("card").DataSet("testid", "huddle-luck").Aria("label", "Left to luck").Body(
		goapp.Div().Class("map-choices").Body(
			goapp.Div().Class("field inline").Body(
				goapp.Label().For("huddle-luck").Text("Left to luck (an estimate)"),
				goapp.Select().ID("huddle-luck").DataSet("huddle", "luck").Disabled(!c.Live).
					OnChange(onSendValue(c.Send, "huddle", func(v string) state.Msg { return state.SetHuddle{Key: "luck", Value: v} }), "luck").Body(
					goapp.Range(l.Choices).Slice(func(k int) goapp.UI {
						i := l.Choices[k]
						return goapp.Option().Value(sc.Metrics[i].ID).Selected(i == l.Metric).Text(sc.Metrics[i].Label)
					}),
				),
			),
			field("luck.rate", "Usual rate (%)", l.Rate.Short(2)),
			field("luck.n", state.Capitalize(m.Source.Den)+" a month", fmt.Sprint(l.N)),
		),
	)
}

// huddleOddsLine is scenario s's chance of passing with a metric left to
// luck, for the scenario's head.
func huddleOddsLine(sc *scoring.Scorecard, l state.HuddleLuck, s int) goapp.UI {
	if l.Metric < 0 {
		return goapp.Text("")
	}
	text := "no odds"
	if l.Err == nil {
		text = state.ChanceText(l.Odds[s])
	}
	return goapp.P().Class("scenario-odds").Body(
		goapp.Text("Left to luck: passes "),
		goapp.Strong().DataSet("testid", "huddle-odds-"+[]string{"a", "b"}[s]).Text(text),
		goapp.Text(" of months"),
	)
}
