package scoring

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// MarshalJSON writes the scorecard in the file format of SPEC section 2,
// with every default written out, so that reading it again gives the same
// scorecard.
func (sc *Scorecard) MarshalJSON() ([]byte, error) {
	type scale struct {
		Min int `json:"min"`
		Max int `json:"max"`
	}
	type quarter struct {
		Mode       QuarterMode `json:"mode"`
		StartMonth int         `json:"start_month"`
		AverageOf  AverageOf   `json:"average_of,omitempty"`
	}
	type band struct {
		Points Num `json:"points"`
		At     Num `json:"at"`
	}
	type metric struct {
		ID          string          `json:"id"`
		Label       string          `json:"label"`
		Unit        Unit            `json:"unit"`
		Better      Better          `json:"better,omitempty"`
		Weight      Num             `json:"weight"`
		Source      json.RawMessage `json:"source,omitempty"`
		Bands       []band          `json:"bands,omitempty"`
		Interpolate bool            `json:"interpolate,omitempty"`
		Gate        *Num            `json:"gate,omitempty"`
	}
	out := struct {
		Version  int      `json:"version"`
		Name     string   `json:"name,omitempty"`
		Scale    scale    `json:"scale"`
		Pass     Num      `json:"pass"`
		Decimals int      `json:"decimals"`
		Quarter  quarter  `json:"quarter"`
		Metrics  []metric `json:"metrics"`
	}{sc.Version, sc.Name, scale{sc.Scale.Min, sc.Scale.Max}, sc.Pass, sc.Decimals,
		quarter{sc.Quarter.Mode, sc.Quarter.StartMonth, sc.Quarter.AverageOf}, []metric{}} // [] when none: a draft may have none yet
	if sc.Quarter.Mode == Pooled {
		out.Quarter.AverageOf = ""
	}
	for _, m := range sc.Metrics {
		om := metric{ID: m.ID, Label: m.Label, Unit: m.Unit, Better: m.Better, Weight: m.Weight,
			Interpolate: m.Interpolate, Gate: m.Gate, Source: m.Source.json()}
		for _, b := range m.Bands {
			om.Bands = append(om.Bands, band(b))
		}
		out.Metrics = append(out.Metrics, om)
	}
	return json.Marshal(out)
}

func (s Source) json() json.RawMessage {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	switch s.Kind {
	case FromColumn:
		if s.WeightBy != "" {
			return json.RawMessage(`{"column":` + q(s.Column) + `,"weight_by":` + q(s.WeightBy) + `}`)
		}
		return json.RawMessage(`{"column":` + q(s.Column) + `}`)
	case FromRatio:
		return json.RawMessage(`{"ratio":{"num":` + q(s.Num) + `,"den":` + q(s.Den) + `}}`)
	case FromNPS:
		return json.RawMessage(`{"nps":{"promoters":` + q(s.Promoters) + `,"passives":` + q(s.Passives) + `,"detractors":` + q(s.Detractors) + `}}`)
	case FromDeduct:
		parts := make([]string, len(s.Penalties))
		for i, p := range s.Penalties {
			parts[i] = q(p.Column) + ":" + p.Points.String()
		}
		return json.RawMessage(`{"deduct":{` + strings.Join(parts, ",") + `}}`)
	}
	return nil
}

// WriteScorecard writes the scorecard as indented JSON, ending in a newline.
func WriteScorecard(w io.Writer, sc *Scorecard) error {
	raw, err := sc.MarshalJSON()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}
