// Package app is Passline's user interface: the model of the app's state,
// its pure update function, and the go-app pages that render it.
package app

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// Schema is the version of the stored Model. Stored state of another
// version is not read: the app starts from defaults and says so.
const Schema = 1

// DefaultPreset is the scorecard a new user starts with.
const DefaultPreset = "care-and-sales"

// DefaultData is SPEC's October story, the data a new user starts with.
const DefaultData = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"

// Model is the whole state the user can change; it is what is saved.
type Model struct {
	Schema int    `json:"schema"`
	Preset string `json:"preset"`
	Data   string `json:"data,omitempty"` // the metric CSV as pasted or uploaded; saved apart
	// WhatIf holds the slider values by metric id, as exact decimals in the
	// metric's unit; a metric without one keeps the month's own value.
	WhatIf map[string]string `json:"what_if,omitempty"`
}

// NewModel returns the state of a first visit.
func NewModel() Model {
	return Model{Schema: Schema, Preset: DefaultPreset, Data: DefaultData}
}

// Validate checks a model read from storage.
func (m Model) Validate() error {
	if m.Schema != Schema {
		return fmt.Errorf("it was saved by another version of Passline (schema %d, this one reads %d)", m.Schema, Schema)
	}
	if _, err := scoring.LoadPreset(m.Preset); err != nil {
		return err
	}
	for id, v := range m.WhatIf {
		if _, err := scoring.ParseNum(v); err != nil {
			return fmt.Errorf("the what-if value of %q: %v", id, err)
		}
	}
	return nil
}

// Msg is something the user did.
type Msg interface{ isMsg() }

// SetWhatIf moves a metric's slider to Value, an exact decimal.
type SetWhatIf struct{ Metric, Value string }

// ClearWhatIf puts every slider back to the month's own values.
type ClearWhatIf struct{}

// Reset forgets everything: the state of a first visit.
type Reset struct{}

func (SetWhatIf) isMsg()   {}
func (ClearWhatIf) isMsg() {}
func (Reset) isMsg()       {}

// Update applies a message to the model. It never changes m in place.
func Update(m Model, msg Msg) (Model, error) {
	switch msg := msg.(type) {
	case SetWhatIf:
		if _, err := scoring.ParseNum(msg.Value); err != nil {
			return m, fmt.Errorf("%q is not a number: write it like 92 or 92.5", msg.Value)
		}
		next := make(map[string]string, len(m.WhatIf)+1)
		for k, v := range m.WhatIf {
			next[k] = v
		}
		next[msg.Metric] = msg.Value
		m.WhatIf = next
	case ClearWhatIf:
		m.WhatIf = nil
	case Reset:
		m = NewModel()
	default:
		return m, fmt.Errorf("unknown message %T", msg)
	}
	return m, nil
}

// Prepared is the model's scorecard and data, read once: sliders only
// re-score, they never re-read the data.
type Prepared struct {
	Preset, Data string // what it was read from
	Scorecard    *scoring.Scorecard
	Agent        scoring.AgentData
	Problems     []string // data problems, in words
}

// Prepare reads the model's scorecard and data.
func Prepare(m Model) (*Prepared, error) {
	sc, err := scoring.LoadPreset(m.Preset)
	if err != nil {
		return nil, err
	}
	d, err := scoring.ReadData(strings.NewReader(m.Data), sc)
	if err != nil {
		return nil, err
	}
	p := &Prepared{Preset: m.Preset, Data: m.Data, Scorecard: sc, Agent: d.Agents[0]}
	for _, prob := range d.Problems {
		p.Problems = append(p.Problems, prob.String())
	}
	return p, nil
}

// Current reports whether p was read from m's scorecard and data.
func (p *Prepared) Current(m Model) bool {
	return p != nil && p.Preset == m.Preset && p.Data == m.Data
}

// View is what the calculator shows, derived from a Model by the engine.
type View struct {
	Scorecard *scoring.Scorecard
	Agent     string
	Month     scoring.Month
	Inputs    []scoring.Input // the month's inputs, what-if values in place
	Result    scoring.WhatIf
}

// Score derives the view: the latest month of the first agent in the data,
// with the model's what-if values in place of its own.
func (p *Prepared) Score(m Model) (View, error) {
	sc := p.Scorecard
	last := p.Agent.Months[len(p.Agent.Months)-1]
	v := View{Scorecard: sc, Agent: p.Agent.Name, Month: last.Month}
	v.Inputs = append([]scoring.Input(nil), last.Inputs...)
	for i, metric := range sc.Metrics {
		if text, ok := m.WhatIf[metric.ID]; ok {
			val, err := scoring.ParseNum(text)
			if err != nil {
				return View{}, err
			}
			v.Inputs[i] = scoring.Input{Value: val}
		}
	}
	v.Result = sc.WhatIf(v.Inputs)
	return v, nil
}

// Derive prepares and scores in one go (tests, the first render).
func Derive(m Model) (View, error) {
	p, err := Prepare(m)
	if err != nil {
		return View{}, err
	}
	return p.Score(m)
}
