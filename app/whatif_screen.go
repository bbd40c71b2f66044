package app

import (
	"fmt"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// WhatIfScreen is the what-if's own parts: the sliders, the quarter, the
// working and the counts. The month's verdict above it (MonthCard) and the
// cards beside it (data, scorecard, "pass without…?", luck, appeal) are
// their own components. It draws its props only, and re-renders on every slider
// move; each slider inside it renders again only when its own props
// changed.
type WhatIfScreen struct {
	goapp.Compo

	View      state.View
	HasWhatIf bool                    // some value is moved: offer the way back
	Points    bool                    // show the metrics as choices of points, not sliders
	Sheet     bool                    // the user's sheet is in use, with its choice of columns
	Errs      map[string]string       // by "metric:<key>", "volume:<id>", "month"
	Doubts    map[string]*state.Doubt // by "metric:<key>": a typed value asked about
	Live      bool
	Send      Sender
}

// Render draws the screen.
func (w *WhatIfScreen) Render() goapp.UI { return components.SafeRender("the what-if", w.render, nil) }

func (w *WhatIfScreen) render() goapp.UI {
	return goapp.Div().Class("whatif").Body(
		w.renderSliders(),
		w.renderQuarter(),
		w.renderWorking(),
		&components.Counts{Lines: w.countLines()},
	)
}

// SliderChanged reads a slider's or an exact input's text in the metric's
// unit, or, for a key such as "attendance.late", a count of incidents,
// and sends the value typed.
func (w *WhatIfScreen) SliderChanged(ctx goapp.Context, key, text string, typed bool) {
	sc, month := w.View.Scorecard, w.View.Month.String()
	read := state.ReadWhatIf
	if typed {
		read = state.ReadTypedWhatIf
	}
	w.Send.SendRead("metric:"+key, text, func(text string) (state.Msg, error) {
		v, err := read(sc, key, text)
		return state.SetWhatIf{Month: month, Metric: key, Value: v}, err
	})
}

// doubt is the slider's question about the value typed for key, if any.
func (w *WhatIfScreen) doubt(key string) (string, []components.Choice) {
	d := w.Doubts["metric:"+key]
	if d == nil {
		return "", nil
	}
	return d.Question, doubtChoices(d)
}

// doubtChoices is a doubt's answers as the widget takes them.
func doubtChoices(d *state.Doubt) []components.Choice {
	choices := make([]components.Choice, len(d.Choices))
	for i, c := range d.Choices {
		choices[i] = components.Choice(c)
	}
	return choices
}

// MonthCard is the what-if month's verdict: its score, PASS or FAIL, the
// margin to the pass mark and the quarter's need; or, while a metric has
// no value, which. It stays in sight while the sliders below it move
// (sticky, compact); screen readers hear the verdict once a value
// settles, from the page's live region, not from here on every step.
type MonthCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Order     []int // the metrics in the order they are shown
	Result    scoring.MonthResult
	Title     string // "October 2026 · Jo"
	// The quarter's line (state.QuarterLine): its verdict once decided,
	// and what the months to come need (data-testid quarter-need).
	Quarter state.QuarterText
	// Waiting lists the metrics whose column waits for the user's answer
	// about its unit (SPEC section 9's fractions).
	Waiting []string
}

// NewMonthCard is the verdict on the view's what-if month.
func NewMonthCard(v state.View) *MonthCard {
	title := state.MonthLabel(v.Month) + " · " + v.Agent.Name
	if v.IsNext {
		title += " (next)"
	}
	return &MonthCard{Scorecard: v.Scorecard, Order: v.Order, Result: v.Result.Month, Title: title,
		Quarter: state.QuarterLine(v), Waiting: v.Held}
}

// Render draws the card.
func (c *MonthCard) Render() goapp.UI { return components.SafeRender("the verdict", c.render, nil) }

