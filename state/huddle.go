package state

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// Huddle is huddle mode: two anonymous scenarios side by side, the pass
// map of two metrics and what one point of each metric is worth.
type Huddle struct {
	Scenarios [2]Scenario
	X, Y      int // the pass map's metrics (indices): X across, Y down
	Rest      int // the scenario the map's other metrics come from
	Map       scoring.PassMap
	Scores    [][]scoring.Num // the score of each cell of Map
	MapErr    error
	Worth     []scoring.Num // per metric, scorecard order: the score one point adds
	Luck      HuddleLuck    // the scenarios' odds with one metric left to luck
}

// Scenario is a month given as points, one per metric (scorecard order).
type Scenario struct {
	Key    string // "a" or "b"
	Title  string // in words: "Strong sales, weak CE"
	Points []scoring.Num
	Score  scoring.Num
	Pass   bool
	Gated  []string // labels of metrics below their gate
}

// huddlePointsKey reports whether a Model.Huddle key holds points.
func huddlePointsKey(k string) bool { return strings.HasPrefix(k, "a.") || strings.HasPrefix(k, "b.") }

// huddleDefault is a metric's points in a scenario nobody changed: A is
// strong on sales and weak on customer experience, B the other way round;
// every other metric sits at its middle level.
func huddleDefault(sc *scoring.Scorecard, m *scoring.Metric, scenario string) scoring.Num {
	levels := sc.Levels(m)
	low, high, mid := levels[0], levels[len(levels)-1], levels[len(levels)/2]
	switch r := metricRank(m); {
	case r == rankSales && scenario == "a", r == rankCE && scenario == "b":
		return high
	case r == rankSales, r == rankCE:
		return low
	}
	return mid
}

// huddleOf works out huddle mode for the model's choices.
func huddleOf(sc *scoring.Scorecard, m Model) Huddle {
	var h Huddle
	for s, key := range []string{"a", "b"} {
		sn := Scenario{Key: key, Points: make([]scoring.Num, len(sc.Metrics))}
		for i := range sc.Metrics {
			mt := &sc.Metrics[i]
			sn.Points[i] = huddleDefault(sc, mt, key)
			if p, ok := m.HuddlePoints[key+"."+mt.ID]; ok {
				if isLevel(sc, mt, p) {
					sn.Points[i] = p
				}
			}
			if mt.Gate != nil && sn.Points[i].Less(*mt.Gate) {
				sn.Gated = append(sn.Gated, mt.Label)
			}
		}
		sn.Score = sc.ScoreWith(sn.Points)
		sn.Pass = sc.PassesWith(sn.Points)
		sn.Title = scenarioTitle(sc, sn.Points, "Scenario "+strings.ToUpper(key))
		h.Scenarios[s] = sn
	}
	h.X, h.Y = defaultMapMetrics(sc)
	if i := sc.Index(m.Huddle["x"]); i >= 0 {
		h.X = i
	}
	if i := sc.Index(m.Huddle["y"]); i >= 0 {
		h.Y = i
	}
	if m.Huddle["rest"] == "b" {
		h.Rest = 1
	}
	rest := h.Scenarios[h.Rest].Points
	if h.X == h.Y {
		h.MapErr = fmt.Errorf("across and down are both %s: choose two different metrics", sc.Metrics[h.X].Label)
	} else {
		h.Map, h.MapErr = sc.PassMapWith(rest, sc.Metrics[h.X].ID, sc.Metrics[h.Y].ID)
	}
	if h.MapErr == nil {
		points := append([]scoring.Num(nil), rest...)
		for _, px := range h.Map.ALevels {
			row := make([]scoring.Num, len(h.Map.BLevels))
			for j, py := range h.Map.BLevels {
				points[h.X], points[h.Y] = px, py
				row[j] = sc.ScoreWith(points)
			}
			h.Scores = append(h.Scores, row)
		}
	}
	for i := range sc.Metrics {
		h.Worth = append(h.Worth, sc.Metrics[i].Weight.Div(scoring.N(100)))
	}
	h.Luck = huddleLuckOf(sc, m, h.Scenarios)
	return h
}

func isLevel(sc *scoring.Scorecard, m *scoring.Metric, p scoring.Num) bool {
	for _, l := range sc.Levels(m) {
		if l.Equal(p) {
			return true
		}
	}
	return false
}

// defaultMapMetrics picks the pass map's metrics: customer experience
// across and sales down, else the first two metrics.
func defaultMapMetrics(sc *scoring.Scorecard) (x, y int) {
	x, y = -1, -1
	for i := range sc.Metrics {
		switch metricRank(&sc.Metrics[i]) {
		case rankCE:
			if x < 0 {
				x = i
			}
		case rankSales:
			if y < 0 {
				y = i
			}
		}
	}
	for i := 0; i < len(sc.Metrics) && (x < 0 || y < 0 || x == y); i++ {
		switch {
		case x < 0 && i != y:
			x = i
		case (y < 0 || y == x) && i != x:
			y = i
		}
	}
	return x, y
}

// scenarioTitle names a scenario by its strong and weak groups of metrics,
// in the words of the scorecard in use: "Strong sales, weak CE", "No
// sales, strong CE"; on Technical support, "Weak NPS".
func scenarioTitle(sc *scoring.Scorecard, points []scoring.Num, fallback string) string {
	var parts []string
	experience := groupName(sc, rankCE)
	for _, g := range []struct {
		rank       int
		name, none string
	}{{rankSales, "sales", "no sales"}, {rankCE, experience, "weak " + experience}, {rankAHT, "handle time", "slow handle time"}} {
		all, top, bottom := 0, 0, 0
		for i := range sc.Metrics {
			mt := &sc.Metrics[i]
			if metricRank(mt) != g.rank {
				continue
			}
			levels := sc.Levels(mt)
			all++
			if points[i].Equal(levels[len(levels)-1]) {
				top++
			}
			if points[i].Equal(levels[0]) {
				bottom++
			}
		}
		switch {
		case all == 0:
		case top == all:
			parts = append(parts, "strong "+g.name)
		case bottom == all:
			parts = append(parts, g.none)
		}
	}
	if len(parts) == 0 {
		return fallback
	}
	if len(parts) > 2 {
		parts = parts[:2]
	}
	return Capitalize(strings.Join(parts, ", "))
}

// groupName names the metrics of a rank as the scorecard does: a short id
// as it is said ("CE", "NPS", "CSAT"), else the label, several joined.
func groupName(sc *scoring.Scorecard, rank int) string {
	var names []string
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		if metricRank(m) != rank {
			continue
		}
		if len(m.ID) <= 4 {
			names = append(names, strings.ToUpper(m.ID))
		} else {
			names = append(names, m.Label)
		}
	}
	return JoinAnd(names)
}
