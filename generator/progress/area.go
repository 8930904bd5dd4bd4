package progress

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"plansite/generator/plan"
)

// An AreaProgress is an area's household figures over the years, its rank
// among its siblings and the check of its children's totals.
type AreaProgress struct {
	ID    string
	Years []AreaYear // oldest first
	// Latest is the latest year with a poor rate; nil when there is none.
	Latest *AreaYear
	// AverageReduction is the average fall of the poor rate a year, in
	// points, from the first year with a rate to the latest.
	AverageReduction *Explanation
	// Bands compares the yearly falls with each yearly-reduction target
	// whose scope is the area.
	Bands []BandCheck
	// Rank is the area's place among its siblings; nil when unranked.
	Rank *Rank
	// Totals adds up the children's counts for each year and count the
	// area states itself.
	Totals []ChildTotal
}

// An AreaYear is one year's figure of an area.
type AreaYear struct {
	Year     int
	Status   string
	Source   string
	Poor     *Rate
	NearPoor *Rate
	// PoorChange and NearPoorChange are the change of the rate in points a
	// year since the previous year with a rate; negative is a fall.
	PoorChange     *Explanation
	NearPoorChange *Explanation
	Pos            plan.Pos `json:"-"`
}

// A BandCheck compares an area's yearly falls with the band of a target.
type BandCheck struct {
	Target    string
	Low, High float64
	Years     []YearCheck
	Average   *YearCheck
}

// A Rank is an area's place among its siblings (same parent, same kind of
// area: groups are ranked only among groups) by latest poor rate, lower
// first, among the siblings whose latest rate is of the same year: rates of
// different years are never ranked against each other. Ties share a place;
// areas without a rate, or alone in their year, are left out.
type Rank struct {
	Position int
	Of       int // siblings ranked, the area included
	Year     int // the year of every rate ranked
	Explanation
}

// A ChildTotal adds up one count of an area's children for one year and
// sets it against the number the area states. The children of a group are
// its members.
type ChildTotal struct {
	Year   int
	Field  string // the count's key in the data: households, poor_households, …
	Stated float64
	Sum    *Explanation
	With   int // children that have the count
	Of     int // children in all; for a group, its member count
	// Differs is true when all children have the count and their sum is
	// not the stated number, or when the sum of some already exceeds it.
	Differs bool
}

// RateTolerance is how far, in points, a stated rate may be from the rate
// its counts give before a warning: half a unit of the first decimal.
const RateTolerance = 0.05

// Count fields of a figure, as ChildTotal.Field names them.
const (
	FieldHouseholds         = "households"
	FieldPoorHouseholds     = "poor_households"
	FieldNearPoorHouseholds = "near_poor_households"
	FieldLeftPoverty        = "left_poverty"
	FieldLeftNearPoverty    = "left_near_poverty"
	FieldPoorRate           = "poor_rate"
	FieldNearPoorRate       = "near_poor_rate"
)

type countField struct {
	name string
	get  func(*plan.Figure) *int
}

func countFields() []countField {
	return []countField{
		{FieldHouseholds, func(f *plan.Figure) *int { return f.Households }},
		{FieldPoorHouseholds, func(f *plan.Figure) *int { return f.PoorHouseholds }},
		{FieldNearPoorHouseholds, func(f *plan.Figure) *int { return f.NearPoorHouseholds }},
		{FieldLeftPoverty, func(f *plan.Figure) *int { return f.LeftPoverty }},
		{FieldLeftNearPoverty, func(f *plan.Figure) *int { return f.LeftNearPoverty }},
	}
}

