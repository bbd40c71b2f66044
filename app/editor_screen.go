package app

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// EditorScreen is the scorecard editor: every field of the draft, the
// engine's objections under the field they are about, the weights' total
// always in sight. It draws its props only.
type EditorScreen struct {
	goapp.Compo

	Draft    *scoring.Scorecard // the draft, or the scorecard in use when there is none
	DraftErr string             // why the draft cannot be read
	Errs     map[string]string  // by "draft:<field>", and "editor"
	Columns  []string           // the headers of the data in use, offered for a source's columns
	Lacks    []string           // the columns of the draft the data in use lacks, in words
	Live     bool
	Send     Sender

	exportErr string       // why the last download failed: the screen's own
	renamed   *renamed     // a metric just renamed: does it read other columns now?
	unfolded  map[int]bool // metrics of many bands whose bands are shown (state.ManyBands)
}

// Render draws the screen.
func (c *EditorScreen) Render() goapp.UI { return components.SafeRender("the editor", c.render, nil) }

func (c *EditorScreen) render() goapp.UI {
	sc := c.Draft
	if c.DraftErr != "" {
		return goapp.Section().Class("card").Body(
			goapp.H2().Text("Edit the scorecard"),
			errorLine("The draft cannot be read: "+c.DraftErr),
			c.discardButton(),
		)
	}
	check := state.CheckDraft(sc)
	probs := check.ByField
	total := state.WeightsTotal(sc)
	totalText := fmt.Sprintf("Weights add up to %s %%.", total.Short(2))
	if !total.Equal(scoring.N(100)) {
		totalText = fmt.Sprintf("Weights add up to %s %%: they must add up to 100 %%.", total.Short(2))
	}
	return goapp.Section().Class("card editor").Aria("labelledby", "editor-title").Body(
		goapp.H2().ID("editor-title").Text("Edit the scorecard"),
		goapp.P().Class("hint").Text("Changes are checked as you make them and kept on this device. Nothing changes in the calculator until you use the draft."),
		goapp.P().Class("weights-total "+map[bool]string{true: "ok", false: "bad"}[total.Equal(scoring.N(100))]).
			Attr("role", "status").DataSet("testid", "weights-total").Text(totalText),
		goapp.Div().Class("editor-grid").Body(
			c.textField(state.ScorecardField("name"), "Name", sc.Name, probs),
			c.textField(state.ScorecardField("pass"), "Pass mark", sc.Pass.Short(4), probs),
			c.textField(state.ScorecardField("decimals"), "Decimals the score is rounded to", strconv.Itoa(sc.Decimals), probs),
			c.textField(state.ScorecardField("scale.min"), "Lowest points", strconv.Itoa(sc.Scale.Min), probs),
			c.textField(state.ScorecardField("scale.max"), "Highest points", strconv.Itoa(sc.Scale.Max), probs),
			c.selectField(state.ScorecardField("quarter.mode"), "Quarter", string(sc.Quarter.Mode), probs,
				[2]string{"average", "the average of its months"}, [2]string{"pooled", "pooled: each metric over the quarter"}),
		),
		goapp.Range(sc.Metrics).Slice(func(i int) goapp.UI { return c.renderDraftMetric(sc, i, probs) }),
		goapp.H3().ID("add-metric-title").Text("Add a metric"),
		goapp.P().Class("hint").Text("Each starts with typical bands for this scale and where its value comes from; set its weight."),
		goapp.Div().Class("actions kinds").Attr("role", "group").Aria("labelledby", "add-metric-title").Body(
			goapp.Range(state.MetricKinds).Slice(func(i int) goapp.UI {
				k := state.MetricKinds[i]
				testid := "editor-add-" + k.ID
				if k.ID == "" {
					testid = "editor-add-metric"
				}
				return goapp.Button().Type("button").Class("button secondary").DataSet("testid", testid).DataSet("kind", k.ID).
					Disabled(!c.Live).Text(k.Label).OnClick(c.onEditorMsg(state.AddMetric{Kind: k.ID}), "add-"+k.ID)
			}),
		),
		goapp.If(len(check.All) > 0, goapp.Div().Class("editor-problems").Body(
			goapp.H3().Text("What the engine refuses"),
			goapp.Ul().Class("problems").DataSet("testid", "editor-problems").Body(
				goapp.Range(check.All).Slice(func(k int) goapp.UI { return goapp.Li().Text(check.All[k]) }),
			),
		)),
		goapp.If(len(c.Columns) > 0, goapp.DataList().ID("data-columns").Body(goapp.Range(c.Columns).Slice(func(k int) goapp.UI {
			return goapp.Option().Value(c.Columns[k])
		}))),
		goapp.If(len(c.Lacks) > 0, goapp.Div().Class("editor-problems").Body(
			goapp.H3().Text("Your data lacks"),
			goapp.Ul().Class("problems").DataSet("testid", "editor-lacks").Body(
				goapp.Range(c.Lacks).Slice(func(k int) goapp.UI { return goapp.Li().Text(c.Lacks[k]) }),
			),
		)),
		errorLine(c.Errs["editor"]),
		errorLine(c.exportErr),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "editor-use").Disabled(!c.Live).
				Text("Use this scorecard").OnClick(c.onEditorMsg(state.UseDraft{}), "use"),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "editor-export").Disabled(!c.Live).
				Text("Download the draft (JSON)").OnClick(c.onExportDraft),
			c.discardButton(),
			&components.Confirm{Label: "Start a new scorecard", TestID: "editor-new", Disabled: !c.Live,
				Question: "Start a new scorecard with no metric? The draft you have now is thrown away.", Yes: "Start a new one", No: "Keep this draft",
				OnYes: func(goapp.Context) { c.Send.Send("editor", state.NewDraft{}) }},
		),
	)
}

