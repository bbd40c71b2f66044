package state

import (
	"strings"
	"testing"
)

func TestEditorDraft(t *testing.T) {
	m, _, err := Update(NewModel(), ChooseScreen{Screen: ScreenEditor})
	if err != nil {
		t.Fatal(err)
	}
	// Weights of 40+10+20+20+10: CE from 40 to 39 makes 99.
	m, _, err = Update(m, EditDraft{Field: MetricField(2, "weight"), Value: "39"})
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := m.DraftScorecard()
	if got := WeightsTotal(sc).Short(2); got != "99" {
		t.Fatalf("weights total %s, want 99", got)
	}
	probs := CheckDraft(sc).ByField
	if got := strings.Join(probs[ScorecardField("metrics")], " "); got != "the weights add up to 99; they must add up to exactly 100" {
		t.Errorf("the weights' problem: %q (all: %v)", got, probs)
	}
	before := m
	if _, _, err := Update(m, UseDraft{}); err == nil || !strings.Contains(err.Error(), "the draft was not used, the scorecard in use stays: the scorecard is refused: scorecard, metrics: the weights add up to 99") {
		t.Errorf("using a 99 %% draft: %v", err)
	}
	if m.Scorecard != before.Scorecard {
		t.Error("the refused draft changed the scorecard in use")
	}

	for _, tt := range []struct {
		name string
		msg  Msg
		want string
	}{
		{"not a number", EditDraft{Field: ScorecardField("pass"), Value: "two"}, `"two" is not a number`},
		{"not whole", EditDraft{Field: ScorecardField("decimals"), Value: "1.5"}, `"1.5" is not a whole number`},
		{"no such field", EditDraft{Field: MetricField(99, "weight"), Value: "1"}, `there is no field "m99.weight"`},
		{"no such band", RemoveBand{Metric: 0, Band: 9}, "there is no band 10"},
		{"no such metric", RemoveMetric{Metric: 9}, "there is no metric 10"},
	} {
		if _, _, err := Update(m, tt.msg); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}

	// A band's problem lands on that band's field.
	m2, _, _ := Update(m, EditDraft{Field: BandField(2, 0, "points"), Value: "7"})
	sc, _ = m2.DraftScorecard()
	if got := CheckDraft(sc).ByField[BandField(2, 0, "points")]; len(got) == 0 {
		t.Errorf("points off the scale: no problem on m2.bands.0.points: %v", CheckDraft(sc).ByField)
	}

	// Mended, the draft is used and becomes the scorecard.
	m, _, _ = Update(m, EditDraft{Field: MetricField(4, "weight"), Value: "11"})
	m, _, _ = Update(m, EditDraft{Field: ScorecardField("name"), Value: "Our floor"})
	m, _, err = Update(m, UseDraft{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := Derive(m)
	if err != nil || v.Scorecard.Name != "Our floor" || m.Draft != "" {
		t.Errorf("after use: name %q, draft %q, err %v", v.Scorecard.Name, m.Draft, err)
	}

	// Adding and removing.
	m, _, _ = Update(m, AddMetric{})
	m, _, _ = Update(m, AddBand{Metric: 5})
	sc, _ = m.DraftScorecard()
	if len(sc.Metrics) != 6 || sc.Metrics[5].ID != "new_metric" || len(sc.Metrics[5].Bands) != 3 {
		t.Errorf("after adding: %d metrics, the new one %+v", len(sc.Metrics), sc.Metrics[5])
	}
	m, _, _ = Update(m, RemoveMetric{Metric: 5})
	if sc, _ = m.DraftScorecard(); len(sc.Metrics) != 5 {
		t.Errorf("after removing: %d metrics", len(sc.Metrics))
	}
}

// TestDraftFieldNames: the typed fields and the page's data-field hooks.
func TestDraftFieldNames(t *testing.T) {
	for _, tc := range []struct {
		f    DraftField
		want string
	}{
		{ScorecardField("pass"), "pass"},
		{ScorecardField("scale.max"), "scale.max"},
		{MetricField(2, "weight"), "m2.weight"},
		{MetricField(0, ""), "m0"},
		{BandField(2, 0, "at"), "m2.bands.0.at"},
	} {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.f, got, tc.want)
		}
	}
}

