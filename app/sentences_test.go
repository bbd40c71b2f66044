package app

import (
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"passline/scoring"
	"passline/state"
)

var updateSentences = flag.Bool("update", false, "rewrite testdata/sentences.txt from the screens as they are now")

// The sheets the screens are drawn with: SPEC's story, and a team.
const (
	storyData = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-11,Jo,500,50,0,20,17,455,0,0\n"
	techData  = "month,agent,promoters,passives,detractors,resolved_first,contacts,aht,qa,late,absent\n" +
		"2026-10,Ana,15,0,4,70,100,600,4,1,0\n2026-11,Ana,9,4,2,60,90,700,3.5,0,1\n2026-10,Ben,3,4,8,40,80,900,2,2,1\n"
	retentionData = "month,agent,satisfied,surveys,saves,cancel_requests,aht,calls,compliance\n2026-10,Jo,30,36,12,40,400,500,2\n"
)

// TestEverySentence (issue 24) draws every screen on each built-in
// scorecard with data (the what-if on a month of the data and on the next,
// empty one, points mode, the team, huddle, every lesson, the editor) and
// lists each text the page shows in testdata/sentences.txt, to be read as
// an agent reads them (go test ./app -run EverySentence -update rewrites
// it). It fails on what no agent should read: an id with an underscore, a
// count with the wrong plural, a placeholder number.
func TestEverySentence(t *testing.T) {
	cases := []struct {
		preset, data string
		more         [][]state.Msg
	}{
		{"care-and-sales", storyData, nil},
		{"tech-support", techData, nil},
		{"retention-smooth", retentionData, nil},
	}
	var lessons []state.Msg
	for _, l := range state.Lessons {
		lessons = append(lessons, state.ChooseLesson{Topic: l.ID})
	}
	seen := map[string]bool{}
	var all []string
	for _, c := range cases {
		base := []state.Msg{state.ChoosePreset{ID: c.preset}, state.SetData{Text: c.data}}
		views := [][]state.Msg{
			nil,
			{state.ChooseMonth{Month: state.NextMonth}},
			{state.ShowPoints{On: true}},
			{state.ChooseScreen{Screen: state.ScreenTeam}},
			{state.ChooseScreen{Screen: state.ScreenHuddle}},
			{state.ChooseScreen{Screen: state.ScreenEditor}},
		}
		for _, l := range lessons {
			views = append(views, []state.Msg{state.ChooseScreen{Screen: state.ScreenLearn}, l})
		}
		for _, v := range views {
			for _, text := range pageTexts(rendered(t, append(slices.Clone(base), v...)...)) {
				if !seen[text] {
					seen[text] = true
					all = append(all, text)
				}
			}
		}
	}
	bad := []struct {
		re  *regexp.Regexp
		why string
	}{
		{regexp.MustCompile(`\b[a-z]+_[a-z_]+\b`), "an id with an underscore"},
		{regexp.MustCompile(`(^|[^\d.,])1[ \x{a0}](points|rows|agents|surveys|evaluations|promoters|detractors|calls|months|columns|responses|sales|offers|contacts)\b`), "one with a plural"},
		{regexp.MustCompile(`\b1 more [a-z]+s in a row\b`), "one more with a plural"},
		{regexp.MustCompile(`(^|[^\d.,])([02-9]|\d\d+)[ \x{a0}](point|row|agent|survey|evaluation|month|column|response)\b`), "several with a singular"},
		{regexp.MustCompile(`, [A-Z][a-z ]+ has no value`), "several metrics that 'has' no value"},
		{regexp.MustCompile(`NaN|\+Inf|-Inf|<nil>|%!|\{\}`), "a broken number or format"},
	}
	idAlone := regexp.MustCompile(`^[a-z0-9_]+$`) // an id or column name in the editor's own field
	for _, text := range all {
		if idAlone.MatchString(text) {
			continue
		}
		for _, b := range bad {
			if b.re.MatchString(text) {
				t.Errorf("%s: %q", b.why, text)
			}
		}
	}
	path := filepath.Join("..", "testdata", "sentences.txt")
	got := strings.Join(all, "\n") + "\n"
	if *updateSentences {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app -run EverySentence -update, then read it)", err)
	}
	if got != string(want) {
		t.Errorf("the sentences differ from %s: read the new ones, then run go test ./app -run EverySentence -update", path)
	}
}

var (
	tags   = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	spaces = regexp.MustCompile(`[ \t]+`)
)

// pageTexts is the text a page shows, one piece per element, in order;
// the values of inputs and the labels of options included.
func pageTexts(page string) []string {
	page = regexp.MustCompile(`value="([^"]*)"`).ReplaceAllString(page, `>$1<`)
	var out []string
	for _, piece := range tags.Split(page, -1) {
		t := strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(piece), " "))
		if t != "" && !isNumberOnly(t) {
			out = append(out, t)
		}
	}
	return out
}

// isNumberOnly reports whether a text is a number alone (a slider's
// position), which says nothing to check.
func isNumberOnly(t string) bool {
	_, err := scoring.ParseNum(t)
	return err == nil
}
