package progress

import (
	"fmt"
	"math"
	"testing"

	"plansite/generator/plan"
)

// The province's poor-household rate against "down to 8.5–9.0 % by 2015",
// baseline 12.11 % in 2012 (the 2012 figure), goal value 9.0 (upper bound):
//
//   - asOf 2011: the baseline year is not reached yet, nothing to use: no_data.
//   - asOf 2012: only the baseline: insufficient_data.
//   - asOf 2013: required (9.0 − 12.11) / 3 = −1.0367 a year; observed
//     (10.44 − 12.11) / 1 = −1.67 a year; R = 1.67 / 1.0367 = 1.61 ≥ 0.95:
//     on_track. Share (10.44 − 12.11) / (9.0 − 12.11) = 0.537; projected
//     10.44 − 1.67 · 2 = 7.10.
//   - asOf 2014: 8.88 is inside the range: achieved.
//   - asOf 2015 and all data: 7.50 is beyond the range downwards: achieved.
func TestBacGiang(t *testing.T) {
	tests := []struct {
		asOf   int
		status Status
		latest float64
	}{
		{2011, NoData, none},
		{2012, InsufficientData, 12.11},
		{2013, OnTrack, 10.44},
		{2014, Achieved, 8.88},
		{2015, Achieved, 7.50},
		{0, Achieved, 7.50},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.asOf), func(t *testing.T) {
			tp := Compute(bacGiangPlan(), tt.asOf).Target("2a")
			if tp.Status != tt.status {
				t.Errorf("Compute(2a, %d).Status = %s, want %s", tt.asOf, tp.Status, tt.status)
			}
			switch {
			case math.IsNaN(tt.latest) && tp.Latest != nil:
				t.Errorf("Compute(2a, %d).Latest = %v, want nil", tt.asOf, tp.Latest.Value)
			case !math.IsNaN(tt.latest) && (tp.Latest == nil || tp.Latest.Value != tt.latest):
				t.Errorf("Compute(2a, %d).Latest = %+v, want %v", tt.asOf, tp.Latest, tt.latest)
			}
			if tp.Closed {
				t.Errorf("Compute(2a, %d).Closed = true, want false", tt.asOf)
			}
		})
	}

	tp := Compute(bacGiangPlan(), 2013).Target("2a")
	checkValue(t, "Goal", tp.Goal, 9.0)
	checkValue(t, "Required", tp.Required, (9.0-12.11)/3)
	checkValue(t, "Observed", tp.Observed, 10.44-12.11)
	checkValue(t, "Ratio", tp.Ratio, 1.67/((12.11-9.0)/3))
	checkValue(t, "Share", tp.Share, (10.44-12.11)/(9.0-12.11))
	checkValue(t, "Projected", tp.Projected, 10.44-1.67*2)
	if tp.Baseline == nil || tp.Baseline.Value != 12.11 || tp.Baseline.Year != 2012 {
		t.Errorf("Baseline = %+v, want 12.11 in 2012", tp.Baseline)
	}
	if tp.AchievedWhen != WhenAtMost || tp.Dir != plan.Decrease {
		t.Errorf("AchievedWhen, Dir = %q, %q, want %q, %q", tp.AchievedWhen, tp.Dir, WhenAtMost, plan.Decrease)
	}
	if tp.Ratio.Formula != FormulaRatio {
		t.Errorf("Ratio.Formula = %q, want %q", tp.Ratio.Formula, FormulaRatio)
	}
	if len(tp.Series) != 2 {
		t.Errorf("len(Series) = %d, want 2 (2012 baseline and 2013)", len(tp.Series))
	}
	// The stated rate wins over the 10.52 % its counts give.
	if tp.Latest.Computed != nil {
		t.Errorf("Latest.Computed = %+v, want nil (the rate is stated)", tp.Latest.Computed)
	}
}

