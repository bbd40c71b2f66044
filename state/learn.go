package state

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"passline/scoring"
)

// Learn is the learn screen: a lesson per metric kind with a small
// calculator, guided scenarios and a quiz. Every number in it comes from
// the engine.
type Learn struct {
	Topic     string
	Kind      *KindLesson    // the topic is a metric kind
	Scenarios []GuidedAnswer // the topic is "scenarios"
	Quiz      []QuizQuestion // the topic is "quiz"
	Odds      *OddsLesson    // the topic is "odds"
	Right     int            // quiz answers that are right
	Answered  int            // quiz questions answered
}

// Lesson topics, in the order the learn screen lists them.
var Lessons = []choice{
	{"", "CE / CSAT"}, {"nps", "NPS"}, {"aht", "Handle time"}, {"sales", "Offers and sales"},
	{"attendance", "Attendance"}, {"qa", "Quality (QA)"}, {"fcr", "First contact resolution"},
	{"scenarios", "Floor scenarios"}, {"odds", "Odds: two plans"}, {"quiz", "Quiz"},
}

func knownLesson(id string) bool { return hasID(Lessons, id) }

// KindLesson teaches one kind of metric.
type KindLesson struct {
	Title, Means, Formula string
	Example               string // a worked example, worked by the engine
	Bands                 string // how the scorecard used turns the value into points
	From                  string // which scorecard the points come from, in words
	Fields                []LessonField
	Results               []string // the calculator's answer, line by line
	Err                   string   // what is wrong with the calculator's inputs
}

// LessonField is one input of a lesson's calculator.
type LessonField struct{ Key, Label, Value, Mode string } // Mode: the inputmode

// kindRef is a metric kind's lesson: the metric that scores it, in the
// scorecard in use when that has it, else in a built-in scorecard.
type kindRef struct {
	preset, metric        string
	title, means, formula string
	fields                []LessonField // with their example values
}

var kindRefs = map[string]kindRef{
	"": {"care-and-sales", "ce", "Customer experience (CE, CSAT)",
		"After a call some customers answer a survey. CSAT counts the share who said they were satisfied.",
		"CSAT = satisfied surveys ÷ all surveys × 100 %",
		[]LessonField{{"satisfied", "Satisfied surveys", "23", "numeric"}, {"surveys", "All surveys", "25", "numeric"}}},
	"nps": {"tech-support", "nps", "Net promoter score (NPS)",
		"Customers rate from 0 to 10 how likely they are to recommend you: 9–10 are promoters, 7–8 passives, 0–6 detractors.",
		"NPS = 100 × (promoters − detractors) ÷ all responses; from −100 to 100",
		[]LessonField{{"promoters", "Promoters", "12", "numeric"}, {"passives", "Passives", "5", "numeric"}, {"detractors", "Detractors", "3", "numeric"}}},
	"aht": {"care-and-sales", "aht", "Average handle time (AHT)",
		"The time a call takes you on average: talking, holding and the work after the call.",
		"AHT = total handle time ÷ calls; lower is better",
		[]LessonField{{"time", "Total handle time (h:mm:ss)", "65:43:20", "text"}, {"calls", "Calls", "520", "numeric"}}},
	"sales": {"care-and-sales", "offer_rate", "Offers and sales",
		"Offer rate counts how often you offered something; sales conversion how often a call ended in a sale.",
		"Offer rate = offers ÷ calls × 100 %; conversion = sales ÷ calls × 100 %",
		[]LessonField{{"calls", "Calls", "520", "numeric"}, {"offers", "Offers", "60", "numeric"}, {"sales", "Sales", "0", "numeric"}}},
	"attendance": {"care-and-sales", "attendance", "Attendance",
		"Attendance starts at full points and loses some for each late start and each absence.",
		"points = the top of the scale − Σ incidents × penalty, never below the bottom",
		[]LessonField{{"late", "Late starts", "1", "numeric"}, {"absent", "Absences", "0", "numeric"}}},
	"qa": {"tech-support", "qa", "Quality (QA)",
		"A quality coach listens to some of your calls and scores each one; the month takes their mean, already in points.",
		"QA = the mean of the evaluations' points, kept on the scale",
		[]LessonField{{"scores", "Evaluation scores, separated by commas", "4, 5, 3.5", "decimal"}}},
	"fcr": {"tech-support", "fcr", "First contact resolution (FCR)",
		"The share of contacts solved the first time, with no call back about the same problem.",
		"FCR = contacts resolved first time ÷ all contacts × 100 %",
		[]LessonField{{"resolved first time", "Resolved first time", "78", "numeric"}, {"contacts", "Contacts", "100", "numeric"}}},
}

