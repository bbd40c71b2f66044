package scoring

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

const specExample = "../../shared/examples/care-and-sales.json"

func loadSpecScorecard(t testing.TB) *Scorecard {
	t.Helper()
	b, err := os.ReadFile(specExample)
	if err != nil {
		b = mustPreset("care-and-sales") // the same file, shipped as a preset
	}
	sc, err := ParseScorecard(b)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// preset loads a built-in scorecard or fails the test.
func preset(t testing.TB, id string) *Scorecard {
	t.Helper()
	sc, err := LoadPreset(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestReadSpecScorecard(t *testing.T) {
	sc := loadSpecScorecard(t)
	if sc.Name != "Care and sales, 1-2-3" || sc.Scale != (Scale{1, 3}) || !sc.Pass.Equal(N(2)) || sc.Decimals != 1 {
		t.Fatalf("header fields: %+v", sc)
	}
	if sc.Quarter != (QuarterRule{Average, 1, AverageExact}) {
		t.Errorf("quarter = %+v", sc.Quarter)
	}
	ids := []string{}
	for _, m := range sc.Metrics {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "offer_rate,conversion,ce,aht,attendance" {
		t.Errorf("ids = %v", ids)
	}
	att := sc.Metric("attendance")
	if att.Source.Kind != FromDeduct || len(att.Source.Penalties) != 2 || att.Source.Penalties[0].Column != "late" ||
		!att.Source.Penalties[0].Points.Equal(Frac(1, 2)) {
		t.Errorf("attendance source = %+v (penalties keep the file's order)", att.Source)
	}
	if aht := sc.Metric("aht"); aht.Source.Kind != FromColumn || aht.Source.Column != "aht" || aht.Better != Lower {
		t.Errorf("aht = %+v", aht)
	}
}

func TestScorecardDefaults(t *testing.T) {
	sc, err := ParseScorecard([]byte(`{"version":1,"pass":2,"decimals":0,"metrics":[
		{"id":"qa","label":"Quality","unit":"points","weight":100}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Scale != (Scale{1, 3}) || sc.Quarter != (QuarterRule{Average, 1, AverageExact}) {
		t.Errorf("defaults: scale %+v quarter %+v", sc.Scale, sc.Quarter)
	}
	if sc.Metrics[0].Source.Kind != Direct {
		t.Errorf("a metric with no source takes its value directly, got %q", sc.Metrics[0].Source.Kind)
	}
}

// TestScorecardRoundTrip writes every preset and the SPEC example and reads
// them back: the same scorecard, and the same bytes a second time.
func TestScorecardRoundTrip(t *testing.T) {
	cards := map[string]*Scorecard{"spec": loadSpecScorecard(t)}
	for _, p := range Presets() {
		sc, err := LoadPreset(p.ID)
		if err != nil {
			t.Fatalf("preset %s: %v", p.ID, err)
		}
		cards[p.ID] = sc
	}
	for name, sc := range cards {
		var first, second bytes.Buffer
		if err := WriteScorecard(&first, sc); err != nil {
			t.Fatal(err)
		}
		again, err := ParseScorecard(first.Bytes())
		if err != nil {
			t.Fatalf("%s: reading the written scorecard: %v\n%s", name, err, first.String())
		}
		if !reflect.DeepEqual(normalised(sc), normalised(again)) {
			t.Errorf("%s: round trip changed the scorecard", name)
		}
		WriteScorecard(&second, again)
		if first.String() != second.String() {
			t.Errorf("%s: writing is not stable:\n%s\n%s", name, first.String(), second.String())
		}
	}
}

// normalised prints numbers so that DeepEqual compares values, not big.Rat internals.
func normalised(sc *Scorecard) string {
	var b bytes.Buffer
	WriteScorecard(&b, sc)
	return b.String()
}

const okMetric = `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"bands":[{"points":2,"at":80}]}`

func card(top, metrics string) string {
	if top != "" {
		top += ","
	}
	return `{"version":1,"pass":2,"decimals":1,` + top + `"metrics":[` + metrics + `]}`
}

// TestScorecardRefused: each scorecard breaks rules; every problem is named.
func TestScorecardRefused(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string // each must appear in the error, one problem per entry
	}{
		{"empty file", ``, []string{"the file is empty"}},
		{"not json", `{"version": 1,,}`, []string{"not valid JSON: invalid character ',' looking for beginning of object key string (line 1, column 15)"}},
		{"cut short", `{"version": 1, "metrics": [`, []string{"ends too early"}},
		{"trailing text", card("", okMetric) + ` x`, []string{"goes on after"}},
		{"not an object", `[1,2]`, []string{"must be an object"}},
		{"typo in a metric key", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"interpolte":true,"bands":[{"points":2,"at":80}]}`),
			[]string{`metric "ce", interpolte: unknown key "interpolte"`}},
		{"unknown top key", card(`"passmark":2`, okMetric), []string{`scorecard, passmark: unknown key "passmark"`}},
		{"unknown key in scale", card(`"scale":{"min":1,"max":3,"mid":2}`, okMetric), []string{`scale.mid: unknown key`}},
		{"duplicate key", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":50,"weight":100,"bands":[{"points":2,"at":80}]}`),
			[]string{`weight: the key "weight" is given twice`}},
		{"missing required", `{"metrics":[]}`, []string{"version: is required", "pass: is required", "decimals: is required", "at least one metric"}},
		{"missing metrics", `{"version":1,"pass":2,"decimals":1}`, []string{"metrics: is required"}},
		{"wrong version", `{"version":2,"pass":2,"decimals":1,"metrics":[` + okMetric + `]}`, []string{"version: must be 1, found 2"}},
		{"wrong types", `{"version":"1","pass":"2","decimals":1.5,"metrics":{}}`, []string{`version: must be a number, found the text "1"`, "pass: must be a number", "decimals: must be a whole number, found 1.5", "metrics: must be a list"}},
		{"weights 99.99", card("", strings.Replace(okMetric, `"weight":100`, `"weight":99.99`, 1)), []string{"the weights add up to 99.99; they must add up to exactly 100"}},
		{"weights in thirds", card("", strings.Join([]string{
			strings.Replace(okMetric, `"weight":100`, `"weight":33.33`, 1),
			strings.NewReplacer(`"weight":100`, `"weight":33.33`, `"ce"`, `"b"`, `"CE"`, `"B"`).Replace(okMetric),
			strings.NewReplacer(`"weight":100`, `"weight":33.34`, `"ce"`, `"c"`, `"CE"`, `"C"`).Replace(okMetric)}, ",")), nil},
		{"negative weight", card("", strings.Replace(okMetric, `"weight":100`, `"weight":-10`, 1)+`,`+
			strings.NewReplacer(`"weight":100`, `"weight":110`, `"ce"`, `"b"`, `"CE"`, `"B"`).Replace(okMetric)), []string{`metric "ce", weight: must not be negative, found -10`}},
		{"pass off the scale", card(`"scale":{"min":1,"max":3}`, okMetric)[:0] + `{"version":1,"pass":3.5,"decimals":1,"metrics":[` + okMetric + `]}`, []string{"pass: the pass mark 3.5 must lie on the scale 1 to 3"}},
		{"scale upside down", card(`"scale":{"min":3,"max":1}`, okMetric), []string{"scale: min (3) must be below max (1)"}},
		{"negative scale", card(`"scale":{"min":-1,"max":3}`, okMetric), []string{"scale.min: must be 0 or more"}},
		{"decimals 5", `{"version":1,"pass":2,"decimals":5,"metrics":[` + okMetric + `]}`, []string{"decimals: must be 0 to 4, found 5"}},
		{"bad quarter", card(`"quarter":{"mode":"sum","start_month":13,"average_of":"median"}`, okMetric),
			[]string{`quarter.mode: must be "average" or "pooled"`, "quarter.start_month: must be a month number from 1 to 12, found 13", `quarter.average_of: must be "exact" or "rounded"`}},
		{"average_of in pooled mode", card(`"quarter":{"mode":"pooled","average_of":"rounded"}`, okMetric), []string{"average_of: applies to average mode only"}},
		{"bad id", card("", strings.Replace(okMetric, `"id":"ce"`, `"id":"C E"`, 1)), []string{`"C E" may hold only lower-case letters, digits and _`}},
		{"no label", card("", strings.Replace(okMetric, `"label":"CE",`, ``, 1)), []string{`metric "ce", label: is required`}},
		{"bad unit and better", card("", strings.NewReplacer(`"unit":"percent"`, `"unit":"pct"`).Replace(okMetric)), []string{`unit: must be percent, seconds, number or points, found "pct"`}},
		{"better missing", card("", strings.Replace(okMetric, `"better":"higher",`, ``, 1)), []string{`better: must be "higher" or "lower", found ""`}},
		{"duplicate ids", card("", okMetric+","+strings.Replace(okMetric, `"label":"CE"`, `"label":"CE two"`, 1)), []string{`the id "ce" is used by another metric`}},
		{"label names another metric's column", card("", strings.NewReplacer(`"weight":100`, `"weight":50`, `"id":"ce"`, `"id":"c_e"`).Replace(okMetric)+","+
			strings.NewReplacer(`"weight":100`, `"weight":50`, `"id":"ce"`, `"id":"csat"`, `"label":"CE"`, `"label":"C-E"`).Replace(okMetric)),
			[]string{`its id or label "C-E" names the same data column as metric "c_e"`}},
		{"reserved name", card("", strings.NewReplacer(`"id":"ce"`, `"id":"month"`).Replace(okMetric)), []string{`"month" is the name of a data column with another meaning`}},
		{"band off the scale and twice", card("", strings.Replace(okMetric, `[{"points":2,"at":80}]`, `[{"points":2,"at":80},{"points":2,"at":85},{"points":4,"at":90}]`, 1)),
			[]string{"bands[2].points: the level 2 is given twice", "bands[3].points: 4 is not on the scale 1 to 3"}},
		{"bands out of order", card("", strings.Replace(okMetric, `[{"points":2,"at":80}]`, `[{"points":2,"at":90},{"points":3,"at":80}]`, 1)),
			[]string{"the threshold for 3 points (80) must be strictly above the one for 2 points (90), as higher is better"}},
		{"lower bands out of order", card("", strings.NewReplacer(`"better":"higher"`, `"better":"lower"`, `[{"points":2,"at":80}]`, `[{"points":2,"at":400},{"points":3,"at":420}]`).Replace(okMetric)),
			[]string{"must be strictly below the one for 2 points (400), as lower is better"}},
		{"no bands", card("", strings.Replace(okMetric, `,"bands":[{"points":2,"at":80}]`, ``, 1)), []string{"a percent metric needs at least one band"}},
		{"interpolated without anchors", card("", strings.Replace(okMetric, `"bands"`, `"interpolate":true,"bands"`, 1)), []string{"interpolated bands must give both the 1-point and the 3-point anchors"}},
		{"interpolate not a bool", card("", strings.Replace(okMetric, `"bands"`, `"interpolate":"yes","bands"`, 1)), []string{`interpolate: must be true or false, found the text "yes"`}},
		{"gate off the scale", card("", strings.Replace(okMetric, `"bands"`, `"gate":0,"bands"`, 1)), []string{"gate: the gate 0 must lie on the scale 1 to 3"}},
		{"points metric with bands and better", card("", `{"id":"qa","label":"QA","unit":"points","better":"higher","weight":100,"bands":[{"points":2,"at":1}]}`),
			[]string{"better: is not used by a points metric", "bands: a points metric has no bands"}},
		{"deduct needs points", card("", `{"id":"att","label":"Attendance","unit":"percent","better":"higher","weight":100,"source":{"deduct":{"late":0.5}},"bands":[{"points":2,"at":1}]}`),
			[]string{"a deduct source gives points: set the unit"}},
		{"negative penalty and duplicate", card("", `{"id":"att","label":"Attendance","unit":"points","weight":100,"source":{"deduct":{"late":-0.5,"late":1}}}`),
			[]string{`incident column "late" is given twice`}},
		{"negative penalty", card("", `{"id":"att","label":"Attendance","unit":"points","weight":100,"source":{"deduct":{"late":-0.5}}}`),
			[]string{"source.deduct.late: a penalty must not be negative, found -0.5"}},
		{"empty deduct", card("", `{"id":"att","label":"Attendance","unit":"points","weight":100,"source":{"deduct":{}}}`), []string{"name at least one incident column"}},
		{"two sources", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"source":{"column":"ce","ratio":{"num":"a","den":"b"}},"bands":[{"points":2,"at":80}]}`),
			[]string{"source: must name exactly one of column, ratio, nps or deduct, found 2"}},
		{"ratio on points", card("", `{"id":"qa","label":"QA","unit":"points","weight":100,"source":{"ratio":{"num":"a","den":"b"}}}`), []string{"a points metric takes its points from a deduct source or a column"}},
		{"ratio same columns", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"source":{"ratio":{"num":"calls","den":"Calls"}},"bands":[{"points":2,"at":80}]}`),
			[]string{`the column "Calls" is named twice in one source`}},
		{"ratio missing den", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"source":{"ratio":{"num":"a"}},"bands":[{"points":2,"at":80}]}`),
			[]string{"source.ratio.den: is required"}},
		{"weight_by on a ratio", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"source":{"ratio":{"num":"a","den":"b"},"weight_by":"calls"},"bands":[{"points":2,"at":80}]}`),
			[]string{"source.weight_by: goes with a column source only"}},
		{"weight_by itself", card("", `{"id":"aht","label":"AHT","unit":"seconds","better":"lower","weight":100,"source":{"column":"aht","weight_by":"AHT"},"bands":[{"points":2,"at":480}]}`),
			[]string{`"AHT" is the value column itself`}},
		{"nps in seconds", card("", `{"id":"nps","label":"NPS","unit":"seconds","better":"higher","weight":100,"source":{"nps":{"promoters":"p","passives":"n","detractors":"d"}},"bands":[{"points":2,"at":0}]}`),
			[]string{"an NPS is a number from -100 to 100, not seconds"}},
		{"source column named month", card("", `{"id":"ce","label":"CE","unit":"percent","better":"higher","weight":100,"source":{"column":"Month"},"bands":[{"points":2,"at":80}]}`),
			[]string{`"Month" cannot be a source column`}},
		{"exponent", card("", strings.Replace(okMetric, `"weight":100`, `"weight":1e2`, 1)), []string{"weight: must be a plain decimal number such as 2 or 2.5, found 1e2"}},
		{"many at once", `{"version":1,"pass":9,"decimals":7,"metrics":[` + strings.NewReplacer(`"weight":100`, `"weight":90`, `"interpolte"`, ``).Replace(okMetric) + `]}`,
			[]string{"pass: the pass mark 9", "decimals: must be 0 to 4", "the weights add up to 90"}},
		{"preset is fine", string(mustPreset("tech-support")), nil},
		{"BOM is fine", "\xef\xbb\xbf" + card("", okMetric), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ParseScorecard([]byte(tt.json))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused a good scorecard: %v", err)
				}
				return
			}
			var se *ScorecardError
			if !errors.As(err, &se) {
				t.Fatalf("want a *ScorecardError, got %v (scorecard %+v)", err, sc)
			}
			if sc != nil {
				t.Error("a refused scorecard must not be returned")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("the error does not say %q:\n%s", w, msg)
				}
			}
			if len(se.Problems) < len(tt.want) {
				t.Errorf("want at least %d problems, got %d:\n%s", len(tt.want), len(se.Problems), msg)
			}
		})
	}
}

// TestValidateBuiltByHand: a scorecard built in code is checked by Validate.
func TestValidateBuiltByHand(t *testing.T) {
	sc := loadSpecScorecard(t)
	if err := sc.Validate(); err != nil {
		t.Fatalf("the SPEC example does not validate: %v", err)
	}
	sc.Metrics[0].Weight = N(19)
	sc.Metrics[2].Bands[1].At = N(70)
	err := sc.Validate()
	var se *ScorecardError
	if !errors.As(err, &se) || len(se.Problems) != 2 {
		t.Fatalf("want 2 problems, got %v", err)
	}
	if !strings.Contains(err.Error(), "the scorecard is refused (2 problems)") {
		t.Errorf("message: %s", err)
	}
}
