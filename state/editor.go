package state

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"passline/scoring"
)

// The scorecard editor works on a draft: the scorecard as JSON in
// Model.Draft, which may break the engine's rules while it is written.
// Each edit names a field: "name", "pass", "decimals", "scale.min",
// "scale.max", "quarter.mode", and for the metric at index i "m<i>.id",
// "m<i>.label", "m<i>.unit", "m<i>.better", "m<i>.weight",
// "m<i>.bands.<j>.points", "m<i>.bands.<j>.at".

// DraftScorecard reads the model's draft, or the scorecard in use when there is none.
func (m Model) DraftScorecard() (*scoring.Scorecard, error) {
	if m.Draft == "" {
		return m.scorecard()
	}
	return scoring.DecodeScorecard([]byte(m.Draft))
}

// draftJSON writes a draft back as the model holds it.
func draftJSON(sc *scoring.Scorecard) (string, error) {
	var b bytes.Buffer
	if err := scoring.WriteScorecard(&b, sc); err != nil {
		return "", err
	}
	return b.String(), nil
}

// DraftField names a field of the editor's draft: one of the scorecard's
// own (Metric -1: "name", "pass", "decimals", "scale.min", "scale.max",
// "quarter.mode", and "metrics" for the weights' total), one of a metric's
// (Band -1: "label", "id", "weight", "unit", "better", a source's field,
// or "" for its rules across fields) or one of a band's ("points", "at").
// Metric and Band count from 0. It is comparable: the editor's problems
// are kept by field.
type DraftField struct {
	Metric, Band int
	Key          string
}

// ScorecardField, MetricField and BandField name a draft's fields.
func ScorecardField(key string) DraftField      { return DraftField{-1, -1, key} }
func MetricField(i int, key string) DraftField  { return DraftField{i, -1, key} }
func BandField(i, j int, key string) DraftField { return DraftField{i, j, key} }

// String is the field as the page's hooks name it: "pass", "m2.weight",
// "m2.bands.0.at" (docs/TESTING.md).
func (f DraftField) String() string {
	switch {
	case f.Metric < 0:
		return f.Key
	case f.Band >= 0:
		return fmt.Sprintf("m%d.bands.%d.%s", f.Metric, f.Band, f.Key)
	case f.Key == "":
		return fmt.Sprintf("m%d", f.Metric)
	}
	return fmt.Sprintf("m%d.%s", f.Metric, f.Key)
}

// editDraft sets one field of the draft to the text typed.
func editDraft(sc *scoring.Scorecard, field DraftField, text string) error {
	text = strings.TrimSpace(text)
	num := func(dst *scoring.Num) error {
		n, err := scoring.ParseNum(typedText(scoring.Number, strings.TrimSpace(strings.TrimSuffix(text, "%"))))
		if err != nil {
			return fmt.Errorf("%s is not a number: write it like 2 or 2.5", scoring.Clip(text))
		}
		*dst = n
		return nil
	}
	whole := func(dst *int) error {
		n, err := strconv.Atoi(text)
		if err != nil {
			return fmt.Errorf("%s is not a whole number: write it like 1 or 3", scoring.Clip(text))
		}
		*dst = n
		return nil
	}
	noField := fmt.Errorf("there is no field %q", field)
	if field.Metric < 0 {
		switch field.Key {
		case "name":
			sc.Name = text
			return nil
		case "pass":
			return num(&sc.Pass)
		case "decimals":
			return whole(&sc.Decimals)
		case "scale.min":
			return whole(&sc.Scale.Min)
		case "scale.max":
			return whole(&sc.Scale.Max)
		case "quarter.mode":
			sc.Quarter.Mode = scoring.QuarterMode(text)
			return nil
		}
		return noField
	}
	if field.Metric >= len(sc.Metrics) {
		return noField
	}
	m := &sc.Metrics[field.Metric]
	if field.Band >= 0 {
		if field.Band >= len(m.Bands) {
			return noField
		}
		switch field.Key {
		case "points":
			return num(&m.Bands[field.Band].Points)
		case "at":
			if m.Unit == scoring.Seconds { // a handle time is typed as elsewhere: 7:30, 7 30, 450
				v, err := ReadValue(scoring.Seconds, text)
				if err != nil {
					return fmt.Errorf("%s is not a handle time: write it like 7:30 or 450 (seconds)", scoring.Clip(text))
				}
				m.Bands[field.Band].At = v
				return nil
			}
			return num(&m.Bands[field.Band].At)
		}
		return noField
	}
	switch field.Key {
	case "id":
		m.ID = text
	case "label":
		m.Label = text
	case "unit":
		m.Unit = scoring.Unit(text)
		if m.IsPoints() {
			m.Better, m.Bands = "", nil
		} else if m.Better == "" {
			m.Better = scoring.Higher
		}
	case "better":
		m.Better = scoring.Better(text)
	case "weight":
		return num(&m.Weight)
	case "source.kind":
		return setSourceKind(m, scoring.SourceKind(text))
	case "source.column":
		m.Source.Column = text
	case "source.num":
		m.Source.Num = text
	case "source.den":
		m.Source.Den = text
	case "source.promoters":
		m.Source.Promoters = text
	case "source.passives":
		m.Source.Passives = text
	case "source.detractors":
		m.Source.Detractors = text
	case "source.penalties":
		return setPenalties(m, text)
	default:
		return noField
	}
	return nil
}

