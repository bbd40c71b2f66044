// Package app draws Passline with go-app: the page shell (navigation,
// notices, loading, storage) and the screens. What it shows comes from
// package state, which holds the model and every rule; app only draws it
// and turns events into state's messages.
package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// Routes registers the app's pages with go-app; the wasm program and the
// site builder both call it, so the prerendered pages match the live ones.
func Routes() {
	goapp.Route("/", &Calculator{})
}
