package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

// MaxProblemsShown is how many data problems the page lists: a file with
// thousands of bad rows gives a readable list and a count of the rest.
const MaxProblemsShown = 50

func (c *Calculator) renderData(p dataProps) goapp.UI {
	v := p.Prepared
	d := v.Data
	var months []string
	for _, md := range p.Agent.Months {
		months = append(months, state.MonthLabel(md.Month))
	}
	example := p.Example
	shown := v.Problems[:min(len(v.Problems), MaxProblemsShown)]
	return goapp.Section().Class("card").Aria("labelledby", "data-title").Body(
		goapp.H2().ID("data-title").Text("Your numbers"),
		goapp.If(example, goapp.P().Text("You are looking at an example (SPEC's October). Paste your own rows, with their header row, straight from your spreadsheet, or choose a CSV file.")),
		goapp.Label().For("data-paste").Text("Paste rows (tab, comma or semicolon separated)"),
		goapp.Textarea().ID("data-paste").DataSet("testid", "data-paste").Class("paste").Rows(4).
			Attr("spellcheck", "false").Attr("autocomplete", "off").
			Attr("placeholder", "month, agent, calls, offers, sales, surveys, satisfied, aht, late, absent").
			Disabled(!p.Live),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "data-apply").Disabled(!p.Live || p.Busy != "").
				Text("Use these rows").OnClick(c.onApplyPaste),
			goapp.Label().Class("button secondary file").For("data-file").Body(
				goapp.Text("Choose a CSV file"),
				goapp.Input().Type("file").ID("data-file").DataSet("testid", "data-file").Class("visually-hidden").
					Attr("accept", ".csv,.txt,.tsv,text/csv,text/plain").Disabled(!p.Live || p.Busy != "").OnChange(c.onDataFile()),
			),
		),
		renderBusy(p.Busy),
		goapp.Div().DataSet("testid", "data-error").Body(errorLine(p.Err)),
		goapp.If(p.Loaded != "", goapp.P().Class("loaded").Attr("role", "status").DataSet("testid", "loaded").Text(p.Loaded)),
		goapp.If(len(d.Agents) > 1, goapp.Div().Class("field").Body(
			goapp.Label().For("agent-picker").Text("Agent"),
			goapp.Select().ID("agent-picker").DataSet("testid", "agent").Disabled(!p.Live).OnChange(c.onAgent).Body(
				goapp.Range(d.Agents).Slice(func(i int) goapp.UI {
					name := d.Agents[i].Name
					return goapp.Option().Value(name).Selected(name == p.Agent.Name).Text(name)
				}),
			),
		)),
		goapp.P().DataSet("testid", "months").Text(fmt.Sprintf("Months found for %s: %s.", p.Agent.Name, strings.Join(months, ", "))),
		goapp.If(len(d.Ignored) > 0, goapp.P().Class("muted").DataSet("testid", "ignored").Text(state.IgnoredLine(d))),
		goapp.Range(v.Missing).Slice(func(i int) goapp.UI { return goapp.P().Class("input-error").Text(v.Missing[i]) }),
		goapp.If(len(v.Problems) > 0, goapp.Div().Body(
			goapp.H3().Text(state.Plural(v.LeftOut, "row")+" left out"),
			goapp.Ul().Class("problems").DataSet("testid", "problems").Body(
				goapp.Range(shown).Slice(func(i int) goapp.UI { return goapp.Li().Text(shown[i]) }),
			),
			goapp.If(len(v.Problems) > len(shown), goapp.P().DataSet("testid", "problems-more").Text(
				fmt.Sprintf("…and %d more, not listed: fix these first.", len(v.Problems)-len(shown)))),
			goapp.P().Class("muted").Text("The other rows are scored. Fix these rows in your sheet and paste again to include them."),
		)),
	)
}

func (c *Calculator) renderScorecard(p scorecardProps) goapp.UI {
	sc := p.Prepared.Scorecard
	imported, chosen := p.Imported, p.Preset
	quarter := "the quarter is the average of its months"
	if sc.Quarter.Mode == scoring.Pooled {
		quarter = "the quarter is pooled: each metric is worked out over the whole quarter"
	}
	if sc.Quarter.StartMonth != 1 {
		quarter += fmt.Sprintf("; the year's quarters start in %s", state.MonthName(scoring.MonthOf(2000, sc.Quarter.StartMonth)))
	}
	return goapp.Section().Class("card").Aria("labelledby", "scorecard-title").Body(
		goapp.H2().ID("scorecard-title").Text("Scorecard"),
		goapp.Div().Class("field").Body(
			goapp.Label().For("preset-picker").Text("Built-in scorecard"),
			goapp.Select().ID("preset-picker").DataSet("testid", "preset").Disabled(!p.Live).OnChange(c.onPreset).Body(
				goapp.Range(scoring.Presets()).Slice(func(i int) goapp.UI {
					preset := scoring.Presets()[i]
					return goapp.Option().Value(preset.ID).Selected(!imported && preset.ID == chosen).Text(state.PresetName(preset))
				}),
				goapp.If(imported, goapp.Option().Value("").Selected(true).Disabled(true).Text("Your imported scorecard")),
			),
		),
		goapp.Label().Class("button secondary file").For("scorecard-file").Body(
			goapp.Text("Import a scorecard file (JSON)"),
			goapp.Input().Type("file").ID("scorecard-file").DataSet("testid", "scorecard-file").Class("visually-hidden").
				Attr("accept", ".json,application/json").Disabled(!p.Live).OnChange(c.onScorecardFile()),
		),
		errorLine(p.Err),
		goapp.H3().DataSet("testid", "scorecard-name").Text(sc.Name),
		goapp.P().Text(fmt.Sprintf("Points from %d to %d; pass mark %s (the score rounded to %s); %s.",
			sc.Scale.Min, sc.Scale.Max, sc.Pass.Fixed(sc.Decimals), state.DecimalsText(sc.Decimals), quarter)),
		goapp.Ul().Class("breakdown").DataSet("testid", "scorecard-metrics").Body(goapp.Range(p.Prepared.Order).Slice(func(k int) goapp.UI {
			m := &sc.Metrics[p.Prepared.Order[k]]
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(m.Weight.Short(2)+state.NBSP+"%"),
				goapp.Span().Class("metric-calc").Text(state.BandWords(sc, m)),
			)
		})),
	)
}
