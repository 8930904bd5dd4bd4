package progress

import (
	"slices"
	"sort"
	"strconv"

	"plansite/generator/plan"
)

// Budget stages, in the order money moves.
const (
	StagePlanned   = "planned"
	StageAllocated = "allocated"
	StageDisbursed = "disbursed"
)

// A Budget adds up the budget lines (million VND), but only lines that
// belong together: those of one set (see SetKey). Where a total would run
// over several sets, it is not added: its Apart says how many sets it
// spans, and the sets stand side by side in Sets.
type Budget struct {
	Total Totals
	// Sets are the lines grouped by SetKey, in the order of the lines.
	Sets     []BudgetSet
	ByFund   []FundTotals   // funds in the plan's order, then unknown fund ids sorted
	ByPolicy []PolicyTotals // policies in the plan's order, then unknown ids sorted
	ByYear   []YearTotals   // years ascending
	// Costs is the money per household leaving poverty, for the plan's
	// area and each area budget lines name, by year and over the years.
	Costs []Cost
}

// Totals are the sums of budget lines. A sum runs over the lines that know
// the number and is nil when none does; a rate runs only over the lines
// that know both of its numbers. Lines of several sets are not added: Apart
// is then the number of sets and every sum and rate is nil.
type Totals struct {
	Lines int
	Apart int `json:",omitempty"`
	// Qualified counts the lines added whose amounts the source gives as
	// approximate or as a bound: a total with one is not exact either.
	Qualified int `json:",omitempty"`
	Planned   *Explanation
	Allocated *Explanation
	Disbursed *Explanation
	// AllocatedRate is allocated over planned; DisbursedRate disbursed over
	// allocated.
	AllocatedRate *Explanation
	DisbursedRate *Explanation
}

// FundTotals are one fund's totals and its share of all the money at each
// stage.
type FundTotals struct {
	Fund string
	Totals
	// Sets are the fund's lines by set, when they are of several.
	Sets           []BudgetSet `json:",omitempty"`
	PlannedShare   *Explanation
	AllocatedShare *Explanation
	DisbursedShare *Explanation
}

// PolicyTotals are one policy's totals.
type PolicyTotals struct {
	Policy string
	Totals
	// Sets are the policy's lines by set, when they are of several.
	Sets []BudgetSet `json:",omitempty"`
}

// YearTotals are one year's totals.
type YearTotals struct {
	Year int
	Totals
}

// A Cost is money spent per household that left poverty in an area: in one
// year, or (Year == 0) over all years where both numbers are known and the
// money is of one set. Stage says which money: disbursed where every line
// of the year knows it, else allocated, else planned. Where the money of
// the year cannot be set against the households that left poverty, the
// cost is nil and NotComparable says why.
type Cost struct {
	Area          string
	Year          int
	Stage         string `json:",omitempty"`
	PerHousehold  *Explanation
	NotComparable string `json:",omitempty"`
}

// Why a cost per household leaving poverty is not comparable.
const (
	// CostCreditOnly: the only money known is credit, which is lent and
	// paid back, not spent on leaving poverty.
	CostCreditOnly = "credit_only"
	// CostSeveralSets: the year's money comes from several sets (other
	// documents) that may overlap or count different things.
	CostSeveralSets = "several_sets"
)

// A BudgetSet is budget lines that belong together: one published budget
// (one source) for one year. Its lines, by fund, policy or place, are parts
// of that budget and add up; lines of different years or documents may
// overlap or count different things (a plan of loans, the loans paid out in
// three communes, a later programme) and are never added.
type BudgetSet struct {
	Year     int
	Source   string
	Funds    []string // in the order of the lines
	Policies []string
	Areas    []string // "" for a line of the whole plan area
	Totals
}

// SetKey is the set a budget line belongs to: its year and its source.
func SetKey(l *plan.BudgetLine) string { return strconv.Itoa(l.Year) + "\x00" + l.Source }

func stageValue(l *plan.BudgetLine, stage string) *float64 {
	switch stage {
	case StagePlanned:
		return l.Planned
	case StageAllocated:
		return l.Allocated
	}
	return l.Disbursed
}

// lineItem names a budget line in an input: policy/fund, and area if any.
func lineItem(l *plan.BudgetLine) string {
	s := l.Policy + "/" + l.Fund
	if l.Area != "" {
		s += "/" + l.Area
	}
	return s
}

