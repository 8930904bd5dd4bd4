package progress

import (
	"math"

	"plansite/generator/plan"
)

// A TargetProgress is where one target stands. Figures that cannot be
// computed from the data are nil.
type TargetProgress struct {
	ID     string
	Kind   string // the goal's kind (plan.GoalBetween, …); empty when the goal is invalid
	Dir    string // plan.Increase or plan.Decrease
	Method string // Linear or GrowthRatio, as used
	Scope  string
	// Unit is the unit of the target's levels (baseline, latest, goal);
	// ChangeUnit that of a change in them (points of a percent).
	Unit       string
	ChangeUnit string
	By         int
	// Goal is the value the pace aims at: the plan's number; the bound of a
	// range met first when coming from the target's direction (9.0 in
	// "down to 8.5–9.0 %"); for a yearly reduction, the level the low end
	// of the band leads to by the target year. Nil for counts per year.
	Goal *Explanation
	// Baseline is the value of the baseline year, stated or taken from the
	// scope's figures; nil when unknown (see NoteBaselineFromFirst).
	Baseline *Point
	// Series holds the values the target is judged on, oldest first: the
	// baseline (or the first value standing in for it) to the latest.
	Series []Point
	Latest *Point
	// Share is how much of the way from baseline to goal is covered, 0–1.
	Share *Explanation
	// Required is the yearly change needed from the baseline to meet the
	// goal by the target year; Observed the yearly change seen from the
	// baseline to the latest value. For a count per year they are the low
	// end of the band and the average count.
	Required *Explanation
	Observed *Explanation
	// RequiredGrowth and ObservedGrowth are the compound annual growth
	// rates of the growth-ratio method.
	RequiredGrowth *Explanation
	ObservedGrowth *Explanation
	// Ratio is observed over required pace; its bands give the status.
	Ratio *Explanation
	// Needed is the yearly change needed from the latest value to meet the
	// goal by the target year: what it takes from here. Nil once the
	// target is achieved or its year is reached, and for a count per year.
	Needed *Explanation
	// Projected is the value expected at the target year if the observed
	// pace goes on (for a count per year, the total over the plan's years);
	// nil once the latest value is of the target year or later.
	Projected *Explanation
	// Years checks each year against the band of a yearly reduction (the
	// fall from the year before) or of a count per year (the year's count);
	// Average checks the average over the period.
	Years   []YearCheck
	Average *YearCheck
	Status  Status
	// AchievedWhen is the condition for Achieved, as a formula (WhenAtMost,
	// …); empty when there is nothing to judge.
	AchievedWhen string
	// Closed is true when the target year has passed without the target
	// being met; Status then still reads the pace.
	Closed bool
	Notes  []Note
}

// A YearCheck compares one year's change (or count) with a band the plan
// sets, such as a fall of 4–5 points a year.
type YearCheck struct {
	From, To int // years; equal for a count of one year
	Value    *Explanation
	Band     Band
}

// A Band says where a value falls against a range [low, high] the plan sets.
type Band string

// Bands. For a yearly reduction the value is the fall, so Below is a fall
// smaller than the plan asks (or a rise).
const (
	BandBelow  Band = "below"
	BandWithin Band = "within"
	BandAbove  Band = "above"
)

func bandOf(x, lo, hi float64) Band {
	switch {
	case x < lo-eps:
		return BandBelow
	case x > hi+eps:
		return BandAbove
	}
	return BandWithin
}

// Conditions for Achieved, as TargetProgress.AchievedWhen gives them.
const (
	WhenAtLeast = "v_latest ≥ v_target"
	WhenAbove   = "v_latest > v_target"
	WhenAtMost  = "v_latest ≤ v_target"
	// WhenCounted: every year of the plan counted, adding up to the low end
	// of the band times the years.
	WhenCounted = "k = years ∧ Σ n_y ≥ n_low · years"
)

// statusOf reads a pace ratio against the bands.
func statusOf(r float64) Status {
	switch {
	case r >= OnTrackRatio-eps:
		return OnTrack
	case r >= AccelerateRatio-eps:
		return NeedsAcceleration
	case r >= -eps:
		return OffTrack
	}
	return MovingAway
}

