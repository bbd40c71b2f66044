package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// CountLine is a sentence in counts about one metric: "1 more satisfied
// survey of 26 keeps CE at 3 points."
type CountLine struct {
	Metric string // the metric's id: data-count
	Text   string
}

// Counts is the "In counts" card: what keeps or moves a ratio or NPS
// metric, said in surveys, sales and calls rather than percentages. It
// draws nothing without a line.
type Counts struct {
	goapp.Compo

	Lines []CountLine
}

// Render draws the card.
func (c *Counts) Render() goapp.UI { return SafeRender("the counts", c.render, nil) }

func (c *Counts) render() goapp.UI {
	if len(c.Lines) == 0 {
		return goapp.Text("")
	}
	return goapp.Section().Class("card").Aria("labelledby", "counts-title").Body(
		goapp.H2().ID("counts-title").Text("In counts"),
		goapp.Ul().Class("plain").Body(goapp.Range(c.Lines).Slice(func(i int) goapp.UI {
			return goapp.Li().DataSet("count", c.Lines[i].Metric).Text(c.Lines[i].Text)
		})),
	)
}
