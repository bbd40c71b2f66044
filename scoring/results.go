package scoring

// AgentResult is everything scored for one agent.
type AgentResult struct {
	Name     string
	Months   []MonthResult   // in time order
	Quarters []QuarterResult // every quarter in which the agent has a row, in time order
}

// ScoreData scores every agent of the data: months, then quarters.
func (sc *Scorecard) ScoreData(d *Data) []AgentResult {
	out := make([]AgentResult, len(d.Agents))
	for i, a := range d.Agents {
		out[i] = sc.ScoreAgent(a)
	}
	return out
}

// ScoreAgent scores one agent's months and quarters.
func (sc *Scorecard) ScoreAgent(a AgentData) AgentResult {
	res := AgentResult{Name: a.Name}
	var starts []Month
	for _, md := range a.Months {
		res.Months = append(res.Months, sc.ScoreMonth(md.Month, md.Inputs))
		if q := sc.QuarterOf(md.Month); len(starts) == 0 || starts[len(starts)-1] != q {
			starts = append(starts, q)
		}
	}
	for _, q := range starts {
		res.Quarters = append(res.Quarters, sc.scoreQuarter(q, a.Months, res.Months))
	}
	return res
}
