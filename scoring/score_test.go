package scoring

import (
	"strings"
	"testing"
)

// TestSpecOctober is SPEC section 4: 0.2 + 0.2 + 1.2 + 0.2 + 0.25 = 2.05 → 2.1, pass.
func TestSpecOctober(t *testing.T) {
	sc := loadSpecScorecard(t)
	d := readText(t, sc, octoberCSV)
	mr := sc.ScoreMonth(d.Agents[0].Months[0].Month, d.Agents[0].Months[0].Inputs)
	wantPoints := []string{"1", "1", "3", "2", "2.5"}
	wantContrib := []string{"0.2", "0.2", "1.2", "0.2", "0.25"}
	for i, ms := range mr.Metrics {
		if ms.Points.String() != wantPoints[i] || ms.Contribution.String() != wantContrib[i] {
			t.Errorf("%s: points %s contribution %s, want %s and %s", sc.Metrics[i].ID, ms.Points, ms.Contribution, wantPoints[i], wantContrib[i])
		}
	}
	if mr.Exact.String() != "2.05" || mr.Score.String() != "2.1" || !mr.Pass || mr.Status != Complete {
		t.Errorf("October: exact %s score %s pass %v status %s; want 2.05, 2.1, pass", mr.Exact, mr.Score, mr.Pass, mr.Status)
	}
	if v := mr.Metrics[0].Value; v.Short(4) != "11.5385" || !v.Equal(Frac(60*100, 520)) {
		t.Errorf("offer rate = %s, want exactly 6000/520", v)
	}
}

// TestSpecQuarterNeed is SPEC section 5: October 2.05 and November 1.7 leave
// December needing 3 × 1.95 − 2.05 − 1.7 = 2.1.
func TestSpecQuarterNeed(t *testing.T) {
	sc := loadSpecScorecard(t)
	d := readText(t, sc, octoberCSV+"2026-11,Jo,500,50,0,20,17,455,0,0\n")
	q := sc.ScoreQuarter(MonthOf(2026, 10), d.Agents[0].Months)
	if q.Label != "2026-Q4" || q.Status != InProgress || q.Counted != 2 {
		t.Fatalf("quarter %+v", q)
	}
	if q.Months[1].Exact.String() != "1.7" {
		t.Errorf("November = %s, want 1.7", q.Months[1].Exact)
	}
	if q.Need == nil || !q.Need.Exact.Equal(MustNum("2.1")) || q.Need.Text(1) != "2.100" || q.Need.Remaining != 1 {
		t.Errorf("need = %+v, want exactly 2.1 shown as 2.100", q.Need)
	}
	if q.Score.String() != "1.9" {
		t.Errorf("quarter so far = %s, want 1.9 (mean of 2.05 and 1.7, rounded)", q.Score)
	}
}