func (c *computer) target(t *plan.Target) TargetProgress {
	g := t.Goal
	tp := TargetProgress{ID: t.ID, Kind: g.Kind(), Scope: t.Scope, Unit: t.LevelUnit(), ChangeUnit: t.ChangeUnit(),
		By: t.By, Method: Linear, Status: NoData}
	if t.Method == GrowthRatio {
		tp.Method = GrowthRatio
	}
	switch tp.Kind {
	case "":
		tp.Notes = append(tp.Notes, NoteInvalidGoal)
		return tp
	case plan.GoalQualitative:
		// No number, so no method of measuring progress either.
		tp.Method = ""
		tp.Notes = append(tp.Notes, NoteQualitative)
		return tp
	case plan.GoalPerYear:
		c.perYear(t, &tp)
	default:
		c.level(t, &tp)
	}
	for _, pt := range tp.Series {
		if pt.Provisional() {
			tp.Notes = append(tp.Notes, NoteProvisional)
			break
		}
	}
	return tp
}

// rangeOf is the range of a goal of a range's kind (between,
// reduce_per_year, per_year), from its bounds; ok is false when it has
// none.
func rangeOf(g plan.Goal) (lo, hi float64, ok bool) {
	low, high := g.Bounds()
	if low == nil || high == nil {
		return 0, 0, false
	}
	return *low, *high, true
}

// level judges a target that asks for a value to reach: every kind but a
// count per year.
func (c *computer) level(t *plan.Target, tp *TargetProgress) {
	g := t.Goal
	pts, ok := c.series(t, tp)
	if !ok {
		return
	}
	tp.Series = pts
	// The kind sets the direction; only a range needs one stated.
	tp.Dir = plan.Increase
	switch tp.Kind {
	case plan.GoalAtMost, plan.GoalZero, plan.GoalReducePerYear:
		tp.Dir = plan.Decrease
	case plan.GoalBetween:
		tp.Dir = g.Direction
	}
	var goal float64
	var achieved func(v float64) bool
	atLeast := func(v float64) bool { return v >= goal }
	atMost := func(v float64) bool { return v <= goal }
	above := func(v float64) bool { return v > goal }
	target := func(v float64) {
		goal = v
		tp.Goal = explain(FormulaTarget, v, Input{Name: "v_target", Item: tp.Kind, Value: v})
	}
	switch tp.Kind {
	case plan.GoalAtLeast:
		target(*g.AtLeast)
		achieved = atLeast
	case plan.GoalTotal:
		target(*g.Total)
		achieved = atLeast
	case plan.GoalShareLeaving:
		target(*g.ShareLeaving)
		achieved = atLeast
	case plan.GoalAbove:
		target(*g.Above)
		achieved = above
	case plan.GoalAtMost:
		target(*g.AtMost)
		achieved = atMost
	case plan.GoalZero:
		target(0)
		achieved = atMost
	case plan.GoalBetween:
		lo, hi, ok := rangeOf(g)
		if !ok {
			tp.Notes = append(tp.Notes, NoteInvalidGoal)
			return
		}
		if tp.Dir != plan.Increase && tp.Dir != plan.Decrease && len(pts) > 0 {
			// The checker asks for a direction; without one, read it from the start.
			tp.Dir = plan.Increase
			if pts[0].Value > hi {
				tp.Dir = plan.Decrease
			}
		}
		ends := []Input{num("b_low", lo), num("b_high", hi)}
		if tp.Dir == plan.Decrease {
			goal, achieved = hi, atMost
			tp.Goal = explain(FormulaRangeHigh, hi, ends...)
		} else {
			goal, achieved = lo, atLeast
			tp.Goal = explain(FormulaRangeLow, lo, ends...)
		}
	case plan.GoalReducePerYear:
		lo, hi, ok := rangeOf(g)
		if !ok {
			tp.Notes = append(tp.Notes, NoteInvalidGoal)
			return
		}
		if len(pts) == 0 {
			return
		}
		start := pts[0]
		tp.Goal = explain(FormulaReduceGoal, math.Max(0, start.Value-lo*(float64(t.By)-start.T())),
			start.input("v_base"), num("r_low", lo), num("t_target", float64(t.By)), start.time("t_base"))
		if tp.Goal == nil {
			return
		}
		goal, achieved = tp.Goal.Result, atMost
		tp.Years, tp.Average = reductionChecks(pts, lo, hi)
	}
	switch tp.AchievedWhen = WhenAtLeast; {
	case achieved == nil:
		tp.AchievedWhen = ""
	case tp.Kind == plan.GoalAbove:
		tp.AchievedWhen = WhenAbove
	case tp.Dir == plan.Decrease:
		tp.AchievedWhen = WhenAtMost
	}
	if len(pts) == 0 {
		return
	}
	tp.pace(pts, goal, float64(t.By), bounds(t))
	tp.judge(pts, achieved, float64(t.By))
	tp.needed(goal, float64(t.By))
}