// Every goal kind, by hand. Baselines are of 2012, targets due in 2015
// unless the case says otherwise.
func TestKinds(t *testing.T) {
	tests := []struct {
		name                  string
		target                plan.Target
		pts                   []pt
		status                Status
		goal, required, ratio float64
		share, projected      float64
		closed                bool
		note                  Note
	}{{
		// required (90 − 60) / 3 = 10; observed 15; R = 1.5. Projected
		// 75 + 15 · 2 = 105, kept at 100.
		name:   "at_least",
		target: plan.Target{Unit: plan.UnitPercent, Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015},
		pts:    []pt{at2(2013, 75)},
		status: OnTrack, goal: 90, required: 10, ratio: 1.5, share: 0.5, projected: 100,
	}, {
		name:   "at_least reached",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015},
		pts:    []pt{at2(2013, 75), at2(2014, 90)},
		status: Achieved, goal: 90, required: 10, ratio: 1.5, share: 1, projected: 105,
	}, {
		// 80 is not over 80; R = (10/3) / (10/3) = 1, but the year is over.
		name:   "above, not over by the deadline",
		target: plan.Target{Goal: plan.Goal{Above: fp(80)}, Baseline: baseline(2012, 70), By: 2015},
		pts:    []pt{at2(2015, 80)},
		status: OnTrack, goal: 80, required: 10.0 / 3, ratio: 1, share: 1, projected: none, closed: true, note: NoteClosed,
	}, {
		// required (5 − 8) / 3 = −1; observed −0.5; R = 0.5.
		name:   "at_most",
		target: plan.Target{Goal: plan.Goal{AtMost: fp(5)}, Baseline: baseline(2012, 8), By: 2015},
		pts:    []pt{at2(2013, 7.5)},
		status: OffTrack, goal: 5, required: -1, ratio: 0.5, share: 0.5 / 3, projected: 6.5,
	}, {
		// required (0 − 12) / 3 = −4; observed −3; R = 0.75.
		name:   "zero",
		target: plan.Target{Unit: plan.UnitCount, Goal: plan.Goal{Zero: true}, Baseline: baseline(2012, 12), By: 2015},
		pts:    []pt{at2(2013, 9)},
		status: NeedsAcceleration, goal: 0, required: -4, ratio: 0.75, share: 0.25, projected: 3,
	}, {
		name:   "zero reached",
		target: plan.Target{Unit: plan.UnitCount, Goal: plan.Goal{Zero: true}, Baseline: baseline(2012, 12), By: 2015},
		pts:    []pt{at2(2013, 9), at2(2015, 0)},
		status: Achieved, goal: 0, required: -4, ratio: 1, share: 1, projected: none,
	}, {
		// From below, the goal is the lower bound 60: required 20 / 3;
		// observed 5; R = 0.75.
		name:   "between, increase",
		target: plan.Target{Goal: plan.Goal{Between: []float64{60, 70}, Direction: plan.Increase}, Baseline: baseline(2012, 40), By: 2015},
		pts:    []pt{at2(2014, 50)},
		status: NeedsAcceleration, goal: 60, required: 20.0 / 3, ratio: 0.75, share: 0.5, projected: 55,
	}, {
		name:   "between, increase, beyond the range",
		target: plan.Target{Goal: plan.Goal{Between: []float64{60, 70}, Direction: plan.Increase}, Baseline: baseline(2012, 40), By: 2015},
		pts:    []pt{at2(2014, 75)},
		status: Achieved, goal: 60, required: 20.0 / 3, ratio: 17.5 / (20.0 / 3), share: 1, projected: 92.5,
	}, {
		name:   "between, decrease, inside",
		target: plan.Target{Goal: plan.Goal{Between: []float64{9.0, 8.5}, Direction: plan.Decrease}, Baseline: baseline(2012, 12), By: 2015},
		pts:    []pt{at2(2014, 8.7)},
		status: Achieved, goal: 9, required: -1, ratio: 1.65, share: 1, projected: 7.05,
	}, {
		// A running total: required 100 / 3; observed 40; R = 1.2.
		name:   "total",
		target: plan.Target{Unit: plan.UnitCount, Goal: plan.Goal{Total: fp(100)}, Baseline: baseline(2012, 0), By: 2015},
		pts:    []pt{at2(2013, 40)},
		status: OnTrack, goal: 100, required: 100.0 / 3, ratio: 1.2, share: 0.4, projected: 120,
	}, {
		// required 10 / 3; observed 4 / 2 = 2; R = 0.6 exactly.
		name:   "share_leaving",
		target: plan.Target{Unit: plan.UnitPercent, Goal: plan.Goal{ShareLeaving: fp(10)}, Baseline: baseline(2012, 0), By: 2015},
		pts:    []pt{at2(2014, 4)},
		status: NeedsAcceleration, goal: 10, required: 10.0 / 3, ratio: 0.6, share: 0.4, projected: 6,
	}, {
		// observed −5 against required +10: R = −0.5. Share clamps at 0.
		name:   "moving away",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015},
		pts:    []pt{at2(2013, 55)},
		status: MovingAway, goal: 90, required: 10, ratio: -0.5, share: 0, projected: 45,
	}, {
		// Sơn Động: 53.34 % in 2010, a fall of 4–5 points a year by 2015.
		// Goal 53.34 − 4 · 5 = 33.34; required −4; observed
		// (40 − 53.34) / 3 = −4.4467; R = 1.1117.
		name:   "reduce_per_year",
		target: plan.Target{Unit: plan.UnitPoints, Goal: plan.Goal{ReducePerYear: []float64{4, 5}}, Baseline: baseline(2010, 53.34), By: 2015},
		pts:    []pt{at2(2013, 40)},
		status: OnTrack, goal: 53.34 - 20, required: -4, ratio: (13.34 / 3) / 4, share: 13.34 / 20, projected: 40 - 2*13.34/3,
	}, {
		// The goal cannot go below 0: max(0, 6 − 4 · 3) = 0; required −2.
		name:   "reduce_per_year near zero",
		target: plan.Target{Goal: plan.Goal{ReducePerYear: []float64{4, 5}}, Baseline: baseline(2012, 6), By: 2015},
		pts:    []pt{at2(2013, 5)},
		status: OffTrack, goal: 0, required: -2, ratio: 0.5, share: 1.0 / 6, projected: 3,
	}, {
		name:   "qualitative",
		target: plan.Target{Goal: plan.Goal{Qualitative: true}, By: 2015},
		pts:    []pt{at2(2013, 1)},
		status: NoData, goal: none, required: none, ratio: none, share: none, projected: none, note: NoteQualitative,
	}, {
		name:   "two kinds",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(1), AtMost: fp(2)}, By: 2015},
		status: NoData, goal: none, required: none, ratio: none, share: none, projected: none, note: NoteInvalidGoal,
	}, {
		name:   "no values",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: plan.Baseline{Year: 2012}, By: 2015},
		status: NoData, goal: 90, required: none, ratio: none, share: none, projected: none,
	}, {
		name:   "baseline only",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015},
		status: InsufficientData, goal: 90, required: 10, ratio: none, share: 0, projected: none,
	}, {
		name:   "one value, no baseline value",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: plan.Baseline{Year: 2012}, By: 2015},
		pts:    []pt{at2(2013, 70)},
		status: InsufficientData, goal: 90, required: 10, ratio: none, share: 0, projected: none, note: NoteBaselineFromFirst,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp := Compute(targetPlan(tt.target, tt.pts...), 0).Target("t")
			if tp.Status != tt.status {
				t.Errorf("Status = %s, want %s", tp.Status, tt.status)
			}
			checkValue(t, "Goal", tp.Goal, tt.goal)
			checkValue(t, "Required", tp.Required, tt.required)
			checkValue(t, "Ratio", tp.Ratio, tt.ratio)
			checkValue(t, "Share", tp.Share, tt.share)
			checkValue(t, "Projected", tp.Projected, tt.projected)
			if tp.Closed != tt.closed {
				t.Errorf("Closed = %v, want %v", tp.Closed, tt.closed)
			}
			if tt.note != "" && !hasNote(tp.Notes, tt.note) {
				t.Errorf("Notes = %v, want %s among them", tp.Notes, tt.note)
			}
			if tt.target.Goal.Above != nil && tp.AchievedWhen != WhenAbove {
				t.Errorf("AchievedWhen = %q, want %q", tp.AchievedWhen, WhenAbove)
			}
		})
	}
}

