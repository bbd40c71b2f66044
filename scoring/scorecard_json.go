package scoring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// ReadScorecard reads a scorecard file (SPEC section 2), fills in the
// defaults and validates it. A refused scorecard gives a *ScorecardError
// listing every problem at once; nothing may be scored with it.
func ReadScorecard(r io.Reader) (*Scorecard, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ParseScorecard(data)
}

// ParseScorecard is ReadScorecard on bytes.
func ParseScorecard(data []byte) (*Scorecard, error) {
	sc, d, err := decode(data)
	if err != nil {
		return nil, err
	}
	var verr *ScorecardError
	if err := sc.Validate(); errors.As(err, &verr) {
		// A field already reported as missing or mistyped is not reported again
		// for the zero value it was given.
		for _, p := range verr.Problems {
			if !d.reported(p) {
				d.problems = append(d.problems, p)
			}
		}
	}
	if len(d.problems) > 0 {
		return nil, &ScorecardError{Problems: d.problems, More: d.more}
	}
	return sc, nil
}

// DecodeScorecard reads a scorecard file and fills in the defaults without
// checking its rules: only what cannot be read at all (bad JSON, unknown
// keys, text where a number belongs) is refused. It is for an editor's
// draft, which may break rules while it is written; Validate says which.
func DecodeScorecard(data []byte) (*Scorecard, error) {
	sc, d, err := decode(data)
	if err == nil && len(d.problems) > 0 {
		err = &ScorecardError{Problems: d.problems, More: d.more}
	}
	if err != nil {
		return nil, err
	}
	return sc, nil
}