// TestBuildFromKinds: "CSAT 30, AHT 20, FCR 20, QA 20, attendance 10,
// scale 1 to 5, pass 3.0", built from kinds, is a scorecard the engine
// takes; CSAT's typical bands on 1 to 5 run from 70 % (2 points) to 90 %
// (5 points) evenly: 70, 70 + 20/3 = 76.67, 83.33, 90.
func TestBuildFromKinds(t *testing.T) {
	m := NewModel()
	send := func(msg Msg) { t.Helper(); m = updated(t, m, msg) }
	send(NewDraft{})
	send(EditDraft{Field: ScorecardField("scale.max"), Value: "5"})
	send(EditDraft{Field: ScorecardField("pass"), Value: "3.0"})
	for i, k := range []struct{ kind, weight string }{{"csat", "30"}, {"aht", "20"}, {"fcr", "20"}, {"qa", "20"}, {"attendance", "10"}} {
		send(AddMetric{Kind: k.kind})
		send(EditDraft{Field: MetricField(i, "weight"), Value: k.weight})
	}
	sc, err := m.DraftScorecard()
	if err != nil {
		t.Fatal(err)
	}
	var bands []string
	for _, b := range sc.Metric("csat").Bands {
		bands = append(bands, b.Points.String()+"@"+b.At.String())
	}
	if got := strings.Join(bands, " "); got != "2@70 3@76.67 4@83.33 5@90" {
		t.Errorf("CSAT's bands: %s", got)
	}
	send(UseDraft{})
	if v, err := Derive(m); err != nil || v.Scorecard.Name != "My scorecard" || len(v.Scorecard.Metrics) != 5 {
		t.Fatalf("using it: %v", err)
	}
	if _, _, err := Update(m, AddMetric{Kind: "astrology"}); err == nil {
		t.Error("an unknown kind was added")
	}
}

// TestEveryKindIsTaken: each kind alone, at weight 100, on a 1 to 3 and a
// 1 to 5 scale, makes a scorecard the engine takes.
func TestEveryKindIsTaken(t *testing.T) {
	for _, k := range MetricKinds {
		for _, top := range []string{"3", "5"} {
			m := NewModel()
			var err error
			for _, msg := range []Msg{NewDraft{}, EditDraft{Field: ScorecardField("scale.max"), Value: top},
				AddMetric{Kind: k.ID}, EditDraft{Field: MetricField(0, "weight"), Value: "100"}, UseDraft{}} {
				if m, _, err = Update(m, msg); err != nil {
					t.Errorf("kind %q, 1 to %s: %#v: %v", k.ID, top, msg, err)
					break
				}
			}
		}
	}
}

// TestEditSource: a metric renamed "CSAT" and read from the column csat
// reads that column (95 % in the data, where offers ÷ calls would give
// 60 ÷ 520 = 11.54 %); before it is used, the draft says which of its
// columns the data in use lacks.
func TestEditSource(t *testing.T) {
	m := NewModel()
	send := func(msg Msg) { t.Helper(); m = updated(t, m, msg) }
	i := 0 // offer rate, first in Care and sales
	for _, e := range []struct{ key, value string }{
		{"label", "CSAT"}, {"id", "csat"}, {"source.kind", "column"}, {"source.column", "csat"},
	} {
		send(EditDraft{Field: MetricField(i, e.key), Value: e.value})
	}
	sc, _ := m.DraftScorecard()
	p, _ := Prepare(m)
	if got := DraftLacks(sc, p.Data); len(got) != 1 || got[0] != "CSAT reads csat; your data has no csat." {
		t.Errorf("the draft's lacks on the example: %q", got)
	}
	send(SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent,csat\n2026-10,Jo,520,60,0,25,23,7:35,1,0,95\n"})
	sc, _ = m.DraftScorecard()
	p, _ = Prepare(m)
	if got := DraftLacks(sc, p.Data); len(got) != 0 {
		t.Errorf("the draft's lacks on data with csat: %q", got)
	}
	send(UseDraft{})
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	csat := v.Scorecard.Index("csat")
	if got := v.Result.Month.Metrics[csat].Value.String(); got != "95" {
		t.Errorf("CSAT reads %s, want 95 (the column csat)", got)
	}
	// Penalties as the editor writes them, and back.
	send(EditDraft{Field: MetricField(4, "source.penalties"), Value: "late 0,5, absent 2"})
	sc, _ = m.DraftScorecard()
	if got := PenaltiesText(sc.Metrics[4].Source); got != "late 0.5, absent 2" {
		t.Errorf("penalties: %q", got)
	}
	if _, _, err := Update(m, EditDraft{Field: MetricField(4, "source.penalties"), Value: "late"}); err == nil {
		t.Error("a penalty without points was taken")
	}
}

// TestBandAtInMinutes (issue 24): a handle-time band is typed as every
// other handle time is: 7:30 is 450 s, shown back as 7:30.
func TestBandAtInMinutes(t *testing.T) {
	m := updated(t, NewModel(), EditDraft{Field: BandField(3, 0, "at"), Value: "7:30"}) // Care and sales' AHT, its 2-point band
	sc, err := m.DraftScorecard()
	if err != nil {
		t.Fatal(err)
	}
	aht := &sc.Metrics[3]
	if aht.ID != "aht" || aht.Bands[0].At.String() != "450" || BandAtText(aht, aht.Bands[0].At) != "7:30" {
		t.Errorf("%s band at %s (%s)", aht.ID, aht.Bands[0].At, BandAtText(aht, aht.Bands[0].At))
	}
	if _, _, err := Update(m, EditDraft{Field: BandField(3, 0, "at"), Value: "seven"}); err == nil || !strings.Contains(err.Error(), "write it like 7:30") {
		t.Errorf("seven: %v", err)
	}
}
