package components

import (
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

type changer struct{ got []string }

func (c *changer) SliderChanged(_ goapp.Context, key, value string, _ bool) {
	c.got = append(c.got, key, value)
}

// go-app renders a child component again only when its exported fields
// differ (reflect.DeepEqual). A slider built twice from the same values must
// compare equal, or every slider renders on every move.
func TestSliderPropsCompareByValue(t *testing.T) {
	to := &changer{}
	build := func(value string) *Slider {
		return NewSlider("ce").WithLabel("CE").WithRange("0", "100", "0.1").
			WithValue(value, "%", "92 percent").WithPoints("3").
			WithMarks([]Mark{{At: 90, Label: "pass line", Pass: true}}).
			WithNote("CE can fall to 80 %").WithOnChange("ce", to)
	}
	if !reflect.DeepEqual(build("92"), build("92")) {
		t.Error("two sliders built from the same values differ: go-app would render both again on every move")
	}
	if reflect.DeepEqual(build("92"), build("93")) {
		t.Error("sliders with different values compare equal: go-app would not show the new value")
	}
}

// TestMarkClassesExist: every class MarkClass can give is in the style
// sheet, so no mark is ever left unplaced.
func TestMarkClassesExist(t *testing.T) {
	css, err := os.ReadFile("../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []float64{-5, 0, 0.24, 0.26, 33.3, 50, 99.76, 100, 140} {
		class := MarkClass(at)
		if !strings.Contains(string(css), "."+class+" {") {
			t.Errorf("MarkClass(%v) = %q, not in web/app.css", at, class)
		}
	}
	for i := 0; i <= 200; i++ {
		want := fmt.Sprintf(".at-%d { left: %s%%; }", i, strconv.FormatFloat(float64(i)/2, 'f', -1, 64))
		if !strings.Contains(string(css), want) {
			t.Errorf("web/app.css lacks %q", want)
		}
	}
}