func lineInput(l *plan.BudgetLine, stage string) Input {
	return Input{Name: stage, Item: lineItem(l), Value: *stageValue(l, stage), Year: l.Year, Source: l.Source, Qualifier: l.Qualifier}
}

// sum adds up stage over the lines that know it.
func sum(lines []*plan.BudgetLine, stage string) *Explanation {
	var s float64
	var in []Input
	for _, l := range lines {
		if stageValue(l, stage) != nil {
			s += *stageValue(l, stage)
			in = append(in, lineInput(l, stage))
		}
	}
	if in == nil {
		return nil
	}
	return explain(FormulaSum, s, in...)
}

// rate is Σ num / Σ den over the lines that know both.
func rate(lines []*plan.BudgetLine, numStage, denStage, formula string) *Explanation {
	var n, d float64
	var in []Input
	for _, l := range lines {
		if stageValue(l, numStage) == nil || stageValue(l, denStage) == nil {
			continue
		}
		n += *stageValue(l, numStage)
		d += *stageValue(l, denStage)
		in = append(in, lineInput(l, numStage), lineInput(l, denStage))
	}
	if d == 0 {
		return nil
	}
	return explain(formula, n/d, in...)
}

func totals(lines []*plan.BudgetLine) Totals {
	if n := countSets(lines); n > 1 {
		return Totals{Lines: len(lines), Apart: n}
	}
	q := 0
	for _, l := range lines {
		if l.Qualifier != "" {
			q++
		}
	}
	return Totals{
		Qualified:     q,
		Lines:         len(lines),
		Planned:       sum(lines, StagePlanned),
		Allocated:     sum(lines, StageAllocated),
		Disbursed:     sum(lines, StageDisbursed),
		AllocatedRate: rate(lines, StageAllocated, StagePlanned, FormulaAllocatedRate),
		DisbursedRate: rate(lines, StageDisbursed, StageAllocated, FormulaDisbursedRate),
	}
}

// countSets is how many sets the lines belong to.
func countSets(lines []*plan.BudgetLine) int {
	seen := map[string]bool{}
	for _, l := range lines {
		seen[SetKey(l)] = true
	}
	return len(seen)
}

// sets groups the lines by SetKey, in the order of the lines.
func sets(lines []*plan.BudgetLine) []BudgetSet {
	var keys []string
	by := map[string][]*plan.BudgetLine{}
	for _, l := range lines {
		k := SetKey(l)
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		by[k] = append(by[k], l)
	}
	out := []BudgetSet{}
	for _, k := range keys {
		ls := by[k]
		s := BudgetSet{Year: ls[0].Year, Source: ls[0].Source, Funds: []string{}, Policies: []string{}, Areas: []string{}, Totals: totals(ls)}
		for _, l := range ls {
			s.Funds = appendNew(s.Funds, l.Fund)
			s.Policies = appendNew(s.Policies, l.Policy)
			s.Areas = appendNew(s.Areas, l.Area)
		}
		out = append(out, s)
	}
	return out
}

