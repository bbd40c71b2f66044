package state

import "passline/scoring"

// Msg is something the user did.
type Msg interface{ isMsg() }

// The messages.
type (
	// ChoosePreset switches to a built-in scorecard.
	ChoosePreset struct{ ID string }
	// ImportScorecard switches to a scorecard file; a refused one changes nothing.
	ImportScorecard struct{ Name, JSON string }
	// SetData replaces the data with pasted or uploaded text; text with no
	// usable row changes nothing.
	SetData struct{ Text string }
	// ChooseAgent picks whose months are shown.
	ChooseAgent struct{ Name string }
	// ChooseMonth picks the what-if month: 2026-10, or NextMonth.
	ChooseMonth struct{ Month string }
	// SetWhatIf moves a metric's slider to Value, an exact decimal, in
	// Month ("2026-10"). It takes back points given for the metric.
	SetWhatIf struct {
		Month, Metric string
		Value         scoring.Num
	}
	// ClearWhatIf puts Month's sliders and points back to its own values.
	ClearWhatIf struct{ Month string }
	// SetPoints gives a metric's points in Month directly; nil takes them
	// back (ReadPoints reads them).
	SetPoints struct {
		Month, Metric string
		Points        *scoring.Num
	}
	// ShowPoints shows the what-if month in points (true) or values.
	ShowPoints struct{ On bool }
	// AddMonth adds an empty month typed by hand for Agent ("" for "Me"),
	// and shows it. Added to the example, it puts the example away.
	AddMonth struct{ Agent, Month string }
	// SetTypedValue sets a metric's value in a typed month; nil clears it
	// (ReadTypedValue reads it). SetTypedCount does the same for a count
	// of a source column (ReadTypedCount).
	SetTypedValue struct {
		Agent, Month, Metric string
		Value                *scoring.Num
	}
	SetTypedCount struct {
		Agent, Month, Column string
		Value                *scoring.Num
	}
	// RemoveMonth removes a typed month.
	RemoveMonth struct{ Agent, Month string }
	// SetColumn says what a header of the sheet is: Key is month, agent, a
	// metric id, a source column, or "" for nothing (SPEC section 8).
	// Text, when set, is a sheet not in use yet (refused for want of its
	// month column) to read with the choice; empty, the data in use.
	// ResetColumns goes back to reading the columns by their names.
	SetColumn    struct{ Header, Key, Text string }
	ResetColumns struct{}
	// SetUnit says in which unit a column's bare numbers are (SPEC section
	// 9: a scoring.ColumnUnit such as "ms" or "fraction"; "" goes back to
	// the header's own), remembered with the mapping.
	SetUnit struct{ Header, Unit string }
	// SetDates answers the dates question ("dmy" or "mdy") and reads the
	// data Text again with it.
	SetDates struct{ Order, Text string }
	// SetVolume sets the volume a pooled need assumes for a metric; nil
	// goes back to the mean of the months so far (ReadVolume reads it).
	SetVolume struct {
		Metric string
		Value  *scoring.Num
	}
	// FixPoints holds a metric at Points in "pass without…?"; nil: any
	// (ReadPoints reads it).
	FixPoints struct {
		Metric string
		Points *scoring.Num
	}
	// Reset forgets everything: the state of a first visit.
	Reset struct{}
	// ChooseScreen shows another screen.
	ChooseScreen struct{ Screen string }
	// FilterTeam keeps the team view's agents whose name contains Text.
	FilterTeam struct{ Text string }
	// ShowTeamPage shows the team view's page Page (from 0).
	ShowTeamPage struct{ Page int }
	// SortTeam sorts the team view by a column of TeamSorts ("-" in front:
	// descending), or by risk ("").
	SortTeam struct{ By string }
	// OpenAgent opens the what-if screen for an agent of the team view.
	OpenAgent struct{ Name string }
	// EditDraft sets a field of the editor's draft to the text typed.
	EditDraft struct {
		Field DraftField
		Value string
	}
	// AddBand adds a band to the draft's metric Metric (copying its last);
	// RemoveBand takes band Band away.
	AddBand    struct{ Metric int }
	RemoveBand struct{ Metric, Band int }
	// AddMetric adds a new metric of a kind (MetricKinds: "csat", "aht"…,
	// "" for a blank one) to the draft; RemoveMetric takes one away.
	// NewDraft starts a draft with no metric, to build from kinds.
	AddMetric    struct{ Kind string }
	NewDraft     struct{}
	RemoveMetric struct{ Metric int }
	// DiscardDraft starts the editor again from the scorecard in use.
	DiscardDraft struct{}
	// UseDraft makes the draft the scorecard in use, if the engine takes it.
	UseDraft struct{}
	// SetHuddle sets one of huddle mode's map choices ("x", "y", "rest":
	// see Model.Huddle); an empty Value goes back to the default.
	// SetHuddlePoints sets a metric's points in a scenario ("a.<id>");
	// nil goes back to the default. ResetHuddle clears them all.
	SetHuddle       struct{ Key, Value string }
	SetHuddlePoints struct {
		Key    string
		Points *scoring.Num
	}
	ResetHuddle struct{}
	// ChooseLesson shows a topic of the learn screen.
	ChooseLesson struct{ Topic string }
	// Answer sets a learn calculator's input or a quiz answer.
	Answer struct{ Key, Value string }
	// SetExpected sets the responses survey luck assumes for a metric next
	// month; empty: as many as this month.
	// Value nil: the month's own number of responses.
	SetExpected struct {
		Metric string
		Value  *scoring.Num
	}
	// TakeOut sets how many of a metric's counted Column an appeal what-if
	// takes out; ClearTakeOut puts them all back.
	// Value nil or 0: none taken out.
	TakeOut struct {
		Metric, Column string
		Value          *scoring.Num
	}
	ClearTakeOut struct{}
	// SetEvaluations sets the month's evaluations of a metric whose value
	// is their mean (ReadEvaluations reads them); nil forgets them.
	// AppealEvaluation changes the Index-th one (from 0) in the appeal
	// what-if; nil puts it back as recorded.
	SetEvaluations struct {
		Metric string
		List   []scoring.Num
	}
	AppealEvaluation struct {
		Metric string
		Index  int
		Value  *scoring.Num
	}
	// KeepPlan keeps the month to come's what-if (Month) as plan A;
	// ForgetPlan forgets plan A.
	KeepPlan   struct{ Month string }
	ForgetPlan struct{}
)

