package plan

// A Target is a measurable commitment of the plan.
type Target struct {
	Node    `yaml:"-"`
	ID      string `yaml:"id"`
	Section string `yaml:"section"` // id of the plan section that sets it
	Name    Text   `yaml:"name"`
	// Description is the target as the plan words it.
	Description Text `yaml:"description"`
	// Unit is the unit of the target's values, its levels: percent, count
	// or million_vnd. A change of a percent level (a yearly reduction) is
	// in points of it (ChangeUnit); a level is never in points. A
	// qualitative target has none.
	Unit string `yaml:"unit"`
	// Scope is the area the target is about: the province, a district, or
	// a group of communes (an area of kind group).
	Scope string `yaml:"scope"`
	// Measure, when set, takes the target's values from the yearly figures
	// of its scope area (for example poor_rate) instead of observations.
	Measure  string   `yaml:"measure"`
	Goal     Goal     `yaml:"goal"`
	Baseline Baseline `yaml:"baseline"`
	// By is the year the target is to be met.
	By int `yaml:"by"`
	// Method is the outlook method: linear (default) or growth_ratio.
	Method   string   `yaml:"method"`
	Policies []string `yaml:"policies"`
	Agencies []string `yaml:"agencies"`
	// Compare names areas whose figures for the same measure are shown beside
	// the target's own (the national series, for example).
	Compare  []string `yaml:"compare"`
	UnitCost *Amount  `yaml:"unit_cost"`
	Note     Text     `yaml:"note"`
}

// LevelUnit is the unit of the target's values: its baseline, its latest
// value, its goal's level. A target that takes its values from an area's
// figures (Measure) is a rate, in percent.
func (t *Target) LevelUnit() string {
	if t.Measure != "" {
		return UnitPercent
	}
	return t.Unit
}

// ChangeUnit is the unit of a change in the target's values: percentage
// points for a percent level, else the level's own unit.
func (t *Target) ChangeUnit() string {
	if u := t.LevelUnit(); u != UnitPercent {
		return u
	}
	return UnitPoints
}

// A Goal says what value the target asks for. Exactly one of its fields is set.
type Goal struct {
	Node `yaml:"-"`
	// AtLeast: reach this level or more ("90 % of communes").
	AtLeast *float64 `yaml:"at_least"`
	// Above: more than this level ("over 80 %").
	Above *float64 `yaml:"above"`
	// AtMost: stay at or under this level.
	AtMost *float64 `yaml:"at_most"`
	// Zero: no case left (no poor household among families of people with
	// meritorious service).
	Zero bool `yaml:"zero"`
	// Between: a range reached from the side given by Direction
	// ("down to 8.5–9.0 %").
	Between []float64 `yaml:"between"`
	// ReducePerYear: a yearly fall in points, as a range [low, high].
	ReducePerYear []float64 `yaml:"reduce_per_year"`
	// PerYear: a count to deliver each year, as a range [low, high].
	PerYear []float64 `yaml:"per_year"`
	// Total: a cumulative count by the target year.
	Total *float64 `yaml:"total"`
	// ShareLeaving: the share (%) of a set of places that leaves a status by
	// the target year ("10 % of ĐBKK communes leave that status").
	ShareLeaving *float64 `yaml:"share_leaving"`
	// Qualitative: the plan states no number; progress is described in words.
	Qualitative bool `yaml:"qualitative"`
	// Direction is increase or decrease; required for Between, implied elsewhere.
	Direction string `yaml:"direction"`
	// Qualifier keeps the plan's own hedge on its numbers: "khoảng 8,5-9,0%"
	// is about (see Qualifiers).
	Qualifier string `yaml:"qualifier"`
}

// Goal kinds, as Kind returns them.
const (
	GoalAtLeast       = "at_least"
	GoalAbove         = "above"
	GoalAtMost        = "at_most"
	GoalZero          = "zero"
	GoalBetween       = "between"
	GoalReducePerYear = "reduce_per_year"
	GoalPerYear       = "per_year"
	GoalTotal         = "total"
	GoalShareLeaving  = "share_leaving"
	GoalQualitative   = "qualitative"
)

// Directions a goal may take.
const (
	Increase = "increase"
	Decrease = "decrease"
)

// Kinds lists the goal kinds set on g, in a fixed order.
func (g Goal) Kinds() []string {
	var k []string
	add := func(set bool, name string) {
		if set {
			k = append(k, name)
		}
	}
	add(g.AtLeast != nil, GoalAtLeast)
	add(g.Above != nil, GoalAbove)
	add(g.AtMost != nil, GoalAtMost)
	add(g.Zero, GoalZero)
	add(g.Between != nil, GoalBetween)
	add(g.ReducePerYear != nil, GoalReducePerYear)
	add(g.PerYear != nil, GoalPerYear)
	add(g.Total != nil, GoalTotal)
	add(g.ShareLeaving != nil, GoalShareLeaving)
	add(g.Qualitative, GoalQualitative)
	return k
}