// decode reads the file's JSON into a scorecard; d holds the problems of
// shape it met, err a file that is not JSON at all.
func decode(data []byte) (*Scorecard, *decoder, error) {
	data = cleanText(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeOrdered(dec, 0)
	if err != nil {
		return nil, nil, &ScorecardError{Problems: []Problem{{Rule: jsonErrorText(data, err)}}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, &ScorecardError{Problems: []Problem{{Rule: "the file goes on after the scorecard's closing '}': remove what follows it"}}}
	}
	d := &decoder{}
	return d.scorecard(v), d, nil
}

// errTooDeep stops reading a file that nests deeper than MaxNesting.
var errTooDeep = fmt.Errorf("the file nests lists and objects more than %d deep, and a scorecard needs at most 6: it is not a scorecard, or it is damaged", MaxNesting)

func jsonErrorText(data []byte, err error) string {
	if err == errTooDeep {
		return err.Error()
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := 1, 1
		for _, c := range data[:min(int(se.Offset), len(data))] {
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return fmt.Sprintf("the file is not valid JSON: %s (line %d, column %d)", se.Error(), line, col)
	}
	if err == io.EOF && len(bytes.TrimSpace(data)) > 0 {
		return "the file is not valid JSON: it ends too early (a '}' or ']' is missing)"
	}
	if err == io.EOF {
		return "the file is empty: a scorecard is a JSON object such as {\"version\": 1, ...}"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the file is not valid JSON: it ends too early (a '}' or ']' is missing)"
	}
	return "the file is not valid JSON: " + err.Error()
}

// decoder turns the generic JSON value into a Scorecard, noting every
// missing, mistyped or unknown field as a Problem.
type decoder struct {
	problems []Problem
	more     int    // problems past MaxProblemsKept, counted only
	metric   string // the metric being read, for Problem.Metric
	metricN  int    // its number, from 1, for Problem.MetricN
}

func (d *decoder) add(field, format string, args ...any) {
	if len(d.problems) >= MaxProblemsKept {
		d.more++
		return
	}
	d.problems = append(d.problems, Problem{Metric: d.metric, Field: field, Rule: fmt.Sprintf(format, args...), MetricN: d.metricN, Key: field})
}

func (d *decoder) reported(p Problem) bool {
	for _, q := range d.problems {
		if q.Metric == p.Metric && (q.Field == p.Field || strings.HasPrefix(p.Field, q.Field+".") || strings.HasPrefix(p.Field, q.Field+"[")) {
			return true
		}
	}
	return false
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// object checks that v is an object whose keys are all known.
func (d *decoder) object(v any, field string, known ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		d.add(field, "must be an object {…}, found %s", describe(v))
		return nil
	}
	var unknown []string
	for k := range m {
		if k != orderKey && k != dupKey && !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	dups, _ := m[dupKey].([]string)
	for _, k := range dups {
		d.add(join(field, k), "the key %s is given twice: keep one", Clip(k))
	}
	for _, k := range unknown {
		d.add(join(field, k), "unknown key %s: the keys allowed here are %s", Clip(k), strings.Join(known, ", "))
	}
	return m
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("%v", x)
	case json.Number:
		return "the number " + ClipPlain(x.String())
	case string:
		return "the text " + Clip(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%v", v)
}

func (d *decoder) num(m map[string]any, key, field string, required bool) (Num, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			d.add(join(field, key), "is required")
		}
		return Num{}, false
	}
	n, isNum := v.(json.Number)
	if !isNum {
		d.add(join(field, key), "must be a number, found %s", describe(v))
		return Num{}, false
	}
	x, err := ParseNum(n.String())
	if digits := countDigits(n.String()); digits > MaxDigits {
		d.add(join(field, key), "must have at most %d digits, found a number of %d digits: %s", MaxDigits, digits, ClipPlain(n.String()))
		return Num{}, false
	}
	if err != nil {
		d.add(join(field, key), "must be a plain decimal number such as 2 or 2.5, found %s", ClipPlain(n.String()))
		return Num{}, false
	}
	return x, true
}

func (d *decoder) whole(m map[string]any, key, field string, required bool) (int, bool) {
	x, ok := d.num(m, key, field, required)
	if !ok {
		return 0, false
	}
	if !x.IsInt() || x.Less(N(-1_000_000)) || N(1_000_000).Less(x) {
		d.add(join(field, key), "must be a whole number, found %s", x)
		return 0, false
	}
	return int(x.Int64()), true
}

func (d *decoder) str(m map[string]any, key, field string, required bool) (string, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			d.add(join(field, key), "is required")
		}
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		d.add(join(field, key), "must be a text in quotes, found %s", describe(v))
		return "", false
	}
	return s, true
}

func (d *decoder) scorecard(v any) *Scorecard {
	sc := &Scorecard{Scale: Scale{1, 3}, Quarter: QuarterRule{Average, 1, AverageExact}}
	m := d.object(v, "", "version", "name", "scale", "pass", "decimals", "quarter", "metrics")
	if m == nil {
		return sc
	}
	sc.Version, _ = d.whole(m, "version", "", true)
	sc.Name, _ = d.str(m, "name", "", false)
	if s, ok := m["scale"]; ok {
		if sm := d.object(s, "scale", "min", "max"); sm != nil {
			if x, ok := d.whole(sm, "min", "scale", false); ok {
				sc.Scale.Min = x
			}
			if x, ok := d.whole(sm, "max", "scale", false); ok {
				sc.Scale.Max = x
			}
		}
	}
	sc.Pass, _ = d.num(m, "pass", "", true)
	sc.Decimals, _ = d.whole(m, "decimals", "", true)
	if q, ok := m["quarter"]; ok {
		if qm := d.object(q, "quarter", "mode", "start_month", "average_of"); qm != nil {
			if s, ok := d.str(qm, "mode", "quarter", false); ok {
				sc.Quarter.Mode = QuarterMode(s)
			}
			if x, ok := d.whole(qm, "start_month", "quarter", false); ok {
				sc.Quarter.StartMonth = x
			}
			if s, ok := d.str(qm, "average_of", "quarter", false); ok {
				sc.Quarter.AverageOf = AverageOf(s)
				if sc.Quarter.Mode == Pooled {
					d.add("quarter.average_of", "applies to average mode only: remove it, or set mode to average")
				}
			}
		}
	}
	list, ok := m["metrics"]
	if !ok {
		d.add("metrics", "is required: list the metrics in [ … ]")
		return sc
	}
	items, isList := list.([]any)
	if !isList {
		d.add("metrics", "must be a list [ … ], found %s", describe(list))
		return sc
	}
	if len(items) > MaxMetrics {
		d.add("metrics", "has %d metrics, more than the %d a scorecard may have: keep the ones your centre scores", len(items), MaxMetrics)
		return sc
	}
	for i, item := range items {
		sc.Metrics = append(sc.Metrics, d.metricAt(item, i))
	}
	d.metric, d.metricN = "", 0
	return sc
}

func (d *decoder) metricAt(v any, i int) Metric {
	var mt Metric
	d.metric, d.metricN = fmt.Sprintf("metric %d", i+1), i+1
	if mm, ok := v.(map[string]any); ok {
		if id, ok := mm["id"].(string); ok && id != "" {
			d.metric = id
		}
	}
	m := d.object(v, "", "id", "label", "unit", "better", "weight", "source", "bands", "interpolate", "gate")
	if m == nil {
		return mt
	}
	mt.ID, _ = d.str(m, "id", "", true)
	mt.Label, _ = d.str(m, "label", "", true)
	if s, ok := d.str(m, "unit", "", true); ok {
		mt.Unit = Unit(s)
	}
	if s, ok := d.str(m, "better", "", false); ok {
		mt.Better = Better(s)
	}
	if w, ok := d.num(m, "weight", "", true); ok {
		mt.Weight = w
	}
	if s, ok := m["source"]; ok {
		mt.Source = d.source(s)
	}
	if b, ok := m["bands"]; ok {
		mt.Bands = d.bands(b)
	}
	if v, ok := m["interpolate"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			d.add("interpolate", "must be true or false, found %s", describe(v))
		}
		mt.Interpolate = b
	}
	if g, ok := d.num(m, "gate", "", false); ok {
		mt.Gate = &g
	}
	return mt
}

