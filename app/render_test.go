package app

import (
	"regexp"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/state"
)

// rendered mounts the page as go-app does, sends msgs as the handlers
// would, and returns the page's HTML: every part, memoized or not, drawn.
func rendered(t *testing.T, msgs ...state.Msg) string {
	t.Helper()
	c := &Calculator{}
	disp := goapp.NewServerTester(c)
	defer disp.Close()
	for _, msg := range msgs {
		if !c.send("test", msg) {
			t.Fatalf("%T refused: %v", msg, c.errs)
		}
		disp.Consume()
	}
	disp.Consume()
	return goapp.HTMLString(c)
}

// TestRenderFractionalCounts: averaged sheets give fractional counts
// (satisfied 16.5, calls 500.5). The command line scores them; the page
// once panicked drawing survey luck for them, on every reload.
func TestRenderFractionalCounts(t *testing.T) {
	for _, data := range []string{
		"month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,16.5,7:35,1,0\n",
		"month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,500.5,60,2,25,23,7:35,1,0\n",
		"month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25.5,23,7:35,1,0\n",
	} {
		html := rendered(t, state.SetData{Text: data})
		if strings.Contains(html, `data-testid="render-failed"`) {
			t.Errorf("a part could not be drawn for\n%s", data)
		}
		if !strings.Contains(html, `data-testid="month-score"`) {
			t.Errorf("no score drawn for\n%s", data)
		}
		if !strings.Contains(html, "not a whole share of responses") && strings.Contains(data, "16.5") {
			t.Errorf("survey luck does not say why it has no chances for\n%s", data)
		}
	}
}

// TestRenderPanicRescues: a panic while drawing the page itself (here a
// view without its agent) shows the example with the saved state set
// aside and offered back, not a dead page (issue 11); a panic in a part
// (here a display order naming a metric that is not there) costs only
// that part.
func TestRenderPanicRescues(t *testing.T) {
	c := &Calculator{}
	disp := goapp.NewServerTester(c)
	defer disp.Close()
	c.view.Agent = nil
	html := goapp.HTMLString(c.Render())
	if !strings.Contains(html, `data-testid="rescue"`) || !strings.Contains(html, "could not draw your page") {
		t.Fatalf("no rescue after a panic while drawing:\n%.2000s", html)
	}
	if !c.holdSaves || !strings.Contains(html, `data-testid="month-score"`) {
		t.Errorf("the rescue must show the example and save nothing (holdSaves %v)", c.holdSaves)
	}

	broken := *c.prepared
	broken.Order = []int{99}
	v := c.view
	v.Prepared = &broken
	part := goapp.HTMLString(NewMonthCard(v).Render())
	if !strings.Contains(part, `data-testid="render-failed"`) || !strings.Contains(part, "the verdict could not be drawn") {
		t.Errorf("a part that panics: %s", part)
	}
}

// TestQuietPageHasNoNotices: with nothing to say, the notices' box is
// empty in the prerendered page too (no white space), so the style
// sheet's .notices:empty hides it and the loading page is laid out as the
// live one.
func TestQuietPageHasNoNotices(t *testing.T) {
	if html := rendered(t); !strings.Contains(html, `<div class="notices"></div>`) {
		t.Errorf("the notices' box is not empty:\n%.600s", html[strings.Index(html, "notices"):])
	}
}

// TestNoMonthAfter9999 (issue 25): data in December 9999 offers no next
// month ("January 10000").
func TestNoMonthAfter9999(t *testing.T) {
	html := rendered(t, state.SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n9999-12,Jo,520,60,0,25,23,7:35,1,0\n"})
	if strings.Contains(html, "10000") {
		t.Error("a month of the year 10000 is offered")
	}
	if !strings.Contains(html, "December 9999") {
		t.Error("the month is not shown")
	}
}

// TestDuplicateHeadersOwnIDs (issue 25): two headers of one name in "How
// your sheet was read" each have their own control (ids by place).
func TestDuplicateHeadersOwnIDs(t *testing.T) {
	html := rendered(t, state.SetData{Text: "month,agent,calls,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Sam,520,1,60,0,25,23,7:35,1,0\n"})
	ids := regexp.MustCompile(`id="(column-[^"]*)"`).FindAllStringSubmatch(html, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %s twice", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) < 11 {
		t.Errorf("%d column ids", len(seen))
	}
}
