// Package state is the app's state and logic, with nothing drawn: the
// model, its messages and the pure Update; the saved-state codec; the
// scorecard and data read once (Prepared) and the view derived from them;
// the team, huddle, learn, luck, appeal, share and editor logic; and the
// sentences the app shows. It imports neither go-app nor syscall/js
// (TestNoUI), so all of it is tested in plain go test and under wasm.
package state

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"passline/scoring"
)

// Schema is the version of the stored Model. Stored state of another
// version is not read: the app starts from defaults and says so.
const Schema = 1

// DefaultPreset is the scorecard a new user starts with.
const DefaultPreset = "care-and-sales"

// DefaultData is SPEC's October story, the data a new user starts with.
const DefaultData = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"

// NextMonth, as Model.Month, is the month after the data's latest, still
// empty, starting from the latest month's values.
const NextMonth = "next"

// Model is the whole state the user can change; it is what is saved.
type Model struct {
	Schema int    `json:"schema"`
	Preset string `json:"preset"`
	// Scorecard is an imported scorecard file; empty means the preset.
	Scorecard string `json:"scorecard,omitempty"`
	Data      string `json:"data,omitempty"` // the metric CSV as pasted or uploaded; saved apart
	// Typed holds the months typed by hand, data like a paste. With no
	// file in use, Data is empty and they are all there is.
	Typed []TypedMonth `json:"typed,omitempty"`
	// Sheets holds, by scorecard (SheetKey), how the user said the
	// columns of their sheets are read; Dates how the sheet in use's dates
	// are read when they cannot tell (SPEC section 8: "dmy" or "mdy"), the
	// answer to its question: a new sheet is asked again.
	Sheets map[string]SheetChoice `json:"sheets,omitempty"`
	Dates  string                 `json:"dates,omitempty"`
	Agent  string                 `json:"agent,omitempty"`
	// Month is the what-if month (2026-10), empty for the latest in the
	// data, or NextMonth.
	Month string `json:"month,omitempty"`
	// WhatIfs holds the slider values by month ("2026-10"), then by
	// what-if key (a metric id, or "<id>.<column>" for a count of
	// incidents), as exact decimals in the metric's unit: every month of a
	// quarter has its own. A metric without one keeps the month's own value.
	WhatIfs map[string]map[string]scoring.Num `json:"what_ifs,omitempty"`
	// Points holds, by month and then metric id, points given directly (an
	// agent who knows her points, not her numbers): they win over a what-if
	// value of the same metric. PointsMode shows the month's metrics as
	// choices of points in place of sliders.
	Points     map[string]map[string]scoring.Num `json:"points,omitempty"`
	PointsMode bool                              `json:"points_mode,omitempty"`
	// OldWhatIf is the what-if of state saved before each month had its
	// own: it belongs to the month Month chose. Restore moves it to WhatIfs.
	OldWhatIf map[string]scoring.Num `json:"what_if,omitempty"`
	// Volumes overrides, by metric id, the volume a pooled quarter's
	// remaining months are assumed to have.
	Volumes map[string]scoring.Num `json:"volumes,omitempty"`
	// Fixed holds the points chosen in "pass without…?", by metric id.
	Fixed map[string]scoring.Num `json:"fixed,omitempty"`

	// Screen is the screen shown: one of Screens' ids; empty for the
	// what-if screen.
	Screen string `json:"screen,omitempty"`
	// TeamFilter and TeamPage are the team view's name filter and page.
	TeamFilter string `json:"team_filter,omitempty"`
	TeamPage   int    `json:"team_page,omitempty"`
	// TeamSort is the team view's order: a column of TeamSorts ("-" in
	// front: descending), or "" for risk to the quarter.
	TeamSort string `json:"team_sort,omitempty"`
	// Draft is the scorecard editor's draft as JSON; empty: the editor
	// starts from the scorecard in use.
	Draft string `json:"draft,omitempty"`

	// Huddle holds huddle mode's choices of ids: "x" and "y" the pass map's
	// metrics, "rest" the scenario ("a" or "b") the map's other metrics come
	// from. HuddlePoints holds, by "a.<id>" and "b.<id>", the points of a
	// metric in scenario A or B. (State saved before they were apart kept
	// the points in Huddle, as text: the restore moves them.)
	Huddle       map[string]string      `json:"huddle,omitempty"`
	HuddlePoints map[string]scoring.Num `json:"huddle_points,omitempty"`
	// Lesson is the learn screen's topic; Answers its calculators' inputs
	// ("<topic>.<field>") and the quiz's answers ("quiz.<n>").
	Lesson  string            `json:"lesson,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
	// Expect holds, by metric id, the responses survey luck assumes for
	// next month; TakenOut, by "<metric>.<column>", the counts an appeal
	// what-if takes out of the what-if month.
	// Both are whole numbers (state saved before they were typed has them
	// as text: the restore reads it).
	Expect   map[string]scoring.Num `json:"expect,omitempty"`
	TakenOut map[string]scoring.Num `json:"taken_out,omitempty"`
	// Evaluations holds, by metric id, the evaluations an appeal what-if
	// averages for a metric whose value is a mean of them (QA): as
	// recorded, and with the appealed ones changed (issue 24).
	Evaluations map[string]Evaluations `json:"evaluations,omitempty"`
	// PlanA is the what-if kept as plan A, for its odds beside the
	// current one's (plan B).
	PlanA *Plan `json:"plan_a,omitempty"`
}

// Plan is a what-if kept for the month to come: its slider values,
// points given and volumes expected.
type Plan struct {
	Month   string                 `json:"month"`
	WhatIfs map[string]scoring.Num `json:"what_ifs,omitempty"`
	Points  map[string]scoring.Num `json:"points,omitempty"`
	Expect  map[string]scoring.Num `json:"expect,omitempty"`
	// Before holds the what-ifs and points given of the quarter's months
	// before Month, by month, as they were when the plan was kept: the
	// quarter's odds depend on them, and a plan never changes until it is
	// replaced or forgotten. nil in plans saved before it was kept (those
	// months then count as they are now).
	Before       map[string]map[string]scoring.Num `json:"before"`
	BeforePoints map[string]map[string]scoring.Num `json:"before_points,omitempty"`
}

// Evaluations are a month's evaluations of one metric, in the metric's
// unit: Recorded as the agent typed them, Appealed the same list with the
// appealed ones changed.
type Evaluations struct {
	Recorded []scoring.Num `json:"recorded"`
	Appealed []scoring.Num `json:"appealed"`
}

// Screen ids.
const (
	ScreenWhatIf = ""
	ScreenTeam   = "team"
	ScreenEditor = "editor"
	ScreenHuddle = "huddle"
	ScreenLearn  = "learn"
)

// Screens lists the screens, in the order the navigation shows them.
var Screens = []choice{
	{ScreenWhatIf, "What if"},
	{ScreenTeam, "Team"},
	{ScreenHuddle, "Huddle"},
	{ScreenLearn, "Learn"},
	{ScreenEditor, "Edit scorecard"},
}

// NewModel returns the state of a first visit.
func NewModel() Model {
	return Model{Schema: Schema, Preset: DefaultPreset, Data: DefaultData}
}

// scorecard reads the model's scorecard: the imported one or the preset.
func (m Model) scorecard() (*scoring.Scorecard, error) {
	if m.Scorecard != "" {
		return scoring.ParseScorecard([]byte(m.Scorecard))
	}
	return scoring.LoadPreset(m.Preset)
}

// Validate checks that everything in m is usable: that Restore would keep
// all of it. What salvage would put back is the error.
func (m Model) Validate() error {
	if m.Schema != Schema {
		return fmt.Errorf("it was saved by another version of Passline (schema %d, this one reads %d)", m.Schema, Schema)
	}
	if _, err := Prepare(m); err != nil {
		return err
	}
	if _, notes := salvage(m); len(notes) > 0 {
		return errors.New(strings.Join(notes, "; "))
	}
	return nil
}

// choice is an entry of a list the user picks from: a screen, a lesson.
type choice = struct{ ID, Label string }

func knownScreen(id string) bool { return hasID(Screens, id) }

// hasID reports whether one of the choices has that id.
func hasID(list []choice, id string) bool {
	return slices.ContainsFunc(list, func(c choice) bool { return c.ID == id })
}

// MaxFileBytes is the largest file the app reads (20 MB); larger ones are
// refused before they are read, naming the limit.
const MaxFileBytes = 20_000_000

// TooBig refuses what is over MaxFileBytes before it is read, naming the
// limit; what names it ("october.csv", "the pasted text").
func TooBig(what string, size int) error {
	if size <= MaxFileBytes {
		return nil
	}
	return fmt.Errorf("%s is %s; Passline reads up to %s at once: split it, or keep only the months you need", what, megabytes(size), megabytes(MaxFileBytes))
}

// megabytes says a size in decimal megabytes: "20 MB", "52.4 MB".
func megabytes(n int) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e6), ".0") + " MB"
}
