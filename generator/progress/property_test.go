package progress

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"plansite/generator/plan"
)

// statusRank orders the verdicts from worst to best.
func statusRank(s Status) int {
	switch s {
	case MovingAway:
		return 0
	case OffTrack:
		return 1
	case NeedsAcceleration:
		return 2
	case OnTrack:
		return 3
	case Achieved:
		return 4
	}
	return -1
}

// randomGoal is a goal of a level kind, with its direction: +1 up, −1 down.
func randomGoal(r *rand.Rand, base float64) (plan.Goal, float64) {
	goal := math.Round(r.Float64()*1000) / 10
	lo, hi := goal, goal+math.Round(r.Float64()*50)/10
	switch r.IntN(6) {
	case 0:
		return plan.Goal{AtLeast: fp(goal)}, 1
	case 1:
		return plan.Goal{Above: fp(goal)}, 1
	case 2:
		return plan.Goal{AtMost: fp(goal)}, -1
	case 3:
		return plan.Goal{Zero: true}, -1
	case 4:
		if base > hi {
			return plan.Goal{Between: []float64{lo, hi}, Direction: plan.Decrease}, -1
		}
		return plan.Goal{Between: []float64{lo, hi}, Direction: plan.Increase}, 1
	}
	return plan.Goal{ReducePerYear: []float64{lo / 10, hi / 10}}, -1
}

// Shares stay within 0–1, and every explained result is a finite number,
// whatever the values.
func TestPropertyShareInRange(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		base := math.Round(r.Float64()*1000) / 10
		g, _ := randomGoal(r, base)
		target := plan.Target{Goal: g, Baseline: baseline(2012, base), By: 2012 + 1 + r.IntN(5)}
		if r.IntN(2) == 0 {
			target.Method = GrowthRatio
		}
		var pts []pt
		for y := 2013; y <= 2018; y++ {
			if r.IntN(3) > 0 {
				pts = append(pts, pt{year: y, half: r.IntN(2), v: fp(math.Round(r.Float64()*1000) / 10)})
			}
		}
		tp := Compute(targetPlan(target, pts...), 0).Target("t")
		if tp.Share != nil && (tp.Share.Result < 0 || tp.Share.Result > 1) {
			t.Fatalf("case %d: Share = %v, want 0–1 (%+v, %+v)", i, tp.Share.Result, target, pts)
		}
		for _, e := range []*Explanation{tp.Goal, tp.Share, tp.Required, tp.Observed, tp.RequiredGrowth, tp.ObservedGrowth, tp.Ratio, tp.Projected} {
			if e != nil && (math.IsNaN(e.Result) || math.IsInf(e.Result, 0)) {
				t.Fatalf("case %d: %s = %v, want a finite number", i, e.Formula, e.Result)
			}
		}
		if statusRank(tp.Status) < 0 && tp.Status != InsufficientData && tp.Status != NoData {
			t.Fatalf("case %d: Status = %q, not a status", i, tp.Status)
		}
	}
}

// A better latest value never gives a worse status, by either method.
func TestPropertyStatusMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		base := 1 + math.Round(r.Float64()*990)/10
		g, d := randomGoal(r, base)
		target := plan.Target{Goal: g, Baseline: baseline(2012, base), By: 2013 + r.IntN(5)}
		method := Linear
		if r.IntN(2) == 0 {
			method = GrowthRatio
		}
		target.Method = method
		year := 2013 + r.IntN(5)
		v1 := 0.1 + math.Round(r.Float64()*1000)/10
		v2 := 0.1 + math.Round(r.Float64()*1000)/10
		if d*v1 > d*v2 {
			v1, v2 = v2, v1 // v2 is the better value
		}
		s1 := Compute(targetPlan(target, at2(year, v1)), 0).Target("t").Status
		s2 := Compute(targetPlan(target, at2(year, v2)), 0).Target("t").Status
		if statusRank(s2) < statusRank(s1) {
			t.Fatalf("case %d (%s, %+v from %v by %d, in %d): status(%v) = %s, status(%v) = %s; the better value got the worse status",
				i, method, g, base, target.By, year, v1, s1, v2, s2)
		}
	}
}

// The children's totals are the sums of their counts, and only a sum that
// is not the parent's number is flagged.
func TestPropertyChildSums(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 500 {
		n := 1 + r.IntN(12)
		p := &plan.Plan{Areas: []plan.Area{{ID: "p", Kind: plan.KindProvince}}}
		sum := 0
		for k := range n {
			h := r.IntN(100000)
			sum += h
			p.Areas = append(p.Areas, plan.Area{ID: fmt.Sprint("c", k), Parent: "p", Kind: plan.KindDistrict,
				Figures: []plan.Figure{{Year: 2013, Households: ip(h)}}})
		}
		stated := sum
		if r.IntN(2) == 0 {
			stated += r.IntN(3) - 1
		}
		p.Areas[0].Figures = []plan.Figure{{Year: 2013, Households: ip(stated)}}
		res := Compute(p, 0)
		ts := res.Area("p").Totals
		if len(ts) != 1 || ts[0].Sum.Result != float64(sum) || len(ts[0].Sum.Inputs) != n {
			t.Fatalf("case %d: Totals = %+v, want one sum of %d over %d children", i, ts, sum, n)
		}
		if ts[0].Differs != (stated != sum) || (len(res.Warnings) == 1) != (stated != sum) {
			t.Fatalf("case %d: sum %d, stated %d: Differs = %v with %d warnings", i, sum, stated, ts[0].Differs, len(res.Warnings))
		}
	}
}

// Two computations of the same plan are identical, and encode as JSON (no
// NaN or infinity).
func TestDeterministic(t *testing.T) {
	whole := func() *plan.Plan {
		p := budgetPlan()
		bg := bacGiangPlan()
		p.Targets = bg.Targets
		p.Areas = append(p.Areas, bg.Areas...)
		return p
	}
	a, err := json.Marshal(Compute(whole(), 0))
	if err != nil {
		t.Fatalf("json.Marshal(Compute(…)) error: %v", err)
	}
	for range 5 {
		b, _ := json.Marshal(Compute(whole(), 0))
		if string(a) != string(b) {
			t.Fatalf("Compute differs between runs:\n%s\n%s", a, b)
		}
	}
}