// needed fills Needed for a target not yet achieved whose year is ahead
// of its latest value.
func (tp *TargetProgress) needed(goal, by float64) {
	l := tp.Latest
	if l == nil || tp.Status == Achieved || l.T() >= by {
		return
	}
	tp.Needed = explain(FormulaNeeded, (goal-l.Value)/(by-l.T()),
		num("v_target", goal), l.input("v_latest"), num("t_target", by), num("t_latest", l.T()))
}

// reductionChecks compares each year's fall, and the average fall, with the
// band [lo, hi] in points a year. Only whole-year values count year by
// year; the average runs from the first point to the last.
func reductionChecks(pts []Point, lo, hi float64) (years []YearCheck, avg *YearCheck) {
	var prev *Point
	for i := range pts {
		pt := &pts[i]
		if pt.Half != 0 {
			continue
		}
		if prev != nil {
			e := explain(FormulaFall, (prev.Value-pt.Value)/(pt.T()-prev.T()),
				prev.input("v_prev"), pt.input("v_y"), prev.time("t_prev"), pt.time("t_y"))
			if e != nil {
				years = append(years, YearCheck{From: prev.Year, To: pt.Year, Value: e, Band: bandOf(e.Result, lo, hi)})
			}
		}
		prev = pt
	}
	if len(pts) < 2 {
		return years, nil
	}
	start, latest := pts[0], pts[len(pts)-1]
	e := explain(FormulaAverageFall, (start.Value-latest.Value)/(latest.T()-start.T()),
		start.input("v_base"), latest.input("v_latest"), start.time("t_base"), latest.time("t_latest"))
	if e == nil {
		return years, nil
	}
	return years, &YearCheck{From: start.Year, To: latest.Year, Value: e, Band: bandOf(e.Result, lo, hi)}
}

// A valueRange is where a projection must stay: a rate between 0 and 100,
// a count at 0 or more.
type valueRange struct {
	min, max float64
	hasMin   bool
	hasMax   bool
}

func bounds(t *plan.Target) valueRange {
	switch {
	case t.Measure != "" || t.Unit == plan.UnitPercent:
		return valueRange{min: 0, max: 100, hasMin: true, hasMax: true}
	case t.Unit == plan.UnitCount:
		return valueRange{min: 0, hasMin: true}
	}
	return valueRange{}
}

