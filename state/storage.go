package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"passline/scoring"
)

// The model is saved in parts, so that moving a slider writes a few bytes
// and not the whole data file: StateKey holds the schema, the scorecard and
// the what-if values; DataKey the data text; RevKey which save was the
// last, so that a tab never writes over another tab's newer save.
const (
	StateKey = "passline.state"
	DataKey  = "passline.data"
	RevKey   = "passline.rev"
	// StartingKey is set while the page starts (see rescue.go); OddsKey,
	// in the tab's own session storage, while the odds are worked out,
	// after the first render (issue 25: a start whose odds ran out of
	// memory was never rescued). Per tab: another tab's odds at work (in
	// the background for seconds) must not set this one's data aside.
	StartingKey = "passline.starting"
	OddsKey     = "passline.odds"
)

// Storage is the part of go-app's BrowserStorage the app uses; tests give a
// map-backed one.
type Storage interface {
	Set(k string, v any) error
	Get(k string, v any) error
	Del(k string)
}

// Restored says how a restore went.
type Restored struct {
	// Notice says, in words, what could not be used and was set aside;
	// empty when everything was.
	Notice string
	// Aside is true when the saved data itself could not be used: it is
	// left as it is, and the page saves nothing over it until the user
	// chooses (see rescue.go).
	Aside bool
	// Rev is the save the model was read from.
	Rev string
	// Prepared is the restored model's scorecard and data, read (nil when
	// the defaults were restored).
	Prepared *Prepared
	// data is the data text storage holds; known when it could be read.
	data  string
	known bool
}

// Saver returns the saver that goes on from this restore.
func (r Restored) Saver(s Storage) Saver {
	return Saver{S: s, Rev: r.Rev, stored: r.data, known: r.known}
}

// Restore reads the saved model. Nothing saved gives a first visit's model.
// A part that cannot be used costs only that part: a bad what-if, screen,
// lesson, draft or imported scorecard goes back to its default and the
// rest is kept; the notice says what was set aside. It never fails.
func Restore(s Storage) (Model, Restored) {
	var r Restored
	_ = s.Get(RevKey, &r.Rev)
	var data string
	dataErr := s.Get(DataKey, &data)
	r.data, r.known = data, dataErr == nil
	var raw json.RawMessage
	stateErr := s.Get(StateKey, &raw)
	if raw == nil && stateErr == nil && data == "" && dataErr == nil {
		return NewModel(), r // a first visit
	}
	m, notes := NewModel(), []string(nil)
	if dataErr != nil || data == "" && (raw == nil || decodeState(raw, &m, &notes) != nil || len(m.Typed) == 0) {
		// No data is fine only for months typed by hand.
		r.Notice = "Your saved data could not be read, so Passline started afresh with the example."
		return NewModel(), r
	}
	m, notes = NewModel(), nil
	switch {
	case stateErr != nil || raw == nil || decodeState(raw, &m, &notes) != nil:
		m = NewModel()
		notes = append(notes, "your saved settings could not be read, so the scorecard and the sliders start afresh")
	case m.Schema != Schema:
		notes = append(notes, fmt.Sprintf("your settings were saved by another version of Passline (schema %d, this one reads %d), so the scorecard and the sliders start afresh", m.Schema, Schema))
		m = NewModel()
	}
	m.Data = data
	m, more := salvage(m)
	notes = append(notes, more...)
	p, err := Prepare(m)
	if err != nil {
		// The data itself cannot be used: keep it untouched and offer it.
		r.Aside = true
		r.Notice = fmt.Sprintf("Your saved data could not be used (%v), so Passline shows the example; the data is kept on this device.", err)
		return NewModel(), r
	}
	if len(notes) > 0 {
		r.Notice = "Your data is restored, but " + strings.Join(notes, "; ") + "."
	}
	if m.OldWhatIf != nil { // saved before each month had its own what-ifs
		if v, err := p.Score(m); err == nil {
			m.WhatIfs = map[string]map[string]scoring.Num{v.Month.String(): m.OldWhatIf}
		}
		m.OldWhatIf = nil
	}
	r.Prepared = p
	return m, r
}

