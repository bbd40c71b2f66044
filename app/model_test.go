package app

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
	fail   error
}

func newMapStorage() *mapStorage {
	return &mapStorage{items: map[string]string{}, writes: map[string]int{}}
}

func (s *mapStorage) Set(k string, v any) error {
	if s.fail != nil {
		return s.fail
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
	next, err := Update(m, SetWhatIf{Metric: "ce", Value: "85"})
	if err != nil || next.WhatIf["ce"] != "85" {
		t.Fatalf("SetWhatIf: %v %v", next.WhatIf, err)
	}
	if m.WhatIf != nil {
		t.Error("Update changed the model it was given")
	}
	if _, err := Update(next, SetWhatIf{Metric: "ce", Value: "eighty"}); err == nil || !strings.Contains(err.Error(), `"eighty" is not a number`) {
		t.Errorf("a bad value: %v", err)
	}
	cleared, _ := Update(next, ClearWhatIf{})
	if cleared.WhatIf != nil {
		t.Error("ClearWhatIf kept values")
	}
	reset, _ := Update(Model{Schema: Schema, Preset: "tech-support", Data: "x"}, Reset{})
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
	m, _ := Update(NewModel(), SetWhatIf{Metric: "ce", Value: "89.9"})
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
	moved, _ := Update(m, SetWhatIf{Metric: "ce", Value: "85"})
	if !p.Current(moved) {
		t.Error("a slider move must not need the data read again")
	}
	if p.Current(Model{Schema: Schema, Preset: "tech-support", Data: m.Data}) {
		t.Error("another scorecard needs the data read again")
	}
}

func TestSaveAndRestore(t *testing.T) {
	s := newMapStorage()
	if m, notice := Restore(s); notice != "" || m.Preset != DefaultPreset {
		t.Fatalf("nothing saved: %+v %q", m, notice)
	}
	m := NewModel()
	moved, _ := Update(m, SetWhatIf{Metric: "ce", Value: "85"})
	if err := Save(s, m, moved, true); err != nil {
		t.Fatal(err)
	}
	again, _ := Update(moved, SetWhatIf{Metric: "ce", Value: "86"})
	Save(s, moved, again, false)
	if s.writes[DataKey] != 1 || s.writes[StateKey] != 2 {
		t.Errorf("writes %v: a slider move must not write the data again", s.writes)
	}
	if strings.Contains(s.items[StateKey], "month,agent") {
		t.Error("the state key holds the data")
	}
	got, notice := Restore(s)
	if notice != "" || got.WhatIf["ce"] != "86" || got.Data != DefaultData {
		t.Errorf("restored %+v %q", got, notice)
	}
	s.fail = errors.New("quota exceeded")
	if err := Save(s, again, again, false); err == nil || !strings.Contains(err.Error(), "quota exceeded") {
		t.Errorf("a failed save: %v", err)
	}
}

func TestRestoreSetsAside(t *testing.T) {
	good, _ := json.Marshal(DefaultData)
	tests := []struct{ name, state, data, want string }{
		{"not json", `{not json`, string(good), "could not be read"},
		{"old schema", `{"schema":0,"preset":"care-and-sales"}`, string(good), "another version of Passline (schema 0"},
		{"unknown preset", `{"schema":1,"preset":"nope"}`, string(good), `no built-in scorecard is called "nope"`},
		{"bad what-if", `{"schema":1,"preset":"care-and-sales","what_if":{"ce":"high"}}`, string(good), `the value of "ce"`},
		{"refused scorecard", `{"schema":1,"preset":"care-and-sales","scorecard":"{}"}`, string(good), "version: is required"},
		{"unusable data", `{"schema":1,"preset":"care-and-sales"}`, `"x"`, "the file has no month column"},
		{"data missing", `{"schema":1,"preset":"care-and-sales"}`, ``, "saved data could not be read"},
		{"data not a string", `{"schema":1,"preset":"care-and-sales"}`, `42`, "saved data could not be read"},
	}
	for _, tt := range tests {
		s := newMapStorage()
		s.items[StateKey] = tt.state
		if tt.data != "" {
			s.items[DataKey] = tt.data
		}
		m, notice := Restore(s)
		if !strings.Contains(notice, tt.want) || m.Preset != DefaultPreset || m.Data != DefaultData {
			t.Errorf("%s: notice %q, model %+v", tt.name, notice, m)
		}
	}
}

func TestGuard(t *testing.T) {
	err := guard("testing", func() { panic("boom") })
	if err == nil || err.Error() != "something went wrong while testing: boom" {
		t.Errorf("guard: %v", err)
	}
	if err := guard("testing", func() {}); err != nil {
		t.Errorf("no panic: %v", err)
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
