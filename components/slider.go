// Package components holds Passline's reusable UI widgets.
package components

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Slider is a labelled range input with an exact number input beside it, for
// one metric. Both carry data-metric with the metric's id; the range's
// aria-valuetext says the value in words. OnChange receives the slider's
// Key and the new value as the input's text.
//
// Every field is plain data compared by value, the receiver included (an
// interface holding the same pointer is equal): go-app renders a slider
// again only when one of them changed, so moving one slider leaves the
// others alone. A func field would differ on every render.
type Slider struct {
	goapp.Compo

	Metric string // the metric id: data-metric and the element ids
	Key    string // what OnChange is told changed; the metric id if empty
	Label  string
	Min    string
	Max    string
	Step   string
	Value  string // the value, a plain decimal in the metric's unit (the range's value)
	Exact  string // the exact input's text when it differs from Value ("7:35" for 455 s)
	// NoValue says the metric has no value yet: the exact box is empty
	// (never a placeholder number such as 0:00 or 0 %).
	NoValue   bool
	Unit      string // shown after the number input, e.g. "%"
	ValueText string // the value in words, for screen readers
	Note      string // a line under the slider (the pass line)
	Points    string // the points the value earns, shown beside the label
	Marks     []Mark // ticks along the track: band thresholds, the pass line
	Error     string // why the last value typed was not used
	Doubt     string // a question about the value typed, not used until answered
	Choices   []Choice
	Disabled  bool
	OnChange  Changer

	settled string // the min and max the range's value was last set after
}

// Changer receives a slider's new value: key is the slider's Key, value
// the input's text; typed says it was typed in the exact input (or chosen
// in answer to a doubt), not set by moving the slider.
type Changer interface {
	SliderChanged(ctx goapp.Context, key, value string, typed bool)
}

// Choice is an answer to a doubt: its words, and the text it types.
type Choice struct{ Label, Text string }

// WithDoubt sets the question about the value typed, and its answers.
func (s *Slider) WithDoubt(question string, choices []Choice) *Slider {
	s.Doubt, s.Choices = question, choices
	return s
}

// NewSlider returns a slider for the metric with that id.
func NewSlider(metric string) *Slider { return &Slider{Metric: metric, Step: "1"} }

// WithLabel sets the visible label.
func (s *Slider) WithLabel(v string) *Slider { s.Label = v; return s }

// WithRange sets the range's ends and step, as decimals.
func (s *Slider) WithRange(min, max, step string) *Slider {
	s.Min, s.Max, s.Step = min, max, step
	return s
}

// WithValue sets the value, its unit and its words for screen readers.
func (s *Slider) WithValue(v, unit, words string) *Slider {
	s.Value, s.Unit, s.ValueText = v, unit, words
	return s
}

// Mark is a labelled point along the track; At is its position as a
// percentage of the track (0 to 100). Pass marks stand out, with an arrow.
type Mark struct {
	At    float64 // display only: where to draw it
	Label string
	Pass  bool
}

// WithPoints sets the points badge.
func (s *Slider) WithPoints(v string) *Slider { s.Points = v; return s }

// WithMarks sets the marks along the track.
func (s *Slider) WithMarks(m []Mark) *Slider { s.Marks = m; return s }

// WithError sets the error line.
func (s *Slider) WithError(v string) *Slider { s.Error = v; return s }

// WithExact sets the exact input's text when it is written otherwise than
// the plain decimal value, as a duration is.
func (s *Slider) WithExact(text string) *Slider { s.Exact = text; return s }

// WithNoValue says the metric has no value yet.
func (s *Slider) WithNoValue(v bool) *Slider { s.NoValue = v; return s }

// WithNote sets the line under the slider.
func (s *Slider) WithNote(v string) *Slider { s.Note = v; return s }

// WithDisabled disables both inputs (while the app is loading).
func (s *Slider) WithDisabled(v bool) *Slider { s.Disabled = v; return s }

// WithOnChange sets who is told when either input changes, and the key
// they are told.
func (s *Slider) WithOnChange(key string, c Changer) *Slider {
	s.Key, s.OnChange = key, c
	return s
}

