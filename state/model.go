// Package state is the app's state and logic, with nothing drawn: the
// model, its messages and the pure Update; the saved-state codec; the
// scorecard and data read once (Prepared) and the view derived from them;
// the team, huddle, learn, luck, appeal, share and editor logic; and the
// sentences the app shows. It imports neither go-app nor syscall/js
// (TestNoUI), so all of it is tested in plain go test and under wasm.
package state

import (
	"fmt"
	"slices"
	"strconv"
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

// NextMonth, as Model.Month, is the month after the data's latest, still
// empty, starting from the latest month's values.
const NextMonth = "next"

// Model is the whole state the user can change; it is what is saved.
type Model struct {
	Schema int    `json:"schema"`
	Preset string `json:"preset"`
	// Scorecard is an imported scorecard file; empty means the preset.
	Scorecard string `json:"scorecard,omitempty"`
	Data      string `json:"data,omitempty"` // the metric CSV as pasted or uploaded; saved apart
	Agent     string `json:"agent,omitempty"`
	// Month is the what-if month (2026-10), empty for the latest in the
	// data, or NextMonth.
	Month string `json:"month,omitempty"`
	// WhatIf holds the slider values by metric id, as exact decimals in the
	// metric's unit; a metric without one keeps the month's own value.
	WhatIf map[string]scoring.Num `json:"what_if,omitempty"`
	// Volumes overrides, by metric id, the volume a pooled quarter's
	// remaining months are assumed to have.
	Volumes map[string]scoring.Num `json:"volumes,omitempty"`
	// Fixed holds the points chosen in "pass without…?", by metric id.
	Fixed map[string]scoring.Num `json:"fixed,omitempty"`

	// Screen is the screen shown: one of Screens' ids; empty for the
	// what-if screen.
	Screen string `json:"screen,omitempty"`
	// TeamFilter and TeamPage are the team view's name filter and page.
	TeamFilter string `json:"team_filter,omitempty"`
	TeamPage   int    `json:"team_page,omitempty"`
	// Draft is the scorecard editor's draft as JSON; empty: the editor
	// starts from the scorecard in use.
	Draft string `json:"draft,omitempty"`

	// Huddle holds huddle mode's choices: "a.<id>" and "b.<id>" the points
	// of a metric in scenario A or B, "x" and "y" the pass map's metrics,
	// "rest" the scenario ("a" or "b") the map's other metrics come from.
	Huddle map[string]string `json:"huddle,omitempty"`
	// Lesson is the learn screen's topic; Answers its calculators' inputs
	// ("<topic>.<field>") and the quiz's answers ("quiz.<n>").
	Lesson  string            `json:"lesson,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
	// Expect holds, by metric id, the responses survey luck assumes for
	// next month; TakenOut, by "<metric>.<column>", the counts an appeal
	// what-if takes out of the what-if month.
	Expect   map[string]string `json:"expect,omitempty"`
	TakenOut map[string]string `json:"taken_out,omitempty"`
}

// Screen ids.
const (
	ScreenWhatIf = ""
	ScreenTeam   = "team"
	ScreenEditor = "editor"
	ScreenHuddle = "huddle"
	ScreenLearn  = "learn"
)

// Screens lists the screens, in the order the navigation shows them.
var Screens = []choice{
	{ScreenWhatIf, "What if"},
	{ScreenTeam, "Team"},
	{ScreenHuddle, "Huddle"},
	{ScreenLearn, "Learn"},
	{ScreenEditor, "Edit scorecard"},
}

// NewModel returns the state of a first visit.
func NewModel() Model {
	return Model{Schema: Schema, Preset: DefaultPreset, Data: DefaultData}
}

// scorecard reads the model's scorecard: the imported one or the preset.
func (m Model) scorecard() (*scoring.Scorecard, error) {
	if m.Scorecard != "" {
		return scoring.ParseScorecard([]byte(m.Scorecard))
	}
	return scoring.LoadPreset(m.Preset)
}

// Validate checks a model read from storage: everything in it must still
// be usable.
func (m Model) Validate() error {
	if m.Schema != Schema {
		return fmt.Errorf("it was saved by another version of Passline (schema %d, this one reads %d)", m.Schema, Schema)
	}
	if _, err := Prepare(m); err != nil {
		return err
	}
	if !knownScreen(m.Screen) {
		return fmt.Errorf("there is no screen %q", m.Screen)
	}
	if m.Draft != "" {
		if _, err := scoring.DecodeScorecard([]byte(m.Draft)); err != nil {
			return fmt.Errorf("the scorecard draft: %w", err)
		}
	}
	for k, v := range m.Huddle {
		if _, err := scoring.ParseNum(v); huddlePointsKey(k) && err != nil {
			return fmt.Errorf("huddle mode's %q: %v", k, err)
		}
	}
	if !knownLesson(m.Lesson) {
		return fmt.Errorf("there is no lesson %q", m.Lesson)
	}
	sc, _ := m.scorecard()
	for k, v := range m.WhatIf {
		if err := CheckWhatIf(sc, k, v); err != nil {
			return fmt.Errorf("the what-if value of %q: %v", k, err)
		}
	}
	for _, values := range []map[string]string{m.Expect, m.TakenOut} {
		for id, v := range values {
			if _, err := scoring.ParseNum(v); err != nil {
				return fmt.Errorf("the value of %q: %v", id, err)
			}
		}
	}
	return nil
}

// Msg is something the user did.
type Msg interface{ isMsg() }

// The messages.
type (
	// ChoosePreset switches to a built-in scorecard.
	ChoosePreset struct{ ID string }
	// ImportScorecard switches to a scorecard file; a refused one changes nothing.
	ImportScorecard struct{ Name, JSON string }
	// SetData replaces the data with pasted or uploaded text; text with no
	// usable row changes nothing.
	SetData struct{ Text string }
	// ChooseAgent picks whose months are shown.
	ChooseAgent struct{ Name string }
	// ChooseMonth picks the what-if month: 2026-10, or NextMonth.
	ChooseMonth struct{ Month string }
	// SetWhatIf moves a metric's slider to Value, an exact decimal.
	SetWhatIf struct {
		Metric string
		Value  scoring.Num
	}
	// ClearWhatIf puts every slider back to the month's own values.
	ClearWhatIf struct{}
	// SetVolume sets the volume a pooled need assumes for a metric; nil
	// goes back to the mean of the months so far (ReadVolume reads it).
	SetVolume struct {
		Metric string
		Value  *scoring.Num
	}
	// FixPoints holds a metric at Points in "pass without…?"; nil: any
	// (ReadPoints reads it).
	FixPoints struct {
		Metric string
		Points *scoring.Num
	}
	// Reset forgets everything: the state of a first visit.
	Reset struct{}
	// ChooseScreen shows another screen.
	ChooseScreen struct{ Screen string }
	// FilterTeam keeps the team view's agents whose name contains Text.
	FilterTeam struct{ Text string }
	// ShowTeamPage shows the team view's page Page (from 0).
	ShowTeamPage struct{ Page int }
	// OpenAgent opens the what-if screen for an agent of the team view.
	OpenAgent struct{ Name string }
	// EditDraft sets a field of the editor's draft to the text typed.
	EditDraft struct {
		Field DraftField
		Value string
	}
	// AddBand adds a band to the draft's metric Metric (copying its last);
	// RemoveBand takes band Band away.
	AddBand    struct{ Metric int }
	RemoveBand struct{ Metric, Band int }
	// AddMetric adds a new metric to the draft; RemoveMetric takes one away.
	AddMetric    struct{}
	RemoveMetric struct{ Metric int }
	// DiscardDraft starts the editor again from the scorecard in use.
	DiscardDraft struct{}
	// UseDraft makes the draft the scorecard in use, if the engine takes it.
	UseDraft struct{}
	// SetHuddle sets one of huddle mode's choices (see Model.Huddle); an
	// empty Value goes back to the default. ResetHuddle clears them all.
	SetHuddle   struct{ Key, Value string }
	ResetHuddle struct{}
	// ChooseLesson shows a topic of the learn screen.
	ChooseLesson struct{ Topic string }
	// Answer sets a learn calculator's input or a quiz answer.
	Answer struct{ Key, Value string }
	// SetExpected sets the responses survey luck assumes for a metric next
	// month; empty: as many as this month.
	SetExpected struct{ Metric, Value string }
	// TakeOut sets how many of a metric's counted Column an appeal what-if
	// takes out; ClearTakeOut puts them all back.
	TakeOut      struct{ Metric, Column, Value string }
	ClearTakeOut struct{}
)

func (ChoosePreset) isMsg()    {}
func (ImportScorecard) isMsg() {}
func (SetData) isMsg()         {}
func (ChooseAgent) isMsg()     {}
func (ChooseMonth) isMsg()     {}
func (SetWhatIf) isMsg()       {}
func (ClearWhatIf) isMsg()     {}
func (SetVolume) isMsg()       {}
func (FixPoints) isMsg()       {}
func (Reset) isMsg()           {}
func (ChooseScreen) isMsg()    {}
func (FilterTeam) isMsg()      {}
func (ShowTeamPage) isMsg()    {}
func (OpenAgent) isMsg()       {}
func (EditDraft) isMsg()       {}
func (AddBand) isMsg()         {}
func (RemoveBand) isMsg()      {}
func (AddMetric) isMsg()       {}
func (RemoveMetric) isMsg()    {}
func (DiscardDraft) isMsg()    {}
func (UseDraft) isMsg()        {}
func (SetHuddle) isMsg()       {}
func (ResetHuddle) isMsg()     {}
func (ChooseLesson) isMsg()    {}
func (Answer) isMsg()          {}
func (SetExpected) isMsg()     {}
func (TakeOut) isMsg()         {}
func (ClearTakeOut) isMsg()    {}

// Update applies a message to the model. It never changes m in place; on an
// error m comes back as it was. A message that made it read the scorecard
// and the data (a paste, another scorecard) returns what it read, so that
// nothing reads them twice (a 10,000-row paste takes about 0.3 s to read in
// a phone's browser); read is nil otherwise.
func Update(m Model, msg Msg) (next Model, read *Prepared, err error) {
	var u updater
	next, err = u.update(m, msg)
	if err != nil {
		return m, nil, err
	}
	return next, u.read, nil
}

// updater is one Update: it keeps what the update read.
type updater struct{ read *Prepared }

// check reads m's scorecard and data, as an update must before it takes
// them, and keeps what it read.
func (u *updater) check(m Model) error {
	p, err := Prepare(m)
	if err == nil {
		u.read = p
	}
	return err
}

func (u *updater) update(m Model, msg Msg) (Model, error) {
	next := m
	switch msg := msg.(type) {
	case ChoosePreset:
		if _, err := scoring.LoadPreset(msg.ID); err != nil {
			return m, err
		}
		next.Preset, next.Scorecard = msg.ID, ""
		return u.scorecardChanged(next, m)
	case ImportScorecard:
		if _, err := scoring.ParseScorecard([]byte(msg.JSON)); err != nil {
			return m, fmt.Errorf("%s was not loaded, the scorecard in use stays. %w", msg.Name, err)
		}
		next.Scorecard = msg.JSON
		return u.scorecardChanged(next, m)
	case SetData:
		if strings.TrimSpace(msg.Text) == "" {
			return m, fmt.Errorf("there is nothing to read: paste the rows with their header row, or choose a CSV file")
		}
		next.Data = msg.Text
		if err := u.check(next); err != nil {
			return m, fmt.Errorf("your data was not loaded, the data in use stays: %w", err)
		}
		next.Agent, next.Month, next.TeamPage = "", "", 0
		next.clearWhatIfs()
	case ChooseAgent:
		next.Agent, next.Month = msg.Name, ""
		next.clearWhatIfs()
	case ChooseMonth:
		if msg.Month != "" && msg.Month != NextMonth {
			var mo scoring.Month
			if err := mo.UnmarshalCSV(msg.Month); err != nil {
				return m, fmt.Errorf("%q is not a month", msg.Month)
			}
		}
		next.Month = msg.Month
		next.clearWhatIfs()
	case SetWhatIf:
		next.WhatIf = withNum(m.WhatIf, msg.Metric, msg.Value)
	case ClearWhatIf:
		next.WhatIf = nil
	case SetVolume:
		if msg.Value != nil && msg.Value.Sign() < 0 {
			return m, fmt.Errorf("%s is not a volume: write a number of 0 or more, like 25", msg.Value.Short(2))
		}
		next.Volumes = withOptional(m.Volumes, msg.Metric, msg.Value)
	case FixPoints:
		next.Fixed = withOptional(m.Fixed, msg.Metric, msg.Points)
	case Reset:
		next = NewModel()
	case ChooseScreen:
		if !knownScreen(msg.Screen) {
			return m, fmt.Errorf("there is no screen %q", msg.Screen)
		}
		next.Screen = msg.Screen
	case FilterTeam:
		next.TeamFilter, next.TeamPage = msg.Text, 0
	case ShowTeamPage:
		next.TeamPage = max(msg.Page, 0)
	case OpenAgent:
		next.Agent, next.Month, next.Screen = msg.Name, "", ScreenWhatIf
		next.clearWhatIfs()
	case EditDraft, AddBand, RemoveBand, AddMetric, RemoveMetric:
		return m.changeDraft(msg)
	case DiscardDraft:
		next.Draft = ""
	case UseDraft:
		sc, err := m.DraftScorecard()
		if err == nil {
			err = sc.Validate()
		}
		if err != nil {
			return m, fmt.Errorf("the draft was not used, the scorecard in use stays: %w", err)
		}
		if next.Scorecard, err = draftJSON(sc); err != nil {
			return m, err
		}
		next.Draft = ""
		return u.scorecardChanged(next, m)
	case SetHuddle:
		if _, err := scoring.ParseNum(msg.Value); msg.Value != "" && huddlePointsKey(msg.Key) && err != nil {
			return m, fmt.Errorf("%q is not a number of points", msg.Value)
		}
		next.Huddle = WithValue(m.Huddle, msg.Key, msg.Value)
	case ResetHuddle:
		next.Huddle = nil
	case ChooseLesson:
		if !knownLesson(msg.Topic) {
			return m, fmt.Errorf("there is no lesson %q", msg.Topic)
		}
		next.Lesson = msg.Topic
	case Answer:
		next.Answers = WithValue(m.Answers, msg.Key, msg.Value)
	case SetExpected:
		if msg.Value != "" {
			n, err := strconv.Atoi(strings.TrimSpace(msg.Value))
			if err != nil || n < 1 || n > scoring.MaxLuckResponses {
				return m, fmt.Errorf("%q is not a number of responses: write a whole number from 1 to %d", msg.Value, scoring.MaxLuckResponses)
			}
			msg.Value = strconv.Itoa(n)
		}
		next.Expect = WithValue(m.Expect, msg.Metric, msg.Value)
	case TakeOut:
		if msg.Value != "" {
			n, err := strconv.Atoi(strings.TrimSpace(msg.Value))
			if err != nil || n < 0 {
				return m, fmt.Errorf("%q is not a count to take out: write a whole number, 0 or more", msg.Value)
			}
			msg.Value = strconv.Itoa(n)
			if n == 0 {
				msg.Value = ""
			}
		}
		next.TakenOut = WithValue(m.TakenOut, msg.Metric+"."+msg.Column, msg.Value)
	case ClearTakeOut:
		next.TakenOut = nil
	default:
		return m, fmt.Errorf("unknown message %T", msg)
	}
	return next, nil
}

// changeDraft applies an editor message to the draft.
func (m Model) changeDraft(msg Msg) (Model, error) {
	sc, err := m.DraftScorecard()
	if err != nil {
		return m, fmt.Errorf("the draft cannot be read (%v): start again from the scorecard in use", err)
	}
	inRange := func(i int) error {
		if i < 0 || i >= len(sc.Metrics) {
			return fmt.Errorf("there is no metric %d", i+1)
		}
		return nil
	}
	switch msg := msg.(type) {
	case EditDraft:
		err = editDraft(sc, msg.Field, msg.Value)
	case AddBand:
		if err = inRange(msg.Metric); err == nil {
			mt := &sc.Metrics[msg.Metric]
			b := scoring.Band{Points: sc.Scale.Highest(), At: scoring.N(0)}
			if len(mt.Bands) > 0 {
				b = mt.Bands[len(mt.Bands)-1]
			}
			mt.Bands = append(mt.Bands, b)
		}
	case RemoveBand:
		if err = inRange(msg.Metric); err == nil {
			mt := &sc.Metrics[msg.Metric]
			if msg.Band < 0 || msg.Band >= len(mt.Bands) {
				return m, fmt.Errorf("there is no band %d", msg.Band+1)
			}
			mt.Bands = append(mt.Bands[:msg.Band:msg.Band], mt.Bands[msg.Band+1:]...)
		}
	case AddMetric:
		sc.Metrics = append(sc.Metrics, newMetric(sc))
	case RemoveMetric:
		if err = inRange(msg.Metric); err == nil {
			sc.Metrics = append(sc.Metrics[:msg.Metric:msg.Metric], sc.Metrics[msg.Metric+1:]...)
		}
	}
	if err != nil {
		return m, err
	}
	next := m
	next.Draft, err = draftJSON(sc)
	if err != nil {
		return m, err
	}
	return next, nil
}

// choice is an entry of a list the user picks from: a screen, a lesson.
type choice = struct{ ID, Label string }

func knownScreen(id string) bool { return hasID(Screens, id) }

// hasID reports whether one of the choices has that id.
func hasID(list []choice, id string) bool {
	return slices.ContainsFunc(list, func(c choice) bool { return c.ID == id })
}

// scorecardChanged checks the data against the new scorecard and starts
// its what-ifs afresh.
func (u *updater) scorecardChanged(m, prev Model) (Model, error) {
	if err := u.check(m); err != nil {
		return prev, fmt.Errorf("the data in use does not fit that scorecard, so it stays as it was: %w", err)
	}
	m.clearWhatIfs()
	m.Fixed, m.Huddle = nil, nil
	return m, nil
}

// clearWhatIfs starts the what-if month afresh: its sliders, volumes,
// survey luck and appeal.
func (m *Model) clearWhatIfs() { m.WhatIf, m.Volumes, m.Expect, m.TakenOut = nil, nil, nil, nil }

// WithValue returns a copy of values WithValue k set to v (removed when v is empty).
func WithValue(values map[string]string, k, v string) map[string]string {
	out := make(map[string]string, len(values)+1)
	for key, val := range values {
		out[key] = val
	}
	if v == "" {
		delete(out, k)
	} else {
		out[k] = v
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// MaxFileBytes is the largest file the app reads (20 MB); larger ones are
// refused before they are read, naming the limit.
const MaxFileBytes = 20_000_000

// TooBig refuses what is over MaxFileBytes before it is read, naming the
// limit; what names it ("october.csv", "the pasted text").
func TooBig(what string, size int) error {
	if size <= MaxFileBytes {
		return nil
	}
	return fmt.Errorf("%s is %s; Passline reads up to %s at once: split it, or keep only the months you need", what, megabytes(size), megabytes(MaxFileBytes))
}

// megabytes says a size in decimal megabytes: "20 MB", "52.4 MB".
func megabytes(n int) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e6), ".0") + " MB"
}
