// The sentences the screens show about a scorecard, a month, a quarter
// or a read: pass lines, margins, the quarter's need, what a read loaded,
// what starting again forgets. Numbers, units and months in words are in
// format.go; these put them in sentences.

package state

import (
	"fmt"
	"passline/scoring"
	"strconv"
	"strings"
)

// MarginWords says where a month's score stands against the pass mark:
// "0.10 above the pass mark of 2.00", "exactly the pass mark of 2.00",
// "0.05 below the pass mark of 2.00"; or, when metrics are below their
// gate (gated names them), that the month fails whatever the score.
// score is the month's score as the scorecard rounds it.
// The what-if's verdict and huddle mode's scenarios both say it so.
func MarginWords(sc *scoring.Scorecard, score scoring.Num, gated []string) string {
	pass := sc.Pass.Fixed(sc.Decimals)
	if len(gated) > 0 {
		verb := " is below its gate"
		if len(gated) > 1 {
			verb = " are below their gates"
		}
		return JoinAnd(gated) + verb + ", so the month fails whatever the score"
	}
	margin := score.Sub(sc.Pass)
	switch margin.Sign() {
	case 0:
		return "exactly the pass mark of " + pass
	case -1:
		return margin.Neg().Fixed(sc.Decimals) + " below the pass mark of " + pass
	}
	return margin.Fixed(sc.Decimals) + " above the pass mark of " + pass
}

