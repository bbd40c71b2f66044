package state

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"passline/scoring"
)

// CheckWhatIf says why v cannot be the what-if value of key (a metric id,
// or an incident count's key such as "attendance.late"), or returns nil:
// it is the one check of what the slider or the exact input would take.
// Every way a what-if arrives goes through it: a slider, a typed value, a
// share link, saved state; and the view applies nothing else.
func CheckWhatIf(sc *scoring.Scorecard, key string, v scoring.Num) error {
	m, column, isCount, err := sliderOf(sc, key)
	if err != nil {
		return err
	}
	if isCount {
		if err := scoring.CheckCount(v); err != nil {
			return fmt.Errorf("%s, %s: %s is not %v", m.Label, column, v.Short(2), err)
		}
		return nil
	}
	if err := sc.CheckValue(m, v); err != nil {
		return fmt.Errorf("%s: %s is not %v", m.Label, MetricValue(m, v), err)
	}
	return nil
}

// ReadWhatIf reads a what-if for key as a slider sets it: a count of
// incidents for an incident key, else a value in the metric's unit
// (ReadValue: "92", "92%", "7:35"). It is read once, here, then checked as
// CheckWhatIf does.
func ReadWhatIf(sc *scoring.Scorecard, key, text string) (scoring.Num, error) {
	return readWhatIf(sc, key, text, false)
}

// ReadTypedWhatIf reads a what-if typed in a slider's exact input, as
// people type on a phone (typedText: "92,5", "7 35", "7m35"). A value
// that cannot be meant as it stands is not used: the error is a *Doubt,
// with the readings to choose from.
func ReadTypedWhatIf(sc *scoring.Scorecard, key, text string) (scoring.Num, error) {
	return readWhatIf(sc, key, text, true)
}

func readWhatIf(sc *scoring.Scorecard, key, text string, typed bool) (scoring.Num, error) {
	m, incident, isCount, err := sliderOf(sc, key)
	if err != nil {
		return scoring.Num{}, err
	}
	if typed {
		text = typedText(m.Unit, text)
	}
	var v scoring.Num
	if isCount {
		var n scoring.CountCell
		if err := n.UnmarshalCSV(typedCount(text)); err != nil || n.Blank {
			return scoring.Num{}, fmt.Errorf("%s, %s: %s is not a count: write a whole number such as 1", m.Label, incident, scoring.Clip(text))
		}
		v = n.Value
	} else {
		if v, err = ReadValue(m.Unit, text); err != nil {
			return scoring.Num{}, fmt.Errorf("%s: %s is not %s", m.Label, scoring.Clip(text), err)
		}
		if d := doubt(m, text, v); typed && d != nil {
			return scoring.Num{}, d
		}
	}
	return v, CheckWhatIf(sc, key, v)
}

// WhatIfValue reads a what-if value that arrives as a plain decimal (in a
// share link) and checks it as CheckWhatIf does.
func WhatIfValue(sc *scoring.Scorecard, key, text string) (scoring.Num, error) {
	v, err := scoring.ParseNum(text)
	if err != nil {
		label := key
		if m := sc.Metric(strings.SplitN(key, ".", 2)[0]); m != nil {
			label = m.Label
		}
		return scoring.Num{}, fmt.Errorf("%s: %v", label, err)
	}
	return v, CheckWhatIf(sc, key, v)
}

// sliderOf is the metric of a what-if key: "ce", or "attendance.late" for
// a count of one of its incidents (isCount, and column "late").
func sliderOf(sc *scoring.Scorecard, key string) (m *scoring.Metric, column string, isCount bool, err error) {
	id, column, isCount := strings.Cut(key, ".")
	if m = sc.Metric(id); m == nil || (isCount && !hasPenalty(m, column)) {
		return nil, "", false, fmt.Errorf("the scorecard has no slider %s", scoring.Clip(key))
	}
	return m, column, isCount, nil
}

func hasPenalty(m *scoring.Metric, column string) bool {
	for _, p := range m.Source.Penalties {
		if p.Column == column {
			return true
		}
	}
	return false
}

