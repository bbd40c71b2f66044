package csv

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"passline/scoring"
)

// scorecardOf parses a test scorecard.
func scorecardOf(t *testing.T, js string) *scoring.Scorecard {
	t.Helper()
	sc, err := scoring.ParseScorecard([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// talkRatio is a scorecard whose AHT is a ratio (total handle time over
// calls) and whose CE is a rate column, for the unit rules.
const talkRatio = `{"version":1,"name":"t","pass":2,"decimals":1,"metrics":[
 {"id":"aht","label":"AHT","unit":"seconds","better":"lower","weight":50,"source":{"ratio":{"num":"handle","den":"calls"}},"bands":[{"points":2,"at":480},{"points":3,"at":420}]},
 {"id":"csat","label":"CSAT","unit":"percent","better":"higher","weight":50,"bands":[{"points":2,"at":80},{"points":3,"at":90}]}]}`

// plainAHT has an AHT column with no weight_by, for the plain-mean note.
const plainAHT = `{"version":1,"name":"p","pass":2,"decimals":1,"metrics":[
 {"id":"aht","label":"AHT","unit":"seconds","better":"lower","weight":100,"source":{"column":"aht"},"bands":[{"points":2,"at":480},{"points":3,"at":420}]}]}`

// TestSection9: each rule of SPEC section 9 through the adapter, the
// values worked by hand in the comments.
func TestSection9(t *testing.T) {
	care, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	talk, plain := scorecardOf(t, talkRatio), scorecardOf(t, plainAHT)
	const counts = "calls,offers,sales,surveys,satisfied,aht,late,absent"
	const row = "520,60,0,25,23,7:35,1,0"
	for _, tc := range []struct {
		name   string
		sc     *scoring.Scorecard
		text   string
		opts   scoring.ReadOptions
		uses   string // header=key[/unit], of the headers read as something
		values string // agent month metric=value ..., for the metrics named in want's keys
		notes  string // every note, joined by " | "; "-" skips the check
		err    string
	}{
		{name: "title lines above the header are skipped, rows keep the file's numbers", sc: care,
			text: "Agent Split Report\nDate: 09/01/26\n\nmonth,agent," + counts + "\n2026-10,Jo," + row + "\n2026-10,Al,x,60,0,25,23,7:35,1,0\n",
			uses: "month=month agent=agent calls=calls offers=offers sales=sales surveys=surveys satisfied=satisfied aht=aht/s late=late absent=absent",
			// row 6 is the file's sixth line (Al's bad calls cell)
			values: "Jo 2026-10 aht=455", notes: `2 lines above the header were skipped: "Agent Split Report", "Date: 09/01/26"`, err: `row 6, column "calls"`},
		{name: "a title line of cells padded with separators", sc: care,
			text:   "\"Report: agents\",,,,\nmonth,agent," + counts + "\n2026-10,Jo," + row + "\n",
			values: "Jo 2026-10 aht=455", notes: `1 line above the header was skipped: "Report: agents"`},
		{name: "no header in 21 lines: the first line is the header, refused for its month", sc: care,
			text: "Report\n" + strings.Repeat("x,y\n", 21) + "month,agent," + counts + "\n", err: "no month column"},
		{name: "total and summary rows left out, by agent or month cell", sc: care,
			text:   "month,agent," + counts + "\n2026-10,Jo," + row + "\n2026-10,Total," + row + "\nGrand Total:,," + row + "\n2026-10,Team Average," + row + "\n",
			values: "Jo 2026-10 aht=455", notes: "3 total rows left out (rows 3, 4 and 5): a total or summary is not an agent"},
		{name: "section 9's month and agent names, camel case", sc: care,
			text:   "StartInterval,AgentName," + counts + "\n2026-10-01T00:00:00Z,Jo," + row + "\n",
			uses:   "StartInterval=month AgentName=agent calls=calls offers=offers sales=sales surveys=surveys satisfied=satisfied aht=aht/s late=late absent=absent",
			values: "Jo 2026-10 aht=455", notes: ""},
		{name: "section 9's names for source columns, and suffixes", sc: care,
			text:   "Started At,User Name,Calls Handled,Offers Made,Conversions,Survey Responses,Positive Surveys,AHT (sec),Tardies,Absences\n\"Sep 1, 2026\",Jo,520,60,0,25,23,455,1,0\n",
			uses:   "Started At=month User Name=agent Calls Handled=calls Offers Made=offers Conversions=sales Survey Responses=surveys Positive Surveys=satisfied AHT (sec)=aht/s Tardies=late Absences=absent",
			values: "Jo 2026-09 offer_rate=11.5385 ce=92 aht=455 attendance=2.5", notes: ""},
		{name: "CALLS count, Handled and Avg Handle", sc: care,
			text:   "Day,Representative,CALLS count,offers,sales,surveys,satisfied,Avg Handle,late,absent\n2026/10/01,Jo," + row + "\n",
			uses:   "Day=month Representative=agent CALLS count=calls offers=offers sales=sales surveys=surveys satisfied=satisfied Avg Handle=aht/s late=late absent=absent",
			values: "Jo 2026-10 aht=455", notes: ""},
		{name: "milliseconds from the header's suffix; h:mm:ss says its own unit", sc: care,
			// Jo: (100×455000 ms + 100×7:35) / 200 = 455 s
			text:   "month,agent,calls,offers,sales,surveys,satisfied,Avg Handle (ms),late,absent\n2026-10-01,Jo,100,30,0,10,9,455000,0,0\n2026-10-02,Jo,100,30,0,10,9,0:07:35,0,0\n",
			uses:   "month=month agent=agent calls=calls offers=offers sales=sales surveys=surveys satisfied=satisfied Avg Handle (ms)=aht/ms late=late absent=absent",
			values: "Jo 2026-10 aht=455", notes: `2 rows of 1 agent, combined into 1 agent-month | Average handle time is a mean weighted by "calls" | "Avg Handle (ms)" read in milliseconds (from its header)`},
		{name: "decimal minutes from the header", sc: care,
			// 5.49 min = 329.4 s
			text:   "month,agent,calls,offers,sales,surveys,satisfied,Avg Talk Time (min),late,absent\n2026-10,Jo,520,60,0,25,23,5.49,1,0\n",
			opts:   scoring.ReadOptions{Columns: map[string]string{"aht": "Avg Talk Time (min)"}},
			values: "Jo 2026-10 aht=329.4", notes: `"Avg Talk Time (min)" read in minutes (from its header)`},
		{name: "the user's unit beats the header's", sc: care,
			text: "month,agent,calls,offers,sales,surveys,satisfied,AHT (min),late,absent\n2026-10,Jo,520,60,0,25,23,455,1,0\n",
			opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"aht (min)": scoring.UnitSeconds}}, values: "Jo 2026-10 aht=455",
			notes: `"AHT (min)" read in seconds (you said)`},
		{name: "hours above 24 in a ratio's total handle time", sc: talk,
			// 26:15:00 = 94500 s over 200 calls = 472.5 s
			text: "month,agent,handle,calls,csat\n2026-10,Jo,26:15:00,200,91\n", values: "Jo 2026-10 aht=472.5 csat=91", notes: ""},
		{name: "a ratio's total in hours from its header", sc: talk,
			// 26.25 h = 94500 s over 200 calls
			text: "month,agent,Handle (hours),calls,csat\n2026-10,Jo,26.25,200,91\n", values: "Jo 2026-10 aht=472.5", notes: `"Handle (hours)" read in hours (from its header)`},
		{name: "fractions said: 0.917 is 91.7 %", sc: talk,
			text: "month,agent,handle,calls,CSAT %\n2026-10,Jo,26:15:00,200,0.917\n", opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"CSAT %": scoring.UnitFraction}},
			values: "Jo 2026-10 csat=91.7", notes: `"CSAT %" read as fractions (0.5 is 50 %) (you said)`},
		{name: "fractions in doubt: read as written, with a note", sc: talk,
			text:   "month,agent,handle,calls,CSAT %\n2026-10,Jo,26:15:00,200,0.917\n2026-11,Jo,26:15:00,200,1\n",
			values: "Jo 2026-10 csat=0.917 Jo 2026-11 csat=1", notes: `doubt: "CSAT %": every value is between 0 and 1: fractions? say --unit 'CSAT %=fraction'`},
		{name: "fractions in doubt, asked: held as nothing", sc: talk,
			text: "month,agent,handle,calls,CSAT %\n2026-10,Jo,26:15:00,200,0.917\n", opts: scoring.ReadOptions{Ask: true},
			values: "Jo 2026-10 csat=none", notes: `doubt: "CSAT %": every value is between 0 and 1: fractions? say --unit 'CSAT %=fraction'`},
		{name: "0 and 1 alone are no fractions", sc: talk,
			text: "month,agent,handle,calls,csat\n2026-10,Jo,26:15:00,200,1\n2026-11,Jo,26:15:00,200,0\n", values: "Jo 2026-10 csat=1", notes: ""},
		{name: "percent as written silences the doubt", sc: talk,
			text: "month,agent,handle,calls,csat\n2026-10,Jo,26:15:00,200,0.5\n", opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"csat": scoring.UnitPercent}},
			values: "Jo 2026-10 csat=0.5", notes: `"csat" read as percentages, as written (you said)`},
		{name: "seconds that make sense only as milliseconds: a note, read as written", sc: care,
			// 324906 s / 3600 = 90.25 hours
			text:   "month,agent,calls,offers,sales,surveys,satisfied,Avg Handle,late,absent\n2026-10-01,Jo,10,1,0,1,1,324906,0,0\n2026-10-02,Jo,0,0,0,0,0,0,0,0\n",
			values: "Jo 2026-10 aht=324906", notes: `2 rows of 1 agent, combined into 1 agent-month | Average handle time is a mean weighted by "calls" | doubt: "Avg Handle": 324906 s is 90 hours: milliseconds? say --unit 'Avg Handle=ms'`},
		{name: "an interval with no calls adds nothing to the weighted mean", sc: care,
			// (30 × 400 + 0 × 0 + 10 × 520) / 40 = 17200 / 40 = 430 s; a plain mean would be 306.67 s
			text:   "Interval Start,Agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10-01 08:00,Jo,30,3,0,2,2,6:40,0,0\n2026-10-01 08:30,Jo,0,0,0,0,0,00:00:00,0,0\n2026-10-01 09:00,Jo,10,1,0,1,1,8:40,0,0\n",
			values: "Jo 2026-10 aht=430", notes: `3 rows of 1 agent, combined into 1 agent-month | Average handle time is a mean weighted by "calls"`},
		{name: "a plain mean, with what calls would weight it to", sc: plain,
			// plain (400 + 520) / 2 = 460; by calls (30 × 400 + 10 × 520) / 40 = 430
			text:   "month,agent,calls,aht\n2026-10-01,Jo,30,400\n2026-10-02,Jo,10,520\n",
			values: "Jo 2026-10 aht=460", notes: `2 rows of 1 agent, combined into 1 agent-month | AHT is a plain mean of 2 values (Jo, 2026-10: 460 s); weighted by "calls" it would be 430 s`},
		{name: "weight_by missing from the file", sc: care,
			text:   "month,agent,offers,sales,surveys,satisfied,aht,late,absent\n2026-10-01,Jo,30,0,2,2,400,0,0\n2026-10-02,Jo,10,0,1,1,520,0,0\n",
			values: "Jo 2026-10 aht=460", notes: `2 rows of 1 agent, combined into 1 agent-month | Average handle time should be weighted by "calls", which the file lacks: a plain mean of 2 values (Jo, 2026-10); map the column to weight it`},
		{name: "Excel serial dates", sc: care,
			text:   "Date,Agent," + counts + "\n46266,Jo," + row + "\n46296,Jo," + row + "\n",
			values: "Jo 2026-09 aht=455 Jo 2026-10 aht=455", notes: "the month column holds Excel serial dates (46266 is in 2026-09)"},
		{name: "a unit for a header not in the file", sc: care, text: "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"AHT (ms)": scoring.UnitMS}}, err: `the file has no column "AHT (ms)" to give a unit`},
		{name: "a unit that does not fit the column", sc: care, text: "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"aht": scoring.UnitFraction}}, err: `the column "aht" is read as Average handle time, a duration: give it ms, s, min or h`},
		{name: "a unit for a column of counts", sc: care, text: "month,agent," + counts + "\n2026-10,Jo," + row + "\n",
			opts: scoring.ReadOptions{Units: map[string]scoring.ColumnUnit{"calls": scoring.UnitMS}}, err: `the column "calls" is not read as a duration or a percentage`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadDataWith(strings.NewReader(tc.text), tc.sc, tc.opts)
			if tc.err != "" {
				var msg string
				if err != nil {
					msg = err.Error()
				}
				if d != nil {
					msg += problems(d)
				}
				if !strings.Contains(msg, tc.err) {
					t.Fatalf("got %q, want %q", msg, tc.err)
				}
				if err != nil {
					return
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if tc.uses != "" {
				var uses []string
				for _, u := range d.Columns {
					if u.Key != "" {
						s := u.Header + "=" + u.Key
						if u.Unit != "" && u.Unit != scoring.UnitPercent {
							s += "/" + string(u.Unit)
						}
						uses = append(uses, s)
					}
				}
				if got := strings.Join(uses, " "); got != tc.uses {
					t.Errorf("columns\n got %q\nwant %q", got, tc.uses)
				}
			}
			if got := valuesOf(tc.sc, d, tc.values); got != tc.values {
				t.Errorf("values\n got %q\nwant %q", got, tc.values)
			}
			if tc.notes != "-" {
				notes := d.Notes
				for _, u := range d.Doubts {
					notes = append(notes, "doubt: "+u.Note())
				}
				if got := strings.Join(notes, " | "); got != tc.notes {
					t.Errorf("notes\n got %q\nwant %q", got, tc.notes)
				}
			}
		})
	}
}

// valuesOf prints, for each "agent month id=…" group of want, the value
// read (or "none"), so that a case names only what it checks.
func valuesOf(sc *scoring.Scorecard, d *scoring.Data, want string) string {
	f := strings.Fields(want)
	var out []string
	for i := 0; i < len(f); {
		agent, month := f[i], f[i+1]
		out = append(out, agent, month)
		i += 2
		for ; i < len(f) && strings.Contains(f[i], "="); i++ {
			id, _, _ := strings.Cut(f[i], "=")
			out = append(out, id+"="+valueOf(sc, d, agent, month, id))
		}
	}
	return strings.Join(out, " ")
}

func valueOf(sc *scoring.Scorecard, d *scoring.Data, agent, month, id string) string {
	a := d.Agent(agent)
	if a == nil {
		return "no agent"
	}
	for _, md := range a.Months {
		if md.Month.String() != month {
			continue
		}
		for i, m := range sc.Metrics {
			if m.ID == id {
				if md.Inputs[i].Missing {
					return "none"
				}
				return md.Inputs[i].Value.Short(4)
			}
		}
	}
	return fmt.Sprintf("no month %s", month)
}

// TestNoMonthColumnKeepsTheHeader: a file with no month column is refused
// with what each header was read as, so the app can offer the choice.
func TestNoMonthColumnKeepsTheHeader(t *testing.T) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	d, err := ReadData(strings.NewReader("When,agent,calls,offers\nSep 2026,Jo,1,1\n"), sc)
	var nm *scoring.NoMonthColumn
	if !errors.As(err, &nm) || !errors.Is(err, scoring.ErrNoUsableData) {
		t.Fatalf("got %v, want a NoMonthColumn", err)
	}
	if len(d.Columns) != 4 || d.Columns[1].Key != "agent" || d.Columns[0].Key != "" {
		t.Errorf("columns %+v", d.Columns)
	}
	if !strings.Contains(err.Error(), "--column month=HEADER") || !strings.Contains(err.Error(), `"When, agent, calls, offers"`) {
		t.Errorf("message %q names neither the flag nor the headers", err)
	}
	d, err = ReadDataWith(strings.NewReader("When,agent,calls,offers\nSep 2026,Jo,1,1\n"), sc, scoring.ReadOptions{Columns: map[string]string{"month": "When"}})
	if err != nil || len(d.Agents) != 1 {
		t.Errorf("chosen: %v", err)
	}
}

// TestOverHundredNoted (issue 25): "1.520" calls pasted from a spreadsheet
// set to a decimal comma, in a tab-separated paste, is 1.52 calls (SPEC
// section 8): 60 offers on 1.52 calls is 3947.37 % (60 / 1.52 × 100 =
// 3947.368…). The month is read so, with a note.
func TestOverHundredNoted(t *testing.T) {
	sc, _ := scoring.LoadPreset("care-and-sales")
	d, err := ReadData(strings.NewReader("month\tagent\tcalls\toffers\tsales\tsurveys\tsatisfied\taht\tlate\tabsent\n2026-10\tJo\t1.520\t60\t0\t25\t23\t7:35\t1\t0\n"), sc)
	if err != nil {
		t.Fatal(err)
	}
	want := "Offer rate is over 100 % in 2026-10 (Jo: 3947.37 % from 60 offers and 1.52 calls): check the counts; in a comma- or tab-separated sheet 1.520 is read as 1.52"
	if !slices.Contains(d.Notes, want) {
		t.Errorf("notes %q lack %q", d.Notes, want)
	}
}
