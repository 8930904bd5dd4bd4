// Package progress computes how far a plan has come: for every target its
// latest value, the share of the way from baseline to target, the yearly
// change required against the yearly change observed, the value projected
// at the target year and a status; for every area its rates, yearly changes,
// rank and the totals of its children; and the budget's totals and rates.
//
// Every computed figure is an Explanation: its inputs, a short symbolic
// formula and the result, so that the site can say in words how it was
// computed and a reader can redo the sum. The formulas are the Formula
// constants; Methodology holds the page that explains them.
//
// The package does no I/O and keeps no state: Compute takes a loaded plan
// and returns a Report whose slices are in a fixed order, so that two
// builds of the same data are identical. Missing values stay missing: a nil
// is never read as 0.
//
// Compute is the first stage after check, and it builds the plan's
// plan.Index, once a build: it looks the plan up there, and its Report
// carries the index on to chart, opendata and emit. Data then flows one
// way, plan to report to the later stages, and the index those stages read
// is always the one of the plan the report's figures were computed from.
package progress

import (
	"math"
	"strconv"

	"plansite/generator/plan"
)

// A Status says where a target stands. Its order, names and colour are
// in status.go.
type Status string

// Statuses, from best to worst; NoData and InsufficientData say why there is
// no verdict.
const (
	Achieved          Status = "achieved"
	OnTrack           Status = "on_track"           // observed pace ≥ 95 % of required
	NeedsAcceleration Status = "needs_acceleration" // 60 % ≤ pace < 95 %
	OffTrack          Status = "off_track"          // 0 ≤ pace < 60 %
	MovingAway        Status = "moving_away"        // pace < 0: the value moves away from the target
	InsufficientData  Status = "insufficient_data"  // fewer than two values
	NoData            Status = "no_data"            // no value, or no number to reach
)

// Band limits on the ratio of observed to required pace (both methods).
const (
	OnTrackRatio    = 0.95
	AccelerateRatio = 0.60
)

// Outlook methods a target may name in Method.
const (
	Linear      = "linear"
	GrowthRatio = "growth_ratio"
)

// A Report is the progress of a whole plan.
type Report struct {
	// AsOf is the last year of data taken into account; 0 means all.
	AsOf     int
	Targets  []TargetProgress // in the plan's order
	Areas    []AreaProgress   // in the plan's order
	Budget   Budget
	Warnings []Warning // sorted by position
	// Index is the index of the plan the report is about, which later
	// stages look the plan up in; Compute sets it.
	Index *plan.Index `json:"-"`
}

// Target returns the progress of the target with the given id, or nil.
func (r *Report) Target(id string) *TargetProgress {
	i := -1
	if r.Index != nil {
		i = r.Index.TargetIndex(id)
	}
	return find(r.Targets, i, id, func(tp *TargetProgress) string { return tp.ID })
}

// Area returns the progress of the area with the given id, or nil.
func (r *Report) Area(id string) *AreaProgress {
	i := -1
	if r.Index != nil {
		i = r.Index.AreaIndex(id)
	}
	return find(r.Areas, i, id, func(ap *AreaProgress) string { return ap.ID })
}

// find is the item of items with the given id: the one at i, the position
// the plan's index gives it, which is the item's in the report of a
// checked plan; else the one a scan finds (a Report not made by Compute,
// or of a plan with two areas of one id).
func find[T any](items []T, i int, id string, idOf func(*T) string) *T {
	if i >= 0 && i < len(items) && idOf(&items[i]) == id {
		return &items[i]
	}
	for i := range items {
		if idOf(&items[i]) == id {
			return &items[i]
		}
	}
	return nil
}

// An Explanation is one computed figure: Result is Formula applied to
// Inputs. Results are rounded to 12 significant digits, which removes
// floating-point noise (0.9499999999999993 is 0.95) and keeps output the
// same on every machine.
type Explanation struct {
	Formula string
	Inputs  []Input
	Result  float64
}

