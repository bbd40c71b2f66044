package app

import (
	"fmt"
	"runtime/debug"
)

// guard runs fn and turns a panic into an error, so that a bug in one
// handler shows a notice instead of ending the Go program (in the browser a
// panic in an event handler kills the whole app).
func guard(what string, fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("something went wrong while %s: %v", what, r)
			println(err.Error() + "\n" + string(debug.Stack()))
		}
	}()
	fn()
	return nil
}
