package components

import (
	"reflect"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

type changer struct{ got []string }

func (c *changer) SliderChanged(_ goapp.Context, key, value string) {
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
