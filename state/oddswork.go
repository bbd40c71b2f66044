package state

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"passline/scoring"
)

// The odds card's work in the browser (issue 25): bounded in time, and in
// slices short enough for the page to draw and take input between them
// (the app's pace pauses; see app/odds_job.go).

// OddsBudget is how long the odds card's work may take in all before it
// is abandoned with OddsTooLongWords: the worst valid scorecards take a
// fraction of it (docs/ODDS.md), a slow phone a few times more.
const OddsBudget = 5 * time.Second

// OddsTooLongWords is why odds abandoned for the budget are missing.
const OddsTooLongWords = "working them out took too long on this device (the scorecard and volumes are very large), so Passline stopped; the verdict and the what-if are not affected"

// ErrOddsTooLong is the error a pace returns once OddsBudget is spent.
var ErrOddsTooLong = errors.New(OddsTooLongWords)

// OddsWork is everything the odds card shows.
type OddsWork struct {
	Odds Odds
	// Plan is plan A's odds when one is kept for the month to come;
	// Differs says what differs between it and the what-if now.
	Plan    *Odds
	Differs []string
	Steps   []OddsStep
	// StepsErr is why "What moves your odds most" is missing: the budget
	// ran out after the odds were worked out.
	StepsErr error
}

// WorkOutOdds works out what the odds card shows for model m, in the order
// it matters (the odds, plan A's, then the steps), calling pace as it goes
// (nil: never). An error from the pace abandons what is left: the odds'
// Err, or StepsErr, is that error. Nothing abandoned is kept for later.
func (p *Prepared) WorkOutOdds(m Model, pace scoring.Pace) OddsWork {
	w := OddsWork{Odds: p.oddsPaced(m, pace)}
	if paceErr(w.Odds.Err, pace) != nil {
		return w
	}
	w.Differs = p.PlanDiffers(m)
	if mo, ok := p.planModel(m); ok {
		a := p.oddsPaced(mo, pace)
		if err := paceErr(a.Err, pace); err != nil {
			w.StepsErr = err
			return w
		}
		w.Plan = &a
	}
	if w.Odds.Err == nil {
		w.Steps, w.StepsErr = p.oddsSteps(m, pace)
	}
	return w
}

// StepLines is what "What moves your odds most" lists: each step that
// changes a shown chance (StepsWords), or why the steps are missing.
func (w OddsWork) StepLines() []string {
	switch {
	case errors.Is(w.StepsErr, ErrOddsTooLong):
		return []string{StepsTooLongWords}
	case w.StepsErr != nil:
		return []string{"Not worked out: " + w.StepsErr.Error() + "."}
	}
	return StepsWords(w.Odds, w.Steps)
}

// StepsTooLongWords is why the steps are missing when the budget ran out
// after the odds were worked out.
const StepsTooLongWords = "Not worked out: trying each step would take too long on this device (the scorecard and volumes are very large). The odds above are complete."

// paceErr is err when it came from a pace (the work was abandoned), nil
// when it is the odds' own (a metric without a value, say).
func paceErr(err error, pace scoring.Pace) error {
	var stopped *pacedStop
	if pace != nil && errors.As(err, &stopped) {
		return stopped.err
	}
	return nil
}

// pacedStop marks an error that came from a pace.
type pacedStop struct{ err error }

func (s *pacedStop) Error() string { return s.err.Error() }
func (s *pacedStop) Unwrap() error { return s.err }

// oddsMemo keeps the odds worked out, by agent and the choices they
// depend on, and their draws. Its lock lets the app work the odds out on a
// goroutine of their own while the page goes on. A nil memo keeps nothing.
type oddsMemo struct {
	mu    sync.Mutex
	odds  map[string]Odds
	draws drawMemo
}

func (om *oddsMemo) get(key string) (Odds, bool) {
	if om == nil {
		return Odds{}, false
	}
	om.mu.Lock()
	defer om.mu.Unlock()
	o, ok := om.odds[key]
	return o, ok
}

func (om *oddsMemo) put(key string, o Odds) {
	if om == nil {
		return
	}
	om.mu.Lock()
	defer om.mu.Unlock()
	if om.odds == nil || len(om.odds) > 256 {
		om.odds = map[string]Odds{}
	}
	om.odds[key] = o
}

// drawsOf is the memo's draws (nil: none kept).
func (om *oddsMemo) drawsOf() *drawMemo {
	if om == nil {
		return nil
	}
	return &om.draws
}

// drawMemo keeps the odds' draws, each worked out once per Prepared:
// "What moves your odds most" changes one metric per step, and the
// others' draws are the same (issue 25: everything was worked out again
// once per metric). A nil memo keeps nothing.
type drawMemo struct {
	mu     sync.Mutex
	dists  map[string]scoring.Dist
	joints map[string]scoring.Joint
}

// drawKey names metrics ms's draw d.
func drawKey(ms []int, d scoring.Draw) string {
	return fmt.Sprint(ms, d.Known, d.Trials, d.Rates, d.Den)
}

// pointsDist is sc.PointsDist of metric i, kept.
func (dm *drawMemo) pointsDist(sc *scoring.Scorecard, i int, d scoring.Draw) (scoring.Dist, error) {
	work := func() (scoring.Dist, error) { return sc.PointsDist(&sc.Metrics[i], d) }
	if dm == nil {
		return work()
	}
	return kept(&dm.mu, &dm.dists, drawKey([]int{i}, d), work)
}

// jointDist is sc.JointDist of metrics ms, kept.
func (dm *drawMemo) jointDist(sc *scoring.Scorecard, ms []int, d scoring.Draw) (scoring.Joint, error) {
	work := func() (scoring.Joint, error) { return sc.JointDist(ms, d) }
	if dm == nil {
		return work()
	}
	return kept(&dm.mu, &dm.joints, drawKey(ms, d), work)
}

// kept is store's answer for key, or work's, kept (up to 1024, then the
// store starts again); mu guards store. An error is not kept.
func kept[T any](mu *sync.Mutex, store *map[string]T, key string, work func() (T, error)) (T, error) {
	mu.Lock()
	got, ok := (*store)[key]
	mu.Unlock()
	if ok {
		return got, nil
	}
	v, err := work()
	if err != nil {
		return v, err
	}
	mu.Lock()
	defer mu.Unlock()
	if *store == nil || len(*store) > 1024 {
		*store = map[string]T{}
	}
	(*store)[key] = v
	return v, nil
}