func (c *MonthCard) render() goapp.UI {
	sc, mr, title := c.Scorecard, c.Result, c.Title
	if mr.Status == scoring.Incomplete {
		var missing []string
		for _, i := range c.Order {
			if mr.Metrics[i].Missing {
				missing = append(missing, sc.Metrics[i].Label)
			}
		}
		return goapp.Section().Class("card month incomplete").DataSet("testid", "verdict").Aria("labelledby", "month-title").Body(
			goapp.H2().ID("month-title").Text(title),
			goapp.P().Class("status").DataSet("testid", "month-status").Text("INCOMPLETE"),
			goapp.P().Class("margin").Text(state.IncompleteWords(missing, c.Waiting)),
			c.quarterLine(),
		)
	}
	var gated []string
	for _, i := range c.Order {
		if mr.Metrics[i].GateFailed {
			gated = append(gated, sc.Metrics[i].Label)
		}
	}
	class := map[bool]string{true: "pass", false: "fail"}[mr.Pass]
	return goapp.Section().Class("card month "+class).DataSet("testid", "verdict").Aria("labelledby", "month-title").Body(
		goapp.H2().ID("month-title").Text(title),
		components.NewVerdict("month", mr.Score.Fixed(sc.Decimals), mr.Pass, state.MarginWords(sc, mr.Score, gated)),
		c.quarterLine(),
	)
}

// quarterLine is the quarter's verdict (once decided) and need under the
// month's.
func (c *MonthCard) quarterLine() goapp.UI {
	q := c.Quarter
	return goapp.P().Class("quarter-line-short").Body(
		goapp.Text(q.Lead),
		goapp.If(q.Verdict != "", goapp.Strong().Class("quarter-verdict "+q.Class).DataSet("testid", "quarter-verdict").Text(q.Verdict)),
		goapp.Text(q.NeedLead),
		goapp.If(q.Need != "", goapp.Strong().DataSet("testid", "quarter-need").Text(q.Need)),
	)
}

func (w *WhatIfScreen) renderSliders() goapp.UI {
	v, sc := w.View, w.View.Scorecard
	return goapp.Section().Class("card sliders").Aria("labelledby", "whatif-title").Body(
		goapp.H2().ID("whatif-title").Text("What if…"),
		w.renderMonthPicker(),
		w.renderPointsSwitch(),
		goapp.Range(v.Order).Slice(func(k int) goapp.UI {
			i := v.Order[k]
			m := &sc.Metrics[i]
			if w.Points {
				return w.renderPointsChoice(i)
			}
			if state.HasIncidentCounts(m, v.Base[i]) {
				return w.renderIncidentSliders(i)
			}
			in := v.Inputs[i]
			given := ""
			if in.Points { // given in points mode: the slider shows the month's own value
				given, in = state.GivenNote(in.Value), v.Base[i]
			}
			missing := in.Missing
			if missing { // the slider rests at its start; the exact box and the words say there is no value
				in = scoring.Input{Value: state.RangeFor(sc, m, scoring.Num{}).Min}
			}
			r := state.RangeFor(sc, m, in.Value)
			var marks []components.Mark
			for _, b := range m.Bands {
				if b.Points.Equal(sc.Scale.Lowest()) && !m.Interpolate {
					continue
				}
				marks = append(marks, components.Mark{At: r.Position(b.At), Label: b.Points.Short(2)})
			}
			line := v.Result.Lines[i]
			if line.Kind == scoring.LineAt && !m.IsPoints() {
				marks = append(marks, components.Mark{At: r.Position(state.ShownLine(m, line.Value)), Label: "pass line", Pass: true})
			}
			points := ""
			if !v.Inputs[i].Missing {
				points = state.PointsText(v.Result.Month.Metrics[i].Points)
			}
			slider := components.NewSlider(m.ID).WithLabel(m.Label).
				WithRange(r.Min.Short(4), r.Max.Short(4), r.Step.Short(4)).
				WithValue(in.Value.Short(4), state.UnitSign(m.Unit), state.SliderWords(m, in.Value, points, missing)).
				WithExact(state.ExactText(m, in.Value)).WithNoValue(missing).
				WithPoints(points).WithMarks(marks).
				WithNote(given+v.LineFor(i)+state.AllowanceWords(line)+w.quarterWords(i)).
				WithError(w.Errs["metric:"+m.ID]).WithDoubt(w.doubt(m.ID)).
				WithDisabled(!w.Live).
				WithOnChange(m.ID, w)
			if !w.noColumn(i) {
				return slider
			}
			return goapp.Div().Body(slider, goapp.P().Class("input-error").DataSet("no-column", m.ID).Body(
				goapp.Text("No column of your sheet gives "+m.Label+". "),
				goapp.A().Href("#columns-title").Text("Choose its column"),
			))
		}),
		goapp.If(w.HasWhatIf,
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "clear-whatif").
				Text("Back to the month's own values").OnClick(onSend(w.Send, "whatif", state.ClearWhatIf{Month: w.View.Month.String()}), w.View.Month.String()),
		),
	)
}

