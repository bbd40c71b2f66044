package components

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestPassMapRows: the grid is drawn with Down's best level on top. For
// two metrics of levels 1, 2, 3, the top row is Down 3 with Across 1, 2,
// 3 from the left, and the bottom row Down 1.
func TestPassMapRows(t *testing.T) {
	levels := []string{"1", "2", "3"}
	p := &PassMap{AcrossLevels: levels, DownLevels: levels}
	for a := range levels {
		var col []MapCell
		for d := range levels {
			col = append(col, MapCell{Key: fmt.Sprintf("%s,%s", levels[a], levels[d])})
		}
		p.Cells = append(p.Cells, col)
	}
	var got [][]string
	for _, row := range p.Rows() {
		var keys []string
		for _, c := range row {
			keys = append(keys, c.Key)
		}
		got = append(got, keys)
	}
	want := [][]string{{"1,3", "2,3", "3,3"}, {"1,2", "2,2", "3,2"}, {"1,1", "2,1", "3,1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
}

func TestPager(t *testing.T) {
	for _, tc := range []struct {
		page, pages int
		prev, next  bool
		where       string
	}{
		{0, 5, false, true, "Page 1 of 5"},
		{2, 5, true, true, "Page 3 of 5"},
		{4, 5, true, false, "Page 5 of 5"},
		{0, 1, false, false, "Page 1 of 1"},
	} {
		p := &Pager{Page: tc.page, Pages: tc.pages}
		if p.HasPrevious() != tc.prev || p.HasNext() != tc.next || p.Where() != tc.where {
			t.Errorf("page %d of %d: previous %v, next %v, %q; want %v, %v, %q",
				tc.page, tc.pages, p.HasPrevious(), p.HasNext(), p.Where(), tc.prev, tc.next, tc.where)
		}
	}
}

type turner struct{ got []int }

func (t *turner) TurnPage(page int) { t.got = append(t.got, page) }

// TestPagerStaysInRange: a stale click past either end turns nothing.
func TestPagerStaysInRange(t *testing.T) {
	to := &turner{}
	p := &Pager{Page: 0, Pages: 2, OnTurn: to}
	p.turn(-1)(nil, goapp.Event{})
	p.turn(1)(nil, goapp.Event{})
	p.turn(2)(nil, goapp.Event{})
	if !reflect.DeepEqual(to.got, []int{1}) {
		t.Errorf("turned to %v, want [1]", to.got)
	}
}

func TestProblemList(t *testing.T) {
	probs := []string{"a", "b", "c", "d", "e"}
	for _, tc := range []struct {
		max   int
		shown int
		more  int
	}{
		{0, 5, 0}, // 0 lists all
		{3, 3, 2}, // 5 - 3 not listed
		{5, 5, 0},
		{50, 5, 0},
	} {
		l := &ProblemList{Problems: probs, Max: tc.max}
		if len(l.Shown()) != tc.shown || l.More() != tc.more {
			t.Errorf("max %d: %d shown, %d more; want %d, %d", tc.max, len(l.Shown()), l.More(), tc.shown, tc.more)
		}
	}
}

func TestVerdictStatus(t *testing.T) {
	if got := NewVerdict("month", "2.1", true, "").Status(); got != "PASS" {
		t.Errorf("a pass says %q", got)
	}
	if got := NewVerdict("month", "1.9", false, "").Status(); got != "FAIL" {
		t.Errorf("a fail says %q", got)
	}
}

// TestLabelsShown: no two labels of a row closer than the gap; the pass
// line's always shown, on its own row; a dropped label keeps its tick.
func TestLabelsShown(t *testing.T) {
	for _, tc := range []struct {
		marks []Mark
		want  []bool
	}{
		{[]Mark{{At: 10}, {At: 50}, {At: 90}}, []bool{true, true, true}},
		{[]Mark{{At: 10}, {At: 14}, {At: 30}}, []bool{true, false, true}},                  // 14 is 4 from 10
		{[]Mark{{At: 50}, {At: 52, Pass: true}}, []bool{true, true}},                       // the pass line's label has its own row (issue 24)
		{[]Mark{{At: 50}, {At: 52, Pass: true}, {At: 55}}, []bool{true, true, false}},      // bands still keep apart from each other
		{[]Mark{{At: 20}, {At: 25}, {At: 29}, {At: 33}}, []bool{true, false, true, false}}, // 29 is 9 from 20; 33 only 4 from 29
		{nil, []bool{}},
	} {
		got := LabelsShown(tc.marks, 9)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: %v, want %v", tc.marks, got, tc.want)
		}
	}
}

// TestTicksDrawn (issue 25): a metric of 100 bands, one a percent, draws
// its labelled marks (0, 20, 40, 60, 80), its pass mark (50.5) and an
// unlabelled tick only 4 % or more past the last mark drawn: 0, 4, …, 48,
// then 50.5, 55 (not 54: under 4 past 50.5), 59, 60 (labelled), 64, …, 96.
func TestTicksDrawn(t *testing.T) {
	var marks []Mark
	var shown []bool
	for i := 0; i < 100; i++ {
		marks = append(marks, Mark{At: float64(i)})
		shown = append(shown, i%20 == 0)
	}
	marks = append(marks, Mark{At: 50.5, Pass: true})
	shown = append(shown, false)
	drawn := TicksDrawn(marks, shown, minTickGap)
	var at []float64
	for i, d := range drawn {
		if d {
			at = append(at, marks[i].At)
		}
	}
	slices.Sort(at)
	want := []float64{0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 50.5, 55, 59, 60, 64, 68, 72, 76, 80, 84, 88, 92, 96}
	if !slices.Equal(at, want) {
		t.Errorf("drawn at %v, want %v", at, want)
	}
}
