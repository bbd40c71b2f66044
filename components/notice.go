package components

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// NoticeTone sets a notice's colour and how urgently screen readers say it.
type NoticeTone string

// The tones of notice.
const (
	Info  NoticeTone = "info"  // polite: a restored state, an update ready
	Error NoticeTone = "error" // assertive: something went wrong
)

// Notice is a message across the page with an optional action button.
type Notice struct {
	goapp.Compo

	Tone     NoticeTone
	Text     string
	Action   string // the button's words; no button when empty
	TestID   string // data-testid, for the browser tests
	ActionID string // the button's data-testid
	OnAction func(ctx goapp.Context)
}

// NewNotice returns a notice of that tone saying text.
func NewNotice(tone NoticeTone, text string) *Notice { return &Notice{Tone: tone, Text: text} }

// WithAction adds a button.
func (n *Notice) WithAction(words string, f func(ctx goapp.Context)) *Notice {
	n.Action, n.OnAction = words, f
	return n
}

// WithActionTestID sets the button's data-testid.
func (n *Notice) WithActionTestID(id string) *Notice { n.ActionID = id; return n }

// WithTestID sets data-testid.
func (n *Notice) WithTestID(id string) *Notice { n.TestID = id; return n }

// Render draws the notice.
func (n *Notice) Render() goapp.UI { return SafeRender("a notice", n.render, nil) }

func (n *Notice) render() goapp.UI {
	role := "status"
	if n.Tone == Error {
		role = "alert"
	}
	return goapp.Div().Class("notice notice-"+string(n.Tone)).Attr("role", role).DataSet("testid", n.TestID).Body(
		goapp.P().Text(n.Text),
		goapp.If(n.Action != "",
			goapp.Button().Type("button").Class("button").DataSet("testid", n.ActionID).Text(n.Action).OnClick(n.clicked),
		),
	)
}

func (n *Notice) clicked(ctx goapp.Context, e goapp.Event) {
	if n.OnAction != nil {
		n.OnAction(ctx)
	}
}
