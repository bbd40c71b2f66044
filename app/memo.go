package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
)

// memo is a part of the page that renders again only when its exported
// fields change. go-app compares a child component's exported fields to
// decide whether to render it again: the page bumps Rev on every change but
// a slider move, which keeps the parts a slider cannot change (data,
// scorecard, "pass without…?") off the slider's path. Part names what to
// render, so that a reused instance never shows another part.
type memo struct {
	goapp.Compo
	Part string
	Rev  int
	page *Calculator // unexported: not compared; always the same page
}

// The memoized parts.
const (
	partData        = "data"
	partScorecard   = "scorecard"
	partActions     = "actions"
	partPassWithout = "pass-without"
	partLuck        = "luck"
	partAppeal      = "appeal"
)

// partNames names the parts in words, for the line that stands in for a
// part that could not be drawn.
var partNames = map[string]string{
	partData: "your data", partScorecard: "the scorecard", partActions: "\"Take it with you\"",
	partPassWithout: "\"Pass without…?\"", partLuck: "survey luck", partAppeal: "the appeal what-if",
}

func (m *memo) Render() goapp.UI { return components.SafeRender(partNames[m.Part], m.render, nil) }

func (m *memo) render() goapp.UI {
	switch m.Part {
	case partData:
		return m.page.renderData()
	case partScorecard:
		return m.page.renderScorecard()
	case partActions:
		return m.page.renderActions()
	case partLuck:
		return m.page.renderLuck()
	case partAppeal:
		return m.page.renderAppeal()
	}
	return m.page.renderPassWithout()
}

// memoized wraps a part of the page.
func (c *Calculator) memoized(part string) *memo {
	return &memo{Part: part, Rev: c.rev, page: c}
}