func (d *decoder) source(v any) Source {
	m := d.object(v, "source", "column", "weight_by", "ratio", "nps", "deduct")
	if m == nil {
		return Source{}
	}
	var kinds []string
	for _, k := range []string{"column", "ratio", "nps", "deduct"} {
		if _, ok := m[k]; ok {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) != 1 {
		d.add("source", "must name exactly one of column, ratio, nps or deduct, found %d", len(kinds))
		return Source{}
	}
	if _, ok := m["weight_by"]; ok && kinds[0] != "column" {
		d.add("source.weight_by", "goes with a column source only")
	}
	src := Source{Kind: SourceKind(kinds[0])}
	switch src.Kind {
	case FromColumn:
		src.Column, _ = d.str(m, "column", "source", true)
		src.WeightBy, _ = d.str(m, "weight_by", "source", false)
	case FromRatio:
		if r := d.object(m["ratio"], "source.ratio", "num", "den"); r != nil {
			src.Num, _ = d.str(r, "num", "source.ratio", true)
			src.Den, _ = d.str(r, "den", "source.ratio", true)
		}
	case FromNPS:
		if r := d.object(m["nps"], "source.nps", "promoters", "passives", "detractors"); r != nil {
			src.Promoters, _ = d.str(r, "promoters", "source.nps", true)
			src.Passives, _ = d.str(r, "passives", "source.nps", true)
			src.Detractors, _ = d.str(r, "detractors", "source.nps", true)
		}
	case FromDeduct:
		r, ok := m["deduct"].(map[string]any)
		if !ok {
			d.add("source.deduct", "must be an object of column names and penalties, such as {\"late\": 0.5}")
			break
		}
		dups, _ := r[dupKey].([]string)
		for _, col := range dups {
			d.add("source.deduct."+col, "the incident column %q is given twice: keep one", col)
		}
		for _, col := range keyOrder(r) {
			if p, ok := d.num(r, col, "source.deduct", true); ok {
				src.Penalties = append(src.Penalties, Penalty{Column: col, Points: p})
			}
		}
	}
	return src
}

// orderKey is where decodeOrdered keeps an object's keys in file order.
// dupKey keeps the keys an object gives more than once.
const (
	orderKey = "\x00order"
	dupKey   = "\x00dup"
)

// keyOrder returns an object's keys in the order the file gives them.
func keyOrder(m map[string]any) []string {
	keys, _ := m[orderKey].([]string)
	return keys
}

// decodeOrdered decodes one JSON value like json.Decoder.Decode into any
// (numbers as json.Number), and records each object's keys in file order.
func decodeOrdered(dec *json.Decoder, depth int) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= MaxNesting {
			return nil, errTooDeep
		}
		if t == '[' {
			list := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec, depth+1)
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			_, err := dec.Token()
			return list, err
		}
		obj := map[string]any{}
		var order, dups []string
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := decodeOrdered(dec, depth+1)
			if err != nil {
				return nil, err
			}
			if _, dup := obj[k]; dup {
				dups = append(dups, k)
			} else {
				order = append(order, k)
			}
			obj[k] = v
		}
		obj[orderKey], obj[dupKey] = order, dups
		_, err := dec.Token()
		return obj, err
	}
	return tok, nil
}

func (d *decoder) bands(v any) []Band {
	items, ok := v.([]any)
	if !ok {
		d.add("bands", "must be a list such as [{\"points\": 2, \"at\": 80}], found %s", describe(v))
		return nil
	}
	if len(items) > MaxBands {
		d.add("bands", "has %d bands, more than the %d a metric may have", len(items), MaxBands)
		return nil
	}
	var out []Band
	for i, item := range items {
		field := fmt.Sprintf("bands[%d]", i+1)
		m := d.object(item, field, "points", "at")
		if m == nil {
			continue
		}
		p, ok1 := d.num(m, "points", field, true)
		a, ok2 := d.num(m, "at", field, true)
		if ok1 && ok2 {
			out = append(out, Band{Points: p, At: a})
		}
	}
	return out
}
