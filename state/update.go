package state

import (
	"fmt"
	"passline/scoring"
	"slices"
	"strings"
)

// Update applies a message to the model. It never changes m in place; on an
// error m comes back as it was. A message that made it read the scorecard
// and the data (a paste, another scorecard) returns what it read, so that
// nothing reads them twice (a 10,000-row paste takes about 0.3 s to read in
// a phone's browser); read is nil otherwise.
func Update(m Model, msg Msg) (next Model, read *Prepared, err error) {
	var u updater
	next, err = u.update(m, msg)
	if err != nil {
		return m, nil, err
	}
	return next, u.read, nil
}

// updater is one Update: it keeps what the update read, and a scorecard
// it parsed for the model it checks.
type updater struct {
	read   *Prepared
	parsed *scoring.Scorecard
}

// check reads m's scorecard and data, as an update must before it takes
// them, and keeps what it read.
func (u *updater) check(m Model) error {
	sc, err := u.parsed, error(nil)
	if sc == nil {
		sc, err = m.scorecard()
	}
	if err != nil {
		return err
	}
	p, err := prepareWith(m, sc)
	if err == nil {
		u.read = p
	}
	return err
}

func (u *updater) update(m Model, msg Msg) (Model, error) {
	next := m
	switch msg := msg.(type) {
	case ChoosePreset:
		if _, err := scoring.LoadPreset(msg.ID); err != nil {
			return m, err
		}
		next.Preset, next.Scorecard = msg.ID, ""
		return u.scorecardChanged(next, m)
	case ImportScorecard:
		sc, err := scoring.ParseScorecard([]byte(msg.JSON))
		if err != nil {
			return m, fmt.Errorf("%s was not loaded, the scorecard in use stays. %w", msg.Name, err)
		}
		next.Scorecard = msg.JSON
		u.parsed = sc // read once (issue 25: a scorecard at the limits took a tenth of a second a read in the browser)
		return u.scorecardChanged(next, m)
	case SetData:
		if strings.TrimSpace(msg.Text) == "" {
			return m, fmt.Errorf("there is nothing to read: paste the rows with their header row, or choose a CSV file")
		}
		next.Data, next.Dates = msg.Text, "" // a new sheet's dates are asked about anew
		if err := u.check(next); err != nil {
			return m, fmt.Errorf("your data was not loaded, the data in use stays: %w", err)
		}
		next.Agent, next.Month, next.TeamPage = "", "", 0
		next.clearWhatIfs()
	case ChooseAgent:
		next.Agent, next.Month = msg.Name, ""
		next.clearWhatIfs()
	case ChooseMonth:
		if msg.Month != "" && msg.Month != NextMonth {
			var mo scoring.Month
			if err := mo.UnmarshalCSV(msg.Month); err != nil {
				return m, fmt.Errorf("%s is not a month", scoring.Clip(msg.Month))
			}
		}
		next.Month = msg.Month
		next.Volumes, next.Expect, next.TakenOut, next.Evaluations = nil, nil, nil, nil // each month keeps its what-ifs
	case SetWhatIf:
		if err := checkMonth(msg.Month); err != nil {
			return m, err
		}
		next.WhatIfs = withIn(m.WhatIfs, msg.Month, msg.Metric, &msg.Value)
		id, _, _ := strings.Cut(msg.Metric, ".")
		next.Points = withIn(m.Points, msg.Month, id, nil) // a value moved takes back points given
	case ClearWhatIf:
		next.WhatIfs, next.Points = without(m.WhatIfs, msg.Month), without(m.Points, msg.Month)
	case SetPoints:
		if err := checkMonth(msg.Month); err != nil {
			return m, err
		}
		if msg.Points != nil {
			if err := checkPoints(m, *msg.Points); err != nil {
				return m, err
			}
		}
		next.Points = withIn(m.Points, msg.Month, msg.Metric, msg.Points)
	case ShowPoints:
		next.PointsMode = msg.On
	case AddMonth, SetTypedValue, SetTypedCount, RemoveMonth:
		return u.typed(m, msg)
	case SetColumn, ResetColumns, SetDates, SetUnit:
		return u.sheet(m, msg)
	case SetVolume:
		if msg.Value != nil && msg.Value.Sign() < 0 {
			return m, fmt.Errorf("%s is not a volume: write a number of 0 or more, like 25", msg.Value.Short(2))
		}
		next.Volumes = withOptional(m.Volumes, msg.Metric, msg.Value)
	case FixPoints:
		next.Fixed = withOptional(m.Fixed, msg.Metric, msg.Points)
	case Reset:
		next = NewModel()
	case ChooseScreen:
		if !knownScreen(msg.Screen) {
			return m, fmt.Errorf("there is no screen %s", scoring.Clip(msg.Screen))
		}
		next.Screen = msg.Screen
	case SortTeam:
		if !slices.Contains(TeamSorts, strings.TrimPrefix(msg.By, "-")) {
			return m, fmt.Errorf("the team cannot be sorted by %s", scoring.Clip(msg.By))
		}
		next.TeamSort, next.TeamPage = msg.By, 0
	case FilterTeam:
		next.TeamFilter, next.TeamPage = msg.Text, 0
	case ShowTeamPage:
		next.TeamPage = max(msg.Page, 0)
	case OpenAgent:
		next.Agent, next.Month, next.Screen = msg.Name, "", ScreenWhatIf
		next.clearWhatIfs()
	case EditDraft, AddBand, RemoveBand, AddMetric, RemoveMetric, NewDraft:
		return m.changeDraft(msg)
	case DiscardDraft:
		next.Draft = ""
	case UseDraft:
		sc, err := m.DraftScorecard()
		if err == nil {
			err = sc.Validate()
		}
		if err != nil {
			return m, fmt.Errorf("the draft was not used, the scorecard in use stays: %w", err)
		}
		if next.Scorecard, err = draftJSON(sc); err != nil {
			return m, err
		}
		next.Draft = ""
		return u.scorecardChanged(next, m)
	case SetHuddle:
		if huddlePointsKey(msg.Key) {
			return m, fmt.Errorf("%s holds points: set them with SetHuddlePoints", scoring.Clip(msg.Key))
		}
		if err := checkHuddleLuck(msg.Key, msg.Value); err != nil {
			return m, err
		}
		next.Huddle = withText(m.Huddle, msg.Key, msg.Value)
	case SetHuddlePoints:
		if !huddlePointsKey(msg.Key) {
			return m, fmt.Errorf("%s is not a scenario's metric: write a.<id> or b.<id>", scoring.Clip(msg.Key))
		}
		next.HuddlePoints = withOptional(m.HuddlePoints, msg.Key, msg.Points)
	case ResetHuddle:
		next.Huddle, next.HuddlePoints = nil, nil
	case ChooseLesson:
		if !knownLesson(msg.Topic) {
			return m, fmt.Errorf("there is no lesson %s", scoring.Clip(msg.Topic))
		}
		next.Lesson = msg.Topic
	case Answer:
		next.Answers = withText(m.Answers, msg.Key, msg.Value)
	case SetExpected:
		if msg.Value != nil {
			if err := CheckResponses(*msg.Value); err != nil {
				return m, err
			}
		}
		next.Expect = withOptional(m.Expect, msg.Metric, msg.Value)
	case TakeOut:
		if msg.Value != nil {
			if err := CheckTakenOut(*msg.Value); err != nil {
				return m, err
			}
			if msg.Value.IsZero() {
				msg.Value = nil
			}
		}
		next.TakenOut = withOptional(m.TakenOut, msg.Metric+"."+msg.Column, msg.Value)
	case ClearTakeOut:
		next.TakenOut, next.Evaluations = nil, nil
	case SetEvaluations:
		if err := checkEvaluations(m, msg.Metric, msg.List); err != nil {
			return m, err
		}
		if len(msg.List) == 0 {
			next.Evaluations = without(m.Evaluations, msg.Metric)
			break
		}
		next.Evaluations = with(m.Evaluations, msg.Metric, Evaluations{Recorded: slices.Clone(msg.List), Appealed: slices.Clone(msg.List)})
	case AppealEvaluation:
		ev, ok := m.Evaluations[msg.Metric]
		if !ok || msg.Index < 0 || msg.Index >= len(ev.Recorded) {
			return m, fmt.Errorf("there is no evaluation %d of %s to appeal", msg.Index+1, scoring.Clip(msg.Metric))
		}
		value := ev.Recorded[msg.Index]
		if msg.Value != nil {
			if err := checkEvaluations(m, msg.Metric, []scoring.Num{*msg.Value}); err != nil {
				return m, err
			}
			value = *msg.Value
		}
		appealed := slices.Clone(ev.Appealed)
		appealed[msg.Index] = value
		next.Evaluations = with(m.Evaluations, msg.Metric, Evaluations{Recorded: ev.Recorded, Appealed: appealed})
	case KeepPlan:
		if err := checkMonth(msg.Month); err != nil {
			return m, err
		}
		next.PlanA = keepPlan(m, msg.Month)
	case ForgetPlan:
		next.PlanA = nil
	default:
		return m, fmt.Errorf("unknown message %T", msg)
	}
	return next, nil
}

