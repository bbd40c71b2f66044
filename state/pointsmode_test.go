package state

import (
	"strings"
	"testing"

	"passline/scoring"
)

// specOctober is SPEC section 3's story of October.
const specOctober = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"

// TestPointsModeLines (issue 24): a metric given in points has its pass
// line in points, with the value that earns them; never "2.75 %".
func TestPointsModeLines(t *testing.T) {
	pts := func(s string) *scoring.Num { n := scoring.MustNum(s); return &n }
	base := updated(t, NewModel(), SetData{Text: specOctober}, ShowPoints{On: true})
	for _, tc := range []struct {
		name   string
		given  map[string]string
		metric string
		want   string
	}{
		// Others from the data: offer 1 × 20 % + conversion 1 × 20 % + AHT 2 × 10 % +
		// attendance 2.5 × 10 % = 0.85; CE needs (1.95 − 0.85) × 100 / 40 = 2.75 points,
		// so its next level, 3: 90 % or more. The month: 0.85 + 0.8 = 1.65 → 1.7, fail.
		{"CE given 2", map[string]string{"ce": "2"}, "ce", "Customer experience needs 3" + NBSP + "points for the month to pass: 90" + NBSP + "% or more."},
		// CE 3 (1.2) + 0.2 + 0.2 + attendance 1.5 (0.15) = 1.75; AHT needs (1.95 − 1.75) ×
		// 100 / 10 = 2 points: 8:00 or less (its band at 480 s).
		{"AHT given 1", map[string]string{"ce": "3", "aht": "1", "attendance": "1.5"}, "aht", "Average handle time needs 2" + NBSP + "points for the month to pass: 8:00 or less."},
		// 1.2 + 0.2 + 0.2 + AHT 1 (0.1) = 1.7; attendance needs (1.95 − 1.7) × 10 = 2.5
		// points, a level of its half-point deductions; its value is its points.
		{"attendance given 1.5", map[string]string{"ce": "3", "aht": "1", "attendance": "1.5"}, "attendance", "Attendance needs 2.5" + NBSP + "points for the month to pass."},
		// CE 3 with the data's others: 2.05 → 2.1, a pass; CE still needs 2.75, so 3.
		{"CE given 3, passing", map[string]string{"ce": "3"}, "ce", "Customer experience can fall to 3" + NBSP + "points (90" + NBSP + "% or more) and you still pass."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := base
			for id, p := range tc.given {
				m = updated(t, m, SetPoints{Month: "2026-10", Metric: id, Points: pts(p)})
			}
			v, err := Derive(m)
			if err != nil {
				t.Fatal(err)
			}
			got := v.LineFor(v.Scorecard.Index(tc.metric))
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if strings.Contains(got, "2.75") {
				t.Errorf("the points needed leak as a value: %q", got)
			}
		})
	}
}

// TestGivenQuarterLine: on the quarter's last month to come, a metric given
// in points has its quarter line in points. October 2.05 and November 1.7
// (SPEC section 5): December needs 3 × 1.95 − 2.05 − 1.7 = 2.1 exactly. With
// December as the data's November (offer 0.2, conversion 0.2, AHT 0.2,
// attendance 3 × 0.1 = 0.3: 0.9 without CE), CE given 1 needs (2.1 − 0.9) × 100
// / 40 = 3 points: 90 % or more.
func TestGivenQuarterLine(t *testing.T) {
	data := specOctober + "2026-11,Jo,500,50,0,20,17,455,0,0\n"
	one := scoring.N(1)
	m := updated(t, NewModel(), SetData{Text: data}, ChooseMonth{Month: NextMonth}, ShowPoints{On: true},
		SetPoints{Month: "2026-12", Metric: "ce", Points: &one})
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	want := "To pass the quarter, December's Customer experience needs 3" + NBSP + "points: 90" + NBSP + "% or more."
	if got := v.QuarterLineFor(v.Scorecard.Index("ce")); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
