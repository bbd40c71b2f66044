package app

import "testing"

func TestGuard(t *testing.T) {
	err := guard("testing", func() { panic("boom") })
	if err == nil || err.Error() != "something went wrong while testing: boom" {
		t.Errorf("guard: %v", err)
	}
	if err := guard("testing", func() {}); err != nil {
		t.Errorf("no panic: %v", err)
	}
}
