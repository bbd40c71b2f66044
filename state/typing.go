package state

import (
	"fmt"
	"regexp"
	"strings"

	"passline/scoring"
)

// Numbers as people type them on a phone. A data file follows SPEC
// section 3 to the letter; what is typed in the app is read more kindly:
// a decimal comma anywhere, a handle time with a space or an "m" for the
// colon a phone's number keypad lacks. And a typed value that cannot be
// meant is asked about before it is scored (Doubt).

var (
	decimalComma = regexp.MustCompile(`^([+-]?\d+),(\d+)(\s*%?)$`)
	// "7 35", "7m35", "7m 35s", "7 min 35 sec", "7min": minutes, then seconds.
	minutesSeconds = regexp.MustCompile(`^(\d+)\s*(?:m|min|mins|minutes?)?\s+(\d{1,2}(?:[.,]\d+)?)\s*(?:s|sec|secs|seconds?)?$|^(\d+)\s*(?:m|min|mins|minutes?)\s*(\d{1,2}(?:[.,]\d+)?)?\s*(?:s|sec|secs|seconds?)?$`)
)

// typedText turns what was typed into the form ReadValue reads: "92,5"
// is 92.5, and for a duration "7 35", "7m35" and "7 min" are 7:35 and
// 7:00.
func typedText(u scoring.Unit, text string) string {
	text = strings.TrimSpace(text)
	if m := decimalComma.FindStringSubmatch(text); m != nil {
		text = m[1] + "." + m[2] + m[3]
	}
	if u != scoring.Seconds {
		return text
	}
	m := minutesSeconds.FindStringSubmatch(strings.ToLower(text))
	if m == nil {
		return text
	}
	min, sec := m[1], m[2]
	if min == "" {
		min, sec = m[3], m[4]
	}
	if sec == "" {
		sec = "0"
	}
	sec = strings.Replace(sec, ",", ".", 1)
	if i := strings.IndexByte(sec, '.'); i == 1 || i < 0 && len(sec) == 1 {
		sec = "0" + sec // 7:05, not 7:5
	}
	return min + ":" + sec
}

var thousands = regexp.MustCompile(`^\d{1,3}([, ]\d{3})+$`)

// typedCount reads a count as people type it: "1,520" and "1 520" are
// 1520 (a count has no decimals to mean), "16,5" is 16.5.
func typedCount(text string) string {
	text = strings.TrimSpace(text)
	if thousands.MatchString(text) {
		return strings.NewReplacer(",", "", " ", "").Replace(text)
	}
	return typedText(scoring.Number, text)
}

// Doubt is a typed value that cannot be meant as it stands: the question
// to ask, and the readings to choose from, each as text that reads
// without a doubt.
type Doubt struct {
	Question string
	Choices  []Choice
}

// Choice is one reading of a doubtful value: its words, and the text that
// gives it.
type Choice struct{ Label, Text string }

func (d *Doubt) Error() string { return d.Question }

// doubt asks about a value typed for m with no unit written, when the
// metric's bands say it cannot be meant: a handle time under a minute
// where the bands are in minutes (7.5 is 7:30, not 7.5 seconds), a share
// over 100 %, or one under 1 % where the bands start at 10 % (0.92 was
// meant as 92 %).
func doubt(m *scoring.Metric, text string, v scoring.Num) *Doubt {
	if strings.ContainsAny(text, ":%smSM") || len(m.Bands) == 0 {
		return nil // a unit written says what was meant
	}
	least := m.Bands[0].At
	for _, b := range m.Bands {
		least = scoring.Min(least, b.At)
	}
	n := scoring.N
	switch m.Unit {
	case scoring.Seconds:
		if !v.Less(n(60)) || least.Less(n(60)) || v.Sign() <= 0 {
			return nil
		}
		d := &Doubt{Question: fmt.Sprintf("%s seconds? The bands are in minutes.", v.Short(4))}
		whole := v.Floor(0)
		if frac := strings.SplitN(v.String(), ".", 2); len(frac) == 2 && len(frac[1]) == 2 && frac[1] < "60" {
			d.Choices = append(d.Choices, Choice{"Did you mean " + frac[0] + ":" + frac[1] + "?", frac[0] + ":" + frac[1]})
		}
		secs := v.Mul(n(60))
		if secs.Sub(whole.Mul(n(60))).IsInt() { // 7.5 minutes is 7:30, a whole second
			d.Choices = append(d.Choices, Choice{"Did you mean " + FormatValue(scoring.Seconds, secs) + "?", FormatValue(scoring.Seconds, secs)})
		}
		d.Choices = append(d.Choices, Choice{v.Short(4) + " seconds", v.Short(4) + "s"})
		return d
	case scoring.Percent:
		switch {
		case n(100).Less(v):
			d := &Doubt{Question: fmt.Sprintf("%s %%? A share cannot pass 100 %%.", v.Short(4))}
			if tenth := v.Div(n(10)); !n(100).Less(tenth) {
				d.Choices = append(d.Choices, Choice{"Did you mean " + tenth.Short(4) + " %?", tenth.Short(4) + "%"})
			}
			d.Choices = append(d.Choices, Choice{"100 %", "100%"})
			return d
		case v.Sign() > 0 && !n(1).Less(v) && !least.Less(n(10)):
			whole := v.Mul(n(100))
			return &Doubt{Question: fmt.Sprintf("%s %%? The bands start at %s %%.", v.Short(4), least.Short(2)),
				Choices: []Choice{{"Did you mean " + whole.Short(4) + " %?", whole.Short(4) + "%"}, {v.Short(4) + " %", v.Short(4) + "%"}}}
		}
	}
	return nil
}