// SourceKinds are where a metric's value can come from, for the editor.
var SourceKinds = []choice{
	{string(scoring.Direct), "a column named like the metric"}, {string(scoring.FromColumn), "a column"},
	{string(scoring.FromRatio), "one column as a share of another"}, {string(scoring.FromNPS), "NPS from promoters, passives and detractors"},
	{string(scoring.FromDeduct), "points less penalties for incidents"},
}

// setSourceKind changes where m's value comes from, keeping what of the
// old source fits the new one, and m's unit fit for it.
func setSourceKind(m *scoring.Metric, k scoring.SourceKind) error {
	if !hasID(SourceKinds, string(k)) {
		return fmt.Errorf("%s is not a kind of source", scoring.Clip(string(k)))
	}
	old := m.Source
	m.Source = scoring.Source{Kind: k}
	switch k {
	case scoring.FromColumn:
		m.Source.Column = cmpOr(old.Column, old.Num, m.ID)
	case scoring.FromRatio:
		m.Source.Num, m.Source.Den = old.Num, old.Den
	case scoring.FromNPS:
		m.Source.Promoters, m.Source.Passives, m.Source.Detractors = cmpOr(old.Promoters, "promoters"), cmpOr(old.Passives, "passives"), cmpOr(old.Detractors, "detractors")
	case scoring.FromDeduct:
		m.Source.Penalties = old.Penalties
		if len(m.Source.Penalties) == 0 {
			m.Source.Penalties = []scoring.Penalty{{Column: "late", Points: scoring.MustNum("0.5")}, {Column: "absent", Points: scoring.N(1)}}
		}
		m.Unit, m.Better, m.Bands, m.Interpolate = scoring.Points, "", nil, false
	}
	if k != scoring.FromDeduct && m.IsPoints() && old.Kind == scoring.FromDeduct {
		m.Unit, m.Better = scoring.Number, scoring.Higher
	}
	return nil
}

// cmpOr is the first of its arguments that is not empty.
func cmpOr(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// setPenalties reads a deduct source's penalties as the editor writes
// them: "late 0.5, absent 1" (a column and the points it costs, each).
func setPenalties(m *scoring.Metric, text string) error {
	// Tokens, a column then its points, each pair ended by a comma or a
	// semicolon: "late 0,5, absent 1" keeps its decimal comma.
	tokens := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ';' || r == '\t' })
	var pens []scoring.Penalty
	for i := 0; i < len(tokens); i += 2 {
		col := strings.TrimSuffix(tokens[i], ",")
		if i+1 >= len(tokens) || col == "" {
			return fmt.Errorf("%s has no points: write a column and its points, such as late 0.5", scoring.Clip(col))
		}
		pts := strings.TrimSuffix(tokens[i+1], ",")
		p, err := scoring.ParseNum(typedText(scoring.Number, pts))
		if err != nil {
			return fmt.Errorf("%s is not a number of points for %s: write it like 0.5", scoring.Clip(pts), col)
		}
		pens = append(pens, scoring.Penalty{Column: col, Points: p})
	}
	m.Source.Penalties = pens
	return nil
}

// PenaltiesText writes a deduct source's penalties as the editor reads
// them: "late 0.5, absent 1".
func PenaltiesText(s scoring.Source) string {
	var parts []string
	for _, p := range s.Penalties {
		parts = append(parts, p.Column+" "+p.Points.Short(4))
	}
	return strings.Join(parts, ", ")
}

