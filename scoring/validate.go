package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// Problem is one broken rule of a scorecard.
type Problem struct {
	Metric string // the metric's id ("metric 3" when it has none); empty for the scorecard itself
	Field  string // the field, e.g. "weight" or "bands[2].at"; empty for a rule across fields
	Rule   string // what is wrong and what to do, in words
	// Where it is, for a program (an editor placing it under its field),
	// as csv.ParseError gives a line and a column: MetricN is the metric's
	// number in the scorecard and BandN the band's in its metric, from 1
	// (0: the scorecard itself, or no one band); Key is the field within
	// them ("weight", "at", "pass"), without the path.
	MetricN, BandN int
	Key            string
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Metric != "" {
		fmt.Fprintf(&b, "metric %s", Clip(p.Metric))
		if strings.HasPrefix(p.Metric, "metric ") {
			b.Reset()
			b.WriteString(p.Metric)
		}
	} else {
		b.WriteString("scorecard")
	}
	if p.Field != "" {
		b.WriteString(", " + ClipPlain(p.Field))
	}
	b.WriteString(": " + p.Rule)
	return b.String()
}

// ScorecardError lists every problem of a refused scorecard.
// Its message lists the first ListedProblems.
type ScorecardError struct {
	Problems []Problem
	More     int // problems past those kept, counted only
}

func (e *ScorecardError) Error() string {
	total := len(e.Problems) + e.More
	lines := make([]string, 0, min(len(e.Problems), ListedProblems)+1)
	for _, p := range e.Problems[:min(len(e.Problems), ListedProblems)] {
		lines = append(lines, p.String())
	}
	if total == 1 {
		return "the scorecard is refused: " + lines[0]
	}
	if rest := total - len(lines); rest > 0 {
		lines = append(lines, fmt.Sprintf("…and %d more", rest))
	}
	return fmt.Sprintf("the scorecard is refused (%d problems):\n  %s", total, strings.Join(lines, "\n  "))
}

// Validate checks every rule of SPEC section 2 and returns a *ScorecardError
// naming each broken rule, or nil.
func (sc *Scorecard) Validate() error {
	v := &validator{sc: sc}
	v.scorecard()
	if len(v.problems) == 0 {
		return nil
	}
	return &ScorecardError{Problems: v.problems}
}

type validator struct {
	sc       *Scorecard
	problems []Problem
	metric   string
	metricN  int // the metric being checked, from 1; 0 for the scorecard
}

func (v *validator) add(field, format string, args ...any) {
	v.problems = append(v.problems, Problem{Metric: v.metric, Field: field, Rule: fmt.Sprintf(format, args...), MetricN: v.metricN, Key: field})
}

// addBand adds a problem of the field key of band j (from 0).
func (v *validator) addBand(j int, key, format string, args ...any) {
	v.add(fmt.Sprintf("bands[%d].%s", j+1, key), format, args...)
	p := &v.problems[len(v.problems)-1]
	p.BandN, p.Key = j+1, key
}

func (v *validator) onScale(x Num) bool {
	return !x.Less(v.sc.Scale.Lowest()) && !v.sc.Scale.Highest().Less(x)
}

func (v *validator) scaleText() string {
	return fmt.Sprintf("the scale %d to %d", v.sc.Scale.Min, v.sc.Scale.Max)
}

var reservedColumns = []string{"month", "agent"}

func (v *validator) scorecard() {
	sc := v.sc
	if sc.Version != 1 {
		v.add("version", "must be 1, found %d", sc.Version)
	}
	scaleOK := sc.Scale.Min < sc.Scale.Max && sc.Scale.Min >= 0
	if sc.Scale.Min >= sc.Scale.Max {
		v.add("scale", "min (%d) must be below max (%d)", sc.Scale.Min, sc.Scale.Max)
	}
	if sc.Scale.Min < 0 {
		v.add("scale.min", "must be 0 or more, found %d", sc.Scale.Min)
	}
	if scaleOK && !v.onScale(sc.Pass) {
		v.add("pass", "the pass mark %s must lie on %s", sc.Pass, v.scaleText())
	}
	if sc.Decimals < 0 || sc.Decimals > 4 {
		v.add("decimals", "must be 0 to 4, found %d", sc.Decimals)
	}
	switch sc.Quarter.Mode {
	case Average, Pooled:
	default:
		v.add("quarter.mode", "must be \"average\" or \"pooled\", found %q", sc.Quarter.Mode)
	}
	if sc.Quarter.StartMonth < 1 || sc.Quarter.StartMonth > 12 {
		v.add("quarter.start_month", "must be a month number from 1 to 12, found %d", sc.Quarter.StartMonth)
	}
	switch sc.Quarter.AverageOf {
	case AverageExact, AverageRounded, "":
	default:
		v.add("quarter.average_of", "must be \"exact\" or \"rounded\", found %q", sc.Quarter.AverageOf)
	}
	if len(sc.Metrics) == 0 {
		v.add("metrics", "the scorecard needs at least one metric")
		return
	}

	total := Num{}
	ids := map[string]bool{}
	names := map[string]string{} // column key -> the metric whose id or label it is
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		v.metric, v.metricN = m.ID, i+1
		if m.ID == "" {
			v.metric = fmt.Sprintf("metric %d", i+1)
		}
		v.metricRules(m, scaleOK)
		total = total.Add(m.Weight)
		if m.ID != "" {
			if ids[m.ID] {
				v.add("id", "the id %q is used by another metric: ids must be unique", m.ID)
			}
			ids[m.ID] = true
		}
		for _, name := range []string{m.ID, m.Label} {
			key := ColumnKey(name)
			if key == "" {
				continue
			}
			if other, ok := names[key]; ok && other != v.metric {
				v.add("", "its id or label %q names the same data column as metric %q: rename one of them", name, other)
			}
			names[key] = v.metric
		}
	}
	v.metric, v.metricN = "", 0
	if !total.Equal(N(100)) {
		v.add("metrics", "the weights add up to %s; they must add up to exactly 100", total)
	}
}