// MarkClass is the class that places a mark at percent at of the track,
// to the nearest half percent: web/app.css has one for each, from at-0 to
// at-200. A style attribute would be simpler, but the site's
// Content-Security-Policy allows no inline style.
func MarkClass(at float64) string {
	return fmt.Sprintf("at-%d", int(math.Round(min(max(at, 0), 100)*2)))
}

// Render draws the slider.
func (s *Slider) Render() goapp.UI {
	return SafeRender("the slider for "+s.Label, s.render, nil)
}

func (s *Slider) render() goapp.UI {
	rangeID, numberID, noteID := "slider-"+s.Metric, "exact-"+s.Metric, "need-"+s.Metric
	shown := LabelsShown(s.Marks, minLabelGap)
	drawn := TicksDrawn(s.Marks, shown, minTickGap)
	return goapp.Div().Class("slider").Body(
		goapp.Div().Class("slider-head").Body(
			goapp.Label().For(rangeID).Class("slider-label").Text(s.Label),
			goapp.If(s.Points != "", goapp.Span().Class("badge").DataSet("points", s.Metric).Text(s.Points)),
		),
		goapp.Input().Type("range").ID(rangeID).DataSet("metric", s.Metric).
			Attr("min", s.Min).Attr("max", s.Max).Attr("step", s.Step).
			Value(s.Value).Disabled(s.Disabled).
			Aria("valuetext", s.ValueText).Aria("describedby", noteID).
			OnInput(s.changed),
		goapp.If(len(s.Marks) > 0, goapp.Div().Class(s.marksClass()).Aria("hidden", "true").Body(
			goapp.Range(s.Marks).Slice(func(i int) goapp.UI {
				m := s.Marks[i]
				if !drawn[i] {
					return nil
				}
				class, label := "mark", m.Label
				if !shown[i] {
					label = "" // the tick stays; its label would overlap another
				}
				switch { // near the ends a label leans inwards, never past the track
				case m.At > 80:
					class += " mark-end"
				case m.At < 20:
					class += " mark-start"
				}
				if m.Pass { // the arrow stands on the side that points at the line
					class += " pass-mark"
					label = "↑ " + label
					if m.At > 80 {
						label = m.Label + " ↑"
					}
				}
				return goapp.Span().Class(class).Class(MarkClass(m.At)).Text(label)
			}),
		)),
		goapp.Div().Class("slider-row").Body(
			goapp.Label().For(numberID).Class("exact-label").Text("Exact"),
			goapp.Input().Type("text").ID(numberID).Class("exact").DataSet("metric", s.Metric).
				Attr("inputmode", "decimal").Attr("autocomplete", "off").
				Value(s.exactText()).Disabled(s.Disabled).Attr("placeholder", map[bool]string{true: "no value"}[s.NoValue]).
				Aria("label", s.Label+", exact value"+unitWords(s.Unit)).
				OnChange(s.typed),
			goapp.Span().Class("unit").Aria("hidden", "true").Text(s.Unit),
		),
		goapp.If(s.Error != "", goapp.P().Class("input-error").Attr("role", "alert").Text(s.Error)),
		goapp.If(s.Doubt != "", RenderDoubt(s.Metric, s.Doubt, s.Choices, s.choose)),
		goapp.P().ID(noteID).Class("slider-note").DataSet("need", s.Metric).Text(s.Note),
	)
}

// OnMount sets the range's value again once its min and max are in place.
func (s *Slider) OnMount(ctx goapp.Context) { s.settleValue() }

// OnUpdate does the same after the parent changed the slider.
func (s *Slider) OnUpdate(ctx goapp.Context) { s.settleValue() }

// settleValue writes Value to the range element last. go-app sets an
// element's attributes in map order, so "value" can land before "max"; a
// range clamps a value above its default max of 100 and keeps the clamped
// value (an AHT of 455 s would show as 100). Only a change of min or max
// can do that: a move within the same range is left to go-app.
func (s *Slider) settleValue() {
	if s.Value == "" || s.settled == s.Min+" "+s.Max {
		return
	}
	s.settled = s.Min + " " + s.Max
	if el := s.JSValue(); el != nil && el.Truthy() {
		if in := el.Call("querySelector", "input[type=range]"); in.Truthy() && in.Get("value").String() != s.Value {
			in.Set("value", s.Value)
		}
	}
}