func (w *WhatIfScreen) renderMonthPicker() goapp.UI {
	v := w.View
	months := v.Agent.Months
	latest := months[len(months)-1].Month
	options := make([]goapp.UI, 0, len(months)+1)
	for k := len(months) - 1; k >= 0; k-- {
		mo := months[k].Month
		label := state.MonthLabel(mo)
		if mo == latest {
			label += " (latest)"
		}
		options = append(options, goapp.Option().Value(mo.String()).Selected(!v.IsNext && mo == v.Month).Text(label))
	}
	if state.MonthInRange(latest + 1) { // never "January 10000" (issue 25)
		options = append(options, goapp.Option().Value(state.NextMonth).Selected(v.IsNext).Text(state.MonthLabel(latest+1)+" (next, empty)"))
	}
	return goapp.Div().Class("field").Body(
		goapp.Label().For("month-picker").Text("Month"),
		goapp.Select().ID("month-picker").DataSet("testid", "month").Disabled(!w.Live).
			OnChange(onSendValue(w.Send, "month", func(v string) state.Msg { return state.ChooseMonth{Month: v} })).Body(options...),
		errorLine(w.Errs["month"]),
	)
}

// renderIncidentSliders moves a deduct metric in counts: a slider for each
// kind of incident ("late", "absent"), the first one carrying the metric's
// id.
func (w *WhatIfScreen) renderIncidentSliders(i int) goapp.UI {
	v, sc := w.View, w.View.Scorecard
	m := &sc.Metrics[i]
	points := state.PointsText(v.Result.Month.Metrics[i].Points)
	line := v.Result.Lines[i]
	pens := m.Source.Penalties
	return goapp.Div().Class("incidents").Body(goapp.Range(pens).Slice(func(k int) goapp.UI {
		pen := pens[k]
		key := state.IncidentKey(m, pen.Column)
		count := v.Inputs[i].Counts[k]
		most := scoring.N(10)
		if pen.Points.Sign() > 0 {
			most = sc.Scale.Highest().Sub(sc.Scale.Lowest()).Div(pen.Points).Ceil(0)
		}
		most = scoring.Max(most, count)
		id := key
		if k == 0 {
			id = m.ID // the first kind's slider is the metric's
		}
		note := ""
		if k == len(pens)-1 {
			note = v.LineFor(i) + state.AllowanceWords(line) + w.quarterWords(i)
		}
		return components.NewSlider(id).WithLabel(fmt.Sprintf("%s: %s (each costs %s)", m.Label, pen.Column, state.PointsText(pen.Points))).
			WithRange("0", most.Short(0), "1").
			WithValue(count.Short(0), pen.Column, fmt.Sprintf("%s %s, %s", count.Short(0), pen.Column, points)).
			WithPoints(points).WithNote(note).
			WithError(w.Errs["metric:"+key]).WithDoubt(w.doubt(key)).WithDisabled(!w.Live).
			WithOnChange(key, w)
	}))
}

// renderWorking shows how the score is built, down to the exact sum.
func (w *WhatIfScreen) renderWorking() goapp.UI {
	v, sc := w.View, w.View.Scorecard
	mr := v.Result.Month
	var terms []string
	for i, m := range sc.Metrics {
		if !mr.Metrics[i].Missing {
			terms = append(terms, fmt.Sprintf("%s%s%% × %s", m.Weight.Short(4), state.NBSP, mr.Metrics[i].Points.Short(4)))
		}
	}
	formula := "Score = " + strings.Join(terms, " + ")
	if mr.Status != scoring.Incomplete {
		formula += fmt.Sprintf(" = %s, rounded to %s (halves up): %s. The pass mark is %s", mr.Exact.Short(6), state.DecimalsText(sc.Decimals),
			mr.Score.Fixed(sc.Decimals), sc.Pass.Fixed(sc.Decimals))
		if mr.Pass {
			formula += ": pass."
		} else {
			formula += ": fail."
		}
	}
	var gates []goapp.UI
	for i, m := range sc.Metrics {
		if m.Gate != nil && !mr.Metrics[i].Missing {
			verdict := "met"
			if mr.Metrics[i].GateFailed {
				verdict = "not met: the month fails whatever the score"
			}
			gates = append(gates, goapp.P().Class("working").Text(fmt.Sprintf("Gate: %s needs at least %s; it has %s, %s.", m.Label, state.PointsText(*m.Gate), state.PointsText(mr.Metrics[i].Points), verdict)))
		}
	}
	return goapp.Section().Class("card").Aria("labelledby", "working-title").Body(
		goapp.H2().ID("working-title").Text("Show your working"),
		goapp.Ul().Class("breakdown").Body(goapp.Range(v.Order).Slice(func(k int) goapp.UI {
			i := v.Order[k]
			m, ms := &sc.Metrics[i], mr.Metrics[i]
			value, calc := "no value", "weight "+m.Weight.Short(2)+state.NBSP+"%"
			if !ms.Missing {
				value = state.MetricValue(m, ms.Value)
				if v.Inputs[i].Points {
					value = "given as " + state.PointsText(ms.Points)
				}
				calc = fmt.Sprintf("%s × %s%s%% = %s", state.PointsText(ms.Points), m.Weight.Short(2), state.NBSP, ms.Contribution.Short(4))
			}
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(value),
				goapp.Span().Class("metric-calc").Text(calc),
			)
		})),
		goapp.P().Class("working formula").DataSet("testid", "working").Text(formula),
		goapp.Range(gates).Slice(func(i int) goapp.UI { return gates[i] }),
	)
}

