package plan

import (
	"slices"
	"testing"
)

// One rule for every policy: the lead of the whole policy, then each agency
// the plan gives a task with "chủ trì", each once.
func TestPolicyLeads(t *testing.T) {
	tests := []struct {
		name string
		p    Policy
		want []string
	}{
		{"one lead", Policy{Lead: "a", Roles: []Role{{Agency: "b"}}}, []string{"a"}},
		{"a lead per task", Policy{Roles: []Role{{Agency: "ldtbxh", Lead: true}, {Agency: "yt", Lead: true}, {Agency: "bhxh"}}},
			[]string{"ldtbxh", "yt"}},
		{"the lead also leads a task", Policy{Lead: "a", Roles: []Role{{Agency: "a", Lead: true}, {Agency: "b", Lead: true}}},
			[]string{"a", "b"}},
		{"none", Policy{Roles: []Role{{Agency: "b"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Leads(); !slices.Equal(got, tt.want) {
				t.Errorf("Leads() = %q, want %q", got, tt.want)
			}
		})
	}
}
