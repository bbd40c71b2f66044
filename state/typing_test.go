package state

import (
	"errors"
	"passline/scoring"
	"testing"
)

// TestReadTypedWhatIf: what is typed on a phone, read; what cannot be
// meant, asked. Care and sales: AHT bands at 420 s and 480 s (minutes),
// CE bands at 80 % and 90 %.
func TestReadTypedWhatIf(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, text string
		want      string // the value read, or the question asked and its choices
	}{
		{"aht", "7:35", "455"},
		{"aht", "7 35", "455"}, // 7 × 60 + 35
		{"aht", "7m35", "455"},
		{"aht", "7m 35s", "455"},
		{"aht", "7 min 35 s", "455"},
		{"aht", "7 min", "420"},
		{"aht", "7m5", "425"}, // 7:05
		{"aht", "7 35,5", "455.5"},
		{"aht", "455", "455"},  // a bare number is seconds, as in a file
		{"aht", "7.5s", "7.5"}, // a unit written: no question
		{"aht", "7.5", "7.5 seconds? The bands are in minutes. | Did you mean 7:30? = 7:30 | 7.5 seconds = 7.5s"},
		{"aht", "7,5", "7.5 seconds? The bands are in minutes. | Did you mean 7:30? = 7:30 | 7.5 seconds = 7.5s"},
		{"aht", "7.35", "7.35 seconds? The bands are in minutes. | Did you mean 7:35? = 7:35 | Did you mean 7:21? = 7:21 | 7.35 seconds = 7.35s"}, // 7.35 min = 441 s = 7:21
		{"ce", "92,5", "92.5"},
		{"ce", "92,5 %", "92.5"},
		{"ce", "150", "150 %? A share cannot pass 100 %. | Did you mean 15 %? = 15% | 100 % = 100%"},
		{"ce", "0.92", "0.92 %? The bands start at 80 %. | Did you mean 92 %? = 92% | 0.92 % = 0.92%"},
		{"ce", "0.92%", "0.92"}, // written with its unit: meant
		{"attendance.late", "2", "2"},
	} {
		v, err := ReadTypedWhatIf(sc, tc.key, tc.text)
		got := v.String()
		var d *Doubt
		if errors.As(err, &d) {
			got = d.Question
			for _, c := range d.Choices {
				got += " | " + c.Label + " = " + c.Text
			}
		} else if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.key, tc.text, got, tc.want)
		}
	}
	// The slider itself is never doubted: it sets plain values.
	if v, err := ReadWhatIf(sc, "aht", "30"); err != nil || v.String() != "30" {
		t.Errorf("the slider at 30 s: %v, %v", v, err)
	}
}
