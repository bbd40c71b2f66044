package state

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"passline/scoring"
)

// mapStorage is a Storage in memory, counting writes per key.
type mapStorage struct {
	items  map[string]string
	writes map[string]int
	failOn string // a key whose writes are refused, as a full storage refuses
}

func newMapStorage() *mapStorage {
	return &mapStorage{items: map[string]string{}, writes: map[string]int{}}
}

func (s *mapStorage) Set(k string, v any) error {
	if k == s.failOn {
		return errors.New("QuotaExceededError: the quota has been exceeded")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.items[k] = string(b)
	s.writes[k]++
	return nil
}

func (s *mapStorage) Get(k string, v any) error {
	item, ok := s.items[k]
	if !ok {
		return nil
	}
	return json.Unmarshal([]byte(item), v)
}

func (s *mapStorage) Del(k string) { delete(s.items, k) }

func TestUpdate(t *testing.T) {
	m := NewModel()
	next, _, err := Update(m, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")})
	if err != nil || next.WhatIfs[oct]["ce"].String() != "85" {
		t.Fatalf("SetWhatIf: %v %v", next.WhatIfs, err)
	}
	if m.WhatIfs != nil {
		t.Error("Update changed the model it was given")
	}
	// A value is typed: text is read where it arrives, by its unit's reader.
	if _, err := ReadValue(scoring.Percent, "eighty"); err == nil || !strings.Contains(err.Error(), "a percentage such as 92") {
		t.Errorf("a bad value: %v", err)
	}
	cleared, _, _ := Update(next, ClearWhatIf{Month: oct})
	if cleared.WhatIfs != nil {
		t.Error("ClearWhatIf kept values")
	}
	reset, _, _ := Update(Model{Schema: Schema, Preset: "tech-support", Data: "x"}, Reset{})
	if reset.Preset != DefaultPreset || reset.Data != DefaultData {
		t.Errorf("Reset: %+v", reset)
	}
}

func TestDeriveSpecOctober(t *testing.T) {
	v, err := Derive(NewModel())
	if err != nil {
		t.Fatal(err)
	}
	if v.Result.Month.Score.String() != "2.1" || !v.Result.Month.Pass || v.Agent.Name != "Jo" || v.Month.String() != "2026-10" {
		t.Errorf("view: %s %v %s %s", v.Result.Month.Score, v.Result.Month.Pass, v.Agent.Name, v.Month)
	}
	m, _, _ := Update(NewModel(), SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("89.9")})
	v, _ = Derive(m)
	if v.Result.Month.Score.String() != "1.7" || v.Result.Month.Pass {
		t.Errorf("CE 89.9: %s %v", v.Result.Month.Score, v.Result.Month.Pass)
	}
}

func TestPreparedIsReused(t *testing.T) {
	m := NewModel()
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	moved, _, _ := Update(m, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")})
	if !p.Current(moved) {
		t.Error("a slider move must not need the data read again")
	}
	if p.Current(Model{Schema: Schema, Preset: "tech-support", Data: m.Data}) {
		t.Error("another scorecard needs the data read again")
	}
}

func TestSaveAndRestore(t *testing.T) {
	s := newMapStorage()
	if m, r := Restore(s); r.Notice != "" || r.Aside || m.Preset != DefaultPreset {
		t.Fatalf("nothing saved: %+v %+v", m, r)
	}
	sv := &Saver{S: s}
	m := NewModel()
	moved, _, _ := Update(m, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")})
	if err := sv.Save(moved); err != nil {
		t.Fatal(err)
	}
	again, _, _ := Update(moved, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("86")})
	if err := sv.Save(again); err != nil {
		t.Fatal(err)
	}
	if s.writes[DataKey] != 1 || s.writes[StateKey] != 2 {
		t.Errorf("writes %v: a slider move must not write the data again", s.writes)
	}
	if strings.Contains(s.items[StateKey], "month,agent") {
		t.Error("the state key holds the data")
	}
	got, r := Restore(s)
	if r.Notice != "" || got.WhatIfs[oct]["ce"].String() != "86" || got.Data != DefaultData || r.Rev != sv.Rev {
		t.Errorf("restored %+v %+v", got, r)
	}
}

// TestSaveRefusedKeepsTheLastGoodCopy: a save the browser refuses (storage
// full after a 19 MB file, issue 11) leaves the previous data with its own
// settings: a reload never puts the new file's what-ifs on the old data.
func TestSaveRefusedKeepsTheLastGoodCopy(t *testing.T) {
	s := newMapStorage()
	sv := &Saver{S: s}
	old, _, _ := Update(NewModel(), SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")})
	if err := sv.Save(old); err != nil {
		t.Fatal(err)
	}
	big, _, _ := Update(old, SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-11,Big,520,60,0,25,20,7:35,1,0\n"})
	s.failOn = DataKey
	if err := sv.Save(big); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("refused data: %v", err)
	}
	got, _ := Restore(s)
	if got.Data != DefaultData || got.WhatIfs[oct]["ce"].String() != "85" || got.Agent != "" {
		t.Errorf("after a refused data write: %+v", got)
	}
	// A slider moved on the big file afterwards: its settings must not be
	// saved beside the old data either (the data is tried again first).
	moved, _, _ := Update(big, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("70")})
	if err := sv.Save(moved); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("a move after a refused data write: %v", err)
	}
	if got, _ := Restore(s); got.Data != DefaultData || got.WhatIfs[oct]["ce"].String() != "85" {
		t.Errorf("after a move on the unsaved data: %+v", got)
	}
	// The settings refused after the data went in: the data is put back.
	s.failOn = StateKey
	if err := sv.Save(big); !errors.Is(err, ErrNotSaved) {
		t.Fatalf("refused state: %v", err)
	}
	if got, _ := Restore(s); got.Data != DefaultData || got.WhatIfs[oct]["ce"].String() != "85" {
		t.Errorf("after a refused state write: %+v", got)
	}
	// Room again: the next save stores the big file and its settings.
	s.failOn = ""
	if err := sv.Save(moved); err != nil {
		t.Fatal(err)
	}
	if got, _ := Restore(s); !strings.Contains(got.Data, "Big") || got.WhatIfs[oct]["ce"].String() != "70" {
		t.Errorf("after room came back: %+v", got)
	}
}

// TestSaveNeverOverAnotherTab: tab B, opened before tab A pasted new data,
// must not write its old data over A's on its next move (issue 11).
func TestSaveNeverOverAnotherTab(t *testing.T) {
	s := newMapStorage()
	a, b := &Saver{S: s}, &Saver{S: s}
	m := NewModel()
	if err := a.Save(m); err != nil {
		t.Fatal(err)
	}
	_, r := Restore(s)
	b.Rev = r.Rev // B opens
	pasted, _, _ := Update(m, SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,New,520,60,0,25,20,7:35,1,0\n"})
	if err := a.Save(pasted); err != nil {
		t.Fatal(err)
	}
	moved, _, _ := Update(m, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")})
	if err := b.Save(moved); !errors.Is(err, ErrOtherTab) {
		t.Fatalf("B's save over A's: %v", err)
	}
	if got, _ := Restore(s); !strings.Contains(got.Data, "New") {
		t.Errorf("A's data was lost: %q", got.Data)
	}
}

// TestRestoreSalvages: a damaged part of the saved state costs only that
// part (issue 11); saved data that cannot be used is kept aside, never
// overwritten by the example.
func TestRestoreSalvages(t *testing.T) {
	other, _ := json.Marshal("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Sam,520,60,0,25,20,7:35,1,0\n")
	tests := []struct {
		name, state, data string
		want              string // in the notice
		aside             bool
		keepsData         bool
		check             func(Model) bool
	}{
		{"not json", `{not json`, string(other), "settings could not be read", false, true, nil},
		{"old schema", `{"schema":0,"preset":"care-and-sales"}`, string(other), "another version of Passline (schema 0", false, true, nil},
		{"unknown preset", `{"schema":1,"preset":"nope"}`, string(other), `no built-in scorecard is called "nope"`, false, true,
			func(m Model) bool { return m.Preset == DefaultPreset }},
		{"bad what-if", `{"schema":1,"preset":"care-and-sales","what_if":{"ce":"high","aht":"430"}}`, string(other), `1 what-if value could not be used and was put back (ce)`, false, true,
			func(m Model) bool { return m.WhatIfs[oct]["aht"].String() == "430" && len(m.WhatIfs[oct]) == 1 }},
		{"what-if a slider refuses", `{"schema":1,"preset":"care-and-sales","what_if":{"ce":"-50","attendance.absent":"0.5"}}`, string(other), "2 what-if values", false, true,
			func(m Model) bool { return len(m.WhatIfs[oct]) == 0 }},
		{"refused scorecard", `{"schema":1,"preset":"care-and-sales","scorecard":"{}","screen":"team"}`, string(other), "the scorecard you imported could not be read again", false, true,
			func(m Model) bool { return m.Scorecard == "" && m.Screen == ScreenTeam }},
		{"bad screen and lesson", `{"schema":1,"preset":"care-and-sales","screen":"nope","lesson":"nope"}`, string(other), "", false, true,
			func(m Model) bool { return m.Screen == "" && m.Lesson == "" }},
		{"unusable data", `{"schema":1,"preset":"care-and-sales"}`, `"x"`, "the file has no month column", true, false, nil},
		{"data missing", `{"schema":1,"preset":"care-and-sales"}`, ``, "saved data could not be read", false, false, nil},
		{"data not a string", `{"schema":1,"preset":"care-and-sales"}`, `42`, "saved data could not be read", false, false, nil},
	}
	for _, tt := range tests {
		s := newMapStorage()
		s.items[StateKey] = tt.state
		if tt.data != "" {
			s.items[DataKey] = tt.data
		}
		m, r := Restore(s)
		if !strings.Contains(r.Notice, tt.want) || r.Aside != tt.aside {
			t.Errorf("%s: notice %q, aside %v", tt.name, r.Notice, r.Aside)
		}
		if keeps := strings.Contains(m.Data, "Sam"); keeps != tt.keepsData {
			t.Errorf("%s: data kept %v, want %v", tt.name, keeps, tt.keepsData)
		}
		if !tt.keepsData && m.Data != DefaultData {
			t.Errorf("%s: starts from %q, want the example", tt.name, m.Data)
		}
		if tt.check != nil && !tt.check(m) {
			t.Errorf("%s: restored %+v", tt.name, m)
		}
	}
}

func TestFormat(t *testing.T) {
	n := scoring.MustNum
	tests := []struct {
		got, want string
	}{
		{FormatValue(scoring.Percent, n("92")), "92\u00a0%"},
		{FormatValue(scoring.Percent, scoring.Frac(6000, 520)), "11.54\u00a0%"},
		{FormatValue(scoring.Seconds, n("455")), "7:35"},
		{FormatValue(scoring.Seconds, n("455.5")), "7:35.5"},
		{FormatValue(scoring.Seconds, n("59.96")), "1:00"},
		{FormatValue(scoring.Seconds, n("3723")), "1:02:03"},
		{FormatValue(scoring.Points, n("1")), "1\u00a0point"},
		{FormatValue(scoring.Points, n("2.5")), "2.5\u00a0points"},
		{FormatValue(scoring.Number, n("-12.5")), "-12.5"},
		{ValueWords(scoring.Seconds, n("455")), "7 minutes 35 seconds"},
		{ValueWords(scoring.Seconds, n("61")), "1 minute 1 second"},
		{ValueWords(scoring.Seconds, n("40")), "40 seconds"},
		{ValueWords(scoring.Percent, n("92.5")), "92.5 percent"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestLineWords(t *testing.T) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	ce, aht := sc.Metric("ce"), sc.Metric("aht")
	at := func(v string) scoring.PassLine {
		return scoring.PassLine{Kind: scoring.LineAt, Value: scoring.MustNum(v)}
	}
	tests := []struct{ got, want string }{
		{LineWords(ce, at("90"), true), "Customer experience can fall to 90\u00a0% and you still pass."},
		{LineWords(ce, at("79.875"), false), "Customer experience must reach 79.88\u00a0% for the month to pass."},
		{LineWords(aht, at("563.333"), true), "Average handle time can rise to 9:23.3 and you still pass."},
		{LineWords(aht, at("480"), false), "Average handle time must come down to 8:00 for the month to pass."},
		{LineWords(aht, at("563.36"), true), "Average handle time can rise to 9:23.3 and you still pass."}, // not 9:23.4
		{LineWords(ce, scoring.PassLine{Kind: scoring.PassesAtWorst}, true), "Customer experience: passes even at the worst (the month passes whatever its value)."},
		{LineWords(ce, scoring.PassLine{Kind: scoring.CannotPass}, false), "Customer experience: cannot pass even at the best (the month fails whatever its value; move another metric)."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got  %q\nwant %q", tt.got, tt.want)
		}
	}
}

// FuzzRestore: whatever the saved state and data, Restore never panics;
// what it restores can be scored, and saved data it cannot use is kept
// aside, not replaced (issue 11).
func FuzzRestore(f *testing.F) {
	good, _ := json.Marshal(DefaultData)
	f.Add(`{"schema":1,"preset":"care-and-sales","what_if":{"ce":"85"}}`, string(good))
	f.Add(`{not json`, string(good))
	f.Add(`{"schema":1,"preset":"tech-support","screen":"team","lesson":"nps","huddle":{"a.ce":"x"}}`, `"x"`)
	f.Add(`{"schema":1,"preset":"care-and-sales","what_if":{"ce":"-50","aht":"-300","attendance.late":"-3","attendance.absent":"0.5"}}`, string(good))
	f.Add(`{"schema":1,"preset":"care-and-sales","scorecard":"{\"version\":1}","draft":"[[["}`, `42`)
	f.Fuzz(func(t *testing.T, state, data string) {
		s := newMapStorage()
		s.items[StateKey] = state
		s.items[DataKey] = data
		m, r := Restore(s)
		p, err := Prepare(m)
		if err != nil {
			t.Fatalf("restored a model that cannot be read: %v (notice %q)", err, r.Notice)
		}
		if _, err := p.Score(m); err != nil {
			t.Fatalf("restored a model that cannot be scored: %v", err)
		}
		if s.items[DataKey] != data {
			t.Fatal("Restore changed the saved data")
		}
	})
}

// TestUpdateReturnsWhatItRead: a paste or another scorecard is read once,
// by Update, and handed back; a slider move reads nothing (issue 12: no
// package variable carries it to the derive).
func TestUpdateReturnsWhatItRead(t *testing.T) {
	m := NewModel()
	next, read, err := Update(m, SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Sam,520,60,0,25,20,7:35,1,0\n"})
	if err != nil || read == nil || !read.Current(next) || read.Data.Agents[0].Name != "Sam" {
		t.Fatalf("a paste: read %v, err %v", read, err)
	}
	next, read, err = Update(next, ChoosePreset{ID: "tech-support"})
	if err == nil && (read == nil || !read.Current(next)) {
		t.Errorf("another scorecard: read %v", read)
	}
	if _, read, _ := Update(m, SetWhatIf{Month: oct, Metric: "ce", Value: scoring.MustNum("85")}); read != nil {
		t.Error("a slider move read the data")
	}
	if _, read, err := Update(m, SetData{Text: "nonsense"}); err == nil || read != nil {
		t.Errorf("a refused paste: read %v, err %v", read, err)
	}
}

// TestRestoresStateSavedBeforeTypedValues: a blob exactly as the version
// before typed values saved it (what-if values as strings) still loads,
// every value in place (issue 12).
func TestRestoresStateSavedBeforeTypedValues(t *testing.T) {
	s := newMapStorage()
	s.items[StateKey] = `{"schema":1,"preset":"care-and-sales","what_if":{"attendance.late":"2","ce":"85.5"},"volumes":{"ce":"30"},"fixed":{"offer_rate":"1"},"screen":"team","expect":{"ce":"40"},"huddle":{"a.ce":"2","b.aht":"x","x":"aht"}}`
	s.items[DataKey] = `"month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"`
	m, r := Restore(s)
	if r.Notice != "Your data is restored, but 1 what-if value could not be used and was put back (b.aht)." || r.Aside {
		t.Fatalf("notice %q, aside %v", r.Notice, r.Aside)
	}
	if !m.HuddlePoints["a.ce"].Equal(scoring.N(2)) || len(m.HuddlePoints) != 1 || len(m.Huddle) != 1 || m.Huddle["x"] != "aht" {
		t.Errorf("huddle points %v, choices %v: want a.ce 2 typed, b.aht dropped, x kept", m.HuddlePoints, m.Huddle)
	}
	if m.WhatIfs[oct]["ce"].String() != "85.5" || m.WhatIfs[oct]["attendance.late"].String() != "2" || m.Volumes["ce"].String() != "30" ||
		m.Fixed["offer_rate"].String() != "1" || m.Screen != ScreenTeam || !m.Expect["ce"].Equal(scoring.N(40)) {
		t.Errorf("restored %+v", m)
	}
	// Saved again, it reads back the same.
	sv := r.Saver(s)
	if err := sv.Save(m); err != nil {
		t.Fatal(err)
	}
	again, r2 := Restore(s)
	if r2.Notice != "" || !again.WhatIfs[oct]["ce"].Equal(m.WhatIfs[oct]["ce"]) || !again.WhatIfs[oct]["attendance.late"].Equal(scoring.N(2)) {
		t.Errorf("saved and restored: %+v (%q)", again.WhatIfs, r2.Notice)
	}
}

// oct is the example's month: a new model's what-ifs are October's.
const oct = "2026-10"

// updated is m after msgs, each of which must be taken.
func updated(t *testing.T, m Model, msgs ...Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		var err error
		if m, _, err = Update(m, msg); err != nil {
			t.Fatalf("%#v: %v", msg, err)
		}
	}
	return m
}