// learnOf works out the learn screen for the model's topic.
func learnOf(sc *scoring.Scorecard, m Model) Learn {
	l := Learn{Topic: m.Lesson}
	switch m.Lesson {
	case "scenarios":
		l.Scenarios = guidedAnswers(m)
	case "odds":
		o := oddsLesson()
		l.Odds = &o
	case "quiz":
		l.Quiz = quiz()
		for i := range l.Quiz {
			q := &l.Quiz[i]
			if text, ok := m.Answers[QuizKey(i)]; ok {
				q.Chosen, _ = strconv.Atoi(text)
				q.Answered = true
				l.Answered++
				if q.Chosen == q.Correct {
					l.Right++
				}
			}
		}
	default:
		k := kindLesson(sc, m)
		l.Kind = &k
	}
	return l
}

// lessonScorecard is the scorecard a kind's points come from: the one in
// use when it has a metric of that kind (whatever its id: "csat" is as
// much CE as "ce"), else the built-in one.
func lessonScorecard(inUse *scoring.Scorecard, topic string) (*scoring.Scorecard, *scoring.Metric, string) {
	ref := kindRefs[topic]
	builtIn, err := scoring.LoadPreset(ref.preset)
	if err != nil { // the presets are built in: this cannot happen
		panic(err)
	}
	want := builtIn.Metric(ref.metric)
	if mt := kindMetric(inUse, topic); mt != nil {
		return inUse, mt, "Points as the scorecard in use (" + inUse.Name + ") gives them."
	}
	return builtIn, want, "Points as the built-in " + builtIn.Name + " scorecard gives them: the scorecard in use does not score this metric."
}

// kindMetric is the first metric of sc of a lesson's kind, or nil: CE a
// ratio named for customers or satisfaction, NPS an NPS source, handle
// time a duration, sales a ratio of offers or sales, attendance penalties
// for late and absent, QA a mean of evaluations named for quality, FCR a
// ratio named for resolution.
func kindMetric(sc *scoring.Scorecard, topic string) *scoring.Metric {
	for i := range sc.Metrics {
		if ofKind(&sc.Metrics[i], topic) {
			return &sc.Metrics[i]
		}
	}
	return nil
}

func ofKind(m *scoring.Metric, topic string) bool {
	words := " " + strings.ToLower(m.ID+" "+m.Label) + " "
	named := func(keys ...string) bool {
		for _, k := range keys {
			if strings.Contains(words, k) {
				return true
			}
		}
		return false
	}
	ratio := m.Source.Kind == scoring.FromRatio && m.Unit == scoring.Percent
	switch topic {
	case "":
		return ratio && metricRank(m) == rankCE
	case "nps":
		return m.Source.Kind == scoring.FromNPS
	case "aht":
		return m.Unit == scoring.Seconds
	case "sales":
		return ratio && (m.Source.Num == "offers" || m.Source.Num == "sales")
	case "attendance":
		cols := m.Source.Columns()
		slices.Sort(cols)
		return m.Source.Kind == scoring.FromDeduct && slices.Equal(cols, []string{"absent", "late"})
	case "qa":
		return Evaluated(m) && named(" qa", "qa ", "quality")
	case "fcr":
		return ratio && named("fcr", "resol")
	}
	return false
}