func TestPointsFor(t *testing.T) {
	step := Metric{ID: "ce", Unit: Percent, Better: Higher, Bands: []Band{{N(3), N(90)}, {N(2), N(80)}}}
	lower := Metric{ID: "aht", Unit: Seconds, Better: Lower, Bands: []Band{{N(2), N(480)}, {N(3), N(420)}}}
	skip := Metric{ID: "x", Unit: Number, Better: Higher, Bands: []Band{{N(3), N(10)}}}
	interp := Metric{ID: "csat", Unit: Percent, Better: Higher, Interpolate: true, Bands: []Band{{N(1), N(70)}, {N(2), N(80)}, {N(3), N(95)}}}
	interpLow := Metric{ID: "aht", Unit: Seconds, Better: Lower, Interpolate: true, Bands: []Band{{N(1), N(600)}, {N(3), N(360)}}}
	points := Metric{ID: "qa", Unit: Points}
	sc := &Scorecard{Scale: Scale{1, 3}}
	tests := []struct {
		name string
		m    *Metric
		v    string
		want string
	}{
		{"below every band", &step, "79.99", "1"},
		{"at a threshold (inclusive)", &step, "80", "2"},
		{"between", &step, "89.999", "2"},
		{"at the top threshold", &step, "90", "3"},
		{"above", &step, "100", "3"},
		{"lower: worse than every band", &lower, "481", "1"},
		{"lower: at the threshold", &lower, "480", "2"},
		{"lower: at the best", &lower, "420", "3"},
		{"lower: far better", &lower, "0", "3"},
		{"skipped level", &skip, "9", "1"},
		{"skipped level reached", &skip, "10", "3"},
		{"interpolated: beyond the worst anchor", &interp, "50", "1"},
		{"interpolated: at the worst anchor", &interp, "70", "1"},
		{"interpolated: halfway", &interp, "75", "1.5"},
		{"interpolated: at a middle anchor", &interp, "80", "2"},
		{"interpolated: second segment", &interp, "87.5", "2.5"},
		{"interpolated: beyond the best", &interp, "99", "3"},
		{"interpolated lower: halfway", &interpLow, "480", "2"},
		{"interpolated lower: a third", &interpLow, "520", "1.666666666667"},
		{"interpolated lower: beyond", &interpLow, "700", "1"},
		{"points are points", &points, "2.5", "2.5"},
	}
	for _, tt := range tests {
		if got := sc.PointsFor(tt.m, MustNum(tt.v)).String(); got != tt.want {
			t.Errorf("%s: PointsFor(%s) = %s, want %s", tt.name, tt.v, got, tt.want)
		}
	}
}

// TestRoundingHalfAwayFromZero: a score exactly on a half rounds up, as a
// spreadsheet's ROUND does, for every number of decimals.
func TestRoundingHalfAwayFromZero(t *testing.T) {
	for _, tt := range []struct {
		decimals      int
		exact, scored string
	}{{0, "1.5", "2"}, {1, "2.05", "2.1"}, {2, "1.945", "1.95"}, {3, "1.9995", "2"}, {4, "2.00005", "2.0001"}} {
		if got := MustNum(tt.exact).Round(tt.decimals).String(); got != tt.scored {
			t.Errorf("%s to %d decimals = %s, want %s", tt.exact, tt.decimals, got, tt.scored)
		}
	}
}

func TestGates(t *testing.T) {
	sc := preset(t, "retention-smooth")
	head := "month,agent,surveys,satisfied,cancel_requests,saves,aht,calls,compliance\n"
	d := readText(t, sc, head+
		"2026-01,Jo,20,19,10,5,360,100,1\n"+ // everything at the top but compliance below its gate
		"2026-02,Jo,20,19,10,5,360,100,2\n"+ // the same at the gate: passes
		"2026-03,Jo,20,19,10,5,360,100,\n") // compliance blank: incomplete even though the gate would fail
	got := monthScores(sc, d)
	if got != "Jo 2026-01 gate failed 2.80; Jo 2026-02 complete 2.90; Jo 2026-03 incomplete" {
		t.Errorf("got %s", got)
	}
	res := sc.ScoreAgent(d.Agents[0])
	if res.Months[0].Pass || !res.Months[0].Metrics[3].GateFailed {
		t.Error("a gate-failed month must not pass")
	}
	// The gate-failed month counts in its quarter (gates are judged per month only).
	q := res.Quarters[0]
	if q.Counted != 2 || q.Status != InProgress {
		t.Errorf("quarter: counted %d status %s", q.Counted, q.Status)
	}
}