// Kind is the goal's single kind, or "" when none or several are set.
func (g Goal) Kind() string {
	if k := g.Kinds(); len(k) == 1 {
		return k[0]
	}
	return ""
}

// Dir is the direction in which the goal asks the value to move.
func (g Goal) Dir() string {
	switch g.Kind() {
	case GoalAtMost, GoalZero, GoalReducePerYear:
		return Decrease
	case GoalBetween:
		return g.Direction
	}
	if g.Direction != "" {
		return g.Direction
	}
	return Increase
}

// Bounds are the lowest and the highest value the goal states, nil where
// it states none: the level of at_least, above, total and share_leaving is
// a lower bound and that of at_most an upper one; zero is 0 to 0; a range
// (between, reduce_per_year, per_year) runs from its smaller number to its
// larger, a range of one number from that number to itself. A qualitative
// goal, or one of no kind or several, has none. Every reader of a goal's
// numbers takes them from here.
func (g Goal) Bounds() (low, high *float64) {
	// The bounds are copies: a reader may not change the plan through them.
	one := func(x *float64) *float64 {
		if x == nil {
			return nil
		}
		v := *x
		return &v
	}
	pair := func(xs []float64) (*float64, *float64) {
		if len(xs) == 0 {
			return nil, nil
		}
		last := xs[min(len(xs), 2)-1]
		lo, hi := min(xs[0], last), max(xs[0], last)
		return &lo, &hi
	}
	switch g.Kind() {
	case GoalAtLeast:
		return one(g.AtLeast), nil
	case GoalAbove:
		return one(g.Above), nil
	case GoalTotal:
		return one(g.Total), nil
	case GoalShareLeaving:
		return one(g.ShareLeaving), nil
	case GoalAtMost:
		return nil, one(g.AtMost)
	case GoalZero:
		return new(float64), new(float64)
	case GoalBetween:
		return pair(g.Between)
	case GoalReducePerYear:
		return pair(g.ReducePerYear)
	case GoalPerYear:
		return pair(g.PerYear)
	}
	return nil, nil
}

// Numbers are the numbers the goal states, as its words say them and as
// a chart marks them: the one level of at_least, above, at_most, total,
// share_leaving and zero (0); the low and the high end of a range; none
// for a goal with no bounds.
func (g Goal) Numbers() []float64 {
	low, high := g.Bounds()
	switch {
	case low == nil && high == nil:
		return nil
	case high == nil:
		return []float64{*low}
	case low == nil, g.Kind() == GoalZero:
		return []float64{*high}
	}
	return []float64{*low, *high}
}

// A Baseline is the value the target starts from. Value is nil when the plan
// names a baseline year but no value is known; for a target with a Measure
// the value comes from the scope's figures for that year.
type Baseline struct {
	Node   `yaml:"-"`
	Year   int      `yaml:"year"`
	Value  *float64 `yaml:"value"`
	Source string   `yaml:"source"`
}

// An Amount is money or another quantity with its unit.
type Amount struct {
	Node  `yaml:"-"`
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`
}

// An Observation is one measured value of a target.
type Observation struct {
	Node   `yaml:"-"`
	Target string `yaml:"target"`
	// Area defaults to the target's scope.
	Area string `yaml:"area"`
	Year int    `yaml:"year"`
	// Half is 1 for a first-half (30 June) figure; 0 for the whole year.
	Half   int      `yaml:"half"`
	Value  *float64 `yaml:"value"`
	Status string   `yaml:"status"`
	Source string   `yaml:"source"`
	Note   Text     `yaml:"note"`
	// Qualifier says the source gives the value as approximate or as a
	// bound: "gần", "hơn", "dưới" (see Qualifiers).
	Qualifier string `yaml:"qualifier"`
	// ConfirmedBy are other sources that publish the same value.
	ConfirmedBy []string `yaml:"confirmed_by"`
}

// Qualifiers a value may carry when its source does not give it exactly:
// the number is stored as written ("hơn 14 tỷ" is 14000) and the qualifier
// beside it, so that the site says "more than 14,000" and never shows or
// adds it up as exact.
const (
	QualifierAbout    = "about"     // khoảng, xấp xỉ
	QualifierNearly   = "nearly"    // gần
	QualifierMoreThan = "more_than" // hơn, trên
	QualifierLessThan = "less_than" // dưới
)

// Qualifiers lists every qualifier, in a fixed order.
func Qualifiers() []string {
	return []string{QualifierAbout, QualifierNearly, QualifierMoreThan, QualifierLessThan}
}

// Observation statuses.
const (
	Final       = "final"
	Provisional = "provisional"
	Estimate    = "estimate"
)

// Units a target or figure may be stated in.
const (
	UnitPercent    = "percent"
	UnitPoints     = "points" // percentage points: a change of a percent level, never a level
	UnitCount      = "count"
	UnitMillionVND = "million_vnd"
)

// Measures a target may take from its scope's yearly figures.
const (
	MeasurePoorRate     = "poor_rate"
	MeasureNearPoorRate = "near_poor_rate"
)
