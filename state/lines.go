package state

import (
	"fmt"

	"passline/scoring"
)

// Pass lines in words: a metric's line for the month and for the quarter,
// in its unit, or in points when it was given in points.

// LineWords says a metric's pass line in a sentence, for a month that
// passes or not.
func LineWords(m *scoring.Metric, l scoring.PassLine, passing bool) string {
	switch l.Kind {
	case scoring.PassesAtWorst:
		return m.Label + ": passes even at the worst (the month passes whatever its value)."
	case scoring.CannotPass:
		return m.Label + ": cannot pass even at the best (the month fails whatever its value; move another metric)."
	case scoring.LineUnknown:
		return "The pass line shows once every metric has a value."
	}
	v := FormatValue(m.Unit, ShownLine(m, l.Value))
	lower := m.Better == scoring.Lower && !m.IsPoints()
	switch {
	case passing && lower:
		return fmt.Sprintf("%s can rise to %s and you still pass.", m.Label, v)
	case passing:
		return fmt.Sprintf("%s can fall to %s and you still pass.", m.Label, v)
	case lower:
		return fmt.Sprintf("%s must come down to %s for the month to pass.", m.Label, v)
	}
	return fmt.Sprintf("%s must reach %s for the month to pass.", m.Label, v)
}

// GivenLineWords says the pass line of a metric given in points (points
// mode), in points and, where the metric has a raw value, the value that
// earns them: "Customer experience needs 3 points for the month to pass:
// 90 % or more." or "Customer experience can fall to 2 points (80 % or
// more) and you still pass."
func GivenLineWords(sc *scoring.Scorecard, m *scoring.Metric, l scoring.PassLine, passing bool) string {
	if l.Kind != scoring.LineAt {
		return LineWords(m, l, passing)
	}
	points, value, hasValue, ok := sc.GivenLine(m, l.Value)
	if !ok {
		return LineWords(m, scoring.PassLine{Kind: scoring.CannotPass}, passing)
	}
	pts := PointsText(points)
	raw := givenRaw(m, value, hasValue)
	switch {
	case passing && raw != "":
		return fmt.Sprintf("%s can fall to %s (%s) and you still pass.", m.Label, pts, raw)
	case passing:
		return fmt.Sprintf("%s can fall to %s and you still pass.", m.Label, pts)
	case raw != "":
		return fmt.Sprintf("%s needs %s for the month to pass: %s.", m.Label, pts, raw)
	}
	return fmt.Sprintf("%s needs %s for the month to pass.", m.Label, pts)
}

// givenRaw is the raw value that earns a level: "90 % or more", "7:00 or
// less"; "" for a metric whose value is its points.
func givenRaw(m *scoring.Metric, value scoring.Num, hasValue bool) string {
	if !hasValue {
		return ""
	}
	v := FormatValue(m.Unit, ShownLine(m, value))
	if m.Better == scoring.Lower {
		return v + " or less"
	}
	return v + " or more"
}

// QuarterLineWords says a metric's line for the quarter on its one month
// still to come: "To pass the quarter, December's Customer experience
// must reach 90 %."
func QuarterLineWords(m *scoring.Metric, l scoring.PassLine, mo scoring.Month) string {
	whose := "To pass the quarter, " + MonthName(mo) + "'s " + m.Label
	switch l.Kind {
	case scoring.PassesAtWorst:
		return "The quarter passes whatever " + MonthName(mo) + "'s " + m.Label + " is."
	case scoring.CannotPass:
		return whose + " cannot do it alone: even at its best the quarter fails; move another metric."
	case scoring.LineUnknown:
		return ""
	}
	v := FormatValue(m.Unit, ShownLine(m, l.Value))
	if m.Better == scoring.Lower && !m.IsPoints() {
		return whose + " must come down to " + v + "."
	}
	return whose + " must reach " + v + "."
}

// GivenQuarterLineWords is QuarterLineWords for a metric given in points:
// "To pass the quarter, December's Customer experience needs 3 points:
// 90 % or more."
func GivenQuarterLineWords(sc *scoring.Scorecard, m *scoring.Metric, l scoring.PassLine, mo scoring.Month) string {
	if l.Kind != scoring.LineAt {
		return QuarterLineWords(m, l, mo)
	}
	points, value, hasValue, ok := sc.GivenLine(m, l.Value)
	if !ok {
		return QuarterLineWords(m, scoring.PassLine{Kind: scoring.CannotPass}, mo)
	}
	s := "To pass the quarter, " + MonthName(mo) + "'s " + m.Label + " needs " + PointsText(points)
	if raw := givenRaw(m, value, hasValue); raw != "" {
		s += ": " + raw
	}
	return s + "."
}

// LineFor says metric i's pass line on v's month: in points and the value
// that earns them when it was given in points (points mode), else in its
// unit.
func (v View) LineFor(i int) string {
	m, l := &v.Scorecard.Metrics[i], v.Result.Lines[i]
	if v.Inputs[i].Points || m.Source.Kind == scoring.FromDeduct { // points that move in levels: the level, never 1.45 points
		return GivenLineWords(v.Scorecard, m, l, v.Result.Month.Pass)
	}
	return LineWords(m, l, v.Result.Month.Pass)
}

// QuarterLineFor is metric i's line for the quarter on its one month still
// to come, as LineFor says it; "" when there is none.
func (v View) QuarterLineFor(i int) string {
	if v.QuarterLines == nil {
		return ""
	}
	m, l := &v.Scorecard.Metrics[i], v.QuarterLines[i]
	if v.Inputs[i].Points {
		return GivenQuarterLineWords(v.Scorecard, m, l, v.Month)
	}
	return QuarterLineWords(m, l, v.Month)
}

// GivenNote says, beside a metric's slider, that its month's points were
// given in points mode and how to use a value again: "Given as 2 points
// (points mode): the slider shows the month's own value; move it to use a
// value instead."
func GivenNote(points scoring.Num) string {
	return "Given as " + PointsText(points) + " (points mode): the slider shows the month's own value; move it to use a value instead. "
}