func TestQuarterLabels(t *testing.T) {
	tests := []struct {
		start int
		month Month
		label string
		first Month
	}{
		{1, MonthOf(2026, 10), "2026-Q4", MonthOf(2026, 10)},
		{1, MonthOf(2026, 12), "2026-Q4", MonthOf(2026, 10)},
		{1, MonthOf(2027, 1), "2027-Q1", MonthOf(2027, 1)},
		{4, MonthOf(2027, 1), "FY2027-Q4", MonthOf(2027, 1)},
		{4, MonthOf(2027, 3), "FY2027-Q4", MonthOf(2027, 1)},
		{4, MonthOf(2027, 4), "FY2028-Q1", MonthOf(2027, 4)},
		{4, MonthOf(2027, 6), "FY2028-Q1", MonthOf(2027, 4)},
		{4, MonthOf(2026, 12), "FY2027-Q3", MonthOf(2026, 10)},
		{2, MonthOf(2027, 1), "FY2027-Q4", MonthOf(2026, 11)},
		{2, MonthOf(2027, 2), "FY2028-Q1", MonthOf(2027, 2)},
		{12, MonthOf(2026, 12), "FY2027-Q1", MonthOf(2026, 12)},
		{12, MonthOf(2027, 2), "FY2027-Q1", MonthOf(2026, 12)},
	}
	for _, tt := range tests {
		sc := &Scorecard{Quarter: QuarterRule{StartMonth: tt.start}}
		first := sc.QuarterOf(tt.month)
		if first != tt.first || sc.QuarterLabel(first) != tt.label {
			t.Errorf("start %d, %s: quarter %s %s; want %s %s", tt.start, tt.month, first, sc.QuarterLabel(first), tt.first, tt.label)
		}
	}
}

// quarterOf scores the data's first agent and returns its quarters.
func quarters(t *testing.T, sc *Scorecard, text string) []QuarterResult {
	t.Helper()
	return sc.ScoreAgent(readText(t, sc, text).Agents[0]).Quarters
}

func TestAverageQuarter(t *testing.T) {
	sc := loadSpecScorecard(t)
	head := "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n"
	oct, nov := "2026-10,Jo,520,60,0,25,23,455,1,0\n", "2026-11,Jo,500,50,0,20,17,455,0,0\n"
	// December at 2.05 again: (2.05 + 1.7 + 2.05) / 3 = 1.9333 → 1.9: fail.
	q := quarters(t, sc, head+oct+nov+"2026-12,Jo,520,60,0,25,23,455,1,0\n")[0]
	if q.Status != Complete || q.Pass || q.Score.String() != "1.9" || q.Need != nil {
		t.Errorf("complete quarter: %s %v %s", q.Status, q.Pass, q.Score)
	}
	// December at 2.1 exactly: (2.05 + 1.7 + 2.1) / 3 = 1.95 → 2.0: pass (the need was met exactly).
	q = quarters(t, sc, head+oct+nov+"2026-12,Jo,520,60,0,25,23,455,0,0\n")[0]
	if q.Exact.String() != "1.95" || q.Score.String() != "2" || !q.Pass {
		t.Errorf("need met exactly: exact %s score %s pass %v", q.Exact, q.Score, q.Pass)
	}
	// An incomplete month counts as still to come.
	q = quarters(t, sc, head+oct+"2026-11,Jo,500,50,0,20,17,,0,0\n")[0]
	if q.Counted != 1 || q.Need.Remaining != 2 || q.Need.Text(1) != "1.900" {
		t.Errorf("incomplete November: counted %d need %+v", q.Counted, q.Need)
	}
	// Out of reach: two months at the bottom need more than 3 in December.
	bad := "2026-10,Jo,520,0,0,25,10,600,6,0\n2026-11,Jo,520,0,0,25,10,600,6,0\n"
	q = quarters(t, sc, head+bad)[0]
	if q.Need.Kind != OutOfReach || q.Need.Text(1) != "out of reach" {
		t.Errorf("need = %+v (exact %s)", q.Need, q.Need.Exact)
	}
	// Secured: two months at the top leave a need at or below the scale's minimum.
	good := "2026-10,Jo,100,60,3,25,25,400,0,0\n2026-11,Jo,100,60,3,25,25,400,0,0\n"
	q = quarters(t, sc, head+good)[0]
	if q.Need.Kind != Secured || q.Need.Text(1) != "secured" {
		t.Errorf("need = %+v (exact %s)", q.Need, q.Need.Exact)
	}
}