func (c *EditorScreen) renderDraftMetric(sc *scoring.Scorecard, i int, probs map[state.DraftField][]string) goapp.UI {
	m := &sc.Metrics[i]
	f := func(key string) state.DraftField { return state.MetricField(i, key) }
	return goapp.FieldSet().Class("draft-metric").DataSet("draft-metric", strconv.Itoa(i)).Body(
		goapp.Legend().Text(fmt.Sprintf("Metric %d: %s", i+1, m.Label)),
		c.fieldErrors(probs, state.MetricField(i, "")),
		goapp.Div().Class("editor-grid").Body(
			c.textField(f("label"), "Label", m.Label, probs),
			c.textField(f("id"), "Id", m.ID, probs),
			c.textField(f("weight"), "Weight (%)", m.Weight.Short(4), probs),
			c.selectField(f("unit"), "Unit", string(m.Unit), probs,
				[2]string{"percent", "percent"}, [2]string{"seconds", "seconds"}, [2]string{"number", "number"}, [2]string{"points", "points (already scored)"}),
			goapp.If(!m.IsPoints(), c.selectField(f("better"), "Better when", string(m.Better), probs,
				[2]string{"higher", "higher"}, [2]string{"lower", "lower"})),
		),
		c.renderSource(m, i, probs),
		c.renderRenamed(m, i),
		goapp.If(!m.IsPoints(), c.renderBands(m, i, probs)),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").Disabled(!c.Live).
				Text("Remove "+m.Label).OnClick(c.onEditorMsg(state.RemoveMetric{Metric: i}), fmt.Sprint("rm", i)),
		),
	)
}

// renderBands draws metric i's bands; more than state.ManyBands are folded
// under a line saying what they are, unless unfolded or one has a problem.
func (c *EditorScreen) renderBands(m *scoring.Metric, i int, probs map[state.DraftField][]string) goapp.UI {
	id := fmt.Sprint("bands-", i)
	head := goapp.H3().Text("Bands: the value that earns each level")
	if len(m.Bands) > state.ManyBands && !state.BandsHaveProblems(probs, i) {
		open := c.unfolded[i]
		toggle := goapp.Button().Type("button").Class("button secondary").DataSet("testid", fmt.Sprint("unfold-bands-", i)).
			Aria("expanded", open).Aria("controls", id).
			Text(map[bool]string{false: fmt.Sprintf("Show its %d bands", len(m.Bands)), true: "Hide the bands"}[open]).
			OnClick(func(goapp.Context, goapp.Event) { c.unfold(i, !open) }, fmt.Sprint("fold", i, open))
		if !open {
			return goapp.Div().Class("bands").Body(head, goapp.P().Class("hint").DataSet("testid", fmt.Sprint("bands-summary-", i)).Text(state.BandsSummary(m)+"."), toggle)
		}
		return goapp.Div().Class("bands").Body(head, toggle, c.bandRows(m, i, probs, id))
	}
	return goapp.Div().Class("bands").Body(head, c.bandRows(m, i, probs, id))
}

