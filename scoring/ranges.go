package scoring

import "fmt"

// The values a what-if can take, whichever way it arrives (a slider, a
// typed value, a share link, saved state): one check, so that a link can
// never set what a slider would refuse. SPEC sets no such ranges; these
// are documented in docs/SCORING.md.
const (
	maxPercent     = 1000   // offers per call can pass 100 %; a CE cannot, but is harmless there
	maxSeconds     = 86_400 // a day
	maxNumber      = 1_000_000
	MaxWhatIfCount = 100_000 // incidents, surveys, calls in a month
)

// ValueRange returns the lowest and highest what-if value of m. A percent
// starts at 0, or at -100 when a band lies below 0 (an NPS kept as a
// percentage column).
func (sc *Scorecard) ValueRange(m *Metric) (lo, hi Num) {
	switch {
	case m.IsPoints():
		return sc.Scale.Lowest(), sc.Scale.Highest()
	case m.Source.Kind == FromNPS:
		return N(-100), N(100)
	case m.Unit == Percent:
		for _, b := range m.Bands {
			if b.At.Sign() < 0 { // an NPS kept as a percentage
				return N(-100), N(maxPercent)
			}
		}
		return N(0), N(maxPercent)
	case m.Unit == Seconds:
		return N(0), N(maxSeconds)
	}
	return N(-maxNumber), N(maxNumber)
}

// CheckValue says why v cannot be a what-if value of m, or returns nil.
func (sc *Scorecard) CheckValue(m *Metric, v Num) error {
	lo, hi := sc.ValueRange(m)
	if v.Less(lo) || hi.Less(v) {
		return fmt.Errorf("a value from %s to %s", lo.Short(2), hi.Short(2))
	}
	return nil
}

// CheckCount says why v cannot be a what-if count of incidents, or
// returns nil.
func CheckCount(v Num) error {
	if !v.IsInt() || v.Sign() < 0 || N(MaxWhatIfCount).Less(v) {
		return fmt.Errorf("a whole number from 0 to %d", MaxWhatIfCount)
	}
	return nil
}
