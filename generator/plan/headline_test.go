package plan

import "testing"

// The headline is the first target measured on the plan's own area.
func TestHeadline(t *testing.T) {
	for _, c := range []struct {
		name    string
		targets []Target
		want    string
	}{
		{"none", nil, ""},
		{"not measured", []Target{{ID: "a", Scope: "p"}}, ""},
		{"another area", []Target{{ID: "a", Scope: "d", Measure: "poor_rate"}}, ""},
		{"first of two", []Target{{ID: "a", Scope: "p"}, {ID: "b", Scope: "p", Measure: "poor_rate"}, {ID: "c", Scope: "p", Measure: "poor_rate"}}, "b"},
	} {
		p := &Plan{Document: Document{Area: "p"}, Targets: c.targets}
		got := ""
		if h := p.Headline(); h != nil {
			got = h.ID
		}
		if got != c.want {
			t.Errorf("%s: Headline() = %q, want %q", c.name, got, c.want)
		}
	}
}