// goodWhatIfs keeps the what-ifs CheckWhatIf takes; dropped lists, in
// words, those it does not.
func goodWhatIfs(sc *scoring.Scorecard, whatIf map[string]scoring.Num) (kept map[string]scoring.Num, dropped []string) {
	for _, k := range SortedKeys(whatIf) {
		if err := CheckWhatIf(sc, k, whatIf[k]); err != nil {
			dropped = append(dropped, err.Error())
			continue
		}
		kept = with(kept, k, whatIf[k])
	}
	return kept, dropped
}

// SliderRange is a slider's ends and step, in the metric's unit.
type SliderRange struct{ Min, Max, Step scoring.Num }

// RangeFor picks a slider's range: 0 to 100 for percentages, −100 to 100
// for an NPS, the scale for points, and for seconds and numbers enough room
// past the worst band and the value.
func RangeFor(sc *scoring.Scorecard, m *scoring.Metric, v scoring.Num) SliderRange {
	n := scoring.N
	switch {
	case m.IsPoints():
		step := scoring.Frac(1, 10)
		if levels := sc.Levels(m); m.Source.Kind == scoring.FromDeduct && len(levels) > 1 {
			step = levels[1].Sub(levels[0])
		}
		return SliderRange{n(int64(sc.Scale.Min)), n(int64(sc.Scale.Max)), step}
	case m.Source.Kind == scoring.FromNPS:
		return SliderRange{n(-100), n(100), scoring.Frac(1, 10)}
	case m.Unit == scoring.Percent:
		// Small targets (a 1 % conversion) get a short, fine track.
		top := scoring.Max(v.Mul(scoring.Frac(5, 4)), n(5))
		for _, b := range m.Bands {
			top = scoring.Max(top, b.At.Mul(n(2)))
		}
		if top.Less(n(20)) {
			return SliderRange{n(0), top.Ceil(0), scoring.Frac(1, 100)}
		}
		return SliderRange{n(0), n(100), scoring.Frac(1, 10)}
	}
	top := v.Mul(scoring.Frac(5, 4))
	for _, b := range m.Bands {
		top = scoring.Max(top, b.At.Mul(scoring.Frac(3, 2)))
	}
	low := scoring.Min(scoring.N(0), v)
	if m.Unit == scoring.Seconds {
		minute := n(60) // the top of the track on a whole minute
		return SliderRange{low, scoring.Max(top, minute).Div(minute).Ceil(0).Mul(minute), n(1)}
	}
	return SliderRange{low, scoring.Max(top, n(10)).Ceil(0), scoring.Frac(1, 10)}
}

// Position is where x stands on the track, as a percentage (display only).
func (r SliderRange) Position(x scoring.Num) float64 {
	span := r.Max.Sub(r.Min)
	if span.Sign() <= 0 {
		return 0
	}
	p := scoring.Max(scoring.N(0), scoring.Min(scoring.N(1), x.Sub(r.Min).Div(span)))
	f, _ := strconv.ParseFloat(p.Mul(scoring.N(100)).Short(2), 64)
	return f
}

// UnitSign is what stands after a slider's exact input: "%", "m:ss".
func UnitSign(u scoring.Unit) string {
	switch u {
	case scoring.Percent:
		return "%"
	case scoring.Seconds:
		return "m:ss"
	case scoring.Points:
		return "points"
	}
	return ""
}

// ExactText is what the exact input shows: durations as m:ss, with the
// decimals that decide the band.
func ExactText(m *scoring.Metric, v scoring.Num) string {
	d := decisive(m, v, 4)
	if m.Unit == scoring.Seconds {
		return clock(v, d)
	}
	return v.Short(d)
}

// SliderWords is what a slider says of its value to a screen reader:
// "92 %, 3 points", or "no value yet" for a metric with none.
func SliderWords(m *scoring.Metric, v scoring.Num, points string, missing bool) string {
	if missing {
		return "no value yet"
	}
	return MetricWords(m, v) + ", " + points
}

