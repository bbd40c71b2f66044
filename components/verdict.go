package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Verdict is a score with its pass or fail in words and the sentence that
// says how far it stands from the pass mark. Its elements carry
// data-testid TestID+"-score", "-status" and "-margin".
type Verdict struct {
	goapp.Compo

	Score  string // the score as the scorecard shows it: "2.1"
	Pass   bool
	Margin string // "0.1 above the pass mark of 2.0", as state.MarginWords says it
	TestID string // "month", "scenario"
	Large  bool   // projector size, for huddle mode
}

// NewVerdict returns the verdict on a score.
func NewVerdict(testID, score string, pass bool, margin string) *Verdict {
	return &Verdict{TestID: testID, Score: score, Pass: pass, Margin: margin}
}

// WithLarge draws it at projector size.
func (v *Verdict) WithLarge(large bool) *Verdict { v.Large = large; return v }

// Status is the verdict in one word.
func (v *Verdict) Status() string {
	if v.Pass {
		return "PASS"
	}
	return "FAIL"
}

// Render draws the verdict.
func (v *Verdict) Render() goapp.UI { return SafeRender("the verdict", v.render, nil) }

func (v *Verdict) render() goapp.UI {
	icon, class, score := "✗", "status fail", "score"
	if v.Pass {
		icon, class = "✓", "status pass"
	}
	if v.Large {
		score += " huge"
	}
	return goapp.Div().Class("verdict-block").Body(
		goapp.Div().Class("verdict").Body(
			goapp.Span().Class(score).DataSet("testid", v.TestID+"-score").Text(v.Score),
			goapp.Span().Class(class).Body(
				goapp.Span().Aria("hidden", "true").Text(icon+" "),
				goapp.Span().DataSet("testid", v.TestID+"-status").Text(v.Status()),
			),
		),
		goapp.P().Class("margin").DataSet("testid", v.TestID+"-margin").Text(v.Margin),
	)
}