func (w *WhatIfScreen) renderQuarter() goapp.UI {
	v, sc := w.View, w.View.Scorecard
	q := v.Quarter
	status := map[scoring.Status]string{scoring.InProgress: "IN PROGRESS", scoring.GateFailed: "GATE FAILED"}[q.Status]
	if status == "" {
		status = map[bool]string{true: "PASS", false: "FAIL"}[q.Pass]
	}
	score := "none yet"
	if q.HasScore {
		score = q.Score.Fixed(sc.Decimals)
	}
	scoreWords := "Score"
	if q.Status == scoring.InProgress {
		scoreWords = "Score so far"
	}
	months := make([]goapp.UI, 0, 3)
	for mo := q.Start; mo < q.Start+3; mo++ {
		text := state.MonthName(mo) + ": still to come"
		for _, mr := range q.Months {
			if mr.Month != mo {
				continue
			}
			switch {
			case mr.Status == scoring.Incomplete:
				text = state.MonthName(mo) + ": incomplete, still to come"
			case mr.Pass:
				text = fmt.Sprintf("%s: %s, pass", state.MonthName(mo), mr.Score.Fixed(sc.Decimals))
			case mr.Status == scoring.Complete:
				text = fmt.Sprintf("%s: %s, fail", state.MonthName(mo), mr.Score.Fixed(sc.Decimals))
			default:
				text = fmt.Sprintf("%s: %s, %s", state.MonthName(mo), mr.Score.Fixed(sc.Decimals), strings.ToLower(string(mr.Status)))
			}
			if mo == v.Month {
				text += " (your what-if)"
			}
		}
		months = append(months, goapp.Li().Text(text))
	}
	return goapp.Section().Class("card quarter").Aria("labelledby", "quarter-title").Body(
		goapp.H2().ID("quarter-title").Text(fmt.Sprintf("Quarter %s: %s to %s", q.Label, state.MonthLabel(q.Start), state.MonthLabel(q.Start+2))),
		goapp.P().Class("quarter-line").Body(
			goapp.Span().Text(scoreWords+": "),
			goapp.Strong().DataSet("testid", "quarter-score").Text(score),
			goapp.Span().Text(" · "),
			goapp.Strong().DataSet("testid", "quarter-status").Text(status),
		),
		goapp.Ul().Class("plain").Body(months...),
		w.renderNeed(q),
	)
}

func (w *WhatIfScreen) renderNeed(q scoring.QuarterResult) goapp.UI {
	sc := w.View.Scorecard
	if q.Need != nil {
		need := q.Need.Text(sc.Decimals)
		words := fmt.Sprintf("The %s months still to come need an average score of at least ", strconv.Itoa(q.Need.Remaining))
		if q.Need.Remaining == 1 {
			words = "The month still to come needs a score of at least "
		}
		switch q.Need.Kind {
		case scoring.OutOfReach:
			words = fmt.Sprintf("Even %s in every month still to come would not pass the quarter: ", sc.Scale.Highest().Fixed(0))
		case scoring.Secured:
			words = "The quarter passes whatever the months still to come score: "
		}
		return goapp.P().Class("need").Body(goapp.Text(words), goapp.Strong().Text(need), goapp.Text("."))
	}
	if len(w.View.PooledNeeds) == 0 {
		return goapp.Text("")
	}
	needs := w.View.PooledNeeds
	return goapp.Div().Class("pooled").Body(
		goapp.P().Text("This quarter is pooled: each metric is worked out over the whole quarter. Each month still to come needs, the others at your what-if values:"),
		goapp.Ul().Class("breakdown").DataSet("testid", "quarter-need").Body(goapp.Range(w.View.Order).Slice(func(k int) goapp.UI {
			i := w.View.Order[k]
			m, n := &sc.Metrics[i], needs[i]
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(state.PooledNeedWords(m, n)),
				goapp.If(n.VolumeOf != "", w.renderVolume(m, n)),
			)
		})),
	)
}

