package scoring

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
)

//go:embed presets/*.json
var presetFiles embed.FS

// Preset is a built-in scorecard.
type Preset struct {
	ID          string // the name the command line and links use, e.g. "care-and-sales"
	Description string
	File        []byte // the scorecard file as shipped
}

// Presets lists the built-in scorecards (docs/SCORING.md describes them):
//   - care-and-sales: SPEC's example, 1 to 3, step bands, average quarters;
//   - tech-support: 1 to 5 with NPS, FCR, AHT, QA and attendance, pooled
//     fiscal quarters starting in April;
//   - retention-smooth: interpolated bands, a compliance gate, quarters
//     averaging the rounded monthly scores.
func Presets() []Preset {
	return []Preset{
		{"care-and-sales", "Care and sales, 1-2-3: the SPEC's example (offer rate, conversion, CE, AHT, attendance)", mustPreset("care-and-sales")},
		{"tech-support", "Technical support, 1 to 5: NPS, first contact resolution, AHT, QA points and attendance; pooled fiscal quarters from April", mustPreset("tech-support")},
		{"retention-smooth", "Retention desk: interpolated bands (fractional points), a compliance gate, quarters of rounded monthly scores", mustPreset("retention-smooth")},
	}
}

func mustPreset(id string) []byte {
	b, err := presetFiles.ReadFile("presets/" + id + ".json")
	if err != nil {
		panic(err)
	}
	return b
}

// LoadPreset returns a fresh copy of the built-in scorecard with that id.
func LoadPreset(id string) (*Scorecard, error) {
	var ids []string
	for _, p := range Presets() {
		if strings.EqualFold(p.ID, strings.TrimSpace(id)) {
			return ReadScorecard(bytes.NewReader(p.File))
		}
		ids = append(ids, p.ID)
	}
	return nil, fmt.Errorf("no built-in scorecard is called %s; the presets are %s", Clip(id), strings.Join(ids, ", "))
}