func kindLesson(inUse *scoring.Scorecard, m Model) KindLesson {
	ref := kindRefs[m.Lesson]
	sc, mt, from := lessonScorecard(inUse, m.Lesson)
	k := KindLesson{Title: ref.title, Means: ref.means, Formula: ref.formula, From: from, Bands: mt.Label + ": " + BandWords(sc, mt) + "."}
	// The worked example is the calculator at its example values (a QA in
	// percent is evaluated in percent).
	fields := slices.Clone(ref.fields)
	if m.Lesson == "qa" && mt.Unit == scoring.Percent {
		fields[0].Value = "85, 70, 92, 88"
	}
	example, err := kindResults(sc, mt, m.Lesson, func(f LessonField) string {
		for _, g := range fields {
			if g.Key == f.Key {
				return g.Value
			}
		}
		return f.Value
	})
	if err != nil { // the example values are the lesson's own: never refused
		panic(err)
	}
	k.Example = strings.Join(example, " ")
	values := map[string]string{} // by the field's own key
	for _, f := range fields {
		key := lessonKey(m.Lesson, f.Key)
		if v, ok := m.Answers[key]; ok {
			f.Value = v
		}
		values[f.Key] = f.Value
		f.Key = key
		k.Fields = append(k.Fields, f)
	}
	k.Results, err = kindResults(sc, mt, m.Lesson, func(f LessonField) string { return values[f.Key] })
	if err != nil {
		k.Err = err.Error()
	}
	return k
}

// count reads a whole count typed in a calculator.
func count(label, text string) (scoring.Num, error) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 0 {
		return scoring.Num{}, fmt.Errorf("%s: write a whole number, 0 or more (found %s)", label, scoring.Clip(text))
	}
	return scoring.N(int64(n)), nil
}