func (s *Slider) exactText() string {
	if s.NoValue {
		return ""
	}
	if s.Exact != "" {
		return s.Exact
	}
	return s.Value
}

func (s *Slider) marksClass() string {
	for _, m := range s.Marks {
		if m.Pass {
			return "marks with-pass"
		}
	}
	return "marks"
}

func unitWords(unit string) string {
	switch unit {
	case "%":
		return " in percent"
	case "":
		return ""
	}
	return " in " + unit
}

func (s *Slider) changed(ctx goapp.Context, e goapp.Event) {
	s.tell(ctx, ctx.JSSrc().Get("value").String(), false)
}

func (s *Slider) typed(ctx goapp.Context, e goapp.Event) {
	s.tell(ctx, ctx.JSSrc().Get("value").String(), true)
}

// choose answers the doubt with text.
func (s *Slider) choose(text string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.tell(ctx, text, true) }
}

func (s *Slider) tell(ctx goapp.Context, value string, typed bool) {
	if s.OnChange == nil {
		return
	}
	key := s.Key
	if key == "" {
		key = s.Metric
	}
	s.OnChange.SliderChanged(ctx, key, value, typed)
}

// minTickGap is how close, in percent of the track, two unlabelled ticks
// may be: a metric of 100 bands drew 100 ticks a slider (issue 25: a
// scorecard at the limits drew ten thousand), no closer than a finger.
const minTickGap = 4

// TicksDrawn says which marks are drawn: every labelled or pass mark, and
// an unlabelled tick only gap (in percent of the track) or more from the
// last mark drawn before it.
func TicksDrawn(marks []Mark, shown []bool, gap float64) []bool {
	drawn := make([]bool, len(marks))
	order := make([]int, len(marks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(marks[a].At, marks[b].At) })
	last := math.Inf(-1)
	for _, i := range order {
		if shown[i] || marks[i].Pass || marks[i].At-last >= gap {
			drawn[i], last = true, marks[i].At
		}
	}
	return drawn
}

// minLabelGap is how close, in percent of the track, two marks' labels
// may stand: about 3.5 characters of a 360 px phone's track.
const minLabelGap = 9.0

// LabelsShown says which marks keep their label so that none overlaps
// another: the pass line's always (it has a row of its own, under the
// ticks), then the others from the left, each kept only at least gap
// percent of the track from every other label kept on its row.
func LabelsShown(marks []Mark, gap float64) []bool {
	shown := make([]bool, len(marks))
	var kept []float64
	for i, m := range marks {
		if m.Pass {
			shown[i] = true
		}
	}
	order := make([]int, 0, len(marks))
	for i := range marks {
		if !marks[i].Pass {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(marks[a].At, marks[b].At) })
	for _, i := range order {
		ok := true
		for _, at := range kept {
			if math.Abs(marks[i].At-at) < gap {
				ok = false
				break
			}
		}
		if ok {
			shown[i] = true
			kept = append(kept, marks[i].At)
		}
	}
	return shown
}

// RenderDoubt draws a question about a value typed, not used until it is
// answered, with a button for each reading (data-doubt=id,
// data-choice=the text it types); answer makes each button's handler.
func RenderDoubt(id, question string, choices []Choice, answer func(text string) goapp.EventHandler) goapp.UI {
	return goapp.Div().Class("doubt").Attr("role", "alert").DataSet("doubt", id).Body(
		goapp.P().Text(question),
		goapp.Div().Class("actions").Body(goapp.Range(choices).Slice(func(i int) goapp.UI {
			c := choices[i]
			return goapp.Button().Type("button").Class("button secondary").DataSet("choice", c.Text).
				Text(c.Label).OnClick(answer(c.Text), id, c.Text)
		})),
	)
}
