package components

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Pager moves a long table a page at a time: "Previous page", "Page 2 of
// 5", "Next page". It draws nothing for a single page. Its buttons carry
// data-testid TestID+"-prev" and TestID+"-next".
type Pager struct {
	goapp.Compo

	Page     int // from 0
	Pages    int
	TestID   string
	Disabled bool
	OnTurn   Turner
}

// Turner is told the page to show.
type Turner interface {
	TurnPage(page int)
}

// HasPrevious and HasNext report whether there is a page before and after.
func (p *Pager) HasPrevious() bool { return p.Page > 0 }

// HasNext reports whether there is a page after this one.
func (p *Pager) HasNext() bool { return p.Page < p.Pages-1 }

// Where says the page in words, counting from 1: "Page 2 of 5".
func (p *Pager) Where() string { return fmt.Sprintf("Page %d of %d", p.Page+1, p.Pages) }

// Render draws the pager.
func (p *Pager) Render() goapp.UI { return SafeRender("the pager", p.render, nil) }

func (p *Pager) render() goapp.UI {
	if p.Pages <= 1 {
		return goapp.Text("")
	}
	return goapp.Div().Class("actions pager").Body(
		goapp.Button().Type("button").Class("button secondary").DataSet("testid", p.TestID+"-prev").
			Disabled(p.Disabled || !p.HasPrevious()).Text("Previous page").OnClick(p.turn(p.Page-1), p.Page-1),
		goapp.Span().Class("page-of").Text(p.Where()),
		goapp.Button().Type("button").Class("button secondary").DataSet("testid", p.TestID+"-next").
			Disabled(p.Disabled || !p.HasNext()).Text("Next page").OnClick(p.turn(p.Page+1), p.Page+1),
	)
}

// turn is bound with page as its scope, so go-app binds it again when the
// page changes.
func (p *Pager) turn(page int) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		if p.OnTurn != nil && page >= 0 && page < p.Pages {
			p.OnTurn.TurnPage(page)
		}
	}
}
