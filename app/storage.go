package app

import (
	"encoding/json"
	"fmt"
)

// The model is saved in two parts, so that moving a slider writes a few
// bytes and not the whole data file: StateKey holds the schema, the
// scorecard and the what-if values; DataKey the data text.
const (
	StateKey = "passline.state"
	DataKey  = "passline.data"
	// StartingKey is set while the page starts (see rescue.go).
	StartingKey = "passline.starting"
)

// Storage is the part of go-app's BrowserStorage the app uses; tests give a
// map-backed one.
type Storage interface {
	Set(k string, v any) error
	Get(k string, v any) error
	Del(k string)
}

// Restore reads the saved model. Nothing saved gives a first visit's model.
// Saved state that is corrupt or from another version gives the defaults and
// a notice saying so; it never fails.
func Restore(s Storage) (m Model, notice string) {
	var raw json.RawMessage
	if err := s.Get(StateKey, &raw); err != nil {
		return NewModel(), "Your saved state could not be read, so Passline started afresh."
	}
	if raw == nil {
		return NewModel(), ""
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return NewModel(), "Your saved state could not be read, so Passline started afresh."
	}
	if err := s.Get(DataKey, &m.Data); err != nil || m.Data == "" {
		return NewModel(), "Your saved data could not be read, so Passline started afresh."
	}
	if err := m.Validate(); err != nil {
		return NewModel(), fmt.Sprintf("Your saved state was set aside and Passline started afresh: %v.", err)
	}
	return m, ""
}

// Save writes what changed from prev to next; it is called after every change.
func Save(s Storage, prev, next Model, first bool) error {
	state := next
	state.Data = ""
	if err := s.Set(StateKey, state); err != nil {
		return fmt.Errorf("saving your state in this browser failed: %w", err)
	}
	if first || prev.Data != next.Data {
		if err := s.Set(DataKey, next.Data); err != nil {
			return fmt.Errorf("saving your data in this browser failed (is it too large for the browser's storage?): %w", err)
		}
	}
	return nil
}

// Forget removes everything saved.
func Forget(s Storage) {
	s.Del(StateKey)
	s.Del(DataKey)
}