// changeDraft applies an editor message to the draft.
func (m Model) changeDraft(msg Msg) (Model, error) {
	sc, err := m.DraftScorecard()
	if err != nil {
		return m, fmt.Errorf("the draft cannot be read (%v): start again from the scorecard in use", err)
	}
	inRange := func(i int) error {
		if i < 0 || i >= len(sc.Metrics) {
			return fmt.Errorf("there is no metric %d", i+1)
		}
		return nil
	}
	switch msg := msg.(type) {
	case EditDraft:
		err = editDraft(sc, msg.Field, msg.Value)
	case AddBand:
		if err = inRange(msg.Metric); err == nil {
			mt := &sc.Metrics[msg.Metric]
			b := scoring.Band{Points: sc.Scale.Highest(), At: scoring.N(0)}
			if len(mt.Bands) > 0 {
				b = mt.Bands[len(mt.Bands)-1]
			}
			mt.Bands = append(mt.Bands, b)
		}
	case RemoveBand:
		if err = inRange(msg.Metric); err == nil {
			mt := &sc.Metrics[msg.Metric]
			if msg.Band < 0 || msg.Band >= len(mt.Bands) {
				return m, fmt.Errorf("there is no band %d", msg.Band+1)
			}
			mt.Bands = append(mt.Bands[:msg.Band:msg.Band], mt.Bands[msg.Band+1:]...)
		}
	case AddMetric:
		var mt scoring.Metric
		if mt, err = metricOfKind(sc, msg.Kind); err == nil {
			sc.Metrics = append(sc.Metrics, mt)
		}
	case NewDraft:
		sc.Name, sc.Metrics = "My scorecard", []scoring.Metric{} // written as [], which a draft may be
	case RemoveMetric:
		if err = inRange(msg.Metric); err == nil {
			sc.Metrics = append(sc.Metrics[:msg.Metric:msg.Metric], sc.Metrics[msg.Metric+1:]...)
		}
	}
	if err != nil {
		return m, err
	}
	next := m
	next.Draft, err = draftJSON(sc)
	if err != nil {
		return m, err
	}
	return next, nil
}