func TestAverageOfRounded(t *testing.T) {
	sc := loadSpecScorecard(t)
	sc.Quarter.AverageOf = AverageRounded
	d := readText(t, sc, octoberCSV+"2026-11,Jo,500,50,0,20,17,455,0,0\n")
	q := sc.ScoreQuarter(MonthOf(2026, 10), d.Agents[0].Months)
	// Counted months enter rounded: 3 × 1.95 − 2.1 − 1.7 = 2.05.
	if !q.Need.Exact.Equal(MustNum("2.05")) || q.Need.Text(1) != "2.050" {
		t.Errorf("need = %s", q.Need.Exact)
	}
}

func TestPooledQuarter(t *testing.T) {
	sc := preset(t, "tech-support")
	head := "month,agent,contacts,resolved_first,aht,promoters,passives,detractors,qa,late,absent\n"
	d := readText(t, sc, head+
		"2026-04,Jo,100,80,600,10,5,5,4,0,0\n"+
		"2026-05,Jo,300,210,800,10,5,15,4,1,0\n"+
		"2026-06,Jo,100,95,500,30,0,0,4,0,0\n")
	res := sc.ScoreAgent(d.Agents[0])
	if len(res.Quarters) != 1 || res.Quarters[0].Label != "FY2027-Q1" {
		t.Fatalf("quarters: %+v", res.Quarters)
	}
	q := res.Quarters[0]
	// FCR pooled: (80+210+95)/(100+300+100) = 77 %; NPS: 100·(50−20)/80 = 37.5;
	// AHT weighted by contacts: (60000+240000+50000)/500 = 700; QA mean 4;
	// attendance the mean of 5, 4, 5.
	want := []string{"37.5", "77", "700", "4", "4.666666666667"}
	for i, w := range want {
		if got := q.Metrics[i].Value.String(); got != w {
			t.Errorf("%s pooled = %s, want %s", sc.Metrics[i].ID, got, w)
		}
	}
	// Points 3, 3, 3, 4, 4.67: 0.9 + 0.75 + 0.45 + 0.8 + 0.4667 = 3.3667 → 3.37.
	if q.Score.String() != "3.37" || !q.Pass || q.Status != Complete {
		t.Errorf("pooled quarter: %s %v %s", q.Score, q.Pass, q.Status)
	}
	if len(q.MeanOf) != 0 {
		t.Errorf("mean-of notes: %v", q.MeanOf)
	}
	// With direct values only, the pooled quarter averages and says so.
	d = readText(t, sc, "month,nps,fcr,aht,qa,attendance\n2026-04,10,80,600,4,5\n2026-05,30,70,600,4,5\n")
	q = sc.ScoreAgent(d.Agents[0]).Quarters[0]
	if strings.Join(q.MeanOf, ",") != "nps,fcr" || q.Metrics[0].Value.String() != "20" || q.Status != InProgress {
		t.Errorf("direct values: mean of %v, nps %s, status %s", q.MeanOf, q.Metrics[0].Value, q.Status)
	}
}

func TestPooledGate(t *testing.T) {
	sc := preset(t, "retention-smooth")
	sc.Quarter = QuarterRule{Mode: Pooled, StartMonth: 1}
	head := "month,agent,surveys,satisfied,cancel_requests,saves,aht,calls,compliance\n"
	// Compliance 2, 2, 1: each month but March passes its gate; pooled, the
	// mean 1.67 is below the gate, so the quarter fails on it.
	q := quarters(t, sc, head+"2026-01,Jo,20,19,10,5,360,100,2\n2026-02,Jo,20,19,10,5,360,100,2\n2026-03,Jo,20,19,10,5,360,100,1\n")[0]
	if q.Status != GateFailed || q.Pass {
		t.Errorf("pooled gate: %s %v", q.Status, q.Pass)
	}
}
