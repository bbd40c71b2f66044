package csv

import (
	"errors"
	"strings"
	"testing"

	"passline/scoring"
)

// TestSection8: SPEC section 8's rules, one row each, through the adapter.
func TestSection8(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	const counts = "calls,offers,sales,surveys,satisfied,aht,late,absent"
	const row = "520,60,0,25,23,7:35,1,0"
	for _, tc := range []struct {
		name   string
		text   string
		opts   scoring.ReadOptions
		uses   string // header=key, the used ones
		agents string // the agents and their months
		err    string
	}{
		{"month and agent by other names", "Date,Agent Name," + counts + "\n01/10/2026,Jo," + row + "\n",
			scoring.ReadOptions{}, "Date=month Agent Name=agent", "Jo:2026-10", ""},
		{"the first alias wins", "period,date,rep,name," + counts + "\n2026-10,x,Jo,Al," + row + "\n",
			scoring.ReadOptions{}, "period=month rep=agent", "Jo:2026-10", ""},
		{"month named so beats an alias", "date,month,agent," + counts + "\nx,2026-10,Jo," + row + "\n",
			scoring.ReadOptions{}, "month=month agent=agent", "Jo:2026-10", ""},
		{"a chosen header beats the automatic match", "month,agent,Agent Name," + counts + "\n2026-10,x,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"agent": "agent name"}}, "month=month Agent Name=agent", "Jo:2026-10", ""},
		{"a metric's value chosen directly", "month,agent," + counts + ",CSAT %\n2026-10,Jo," + row + ",80\n",
			scoring.ReadOptions{Columns: map[string]string{"ce": "CSAT %"}}, "month=month agent=agent CSAT %=ce", "Jo:2026-10", ""},
		{"a source column chosen", "month,agent,Calls Handled,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"calls": "Calls Handled"}}, "month=month agent=agent Calls Handled=calls", "Jo:2026-10", ""},
		{"a chosen month", "When,agent," + counts + "\n2026-10,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"month": "when"}}, "When=month agent=agent", "Jo:2026-10", ""},
		{"an unknown key", "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"csat": "agent"}}, "", "", `"csat" is not a column Passline reads`},
		{"a header not in the file", "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"agent": "Agent Name"}}, "", "", `the file has no column "Agent Name"`},
		{"two keys, one header", "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			scoring.ReadOptions{Columns: map[string]string{"agent": "agent", "month": "agent"}}, "", "", `the column "agent" is given twice, to agent and to month`},
	} {
		d, err := ReadDataWith(strings.NewReader(tc.text), sc, tc.opts)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, scoring.ErrUsage) {
				t.Errorf("%s: %v, want a usage error with %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var uses []string
		for _, u := range d.Columns {
			if u.Key == "month" || u.Key == "agent" || u.Key == "ce" || u.Key == "calls" && tc.opts.Columns["calls"] != "" {
				uses = append(uses, u.Header+"="+u.Key)
			}
		}
		var agents []string
		for _, a := range d.Agents {
			for _, m := range a.Months {
				agents = append(agents, a.Name+":"+m.Month.String())
			}
		}
		if got := strings.Join(uses, " "); got != tc.uses {
			t.Errorf("%s: columns %q, want %q", tc.name, got, tc.uses)
		}
		if got := strings.Join(agents, " "); got != tc.agents {
			t.Errorf("%s: agents %q, want %q", tc.name, got, tc.agents)
		}
	}
}

// TestNoSilentMerge: without an agent column, rows of one month whose
// unused text column differs are combined with a warning; the same text,
// or numbers, give none.
func TestNoSilentMerge(t *testing.T) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	for _, tc := range []struct {
		text string
		want int
	}{
		{"month,Who,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-10,Sam,500,50,0,20,17,455,0,0\n", 1},
		{"month,Who,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-10,Jo,500,50,0,20,17,455,0,0\n", 0},
		{"month,Day,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,1,520,60,0,25,23,7:35,1,0\n2026-10,2,500,50,0,20,17,455,0,0\n", 0},
		{"month,Who,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-11,Sam,500,50,0,20,17,455,0,0\n", 0},
	} {
		d, err := ReadData(strings.NewReader(tc.text), sc)
		if err != nil || len(d.Warnings) != tc.want {
			t.Errorf("%d warnings (%v), want %d, for\n%s", len(d.Warnings), err, tc.want, tc.text)
		}
	}
}
