package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// MaxProblemsShown is how many data problems the page lists: a file with
// thousands of bad rows gives a readable list and a count of the rest.
const MaxProblemsShown = 50

// DataCard is "Your numbers": the paste box, the file to choose, the
// agent picker, and what the last read found and left out. It renders
// again only when its props change, so a slider move never touches it.
type DataCard struct {
	goapp.Compo

	Prepared          *state.Prepared
	Agent             *scoring.AgentData
	Err, Loaded, Busy string
	Live, Example     bool
	// Scorable says some month of the data can be scored: a read that
	// cannot is not shown as loaded in green.
	Scorable bool
	// Refused says the last read was refused: its message stands alone,
	// without the lists of the data still in use.
	Refused bool
	// Dates is the question an ambiguous sheet asks, and each answer's
	// months (state.DatesQuestion); empty when there is none.
	Dates, DayFirst, MonthFirst string

	page   *Calculator // unexported: not compared; always the same page, for the reads
	pasted string      // the text last used from the box: the box keeps it, also when the card moves column (not compared: it may be 20 MB)
}

// Render draws the card.
func (d *DataCard) Render() goapp.UI { return components.SafeRender("your data", d.render, nil) }

func (d *DataCard) render() goapp.UI {
	v := d.Prepared
	data := v.Data
	var months []string
	for _, md := range d.Agent.Months {
		months = append(months, state.MonthLabel(md.Month))
	}
	return goapp.Section().Class("card").Aria("labelledby", "data-title").Body(
		goapp.H2().ID("data-title").Text("Your numbers"),
		goapp.If(d.Example, goapp.P().Text("You are looking at an example: Jo's October. Paste your own rows, with their header row, straight from your spreadsheet, or choose a CSV file.")),
		goapp.Label().For("data-paste").Text("Paste rows (tab, comma or semicolon separated)"),
		goapp.Textarea().ID("data-paste").DataSet("testid", "data-paste").Class("paste").Rows(4).
			Attr("spellcheck", "false").Attr("autocomplete", "off").
			Attr("placeholder", state.PasteHeader(v.Scorecard)).
			Attr("value", d.pasted).Disabled(!d.Live),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "data-apply").Disabled(!d.Live || d.Busy != "").
				Text("Use these rows").OnClick(d.onApplyPaste),
			goapp.Label().Class("button secondary file").For("data-file").Body(
				goapp.Text("Choose a CSV file"),
				goapp.Input().Type("file").ID("data-file").DataSet("testid", "data-file").Class("visually-hidden").
					Attr("accept", ".csv,.txt,.tsv,text/csv,text/plain").Disabled(!d.Live || d.Busy != "").
					OnChange(d.page.onFile("data", func(_, text string) state.Msg { return state.SetData{Text: text} }, func(name string) string { return state.LoadedWords(name, d.page.prepared) })),
			),
		),
		renderBusy(d.Busy),
		goapp.If(d.Dates == "", goapp.Div().DataSet("testid", "data-error").Body(errorLine(d.Err))), // the dates question says it all
		goapp.If(d.Dates != "", goapp.Div().Class("doubt").Attr("role", "alert").DataSet("testid", "dates").Body(
			goapp.P().Text(d.Dates),
			goapp.Ul().Class("plain").Body(goapp.Li().Text(d.DayFirst), goapp.Li().Text(d.MonthFirst)),
			goapp.Div().Class("actions").Body(
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "dates-dmy").Disabled(!d.Live).
					Text("Day first").OnClick(d.onDates("dmy"), "dmy"),
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "dates-mdy").Disabled(!d.Live).
					Text("Month first").OnClick(d.onDates("mdy"), "mdy"),
			),
		)),
		goapp.If(d.Loaded != "" && !d.Refused && d.Scorable, goapp.P().Class("loaded").Attr("role", "status").DataSet("testid", "loaded").Text(d.Loaded)),
		goapp.If(d.Loaded != "" && !d.Refused && !d.Scorable, goapp.P().Class("doubt-line").Attr("role", "status").DataSet("testid", "loaded").Text(d.Loaded+" "+state.NotScorableWords)),
		goapp.If(len(data.Agents) > 1, goapp.Div().Class("field").Body(
			goapp.Label().For("agent-picker").Text("Agent"),
			goapp.Select().ID("agent-picker").DataSet("testid", "agent").Disabled(!d.Live).
				OnChange(onSendValue(d.page, "data", func(v string) state.Msg { return state.ChooseAgent{Name: v} })).Body(
				goapp.Range(data.Agents).Slice(func(i int) goapp.UI {
					name := data.Agents[i].Name
					return goapp.Option().Value(name).Selected(name == d.Agent.Name).Text(name)
				}),
			),
		)),
		goapp.P().DataSet("testid", "months").Text(fmt.Sprintf("Months found for %s: %s.", d.Agent.Name, strings.Join(months, ", "))),
		goapp.Range(v.Notes).Slice(func(i int) goapp.UI {
			return goapp.P().Class("input-error").DataSet("testid", "data-note").Text(v.Notes[i])
		}),
		goapp.If(len(data.Ignored) > 0, goapp.P().Class("muted").DataSet("testid", "ignored").Text(state.IgnoredLine(data))),
	)
}

// ProblemsCard lists the rows the last read left out, each with its row
// and column. It sits below "How your sheet was read", so that a mapping
// to fix comes before the rows it would fix (SPEC section 9).
type ProblemsCard struct {
	goapp.Compo

	Problems []string
	LeftOut  int
}

// Render draws the card, or nothing when no row was left out.
func (p *ProblemsCard) Render() goapp.UI {
	return components.SafeRender("the rows left out", p.render, nil)
}

