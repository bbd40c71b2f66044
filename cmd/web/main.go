// Command web is the Passline app compiled to WebAssembly: it registers the
// pages and runs them in the browser. It holds no server or build code;
// cmd/build builds it into web/app.wasm.
package main

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/app"
)

func main() {
	app.Routes()
	app.FixLocation()
	goapp.RunWhenOnBrowser()
}