// pace fills Share, Required, Observed, Ratio and Projected for a goal to
// reach by the year by.
func (tp *TargetProgress) pace(pts []Point, goal, by float64, vr valueRange) {
	start, latest := pts[0], pts[len(pts)-1]
	tp.Latest = &latest
	t0, tl := start.T(), latest.T()
	vBase, tBase := start.input("v_base"), start.time("t_base")
	vLatest, tLatest := latest.input("v_latest"), num("t_latest", tl)
	vTarget, tTarget := num("v_target", goal), num("t_target", by)
	d := 1.0
	if tp.Dir == plan.Decrease {
		d = -1
	}
	if goal != start.Value {
		tp.Share = explain(FormulaShare, clamp((latest.Value-start.Value)/(goal-start.Value), 0, 1), vLatest, vBase, vTarget)
	}
	if by > t0 {
		tp.Required = explain(FormulaRequired, (goal-start.Value)/(by-t0), vTarget, vBase, tTarget, tBase)
	}
	if tl > t0 {
		tp.Observed = explain(FormulaObserved, (latest.Value-start.Value)/(tl-t0), vLatest, vBase, tLatest, tBase)
	}
	if tp.Method == GrowthRatio {
		tp.growth(start, latest, goal, d, by)
	}
	if tp.Ratio == nil && tp.Observed != nil && tp.Required != nil && tp.Required.Result != 0 {
		if tp.Method == GrowthRatio {
			tp.Notes = append(tp.Notes, NoteGrowthUnavailable)
		}
		tp.Ratio = explain(FormulaRatio, d*tp.Observed.Result/math.Abs(tp.Required.Result),
			num("d", d), num("observed", tp.Observed.Result), num("required", tp.Required.Result))
	}
	if tl >= by || tp.Observed == nil {
		return
	}
	in := []Input{vLatest, tTarget, tLatest}
	var v float64
	var formula, floor, clamped string
	if tp.Method == GrowthRatio && tp.ObservedGrowth != nil {
		g := tp.ObservedGrowth.Result
		v = latest.Value * math.Pow(1+g, by-tl)
		in = append(in, num("CAGR", g))
		formula, floor, clamped = FormulaProjectedGrowth, FormulaProjectedGrowthFloor, FormulaProjectedGrowthClamped
	} else {
		v = latest.Value + tp.Observed.Result*(by-tl)
		in = append(in, num("observed", tp.Observed.Result))
		formula, floor, clamped = FormulaProjected, FormulaProjectedFloor, FormulaProjectedClamped
	}
	if vr.hasMin || vr.hasMax {
		lo, hi := math.Inf(-1), math.Inf(1)
		if vr.hasMin {
			lo = vr.min
		}
		if vr.hasMax {
			hi = vr.max
		}
		if v < lo || v > hi {
			v = clamp(v, lo, hi)
			formula = floor
			in = append(in, num("v_min", vr.min))
			if vr.hasMax {
				formula = clamped
				in = append(in, num("v_max", vr.max))
			}
		}
	}
	tp.Projected = explain(formula, v, in...)
}

// growth fills the compound annual growth rates and the growth ratio of the
// Open SDG method: R = s · d · CAGR / |CAGR_target|, where s is −1 when the
// baseline value is negative. A 0 at the start or as the goal is replaced
// by 0.001, as Open SDG does.
func (tp *TargetProgress) growth(start, latest Point, goal, d, by float64) {
	t0, tl := start.T(), latest.T()
	s := 1.0
	if start.Value < 0 {
		s = -1
	}
	v0 := start.Value
	vBase := start.input("v_base")
	if v0 == 0 {
		v0, vBase.Value = 0.001, 0.001
		tp.Notes = append(tp.Notes, NoteZeroReplaced)
	}
	if goal == 0 {
		goal = 0.001
		tp.Notes = append(tp.Notes, NoteZeroReplaced)
	}
	tBase := start.time("t_base")
	if by > t0 {
		tp.RequiredGrowth = explain(FormulaCAGRTarget, math.Pow(goal/v0, 1/(by-t0))-1,
			num("v_target", goal), vBase, num("t_target", by), tBase)
	}
	if tl > t0 {
		tp.ObservedGrowth = explain(FormulaCAGR, math.Pow(latest.Value/v0, 1/(tl-t0))-1,
			latest.input("v_latest"), vBase, num("t_latest", tl), tBase)
	}
	if tp.RequiredGrowth == nil || tp.ObservedGrowth == nil || tp.RequiredGrowth.Result == 0 {
		return
	}
	og, rg := tp.ObservedGrowth.Result, tp.RequiredGrowth.Result
	tp.Ratio = explain(FormulaGrowthRatio, s*d*og/math.Abs(rg),
		num("s", s), num("d", d), num("CAGR", og), num("CAGR_target", rg))
}