// DraftLacks says, for each metric of the draft, the columns it reads that
// the data in use (its header) does not have: "Offer rate reads offers and
// calls; your data has no calls." Nothing for data without a header (months
// typed by hand) or for a metric reading a column named like itself.
func DraftLacks(sc *scoring.Scorecard, d *scoring.Data) []string {
	if d == nil || len(d.Columns) == 0 {
		return nil
	}
	has := map[string]bool{}
	for _, u := range d.Columns {
		has[scoring.ColumnKey(u.Header)] = true
	}
	var out []string
	for _, m := range sc.Metrics {
		cols := m.Source.Columns()
		if len(cols) == 0 {
			if !has[scoring.ColumnKey(m.ID)] && !has[scoring.ColumnKey(m.Label)] {
				out = append(out, fmt.Sprintf("%s reads a column named %s or %s; your data has neither.", m.Label, m.ID, m.Label))
			}
			continue
		}
		var lack []string
		for _, c := range cols {
			if !has[scoring.ColumnKey(c)] {
				lack = append(lack, c)
			}
		}
		if len(lack) > 0 {
			out = append(out, fmt.Sprintf("%s reads %s; your data has no %s.", m.Label, JoinAnd(cols), JoinAnd(lack)))
		}
	}
	return out
}

// newMetric is what "Add a metric" starts from: a number read from a
// column named like its id, with a band for each point above the lowest.
func newMetric(sc *scoring.Scorecard) scoring.Metric {
	id := "new_metric"
	for k := 2; sc.Metric(id) != nil; k++ {
		id = fmt.Sprintf("new_metric_%d", k)
	}
	m := scoring.Metric{ID: id, Label: "New metric", Unit: scoring.Number, Better: scoring.Higher, Weight: scoring.N(0)}
	for p := sc.Scale.Min + 1; p <= sc.Scale.Max; p++ {
		m.Bands = append(m.Bands, scoring.Band{Points: scoring.N(int64(p)), At: scoring.N(int64(10 * (p - sc.Scale.Min)))})
	}
	return m
}

// WeightsTotal adds the draft's weights.
func WeightsTotal(sc *scoring.Scorecard) scoring.Num {
	total := scoring.N(0)
	for _, m := range sc.Metrics {
		total = total.Add(m.Weight)
	}
	return total
}

// DraftCheck is the engine's objections to a draft: ByField sorts them by
// the editor's fields (ScorecardField("metrics") holds the weights' total,
// MetricField(i, "") a metric's rules across fields), All says each in
// words.
type DraftCheck struct {
	ByField map[DraftField][]string
	All     []string
}

// CheckDraft asks the engine what is wrong with a draft; each problem goes
// under the field its position names.
func CheckDraft(sc *scoring.Scorecard) DraftCheck {
	var serr *scoring.ScorecardError
	if err := sc.Validate(); !errors.As(err, &serr) {
		return DraftCheck{}
	}
	out := DraftCheck{ByField: map[DraftField][]string{}}
	for _, p := range serr.Problems {
		out.All = append(out.All, p.String())
		var f DraftField
		switch {
		case p.MetricN == 0 && p.Key == "scale":
			f = ScorecardField("scale.max") // min above max: said at the max
		case p.MetricN == 0:
			f = ScorecardField(p.Key)
		case p.BandN > 0:
			f = BandField(p.MetricN-1, p.BandN-1, p.Key)
		default:
			f = MetricField(p.MetricN-1, p.Key)
		}
		out.ByField[f] = append(out.ByField[f], p.Rule)
	}
	return out
}

// MetricKinds are the kinds a new metric starts from: id, and words.
var MetricKinds = []choice{
	{"csat", "CSAT"}, {"nps", "NPS"}, {"aht", "AHT"}, {"fcr", "FCR"}, {"qa", "QA"},
	{"offer_rate", "Offer rate"}, {"conversion", "Conversion"}, {"attendance", "Attendance"}, {"", "Blank"},
}

// kind is a metric kind's template: its metric, and the values of its
// bands at the level just above the scale's lowest and at the highest
// (the levels between evenly spaced; for attendance, its penalties).
type kind struct {
	metric      scoring.Metric
	first, last scoring.Num
}

