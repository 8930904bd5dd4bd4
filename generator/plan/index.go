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

	targets  kind[Target]
	policies kind[Policy]
	agencies kind[Agency]
	areas    kind[Area]
	sources  kind[Source]
	funds    kind[Fund]

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
	// observed holds each target's observations, by the target's id: a
	// scan of them all for each target grew with the square of the plan.
	observed map[string][]*Observation
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
		targets:  kindOf(p.Targets, func(t *Target) string { return t.ID }),
		policies: kindOf(p.Policies, func(po *Policy) string { return po.ID }),
		agencies: kindOf(p.Agencies, func(a *Agency) string { return a.ID }),
		areas:    kindOf(p.Areas, func(a *Area) string { return a.ID }),
		sources:  kindOf(p.Sources, func(s *Source) string { return s.ID }),
		funds:    kindOf(p.Funds, func(f *Fund) string { return f.ID }),
		children: refs{}, scoped: refs{}, policyTargets: refs{}, agencyTargets: refs{},
		leads: refs{}, partners: refs{},
		sectionTargets: refs{}, sectionPolicies: refs{}, sectionAgencies: refs{},
		roles: map[string][]RoleRef{}, citations: map[string]int{}, observed: map[string][]*Observation{},
	}
	cite := func(source string) {
		if source != "" {
			x.citations[source]++
		}
	}
	for t := range x.targets.all {
		x.scoped.add(t.ID, t.Scope)
		x.policyTargets.add(t.ID, t.Policies...)
		x.agencyTargets.add(t.ID, t.Agencies...)
		x.sectionTargets.add(t.ID, t.Section)
		cite(t.Baseline.Source)
	}
	for po := range x.policies.all {
		x.leads.add(po.ID, po.Leads()...)
		x.partners.add(po.ID, po.Partners...)
		x.sectionPolicies.add(po.ID, po.Section)
		for i := range po.Roles {
			if a := po.Roles[i].Agency; a != "" {
				x.roles[a] = append(x.roles[a], RoleRef{Policy: po.ID, Role: &po.Roles[i]})
			}
		}
	}
	for a := range x.agencies.all {
		x.sectionAgencies.add(a.ID, a.Section)
	}
	cite(p.Document.Source)
	cite(p.Document.PovertyLineSource)
	for a := range x.areas.all {
		x.children.add(a.ID, a.Parent)
		cite(a.AreaSource)
		cite(a.CoordinatesSource)
		for _, f := range a.Figures {
			cite(f.Source)
			for _, s := range f.ConfirmedBy {
				cite(s)
			}
		}
		for _, f := range a.Facts {
			cite(f.Source)
		}
	}
	for i := range p.Observations {
		o := &p.Observations[i]
		x.observed[o.Target] = append(x.observed[o.Target], o)
		cite(o.Source)
		for _, s := range o.ConfirmedBy {
			cite(s)
		}
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
	for k, v := range x.observed {
		x.observed[k] = slices.Clip(v)
	}
	return x
}

// A kind is the plan's items of one kind, found by id.
type kind[T any] struct {
	items []T
	id    func(*T) string
	at    map[string]int // each id's position in items; of two items with one id, the first
}

func kindOf[T any](items []T, id func(*T) string) kind[T] {
	k := kind[T]{items: items, id: id, at: make(map[string]int, len(items))}
	for i := range items {
		if _, dup := k.at[id(&items[i])]; !dup {
			k.at[id(&items[i])] = i
		}
	}
	return k
}

// find is the item with the given id, or nil.
func (k kind[T]) find(id string) *T {
	if i, ok := k.at[id]; ok {
		return &k.items[i]
	}
	return nil
}

// index is the position of the item with the given id, or -1.
func (k kind[T]) index(id string) int {
	if i, ok := k.at[id]; ok {
		return i
	}
	return -1
}

// all yields, in order, the items find finds: every item but those whose
// id an earlier item has, which refer to nothing in the index.
func (k kind[T]) all(yield func(*T) bool) {
	for i := range k.items {
		if k.at[k.id(&k.items[i])] == i && !yield(&k.items[i]) {
			return
		}
	}
}

// refs are references read backwards: the ids of the items that refer to
// an id, by that id.
type refs map[string][]string

// add records that the item from refers to each item of to; an empty id
// is no reference. An item that names another twice is listed once: an
// item's references are added one after the other, so a repeat is the
// last one.
func (r refs) add(from string, to ...string) {
	for _, id := range to {
		if id == "" {
			continue
		}
		if l := r[id]; len(l) == 0 || l[len(l)-1] != from {
			r[id] = append(l, from)
		}
	}
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
func (x *Index) Target(id string) *Target { return x.targets.find(id) }

// Policy is the policy with the given id, or nil.
func (x *Index) Policy(id string) *Policy { return x.policies.find(id) }

// Agency is the agency with the given id, or nil.
func (x *Index) Agency(id string) *Agency { return x.agencies.find(id) }

// Area is the area with the given id, or nil.
func (x *Index) Area(id string) *Area { return x.areas.find(id) }

// Source is the source with the given id, or nil.
func (x *Index) Source(id string) *Source { return x.sources.find(id) }

// Fund is the fund with the given id, or nil.
func (x *Index) Fund(id string) *Fund { return x.funds.find(id) }

// TargetIndex is the position of the target with the given id in the
// plan's Targets, which is also that of its progress in a progress
// report; -1 when there is none.
func (x *Index) TargetIndex(id string) int { return x.targets.index(id) }

// AreaIndex is the position of the area with the given id in the plan's
// Areas, which in a checked plan is also that of its progress in a
// progress report; -1 when there is none.
func (x *Index) AreaIndex(id string) int { return x.areas.index(id) }

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

// Observations are the observations of the target id, in the plan's
// order, whatever their area or year.
func (x *Index) Observations(target string) []*Observation { return x.observed[target] }

// Citations counts the items that cite the source id: the figures and
// facts of areas, observations, targets' baselines, budget lines and
// reports.
func (x *Index) Citations(source string) int { return x.citations[source] }