func (v *validator) metricRules(m *Metric, scaleOK bool) {
	if m.ID != "" && !validID(m.ID) {
		v.add("id", "%q may hold only lower-case letters, digits and _", m.ID)
	}
	if m.ID == "" {
		v.add("id", "is required")
	}
	if strings.TrimSpace(m.Label) == "" {
		v.add("label", "is required: the name people see, such as \"Customer experience\"")
	}
	for _, name := range []string{m.ID, m.Label} {
		if slices.Contains(reservedColumns, ColumnKey(name)) {
			v.add("", "%q is the name of a data column with another meaning (month, agent): choose another id or label", name)
		}
	}
	switch m.Unit {
	case Percent, Seconds, Number, Points:
	default:
		v.add("unit", "must be percent, seconds, number or points, found %q", m.Unit)
		return
	}
	if m.Weight.Sign() < 0 {
		v.add("weight", "must not be negative, found %s", m.Weight)
	}
	if scaleOK && m.Gate != nil && !v.onScale(*m.Gate) {
		v.add("gate", "the gate %s must lie on %s", *m.Gate, v.scaleText())
	}
	v.sourceRules(m)
	if m.IsPoints() {
		if m.Better != "" {
			v.add("better", "is not used by a points metric (its value already is points): remove it")
		}
		if len(m.Bands) > 0 {
			v.add("bands", "a points metric has no bands (its value already is points): remove them")
		}
		if m.Interpolate {
			v.add("interpolate", "a points metric has no bands to interpolate: remove it")
		}
		return
	}
	if m.Better != Higher && m.Better != Lower {
		v.add("better", "must be \"higher\" or \"lower\", found %q", m.Better)
	}
	if scaleOK {
		v.bandRules(m)
	}
}

func validID(id string) bool {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return id != ""
}

func (v *validator) sourceRules(m *Metric) {
	s := m.Source
	switch s.Kind {
	case Direct, FromColumn, FromRatio, FromNPS, FromDeduct:
	default:
		v.add("source", "unknown source kind %q", s.Kind)
		return
	}
	if m.IsPoints() && (s.Kind == FromRatio || s.Kind == FromNPS) {
		v.add("source", "a points metric takes its points from a deduct source or a column, not a %s", s.Kind)
	}
	if s.Kind == FromDeduct && !m.IsPoints() {
		v.add("source", "a deduct source gives points: set the unit to \"points\" and remove the bands")
	}
	if s.Kind == FromNPS && m.Unit == Seconds {
		v.add("unit", "an NPS is a number from -100 to 100, not seconds")
	}
	if s.Kind == FromDeduct && len(s.Penalties) == 0 {
		v.add("source.deduct", "name at least one incident column and its penalty, such as {\"late\": 0.5}")
	}
	for _, p := range s.Penalties {
		if p.Points.Sign() < 0 {
			v.add("source.deduct."+p.Column, "a penalty must not be negative, found %s", p.Points)
		}
	}
	seen := map[string]bool{}
	for _, c := range s.Columns() {
		key := ColumnKey(c)
		switch {
		case key == "":
			v.add("source", "a source column name is empty")
		case slices.Contains(reservedColumns, key):
			v.add("source", "%q cannot be a source column: it holds the %s", c, key)
		case seen[key]:
			v.add("source", "the column %q is named twice in one source", c)
		}
		seen[key] = true
	}
	if s.WeightBy != "" && seen[ColumnKey(s.WeightBy)] {
		v.add("source.weight_by", "%q is the value column itself: weight by another column, such as calls", s.WeightBy)
	}
}

func (v *validator) bandRules(m *Metric) {
	if len(m.Bands) == 0 {
		v.add("bands", "a %s metric needs at least one band, such as [{\"points\": 2, \"at\": 80}]", m.Unit)
		return
	}
	// Levels compared as numbers, not as text: printing every band's
	// points was a third of reading a scorecard of 10,000 bands (issue 25).
	hasLevel := func(p Num, before int) bool {
		for _, b := range m.Bands[:before] {
			if b.Points.Equal(p) {
				return true
			}
		}
		return false
	}
	for i, b := range m.Bands {
		if !v.onScale(b.Points) {
			v.addBand(i, "points", "%s is not on %s", b.Points, v.scaleText())
		}
		if hasLevel(b.Points, i) {
			v.addBand(i, "points", "the level %s is given twice", b.Points)
		}
	}
	sorted := m.sortedBands()
	for i := 1; i < len(sorted); i++ {
		lo, hi := sorted[i-1], sorted[i]
		if lo.Points.Equal(hi.Points) {
			continue
		}
		ok := lo.At.Less(hi.At)
		word := "above"
		if m.Better == Lower {
			ok, word = hi.At.Less(lo.At), "below"
		}
		if !ok {
			v.add("bands", "the threshold for %s points (%s) must be strictly %s the one for %s points (%s), as %s is better",
				hi.Points, hi.At, word, lo.Points, lo.At, m.Better)
		}
	}
	if m.Interpolate {
		min, max := v.sc.Scale.Lowest(), v.sc.Scale.Highest()
		if !hasLevel(min, len(m.Bands)) || !hasLevel(max, len(m.Bands)) {
			v.add("bands", "interpolated bands must give both the %s-point and the %s-point anchors", min, max)
		}
	}
}