func (ChoosePreset) isMsg()     {}
func (ImportScorecard) isMsg()  {}
func (SetData) isMsg()          {}
func (ChooseAgent) isMsg()      {}
func (ChooseMonth) isMsg()      {}
func (SetWhatIf) isMsg()        {}
func (ClearWhatIf) isMsg()      {}
func (SetPoints) isMsg()        {}
func (ShowPoints) isMsg()       {}
func (AddMonth) isMsg()         {}
func (SetTypedValue) isMsg()    {}
func (SetTypedCount) isMsg()    {}
func (RemoveMonth) isMsg()      {}
func (SetColumn) isMsg()        {}
func (ResetColumns) isMsg()     {}
func (SetUnit) isMsg()          {}
func (SetDates) isMsg()         {}
func (SetVolume) isMsg()        {}
func (FixPoints) isMsg()        {}
func (Reset) isMsg()            {}
func (ChooseScreen) isMsg()     {}
func (FilterTeam) isMsg()       {}
func (ShowTeamPage) isMsg()     {}
func (SortTeam) isMsg()         {}
func (OpenAgent) isMsg()        {}
func (EditDraft) isMsg()        {}
func (AddBand) isMsg()          {}
func (RemoveBand) isMsg()       {}
func (AddMetric) isMsg()        {}
func (NewDraft) isMsg()         {}
func (RemoveMetric) isMsg()     {}
func (DiscardDraft) isMsg()     {}
func (UseDraft) isMsg()         {}
func (SetHuddle) isMsg()        {}
func (ResetHuddle) isMsg()      {}
func (SetHuddlePoints) isMsg()  {}
func (ChooseLesson) isMsg()     {}
func (Answer) isMsg()           {}
func (SetExpected) isMsg()      {}
func (TakeOut) isMsg()          {}
func (ClearTakeOut) isMsg()     {}
func (SetEvaluations) isMsg()   {}
func (AppealEvaluation) isMsg() {}
func (KeepPlan) isMsg()         {}
func (ForgetPlan) isMsg()       {}