// scorecardChanged checks the data against the new scorecard and starts
// its what-ifs afresh.
func (u *updater) scorecardChanged(m, prev Model) (Model, error) {
	if err := u.check(m); err != nil {
		return prev, fmt.Errorf("the data in use does not fit that scorecard, so it stays as it was: %w", err)
	}
	m.clearWhatIfs()
	m.Fixed, m.Huddle, m.HuddlePoints = nil, nil, nil
	return m, nil
}

// clearWhatIfs starts the what-ifs afresh: every month's sliders and
// points, volumes, survey luck and appeal.
func (m *Model) clearWhatIfs() {
	m.WhatIfs, m.Points, m.OldWhatIf, m.Volumes, m.Expect, m.TakenOut, m.PlanA, m.Evaluations = nil, nil, nil, nil, nil, nil, nil, nil
}

// checkMonth says why text is not a what-if month.
func checkMonth(text string) error {
	var mo scoring.Month
	if err := mo.UnmarshalCSV(text); err != nil || mo.String() != text {
		return fmt.Errorf("%s is not a month: write it as 2026-10", scoring.Clip(text))
	}
	return nil
}

// checkPoints says why p cannot be a metric's points on m's scale.
func checkPoints(m Model, p scoring.Num) error {
	sc, err := m.scorecard()
	if err != nil {
		return err
	}
	if p.Less(sc.Scale.Lowest()) || sc.Scale.Highest().Less(p) {
		return fmt.Errorf("%s points is off the scale: choose from %d to %d", p.Short(2), sc.Scale.Min, sc.Scale.Max)
	}
	return nil
}
