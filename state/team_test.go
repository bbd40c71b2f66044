package state

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"passline/scoring"
)

func TestTeamByRisk(t *testing.T) {
	raw, err := os.ReadFile("../testdata/team/three-agents.csv")
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := Update(NewModel(), SetData{Text: string(raw)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range p.Team() {
		got = append(got, fmt.Sprintf("%s %s %s %v", r.Agent, r.Month.Month, r.Month.Score.Fixed(1), r.Month.Pass))
	}
	// Ann fails (1.6); Jo passes by 0.1; Raj by 0.4, on his latest month.
	want := []string{"Ann 2026-10 1.6 false", "Jo 2026-10 2.1 true", "Raj 2026-11 2.4 true"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("team order\n got %q\nwant %q", got, want)
	}
	if n := p.Team()[0].Quarter.Need; n == nil || n.Text(1) != "2.125" {
		t.Errorf("Ann's quarter need = %v, want 2.125 (as passline score prints)", n)
	}

	// Opening an agent shows their what-if.
	m, _, _ = Update(m, ChooseScreen{Screen: ScreenTeam})
	m, _, _ = Update(m, OpenAgent{Name: "Raj"})
	v, err := p.Score(m)
	if err != nil || v.Agent.Name != "Raj" || m.Screen != ScreenWhatIf {
		t.Errorf("after OpenAgent: agent %q, screen %q, err %v", v.Agent.Name, m.Screen, err)
	}
}

func TestTeamPages(t *testing.T) {
	var b strings.Builder
	b.WriteString("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "2026-10,Agent %02d,500,60,%d,25,23,7:35,0,0\n", i, i%7)
	}
	p, err := Prepare(Model{Schema: Schema, Preset: DefaultPreset, Data: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name          string
		filter        string
		page          int
		first, rows   int
		total, onPage int
	}{
		{"first page", "", 0, 0, TeamPageSize, 60, 0},
		{"last page", "", 2, 50, 10, 60, 2},
		{"past the end goes to the last page", "", 9, 50, 10, 60, 2},
		{"before the start goes to the first", "", -1, 0, TeamPageSize, 60, 0},
		{"filter, any case, any part", "agent 1", 0, 0, 10, 10, 0},
		{"filter matching nobody", "zed", 0, 0, 0, 0, 0},
	} {
		got := p.TeamView(tt.filter, tt.page)
		if got.First != tt.first || len(got.Rows) != tt.rows || got.Total != tt.total || got.Page != tt.onPage {
			t.Errorf("%s: first %d rows %d total %d page %d, want %d %d %d %d", tt.name,
				got.First, len(got.Rows), got.Total, got.Page, tt.first, tt.rows, tt.total, tt.onPage)
		}
	}
}

func BenchmarkTeam(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n")
	for a := 0; a < 500; a++ {
		for mo := 1; mo <= 12; mo++ {
			fmt.Fprintf(&sb, "2026-%02d,Agent %03d,500,60,%d,25,%d,7:%02d,%d,0\n", mo, a, (a+mo)%8, 18+(a*mo)%8, 10+a%40, mo%3)
		}
	}
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: sb.String()}
	p, err := Prepare(m)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.team = nil
		p.TeamView("", 0)
	}
}

// TestRiskTies: equal margins go to the harder quarter, then the name.
func TestRiskTies(t *testing.T) {
	pass := scoring.MonthResult{Status: scoring.Complete, Pass: true}
	row := func(name string, q scoring.QuarterResult) TeamRow {
		return TeamRow{Agent: name, Month: pass, Quarter: q, Margin: scoring.Frac(1, 10)}
	}
	need := func(kind scoring.NeedKind, exact int64) scoring.QuarterResult {
		return scoring.QuarterResult{Status: scoring.InProgress, Need: &scoring.Need{Kind: kind, Exact: scoring.N(exact)}}
	}
	rows := []TeamRow{
		row("a-secured", need(scoring.Secured, 0)),
		row("b-need-2", need(scoring.Reachable, 2)),
		row("c-failed", scoring.QuarterResult{Status: scoring.Complete}),
		row("d-need-3", need(scoring.Reachable, 3)),
		row("e-out", need(scoring.OutOfReach, 0)),
		row("a-need-2", need(scoring.Reachable, 2)),
	}
	slices.SortFunc(rows, compareRisk)
	var got []string
	for _, r := range rows {
		got = append(got, r.Agent)
	}
	want := "c-failed e-out d-need-3 a-need-2 b-need-2 a-secured"
	if strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, " "), want)
	}
}
