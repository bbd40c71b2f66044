package state

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"rsc.io/qr"

	"passline/scoring"
)

// A share link carries a scorecard, and a scenario only if the user chose
// to, in the URL's fragment: the fragment never reaches a server. It is
// "share=" then the payload as JSON, deflated, in unpadded base64url.
const sharePrefix = "share="

// Limits on a share link: a fragment longer than MaxShareChars, or one
// that inflates to more than maxShareJSON bytes, is refused unread.
const (
	MaxShareChars = 16_000
	maxShareJSON  = 256 << 10
)

// Shared is what a share link carries.
type Shared struct {
	Scorecard *scoring.Scorecard
	JSON      string                 // the scorecard as the link wrote it
	WhatIf    map[string]scoring.Num // slider values by what-if key; empty unless chosen
}

type sharePayload struct {
	V         int               `json:"v"`
	Scorecard json.RawMessage   `json:"scorecard"`
	WhatIf    map[string]string `json:"what_if,omitempty"`
}

// ShareFragment makes the fragment (without "#") of a link carrying sc and,
// when whatIf is not empty, the scenario.
func ShareFragment(sc *scoring.Scorecard, whatIf map[string]scoring.Num) (string, error) {
	var card bytes.Buffer
	if err := scoring.WriteScorecard(&card, sc); err != nil {
		return "", err
	}
	var texts map[string]string // in the link, values are decimals in strings
	for k, v := range whatIf {
		texts = with(texts, k, v.String())
	}
	payload, err := json.Marshal(sharePayload{V: 1, Scorecard: bytes.TrimSpace(card.Bytes()), WhatIf: texts})
	if err != nil {
		return "", err
	}
	var packed bytes.Buffer
	w, _ := flate.NewWriter(&packed, flate.BestCompression)
	w.Write(payload)
	w.Close()
	frag := sharePrefix + base64.RawURLEncoding.EncodeToString(packed.Bytes())
	if len(frag) > MaxShareChars {
		return "", fmt.Errorf("this scorecard is too big for a link (%d characters, the most is %d): share its JSON file instead", len(frag), MaxShareChars)
	}
	return frag, nil
}

// IsShareFragment reports whether a URL fragment is a share link's.
func IsShareFragment(fragment string) bool { return strings.HasPrefix(fragment, sharePrefix) }

// errDamaged is the answer for a fragment that is not a payload.
var errDamaged = errors.New("this share link is damaged or cut short (links are sometimes cut when copied): ask for the link again")

// ReadShare reads a share link's fragment (without "#"). The scorecard must
// pass the engine's checks and the scenario must only name its metrics.
func ReadShare(fragment string) (Shared, error) {
	if !IsShareFragment(fragment) {
		return Shared{}, errors.New("this link carries no scorecard")
	}
	if len(fragment) > MaxShareChars {
		return Shared{}, fmt.Errorf("this share link is %d characters long, more than the %d a link may have: ask for the scorecard's JSON file instead", len(fragment), MaxShareChars)
	}
	packed, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(fragment, sharePrefix))
	if err != nil {
		return Shared{}, errDamaged
	}
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(packed)), maxShareJSON+1))
	if err != nil {
		return Shared{}, errDamaged
	}
	if len(raw) > maxShareJSON {
		return Shared{}, fmt.Errorf("this share link unpacks to more than %d KB: it is not a Passline scorecard", maxShareJSON>>10)
	}
	var p sharePayload
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Shared{}, errDamaged
	}
	if p.V != 1 {
		return Shared{}, fmt.Errorf("this share link was made by another version of Passline (format %d, this one reads 1): update the app, or ask for the scorecard's JSON file", p.V)
	}
	sc, err := scoring.ParseScorecard(p.Scorecard)
	if err != nil {
		return Shared{}, fmt.Errorf("the scorecard in this link was refused: %w", err)
	}
	keys := whatIfKeys(sc)
	var whatIf map[string]scoring.Num
	for _, k := range SortedKeys(p.WhatIf) {
		if !keys[k] {
			return Shared{}, fmt.Errorf("the scenario in this link moves %s, which its scorecard does not have", scoring.Clip(k))
		}
		v, err := WhatIfValue(sc, k, p.WhatIf[k])
		if err != nil {
			return Shared{}, fmt.Errorf("the scenario in this link cannot be used: %v", err)
		}
		whatIf = with(whatIf, k, v)
	}
	return Shared{Scorecard: sc, JSON: string(p.Scorecard), WhatIf: whatIf}, nil
}

// whatIfKeys lists what a scenario may move: the metric ids and, for
// deduct metrics, each kind of incident ("attendance.late").
func whatIfKeys(sc *scoring.Scorecard) map[string]bool {
	keys := map[string]bool{}
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		keys[m.ID] = true
		for _, p := range m.Source.Penalties {
			keys[IncidentKey(m, p.Column)] = true
		}
	}
	return keys
}

func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// QRCodeSVG draws text as a QR code (error correction level L, a quiet zone
// of four modules) in an SVG of module pixels per module, so that every
// module is whole pixels wide; dark on white whatever the page's colours,
// as scanners need.
func QRCodeSVG(text string, module int) (string, error) {
	code, err := qr.Encode(text, qr.L)
	if err != nil {
		return "", fmt.Errorf("the link is too long for a QR code: %w", err)
	}
	n := code.Size + 8
	size := n * module
	var path strings.Builder
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if code.Black(x, y) {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x+4, y+4)
			}
		}
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="QR code of the share link"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		size, size, n, n, n, n, path.String()), nil
}

// ShareStatus says what making a share link did: its length, whether it
// carries what-ifs, and why it has no QR code (issue 25: that reason was
// written over by "Link made").
func ShareStatus(chars int, withWhatIf bool, qrErr error) string {
	s := "Link made: " + Plural(chars, "character") + "."
	if qrErr != nil {
		s += " " + Capitalize(qrErr.Error()) + "; copy the link instead."
	}
	if withWhatIf {
		s += " It carries your what-if values as they are now: make it again after moving a slider."
	}
	return s
}