// kindResults runs a kind's calculator through the engine; value gives
// each field's text.
func kindResults(sc *scoring.Scorecard, mt *scoring.Metric, topic string, value func(LessonField) string) ([]string, error) {
	ref := kindRefs[topic]
	counts := make([]scoring.Num, 0, len(ref.fields))
	if topic != "aht" && topic != "qa" {
		for _, f := range ref.fields {
			n, err := count(f.Label, value(f))
			if err != nil {
				return nil, err
			}
			counts = append(counts, n)
		}
	}
	points := func(m *scoring.Metric, v scoring.Num) string {
		if m.IsPoints() {
			return PointsText(sc.PointsFor(m, v)) + "."
		}
		return fmt.Sprintf("%s → %s.", MetricValue(m, v), PointsText(sc.PointsFor(m, v)))
	}
	ratio := func(m *scoring.Metric, num, den scoring.Num, numWord, denWord string) (string, error) {
		v, ok := sc.ValueFromCounts(m, []scoring.Num{num, den})
		if !ok {
			return "", fmt.Errorf("%s: with no %s there is no value; give at least 1", m.Label, denWord)
		}
		return fmt.Sprintf("%s: %s %s ÷ %s %s × 100 = %s", m.Label, num.Short(0), numWord, den.Short(0), denWord, points(m, v)), nil
	}
	switch topic {
	case "", "fcr":
		line, err := ratio(mt, counts[0], counts[1], ref.fields[0].Key, ref.fields[1].Key)
		if err == nil && counts[1].Less(counts[0]) {
			err = fmt.Errorf("%s cannot be more than %s", ref.fields[0].Label, strings.ToLower(ref.fields[1].Label))
		}
		if err != nil {
			return nil, err
		}
		return []string{line}, nil
	case "nps":
		v, ok := sc.ValueFromCounts(mt, counts)
		if !ok {
			return nil, fmt.Errorf("with no responses there is no NPS: give at least one")
		}
		total := counts[0].Add(counts[1]).Add(counts[2])
		return []string{fmt.Sprintf("NPS: 100 × (%s − %s) ÷ %s = %s", counts[0].Short(0), counts[2].Short(0), total.Short(0), points(mt, v))}, nil
	case "aht":
		total, err := ReadValue(scoring.Seconds, value(ref.fields[0]))
		if err != nil {
			return nil, fmt.Errorf("%s: write it like 65:43:20 (found %s)", ref.fields[0].Label, scoring.Clip(value(ref.fields[0])))
		}
		calls, err := count(ref.fields[1].Label, value(ref.fields[1]))
		if err != nil {
			return nil, err
		}
		if calls.IsZero() {
			return nil, fmt.Errorf("with no calls there is no handle time: give at least 1")
		}
		return []string{fmt.Sprintf("AHT: %s ÷ %s calls = %s", clock(total, 1), calls.Short(0), points(mt, total.Div(calls)))}, nil
	case "sales":
		// counts: calls, offers, sales. A sale comes of an offer, an offer
		// of a call (issue 25: 700 sales on 600 offers were taken).
		if counts[0].Less(counts[1]) {
			return nil, fmt.Errorf("offers cannot be more than calls here: one offer a call at most")
		}
		if counts[1].Less(counts[2]) {
			return nil, fmt.Errorf("sales cannot be more than offers: each sale comes of an offer")
		}
		var lines []string
		for i := range sc.Metrics {
			m := &sc.Metrics[i]
			if !ofKind(m, "sales") {
				continue
			}
			num, word := counts[1], "offers"
			if m.Source.Num == "sales" {
				num, word = counts[2], "sales"
			}
			line, err := ratio(m, num, counts[0], word, "calls")
			if err != nil {
				return nil, err
			}
			lines = append(lines, line)
		}
		return lines, nil
	case "attendance":
		p := sc.DeductPoints(mt, counts)
		var parts []string
		for i, pen := range mt.Source.Penalties {
			parts = append(parts, fmt.Sprintf("%s × %s", counts[i].Short(0), pen.Points.Short(2)))
		}
		return []string{fmt.Sprintf("Attendance: %s − %s = %s.", sc.Scale.Highest().Short(0), strings.Join(parts, " − "), PointsText(p))}, nil
	case "qa":
		list, err := ReadEvaluations(sc, mt, value(ref.fields[0]))
		if err != nil {
			return nil, err
		}
		if len(list) == 0 {
			return nil, fmt.Errorf("give at least one evaluation score")
		}
		return []string{fmt.Sprintf("QA: %s ÷ %s = %s", sumOf(list).Short(2), Plural(len(list), "evaluation"), points(mt, mean(list)))}, nil
	}
	return nil, fmt.Errorf("there is no lesson %s", scoring.Clip(topic))
}

// lessonKey is the Model.Answers key of a lesson's field: "nps.promoters";
// the first lesson's fields have no prefix.
func lessonKey(topic, field string) string {
	if topic == "" {
		return field
	}
	return topic + "." + field
}

// LessonTabs is the learn screen's lessons for sc: first the kinds of
// metric it scores, then the floor scenarios and the quiz, then the kinds
// it does not score, marked so ("NPS, on another scorecard"): the screen
// names the scorecard's own metrics first and never passes another's off
// as its own.
func LessonTabs(sc *scoring.Scorecard) []choice {
	var own, other, rest []choice
	for _, l := range Lessons {
		_, kind := kindRefs[l.ID]
		switch {
		case !kind:
			rest = append(rest, l)
		case scoresKind(sc, l.ID):
			own = append(own, l)
		default:
			other = append(other, choice{l.ID, l.Label + ", on another scorecard"})
		}
	}
	return append(append(own, rest...), other...)
}

// scoresKind reports whether sc scores a kind of metric as its lesson
// teaches it.
func scoresKind(sc *scoring.Scorecard, topic string) bool {
	return kindMetric(sc, topic) != nil
}
