package chart

import (
	"encoding/json"
	"strings"
	"testing"

	"plansite/generator/load"
	"plansite/generator/progress"
)

// With boundaries the districts' map is a choropleth, one option a year;
// without them (the synthetic national dataset has none) it is the map of
// the district seats, which says that it draws no boundaries, and the
// build does not fail.
func TestMapWithAndWithoutBoundaries(t *testing.T) {
	p, probs := load.Dir("../../examples/demo")
	if probs.Fatal() {
		t.Fatal(probs)
	}
	if p.Boundaries == nil {
		t.Fatal("examples/demo has no boundaries.geojson")
	}
	for _, tc := range []struct {
		name       string
		boundaries bool
	}{{"with", true}, {"without", false}} {
		t.Run(tc.name, func(t *testing.T) {
			q := *p
			if !tc.boundaries {
				q.Boundaries = nil
			}
			cs, err := Build(&q, progress.Compute(&q, 0))
			if err != nil {
				t.Fatal(err)
			}
			c := byID(cs, "areas-map")
			if c == nil {
				t.Fatal("no areas-map")
			}
			var o struct{ Series []struct{ Type string } }
			if err := json.Unmarshal(c.Options["vi"], &o); err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.boundaries && (c.Map == nil || len(c.Map.Years) < 2 || o.Series[0].Type != "map"):
				t.Errorf("with boundaries: Map %v, series %+v, want a choropleth of several years", c.Map != nil, o.Series)
			case !tc.boundaries && (c.Map != nil || o.Series[0].Type != "scatter" || !strings.Contains(c.Note.EN, "draws no boundaries")):
				t.Errorf("without boundaries: Map %v, series %+v, note %q, want the seats, labelled", c.Map != nil, o.Series, c.Note.EN)
			}
		})
	}
}