// unfold shows (or folds away) metric i's bands.
func (c *EditorScreen) unfold(i int, open bool) {
	_ = guard("showing the bands", func() {
		if c.unfolded == nil {
			c.unfolded = map[int]bool{}
		}
		c.unfolded[i] = open
	})
}

// bandRows is metric i's bands as fields, and the button adding one.
func (c *EditorScreen) bandRows(m *scoring.Metric, i int, probs map[state.DraftField][]string, id string) goapp.UI {
	return goapp.Div().ID(id).Body(
		goapp.Range(m.Bands).Slice(func(j int) goapp.UI {
			b := m.Bands[j]
			return goapp.Div().Class("band-row").Body(
				c.textField(state.BandField(i, j, "points"), "Points", b.Points.Short(4), probs),
				c.textField(state.BandField(i, j, "at"), map[bool]string{true: "At (m:ss)", false: "At"}[m.Unit == scoring.Seconds], state.BandAtText(m, b.At), probs),
				goapp.Button().Type("button").Class("button secondary").Disabled(!c.Live).
					Aria("label", fmt.Sprintf("Remove band %d of %s", j+1, m.Label)).Text("Remove").
					OnClick(c.onEditorMsg(state.RemoveBand{Metric: i, Band: j}), fmt.Sprint("rb", i, ".", j)),
			)
		}),
		goapp.Button().Type("button").Class("button secondary").Disabled(!c.Live).
			Text("Add a band").OnClick(c.onEditorMsg(state.AddBand{Metric: i}), fmt.Sprint("ab", i)),
	)
}

// textField is a labelled input for a draft field, with its problems.
func (c *EditorScreen) textField(f state.DraftField, label, value string, probs map[state.DraftField][]string) goapp.UI {
	field := f.String() // the hooks' name, and the key of its typing errors
	id := "draft-" + field
	input := goapp.Input().Type("text").ID(id).Class("text").DataSet("field", field).Attr("autocomplete", "off").
		Value(value).Disabled(!c.Live).OnChange(c.onEdit(f, value), field, value) // bound again when the value changes: onEdit keeps the old one
	if strings.Contains(field, ".source.") && len(c.Columns) > 0 {
		input = input.Attr("list", "data-columns") // the data's headers, offered as it is typed
	}
	if len(probs[f]) > 0 || c.Errs["draft:"+field] != "" {
		input = input.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(label),
		input,
		c.fieldErrorsID(probs, f, id+"-error"),
	)
}

func (c *EditorScreen) selectField(f state.DraftField, label, value string, probs map[state.DraftField][]string, options ...[2]string) goapp.UI {
	field := f.String()
	id := "draft-" + field
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(label),
		goapp.Select().ID(id).DataSet("field", field).Disabled(!c.Live).OnChange(onSendValue(c.Send, "draft:"+field, func(v string) state.Msg { return state.EditDraft{Field: f, Value: v} }), field).Body(
			goapp.Range(options).Slice(func(k int) goapp.UI {
				return goapp.Option().Value(options[k][0]).Selected(options[k][0] == value).Text(options[k][1])
			}),
		),
		c.fieldErrorsID(probs, f, id+"-error"),
	)
}

func (c *EditorScreen) fieldErrors(probs map[state.DraftField][]string, f state.DraftField) goapp.UI {
	return c.fieldErrorsID(probs, f, "")
}

// fieldErrorsID shows what is wrong with a field: the engine's rules and a
// value that could not be read.
func (c *EditorScreen) fieldErrorsID(probs map[state.DraftField][]string, f state.DraftField, id string) goapp.UI {
	key := f.String()
	msgs := probs[f]
	if e := c.Errs["draft:"+key]; e != "" {
		msgs = append([]string{e}, msgs...)
	}
	if len(msgs) == 0 {
		return goapp.Text("")
	}
	p := goapp.P().Class("input-error").DataSet("error-of", key)
	if id != "" {
		p = p.ID(id)
	}
	return p.Body(goapp.Range(msgs).Slice(func(k int) goapp.UI { return goapp.Span().Text(msgs[k] + " ") }))
}

func (c *EditorScreen) onEditorMsg(msg state.Msg) goapp.EventHandler {
	return onSend(c.Send, "editor", msg)
}