// AllowanceWords adds, for a deduct metric, how many incidents the month
// can still take: " At most: 2 late or no more absent (each kind counted
// with the others as they are)."
func AllowanceWords(l scoring.PassLine) string {
	var parts []string
	for _, a := range l.Incidents {
		switch {
		case a.Unlimited:
		case a.Most < 0:
			parts = append(parts, "no more "+a.Column)
		default:
			parts = append(parts, strconv.FormatInt(a.Most, 10)+" "+a.Column)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " At most: " + strings.Join(parts, " or ") + " (each kind counted with the others as they are)."
}

// PooledNeedWords says what a metric needs in each month still to come of
// a pooled quarter: "at least 91.5 %", "secured: any value passes".
func PooledNeedWords(m *scoring.Metric, n scoring.PooledNeed) string {
	switch n.Kind {
	case scoring.PassesAtWorst:
		return "secured: any value passes"
	case scoring.CannotPass:
		return "out of reach"
	case scoring.LineUnknown:
		return "unknown until every metric has a value"
	}
	dir := "at least"
	if m.Better == scoring.Lower && !m.IsPoints() {
		dir = "at most"
	}
	return dir + " " + FormatValue(m.Unit, ShownLine(m, n.Value))
}

// LoadedWords says what a read of data loaded: "Pasted data: 12 rows read
// for 3 agents; 2 rows left out, listed below."
func LoadedWords(what string, p *Prepared) string {
	s := fmt.Sprintf("%s: %s read for %s", what, Plural(p.Data.Rows, "row"), Plural(len(p.Data.Agents), "agent"))
	if n := len(p.Data.Totals); n > 0 { // counted among the rows read: say they are not scored
		s += fmt.Sprintf("; %s left out", Plural(n, "total row"))
	}
	if p.LeftOut > 0 {
		s += fmt.Sprintf("; %s left out, listed below", Plural(p.LeftOut, "row"))
	}
	return s + "."
}

// ForgetWords is the question "Start again" asks: what it would forget of
// m, whose scorecard and data p holds, and that it can be undone for a
// few seconds.
func ForgetWords(m Model, p *Prepared) string {
	var items []string
	if m.Data != "" && m.Data != DefaultData && p != nil && p.Data != nil {
		items = append(items, fmt.Sprintf("your data (%s for %s)", Plural(p.Data.Rows, "row"), Plural(len(p.Data.Agents), "agent")))
	}
	switch {
	case m.Scorecard != "":
		items = append(items, "your imported scorecard")
	case m.Preset != DefaultPreset:
		items = append(items, "your choice of scorecard")
	}
	if m.Draft != "" {
		items = append(items, "your scorecard draft in the editor")
	}
	if n := len(m.Typed); n > 0 {
		items = append(items, "your "+Plural(n, "typed month"))
	}
	if len(m.WhatIfs) > 0 || len(m.Points) > 0 || len(m.Fixed) > 0 || len(m.Volumes) > 0 {
		items = append(items, "your what-if values")
	}
	if m.PlanA != nil {
		items = append(items, "your plan A")
	}
	if len(m.Expect) > 0 {
		items = append(items, "the volumes you expect")
	}
	if len(m.TakenOut) > 0 || len(m.Evaluations) > 0 {
		items = append(items, "your appeal what-if")
	}
	if n := len(m.Sheets); n > 0 {
		items = append(items, "your choice of columns ("+Plural(n, "scorecard")+")")
	}
	if len(items) == 0 {
		return "Start again? Nothing of yours is in use (only the example), so nothing is lost."
	}
	return "Start again? This forgets, on this device: " + JoinAnd(items) + ". For a few seconds after, Undo brings them back."
}

// ComboWords says a passing combination of "pass without…?" with the
// score it gives: "Customer experience 3, Average handle time 2,
// Attendance 3: score 2.2". The metrics held (fixed) are left out.
func ComboWords(sc *scoring.Scorecard, order []int, fixed map[string]scoring.Num, points []scoring.Num) string {
	var parts []string
	for _, i := range order {
		if _, held := fixed[sc.Metrics[i].ID]; !held {
			parts = append(parts, sc.Metrics[i].Label+" "+points[i].Short(2))
		}
	}
	return strings.Join(parts, ", ") + ": score " + sc.ScoreWith(points).Fixed(sc.Decimals)
}

// SourceWords says where a metric's value comes from, in words: "the
// column aht", "satisfied as a share of surveys", "NPS from promoters,
// passives and detractors", "3 points, less 0.5 for each late and 1 for
// each absent".
func SourceWords(m *scoring.Metric) string {
	src := m.Source
	switch src.Kind {
	case scoring.FromColumn:
		words := "the column " + ColumnWords(src.Column)
		if src.WeightBy != "" {
			words += ", weighted by " + ColumnWords(src.WeightBy)
		}
		return words
	case scoring.FromRatio:
		return ColumnWords(src.Num) + " as a share of " + ColumnWords(src.Den)
	case scoring.FromNPS:
		return "the NPS of " + JoinAnd([]string{ColumnWords(src.Promoters), ColumnWords(src.Passives), ColumnWords(src.Detractors)})
	case scoring.FromDeduct:
		var each []string
		for _, p := range src.Penalties {
			each = append(each, PointsText(p.Points)+" for each "+ColumnWords(p.Column))
		}
		return "points taken off: " + JoinAnd(each)
	}
	return "a column named like its id (" + ColumnWords(m.ID) + ") or its label"
}

// QuarterText is the quarter's line under the verdict, in parts: Lead,
// then the quarter's own verdict once it is decided (Verdict, coloured by
// Class, "pass" or "fail"), then NeedLead and Need, what the months to come
// need (in bold, the hook quarter-need): "Quarter 2026-Q4: " "" ""
// "December needs " "2.100"; on the month that decides it, "Quarter
// 2026-Q4: " "2.0 PASS" "; December needs " "1.900".
type QuarterText struct {
	Lead, Verdict, Class, NeedLead, Need string
}

// Words is the line as one sentence, without its final stop.
func (q QuarterText) Words() string { return q.Lead + q.Verdict + q.NeedLead + q.Need }

// QuarterLine says v's quarter for the verdict (issue 24: the quarter's own
// verdict whenever the quarter is decided or being decided by the month
// shown). On the one month of the quarter still to come, the need is what
// the quarter needs of that month.
func QuarterLine(v View) QuarterText {
	sc, q := v.Scorecard, v.Quarter
	t := QuarterText{Lead: "Quarter " + q.Label + ": "}
	if q.Status != scoring.InProgress {
		t.Verdict, t.Class = q.Score.Fixed(sc.Decimals)+" "+PassWord(q.Pass), map[bool]string{true: "pass", false: "fail"}[q.Pass]
		if q.Status == scoring.GateFailed {
			t.Verdict, t.Class = "GATE FAILED", "fail"
		}
		if v.LastNeed != nil {
			t.NeedLead, t.Need = "; "+MonthName(v.Month)+" needs ", v.LastNeed.Text(sc.Decimals)
		}
		return t
	}
	if v.LastNeed != nil {
		t.NeedLead, t.Need = MonthName(v.Month)+" needs ", v.LastNeed.Text(sc.Decimals)
		return t
	}
	switch {
	case q.Need == nil:
		t.NeedLead = "pooled, each metric's need is below"
		return t
	case q.Need.Kind != scoring.Reachable:
		t.Need = string(q.Need.Kind)
		return t
	}
	var toCome []string
	for mo := q.Start; mo < q.Start+3; mo++ {
		counted := false
		for _, mr := range q.Months {
			counted = counted || mr.Month == mo && mr.Status != scoring.Incomplete
		}
		if !counted {
			toCome = append(toCome, MonthName(mo))
		}
	}
	if len(toCome) == 1 {
		t.NeedLead, t.Need = toCome[0]+" needs ", q.Need.Text(sc.Decimals)
		return t
	}
	t.NeedLead, t.Need = JoinAnd(toCome)+" need on average ", q.Need.Text(sc.Decimals)
	return t
}

// VerdictWords is the what-if's verdict in one sentence, for screen
// readers once a moved value settles: "October 2026: 2.1, PASS, 0.1 above
// the pass mark of 2.0. Quarter 2026-Q4: December needs 2.100."
func VerdictWords(v View) string {
	sc, mr := v.Scorecard, v.Result.Month
	month := MonthLabel(v.Month) + ": "
	if mr.Status == scoring.Incomplete {
		month += "no score yet, a metric has no value."
	} else {
		var gated []string
		for i, ms := range mr.Metrics {
			if ms.GateFailed {
				gated = append(gated, sc.Metrics[i].Label)
			}
		}
		month += fmt.Sprintf("%s, %s, %s.", mr.Score.Fixed(sc.Decimals), PassWord(mr.Pass), MarginWords(sc, mr.Score, gated))
	}
	return month + " " + QuarterLine(v).Words() + "."
}

// IgnoredLine names the columns no metric uses, the first 20 of them.
func IgnoredLine(d *scoring.Data) string {
	return "Columns no metric uses: " + scoring.ShortList(d.Ignored, 20) + "."
}

func PresetName(p scoring.Preset) string {
	name, _, _ := strings.Cut(p.Description, ":")
	return name
}

// BandWords says how a metric earns its points: "2 points at 80 % or more,
// 3 points at 90 % or more"; of many bands, the first two, how many more,
// and the last two.
func BandWords(sc *scoring.Scorecard, m *scoring.Metric) string {
	if m.IsPoints() {
		s := "already points"
		if m.Source.Kind == scoring.FromDeduct {
			var pens []string
			for _, p := range m.Source.Penalties {
				pens = append(pens, fmt.Sprintf("%s for each %s", PointsText(p.Points), p.Column))
			}
			s = fmt.Sprintf("%s, less %s", PointsText(sc.Scale.Highest()), strings.Join(pens, ", "))
		}
		return gateWords(s, m)
	}
	cmp := "or more"
	if m.Better == scoring.Lower {
		cmp = "or less"
	}
	var parts []string
	for j, b := range m.Bands {
		// Past ManyBands, the first two and the last two, and how many
		// between (the editor lists them all).
		if n := len(m.Bands); n > ManyBands && j >= 2 && j < n-2 {
			if j == 2 {
				parts = append(parts, fmt.Sprintf("%d more bands", n-4))
			}
			continue
		}
		parts = append(parts, fmt.Sprintf("%s at %s %s", PointsText(b.Points), FormatValue(m.Unit, b.At), cmp))
	}
	s := strings.Join(parts, ", ")
	if m.Interpolate {
		s += "; points rise smoothly in between"
	}
	return gateWords(s, m)
}

func gateWords(s string, m *scoring.Metric) string {
	if m.Gate != nil {
		s += fmt.Sprintf("; below %s the month fails", PointsText(*m.Gate))
	}
	return s
}

// OddsText is the odds card's words.
type OddsText struct {
	Month, Quarter string   // "Passing November 2026: 68 %"
	ToCome         string   // how many of the quarter's months are still to come
	Basis          []string // each drawn metric's rate and volume, in words
	Few            []string // rates that rest on few responses
	// Set says which metrics are held at what the user set for the month
	// to come, not left to chance.
	Set []string
}

// OddsWords says the odds in sentences: percentages, never a verdict, and
// what they rest on.
func OddsWords(sc *scoring.Scorecard, o Odds) OddsText {
	t := OddsText{
		Month:   fmt.Sprintf("Passing %s: %s", MonthLabel(o.Month), ChanceAbout(o.Pass, o.Unsure)),
		Quarter: fmt.Sprintf("Passing %s: %s", o.Quarter, ChanceAbout(o.QuarterPass, o.QuarterUnsure)),
	}
	switch o.QuarterToCome {
	case 1:
		t.ToCome = fmt.Sprintf("%s is the last month of %s still to come.", MonthLabel(o.Month), o.Quarter)
	default:
		t.ToCome = fmt.Sprintf("%d months of %s are still to come.", o.QuarterToCome, o.Quarter)
	}
	for _, st := range o.Set {
		m := &sc.Metrics[st.Metric]
		what := "the " + MetricValue(m, st.Value) + " you set"
		if st.Points {
			what = "the " + PointsText(st.Value) + " you gave it"
		}
		t.Set = append(t.Set, fmt.Sprintf("%s is held at %s for %s, not left to chance.", m.Label, what, MonthLabel(o.Month)))
	}
	if len(o.Drawn) == 0 && len(o.Set) == 0 {
		t.Few = append(t.Few, "Nothing here is counted in responses (your data has no survey, NPS or sales counts), so nothing is left to chance: these odds are your values as they stand.")
	}
	for _, d := range o.Drawn {
		m := &sc.Metrics[d.Metric]
		switch {
		case m.Source.Kind == scoring.FromNPS:
			t.Basis = append(t.Basis, fmt.Sprintf("%s: %s promoters, %s passives, %s detractors of your %d responses; %d expected a month.",
				m.Label, rateText(d.Rates[0]), rateText(d.Rates[1]), rateText(d.Rates[2]), d.Pooled, d.Expected))
		case d.Per >= 0:
			per := &sc.Metrics[d.Per]
			t.Basis = append(t.Basis, fmt.Sprintf("%s: %s of your %d %s became %s; %d %s expected a month, %s at the %s you set.",
				m.Label, rateText(d.Rates[0]), d.Pooled, per.Source.Num, m.Source.Num, d.Expected, m.Source.Den, per.Source.Num, strings.ToLower(per.Label)))
		default:
			t.Basis = append(t.Basis, fmt.Sprintf("%s: %s of your %d %s were %s; %d expected a month.",
				m.Label, rateText(d.Rates[0]), d.Pooled, ColumnWords(m.Source.Den), ColumnWords(m.Source.Num), d.Expected))
		}
		if d.Pooled < FewResponses {
			word := ResponseWord(m)
			if d.Per >= 0 {
				word = ColumnWords(sc.Metrics[d.Per].Source.Num)
			}
			t.Few = append(t.Few, fmt.Sprintf("%s rests on only %d %s so far: a shaky rate.", m.Label, d.Pooled, word))
		}
	}
	return t
}

// rateText is a share as a percentage with one decimal: "92.0 %".
func rateText(p float64) string { return strconv.FormatFloat(p*100, 'f', 1, 64) + NBSP + "%" }

// StepWords says what a step does to the odds: "One late fewer
// (Attendance): 2026-Q4 from 46 % to 88 %; November 2026 stays at 68 %."
func StepWords(before Odds, s OddsStep) string {
	change := func(what string, from, to float64) string {
		a, b := ChanceText(from), ChanceText(to)
		if a == b {
			return fmt.Sprintf("%s stays at %s", what, a)
		}
		return fmt.Sprintf("%s from %s to %s", what, a, b)
	}
	return fmt.Sprintf("%s: %s; %s.", s.Words, change(before.Quarter, before.QuarterPass, s.Quarter), change(MonthLabel(before.Month), before.Pass, s.Month))
}

// StepsWords says the steps that change a shown percentage, the largest
// change first; none says so.
func StepsWords(before Odds, steps []OddsStep) []string {
	var out []string
	for _, s := range steps {
		if ChanceText(s.Quarter) != ChanceText(before.QuarterPass) || ChanceText(s.Month) != ChanceText(before.Pass) {
			out = append(out, StepWords(before, s))
		}
	}
	if len(out) == 0 && len(steps) > 0 {
		out = append(out, "No single step (one more offer in ten calls, ten seconds, one incident, five more responses) changes your odds by a whole percent.")
	}
	return out
}

// columnWords is a column's name as words: "resolved_first" → "resolved first".
// ColumnWords is a column's name as words ("resolved_first" is "resolved
// first"); a sheet's header written either way matches it.
func ColumnWords(name string) string { return strings.ReplaceAll(name, "_", " ") }

// PutAwayWords says what adding month (typed by hand) put away from prev:
// the what-ifs made for it while it was still to come, and plan A. "" when
// nothing was.
func PutAwayWords(prev, next Model, month string) string {
	mo, err := monthOf(month)
	if err != nil {
		return ""
	}
	var parts []string
	if prev.HasWhatIfs(mo) && !next.HasWhatIfs(mo) {
		parts = append(parts, fmt.Sprintf("The what-ifs you made for %s while it was still to come were put away: it has its own numbers now.", MonthLabel(mo)))
	}
	if prev.PlanA != nil && next.PlanA == nil {
		if pm, err := monthOf(prev.PlanA.Month); err == nil {
			parts = append(parts, fmt.Sprintf("Plan A, kept for %s, was forgotten.", MonthLabel(pm)))
		}
	}
	return strings.Join(parts, " ")
}

// OddsFailedWords is what the odds card says when working the odds out
// failed (a panic caught): never the odds of before.
const OddsFailedWords = "the odds could not be worked out for this scorecard and data; the rest of Passline works as usual"
