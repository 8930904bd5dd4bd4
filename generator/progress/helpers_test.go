package progress

import (
	"math"
	"testing"

	"plansite/generator/plan"
)

func fp(x float64) *float64 { return &x }
func ip(x int) *int         { return &x }

// pt is an observation in a test plan.
type pt struct {
	year, half int
	v          *float64
	status     string
}

func at2(year int, v float64) pt { return pt{year: year, v: fp(v)} }

// targetPlan is a plan with one target "t" (scope "x") and its observations.
func targetPlan(t plan.Target, pts ...pt) *plan.Plan {
	t.ID = "t"
	if t.Scope == "" {
		t.Scope = "x"
	}
	p := &plan.Plan{Targets: []plan.Target{t}, Areas: []plan.Area{{ID: "x", Kind: plan.KindProvince}}}
	for i, o := range pts {
		p.Observations = append(p.Observations, plan.Observation{Target: "t", Year: o.year, Half: o.half,
			Value: o.v, Status: o.status, Source: "src", Node: plan.Node{Pos: plan.Pos{File: "obs.yaml", Line: i + 1}}})
	}
	return p
}

// baseline is a baseline with a value.
func baseline(year int, v float64) plan.Baseline { return plan.Baseline{Year: year, Value: fp(v)} }

// bacGiang is the province with the published figures (facts file).
func bacGiang() plan.Area {
	fig := func(year, households, poor int, rate float64) plan.Figure {
		return plan.Figure{Year: year, Households: ip(households), PoorHouseholds: ip(poor), PoorRate: fp(rate),
			Status: plan.Final, Source: "ktxh-509"}
	}
	return plan.Area{ID: "bac-giang", Kind: plan.KindProvince, Figures: []plan.Figure{
		{Year: 2010, PoorRate: fp(19.61), Status: plan.Final, Source: "vietnamplus-es-47685"},
		fig(2011, 412204, 63379, 15.40),
		fig(2012, 421820, 51085, 12.11),
		fig(2013, 423400, 44541, 10.44),
		fig(2014, 432487, 38386, 8.88),
		fig(2015, 436960, 32772, 7.50),
	}}
}

// bacGiangPlan holds target 2a as data/targets.yaml states it.
func bacGiangPlan() *plan.Plan {
	return &plan.Plan{
		Targets: []plan.Target{{ID: "2a", Unit: plan.UnitPercent, Scope: "bac-giang", Measure: plan.MeasurePoorRate,
			Goal:     plan.Goal{Between: []float64{8.5, 9.0}, Direction: plan.Decrease},
			Baseline: plan.Baseline{Year: 2012}, By: 2015}},
		Areas: []plan.Area{bacGiang()},
	}
}

func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// checkValue compares an explained result with want; a NaN want asks for nil.
func checkValue(t *testing.T, name string, e *Explanation, want float64) {
	t.Helper()
	switch {
	case math.IsNaN(want) && e != nil:
		t.Errorf("%s = %v, want nil", name, e.Result)
	case math.IsNaN(want):
	case e == nil:
		t.Errorf("%s = nil, want %v", name, want)
	case !near(e.Result, want):
		t.Errorf("%s = %v, want %v", name, e.Result, want)
	}
}

func hasNote(notes []Note, n Note) bool {
	for _, x := range notes {
		if x == n {
			return true
		}
	}
	return false
}

var none = math.NaN()