// decodeState reads saved settings into m. A what-if value that cannot be
// read as a number costs only that value (noted), not the settings.
func decodeState(raw json.RawMessage, m *Model, notes *[]string) error {
	if json.Unmarshal(raw, m) == nil {
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return err
	}
	var dropped []string
	for _, name := range []string{"what_ifs", "points"} { // maps of maps of numbers
		var months map[string]map[string]json.RawMessage
		if json.Unmarshal(fields[name], &months) != nil {
			delete(fields, name)
			continue
		}
		for _, mo := range SortedKeys(months) {
			for _, k := range SortedKeys(months[mo]) {
				var n scoring.Num
				if n.UnmarshalJSON(months[mo][k]) != nil {
					delete(months[mo], k)
					dropped = append(dropped, mo+" "+k)
				}
			}
		}
		fields[name], _ = json.Marshal(months)
	}
	for _, name := range []string{"what_if", "volumes", "fixed", "huddle_points", "expect", "taken_out"} { // the maps of numbers
		var values map[string]json.RawMessage
		if json.Unmarshal(fields[name], &values) != nil {
			delete(fields, name)
			continue
		}
		for _, k := range SortedKeys(values) {
			var n scoring.Num
			if n.UnmarshalJSON(values[k]) != nil {
				delete(values, k)
				dropped = append(dropped, k)
			}
		}
		fields[name], _ = json.Marshal(values)
	}
	if len(dropped) > 0 {
		*notes = append(*notes, droppedNote(dropped))
	}
	fixed, _ := json.Marshal(fields)
	*m = NewModel()
	return json.Unmarshal(fixed, m)
}

// salvage puts back to its default each part of m that cannot be used,
// and says which.
func salvage(m Model) (Model, []string) {
	var notes []string
	if m.Scorecard != "" {
		if _, err := m.scorecard(); err != nil {
			notes = append(notes, "the scorecard you imported could not be read again, so the built-in one is in use")
			m.Scorecard = ""
		}
	}
	if _, err := m.scorecard(); err != nil {
		notes = append(notes, fmt.Sprintf("%v, so %q is in use", err, DefaultPreset))
		m.Preset, m.Scorecard = DefaultPreset, ""
	}
	sc, _ := m.scorecard()
	if !knownScreen(m.Screen) {
		notes = append(notes, fmt.Sprintf("there is no screen %s any more, so the what-if screen shows", scoring.Clip(m.Screen)))
		m.Screen = ScreenWhatIf
	}
	if !knownLesson(m.Lesson) {
		notes = append(notes, fmt.Sprintf("there is no lesson %s any more, so the first one shows", scoring.Clip(m.Lesson)))
		m.Lesson = ""
	}
	if m.Draft != "" {
		if _, err := m.DraftScorecard(); err != nil {
			notes = append(notes, "the scorecard draft could not be read, so the editor starts from the scorecard in use")
			m.Draft = ""
		}
	}
	var dropped []string
	m.OldWhatIf, dropped = goodWhatIfs(sc, m.OldWhatIf)
	for _, mo := range SortedKeys(m.WhatIfs) {
		kept, bad := goodWhatIfs(sc, m.WhatIfs[mo])
		if checkMonth(mo) != nil {
			kept, bad = nil, append(bad, mo)
		}
		m.WhatIfs, dropped = withMap(m.WhatIfs, mo, kept), append(dropped, bad...)
	}
	m.Typed, dropped = goodTyped(sc, m.Typed, dropped)
	for _, mo := range SortedKeys(m.Points) {
		kept := m.Points[mo]
		for _, id := range SortedKeys(kept) {
			if p := kept[id]; checkMonth(mo) != nil || sc.Metric(id) == nil || p.Less(sc.Scale.Lowest()) || sc.Scale.Highest().Less(p) {
				kept = without(kept, id)
				dropped = append(dropped, mo+" "+id+" points")
			}
		}
		m.Points = withMap(m.Points, mo, kept)
	}
	numbers := func(values map[string]string, isNumber func(k string) bool) map[string]string {
		for _, k := range SortedKeys(values) {
			if _, err := scoring.ParseNum(values[k]); err != nil && isNumber(k) {
				values = without(values, k)
				dropped = append(dropped, k)
			}
		}
		return values
	}
	m.Expect, dropped = goodCounts(m.Expect, dropped, CheckResponses)
	if pl := m.PlanA; pl != nil {
		_, bad := goodWhatIfs(sc, pl.WhatIfs)
		_, badCounts := goodCounts(maps.Clone(pl.Expect), nil, CheckResponses)
		for id, p := range pl.Points {
			if sc.Metric(id) == nil || p.Less(sc.Scale.Lowest()) || sc.Scale.Highest().Less(p) {
				bad = append(bad, id+" points")
			}
		}
		if checkMonth(pl.Month) != nil || len(bad)+len(badCounts) > 0 {
			notes = append(notes, "plan A did not fit the scorecard in use, so it was forgotten")
			m.PlanA = nil
		}
	}
	m.TakenOut, dropped = goodCounts(m.TakenOut, dropped, CheckTakenOut)
	m.Huddle = numbers(m.Huddle, huddlePointsKey)
	for _, k := range SortedKeys(m.Huddle) { // saved before the points were typed
		if huddlePointsKey(k) {
			p := scoring.MustNum(m.Huddle[k]) // numbers kept only numbers
			m.HuddlePoints, m.Huddle = with(m.HuddlePoints, k, p), without(m.Huddle, k)
		}
	}
	if len(dropped) > 0 {
		notes = append(notes, droppedNote(dropped))
	}
	return m, notes
}