// ReadValue reads an exact input or a slider in the metric's unit: "92",
// "92%", "7:35", "455s", and as people type on a phone (typedText): "92,5",
// "7 35", "7m35".
func ReadValue(u scoring.Unit, text string) (scoring.Num, error) {
	text = typedText(u, text) // as people type: "92,5", "7 35"
	var v scoring.Num
	var blank bool
	var err error
	switch u {
	case scoring.Percent:
		var c scoring.PercentCell
		err = c.UnmarshalCSV(text)
		v, blank = c.Value, c.Blank
	case scoring.Seconds:
		var c scoring.DurationCell
		err = c.UnmarshalCSV(text)
		v, blank = c.Value, c.Blank
	default:
		var c scoring.NumberCell
		err = c.UnmarshalCSV(text)
		v, blank = c.Value, c.Blank
	}
	var ce *scoring.CellError
	if errors.As(err, &ce) {
		return v, errors.New(ce.Expected)
	}
	if blank {
		return v, errors.New("a value")
	}
	return v, err
}

// ReadVolume reads the volume typed for a pooled need: empty is nil, back
// to the mean of the months so far.
func ReadVolume(text string) (*scoring.Num, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	v, err := scoring.ParseNum(typedText(scoring.Number, text))
	if err != nil || v.Sign() < 0 {
		return nil, fmt.Errorf("%s is not a volume: write a number of 0 or more, like 25", scoring.Clip(text))
	}
	return &v, nil
}

// ReadPoints reads the points chosen in "pass without…?": empty is nil,
// any points.
func ReadPoints(text string) (*scoring.Num, error) {
	if text == "" {
		return nil, nil
	}
	v, err := scoring.ParseNum(text)
	if err != nil {
		return nil, fmt.Errorf("%s is not a number of points", scoring.Clip(text))
	}
	return &v, nil
}

// ReadResponses reads the responses survey luck assumes for next month:
// a whole number from 1 to scoring.MaxLuckResponses; "" is none (the
// month's own number).
func ReadResponses(text string) (*scoring.Num, error) {
	return readCount(text, responsesWanted, CheckResponses)
}

// ReadTakenOut reads how many of a count an appeal what-if takes out: a
// whole number, 0 or more; "" is none.
func ReadTakenOut(text string) (*scoring.Num, error) {
	return readCount(text, takenOutWanted, CheckTakenOut)
}

// What a count must be, in words.
var (
	responsesWanted = fmt.Sprintf("a number of responses: write a whole number from 1 to %d", scoring.MaxLuckResponses)
	takenOutWanted  = "a count to take out: write a whole number, 0 or more"
)

func readCount(text, wanted string, check func(scoring.Num) error) (*scoring.Num, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	n, err := scoring.ParseNum(typedCount(text))
	if err != nil {
		return nil, fmt.Errorf("%s is not %s", scoring.Clip(text), wanted)
	}
	if err := check(n); err != nil {
		return nil, err
	}
	return &n, nil
}

// CheckResponses says why n cannot be next month's responses.
func CheckResponses(n scoring.Num) error {
	if !n.IsInt() || n.Less(scoring.N(1)) || n.Cmp(scoring.N(scoring.MaxLuckResponses)) > 0 {
		return fmt.Errorf("%s is not %s", n.Short(6), responsesWanted)
	}
	return nil
}

// CheckTakenOut says why n cannot be a count to take out.
func CheckTakenOut(n scoring.Num) error {
	if !n.IsInt() || n.Sign() < 0 {
		return fmt.Errorf("%s is not %s", n.Short(6), takenOutWanted)
	}
	return nil
}

// goodCounts keeps the counts check accepts, and adds the keys of the
// others to dropped.
func goodCounts(counts map[string]scoring.Num, dropped []string, check func(scoring.Num) error) (map[string]scoring.Num, []string) {
	for _, k := range SortedKeys(counts) {
		if check(counts[k]) != nil {
			counts = without(counts, k)
			dropped = append(dropped, k)
		}
	}
	return counts, dropped
}

// FixLevels is the levels "Pass without…?" offers to hold metric m at:
// every level, or past ManyBands of them (interpolated bands give one a
// band) the whole points and the level held, if it is another (issue 25:
// a scorecard at the limits drew ten thousand options).
func FixLevels(sc *scoring.Scorecard, m *scoring.Metric, held *scoring.Num) []scoring.Num {
	levels := sc.Levels(m)
	if len(levels) <= ManyBands+1 {
		return levels
	}
	var out []scoring.Num
	for _, l := range levels {
		if l.IsInt() || held != nil && l.Equal(*held) {
			out = append(out, l)
		}
	}
	return out
}
