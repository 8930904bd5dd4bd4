package plan

import "slices"

// An Index finds a plan's items by id, and for each item the items that
// refer to it: the plan's references read backwards (an area's children
// and the targets scoped to it, a policy's targets, an agency's policies,
// roles and targets, a section's items, a source's citations). The stages
// after check look the plan up here instead of building maps of their own
// or scanning lists; in the way Zola's library serves its templates, a
// view is then filled by lookups only.
//
// An Index is built once a build, by progress.Compute, and carried by its
// Report to chart, opendata and emit: every later stage already takes the
// report, whose targets and areas are in the plan's order, so the index
// they reach through it is always the one of the plan the report was
// computed from, and no stage's entry function grows an argument. The
// checker does not use it: it runs before references are known to resolve.
//
// Invariants:
//   - It is built from a checked plan, in which ids are unique and every
//     reference resolves. On any other plan it still answers, and never
//     panics: of two items with one id the first is indexed, and a
//     reference that does not resolve is kept as written.
//   - Every list it returns is in the plan's order, so that output built
//     from it is deterministic. A list of references holds ids, as the
//     plan's own references do; nil means none.
//   - It holds pointers into the plan and lists it shares with every
//     caller: neither the plan nor a returned list may be changed. The
//     lists are clipped, so that appending to one copies it.
type Index struct {
	plan *Plan

	// The position of each item in the plan's list of its kind, by id.
	targets, policies, agencies, areas, sources, funds map[string]int

	children      refs // area → the areas whose parent it is
	scoped        refs // area → the targets whose scope it is
	policyTargets refs // policy → the targets that name it
	agencyTargets refs // agency → the targets that name it
	leads         refs // agency → the policies it leads
	partners      refs // agency → the policies it coordinates on
	// section → the targets, policies and agencies it sets out
	sectionTargets, sectionPolicies, sectionAgencies refs

	roles     map[string][]RoleRef // agency → the roles policies give it
	citations map[string]int       // source → how many items cite it
}

// A RoleRef is a role found from its agency: the policy that gives the
// role, and the role.
type RoleRef struct {
	Policy string
	Role   *Role
}

// SectionItems are the ids of the items a section of the plan sets out,
// each list in the plan's order.
type SectionItems struct {
	Targets, Policies, Agencies []string
}

// NewIndex indexes p, which is not to change afterwards; a nil p is an
// empty plan.
func NewIndex(p *Plan) *Index {
	if p == nil {
		p = &Plan{}
	}
	x := &Index{plan: p,
		targets:  positions(p.Targets, func(t *Target) string { return t.ID }),
		policies: positions(p.Policies, func(po *Policy) string { return po.ID }),
		agencies: positions(p.Agencies, func(a *Agency) string { return a.ID }),
		areas:    positions(p.Areas, func(a *Area) string { return a.ID }),
		sources:  positions(p.Sources, func(s *Source) string { return s.ID }),
		funds:    positions(p.Funds, func(f *Fund) string { return f.ID }),
		children: refs{}, scoped: refs{}, policyTargets: refs{}, agencyTargets: refs{},
		leads: refs{}, partners: refs{},
		sectionTargets: refs{}, sectionPolicies: refs{}, sectionAgencies: refs{},
		roles: map[string][]RoleRef{}, citations: map[string]int{},
	}
	cite := func(source string) {
		if source != "" {
			x.citations[source]++
		}
	}
	for i := range p.Targets {
		t := &p.Targets[i]
		if x.Target(t.ID) != t {
			continue
		}
		x.scoped.add(t.Scope, t.ID)
		for _, po := range t.Policies {
			x.policyTargets.add(po, t.ID)
		}
		for _, a := range t.Agencies {
			x.agencyTargets.add(a, t.ID)
		}
		x.sectionTargets.add(t.Section, t.ID)
		cite(t.Baseline.Source)
	}
	for i := range p.Policies {
		po := &p.Policies[i]
		if x.Policy(po.ID) != po {
			continue
		}
		x.leads.add(po.Lead, po.ID)
		for _, a := range po.Partners {
			x.partners.add(a, po.ID)
		}
		for j := range po.Roles {
			if a := po.Roles[j].Agency; a != "" {
				x.roles[a] = append(x.roles[a], RoleRef{Policy: po.ID, Role: &po.Roles[j]})
			}
		}
		x.sectionPolicies.add(po.Section, po.ID)
	}
	for i := range p.Agencies {
		a := &p.Agencies[i]
		if x.Agency(a.ID) == a {
			x.sectionAgencies.add(a.Section, a.ID)
		}
	}
	for i := range p.Areas {
		a := &p.Areas[i]
		if x.Area(a.ID) != a {
			continue
		}
		x.children.add(a.Parent, a.ID)
		for _, f := range a.Figures {
			cite(f.Source)
		}
		for _, f := range a.Facts {
			cite(f.Source)
		}
	}
	for _, o := range p.Observations {
		cite(o.Source)
	}
	for _, l := range p.BudgetLines {
		cite(l.Source)
	}
	for _, r := range p.Reports {
		cite(r.Source)
	}
	for _, r := range []refs{x.children, x.scoped, x.policyTargets, x.agencyTargets, x.leads, x.partners,
		x.sectionTargets, x.sectionPolicies, x.sectionAgencies} {
		r.clip()
	}
	for k, v := range x.roles {
		x.roles[k] = slices.Clip(v)
	}
	return x
}