func (p *ProblemsCard) render() goapp.UI {
	if len(p.Problems) == 0 {
		return goapp.Text("")
	}
	return goapp.Section().Class("card").Aria("label", "Rows left out").Body(
		&components.ProblemList{Title: state.Plural(p.LeftOut, "row") + " left out", Problems: p.Problems, Max: MaxProblemsShown,
			TestID: "problems", Hint: "The other rows are scored. Fix these rows in your sheet (or in the paste box) and use them again to include them."},
	)
}

// onApplyPaste reads the paste box when asked, not on every keystroke: a
// big paste never goes through the page's renders.
// Text over MaxFileBytes is refused before Go reads it.
func (d *DataCard) onApplyPaste(ctx goapp.Context, e goapp.Event) {
	c := d.page
	c.do("reading the pasted rows", func() {
		box := goapp.Window().GetElementByID("data-paste")
		if err := state.TooBig("the pasted text", box.Get("textLength").Int()); err != nil {
			c.errs.set("data", err.Error())
			return
		}
		text := box.Get("value").String()
		c.newRead()
		c.pasted = keptText(text)
		c.readShowingProgress("", text, func() {
			// The box keeps the text (keptText): a fix is one edit and one tap.
			if c.send("data", state.SetData{Text: text}) {
				c.loaded = state.LoadedWords("Pasted data", c.prepared)
			}
			if c.pasted == "" {
				box.Set("value", "") // too big to keep: fix it in the sheet
				if c.loaded != "" {
					c.loaded += " The box is emptied: a paste this big is best fixed in your sheet."
				}
			}
		})
	})
}

// ScorecardCard is the scorecard in use: the built-in ones to choose
// from, a file to import, and each metric's weight and bands in words.
type ScorecardCard struct {
	goapp.Compo

	Prepared       *state.Prepared
	Preset, Err    string
	Imported, Live bool

	page *Calculator // unexported: not compared; always the same page, for the reads
}

// Render draws the card.
func (s *ScorecardCard) Render() goapp.UI {
	return components.SafeRender("the scorecard", s.render, nil)
}

func (s *ScorecardCard) render() goapp.UI {
	sc := s.Prepared.Scorecard
	quarter := "the quarter is the average of its months"
	if sc.Quarter.Mode == scoring.Pooled {
		quarter = "the quarter is pooled: each metric is worked out over the whole quarter"
	}
	if sc.Quarter.StartMonth != 1 {
		quarter += fmt.Sprintf("; the year's quarters start in %s", state.MonthName(scoring.MonthOf(2000, sc.Quarter.StartMonth)))
	}
	c := s.page
	return goapp.Section().Class("card").Aria("labelledby", "scorecard-title").Body(
		goapp.H2().ID("scorecard-title").Text("Scorecard"),
		goapp.Div().Class("field").Body(
			goapp.Label().For("preset-picker").Text("Built-in scorecard"),
			goapp.Select().ID("preset-picker").DataSet("testid", "preset").Disabled(!s.Live).OnChange(s.onPreset).Body(
				goapp.Range(scoring.Presets()).Slice(func(i int) goapp.UI {
					preset := scoring.Presets()[i]
					return goapp.Option().Value(preset.ID).Selected(!s.Imported && preset.ID == s.Preset).Text(state.PresetName(preset))
				}),
				goapp.If(s.Imported, goapp.Option().Value("").Selected(true).Disabled(true).Text("Your imported scorecard")),
			),
		),
		goapp.Label().Class("button secondary file").For("scorecard-file").Body(
			goapp.Text("Import a scorecard file (JSON)"),
			goapp.Input().Type("file").ID("scorecard-file").DataSet("testid", "scorecard-file").Class("visually-hidden").
				Attr("accept", ".json,application/json").Disabled(!s.Live).OnChange(c.onFile("scorecard",
				func(name, text string) state.Msg { return state.ImportScorecard{Name: name, JSON: text} },
				func(name string) string {
					return fmt.Sprintf("Scorecard loaded from %s: %s.", name, c.view.Scorecard.Name)
				})),
		),
		errorLine(s.Err),
		goapp.H3().DataSet("testid", "scorecard-name").Text(sc.Name),
		goapp.P().Text(fmt.Sprintf("Points from %d to %d; pass mark %s (the score rounded to %s); %s.",
			sc.Scale.Min, sc.Scale.Max, sc.Pass.Fixed(sc.Decimals), state.DecimalsText(sc.Decimals), quarter)),
		goapp.Ul().Class("breakdown").DataSet("testid", "scorecard-metrics").Body(goapp.Range(s.Prepared.Order).Slice(func(k int) goapp.UI {
			m := &sc.Metrics[s.Prepared.Order[k]]
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(m.Weight.Short(2)+state.NBSP+"%"),
				goapp.Span().Class("metric-calc").Text(state.BandWords(sc, m)),
			)
		})),
	)
}

func (s *ScorecardCard) onPreset(ctx goapp.Context, e goapp.Event) {
	c := s.page
	if c.send("scorecard", state.ChoosePreset{ID: value(ctx)}) {
		c.loaded = "Scorecard: " + c.view.Scorecard.Name + "."
	}
}

// onDates answers the dates question and reads the sheet again with it.
func (d *DataCard) onDates(order string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		c := d.page
		c.do("reading your dates", func() {
			if c.dates == nil {
				return
			}
			text := c.dates.text
			c.readShowingProgress("", text, func() {
				if c.send("data", state.SetDates{Order: order, Text: text}) {
					c.loaded = state.LoadedWords("Your data", c.prepared)
				}
			})
		})
	}
}