// An Input is one number a formula uses. Name is its symbol in the formula;
// Item says whose number it is (an area id, a budget line) where the
// formula sums over several; Year, Half, Source and Status say where a
// measured value comes from and are empty for derived numbers.
type Input struct {
	Name   string
	Item   string `json:",omitempty"`
	Value  float64
	Year   int    `json:",omitempty"`
	Half   int    `json:",omitempty"`
	Source string `json:",omitempty"`
	Status string `json:",omitempty"`
	// Qualifier is the source's hedge on the value ("hơn", "gần"…).
	Qualifier string `json:",omitempty"`
	// Decimals is how many decimals the site writes Value with: 0 for a
	// whole number, else 1 or 2, as few as show it (see decimals). Set
	// here, once, rather than worked out by the theme for each of the
	// hundreds of thousands of inputs a national site shows.
	Decimals int `json:",omitempty"`
}

// Provisional reports whether the input is a provisional figure or an
// estimate.
func (in Input) Provisional() bool { return provisional(in.Status) }

func provisional(status string) bool {
	return status == plan.Provisional || status == plan.Estimate
}

// A Note is a remark on a result that the site words; the values are stable
// keys for translations.
type Note string

// Notes.
const (
	// NoteQualitative: the plan sets no number, so there is nothing to measure.
	NoteQualitative Note = "qualitative"
	// NoteInvalidGoal: the goal sets no kind or several, so it cannot be judged.
	NoteInvalidGoal Note = "invalid_goal"
	// NoteClosed: the target year has passed (the latest value is of it or
	// later) and the target is not achieved; the status still reads the pace.
	NoteClosed Note = "closed"
	// NoteProvisional: a value used is provisional or an estimate.
	NoteProvisional Note = "provisional"
	// NoteBaselineFromFirst: the baseline value is unknown, so the first
	// value after the baseline year stands in for it.
	NoteBaselineFromFirst Note = "baseline_from_first"
	// NoteOnlyBeforeBaseline: the data has values, but all of them are
	// from before the baseline year, so none can be used.
	NoteOnlyBeforeBaseline Note = "only_before_baseline"
	// NoteZeroReplaced: the growth-ratio method cannot start from or aim at
	// 0, so 0.001 stands in for it, as Open SDG does.
	NoteZeroReplaced Note = "zero_replaced"
	// NoteGrowthUnavailable: the growth ratio is undefined here (values of
	// both signs); the linear ratio is used instead.
	NoteGrowthUnavailable Note = "growth_unavailable"
	// NoteLinearOnly: a count per year is judged by its average, whatever
	// the method.
	NoteLinearOnly Note = "linear_only"
	// NoteUnknownScope: the target's scope is not an area of the data.
	NoteUnknownScope Note = "unknown_scope"
	// NoteUnknownMeasure: the target's measure is not one this package knows.
	NoteUnknownMeasure Note = "unknown_measure"
)

