package main

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"passline/state"
)

// TestShareLink: a link made in one browser, opened in a fresh profile,
// asks first, then loads the same scorecard and scenario; its QR code, as
// the screen draws it, reads back as the link.
func TestShareLink(t *testing.T) {
	needAxe(t)
	a := newSession(t, 360, 740, nil)
	a.open("/")
	a.choose(`[data-testid="preset"]`, "tech-support")
	a.waitText("scorecard-name", "Technical support, 1 to 5")
	a.setRange("aht", "300")
	a.run(chromedp.Click(`[data-testid="share-whatif"]`), chromedp.Click(`[data-testid="share-make"]`),
		chromedp.WaitVisible(`[data-testid="share-link"]`))
	var link string
	a.run(chromedp.Value(`[data-testid="share-link"]`, &link))
	if !strings.HasPrefix(link, a.url+"#share=") {
		t.Fatalf("the link %q does not start with %q", link, a.url+"#share=")
	}
	shared, err := state.ReadShare(link[strings.Index(link, "#")+1:])
	if err != nil || len(shared.WhatIf) != 1 || shared.WhatIf["aht"].String() != "300" {
		t.Errorf("the link carries the scenario %v (%v), want only aht 300: never the data", shared.WhatIf, err)
	}
	var shot []byte
	a.run(chromedp.ScrollIntoView(`svg.qr`), chromedp.Screenshot(`svg.qr`, &shot))
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code on screen does not read: %v", err)
	}
	if res.GetText() != link {
		t.Errorf("the QR code reads %q, want the link %q", res.GetText(), link)
	}
	a.noSidewaysScroll()
	a.screenshot("share-360x740")

	// A fresh profile: it asks before replacing its scorecard.
	b := newSession(t, 360, 740, nil)
	b.run(chromedp.Navigate(link), chromedp.WaitVisible(liveSelector), chromedp.WaitVisible(`[data-testid="share-accept"]`))
	b.waitText("scorecard-name", "Care and sales, 1-2-3")
	var href string
	b.run(chromedp.Evaluate(`location.href`, &href))
	if strings.Contains(href, "#") {
		t.Errorf("the address keeps the fragment after opening: %s", href)
	}
	b.screenshot("share-offer-360x740")
	b.axe("share offer")
	b.run(chromedp.Click(`[data-testid="share-accept"]`))
	b.waitText("scorecard-name", "Technical support, 1 to 5")
	var aht string
	b.run(chromedp.Value(`input.exact[data-metric="aht"]`, &aht))
	if aht != "5:00" {
		t.Errorf("the shared scenario's AHT shows %q, want 5:00", aht)
	}

	// Declined, nothing changes; a damaged link says so.
	c := newSession(t, 360, 740, nil)
	c.run(chromedp.Navigate(link), chromedp.WaitVisible(liveSelector), chromedp.Click(`[data-testid="share-decline"]`))
	c.waitText("scorecard-name", "Care and sales, 1-2-3")
	c.run(chromedp.Navigate(link[:len(link)-40]), chromedp.WaitVisible(liveSelector), chromedp.WaitVisible(`[data-testid="share-offer"]`))
	if got := c.text("share-offer"); !strings.Contains(got, "damaged or cut short") {
		t.Errorf("a cut link says %q", got)
	}
	c.waitText("scorecard-name", "Care and sales, 1-2-3")
}
