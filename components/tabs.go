package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Tabs is a row of buttons that choose one of several views (the app's
// screens, the learn screen's lessons); the current one is marked with
// aria-current for screen readers as well as by its look. Each button
// carries data-<Key> with its tab's id.
type Tabs struct {
	goapp.Compo

	Label    string // the nav's accessible name: "Screens"
	Key      string // "screen": the data attribute, and the class "<Key>-tab"
	Class    string // the nav's class
	Items    []Tab
	Current  string // the id of the tab shown
	Disabled bool
	OnChoose Chooser
}

// Tab is one choice: its id and its words. An alias of the plain struct,
// so a list of choices from anywhere (state's screens and lessons) is a
// list of tabs as it is.
type Tab = struct{ ID, Label string }

// Chooser is told the tab chosen, with the Tabs' Key.
type Chooser interface {
	ChooseTab(key, id string)
}

// Render draws the tabs.
func (t *Tabs) Render() goapp.UI { return SafeRender(t.Label, t.render, nil) }

func (t *Tabs) render() goapp.UI {
	return goapp.Nav().Class(t.Class).Aria("label", t.Label).Body(
		goapp.Range(t.Items).Slice(func(i int) goapp.UI {
			tab := t.Items[i]
			b := goapp.Button().Type("button").Class(t.Key+"-tab").DataSet(t.Key, tab.ID).
				Disabled(t.Disabled).Text(tab.Label).OnClick(t.choose(tab.ID), tab.ID)
			if tab.ID == t.Current {
				b = b.Aria("current", "page")
			}
			return b
		}),
	)
}

// choose is bound with the tab's id as its scope.
func (t *Tabs) choose(id string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		if t.OnChoose != nil {
			t.OnChoose.ChooseTab(t.Key, id)
		}
	}
}