func (w *WhatIfScreen) renderVolume(m *scoring.Metric, n scoring.PooledNeed) goapp.UI {
	id := "volume-" + m.ID
	return goapp.Div().Class("metric-calc volume").Body(
		goapp.Label().For(id).Text(fmt.Sprintf("assuming %s a month:", n.VolumeOf)),
		goapp.Input().Type("text").ID(id).Class("exact").DataSet("volume", m.ID).Attr("inputmode", "decimal").
			Value(n.Volume.Short(2)).Disabled(!w.Live).OnChange(onRead(w.Send, "volume:"+m.ID, func(v string) (state.Msg, error) {
			n, err := state.ReadVolume(v)
			return state.SetVolume{Metric: m.ID, Value: n}, err
		}), m.ID), // the scope re-binds it when the metric changes
		errorLine(w.Errs["volume:"+m.ID]),
	)
}

// countLines is the "In counts" card's lines, the metrics in their order.
func (w *WhatIfScreen) countLines() []components.CountLine {
	var lines []components.CountLine
	for _, i := range w.View.Order {
		for _, text := range w.View.Counts[i] {
			lines = append(lines, components.CountLine{Metric: w.View.Scorecard.Metrics[i].ID, Text: text})
		}
	}
	return lines
}

// renderPointsSwitch switches the month between values (sliders) and
// points (choices of levels): an agent who knows only her points.
func (w *WhatIfScreen) renderPointsSwitch() goapp.UI {
	words := "I know my points, not my numbers"
	if w.Points {
		words = "Back to my numbers (sliders)"
	}
	return goapp.Div().Class("actions").Body(
		goapp.Button().Type("button").Class("button secondary").DataSet("testid", "points-mode").
			Aria("pressed", fmt.Sprint(w.Points)).Disabled(!w.Live).Text(words).
			OnClick(onSend(w.Send, "whatif", state.ShowPoints{On: !w.Points}), w.Points),
	)
}

// renderPointsChoice is a metric's points as one tap each: the scale's
// levels (with the half points deductions give), the month's points
// chosen. A choice gives the points directly, in place of the value.
func (w *WhatIfScreen) renderPointsChoice(i int) goapp.UI {
	v, sc := w.View, w.View.Scorecard
	m := &sc.Metrics[i]
	month := v.Month.String()
	levels := sc.Levels(m)
	ms := v.Result.Month.Metrics[i]
	name := "points-" + m.ID
	return goapp.FieldSet().Class("points-choice").DataSet("points", m.ID).Body(
		goapp.Legend().Text(m.Label),
		goapp.Div().Class("levels").Body(goapp.Range(levels).Slice(func(j int) goapp.UI {
			p := levels[j]
			id := name + "-" + p.String()
			return goapp.Label().Class("level").For(id).Body(
				goapp.Input().Type("radio").ID(id).Name(name).Value(p.String()).DataSet("level", p.String()).
					Checked(!ms.Missing && ms.Points.Equal(p)).Disabled(!w.Live).
					OnChange(onSend(w.Send, "points:"+m.ID, state.SetPoints{Month: month, Metric: m.ID, Points: &p}), month+m.ID+p.String()),
				goapp.Span().Text(p.Short(2)),
			)
		})),
		goapp.P().Class("slider-note").DataSet("need", m.ID).Text(v.LineFor(i)+w.quarterWords(i)),
		errorLine(w.Errs["points:"+m.ID]),
	)
}

// quarterWords is metric i's line for the quarter, on its one month still
// to come (" To pass the quarter, December's CE must reach 92 %."), or "".
func (w *WhatIfScreen) quarterWords(i int) string {
	if w.View.QuarterLines == nil {
		return ""
	}
	words := w.View.QuarterLineFor(i)
	if words == "" {
		return ""
	}
	return " " + words
}

// noColumn reports whether metric i has no column in the sheet in use: it
// says so by its slider, with a way to the choice of columns.
func (w *WhatIfScreen) noColumn(i int) bool {
	d := w.View.Data
	return w.Sheet && d != nil && i < len(d.Inputs) && d.Inputs[i] == scoring.NoInput
}
