package app

import (
	"encoding/json"
	"fmt"
)

// StorageKey is where the model is saved in the browser's local storage.
const StorageKey = "passline.state"

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
	if err := s.Get(StorageKey, &raw); err != nil {
		return NewModel(), "Your saved state could not be read, so Passline started afresh (" + err.Error() + ")."
	}
	if raw == nil {
		return NewModel(), ""
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return NewModel(), "Your saved state could not be read, so Passline started afresh."
	}
	if err := m.Validate(); err != nil {
		return NewModel(), fmt.Sprintf("Your saved state was set aside and Passline started afresh: %v.", err)
	}
	return m, ""
}

// Save writes the model; it is called after every change.
func Save(s Storage, m Model) error {
	if err := s.Set(StorageKey, m); err != nil {
		return fmt.Errorf("saving your state in this browser failed: %w", err)
	}
	return nil
}
