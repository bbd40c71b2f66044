package scoring

import (
	"slices"
	"strings"
)

// Scorecard is the rules of SPEC section 2: metrics, weights, bands, the pass
// mark and how quarters are judged. Build one with ReadScorecard or a preset;
// one built by hand must pass Validate before it is scored.
type Scorecard struct {
	Version  int
	Name     string
	Scale    Scale
	Pass     Num
	Decimals int
	Quarter  QuarterRule
	Metrics  []Metric

	pace Pace // see WithPace
}

// Pace is called now and then during long work (the odds): it may pause,
// so that a page can draw and take input, or return an error to abandon
// the work, which then returns that error.
type Pace func() error

// WithPace is a copy of the scorecard whose odds call pace as they work
// (about every 10⁵ steps of arithmetic). The copy shares the metrics.
func (sc *Scorecard) WithPace(pace Pace) *Scorecard {
	c := *sc
	c.pace = pace
	return &c
}

// Scale is the range of points, both ends whole numbers.
type Scale struct{ Min, Max int }

// QuarterMode says how a quarter's result comes from its months.
type QuarterMode string

// The quarter modes of SPEC section 5.
const (
	Average QuarterMode = "average"
	Pooled  QuarterMode = "pooled"
)

// AverageOf says which monthly scores an average-mode quarter averages.
type AverageOf string

// The choices of quarter.average_of.
const (
	AverageExact   AverageOf = "exact"
	AverageRounded AverageOf = "rounded"
)

// QuarterRule is the scorecard's "quarter" object.
type QuarterRule struct {
	Mode       QuarterMode
	StartMonth int
	AverageOf  AverageOf
}

// Unit is a metric's unit.
type Unit string

// The units of SPEC section 2.
const (
	Percent Unit = "percent"
	Seconds Unit = "seconds"
	Number  Unit = "number"
	Points  Unit = "points"
)

// Better says which way a metric improves.
type Better string

// The directions of "better".
const (
	Higher Better = "higher"
	Lower  Better = "lower"
)

// Metric is one line of the scorecard.
type Metric struct {
	ID          string
	Label       string
	Unit        Unit
	Better      Better // empty for Points metrics
	Weight      Num    // a percentage; 0 for a tracked-only metric
	Source      Source
	Bands       []Band // none for Points metrics
	Interpolate bool
	Gate        *Num // points below the gate fail the month; nil for none
}

// Band is one threshold: values at or better than At earn Points.
type Band struct{ Points, At Num }

// SourceKind names where a metric's raw value comes from.
type SourceKind string

// The sources of SPEC section 2. Direct means the scorecard names no source:
// the value comes from a column named like the metric's id or label.
const (
	Direct     SourceKind = ""
	FromColumn SourceKind = "column"
	FromRatio  SourceKind = "ratio"
	FromNPS    SourceKind = "nps"
	FromDeduct SourceKind = "deduct"
)

// Source says which data columns give a metric's raw value. Only the fields
// of its Kind are used.
type Source struct {
	Kind                            SourceKind
	Column, WeightBy                string    // FromColumn
	Num, Den                        string    // FromRatio
	Promoters, Passives, Detractors string    // FromNPS
	Penalties                       []Penalty // FromDeduct, in file order
}

// Penalty is the points one incident of a kind costs.
type Penalty struct {
	Column string
	Points Num
}

// Columns lists the data columns the source reads, in a fixed order:
// [column], [num, den], [promoters, passives, detractors] or the penalties'
// columns. weight_by is not among them: it is optional.
func (s Source) Columns() []string {
	switch s.Kind {
	case FromColumn:
		return []string{s.Column}
	case FromRatio:
		return []string{s.Num, s.Den}
	case FromNPS:
		return []string{s.Promoters, s.Passives, s.Detractors}
	case FromDeduct:
		cols := make([]string, len(s.Penalties))
		for i, p := range s.Penalties {
			cols[i] = p.Column
		}
		return cols
	}
	return nil
}

// IsPoints reports whether the metric's raw value already is points.
func (m *Metric) IsPoints() bool { return m.Unit == Points }

// asPoints is m as a points metric, for an input given in points: same id,
// label, weight and gate; its value is its points.
func (m *Metric) asPoints() *Metric {
	p := *m
	p.Unit, p.Better, p.Interpolate, p.Bands = Points, Higher, false, nil
	return &p
}

// Lowest and Highest return the scale's ends as numbers.
func (s Scale) Lowest() Num  { return N(int64(s.Min)) }
func (s Scale) Highest() Num { return N(int64(s.Max)) }

// Metric returns the metric with the given id, or nil.
func (sc *Scorecard) Metric(id string) *Metric {
	for i := range sc.Metrics {
		if sc.Metrics[i].ID == id {
			return &sc.Metrics[i]
		}
	}
	return nil
}

// sortedBands returns the bands ordered by points, lowest first: the
// metric's own slice when it is in order already, as it usually is.
func (m *Metric) sortedBands() []Band {
	byPoints := func(a, b Band) int { return a.Points.Cmp(b.Points) }
	if slices.IsSortedFunc(m.Bands, byPoints) {
		return m.Bands
	}
	b := slices.Clone(m.Bands)
	slices.SortStableFunc(b, byPoints)
	return b
}

// ColumnKey is the form in which header names are compared: lower case, with
// runs of spaces, '-' and '_' folded into one '_', trimmed. "Offer rate",
// "offer-rate" and "OFFER_RATE" all give "offer_rate".
func ColumnKey(name string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if r == ' ' || r == '-' || r == '_' || r == '\t' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('_')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}
