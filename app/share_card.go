package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// shareState is the sharing part of the page.
type shareState struct {
	withWhatIf bool          // the user chose to share their what-if values too
	link, qr   string        // the link made, and its QR code (SVG)
	status     string        // what the last share action did, in words
	offer      *state.Shared // a link opened, waiting for the user's yes or no
	offerErr   string        // why a link opened could not be read
}

// open reads a share link the page was opened with, then takes the
// fragment off the address so that a reload does not ask again.
func (s *shareState) open(ctx goapp.Context) {
	u := *ctx.Page().URL()
	if !state.IsShareFragment(u.Fragment) {
		return
	}
	shared, err := state.ReadShare(u.Fragment)
	if err != nil {
		s.offerErr = err.Error()
	} else {
		s.offer = &shared
	}
	u.Fragment = ""
	goapp.Window().Get("history").Call("replaceState", nil, "", u.String())
}

// ShareOffer asks whether to use the scorecard of a share link the page
// was opened with, or says why the link could not be read.
type ShareOffer struct {
	goapp.Compo

	Offer *state.Shared
	Err   string
	Live  bool

	page *Calculator // unexported: not compared; the page that holds the offer
}

// Render draws the offer.
func (o *ShareOffer) Render() goapp.UI {
	return components.SafeRender("the shared link", o.render, nil)
}

func (o *ShareOffer) render() goapp.UI {
	if o.Err != "" {
		return goapp.Div().Class("notice notice-error").Attr("role", "alert").DataSet("testid", "share-offer").Body(
			goapp.P().Text("The link you opened was not used: "+o.Err+"."),
			goapp.Button().Type("button").Class("button secondary").Text("Close").OnClick(o.onDecline),
		)
	}
	if o.Offer == nil {
		return goapp.Text("")
	}
	sc := o.Offer.Scorecard
	text := fmt.Sprintf("This link shares the scorecard %s: %s, pass mark %s.", scoring.Clip(sc.Name), state.Plural(len(sc.Metrics), "metric"), sc.Pass.Fixed(sc.Decimals))
	if whatIf := o.Offer.WhatIf; len(whatIf) > 0 {
		var moves []string
		for _, k := range state.SortedKeys(whatIf) {
			moves = append(moves, scenarioWords(sc, k, whatIf[k]))
		}
		text += " It also moves the sliders to: " + strings.Join(moves, ", ") + "."
	}
	text += " Use it in place of your scorecard? Your data stays as it is."
	return goapp.Div().Class("notice").Attr("role", "status").DataSet("testid", "share-offer").Body(
		goapp.P().Text(text),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "share-accept").Disabled(!o.Live).
				Text("Use the shared scorecard").OnClick(o.onAccept),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "share-decline").Disabled(!o.Live).
				Text("Keep mine").OnClick(o.onDecline),
		),
	)
}

// scenarioWords says a shared slider value as the screen would: "Average
// handle time 5:00", "Attendance, late: 2". ReadShare checked key and value.
func scenarioWords(sc *scoring.Scorecard, key string, v scoring.Num) string {
	id, incident, isCount := strings.Cut(key, ".")
	m := sc.Metric(id)
	if isCount {
		return fmt.Sprintf("%s, %s: %s", m.Label, incident, v.Short(2))
	}
	return m.Label + " " + state.MetricValue(m, v)
}

func (o *ShareOffer) onAccept(ctx goapp.Context, e goapp.Event) {
	c := o.page
	c.do("using the shared scorecard", func() {
		offer := c.share.offer
		c.share.offer = nil
		if offer == nil {
			return
		}
		if !c.send("scorecard", state.ImportScorecard{Name: "The shared scorecard", JSON: offer.JSON}) {
			c.notice = c.errs["scorecard"]
			return
		}
		for _, k := range state.SortedKeys(offer.WhatIf) {
			c.send("whatif", state.SetWhatIf{Month: c.view.Month.String(), Metric: k, Value: offer.WhatIf[k]})
		}
		c.loaded = "Scorecard: " + c.view.Scorecard.Name + ", from the shared link."
	})
}

