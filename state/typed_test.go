package state

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"passline/csv"
	"passline/scoring"
)

// TestTypedMonthsStory: SPEC's October and November typed by hand, with
// no file, give November 1.7 FAIL and December needs 2.100 (SPEC section
// 5: 3 × 1.95 − 2.05 − 1.7 = 2.1); the results file is the command line's
// for the same months as a CSV (the golden file, agent Jo), for "Me".
func TestTypedMonthsStory(t *testing.T) {
	m := NewModel()
	send := func(msg Msg) { t.Helper(); m = updated(t, m, msg) }
	count := func(mo, col, n string) Msg { return SetTypedCount{Month: mo, Column: col, Value: num(n)} }
	value := func(mo, id, v string) Msg { return SetTypedValue{Month: mo, Metric: id, Value: num(v)} }
	send(AddMonth{Month: "2026-10"})
	if m.Data != "" || m.Agent != Me || m.Month != "2026-10" {
		t.Fatalf("the example was not put away: data %q, agent %q, month %q", m.Data, m.Agent, m.Month)
	}
	// October: 520 calls, 60 offers, 0 sales, 25 surveys, 23 satisfied, AHT 7:35, 1 late.
	for _, msg := range []Msg{count("2026-10", "calls", "520"), count("2026-10", "offers", "60"), count("2026-10", "sales", "0"),
		count("2026-10", "surveys", "25"), count("2026-10", "satisfied", "23"), value("2026-10", "aht", "455"), count("2026-10", "late", "1")} {
		send(msg)
	}
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	if v.Result.Month.Exact.String() != "2.05" || v.Result.Month.Score.String() != "2.1" {
		t.Fatalf("October typed: %s → %s", v.Result.Month.Exact, v.Result.Month.Score)
	}
	// November: 500 calls, 50 offers, 0 sales, 20 surveys, 17 satisfied, AHT 455 s, no late.
	send(AddMonth{Agent: Me, Month: "2026-11"})
	for _, msg := range []Msg{count("2026-11", "calls", "500"), count("2026-11", "offers", "50"), count("2026-11", "sales", "0"),
		count("2026-11", "surveys", "20"), count("2026-11", "satisfied", "17"), value("2026-11", "aht", "455"), count("2026-11", "late", "0")} {
		send(msg)
	}
	v, _ = Derive(m)
	if v.Month.String() != "2026-11" || v.Result.Month.Score.String() != "1.7" || v.Result.Month.Pass {
		t.Errorf("November typed: %s %s pass %v", v.Month, v.Result.Month.Score, v.Result.Month.Pass)
	}
	if got := v.Quarter.Need.Text(1); got != "2.100" {
		t.Errorf("December needs %s, want 2.100", got)
	}
	var out bytes.Buffer
	if err := csv.WriteResults(&out, v.Scorecard, v.Scorecard.ScoreData(v.Data)); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("../testdata/golden/spec-quarter-need/want.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(strings.SplitN(strings.SplitN(string(golden), "--- stdout\n", 2)[1], "--- stderr", 2)[0], "Jo,", "Me,")
	if out.String() != want {
		t.Errorf("results file:\n%s\nwant:\n%s", out.String(), want)
	}
	// Saved and restored, the typed months are there.
	s := newMapStorage()
	sv := Saver{S: s}
	if err := sv.Save(m); err != nil {
		t.Fatal(err)
	}
	back, r := Restore(s)
	if r.Notice != "" || len(back.Typed) != 2 {
		t.Fatalf("restored %d typed months (%q)", len(back.Typed), r.Notice)
	}
	// Removed, a month is gone; removing the last brings the example back.
	send(RemoveMonth{Agent: Me, Month: "2026-11"})
	send(RemoveMonth{Agent: Me, Month: "2026-10"})
	if m.Typed != nil || m.Data != DefaultData {
		t.Errorf("after removing both: typed %v, data %q", m.Typed, m.Data)
	}
}

// TestTypedMonthRefusals: a month typed twice, or one the data has.
func TestTypedMonthRefusals(t *testing.T) {
	m, _, _ := Update(NewModel(), SetData{Text: octNov})
	for _, tc := range []struct {
		msg  Msg
		want string
	}{
		{AddMonth{Agent: "Jo", Month: "2026-11"}, "November 2026 is in your data already: move its sliders for a what-if"},
		{AddMonth{Agent: "Jo", Month: "2026-13"}, `"2026-13" is not a month: write it as 2026-10`},
		{SetTypedValue{Agent: "Jo", Month: "2026-12", Metric: "ce", Value: num("90")}, `"2026-12" is not a month typed by hand`},
	} {
		if _, _, err := Update(m, tc.msg); err == nil || err.Error() != tc.want {
			t.Errorf("%#v: %v, want %q", tc.msg, err, tc.want)
		}
	}
	m, _, err := Update(m, AddMonth{Agent: "Jo", Month: "2026-12"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Update(m, AddMonth{Agent: "Jo", Month: "2026-12"}); err == nil || err.Error() != "December 2026 is typed already: change its values below" {
		t.Errorf("twice: %v", err)
	}
	v, _ := Derive(m)
	if v.Month.String() != "2026-12" || v.Result.Month.Status != scoring.Incomplete || len(v.Agent.Months) != 3 {
		t.Errorf("a new typed month: %s %s, %d months", v.Month, v.Result.Month.Status, len(v.Agent.Months))
	}
}

func TestReadTyped(t *testing.T) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	for _, tc := range []struct {
		id, text, want string
	}{
		{"ce", "92,5", "92.5"},
		{"aht", "7 35", "455"},
		{"attendance", "2,5", "2.5"}, // a deduct metric's value is its points
		{"attendance", "4", "Attendance: 4 points is off the scale: write from 1 to 3"},
		{"ce", "150", "150 %? A share cannot pass 100 %."}, // asked, as a what-if typed is
		{"ce", "150%", "150"}, // with its unit: meant
		{"ce", "", "none"},
	} {
		v, err := ReadTypedValue(sc, tc.id, tc.text)
		got := "none"
		if err != nil {
			got = err.Error()
		} else if v != nil {
			got = v.String()
		}
		if got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.id, tc.text, got, tc.want)
		}
	}
}