// figures is a's figures up to asOf, by year; of two for one year the first
// counts and the other is reported when report is set. They point into
// a.Figures.
func (c *computer) figures(a *plan.Area, report bool) []*plan.Figure {
	fs := make([]*plan.Figure, 0, len(a.Figures))
	for i := range a.Figures {
		if f := &a.Figures[i]; c.visible(f.Year) {
			fs = append(fs, f)
		}
	}
	slices.SortStableFunc(fs, func(x, y *plan.Figure) int { return cmp.Compare(x.Year, y.Year) })
	out := fs[:0]
	for _, f := range fs {
		if n := len(out); n > 0 && out[n-1].Year == f.Year {
			if report {
				c.warn(Warning{Kind: WarnDuplicate, Pos: f.Pos, Area: a.ID, Year: f.Year, Field: "figure"})
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// areas computes every area's progress; targets are the targets' results,
// whose yearly checks the areas they are about repeat. The areas are
// computed in runs on every CPU, each run with warnings of its own,
// gathered in the areas' order: the same report as computing them one
// after another.
func (c *computer) areas(targets []TargetProgress) []AreaProgress {
	var areas []*plan.Area
	for i := range c.p.Areas {
		a := &c.p.Areas[i]
		if c.x.Area(a.ID) != a {
			continue // the checker reports duplicate ids; the first one counts
		}
		areas = append(areas, a)
	}
	out := make([]AreaProgress, len(areas))
	runs := make([][]Warning, runsOf(len(areas), areaRun))
	inRuns(len(areas), areaRun, func(r, lo, hi int) {
		w := *c // the same plan and index, warnings of its own
		w.warnings = nil
		for i := lo; i < hi; i++ {
			out[i] = w.areaProgress(areas[i], targets)
		}
		runs[r] = w.warnings
	})
	for _, ws := range runs {
		c.warnings = append(c.warnings, ws...)
	}
	c.rank(out)
	return out
}

func (c *computer) areaProgress(a *plan.Area, targets []TargetProgress) AreaProgress {
	ap := AreaProgress{ID: a.ID}
	prevPoor, prevNear := -1, -1 // indexes in ap.Years of the last year with a rate
	for _, f := range c.figures(a, true) {
		ay := AreaYear{Year: f.Year, Status: f.Status, Source: f.Source, Pos: f.Pos,
			Poor: rateOf(f, false), NearPoor: rateOf(f, true)}
		n := len(ap.Years)
		if ay.Poor != nil {
			c.checkRate(a, f, ay.Poor, FieldPoorRate)
			if prevPoor >= 0 {
				p := &ap.Years[prevPoor]
				ay.PoorChange = change(p, &ay, p.Poor, ay.Poor)
			}
			prevPoor = n
		}
		if ay.NearPoor != nil {
			c.checkRate(a, f, ay.NearPoor, FieldNearPoorRate)
			if prevNear >= 0 {
				p := &ap.Years[prevNear]
				ay.NearPoorChange = change(p, &ay, p.NearPoor, ay.NearPoor)
			}
			prevNear = n
		}
		ap.Years = append(ap.Years, ay)
	}
	var first *AreaYear
	for i := range ap.Years {
		if ap.Years[i].Poor == nil {
			continue
		}
		if first == nil {
			first = &ap.Years[i]
		}
		ap.Latest = &ap.Years[i]
	}
	if first != nil && ap.Latest.Year > first.Year {
		ap.AverageReduction = explain(FormulaAverageReduction,
			(first.Poor.Value-ap.Latest.Poor.Value)/float64(ap.Latest.Year-first.Year),
			first.rateInput("v_first", first.Poor), ap.Latest.rateInput("v_latest", ap.Latest.Poor),
			num("t_first", float64(first.Year)), num("t_latest", float64(ap.Latest.Year)))
	}
	for _, id := range c.x.Scoped(a.ID) {
		i := c.x.TargetIndex(id)
		if t := &c.p.Targets[i]; t.Goal.Kind() == plan.GoalReducePerYear {
			lo, hi, _ := rangeOf(t.Goal)
			tp := targets[i]
			ap.Bands = append(ap.Bands, BandCheck{Target: t.ID, Low: lo, High: hi, Years: tp.Years, Average: tp.Average})
		}
	}
	ap.Totals = c.childTotals(a)
	return ap
}

func (ay *AreaYear) rateInput(name string, r *Rate) Input {
	return Input{Name: name, Value: r.Value, Year: ay.Year, Source: ay.Source, Status: ay.Status}
}

// change is the change of a rate in points a year from prev to cur.
func change(prev, cur *AreaYear, rPrev, rCur *Rate) *Explanation {
	return explain(FormulaChange, (rCur.Value-rPrev.Value)/float64(cur.Year-prev.Year),
		cur.rateInput("v_y", rCur), prev.rateInput("v_prev", rPrev),
		num("t_y", float64(cur.Year)), num("t_prev", float64(prev.Year)))
}

// checkRate warns when a stated rate is far from the rate its counts give.
func (c *computer) checkRate(a *plan.Area, f *plan.Figure, r *Rate, field string) {
	if r.Stated == nil || r.Computed == nil || math.Abs(*r.Stated-r.Computed.Result) <= RateTolerance {
		return
	}
	c.warn(Warning{Kind: WarnRateMismatch, Pos: f.At(field), Area: a.ID, Year: f.Year, Field: field,
		Stated: *r.Stated, Computed: r.Computed.Result})
}

// rank places each area among its siblings by latest poor rate.
func (c *computer) rank(aps []AreaProgress) {
	groups := map[string][]rankEntry{}
	var keys []string
	for i, ap := range aps {
		a := c.x.Area(ap.ID)
		if ap.Latest == nil {
			continue
		}
		key := a.Parent + "\x00" + strconv.Itoa(ap.Latest.Year) + "\x00"
		if a.Kind == plan.KindGroup {
			key += plan.KindGroup
		}
		if _, seen := groups[key]; !seen {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], rankEntry{i, ap.Latest.Poor.Value})
	}
	// Each group writes the ranks of its own areas: groups are ranked in
	// runs on every CPU.
	inRuns(len(keys), areaRun, func(_, lo, hi int) {
		for _, key := range keys[lo:hi] {
			rankGroup(aps, groups[key])
		}
	})
}

// A rankEntry is an area to rank: its index in the areas' progress, and
// its latest poor rate.
type rankEntry struct {
	i     int
	value float64
}

// rankGroup places the areas es of aps, siblings whose latest poor rates
// are of one year.
func rankGroup(aps []AreaProgress, es []rankEntry) {
	if len(es) < 2 {
		return
	}
	sort.SliceStable(es, func(x, y int) bool {
		if es[x].value != es[y].value {
			return es[x].value < es[y].value
		}
		return aps[es[x].i].ID < aps[es[y].i].ID
	})
	for _, e := range es {
		ap := &aps[e.i]
		pos := 1
		own := ap.Latest.rateInput("v", ap.Latest.Poor)
		own.Item = ap.ID
		in := make([]Input, 1, len(es))
		in[0] = own
		for _, o := range es {
			if o.i == e.i {
				continue
			}
			other := &aps[o.i]
			if o.value < e.value {
				pos++
			}
			sib := other.Latest.rateInput("v_sibling", other.Latest.Poor)
			sib.Item = other.ID
			in = append(in, sib)
		}
		ap.Rank = &Rank{Position: pos, Of: len(es), Year: ap.Latest.Year,
			Explanation: Explanation{Formula: FormulaRank, Inputs: withDecimals(in), Result: float64(pos)}}
	}
}

// covered reports whether a is the plan's area or lies within it. Areas
// outside it, such as the country, are there for comparison: the data does
// not hold all their children, so their totals are not checked.
func (c *computer) covered(a *plan.Area) bool {
	root := c.p.Document.Area
	if root == "" {
		return true
	}
	for range len(c.p.Areas) + 1 { // a cycle of parents ends the walk
		if a == nil {
			return false
		}
		if a.ID == root {
			return true
		}
		a = c.x.Area(a.Parent)
	}
	return false
}

// childTotals adds up the children's counts of each year in which a states
// the count itself; only for the plan's area and the areas within it.
func (c *computer) childTotals(a *plan.Area) []ChildTotal {
	ids := a.Members // the children of a group are its members
	if a.Kind != plan.KindGroup {
		ids = c.x.Children(a.ID)
	}
	var kids []*plan.Area
	for _, id := range ids {
		// A group is not part of a partition of its parent.
		if k := c.x.Area(id); k != nil && (a.Kind == plan.KindGroup || k.Kind != plan.KindGroup) {
			kids = append(kids, k)
		}
	}
	of := len(kids)
	if a.Kind == plan.KindGroup && a.MemberCount > of {
		of = a.MemberCount // the members the data does not name have no counts
	}
	if len(kids) == 0 || !c.covered(a) {
		return nil
	}
	// The data lists every district of a province and every member of a
	// group (MemberCount), but seldom every commune of a district: there a
	// sum below the stated count is expected, and only a sum above it is
	// a mismatch.
	complete := a.Kind != plan.KindDistrict && a.Kind != plan.KindCity
	kidFigures := make([][]*plan.Figure, len(kids)) // by year
	for i, k := range kids {
		kidFigures[i] = c.figures(k, false)
	}
	fields := countFields()
	var out []ChildTotal
	for _, f := range c.figures(a, false) {
		for _, field := range fields {
			stated := field.get(f)
			if stated == nil {
				continue
			}
			ct := ChildTotal{Year: f.Year, Field: field.name, Stated: float64(*stated), Of: of}
			var sum float64
			in := make([]Input, 0, len(kids))
			for i, k := range kids {
				kf := yearOf(kidFigures[i], f.Year)
				if kf == nil || field.get(kf) == nil {
					continue
				}
				v := float64(*field.get(kf))
				sum += v
				ct.With++
				in = append(in, Input{Name: "x_i", Item: k.ID, Value: v, Year: kf.Year, Source: kf.Source, Status: kf.Status})
			}
			if ct.With == 0 {
				continue
			}
			ct.Sum = explain(FormulaSum, sum, in...)
			ct.Differs = (complete && ct.With == ct.Of && sum != ct.Stated) || sum > ct.Stated
			if ct.Differs {
				c.warn(Warning{Kind: WarnChildrenTotal, Pos: f.At(field.name), Area: a.ID, Year: f.Year,
					Field: field.name, Stated: ct.Stated, Computed: sum, With: ct.With, Of: ct.Of})
			}
			out = append(out, ct)
		}
	}
	return out
}

// yearOf is the figure of year among fs, which figures gave, or nil.
func yearOf(fs []*plan.Figure, year int) *plan.Figure {
	i, ok := slices.BinarySearchFunc(fs, year, func(f *plan.Figure, y int) int { return cmp.Compare(f.Year, y) })
	if !ok {
		return nil
	}
	return fs[i]
}

// areaRun is how many areas, or groups of siblings, a worker takes at a
// time.
const areaRun = 256

func runsOf(n, size int) int { return (n + size - 1) / size }

// inRuns calls f on every CPU for the runs of 0…n-1, size long (the last
// may be shorter): f(r, lo, hi) for run r, from lo to hi-1.
func inRuns(n, size int, f func(r, lo, hi int)) {
	runs := runsOf(n, size)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), runs) {
		wg.Go(func() {
			for {
				r := int(next.Add(1)) - 1
				if r >= runs {
					return
				}
				f(r, r*size, min(n, (r+1)*size))
			}
		})
	}
	wg.Wait()
}