// The band limits belong to the upper band. Required pace −1 a year (10 →
// 7 over 2012–2015); one year later the value v gives R = 10 − v.
func TestBandLimits(t *testing.T) {
	tests := []struct {
		v      float64
		ratio  float64
		status Status
	}{
		{9.0, 1, OnTrack},
		{9.05, 0.95, OnTrack},
		{9.0501, 0.9499, NeedsAcceleration},
		{9.4, 0.6, NeedsAcceleration},
		{9.4001, 0.5999, OffTrack},
		{10, 0, OffTrack},
		{10.0001, -0.0001, MovingAway},
	}
	for _, tt := range tests {
		target := plan.Target{Goal: plan.Goal{AtMost: fp(7)}, Baseline: baseline(2012, 10), By: 2015}
		tp := Compute(targetPlan(target, at2(2013, tt.v)), 0).Target("t")
		if tp.Status != tt.status || tp.Ratio == nil || !near(tp.Ratio.Result, tt.ratio) {
			t.Errorf("Compute(at_most 7 from 10, 2013: %v) = %s (R %v), want %s (R %v)", tt.v, tp.Status, tp.Ratio, tt.status, tt.ratio)
		}
	}
}

// The growth-ratio method, by hand.
func TestGrowthRatio(t *testing.T) {
	tests := []struct {
		name           string
		target         plan.Target
		pts            []pt
		cagr, required float64
		ratio          float64
		projected      float64
		status         Status
		note           Note
	}{{
		// (25 / 100)^(1/2) − 1 = −0.5; 60 / 100 − 1 = −0.4;
		// R = 1 · −1 · −0.4 / 0.5 = 0.8. Projected 60 · 0.6 = 36.
		name:   "decrease",
		target: plan.Target{Goal: plan.Goal{AtMost: fp(25)}, Baseline: baseline(2012, 100), By: 2014},
		pts:    []pt{at2(2013, 60)},
		cagr:   -0.4, required: -0.5, ratio: 0.8, projected: 36, status: NeedsAcceleration,
	}, {
		// (400 / 100)^(1/2) − 1 = 1; the limits, exactly.
		name:   "increase at 0.95",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(400)}, Baseline: baseline(2012, 100), By: 2014},
		pts:    []pt{at2(2013, 195)},
		cagr:   0.95, required: 1, ratio: 0.95, projected: 195 * 1.95, status: OnTrack,
	}, {
		name:   "increase at 0.60",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(400)}, Baseline: baseline(2012, 100), By: 2014},
		pts:    []pt{at2(2013, 160)},
		cagr:   0.6, required: 1, ratio: 0.6, projected: 256, status: NeedsAcceleration,
	}, {
		name:   "increase at 0",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(400)}, Baseline: baseline(2012, 100), By: 2014},
		pts:    []pt{at2(2013, 100)},
		cagr:   0, required: 1, ratio: 0, projected: 100, status: OffTrack,
	}, {
		name:   "increase below 0",
		target: plan.Target{Goal: plan.Goal{AtLeast: fp(400)}, Baseline: baseline(2012, 100), By: 2014},
		pts:    []pt{at2(2013, 99)},
		cagr:   -0.01, required: 1, ratio: -0.01, projected: 99 * 0.99, status: MovingAway,
	}, {
		// Zero is replaced by 0.001: required (0.001 / 10)^(1/3) − 1.
		name:   "zero goal",
		target: plan.Target{Unit: plan.UnitCount, Goal: plan.Goal{Zero: true}, Baseline: baseline(2012, 10), By: 2015},
		pts:    []pt{at2(2013, 5)},
		cagr:   -0.5, required: math.Cbrt(0.0001) - 1, ratio: 0.5 / (1 - math.Cbrt(0.0001)), projected: 1.25,
		status: OffTrack, note: NoteZeroReplaced,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.target.Method = GrowthRatio
			tp := Compute(targetPlan(tt.target, tt.pts...), 0).Target("t")
			if tp.Method != GrowthRatio {
				t.Errorf("Method = %q, want %q", tp.Method, GrowthRatio)
			}
			checkValue(t, "ObservedGrowth", tp.ObservedGrowth, tt.cagr)
			checkValue(t, "RequiredGrowth", tp.RequiredGrowth, tt.required)
			checkValue(t, "Ratio", tp.Ratio, tt.ratio)
			checkValue(t, "Projected", tp.Projected, tt.projected)
			if tp.Ratio != nil && tp.Ratio.Formula != FormulaGrowthRatio {
				t.Errorf("Ratio.Formula = %q, want %q", tp.Ratio.Formula, FormulaGrowthRatio)
			}
			if tp.Status != tt.status {
				t.Errorf("Status = %s, want %s", tp.Status, tt.status)
			}
			if tt.note != "" && !hasNote(tp.Notes, tt.note) {
				t.Errorf("Notes = %v, want %s among them", tp.Notes, tt.note)
			}
		})
	}

	// The province in 2013 by growth: CAGR = 10.44 / 12.11 − 1;
	// CAGR_target = (9 / 12.11)^(1/3) − 1; R = 1.46: on_track.
	p := bacGiangPlan()
	p.Targets[0].Method = GrowthRatio
	tp := Compute(p, 2013).Target("2a")
	want := (10.44/12.11 - 1) / (math.Cbrt(9/12.11) - 1)
	checkValue(t, "Bắc Giang 2013 growth Ratio", tp.Ratio, want)
	if tp.Status != OnTrack {
		t.Errorf("Bắc Giang 2013 growth Status = %s, want %s", tp.Status, OnTrack)
	}
}

