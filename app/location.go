package app

import (
	"fmt"
	"net/url"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// go-app v9.8.0 reads the page's address with url.Parse and uses the result
// unchecked: an address it cannot parse (a link ending "#%", "#share=a%zz")
// is a nil pointer panic at start, or on going back, and a page stuck on
// "Loading…". FixLocation mends the address before go-app reads it, at start
// and before go-app's own handler on every popstate.

// FixLocation mends the address now and on every popstate. Call it before
// goapp.RunWhenOnBrowser.
func FixLocation() {
	fix := func() {
		href := goapp.Window().Get("location").Get("href").String()
		if fixed, changed := fixURL(href); changed {
			goapp.Window().Get("history").Call("replaceState", nil, "", fixed)
		}
	}
	fix()
	// Added before go-app sets window.onpopstate, so it runs first.
	goapp.Window().Call("addEventListener", "popstate", goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		_ = guard("mending the address", fix)
		return nil
	}))
}

// fixURL returns href as url.Parse takes it: a '%' not starting an escape
// is escaped as %25, a control character as its escape (the share link then reads as damaged, and says so);
// what still does not parse loses its fragment, then its query.
func fixURL(href string) (string, bool) {
	if _, err := url.Parse(href); err == nil {
		return href, false
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		switch c := href[i]; {
		case c == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])):
			b.WriteString("%25")
			continue
		case c < 0x20 || c == 0x7f: // browsers escape these; a test may not
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(href[i])
	}
	fixed := b.String()
	for _, cut := range []string{"#", "?"} {
		if _, err := url.Parse(fixed); err == nil {
			break
		}
		fixed, _, _ = strings.Cut(fixed, cut)
	}
	return fixed, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