func (o *ShareOffer) onDecline(ctx goapp.Context, e goapp.Event) {
	c := o.page
	c.do("closing the shared link", func() {
		c.share.offer, c.share.offerErr = nil, ""
	})
}

// ShareCard makes and shows a link to the scorecard (and, if chosen,
// the what-if values), with its QR code.
type ShareCard struct {
	goapp.Compo

	Share shareState
	Live  bool

	page *Calculator // unexported: not compared; the page that holds what was made
}

// Render draws the card.
func (p *ShareCard) Render() goapp.UI { return components.SafeRender("sharing", p.render, nil) }

func (p *ShareCard) render() goapp.UI {
	return goapp.Div().Class("share").Body(
		goapp.H3().Text("Share the scorecard"),
		goapp.P().Text("A link that opens Passline with this scorecard. It never carries your data: the scorecard (and your what-if values, if you tick the box) travels inside the link itself, not through a server."),
		goapp.Label().Class("check").Body(
			goapp.Input().Type("checkbox").ID("share-whatif").DataSet("testid", "share-whatif").
				Checked(p.Share.withWhatIf).Disabled(!p.Live).OnChange(p.onShareWhatIf),
			goapp.Span().Text(" Also share my what-if values"),
		),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "share-make").Disabled(!p.Live).
				Text("Make a share link").OnClick(p.onMakeShare),
		),
		goapp.If(p.Share.link != "", goapp.Div().Class("share-link").Body(
			goapp.Label().For("share-link").Text("Share link"),
			goapp.Input().Type("text").ID("share-link").Class("text").DataSet("testid", "share-link").
				ReadOnly(true).Value(p.Share.link),
			goapp.Div().Class("actions").Body(
				goapp.Button().Type("button").Class("button").DataSet("testid", "share-copy").Text("Copy the link").OnClick(p.onCopyShare),
			),
			goapp.Figure().Class("qr-figure").Body(
				goapp.If(p.Share.qr != "", goapp.Raw(p.Share.qr)),
				goapp.FigCaption().Text("Scan with a phone's camera to open this scorecard."),
			),
		)),
		goapp.P().Attr("role", "status").DataSet("testid", "share-status").Text(p.Share.status),
	)
}

func (p *ShareCard) onShareWhatIf(ctx goapp.Context, e goapp.Event) {
	c := p.page
	c.do("choosing what to share", func() {
		c.share.withWhatIf = ctx.JSSrc().Get("checked").Bool()
		c.share.link, c.share.qr, c.share.status = "", "", ""
	})
}

func (p *ShareCard) onMakeShare(ctx goapp.Context, e goapp.Event) {
	c := p.page
	c.do("making a share link", func() {
		var whatIf map[string]scoring.Num
		if c.share.withWhatIf {
			whatIf = c.model.WhatIfs[c.view.Month.String()]
		}
		frag, err := state.ShareFragment(c.view.Scorecard, whatIf)
		if err != nil {
			c.share.status = err.Error()
			return
		}
		u := *ctx.Page().URL()
		u.RawQuery, u.Fragment = "", ""
		link := u.String() + "#" + frag
		qr, qrErr := state.QRCodeSVG(link, 3)
		c.share.link, c.share.qr = link, qr
		c.share.status = state.ShareStatus(len(link), len(whatIf) > 0, qrErr)
	})
}

func (p *ShareCard) onCopyShare(ctx goapp.Context, e goapp.Event) {
	c := p.page
	c.do("copying the link", func() {
		clip := goapp.Window().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			goapp.Window().GetElementByID("share-link").Call("select")
			c.share.status = "Selected: copy it with your device's copy command."
			return
		}
		clip.Call("writeText", c.share.link)
		c.share.status = "Copied to the clipboard."
	})
}
