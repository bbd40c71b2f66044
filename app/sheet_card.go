package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// SheetCard is "How your sheet was read": each header of the file and what
// it was read as (the month, the agent, a metric's value, a source column,
// nothing), each changeable; the data is read again at once. The choices
// are remembered for the scorecard (SPEC section 8).
type SheetCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Columns   []scoring.ColumnUse
	Missing   []string // metrics no column gives, in words
	Chosen    bool     // the user chose some: offer to read by names again
	Err       string
	Live      bool

	page *Calculator // unexported: not compared; the page reads big data with progress
}

// Render draws the card.
func (s *SheetCard) Render() goapp.UI {
	return components.SafeRender("how your sheet was read", s.render, nil)
}

func (s *SheetCard) render() goapp.UI {
	if len(s.Columns) == 0 {
		return goapp.Text("")
	}
	choices := state.ColumnChoices(s.Scorecard)
	shown, more := shownColumns(s.Columns)
	return goapp.Section().Class("card sheet").Aria("labelledby", "columns-title").Body(
		goapp.H2().ID("columns-title").Text("How your sheet was read"),
		goapp.P().Class("hint").Text("Each column of your sheet and what Passline read it as. Change any of them: your data is read again at once, and the choice is kept for this scorecard."),
		goapp.Range(s.Missing).Slice(func(i int) goapp.UI { return goapp.P().Class("input-error").Text(s.Missing[i]) }),
		goapp.Div().Class("columns-list").DataSet("testid", "columns").Body(goapp.Range(shown).Slice(func(i int) goapp.UI {
			u := shown[i]
			id := "column-" + scoring.ColumnKey(u.Header)
			label := u.Header
			if label == "" {
				label = "(a column with no header)"
			}
			return goapp.Div().Class("field column-choice").Body(
				goapp.Label().For(id).Text(label),
				goapp.Select().ID(id).DataSet("header", u.Header).Disabled(!s.Live || u.Header == "").
					OnChange(s.onChoose(u.Header), u.Header).Body(
					goapp.Range(choices).Slice(func(j int) goapp.UI {
						return goapp.Option().Value(choices[j][0]).Selected(choices[j][0] == u.Key).Text(choices[j][1])
					}),
				),
			)
		})),
		goapp.If(more > 0, goapp.P().Class("hint").DataSet("testid", "columns-more").Text(
			fmt.Sprintf("…and %s no one reads, not listed. To use one, give it the name of what it holds in your sheet.", state.Plural(more, "more column")))),
		errorLine(s.Err),
		goapp.If(s.Chosen, goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "columns-reset").Disabled(!s.Live).
				Text("Read the columns by their names again").OnClick(s.onReset),
		)),
	)
}

// onChoose reads the data again with header read as the key chosen,
// showing progress for big data.
func (s *SheetCard) onChoose(header string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		key := value(ctx)
		c := s.page
		c.do("reading your sheet again", func() {
			c.readShowingProgress("", c.model.Data, func() {
				if c.send("columns", state.SetColumn{Header: header, Key: key}) {
					c.loaded = state.LoadedWords("Read again", c.prepared)
				}
			})
		})
	}
}

func (s *SheetCard) onReset(ctx goapp.Context, e goapp.Event) {
	c := s.page
	c.do("reading your sheet again", func() {
		c.readShowingProgress("", c.model.Data, func() { c.send("columns", state.ResetColumns{}) })
	})
}

// maxColumnsShown is how many headers the card lists: every one read as
// something, then unused ones up to this many. A sheet of 5,000 columns
// would otherwise be 80,000 choices on the page.
const maxColumnsShown = 60

// shownColumns is the headers listed, in the sheet's order, and how many
// unused ones are left out.
func shownColumns(cols []scoring.ColumnUse) ([]scoring.ColumnUse, int) {
	if len(cols) <= maxColumnsShown {
		return cols, 0
	}
	used := 0
	for _, u := range cols {
		if u.Key != "" {
			used++
		}
	}
	room := max(maxColumnsShown-used, 0)
	var out []scoring.ColumnUse
	more := 0
	for _, u := range cols {
		switch {
		case u.Key != "":
			out = append(out, u)
		case room > 0:
			out = append(out, u)
			room--
		default:
			more++
		}
	}
	return out, more
}