// A yearly reduction is checked year by year and on average. Sơn Động:
// 53.34 % in 2010; 50.34 in 2011 (a fall of 3: below the band), 45.84 in
// 2012 (4.5: within), 40.34 in 2013 (5.5: above). Average
// (53.34 − 40.34) / 3 = 4.33: within; R = 4.33 / 4 = 1.083: on_track.
func TestYearlyReduction(t *testing.T) {
	target := plan.Target{Scope: "son-dong", Measure: plan.MeasurePoorRate,
		Goal: plan.Goal{ReducePerYear: []float64{4, 5}}, Baseline: plan.Baseline{Year: 2010}, By: 2015}
	p := targetPlan(target)
	p.Areas = append(p.Areas, plan.Area{ID: "son-dong", Kind: plan.KindDistrict, Figures: []plan.Figure{
		{Year: 2010, PoorRate: fp(53.34)},
		{Year: 2011, PoorRate: fp(50.34)},
		{Year: 2012, PoorRate: fp(45.84)},
		{Year: 2013, PoorRate: fp(40.34)},
	}})
	r := Compute(p, 0)
	tp := r.Target("t")
	want := []struct {
		from, to int
		fall     float64
		band     Band
	}{{2010, 2011, 3, BandBelow}, {2011, 2012, 4.5, BandWithin}, {2012, 2013, 5.5, BandAbove}}
	if len(tp.Years) != len(want) {
		t.Fatalf("len(Years) = %d, want %d", len(tp.Years), len(want))
	}
	for i, w := range want {
		y := tp.Years[i]
		if y.From != w.from || y.To != w.to || !near(y.Value.Result, w.fall) || y.Band != w.band {
			t.Errorf("Years[%d] = %d→%d %v %s, want %d→%d %v %s", i, y.From, y.To, y.Value.Result, y.Band, w.from, w.to, w.fall, w.band)
		}
	}
	if tp.Average == nil || !near(tp.Average.Value.Result, 13.0/3) || tp.Average.Band != BandWithin {
		t.Errorf("Average = %+v, want 4.33 within", tp.Average)
	}
	checkValue(t, "Ratio", tp.Ratio, 13.0/3/4)
	if tp.Status != OnTrack {
		t.Errorf("Status = %s, want %s", tp.Status, OnTrack)
	}
	// The area shows the same checks against the band.
	ap := r.Area("son-dong")
	if len(ap.Bands) != 1 || ap.Bands[0].Target != "t" || ap.Bands[0].Low != 4 || ap.Bands[0].High != 5 || len(ap.Bands[0].Years) != 3 {
		t.Errorf("Area(son-dong).Bands = %+v, want one band 4–5 of target t with 3 years", ap.Bands)
	}

	// With only the 2010 figure and a 2012 baseline year, nothing is known.
	p.Targets[0].Baseline.Year = 2012
	p.Areas[1].Figures = p.Areas[1].Figures[:1]
	if tp := Compute(p, 0).Target("t"); tp.Status != NoData {
		t.Errorf("Compute(2010 figure only, baseline 2012).Status = %s, want %s", tp.Status, NoData)
	}
}