// judge sets the status: achieved when the latest value meets the goal;
// otherwise the band of the pace ratio, once there are two values.
func (tp *TargetProgress) judge(pts []Point, achieved func(float64) bool, by float64) {
	latest := pts[len(pts)-1]
	if achieved(latest.Value) {
		tp.Status = Achieved
		return
	}
	if latest.T() >= by {
		tp.Closed = true
		tp.Notes = append(tp.Notes, NoteClosed)
	}
	switch {
	case len(pts) < 2:
		tp.Status = InsufficientData
	case tp.Ratio != nil:
		tp.Status = statusOf(tp.Ratio.Result)
	case tp.Observed != nil:
		// No required pace: the goal year is not after the start, or the
		// start already sits on the goal. Read the direction of travel.
		d := 1.0
		if tp.Dir == plan.Decrease {
			d = -1
		}
		switch x := d * tp.Observed.Result; {
		case x > 0:
			tp.Status = OnTrack
		case x < 0:
			tp.Status = MovingAway
		default:
			tp.Status = OffTrack
		}
	default:
		tp.Status = InsufficientData
	}
}

// perYear judges a count to deliver each year, such as 3–5 models a year.
// Each year's count is checked against the band; the pace is the average
// count against the low end; the target is achieved once every year of the
// plan has a count and they add up to the low end times the years.
func (c *computer) perYear(t *plan.Target, tp *TargetProgress) {
	tp.Dir = plan.Increase
	lo, hi, ok := rangeOf(t.Goal)
	if !ok {
		tp.Notes = append(tp.Notes, NoteInvalidGoal)
		return
	}
	if tp.Method == GrowthRatio {
		tp.Method = Linear
		tp.Notes = append(tp.Notes, NoteLinearOnly)
	}
	raw, ok := c.rawPoints(t, tp)
	if !ok {
		return
	}
	first := c.firstYear(t, raw)
	var pts []Point
	for _, pt := range raw {
		if pt.Half == 0 && pt.Year >= first && pt.Year <= t.By {
			pts = append(pts, pt)
		}
	}
	tp.Series = pts
	if len(pts) == 0 {
		return
	}
	latest := pts[len(pts)-1]
	tp.Latest = &latest
	var sum float64
	var counts []Input
	for _, pt := range pts {
		sum += pt.Value
		in := pt.input("n_y")
		counts = append(counts, in)
		if e := explain(FormulaCount, pt.Value, in); e != nil {
			tp.Years = append(tp.Years, YearCheck{From: pt.Year, To: pt.Year, Value: e, Band: bandOf(pt.Value, lo, hi)})
		}
	}
	k := float64(len(pts))
	years := float64(t.By - first + 1)
	nLow := num("n_low", lo)
	avg := explain(FormulaAverageCount, sum/k, append(counts[:len(counts):len(counts)], num("k", k))...)
	tp.Observed = avg
	tp.Required = explain(FormulaRequiredCount, lo, nLow)
	if avg != nil {
		tp.Average = &YearCheck{From: pts[0].Year, To: latest.Year, Value: avg, Band: bandOf(avg.Result, lo, hi)}
		if lo > 0 {
			tp.Ratio = explain(FormulaCountRatio, avg.Result/lo, num("average", avg.Result), nLow)
		}
		if latest.Year < t.By {
			tp.Projected = explain(FormulaCountProjected, sum+avg.Result*float64(t.By-latest.Year),
				append(counts[:len(counts):len(counts)], num("average", avg.Result),
					num("t_target", float64(t.By)), num("t_latest", float64(latest.Year)))...)
		}
	}
	if lo > 0 && years > 0 {
		tp.Share = explain(FormulaCountShare, clamp(sum/(lo*years), 0, 1),
			append(counts[:len(counts):len(counts)], nLow, num("years", years))...)
	}
	tp.AchievedWhen = WhenCounted
	if latest.Year >= t.By && k == years && sum >= lo*years {
		tp.Status = Achieved
		return
	}
	if latest.Year >= t.By {
		tp.Closed = true
		tp.Notes = append(tp.Notes, NoteClosed)
	}
	if tp.Ratio != nil {
		tp.Status = statusOf(tp.Ratio.Result)
	} else {
		tp.Status = InsufficientData
	}
}

// firstYear is the first year a count per year is due: the year after the
// baseline year, else the plan's first year, else the first year counted.
func (c *computer) firstYear(t *plan.Target, pts []Point) int {
	switch start := c.p.Document.Period.Start; {
	case t.Baseline.Year > 0:
		return t.Baseline.Year + 1
	case start > 0 && start <= t.By:
		return start
	}
	for _, pt := range pts {
		if pt.Half == 0 {
			return pt.Year
		}
	}
	return t.By
}