// Formulas, as they appear in Explanation.Formula. v is a value, t a point
// in time (a year; a 30 June figure is half a year before its year's end),
// d the target's direction (+1 to increase, −1 to decrease).
const (
	// The value a target asks for.
	FormulaTarget     = "v_target"
	FormulaRangeLow   = "b_low"  // a range reached from below
	FormulaRangeHigh  = "b_high" // a range reached from above
	FormulaReduceGoal = "max(0, v_base − r_low · (t_target − t_base))"

	// Targets, both methods.
	FormulaShare    = "clamp((v_latest − v_base) / (v_target − v_base), 0, 1)"
	FormulaRequired = "(v_target − v_base) / (t_target − t_base)"
	FormulaObserved = "(v_latest − v_base) / (t_latest − t_base)"
	FormulaNeeded   = "(v_target − v_latest) / (t_target − t_latest)"

	// The linear method.
	FormulaRatio            = "d · observed / |required|"
	FormulaProjected        = "v_latest + observed · (t_target − t_latest)"
	FormulaProjectedFloor   = "max(v_min, v_latest + observed · (t_target − t_latest))"
	FormulaProjectedClamped = "clamp(v_latest + observed · (t_target − t_latest), v_min, v_max)"

	// The growth-ratio method (Open SDG / Statistics Canada).
	FormulaCAGR                   = "(v_latest / v_base)^(1 / (t_latest − t_base)) − 1"
	FormulaCAGRTarget             = "(v_target / v_base)^(1 / (t_target − t_base)) − 1"
	FormulaGrowthRatio            = "s · d · CAGR / |CAGR_target|"
	FormulaProjectedGrowth        = "v_latest · (1 + CAGR)^(t_target − t_latest)"
	FormulaProjectedGrowthFloor   = "max(v_min, v_latest · (1 + CAGR)^(t_target − t_latest))"
	FormulaProjectedGrowthClamped = "clamp(v_latest · (1 + CAGR)^(t_target − t_latest), v_min, v_max)"

	// A yearly reduction in points.
	FormulaFall        = "(v_prev − v_y) / (t_y − t_prev)"
	FormulaAverageFall = "(v_base − v_latest) / (t_latest − t_base)"

	// A count per year.
	FormulaCount          = "n_y"
	FormulaAverageCount   = "Σ n_y / k"
	FormulaRequiredCount  = "n_low"
	FormulaCountRatio     = "average / n_low"
	FormulaCountShare     = "clamp(Σ n_y / (n_low · years), 0, 1)"
	FormulaCountProjected = "Σ n_y + average · (t_target − t_latest)"

	// Areas.
	FormulaRate             = "n / N × 100"
	FormulaChange           = "(v_y − v_prev) / (t_y − t_prev)"
	FormulaAverageReduction = "(v_first − v_latest) / (t_latest − t_first)"
	FormulaRank             = "1 + #{siblings with a lower rate}"

	// Sums and budgets.
	FormulaSum           = "Σ x_i"
	FormulaAllocatedRate = "Σ allocated / Σ planned"
	FormulaDisbursedRate = "Σ disbursed / Σ allocated"
	FormulaFundShare     = "x_fund / x_total"
	FormulaCost          = "money / households_left"
)

// Compute works out the progress of p using the data of years up to asOf,
// to show how things stood then; asOf == 0 uses all the data.
func Compute(p *plan.Plan, asOf int) *Report {
	r := &Report{AsOf: asOf, Index: plan.NewIndex(p)}
	if p == nil {
		return r
	}
	c := &computer{p: p, x: r.Index, asOf: asOf}
	for i := range p.Targets {
		r.Targets = append(r.Targets, c.target(&p.Targets[i]))
	}
	r.Areas = c.areas(r.Targets)
	r.Budget = c.budget()
	r.Warnings = c.sortedWarnings()
	return r
}

// A computer is one Compute call: the plan, its index and the warnings.
type computer struct {
	p        *plan.Plan
	x        *plan.Index
	asOf     int
	warnings []Warning
}

// visible reports whether data of year may be used.
func (c *computer) visible(year int) bool { return c.asOf == 0 || year <= c.asOf }

func (c *computer) warn(w Warning) { c.warnings = append(c.warnings, w) }

// explain builds an Explanation, or nil when the result is not a finite
// number (a division by zero, a root of a negative number).
func explain(formula string, result float64, in ...Input) *Explanation {
	if math.IsNaN(result) || math.IsInf(result, 0) {
		return nil
	}
	return &Explanation{Formula: formula, Inputs: withDecimals(in), Result: round(result)}
}

// withDecimals sets the Decimals of each input of in.
func withDecimals(in []Input) []Input {
	for i := range in {
		in[i].Decimals = decimals(in[i].Value)
	}
	return in
}

// decimals is 0 for a whole number, 1 when one decimal shows v exactly,
// else 2.
func decimals(v float64) int {
	switch {
	case v == math.Round(v):
		return 0
	case v*10 == math.Round(v*10):
		return 1
	}
	return 2
}

// num is a derived input: a number with a name and nothing else.
func num(name string, v float64) Input { return Input{Name: name, Value: round(v)} }

// round keeps 12 significant digits.
func round(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	if x == math.Trunc(x) && math.Abs(x) < 1e12 {
		return x // a whole number of 12 digits at most is its own rounding
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return r
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// eps absorbs rounding left in comparisons with band limits.
const eps = 1e-9