// droppedNote says which saved what-if values were put back.
func droppedNote(dropped []string) string {
	if len(dropped) == 1 {
		return fmt.Sprintf("1 what-if value could not be used and was put back (%s)", dropped[0])
	}
	return fmt.Sprintf("%d what-if values could not be used and were put back (%s)", len(dropped), strings.Join(dropped, "; "))
}

// Errors of Saver.Save.
var (
	// ErrOtherTab: another tab saved since this one last read or wrote.
	ErrOtherTab = errors.New("another tab changed Passline")
	// ErrNotSaved: the browser refused to store the change (full, or
	// storage switched off); what was saved before is kept whole.
	ErrNotSaved = errors.New("this browser did not let Passline save your change on this device")
)

// Saver saves the model after every change, never over another tab's newer
// save, and never leaves the data of one change beside the settings of
// another.
type Saver struct {
	S   Storage
	Rev string // the save this tab last read or wrote
	// stored is the data text storage holds, as far as this tab knows;
	// known says whether it knows (it has written or read it).
	stored string
	known  bool
}

// Save writes next: the data first (when it is not the data stored), then
// the settings, then the revision. A refused write leaves the previous save
// whole and returns ErrNotSaved; a newer save by another tab is left as it
// is and gives ErrOtherTab.
func (sv *Saver) Save(next Model) error {
	var rev string
	_ = sv.S.Get(RevKey, &rev)
	if rev != sv.Rev {
		return ErrOtherTab
	}
	wroteData := false
	if !sv.known || sv.stored != next.Data {
		// Until the data is stored, no settings are: settings saved beside
		// another data file would land on it after a reload.
		if err := sv.S.Set(DataKey, next.Data); err != nil {
			return ErrNotSaved // the data saved before stays, with its settings
		}
		wroteData = true
	}
	state := next
	state.Data = ""
	if err := sv.S.Set(StateKey, state); err != nil {
		if wroteData && sv.known { // put the data back with the settings it belongs to
			_ = sv.S.Set(DataKey, sv.stored)
		}
		return ErrNotSaved
	}
	sv.stored, sv.known = next.Data, true
	sv.Rev = strconv.FormatInt(time.Now().UnixNano(), 36)
	if err := sv.S.Set(RevKey, sv.Rev); err != nil {
		return ErrNotSaved
	}
	return nil
}

// Forget removes everything saved.
func Forget(s Storage) {
	for _, k := range []string{StateKey, DataKey, RevKey} {
		s.Del(k)
	}
}
