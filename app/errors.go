package app

import (
	"strings"

	"passline/state"
)

// areaErrors holds what went wrong, by the area of the page it is about:
// "scorecard", "data", "metric:<id>", "volume:<id>"... Each part shows
// its own next to what it is about.
type areaErrors map[string]string

// set shows msg in area; an empty msg clears it.
func (e *areaErrors) set(area, msg string) {
	if *e == nil {
		*e = areaErrors{}
	}
	if msg == "" {
		delete(*e, area)
		return
	}
	(*e)[area] = msg
}

// of is the errors of the areas that start with one of prefixes: a part's
// props carry its own errors only.
func (e areaErrors) of(prefixes ...string) map[string]string {
	out := map[string]string{}
	for k, v := range e {
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) {
				out[k] = v
			}
		}
	}
	return out
}

// doubtsOf is the typed values asked about in the areas that start with
// prefix: a new map each time, as a part's props (the same map, changed,
// would compare equal and the part would not show the question).
func (c *Calculator) doubtsOf(prefix string) map[string]*state.Doubt {
	out := map[string]*state.Doubt{}
	for k, d := range c.doubts {
		if strings.HasPrefix(k, prefix) {
			out[k] = d
		}
	}
	return out
}