// A count per year: 3–5 models a year over 2013–2015.
func TestPerYear(t *testing.T) {
	target := plan.Target{Unit: plan.UnitCount, Goal: plan.Goal{PerYear: []float64{3, 5}}, By: 2015}
	tests := []struct {
		name      string
		pts       []pt
		asOf      int
		status    Status
		average   float64
		share     float64
		projected float64
		bands     []Band
		closed    bool
	}{
		// average (4 + 2) / 2 = 3; R = 1; share 6 / 9; projected 6 + 3 = 9.
		{"two years", []pt{at2(2013, 4), at2(2014, 2)}, 0, OnTrack, 3, 6.0 / 9, 9, []Band{BandWithin, BandBelow}, false},
		{"all years", []pt{at2(2013, 4), at2(2014, 2), at2(2015, 3)}, 0, Achieved, 3, 1, none, []Band{BandWithin, BandBelow, BandWithin}, false},
		// 2 + 2 + 6 = 10 ≥ 9 although one year is short.
		{"short year made up", []pt{at2(2013, 2), at2(2014, 2), at2(2015, 6)}, 0, Achieved, 10.0 / 3, 1, none, []Band{BandBelow, BandBelow, BandAbove}, false},
		// 2014 unknown: the plan's years are not all counted.
		{"a year missing", []pt{at2(2013, 5), at2(2015, 5)}, 0, OnTrack, 5, 10.0 / 9, none, []Band{BandWithin, BandWithin}, true},
		// average 1.5; R = 0.5.
		{"slow", []pt{at2(2013, 1), at2(2014, 2)}, 0, OffTrack, 1.5, 3.0 / 9, 4.5, []Band{BandBelow, BandBelow}, false},
		// One year is already a yearly count.
		{"one year", []pt{at2(2013, 6), at2(2014, 2)}, 2013, OnTrack, 6, 6.0 / 9, 18, []Band{BandAbove}, false},
		{"none", nil, 0, NoData, none, none, none, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := targetPlan(target, tt.pts...)
			p.Document.Period = plan.Period{Start: 2013, End: 2015}
			tp := Compute(p, tt.asOf).Target("t")
			if tp.Status != tt.status {
				t.Errorf("Status = %s, want %s", tp.Status, tt.status)
			}
			checkValue(t, "Observed", tp.Observed, tt.average)
			share := tt.share
			if !math.IsNaN(share) {
				share = math.Min(share, 1)
			}
			checkValue(t, "Share", tp.Share, share)
			checkValue(t, "Projected", tp.Projected, tt.projected)
			if len(tp.Years) != len(tt.bands) {
				t.Fatalf("len(Years) = %d, want %d", len(tp.Years), len(tt.bands))
			}
			for i, b := range tt.bands {
				if tp.Years[i].Band != b {
					t.Errorf("Years[%d].Band = %s, want %s", i, tp.Years[i].Band, b)
				}
			}
			if tp.Closed != tt.closed {
				t.Errorf("Closed = %v, want %v", tp.Closed, tt.closed)
			}
		})
	}
	// The growth ratio does not apply to counts per year.
	target.Method = GrowthRatio
	tp := Compute(targetPlan(target, at2(2013, 4)), 0).Target("t")
	if tp.Method != Linear || !hasNote(tp.Notes, NoteLinearOnly) {
		t.Errorf("Compute(per_year, growth_ratio) = %s %v, want %s with %s", tp.Method, tp.Notes, Linear, NoteLinearOnly)
	}
}

