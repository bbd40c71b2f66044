package state

import (
	"strings"
	"testing"

	"passline/scoring"
)

// qaScorecard has a QA metric whose value is the mean of evaluations.
const qaScorecard = `{"version":1,"name":"QA care","pass":2.5,"decimals":1,"metrics":[
 {"id":"ce","label":"Customer experience","unit":"percent","better":"higher","weight":40,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]},
 {"id":"qa","label":"Quality","unit":"percent","better":"higher","weight":60,"source":{"column":"qa"},"bands":[{"points":2,"at":80},{"points":3,"at":88}]}]}`

// TestQAAppeal (issue 24): an agent types her month's evaluations (85 %,
// 70 %, 92 %, 88 %: mean 335 / 4 = 83.75 %, the month's recorded QA, 2
// points) and appeals the second (70 → 90 %: mean 355 / 4 = 88.75 %, 3
// points). With CE 23 of 25 = 92 % (3 points, 1.2): recorded 1.2 + 1.2 =
// 2.4, a FAIL against 2.5; appealed 1.2 + 1.8 = 3.0, a PASS. The quarter
// (October alone counted; T = 2.45): the months to come need (3 × 2.45 −
// 2.4) / 2 = 2.475 as recorded, (7.35 − 3.0) / 2 = 2.175 with the appeal.
func TestQAAppeal(t *testing.T) {
	m := updated(t, NewModel(), ImportScorecard{Name: "qa.json", JSON: qaScorecard},
		SetData{Text: "month,agent,surveys,satisfied,qa\n2026-10,Jo,25,23,83.75\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	list, err := ReadEvaluations(p.Scorecard, p.Scorecard.Metric("qa"), "85, 70, 92, 88")
	if err != nil || len(list) != 4 {
		t.Fatalf("read: %v %v", list, err)
	}
	ninety := scoring.N(90)
	m = updated(t, m, SetEvaluations{Metric: "qa", List: list}, AppealEvaluation{Metric: "qa", Index: 1, Value: &ninety})
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	a := v.Appeal
	if a == nil || len(a.Evaluated) != 1 {
		t.Fatalf("appeal: %+v", a)
	}
	em := a.Evaluated[0]
	if em.RecordedMean.String() != "83.75" || em.After.String() != "88.75" || em.Differs {
		t.Errorf("means %s → %s (differs %v)", em.RecordedMean, em.After, em.Differs)
	}
	if a.Official.Score.String() != "2.4" || a.Official.Pass || a.After.Score.String() != "3" || !a.After.Pass {
		t.Errorf("month %s %v → %s %v", a.Official.Score, a.Official.Pass, a.After.Score, a.After.Pass)
	}
	want := "Quarter 2026-Q4 as recorded: the months to come need 2.475; with the appeal: the months to come need 2.175."
	if got := AppealQuarterWords(v.Scorecard, a); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	want = "Mean of 4 evaluations as recorded: 83.75" + NBSP + "%; with the appeal: 88.75" + NBSP + "%."
	if got := EvaluatedWords(v.Scorecard, v.Scorecard.Metric("qa"), em); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The month itself and the sliders are untouched: a what-if of the appeal only.
	if v.Result.Month.Score.String() != "2.4" {
		t.Errorf("the month moved: %s", v.Result.Month.Score)
	}
	// Back as recorded; an evaluation off the scale, or a list of another kind, refused.
	m = updated(t, m, AppealEvaluation{Metric: "qa", Index: 1})
	if v, _ = Derive(m); v.Appeal.Changed {
		t.Error("the appeal did not go back")
	}
	if _, err := ReadEvaluations(p.Scorecard, p.Scorecard.Metric("qa"), "85, seventy"); err == nil {
		t.Error("a word read as an evaluation")
	}
	big := scoring.N(150)
	if _, _, err := Update(m, AppealEvaluation{Metric: "qa", Index: 0, Value: &big}); err == nil {
		t.Error("150 % taken as an evaluation")
	}
	if _, _, err := Update(m, SetEvaluations{Metric: "ce", List: list}); err == nil {
		t.Error("evaluations of a counted metric taken")
	}
	// Semicolons allow decimal commas; commas separate.
	if got, err := ReadEvaluations(p.Scorecard, p.Scorecard.Metric("qa"), "85,5; 70; 92"); err != nil || len(got) != 3 || got[0].String() != "85.5" {
		t.Errorf("semicolons: %v %v", got, err)
	}
}

// TestLearnOwnKinds (issue 24): Learn names a scorecard's own CSAT,
// conversion and percent QA as its own, whatever their ids, and its QA
// lesson works in percent: (85 + 70 + 92 + 88) / 4 = 335 / 4 = 83.75 %,
// 2 points at bands of 80 and 88 %.
func TestLearnOwnKinds(t *testing.T) {
	sc, err := scoring.ParseScorecard([]byte(`{"version":1,"name":"Mine","pass":2,"decimals":1,"metrics":[
 {"id":"csat","label":"CSAT","unit":"percent","better":"higher","weight":40,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]},
 {"id":"conv","label":"Conversion","unit":"percent","better":"higher","weight":30,"source":{"ratio":{"num":"sales","den":"calls"}},"bands":[{"points":2,"at":1},{"points":3,"at":2}]},
 {"id":"qa","label":"QA","unit":"percent","better":"higher","weight":30,"source":{"column":"qa"},"bands":[{"points":2,"at":80},{"points":3,"at":88}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range LessonTabs(sc) {
		if (tab.ID == "" || tab.ID == "sales" || tab.ID == "qa") && tab.Label != map[string]string{"": "CE / CSAT", "sales": "Offers and sales", "qa": "Quality (QA)"}[tab.ID] {
			t.Errorf("tab %q: %q", tab.ID, tab.Label)
		}
		if tab.ID == "nps" && tab.Label != "NPS, on another scorecard" {
			t.Errorf("NPS: %q", tab.Label)
		}
	}
	m := NewModel()
	m.Lesson = "qa"
	k := kindLesson(sc, m)
	if want := "QA: 335 ÷ 4 evaluations = 83.75" + NBSP + "% → 2" + NBSP + "points."; k.Example != want || k.Err != "" {
		t.Errorf("example %q (%s), want %q", k.Example, k.Err, want)
	}
	m.Lesson = "sales"
	if k := kindLesson(sc, m); len(k.Results) != 1 || !strings.HasPrefix(k.Results[0], "Conversion: 0 sales ÷ 520 calls") {
		t.Errorf("sales: %q %s", k.Results, k.Err)
	}
}

// TestOwnScorecardKeepsItsOrder (issue 24): a scorecard of the user's is
// shown in its own order (QA, then CE here), never re-sorted as the
// built-in ones are (CE first).
func TestOwnScorecardKeepsItsOrder(t *testing.T) {
	js := `{"version":1,"name":"QA first","pass":2.5,"decimals":1,"metrics":[
 {"id":"qa","label":"Quality","unit":"percent","better":"higher","weight":60,"source":{"column":"qa"},"bands":[{"points":2,"at":80},{"points":3,"at":88}]},
 {"id":"ce","label":"Customer experience","unit":"percent","better":"higher","weight":40,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]}]}`
	m := updated(t, NewModel(), ImportScorecard{Name: "mine.json", JSON: js}, SetData{Text: "month,agent,surveys,satisfied,qa\n2026-10,Jo,25,23,83.75\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Order) != 2 || p.Order[0] != 0 || p.Order[1] != 1 {
		t.Errorf("order %v, want the file's [0 1]", p.Order)
	}
	if d := DisplayOrder(p.Scorecard); d[0] != 1 {
		t.Errorf("the built-in order would put CE first: %v", d)
	}
}

// TestReadEvaluationsDecimalComma (issue 25): "4, 5, 3,5" is three
// evaluations, the last 3.5 (mean 12.5 / 3 = 4.1667), never four (4.25).
func TestReadEvaluationsDecimalComma(t *testing.T) {
	sc, err := scoring.LoadPreset("tech-support")
	if err != nil {
		t.Fatal(err)
	}
	qa := sc.Metric("qa")
	for text, want := range map[string]string{
		"4, 5, 3,5": "4 5 3.5", "4; 5; 3,5": "4 5 3.5", "4,5,3": "4 5 3", "4 5 3.5": "4 5 3.5", "4, 5, 3.5": "4 5 3.5",
	} {
		list, err := ReadEvaluations(sc, qa, text)
		var got []string
		for _, v := range list {
			got = append(got, v.String())
		}
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("%q: %v %v, want %s", text, got, err, want)
		}
	}
	m := NewModel()
	m.Lesson = "qa"
	m.Answers = map[string]string{"qa.scores": "4, 5, 3,5"}
	if k := kindLesson(sc, m); len(k.Results) != 1 || !strings.HasPrefix(k.Results[0], "QA: 12.5 ÷ 3 evaluations") {
		t.Errorf("the QA lesson: %q %s", k.Results, k.Err)
	}
}
