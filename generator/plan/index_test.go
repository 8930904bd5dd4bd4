package plan

import (
	"reflect"
	"testing"
)

// indexed is a small plan with every reference the index reads backwards,
// a second item with a used id (which check refuses), an item that names
// another twice and a reference that does not resolve.
func indexed() *Plan {
	return &Plan{
		Targets: []Target{
			{ID: "1a", Section: "s1", Scope: "tinh", Policies: []string{"p1", "p2"}, Agencies: []string{"a1"},
				Baseline: Baseline{Source: "src"}},
			{ID: "1b", Section: "s2", Scope: "huyen", Policies: []string{"p1", "p1"}, Agencies: []string{"a2", "a1"}},
			{ID: "1c", Section: "s1", Scope: "tinh", Policies: []string{"ghost"}},
			{ID: "1a", Section: "s2", Scope: "xa", Policies: []string{"p2"}, Baseline: Baseline{Source: "src"}},
		},
		Observations: []Observation{{Target: "1a", Source: "src"}, {Target: "1b", Source: "other"}, {Target: "1a", Year: 2015}},
		Policies: []Policy{
			{ID: "p1", Section: "s3", Lead: "a1", Partners: []string{"a2", "a2"},
				Roles: []Role{{Agency: "a2", Text: Text{VI: "một"}}, {Agency: "a1"}, {Agency: "a2", Text: Text{VI: "hai"}}}},
			{ID: "p2", Section: "s3", Lead: "a2", Partners: []string{"a1"}, Roles: []Role{{Agency: "a2", Text: Text{VI: "ba"}}}},
		},
		Agencies: []Agency{{ID: "a1", Section: "s4"}, {ID: "a2"}, {ID: "a1", Section: "s1"}},
		Areas: []Area{
			{ID: "tinh", Kind: KindProvince, Figures: []Figure{{Source: "src"}, {Source: "src"}}},
			{ID: "huyen", Parent: "tinh", Kind: KindDistrict, Facts: []Fact{{Source: "other"}}},
			{ID: "nhom", Parent: "tinh", Kind: KindGroup, Members: []string{"xa"}},
			{ID: "xa", Parent: "huyen", Kind: KindCommune},
			{ID: "huyen", Parent: "xa", Kind: KindDistrict, Figures: []Figure{{Source: "src"}}},
			{ID: "thi-xa", Parent: "tinh", Kind: KindCity},
		},
		Sources:     []Source{{ID: "src"}, {ID: "other"}, {ID: "unused"}},
		Funds:       []Fund{{ID: "f1"}, {ID: "f2"}},
		BudgetLines: []BudgetLine{{Policy: "p1", Fund: "f1", Source: "src"}, {Policy: "p2", Fund: "f2"}},
		Reports:     []Report{{ID: "r1", Source: "other"}},
	}
}

