package progress

import (
	"sort"

	"plansite/generator/plan"
)

// Budget stages, in the order money moves.
const (
	StagePlanned   = "planned"
	StageAllocated = "allocated"
	StageDisbursed = "disbursed"
)

// A Budget adds up the budget lines (million VND).
type Budget struct {
	Total    Totals
	ByFund   []FundTotals   // funds in the plan's order, then unknown fund ids sorted
	ByPolicy []PolicyTotals // policies in the plan's order, then unknown ids sorted
	ByYear   []YearTotals   // years ascending
	// Costs is the money per household leaving poverty, for the plan's
	// area and each area budget lines name, by year and over the years.
	Costs []Cost
}

// Totals are the sums of a set of budget lines. A sum runs over the lines
// that know the number and is nil when none does; a rate runs only over the
// lines that know both of its numbers.
type Totals struct {
	Lines     int
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
	PlannedShare   *Explanation
	AllocatedShare *Explanation
	DisbursedShare *Explanation
}

// PolicyTotals are one policy's totals.
type PolicyTotals struct {
	Policy string
	Totals
}

// YearTotals are one year's totals.
type YearTotals struct {
	Year int
	Totals
}

// A Cost is money spent per household that left poverty in an area: in one
// year, or (Year == 0) over all years where both numbers are known. Stage
// says which money: disbursed where every line of the year knows it, else
// allocated, else planned.
type Cost struct {
	Area         string
	Year         int
	Stage        string
	PerHousehold *Explanation
}

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
	return Input{Name: stage, Item: lineItem(l), Value: *stageValue(l, stage), Year: l.Year, Source: l.Source}
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
	return Totals{
		Lines:         len(lines),
		Planned:       sum(lines, StagePlanned),
		Allocated:     sum(lines, StageAllocated),
		Disbursed:     sum(lines, StageDisbursed),
		AllocatedRate: rate(lines, StageAllocated, StagePlanned, FormulaAllocatedRate),
		DisbursedRate: rate(lines, StageDisbursed, StageAllocated, FormulaDisbursedRate),
	}
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
	b := Budget{Total: totals(lines)}
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
		b.ByFund = append(b.ByFund, FundTotals{Fund: k, Totals: t,
			PlannedShare:   share(t.Planned, b.Total.Planned, k),
			AllocatedShare: share(t.Allocated, b.Total.Allocated, k),
			DisbursedShare: share(t.Disbursed, b.Total.Disbursed, k),
		})
	}
	keys, by = group(lines, func(l *plan.BudgetLine) string { return l.Policy }, policies)
	for _, k := range keys {
		b.ByPolicy = append(b.ByPolicy, PolicyTotals{Policy: k, Totals: totals(by[k])})
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

// costs works out the money per household leaving poverty: for the plan's
// area from all lines, for every other area from the lines that name it.
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
		left := map[int]plan.Figure{}
		for _, f := range c.figures(a, false) {
			if f.LeftPoverty != nil && *f.LeftPoverty > 0 {
				left[f.Year] = f
			}
		}
		var yearly []Cost
		var money, households []Input
		var totalMoney, totalLeft float64
		for _, y := range years(ls) {
			f, ok := left[y]
			if !ok {
				continue
			}
			var ly []*plan.BudgetLine
			for _, l := range ls {
				if l.Year == y {
					ly = append(ly, l)
				}
			}
			stage := fullStage(ly)
			if stage == "" {
				continue
			}
			m := sum(ly, stage)
			if m == nil {
				continue
			}
			mIn := Input{Name: "money", Item: stage, Value: m.Result, Year: y}
			hIn := Input{Name: "households_left", Item: id, Value: float64(*f.LeftPoverty), Year: y, Source: f.Source, Status: f.Status}
			e := explain(FormulaCost, m.Result/hIn.Value, mIn, hIn)
			if e == nil {
				continue
			}
			yearly = append(yearly, Cost{Area: id, Year: y, Stage: stage, PerHousehold: e})
			money = append(money, mIn)
			households = append(households, hIn)
			totalMoney += m.Result
			totalLeft += hIn.Value
		}
		out = append(out, yearly...)
		if len(yearly) > 1 && sameStage(yearly) {
			in := append(money[:len(money):len(money)], households...)
			if e := explain(FormulaCostPeriod, totalMoney/totalLeft, in...); e != nil {
				out = append(out, Cost{Area: id, Stage: yearly[0].Stage, PerHousehold: e})
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

func sameStage(cs []Cost) bool {
	for _, c := range cs {
		if c.Stage != cs[0].Stage {
			return false
		}
	}
	return true
}
