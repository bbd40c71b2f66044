package state

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"passline/scoring"
)

// The scorecard editor works on a draft: the scorecard as JSON in
// Model.Draft, which may break the engine's rules while it is written.
// Each edit names a field: "name", "pass", "decimals", "scale.min",
// "scale.max", "quarter.mode", and for the metric at index i "m<i>.id",
// "m<i>.label", "m<i>.unit", "m<i>.better", "m<i>.weight",
// "m<i>.bands.<j>.points", "m<i>.bands.<j>.at".

// DraftScorecard reads the model's DraftScorecard, or the scorecard in use when there is none.
func (m Model) DraftScorecard() (*scoring.Scorecard, error) {
	if m.Draft == "" {
		return m.scorecard()
	}
	return scoring.DecodeScorecard([]byte(m.Draft))
}

// draftJSON writes a draft back as the model holds it.
func draftJSON(sc *scoring.Scorecard) (string, error) {
	var b bytes.Buffer
	if err := scoring.WriteScorecard(&b, sc); err != nil {
		return "", err
	}
	return b.String(), nil
}

// editDraft sets one field of the draft to the text typed.
func editDraft(sc *scoring.Scorecard, field, text string) error {
	text = strings.TrimSpace(text)
	num := func(dst *scoring.Num) error {
		n, err := scoring.ParseNum(strings.TrimSpace(strings.TrimSuffix(text, "%")))
		if err != nil {
			return fmt.Errorf("%q is not a number: write it like 2 or 2.5", text)
		}
		*dst = n
		return nil
	}
	whole := func(dst *int) error {
		n, err := strconv.Atoi(text)
		if err != nil {
			return fmt.Errorf("%q is not a whole number: write it like 1 or 3", text)
		}
		*dst = n
		return nil
	}
	switch field {
	case "name":
		sc.Name = text
		return nil
	case "pass":
		return num(&sc.Pass)
	case "decimals":
		return whole(&sc.Decimals)
	case "scale.min":
		return whole(&sc.Scale.Min)
	case "scale.max":
		return whole(&sc.Scale.Max)
	case "quarter.mode":
		sc.Quarter.Mode = scoring.QuarterMode(text)
		return nil
	}
	i, rest, err := metricField(sc, field)
	if err != nil {
		return err
	}
	m := &sc.Metrics[i]
	switch rest {
	case "id":
		m.ID = text
	case "label":
		m.Label = text
	case "unit":
		m.Unit = scoring.Unit(text)
		if m.IsPoints() {
			m.Better, m.Bands = "", nil
		} else if m.Better == "" {
			m.Better = scoring.Higher
		}
	case "better":
		m.Better = scoring.Better(text)
	case "weight":
		return num(&m.Weight)
	default:
		var j int
		var what string
		if _, err := fmt.Sscanf(rest, "bands.%d.%s", &j, &what); err != nil || j < 0 || j >= len(m.Bands) {
			return fmt.Errorf("there is no field %q", field)
		}
		switch what {
		case "points":
			return num(&m.Bands[j].Points)
		case "at":
			return num(&m.Bands[j].At)
		}
		return fmt.Errorf("there is no field %q", field)
	}
	return nil
}

// metricField splits "m3.weight" into 3 and "weight".
func metricField(sc *scoring.Scorecard, field string) (int, string, error) {
	head, rest, ok := strings.Cut(field, ".")
	i, err := strconv.Atoi(strings.TrimPrefix(head, "m"))
	if !ok || !strings.HasPrefix(head, "m") || err != nil || i < 0 || i >= len(sc.Metrics) {
		return 0, "", fmt.Errorf("there is no field %q", field)
	}
	return i, rest, nil
}

// newMetric is what "Add a metric" starts from: a number read from a
// column named like its id, with a band for each point above the lowest.
func newMetric(sc *scoring.Scorecard) scoring.Metric {
	id := "new_metric"
	for k := 2; sc.Metric(id) != nil; k++ {
		id = fmt.Sprintf("new_metric_%d", k)
	}
	m := scoring.Metric{ID: id, Label: "New metric", Unit: scoring.Number, Better: scoring.Higher, Weight: scoring.N(0)}
	for p := sc.Scale.Min + 1; p <= sc.Scale.Max; p++ {
		m.Bands = append(m.Bands, scoring.Band{Points: scoring.N(int64(p)), At: scoring.N(int64(10 * (p - sc.Scale.Min)))})
	}
	return m
}

// WeightsTotal adds the draft's weights.
func WeightsTotal(sc *scoring.Scorecard) scoring.Num {
	total := scoring.N(0)
	for _, m := range sc.Metrics {
		total = total.Add(m.Weight)
	}
	return total
}

// DraftCheck is the engine's objections to a draft: ByField sorts them by
// the editor's fields ("metrics" holds the weights' total, "m<i>" a
// metric's rules across fields, "" anything else), All says each in words.
type DraftCheck struct {
	ByField map[string][]string
	All     []string
}

// CheckDraft asks the engine what is wrong with a draft.
func CheckDraft(sc *scoring.Scorecard) DraftCheck {
	var serr *scoring.ScorecardError
	if err := sc.Validate(); !errors.As(err, &serr) {
		return DraftCheck{}
	}
	out := DraftCheck{ByField: map[string][]string{}}
	for _, p := range serr.Problems {
		out.All = append(out.All, p.String())
		key := ""
		if p.Metric == "" {
			key = p.Field // "metrics" is the weights' total
			if key == "scale" {
				key = "scale.max"
			}
		} else {
			for i := range sc.Metrics {
				if sc.Metrics[i].ID == p.Metric || fmt.Sprintf("metric %d", i+1) == p.Metric {
					key = fmt.Sprintf("m%d.%s", i, p.Field)
					if p.Field == "" {
						key = fmt.Sprintf("m%d", i)
					}
					break
				}
			}
			if strings.HasPrefix(p.Field, "bands[") {
				var j int
				var what string
				if _, err := fmt.Sscanf(strings.NewReplacer("[", " ", "]", " ", ".", " ").Replace(p.Field), "bands %d %s", &j, &what); err == nil && key != "" {
					key = key[:strings.Index(key, ".")] + fmt.Sprintf(".bands.%d.%s", j-1, what) // the engine counts bands from 1
				}
			}
		}
		out.ByField[key] = append(out.ByField[key], p.Rule)
	}
	return out
}