func (c *EditorScreen) onExportDraft(ctx goapp.Context, e goapp.Event) {
	err := guard("exporting the draft", func() {
		var b bytes.Buffer
		if err := scoring.WriteScorecard(&b, c.Draft); err != nil {
			c.exportErr = err.Error()
			return
		}
		c.exportErr = ""
		download("passline-scorecard-draft.json", "application/json", b.Bytes())
	})
	if err != nil {
		c.exportErr = err.Error()
	}
}

// discardButton throws the draft away, after its own question.
func (c *EditorScreen) discardButton() goapp.UI {
	return &components.Confirm{Label: "Start again from the scorecard in use", TestID: "editor-discard", Disabled: !c.Live,
		Question: "Throw this draft away? The editor starts again from the scorecard in use; the draft cannot be brought back.",
		Yes:      "Throw the draft away", No: "Keep editing",
		OnYes: func(goapp.Context) { c.Send.Send("editor", state.DiscardDraft{}) }}
}

// renderSource edits where a metric's value comes from: the kind of
// source, then its columns (the data's headers offered as they are typed)
// or its penalties.
func (c *EditorScreen) renderSource(m *scoring.Metric, i int, probs map[state.DraftField][]string) goapp.UI {
	f := func(key string) state.DraftField { return state.MetricField(i, key) }
	kinds := make([][2]string, len(state.SourceKinds))
	for k, s := range state.SourceKinds {
		kinds[k] = [2]string{s.ID, s.Label}
	}
	col := func(key, label, value string) goapp.UI {
		return c.textField(f(key), label, value, probs)
	}
	src := m.Source
	var fields []goapp.UI
	switch src.Kind {
	case scoring.FromColumn:
		fields = append(fields, col("source.column", "Column", src.Column))
	case scoring.FromRatio:
		fields = append(fields, col("source.num", "Column counted (such as sales)", src.Num), col("source.den", "Out of the column (such as calls)", src.Den))
	case scoring.FromNPS:
		fields = append(fields, col("source.promoters", "Promoters", src.Promoters), col("source.passives", "Passives", src.Passives),
			col("source.detractors", "Detractors", src.Detractors))
	case scoring.FromDeduct:
		fields = append(fields, col("source.penalties", "Penalties (a column and its points, each)", state.PenaltiesText(src)))
	}
	return goapp.Div().Class("source").Body(
		goapp.Div().Class("editor-grid").Body(
			append([]goapp.UI{c.selectField(f("source.kind"), "Read from", string(src.Kind), probs, kinds...)}, fields...)...,
		),
		goapp.P().Class("muted").Text("Read from "+state.SourceWords(m)+"."),
	)
}

// renamed is a metric just renamed, and what it was called.
type renamed struct {
	metric int
	was    string
}

// onEdit sends a field's new text. A metric's name changed asks whether
// its columns change too (renderRenamed); editing its source answers that.
func (c *EditorScreen) onEdit(f state.DraftField, old string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		v := value(ctx)
		if !c.Send.Send("draft:"+f.String(), state.EditDraft{Field: f, Value: v}) || f.Band >= 0 || f.Metric < 0 {
			return
		}
		switch {
		case f.Key == "label" && v != old:
			c.renamed = &renamed{metric: f.Metric, was: old}
		case strings.HasPrefix(f.Key, "source.") && c.renamed != nil && c.renamed.metric == f.Metric:
			c.renamed = nil
		}
	}
}

// renderRenamed asks, after a rename, whether the metric still reads the
// same columns: a renamed "Offer rate" called "CSAT" still reading offers
// and calls is almost never meant.
func (c *EditorScreen) renderRenamed(m *scoring.Metric, i int) goapp.UI {
	r := c.renamed
	if r == nil || r.metric != i {
		return goapp.Text("")
	}
	question := fmt.Sprintf("You renamed %s. It now reads %s: is that where %s comes from?", r.was, state.SourceWords(m), m.Label)
	return goapp.Div().Class("doubt").Attr("role", "alert").DataSet("testid", "renamed").Body(
		goapp.P().Text(question),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "renamed-keep").Text("Yes, keep these columns").
				OnClick(func(goapp.Context, goapp.Event) { c.renamed = nil }, "keep"),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "renamed-change").Text("No, change them").
				OnClick(func(goapp.Context, goapp.Event) {
					c.renamed = nil
					if el := goapp.Window().GetElementByID(fmt.Sprintf("draft-m%d.source.kind", i)); el.Truthy() {
						el.Call("focus")
					}
				}, "change"),
		),
	)
}
