package state

import (
	"fmt"
	"slices"
	"strings"

	"passline/scoring"
)

// Appeal is the appeal what-if: the month's own data with disputed counts
// taken out, against the month as recorded. It is never an official score.
type Appeal struct {
	Metrics  []AppealMetric // the metrics with counts, scorecard order
	Official scoring.MonthResult
	After    scoring.MonthResult
	Changed  bool // something is taken out, or an evaluation appealed
	// Evaluated are the metrics whose value is a mean of evaluations (QA):
	// the agent types them, and changes the one she appeals.
	Evaluated []EvaluatedMetric
	// The month's quarter as recorded and with the appeal, the quarter's
	// other months as recorded.
	QuarterOfficial, QuarterAfter scoring.QuarterResult
}

// EvaluatedMetric is a metric of the appeal what-if whose value is the
// mean of the month's evaluations (issue 24: a QA appeal).
type EvaluatedMetric struct {
	Index    int
	Recorded scoring.Input // the month's value as recorded
	// Evaluations as typed (none yet: nil), the appealed ones changed;
	// their means; Differs says the recorded evaluations' mean is not the
	// month's recorded value (a list typed wrong, or weighted).
	Evaluations         *Evaluations
	RecordedMean, After scoring.Num
	Differs             bool
}

// AppealMetric is one counted metric of the appeal what-if.
type AppealMetric struct {
	Index   int
	Columns []string
	Counts  []scoring.Num // as recorded
	Removed []scoring.Num // taken out, per column
	After   scoring.Input
	Err     error // the engine refused what is taken out; the metric stays as recorded
}

// appealOf works out the appeal what-if of a month of data; months are
// the agent's months as recorded, for the quarter.
func appealOf(sc *scoring.Scorecard, m Model, month scoring.Month, base []scoring.Input, months []scoring.MonthData) Appeal {
	a := Appeal{Official: sc.ScoreMonth(month, base)}
	inputs := slices.Clone(base)
	for i := range sc.Metrics {
		mt, in := &sc.Metrics[i], base[i]
		if !Evaluated(mt) || in.Missing || in.Points {
			continue
		}
		em := EvaluatedMetric{Index: i, Recorded: in}
		if ev, ok := m.Evaluations[mt.ID]; ok && len(ev.Recorded) > 0 && len(ev.Appealed) == len(ev.Recorded) {
			em.Evaluations = &ev
			em.RecordedMean, em.After = mean(ev.Recorded), mean(ev.Appealed)
			em.Differs = !em.RecordedMean.Equal(in.Value)
			if !slices.EqualFunc(ev.Recorded, ev.Appealed, scoring.Num.Equal) {
				inputs[i] = scoring.Input{Value: em.After, Weight: in.Weight, Weighted: in.Weighted, Direct: in.Direct}
				a.Changed = true
			}
		}
		a.Evaluated = append(a.Evaluated, em)
	}
	for i := range sc.Metrics {
		mt, in := &sc.Metrics[i], base[i]
		k := mt.Source.Kind
		if in.Missing || in.Counts == nil || (k != scoring.FromRatio && k != scoring.FromNPS && k != scoring.FromDeduct) {
			continue
		}
		am := AppealMetric{Index: i, Columns: mt.Source.Columns(), Counts: in.Counts}
		removed := make([]scoring.Num, len(am.Columns))
		any := false
		for j, col := range am.Columns {
			n := m.TakenOut[mt.ID+"."+col] // a whole number: Update and the restore checked it
			am.Removed = append(am.Removed, n)
			removed[j] = n
			any = any || !n.IsZero()
		}
		if any {
			am.After, am.Err = sc.TakeOut(mt, in, removed)
			if am.Err == nil {
				inputs[i] = am.After
				a.Changed = true
			}
		}
		a.Metrics = append(a.Metrics, am)
	}
	a.After = sc.ScoreMonth(month, inputs)
	start := sc.QuarterOf(month)
	var official, after []scoring.MonthData
	for _, md := range months {
		if md.Month < start || md.Month >= start+3 {
			continue
		}
		official = append(official, md)
		if md.Month == month {
			md = scoring.MonthData{Month: month, Inputs: inputs}
		}
		after = append(after, md)
	}
	a.QuarterOfficial, a.QuarterAfter = sc.ScoreQuarter(start, official), sc.ScoreQuarter(start, after)
	return a
}

// Evaluated reports whether a metric's value can be the mean of
// evaluations an agent appeals one by one (QA): a value from a column, in
// percent or points, not a count and not a duration.
func Evaluated(m *scoring.Metric) bool {
	return (m.Source.Kind == scoring.FromColumn || m.Source.Kind == scoring.Direct) && (m.Unit == scoring.Percent || m.Unit == scoring.Points)
}

// sumOf is the exact sum of a list of numbers; mean its mean.
func sumOf(list []scoring.Num) scoring.Num {
	var sum scoring.Num
	for _, v := range list {
		sum = sum.Add(v)
	}
	return sum
}

func mean(list []scoring.Num) scoring.Num { return sumOf(list).Div(scoring.N(int64(len(list)))) }

// MaxEvaluations is the most evaluations of one metric an appeal takes.
const MaxEvaluations = 100

// checkEvaluations says what is wrong with evaluations of metric id.
func checkEvaluations(m Model, id string, list []scoring.Num) error {
	sc, err := m.scorecard()
	if err != nil {
		return err
	}
	mt := sc.Metric(id)
	if mt == nil || !Evaluated(mt) {
		return fmt.Errorf("%s is not a metric whose value is a mean of evaluations", scoring.Clip(id))
	}
	return evaluationsFit(sc, mt, list)
}

