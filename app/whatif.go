package app

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// whatIfValue reads the what-if value text for key (a metric id, or an
// incident count's key such as "attendance.late") and checks that it is
// one the slider or the exact input would take. Every way a what-if
// arrives goes through it: a slider, a typed value, a share link, saved
// state; and the view applies nothing else.
func whatIfValue(sc *scoring.Scorecard, key, text string) (scoring.Num, error) {
	id, column, isCount := strings.Cut(key, ".")
	m := sc.Metric(id)
	if m == nil || (isCount && !hasPenalty(m, column)) {
		return scoring.Num{}, fmt.Errorf("the scorecard has no slider %s", scoring.Clip(key))
	}
	v, err := scoring.ParseNum(text)
	if err != nil {
		return scoring.Num{}, fmt.Errorf("%s: %v", m.Label, err)
	}
	if isCount {
		if err := scoring.CheckCount(v); err != nil {
			return scoring.Num{}, fmt.Errorf("%s, %s: %s is not %v", m.Label, column, v.Short(2), err)
		}
		return v, nil
	}
	if err := sc.CheckValue(m, v); err != nil {
		return scoring.Num{}, fmt.Errorf("%s: %s is not %v", m.Label, MetricValue(m, v), err)
	}
	return v, nil
}

func hasPenalty(m *scoring.Metric, column string) bool {
	for _, p := range m.Source.Penalties {
		if p.Column == column {
			return true
		}
	}
	return false
}

// goodWhatIfs keeps the what-ifs whatIfValue takes; dropped lists, in
// words, those it does not.
func goodWhatIfs(sc *scoring.Scorecard, whatIf map[string]string) (kept map[string]string, dropped []string) {
	for _, k := range sortedKeys(whatIf) {
		if _, err := whatIfValue(sc, k, whatIf[k]); err != nil {
			dropped = append(dropped, err.Error())
			continue
		}
		kept = with(kept, k, whatIf[k])
	}
	return kept, dropped
}
