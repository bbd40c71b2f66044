package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// memo is a part of the page that renders again only when its props
// change. go-app compares a child component's exported fields (with
// reflect.DeepEqual) to decide whether to render it again; Props holds
// exactly what the part draws from, so the parts a slider cannot change
// (data, scorecard, "pass without…?", luck, appeal, actions) stay off the
// slider's path. Pointers into the prepared data (the scorecard, an agent,
// a cached result) compare equal at once while they are the same.
type memo struct {
	goapp.Compo
	Props any         // one of the *Props types below
	page  *Calculator // unexported: not compared; always the same page, for its handlers
}

// The props of each part.
type (
	dataProps struct {
		Prepared          *state.Prepared
		Agent             *scoring.AgentData
		Err, Loaded, Busy string
		Live, Example     bool
	}
	scorecardProps struct {
		Prepared       *state.Prepared
		Preset, Err    string
		Imported, Live bool
	}
	actionsProps struct {
		Share           shareState
		Err             string
		Live, CrashTest bool
	}
	passWithoutProps struct {
		Prepared *state.Prepared
		Combos   state.Combos
		Fixed    map[string]scoring.Num
		Err      string
		Live     bool
	}
	luckProps struct {
		Scorecard *scoring.Scorecard
		Luck      []state.LuckRow
		Agent     string
		Month     scoring.Month
		Errs      map[string]string // by "expect:<id>"
		Live      bool
	}
	appealProps struct {
		Scorecard *scoring.Scorecard
		Appeal    *state.Appeal
		Month     scoring.Month
		Err       string
		Live      bool
	}
)

func (m *memo) Render() goapp.UI {
	c := m.page
	var what string
	var render func() goapp.UI
	switch p := m.Props.(type) {
	case dataProps:
		what, render = "your data", func() goapp.UI { return c.renderData(p) }
	case scorecardProps:
		what, render = "the scorecard", func() goapp.UI { return c.renderScorecard(p) }
	case actionsProps:
		what, render = "\"Take it with you\"", func() goapp.UI { return c.renderActions(p) }
	case passWithoutProps:
		what, render = "\"Pass without…?\"", func() goapp.UI { return c.renderPassWithout(p) }
	case luckProps:
		what, render = "survey luck", func() goapp.UI { return c.renderLuck(p) }
	case appealProps:
		what, render = "the appeal what-if", func() goapp.UI { return c.renderAppeal(p) }
	default:
		return nil
	}
	return components.SafeRender(what, render, nil)
}

// memoized wraps a part of the page drawn from props.
func (c *Calculator) memoized(props any) *memo { return &memo{Props: props, page: c} }

// The parts' props, from the page's state.

func (c *Calculator) dataProps() dataProps {
	return dataProps{Prepared: c.view.Prepared, Agent: c.view.Agent, Err: c.errs["data"], Loaded: c.loaded,
		Busy: c.busy, Live: c.live, Example: c.showingExample()}
}

func (c *Calculator) scorecardProps() scorecardProps {
	return scorecardProps{Prepared: c.view.Prepared, Preset: c.model.Preset, Err: c.errs["scorecard"],
		Imported: c.model.Scorecard != "", Live: c.live}
}

func (c *Calculator) actionsProps() actionsProps {
	return actionsProps{Share: c.share, Err: c.errs["export"], Live: c.live, CrashTest: c.crashTest}
}

func (c *Calculator) passWithoutProps() passWithoutProps {
	return passWithoutProps{Prepared: c.view.Prepared, Combos: c.view.Combos, Fixed: c.model.Fixed, Err: c.errs["fixed"], Live: c.live}
}

func (c *Calculator) luckProps() luckProps {
	return luckProps{Scorecard: c.view.Scorecard, Luck: c.view.Luck, Agent: c.view.Agent.Name, Month: c.view.Month, Errs: c.errsOf("expect:"), Live: c.live}
}

func (c *Calculator) appealProps() appealProps {
	return appealProps{Scorecard: c.view.Scorecard, Appeal: c.view.Appeal, Month: c.view.Month, Err: c.errs["takeout"], Live: c.live}
}