// positions maps the id of each item to its position in items; of two
// items with one id, the first.
func positions[T any](items []T, id func(*T) string) map[string]int {
	at := make(map[string]int, len(items))
	for i := range items {
		if _, dup := at[id(&items[i])]; !dup {
			at[id(&items[i])] = i
		}
	}
	return at
}

// find is the item of items at the position at holds for id, or nil.
func find[T any](items []T, at map[string]int, id string) *T {
	if i, ok := at[id]; ok {
		return &items[i]
	}
	return nil
}

// refs are references read backwards: the ids of the items that refer to
// an id, by that id.
type refs map[string][]string

// add records that the item from refers to the item to; an empty to is no
// reference. An item that names another twice is listed once: an item's
// references are added one after the other, so a repeat is the last one.
func (r refs) add(to, from string) {
	if to == "" {
		return
	}
	if n := len(r[to]); n > 0 && r[to][n-1] == from {
		return
	}
	r[to] = append(r[to], from)
}

// clip clips every list of r, so that a caller's append copies it.
func (r refs) clip() {
	for k, v := range r {
		r[k] = slices.Clip(v)
	}
}

// Plan is the plan indexed.
func (x *Index) Plan() *Plan { return x.plan }

// Target is the target with the given id, or nil.
func (x *Index) Target(id string) *Target { return find(x.plan.Targets, x.targets, id) }

// Policy is the policy with the given id, or nil.
func (x *Index) Policy(id string) *Policy { return find(x.plan.Policies, x.policies, id) }

// Agency is the agency with the given id, or nil.
func (x *Index) Agency(id string) *Agency { return find(x.plan.Agencies, x.agencies, id) }

// Area is the area with the given id, or nil.
func (x *Index) Area(id string) *Area { return find(x.plan.Areas, x.areas, id) }

// Source is the source with the given id, or nil.
func (x *Index) Source(id string) *Source { return find(x.plan.Sources, x.sources, id) }

// Fund is the fund with the given id, or nil.
func (x *Index) Fund(id string) *Fund { return find(x.plan.Funds, x.funds, id) }

// TargetIndex is the position of the target with the given id in the
// plan's Targets, which is also that of its progress in a progress
// report; -1 when there is none.
func (x *Index) TargetIndex(id string) int { return position(x.targets, id) }

// AreaIndex is the position of the area with the given id in the plan's
// Areas, which in a checked plan is also that of its progress in a
// progress report; -1 when there is none.
func (x *Index) AreaIndex(id string) int { return position(x.areas, id) }

func position(at map[string]int, id string) int {
	if i, ok := at[id]; ok {
		return i
	}
	return -1
}

// Children are the areas whose parent is the area id, groups included.
func (x *Index) Children(area string) []string { return x.children[area] }

// Scoped are the targets whose scope is the area id.
func (x *Index) Scoped(area string) []string { return x.scoped[area] }

// PolicyTargets are the targets that name the policy id.
func (x *Index) PolicyTargets(policy string) []string { return x.policyTargets[policy] }

// AgencyTargets are the targets that name the agency id.
func (x *Index) AgencyTargets(agency string) []string { return x.agencyTargets[agency] }

// Leads are the policies the agency id leads.
func (x *Index) Leads(agency string) []string { return x.leads[agency] }

// Partners are the policies the agency id coordinates on.
func (x *Index) Partners(agency string) []string { return x.partners[agency] }

// Roles are the roles policies give the agency id, policies in the plan's
// order and each policy's roles in its order.
func (x *Index) Roles(agency string) []RoleRef { return x.roles[agency] }

// Section are the items the section id sets out.
func (x *Index) Section(id string) SectionItems {
	return SectionItems{x.sectionTargets[id], x.sectionPolicies[id], x.sectionAgencies[id]}
}

// Citations counts the items that cite the source id: the figures and
// facts of areas, observations, targets' baselines, budget lines and
// reports.
func (x *Index) Citations(source string) int { return x.citations[source] }