// evaluationsFit says what is wrong with evaluations of m, or nil: at
// most MaxEvaluations, each a percentage from 0 to 100 or points on the
// scale. The appeal and the QA lesson take the same.
func evaluationsFit(sc *scoring.Scorecard, m *scoring.Metric, list []scoring.Num) error {
	if len(list) > MaxEvaluations {
		return fmt.Errorf("%d evaluations: at most %d are taken", len(list), MaxEvaluations)
	}
	lo, hi := scoring.N(0), scoring.N(100)
	if m.Unit == scoring.Points {
		lo, hi = sc.Scale.Lowest(), sc.Scale.Highest()
	}
	for _, v := range list {
		if v.Less(lo) || hi.Less(v) {
			return fmt.Errorf("%s is not an evaluation score: write %s", FormatValue(m.Unit, v), evaluationsWanted(sc, m))
		}
	}
	return nil
}

// evaluationsWanted says what evaluations of m look like.
func evaluationsWanted(sc *scoring.Scorecard, m *scoring.Metric) string {
	if m.Unit == scoring.Points { // an example on the scale: 3, 2, 2.5 on 1 to 3; 5, 4, 4.5 on 1 to 5
		hi := sc.Scale.Highest()
		return fmt.Sprintf("points from %d to %d, such as %s, %s, %s", sc.Scale.Min, sc.Scale.Max, hi.Short(1), hi.Sub(scoring.N(1)).Short(1), hi.Sub(scoring.Frac(1, 2)).Short(1))
	}
	return "percentages from 0 to 100, such as 85, 70, 92, 88"
}

// ReadEvaluations reads a list of evaluations of m as people type them
// (each as evaluationsFit takes it):
// "85, 70, 92, 88", "85% 70% 92%", "85 70 92 88", "85,70,92" (commas
// alone separate), or with decimal commas where spaces or semicolons
// separate ("4, 5, 3,5", "4; 5; 3,5": three evaluations, the last 3.5).
func ReadEvaluations(sc *scoring.Scorecard, m *scoring.Metric, text string) ([]scoring.Num, error) {
	var parts []string
	switch {
	case strings.Contains(text, ";"):
		parts = strings.Split(text, ";")
	case strings.ContainsAny(strings.TrimSpace(text), " \t\n"):
		// Spaces separate ("85, 70" or "85 70"): a comma right between two
		// digits is then a decimal comma ("4, 5, 3,5" is three evaluations).
		for _, f := range strings.Fields(text) {
			if f = strings.Trim(f, ","); f != "" {
				parts = append(parts, f)
			}
		}
	default:
		parts = strings.Split(text, ",")
	}
	var out []scoring.Num
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		v, err := ReadValue(m.Unit, p)
		if err != nil {
			return nil, fmt.Errorf("%s is not an evaluation: write %s", scoring.Clip(p), evaluationsWanted(sc, m))
		}
		out = append(out, v)
	}
	return out, evaluationsFit(sc, m, out)
}

// AppealHint says what the appeal what-if does for month, with the kinds
// of metric it has.
func AppealHint(sc *scoring.Scorecard, a *Appeal, month scoring.Month) string {
	var what []string
	if len(a.Metrics) > 0 {
		what = append(what, "take out a disputed survey, sale or incident")
	}
	if len(a.Evaluated) > 0 {
		what = append(what, "change the score of an evaluation you appeal")
	}
	return fmt.Sprintf("%s from %s as recorded and see the score it would give, and the quarter's. A what-if, not an official score: only your team leader can change the record.",
		Capitalize(strings.Join(what, ", or ")), MonthLabel(month))
}

// EvaluationsLabel asks for a month's evaluations of m.
func EvaluationsLabel(sc *scoring.Scorecard, m *scoring.Metric, month scoring.Month) string {
	return fmt.Sprintf("Your %s evaluations in %s, as recorded (%s)", m.Label, MonthLabel(month), evaluationsWanted(sc, m))
}

// EvaluatedWords says an evaluated metric's means: "Mean as recorded:
// 83.75 %. With the appeal: 88.75 %." and whether the recorded mean is the
// month's value.
func EvaluatedWords(sc *scoring.Scorecard, m *scoring.Metric, em EvaluatedMetric) string {
	if em.Evaluations == nil {
		return fmt.Sprintf("The month's %s as recorded: %s. Type its evaluations to appeal one.", m.Label, FormatValue(m.Unit, em.Recorded.Value))
	}
	s := fmt.Sprintf("Mean of %s as recorded: %s; with the appeal: %s.", Plural(len(em.Evaluations.Recorded), "evaluation"),
		MetricValue(m, em.RecordedMean), MetricValue(m, em.After))
	if em.Differs {
		s += fmt.Sprintf(" The month's recorded %s is %s, not the mean of these: check the list.", m.Label, MetricValue(m, em.Recorded.Value))
	}
	return s
}

// AppealQuarterWords says the appeal's quarter: "Quarter 2026-Q4: 1.95
// needed of the months to come as recorded; 1.80 with the appeal." or its
// verdict each way.
func AppealQuarterWords(sc *scoring.Scorecard, a *Appeal) string {
	say := func(q scoring.QuarterResult) string {
		switch {
		case q.Status == scoring.InProgress && q.Need != nil:
			return "the months to come need " + q.Need.Text(sc.Decimals)
		case q.Status == scoring.InProgress:
			return "in progress"
		case q.Status == scoring.GateFailed:
			return "GATE FAILED"
		}
		return q.Score.Fixed(sc.Decimals) + " " + PassWord(q.Pass)
	}
	return fmt.Sprintf("Quarter %s as recorded: %s; with the appeal: %s.", a.QuarterOfficial.Label, say(a.QuarterOfficial), say(a.QuarterAfter))
}