// Missing values are left out, never read as 0; provisional values are
// used and flagged; values of other areas and of later years are left out.
func TestMissingAndProvisional(t *testing.T) {
	target := plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015}
	p := targetPlan(target,
		pt{year: 2013, v: nil},
		pt{year: 2014, v: fp(80), status: plan.Provisional},
		at2(2015, 95))
	p.Observations = append(p.Observations, plan.Observation{Target: "t", Area: "elsewhere", Year: 2014, Value: fp(0)})

	tp := Compute(p, 2014).Target("t")
	// 2013 is missing, not 0: observed (80 − 60) / 2 = 10 = required.
	checkValue(t, "Observed", tp.Observed, 10)
	checkValue(t, "Ratio", tp.Ratio, 1)
	if tp.Status != OnTrack {
		t.Errorf("Status = %s, want %s", tp.Status, OnTrack)
	}
	if !hasNote(tp.Notes, NoteProvisional) || !tp.Latest.Provisional() {
		t.Errorf("Notes = %v, Latest = %+v, want the provisional 2014 value flagged", tp.Notes, tp.Latest)
	}
	if in := tp.Observed.Inputs[0]; in.Name != "v_latest" || !in.Provisional() || in.Year != 2014 || in.Source != "src" {
		t.Errorf("Observed.Inputs[0] = %+v, want the provisional v_latest of 2014 from src", in)
	}
	if tp := Compute(p, 0).Target("t"); tp.Status != Achieved || hasNote(tp.Notes, NoteProvisional) == false {
		t.Errorf("Compute(all) = %s %v, want achieved, still flagged provisional (2014 is used)", tp.Status, tp.Notes)
	}

	// A stated baseline that disagrees with the observation of its year wins,
	// with a warning.
	p = targetPlan(target, at2(2012, 61), at2(2013, 70))
	r := Compute(p, 0)
	if tp := r.Target("t"); tp.Baseline.Value != 60 || len(tp.Series) != 2 {
		t.Errorf("Baseline = %+v, Series = %d, want 60 and 2 values", tp.Baseline, len(tp.Series))
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != WarnBaselineDiffers {
		t.Errorf("Warnings = %+v, want one %s", r.Warnings, WarnBaselineDiffers)
	}

	// Two observations of one year: the first counts, with a warning.
	p = targetPlan(target, at2(2013, 70), at2(2013, 75))
	r = Compute(p, 0)
	if tp := r.Target("t"); tp.Latest.Value != 70 {
		t.Errorf("Latest = %v, want 70 (the first of two)", tp.Latest.Value)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != WarnDuplicate || r.Warnings[0].Pos.Line != 2 {
		t.Errorf("Warnings = %+v, want one %s at line 2", r.Warnings, WarnDuplicate)
	}
}

// A baseline from counts: the figure states no rate, so the rate is worked
// out from the households, and the explanation says how.
func TestBaselineFromCounts(t *testing.T) {
	target := plan.Target{Scope: "d", Measure: plan.MeasurePoorRate, Goal: plan.Goal{AtMost: fp(5)},
		Baseline: plan.Baseline{Year: 2012}, By: 2015}
	p := targetPlan(target)
	p.Areas = append(p.Areas, plan.Area{ID: "d", Kind: plan.KindDistrict, Figures: []plan.Figure{
		{Year: 2012, Households: ip(1000), PoorHouseholds: ip(80), Source: "s"},
		{Year: 2013, PoorRate: fp(7)},
	}})
	tp := Compute(p, 0).Target("t")
	if tp.Baseline == nil || tp.Baseline.Value != 8 || tp.Baseline.Computed == nil || tp.Baseline.Computed.Formula != FormulaRate {
		t.Fatalf("Baseline = %+v, want 8 computed from counts", tp.Baseline)
	}
	// required (5 − 8) / 3 = −1; observed −1: on_track.
	checkValue(t, "Ratio", tp.Ratio, 1)
}

// A first-half figure stands half a year before the end of its year.
func TestHalfYear(t *testing.T) {
	if got := at(2014, 1); got != 2013.5 {
		t.Errorf("at(2014, 1) = %v, want 2013.5", got)
	}
	target := plan.Target{Goal: plan.Goal{AtLeast: fp(90)}, Baseline: baseline(2012, 60), By: 2015}
	// 30 June 2013: 65, half a year after the baseline: observed 10 a year.
	tp := Compute(targetPlan(target, pt{year: 2013, half: 1, v: fp(65)}), 0).Target("t")
	checkValue(t, "Observed", tp.Observed, 10)
	checkValue(t, "Ratio", tp.Ratio, 1)
	// The year's own figure comes after its first half.
	tp = Compute(targetPlan(target, at2(2013, 68), pt{year: 2013, half: 1, v: fp(65)}), 0).Target("t")
	if tp.Latest.Half != 0 || tp.Latest.Value != 68 {
		t.Errorf("Latest = %+v, want the whole-year 68", tp.Latest)
	}
	// A first-half figure of the target year is before the deadline.
	tp = Compute(targetPlan(target, pt{year: 2015, half: 1, v: fp(80)}), 0).Target("t")
	if tp.Closed || tp.Projected == nil {
		t.Errorf("Closed = %v, Projected = %v, want open with a projection", tp.Closed, tp.Projected)
	}
}

// After the target year, an unmet target keeps its pace status and is
// marked closed, with no projection.
func TestClosed(t *testing.T) {
	target := plan.Target{Goal: plan.Goal{AtMost: fp(5)}, Baseline: baseline(2012, 8), By: 2014}
	tp := Compute(targetPlan(target, at2(2015, 6)), 0).Target("t")
	// required (5 − 8) / 2 = −1.5; observed (6 − 8) / 3 = −0.667; R = 0.444.
	checkValue(t, "Ratio", tp.Ratio, (2.0/3)/1.5)
	if tp.Status != OffTrack || !tp.Closed || !hasNote(tp.Notes, NoteClosed) || tp.Projected != nil {
		t.Errorf("Compute = %s closed %v %v projected %v, want off_track, closed, no projection", tp.Status, tp.Closed, tp.Notes, tp.Projected)
	}
}

func TestUnknownScope(t *testing.T) {
	target := plan.Target{Scope: "nowhere", Measure: plan.MeasurePoorRate, Goal: plan.Goal{AtMost: fp(5)}, By: 2015}
	r := Compute(targetPlan(target), 0)
	if tp := r.Target("t"); tp.Status != NoData || !hasNote(tp.Notes, NoteUnknownScope) {
		t.Errorf("Compute(unknown scope) = %s %v, want no_data with %s", tp.Status, tp.Notes, NoteUnknownScope)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != WarnUnknownScope {
		t.Errorf("Warnings = %+v, want one %s", r.Warnings, WarnUnknownScope)
	}
}

func TestNilPlan(t *testing.T) {
	if r := Compute(nil, 0); r == nil || len(r.Targets) != 0 {
		t.Errorf("Compute(nil, 0) = %+v, want an empty report", r)
	}
}

// What it takes from here: the yearly change from the latest value to the
// goal by the target year, for a target not met whose year is ahead; none
// once the target is met or its year reached.
func TestNeeded(t *testing.T) {
	tests := []struct {
		name string
		asOf int
		want float64
	}{
		// 2013: 10.44, goal 9.0 by 2015: (9.0 − 10.44) / 2 = −0.72 a year.
		{"ahead", 2013, (9.0 - 10.44) / 2},
		{"achieved", 2014, none},
		{"one value", 2012, (9.0 - 12.11) / 3},
		{"no data", 2011, none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp := Compute(bacGiangPlan(), tt.asOf).Target("2a")
			checkValue(t, "Needed", tp.Needed, tt.want)
		})
	}
	// The target year reached without the target met: nothing is needed
	// "from here" any more.
	tp := Compute(targetPlan(plan.Target{Unit: plan.UnitPercent, Goal: plan.Goal{AtLeast: fp(90)},
		Baseline: baseline(2012, 80), By: 2015}, at2(2015, 85)), 0).Target("t")
	checkValue(t, "Needed (closed)", tp.Needed, none)
	if tp.Status == Achieved {
		t.Fatalf("Status = %s, want not achieved", tp.Status)
	}
}
