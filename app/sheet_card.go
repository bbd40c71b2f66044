package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// SheetCard is "How your sheet was read": what the read did, in words
// (SPEC section 9's notes), the questions a unit in doubt asks, then each
// header of the file and what it was read as (the month, the agent, a
// metric's value, a source column, nothing), with its unit for a duration
// or rate column, each changeable; the data is read again at once. The
// choices are remembered for the scorecard (SPEC sections 8 and 9).
type SheetCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Columns   []scoring.ColumnUse
	Missing   []string // metrics no column gives, in words
	Notes     []string // what the read did, in words
	Questions []state.UnitQuestion
	// Pending is a sheet not in use yet, refused for want of its month
	// column: choosing a column reads it.
	Pending string
	Chosen  bool // the user chose some: offer to read by names again
	Err     string
	Live    bool

	page     *Calculator // unexported: not compared; the page reads big data with progress
	changing string      // in a long list, the header whose choice is open (see maxOptions)
}

// NeedsYou reports whether the sheet needs the user before it is read in
// full: no month column, a metric with no column, a unit in doubt.
func (s *SheetCard) NeedsYou() bool {
	return s.Pending != "" || len(s.Missing) > 0 || len(s.Questions) > 0
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
	compact := len(shown)*len(choices) > maxOptions
	chosen := map[string]string{}
	for _, c := range choices {
		chosen[c[0]] = c[1]
	}
	return goapp.Section().Class("card sheet").Aria("labelledby", "columns-title").DataSet("testid", "sheet").Body(
		goapp.H2().ID("columns-title").Text("How your sheet was read"),
		goapp.If(s.Pending != "", goapp.P().Class("doubt-line").Attr("role", "alert").DataSet("testid", "sheet-pending").Text(state.NoMonthWords)),
		goapp.If(len(s.Notes) > 0, goapp.Ul().Class("read-notes").DataSet("testid", "read-notes").Body(
			goapp.Range(s.Notes).Slice(func(i int) goapp.UI { return goapp.Li().Text(s.Notes[i]) }),
		)),
		goapp.Range(s.Questions).Slice(func(i int) goapp.UI {
			q := s.Questions[i]
			return goapp.Div().Class("doubt").Attr("role", "group").Aria("label", "The unit of "+q.Header).DataSet("testid", "unit-question").DataSet("header", q.Header).Body(
				goapp.P().Text(q.Question),
				goapp.Div().Class("actions").Body(goapp.Range(q.Answers[:]).Slice(func(j int) goapp.UI {
					a := q.Answers[j]
					return goapp.Button().Type("button").Class("button secondary").DataSet("testid", "unit-"+a.Unit).DataSet("header", q.Header).
						Disabled(!s.Live).Text(a.Words).OnClick(s.onUnit(q.Header, a.Unit), q.Header+"="+a.Unit)
				})),
			)
		}),
		goapp.Range(s.Missing).Slice(func(i int) goapp.UI { return goapp.P().Class("input-error").Text(s.Missing[i]) }),
		goapp.P().Class("hint").Text("Each column of your sheet, what Passline read it as and, for a time or a rate, its unit. Change any of them: your data is read again at once, and the choice is kept for this scorecard."),
		goapp.Div().Class("columns-list").DataSet("testid", "columns").Body(goapp.Range(shown).Slice(func(i int) goapp.UI {
			u := shown[i]
			id := fmt.Sprintf("column-%d", i) // by place: two headers of one name each have their own (issue 25)
			label := u.Header
			if label == "" {
				label = "(a column with no header)"
			}
			units := state.UnitChoices(u.Unit)
			if compact && s.changing != u.Header {
				return goapp.Div().Class("column-choice compact").Body(
					goapp.Span().Class("column-name").Text(label),
					goapp.Span().Class("column-read").DataSet("read", u.Header).Text(chosen[u.Key]),
					goapp.Button().Type("button").Class("button secondary").DataSet("change-column", u.Header).
						Disabled(!s.Live || u.Header == "").Aria("label", "Change what "+label+" is read as").Text("Change").
						OnClick(s.onOpen(u.Header, id), "open:"+u.Header, id), // bound again when its place (id) changes
				)
			}
			return goapp.Div().Class("column-choice").Body(
				goapp.Label().For(id).Text(label),
				goapp.Select().ID(id).DataSet("header", u.Header).Disabled(!s.Live || u.Header == "").
					OnChange(s.onChoose(u.Header), u.Header).Body(
					goapp.Range(choices).Slice(func(j int) goapp.UI {
						return goapp.Option().Value(choices[j][0]).Selected(choices[j][0] == u.Key).Text(choices[j][1])
					}),
				),
				goapp.If(u.Unit != "" && s.Pending == "", goapp.Select().Class("unit").ID(id+"-unit").Aria("label", "Unit of "+label).DataSet("unit", u.Header).Disabled(!s.Live).
					OnChange(s.onUnitChosen(u.Header), "unit:"+u.Header).Body(
					goapp.Range(units).Slice(func(j int) goapp.UI {
						return goapp.Option().Value(units[j][0]).Selected(units[j][0] == string(u.Unit)).Text(units[j][1])
					}),
				)),
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

// onUnit answers a unit question, onUnitChosen takes the unit chosen
// beside a column: the data is read again with it.
func (s *SheetCard) onUnit(header, unit string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.readWith(state.SetUnit{Header: header, Unit: unit}) }
}

func (s *SheetCard) onUnitChosen(header string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.readWith(state.SetUnit{Header: header, Unit: value(ctx)}) }
}

// readWith reads the data again with a choice, showing progress for big
// data, and says what the read loaded.
func (s *SheetCard) readWith(msg state.Msg) {
	c := s.page
	c.do("reading your sheet again", func() {
		text := c.model.Data
		if s.Pending != "" {
			text = s.Pending
		}
		c.readShowingProgress("", text, func() {
			if c.send("columns", msg) {
				c.loaded = state.LoadedWords("Read again", c.prepared)
			}
		})
	})
}

// onChoose reads the data again with header read as the key chosen,
// showing progress for big data.
func (s *SheetCard) onChoose(header string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		s.readWith(state.SetColumn{Header: header, Key: value(ctx), Text: s.Pending})
	}
}

func (s *SheetCard) onReset(ctx goapp.Context, e goapp.Event) {
	c := s.page
	c.do("reading your sheet again", func() {
		c.readShowingProgress("", c.model.Data, func() { c.send("columns", state.ResetColumns{}) })
	})
}

// onOpen opens header's choice in a long list, and puts the focus on it.
func (s *SheetCard) onOpen(header, id string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		_ = guard("opening a column's choice", func() {
			s.changing = header
			if s.page != nil && s.page.ctx != nil {
				ctx = s.page.ctx // the button goes with this render: a defer on it would never run
			}
			ctx.Defer(func(goapp.Context) {
				if el := goapp.Window().GetElementByID(id); el.Truthy() {
					el.Call("focus")
				}
			})
		})
	}
}

// maxOptions is how many options the card's choices may hold in all: each
// header's choice lists every metric and column, so a sheet of 300
// columns for a scorecard of 100 metrics drew 120,000 options (issue 25).
// Past it, each header shows what it is read as and a button to change it.
const maxOptions = 2000

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