// The index finds each item by id, the first of two with one id, and
// reads every reference backwards, in the plan's order.
func TestIndex(t *testing.T) {
	p := indexed()
	x := NewIndex(p)
	tests := []struct {
		name      string
		got, want any
	}{
		{"Plan", x.Plan(), p},
		{"Target", x.Target("1b"), &p.Targets[1]},
		{"Target first of two", x.Target("1a"), &p.Targets[0]},
		{"Target missing", x.Target("2a"), (*Target)(nil)},
		{"Target empty id", x.Target(""), (*Target)(nil)},
		{"Policy", x.Policy("p2"), &p.Policies[1]},
		{"Policy missing", x.Policy("ghost"), (*Policy)(nil)},
		{"Agency first of two", x.Agency("a1"), &p.Agencies[0]},
		{"Agency missing", x.Agency("a9"), (*Agency)(nil)},
		{"Area", x.Area("xa"), &p.Areas[3]},
		{"Area first of two", x.Area("huyen"), &p.Areas[1]},
		{"Area missing", x.Area("viet-nam"), (*Area)(nil)},
		{"Source", x.Source("other"), &p.Sources[1]},
		{"Source missing", x.Source("nowhere"), (*Source)(nil)},
		{"Fund", x.Fund("f2"), &p.Funds[1]},
		{"Fund missing", x.Fund("f9"), (*Fund)(nil)},

		{"TargetIndex", x.TargetIndex("1c"), 2},
		{"TargetIndex first of two", x.TargetIndex("1a"), 0},
		{"TargetIndex missing", x.TargetIndex("2a"), -1},
		{"AreaIndex", x.AreaIndex("thi-xa"), 5},
		{"AreaIndex first of two", x.AreaIndex("huyen"), 1},
		{"AreaIndex missing", x.AreaIndex(""), -1},

		{"Children, groups included", x.Children("tinh"), []string{"huyen", "nhom", "thi-xa"}},
		{"Children of the first of two", x.Children("huyen"), []string{"xa"}},
		{"Children of the second of two", x.Children("xa"), []string(nil)},
		{"Children of a leaf", x.Children("thi-xa"), []string(nil)},
		{"Children of no area", x.Children(""), []string(nil)},
		{"Scoped", x.Scoped("tinh"), []string{"1a", "1c"}},
		{"Scoped of the second of two", x.Scoped("xa"), []string(nil)},
		{"PolicyTargets, named twice", x.PolicyTargets("p1"), []string{"1a", "1b"}},
		{"PolicyTargets of the second of two", x.PolicyTargets("p2"), []string{"1a"}},
		{"PolicyTargets unresolved", x.PolicyTargets("ghost"), []string{"1c"}},
		{"AgencyTargets", x.AgencyTargets("a1"), []string{"1a", "1b"}},
		{"AgencyTargets none", x.AgencyTargets("a9"), []string(nil)},
		{"Leads", x.Leads("a2"), []string{"p2"}},
		{"Partners, named twice", x.Partners("a2"), []string{"p1"}},
		{"Partners", x.Partners("a1"), []string{"p2"}},
		{"Roles, in the plan's order", x.Roles("a2"), []RoleRef{
			{"p1", &p.Policies[0].Roles[0]}, {"p1", &p.Policies[0].Roles[2]}, {"p2", &p.Policies[1].Roles[0]}}},
		{"Roles none", x.Roles("a9"), []RoleRef(nil)},
		{"Section", x.Section("s1"), SectionItems{Targets: []string{"1a", "1c"}}},
		{"Section of policies", x.Section("s3"), SectionItems{Policies: []string{"p1", "p2"}}},
		{"Section of the first of two", x.Section("s4"), SectionItems{Agencies: []string{"a1"}}},
		{"Section none", x.Section("s9"), SectionItems{}},
		{"Observations, in the plan's order", x.Observations("1a"), []*Observation{&p.Observations[0], &p.Observations[2]}},
		{"Observations of an unknown target", x.Observations("1z"), []*Observation(nil)},
		{"Citations", x.Citations("src"), 5},
		{"Citations other", x.Citations("other"), 3},
		{"Citations none", x.Citations("unused"), 0},
		{"Citations of no source", x.Citations(""), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

// A nil plan is an empty one: the index finds nothing.
func TestIndexOfNothing(t *testing.T) {
	x := NewIndex(nil)
	if x.Plan() == nil || x.Area("a") != nil || x.TargetIndex("t") != -1 || x.Children("a") != nil || x.Citations("s") != 0 {
		t.Errorf("NewIndex(nil) finds something, want an empty index of an empty plan")
	}
}

// The lists an index returns are shared; appending to one copies it, so
// that two callers who append do not write over each other.
func TestIndexListsAreClipped(t *testing.T) {
	x := NewIndex(indexed())
	lists := map[string]func() []string{
		"Children":      func() []string { return x.Children("tinh") },
		"Scoped":        func() []string { return x.Scoped("tinh") },
		"PolicyTargets": func() []string { return x.PolicyTargets("p1") },
		"Section":       func() []string { return x.Section("s1").Targets },
	}
	for name, list := range lists {
		a := append(list(), "a")
		_ = append(list(), "b")
		if a[len(a)-1] != "a" {
			t.Errorf("%s: a list appended to changed when another append to it = %v, want it to end in a", name, a)
		}
	}
	if roles := x.Roles("a2"); len(roles) != cap(roles) {
		t.Errorf("Roles has room for %d more, want none", cap(roles)-len(roles))
	}
	if obs := x.Observations("1a"); len(obs) != cap(obs) {
		t.Errorf("Observations has room for %d more, want none", cap(obs)-len(obs))
	}
}