var kinds = map[string]kind{
	"csat": {scoring.Metric{ID: "csat", Label: "CSAT", Unit: scoring.Percent, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromRatio, Num: "satisfied", Den: "surveys"}}, scoring.N(70), scoring.N(90)},
	"nps": {scoring.Metric{ID: "nps", Label: "NPS", Unit: scoring.Number, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromNPS, Promoters: "promoters", Passives: "passives", Detractors: "detractors"}}, scoring.N(0), scoring.N(60)},
	"aht": {scoring.Metric{ID: "aht", Label: "AHT", Unit: scoring.Seconds, Better: scoring.Lower,
		Source: scoring.Source{Kind: scoring.FromColumn, Column: "aht"}}, scoring.N(600), scoring.N(360)},
	"fcr": {scoring.Metric{ID: "fcr", Label: "FCR", Unit: scoring.Percent, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromRatio, Num: "resolved_first", Den: "contacts"}}, scoring.N(60), scoring.N(85)},
	"qa": {scoring.Metric{ID: "qa", Label: "QA", Unit: scoring.Percent, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromColumn, Column: "qa"}}, scoring.N(70), scoring.N(95)},
	"offer_rate": {scoring.Metric{ID: "offer_rate", Label: "Offer rate", Unit: scoring.Percent, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromRatio, Num: "offers", Den: "calls"}}, scoring.N(30), scoring.N(50)},
	"conversion": {scoring.Metric{ID: "conversion", Label: "Conversion", Unit: scoring.Percent, Better: scoring.Higher,
		Source: scoring.Source{Kind: scoring.FromRatio, Num: "sales", Den: "calls"}}, scoring.N(1), scoring.N(2)},
	"attendance": {scoring.Metric{ID: "attendance", Label: "Attendance", Unit: scoring.Points, // its value is points: no direction
		Source: scoring.Source{Kind: scoring.FromDeduct, Penalties: []scoring.Penalty{{Column: "late", Points: scoring.MustNum("0.5")}, {Column: "absent", Points: scoring.N(1)}}}}, scoring.Num{}, scoring.Num{}},
}

// metricOfKind is a new metric of kind k for sc: typical bands for its
// scale (the levels above the lowest, evenly from first to last), weight
// 0, an id not yet used. "" is a blank metric.
func metricOfKind(sc *scoring.Scorecard, k string) (scoring.Metric, error) {
	if k == "" {
		return newMetric(sc), nil
	}
	t, ok := kinds[k]
	if !ok {
		return scoring.Metric{}, fmt.Errorf("there is no kind of metric %s", scoring.Clip(k))
	}
	m := t.metric
	m.Source.Penalties = slices.Clone(m.Source.Penalties)
	m.Weight = scoring.N(0)
	for n := 2; sc.Metric(m.ID) != nil; n++ {
		m.ID = fmt.Sprintf("%s_%d", t.metric.ID, n)
		m.Label = fmt.Sprintf("%s %d", t.metric.Label, n)
	}
	if m.Source.Kind == scoring.FromDeduct {
		return m, nil
	}
	steps := sc.Scale.Max - sc.Scale.Min // the levels above the lowest
	for i := 1; i <= steps; i++ {
		at := t.first
		if steps > 1 {
			at = t.first.Add(t.last.Sub(t.first).Mul(scoring.N(int64(i - 1))).Div(scoring.N(int64(steps - 1))))
		}
		if m.Unit == scoring.Seconds {
			at = at.Round(0)
		} else {
			at = at.Round(2)
		}
		m.Bands = append(m.Bands, scoring.Band{Points: scoring.N(int64(sc.Scale.Min + i)), At: at})
	}
	return m, nil
}

// BandAtText is a band's threshold as the editor shows it: a handle time
// as m:ss (7:30), as every other handle-time field; else the number.
// ManyBands is how many bands a metric may have before the editor folds
// them under a summary (issue 25: a scorecard at the limits, 100 metrics
// of 100 bands, drew twenty thousand inputs and took seconds to open).
const ManyBands = 12

// BandsSummary says in a line what a metric's bands are: "100 bands, from
// 1 point at 0 to 3 points at 99".
func BandsSummary(m *scoring.Metric) string {
	if len(m.Bands) == 0 {
		return "No bands yet"
	}
	first, last := m.Bands[0], m.Bands[len(m.Bands)-1]
	return fmt.Sprintf("%d bands, from %s at %s to %s at %s", len(m.Bands), PointsText(first.Points), BandAtText(m, first.At), PointsText(last.Points), BandAtText(m, last.At))
}

// BandsHaveProblems reports whether any band of metric i has a problem in
// probs (CheckDraft's ByField): such bands are never folded away.
func BandsHaveProblems(probs map[DraftField][]string, i int) bool {
	for f := range probs {
		if f.Metric == i && f.Band >= 0 {
			return true
		}
	}
	return false
}

func BandAtText(m *scoring.Metric, v scoring.Num) string {
	if m.Unit == scoring.Seconds {
		return clock(v, 4)
	}
	return v.Short(4)
}