// apart is the lines by set when their totals t are not added, else nil.
func apart(t Totals, lines []*plan.BudgetLine) []BudgetSet {
	if t.Apart == 0 {
		return nil
	}
	return sets(lines)
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// share is part over whole, or nil.
func share(part, whole *Explanation, fund string) *Explanation {
	if part == nil || whole == nil || whole.Result == 0 {
		return nil
	}
	return explain(FormulaFundShare, part.Result/whole.Result,
		Input{Name: "x_fund", Item: fund, Value: part.Result}, num("x_total", whole.Result))
}

// group splits lines by key, returning the keys in order: first those of
// known, in their order, then the others sorted.
func group(lines []*plan.BudgetLine, key func(*plan.BudgetLine) string, known []string) ([]string, map[string][]*plan.BudgetLine) {
	by := map[string][]*plan.BudgetLine{}
	for _, l := range lines {
		by[key(l)] = append(by[key(l)], l)
	}
	var keys []string
	seen := map[string]bool{}
	for _, k := range known {
		if _, ok := by[k]; ok && !seen[k] {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range by {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...), by
}

func (c *computer) budget() Budget {
	var lines []*plan.BudgetLine
	for i := range c.p.BudgetLines {
		if l := &c.p.BudgetLines[i]; c.visible(l.Year) {
			lines = append(lines, l)
		}
	}
	b := Budget{Total: totals(lines), Sets: sets(lines)}
	var funds, policies []string
	for _, f := range c.p.Funds {
		funds = append(funds, f.ID)
	}
	for _, p := range c.p.Policies {
		policies = append(policies, p.ID)
	}
	keys, by := group(lines, func(l *plan.BudgetLine) string { return l.Fund }, funds)
	for _, k := range keys {
		t := totals(by[k])
		b.ByFund = append(b.ByFund, FundTotals{Fund: k, Totals: t, Sets: apart(t, by[k]),
			PlannedShare:   share(t.Planned, b.Total.Planned, k),
			AllocatedShare: share(t.Allocated, b.Total.Allocated, k),
			DisbursedShare: share(t.Disbursed, b.Total.Disbursed, k),
		})
	}
	keys, by = group(lines, func(l *plan.BudgetLine) string { return l.Policy }, policies)
	for _, k := range keys {
		t := totals(by[k])
		b.ByPolicy = append(b.ByPolicy, PolicyTotals{Policy: k, Totals: t, Sets: apart(t, by[k])})
	}
	for _, y := range years(lines) {
		var ls []*plan.BudgetLine
		for _, l := range lines {
			if l.Year == y {
				ls = append(ls, l)
			}
		}
		b.ByYear = append(b.ByYear, YearTotals{Year: y, Totals: totals(ls)})
	}
	b.Costs = c.costs(lines)
	return b
}

// years lists the years of lines, ascending.
func years(lines []*plan.BudgetLine) []int {
	seen := map[int]bool{}
	var ys []int
	for _, l := range lines {
		if !seen[l.Year] {
			seen[l.Year] = true
			ys = append(ys, l.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

// costs works out the money per household leaving poverty, a year at a
// time: for the plan's area from all lines, for every other area from the
// lines that name it. Years are never added together: each is a set of its
// own.
func (c *computer) costs(lines []*plan.BudgetLine) []Cost {
	var areas []string
	if c.p.Document.Area != "" {
		areas = append(areas, c.p.Document.Area)
	}
	named, _ := group(lines, func(l *plan.BudgetLine) string { return l.Area }, nil)
	for _, id := range named {
		if id != "" && id != c.p.Document.Area {
			areas = append(areas, id)
		}
	}
	var out []Cost
	for _, id := range areas {
		a := c.x.Area(id)
		if a == nil {
			continue
		}
		var ls []*plan.BudgetLine
		for _, l := range lines {
			if id == c.p.Document.Area || l.Area == id {
				ls = append(ls, l)
			}
		}
		left := map[int]*plan.Figure{}
		for _, f := range c.figures(a, false) {
			if f.LeftPoverty != nil && *f.LeftPoverty > 0 {
				left[f.Year] = f
			}
		}
		for _, y := range years(ls) {
			f, ok := left[y]
			if !ok {
				continue
			}
			// Money that served leaving poverty: credit is lent and paid
			// back, so it is left out; the rest must be of one set.
			var spent []*plan.BudgetLine
			for _, l := range ls {
				if fd := c.x.Fund(l.Fund); l.Year == y && (fd == nil || fd.Kind != plan.FundCredit) {
					spent = append(spent, l)
				}
			}
			switch {
			case len(spent) == 0:
				out = append(out, Cost{Area: id, Year: y, NotComparable: CostCreditOnly})
				continue
			case countSets(spent) > 1:
				out = append(out, Cost{Area: id, Year: y, NotComparable: CostSeveralSets})
				continue
			}
			stage := fullStage(spent)
			if stage == "" {
				continue
			}
			m := sum(spent, stage)
			if m == nil {
				continue
			}
			mIn := Input{Name: "money", Item: stage, Value: m.Result, Year: y}
			hIn := Input{Name: "households_left", Item: id, Value: float64(*f.LeftPoverty), Year: y, Source: f.Source, Status: f.Status}
			if e := explain(FormulaCost, m.Result/hIn.Value, mIn, hIn); e != nil {
				out = append(out, Cost{Area: id, Year: y, Stage: stage, PerHousehold: e})
			}
		}
	}
	return out
}

// fullStage is the latest stage every line knows, or "".
func fullStage(lines []*plan.BudgetLine) string {
	for _, stage := range []string{StageDisbursed, StageAllocated, StagePlanned} {
		all := true
		for _, l := range lines {
			if stageValue(l, stage) == nil {
				all = false
				break
			}
		}
		if all {
			return stage
		}
	}
	return ""
}