// TestTypedCount: counts as people type them.
func TestTypedCount(t *testing.T) {
	for in, want := range map[string]string{"1,520": "1520", "1 520": "1520", "1,520,000": "1520000", "16,5": "16.5", "25": "25", "1,52": "1.52"} {
		n, err := ReadTypedCount("calls", in)
		if err != nil || n.String() != want {
			t.Errorf("%q: %v %v, want %s", in, n, err, want)
		}
	}
}

// FuzzTypedWhatIf: anything typed in an exact input reads without a panic;
// a value read passes the what-if check, and each answer to a doubt reads
// without another doubt.
func FuzzTypedWhatIf(f *testing.F) {
	for _, s := range []string{"7:35", "7 35", "7m35", "7.5", "7,35", "150", "0.92", "92,5 %", "1,520", "-3"} {
		f.Add("aht", s)
		f.Add("ce", s)
		f.Add("attendance.late", s)
	}
	sc, _ := scoring.LoadPreset("care-and-sales")
	f.Fuzz(func(t *testing.T, key, text string) {
		v, err := ReadTypedWhatIf(sc, key, text)
		var d *Doubt
		switch {
		case errors.As(err, &d):
			for _, c := range d.Choices {
				if _, err := ReadTypedWhatIf(sc, key, c.Text); errors.As(err, new(*Doubt)) {
					t.Fatalf("%q: the answer %q is doubted again", text, c.Text)
				}
			}
		case err == nil:
			if err := CheckWhatIf(sc, key, v); err != nil {
				t.Fatalf("%q read as %s, which the check refuses: %v", text, v, err)
			}
		}
	})
}

// TestTypedCountThousandsDot (issue 25): "1.520" calls typed is asked
// about (1,520 or 1.52?), never read as 1.52 without a word; each answer
// reads without a doubt.
func TestTypedCountThousandsDot(t *testing.T) {
	_, err := ReadTypedCount("calls", "1.520")
	var d *Doubt
	if !errors.As(err, &d) || d.Question != "1.520 calls: 1,520 or 1.52?" || len(d.Choices) != 2 {
		t.Fatalf("1.520: %v", err)
	}
	for _, c := range d.Choices {
		n, err := ReadTypedCount("calls", c.Text)
		if err != nil || n == nil {
			t.Errorf("%q: %v", c.Text, err)
		}
	}
	if _, err := ReadTypedCount("calls", "1.000"); !errors.As(err, &d) || d.Choices[1].Text != "1" {
		t.Errorf("1.000: %v", err)
	}
	for _, text := range []string{"1.52", "520", "1,520", "0.520", "12.5"} {
		if _, err := ReadTypedCount("calls", text); err != nil {
			t.Errorf("%q asked: %v", text, err)
		}
	}
}

// TestTypedShareOverHundred (issue 25): 600 offers typed on 520 calls make
// an offer rate of 600 / 520 = 115.38 %, which no share can be: asked
// about, as a share typed over 100 % is; either count typed second asks,
// keeping reads it as typed, and a count within its share is not asked.
func TestTypedShareOverHundred(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	month := TypedMonth{Month: "2026-11", Counts: map[string]scoring.Num{"calls": scoring.N(520)}}
	_, err = ReadTypedCountIn(sc, month, "offers", "600")
	var d *Doubt
	want := "600 offers on 520 calls makes Offer rate 115.38\u00a0%, and a share cannot pass 100\u00a0%. Keep 600 offers?"
	if !errors.As(err, &d) || d.Question != want || len(d.Choices) != 2 {
		t.Fatalf("600 offers: %v, want %q", err, want)
	}
	if n, err := ReadTypedCountIn(sc, month, "offers", d.Choices[0].Text); err != nil || n == nil || n.String() != "600" {
		t.Errorf("kept: %v, %v", n, err)
	}
	if n, err := ReadTypedCountIn(sc, month, "offers", d.Choices[1].Text); err != nil || n != nil {
		t.Errorf("cleared: %v, %v", n, err)
	}
	// The calls typed after the offers: 60 offers on 50 calls.
	offers := TypedMonth{Month: "2026-11", Counts: map[string]scoring.Num{"offers": scoring.N(60)}}
	if _, err := ReadTypedCountIn(sc, offers, "calls", "50"); !errors.As(err, &d) {
		t.Errorf("50 calls under 60 offers: %v", err)
	}
	for _, tc := range []struct{ col, text string }{{"offers", "520"}, {"offers", "60"}, {"satisfied", "600"}} {
		if _, err := ReadTypedCountIn(sc, month, tc.col, tc.text); err != nil {
			t.Errorf("%s %s: %v", tc.text, tc.col, err)
		}
	}
}
