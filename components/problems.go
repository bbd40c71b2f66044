package components

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ProblemList lists what was left out of a read, each with its place
// ("Row 4, column calls: …"), at most Max of them and a count of the rest.
// It draws nothing when there is nothing to list.
type ProblemList struct {
	goapp.Compo

	Title    string   // "3 rows left out"
	Problems []string // each already says where
	Max      int      // how many are listed; 0 lists all
	Hint     string   // what to do about them
	TestID   string   // the list's data-testid; the count of the rest has TestID+"-more"
}

// Shown is the problems listed.
func (l *ProblemList) Shown() []string {
	if l.Max > 0 && len(l.Problems) > l.Max {
		return l.Problems[:l.Max]
	}
	return l.Problems
}

// More is how many problems are not listed.
func (l *ProblemList) More() int { return len(l.Problems) - len(l.Shown()) }

// Render draws the list.
func (l *ProblemList) Render() goapp.UI { return SafeRender("the list of problems", l.render, nil) }

func (l *ProblemList) render() goapp.UI {
	if len(l.Problems) == 0 {
		return goapp.Text("")
	}
	shown := l.Shown()
	return goapp.Div().Body(
		goapp.H3().Text(l.Title),
		goapp.Ul().Class("problems").DataSet("testid", l.TestID).Body(
			goapp.Range(shown).Slice(func(i int) goapp.UI { return goapp.Li().Text(shown[i]) }),
		),
		goapp.If(l.More() > 0, goapp.P().DataSet("testid", l.TestID+"-more").Text(
			fmt.Sprintf("…and %d more, not listed: fix these first.", l.More()))),
		goapp.If(l.Hint != "", goapp.P().Class("muted").Text(l.Hint)),
	)
}
