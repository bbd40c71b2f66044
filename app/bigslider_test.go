package app

import (
	"fmt"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

// BenchmarkSliderBigData is a slider move with 10,000 rows (500 agents)
// in use: update, save, derive and render, as the page does it.
func BenchmarkSliderBigData(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "2026-%02d,Agent %03d,520,60,0,25,23,7:35,1,0\n", 1+i/500%12, i%500)
	}
	c := &Calculator{}
	disp := goapp.NewServerTester(c)
	defer disp.Close()
	if !c.send("data", state.SetData{Text: sb.String()}) {
		b.Fatal(c.errs)
	}
	disp.Consume()
	month := c.view.Month.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := []string{"85", "95"}[i%2]
		c.send("metric:ce", state.SetWhatIf{Month: month, Metric: "ce", Value: scoring.MustNum(v)})
		disp.Consume()
	}
}
