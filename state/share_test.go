package state

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"rsc.io/qr"

	"passline/scoring"
)

func qrSize(t *testing.T, text string) int {
	code, err := qr.Encode(text, qr.L)
	if err != nil {
		t.Fatal(err)
	}
	return code.Size
}

func TestShareRoundTrip(t *testing.T) {
	for _, p := range scoring.Presets() {
		id := p.ID
		sc, err := scoring.LoadPreset(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, whatIf := range []map[string]scoring.Num{nil, {sc.Metrics[0].ID: scoring.MustNum("92.5")}} {
			frag, err := ShareFragment(sc, whatIf)
			if err != nil {
				t.Fatal(err)
			}
			if len(frag) > 2000 {
				t.Errorf("%s: the link's fragment is %d characters: too long for a QR code a phone reads easily", id, len(frag))
			}
			got, err := ReadShare(frag)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			var want, have bytes.Buffer
			scoring.WriteScorecard(&want, sc)
			scoring.WriteScorecard(&have, got.Scorecard)
			if want.String() != have.String() {
				t.Errorf("%s: the scorecard changed on the way", id)
			}
			if len(got.WhatIf) != len(whatIf) || (whatIf != nil && got.WhatIf[sc.Metrics[0].ID].String() != "92.5") {
				t.Errorf("%s: scenario %v, want %v", id, got.WhatIf, whatIf)
			}
		}
	}
}

// pack makes a fragment of any payload text.
func pack(payload string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write([]byte(payload))
	w.Close()
	return sharePrefix + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

func TestReadShareRefuses(t *testing.T) {
	sc, _ := scoring.LoadPreset(DefaultPreset)
	var card bytes.Buffer
	scoring.WriteScorecard(&card, sc)
	good := strings.TrimSpace(card.String())
	for _, tt := range []struct {
		name, fragment, want string
	}{
		{"no share", "top", "this link carries no scorecard"},
		{"not base64", "share=***", "this share link is damaged or cut short"},
		{"cut short", pack(`{"v":1,"scorecard":` + good + `}`)[:60], "this share link is damaged or cut short"},
		{"not JSON", pack("hello"), "this share link is damaged or cut short"},
		{"unknown field", pack(`{"v":1,"scorecard":` + good + `,"data":"month,agent"}`), "this share link is damaged or cut short"},
		{"another version", pack(`{"v":2,"scorecard":` + good + `}`), "made by another version of Passline (format 2"},
		{"refused scorecard", pack(`{"v":1,"scorecard":{"version":1}}`), "the scorecard in this link was refused"},
		{"unknown metric", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"bonus":"3"}}`), `moves "bonus", which its scorecard does not have`},
		{"not a number", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"ce":"lots"}}`), `cannot be used: Customer experience: "lots" is not a plain decimal number`},
		// Issue 11: what a slider or input would refuse, a link cannot set.
		{"CE below 0", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"ce":"-50"}}`), "cannot be used: Customer experience: -50 % is not a value from 0 to 1000"},
		{"AHT below 0", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"aht":"-300"}}`), "cannot be used: Average handle time: -5:00 is not a value from 0 to 86400"},
		{"late below 0", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"attendance.late":"-3"}}`), "late: -3 is not a whole number from 0 to 100000"},
		{"half an absence", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"attendance.absent":"0.5"}}`), "absent: 0.5 is not a whole number from 0 to 100000"},
		{"250,000 digits", pack(`{"v":1,"scorecard":` + good + `,"what_if":{"aht":"` + strings.Repeat("4", 250000) + `"}}`), "has 250000 digits, more than the 30 a number may have"},
		{"too long", sharePrefix + strings.Repeat("A", MaxShareChars), "more than the 16000 a link may have"},
		{"inflates too far", pack(`{"v":1,"scorecard":"` + strings.Repeat(" ", maxShareJSON) + `"}`), "unpacks to more than 256 KB"},
	} {
		_, err := ReadShare(tt.fragment)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzReadShare(f *testing.F) {
	sc, _ := scoring.LoadPreset(DefaultPreset)
	good, _ := ShareFragment(sc, map[string]scoring.Num{"ce": scoring.MustNum("91"), "attendance.late": scoring.N(2)})
	f.Add(good)
	f.Add("share=")
	f.Add(pack(`{"v":1,"scorecard":{}}`))
	f.Fuzz(func(t *testing.T, fragment string) {
		got, err := ReadShare(fragment)
		if err != nil {
			return
		}
		// What was read writes a link that reads the same.
		again, err := ShareFragment(got.Scorecard, got.WhatIf)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ReadShare(again)
		if err != nil {
			t.Fatalf("a link made from a read link is refused: %v", err)
		}
		if back.JSON != got.JSON && len(got.JSON) > 0 {
			var a, b bytes.Buffer
			scoring.WriteScorecard(&a, got.Scorecard)
			scoring.WriteScorecard(&b, back.Scorecard)
			if a.String() != b.String() {
				t.Fatal("the scorecard changed on a second trip")
			}
		}
	})
}

func TestQRCodeSVG(t *testing.T) {
	sc, _ := scoring.LoadPreset("tech-support")
	frag, _ := ShareFragment(sc, nil)
	svg, err := QRCodeSVG("http://127.0.0.1:8000/#"+frag, 3)
	if err != nil {
		t.Fatal(err)
	}
	n := qrSize(t, "http://127.0.0.1:8000/#"+frag) + 8 // the quiet zone: 4 modules each side
	for _, want := range []string{fmt.Sprintf(`width="%d"`, 3*n), fmt.Sprintf(`viewBox="0 0 %d %d"`, n, n), `role="img"`, `aria-label="QR code of the share link"`, `fill="#fff"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %s", want)
		}
	}
	if _, err := QRCodeSVG(strings.Repeat("x", 4000), 3); err == nil || !strings.Contains(err.Error(), "too long for a QR code") {
		t.Errorf("a 4000-character link: %v", err)
	}
}

// TestShareStatusKeepsQRReason (issue 25): a link too long for a QR code
// says so after "Link made", never overwritten.
func TestShareStatusKeepsQRReason(t *testing.T) {
	_, err := QRCodeSVG(strings.Repeat("x", 4000), 3)
	got := ShareStatus(4000, false, err)
	if !strings.HasPrefix(got, "Link made: 4000 characters.") || !strings.Contains(got, "too long for a QR code") || !strings.HasSuffix(got, "copy the link instead.") {
		t.Errorf("got %q", got)
	}
}
