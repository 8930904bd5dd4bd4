package progress

import (
	"testing"

	"plansite/generator/plan"
)

func TestAreaRates(t *testing.T) {
	p := bacGiangPlan()
	p.Areas[0].Figures[3].Pos = plan.Pos{File: "areas.yaml", Line: 40, Col: 9}
	p.Areas[0].Figures[3].Keys = []plan.KeyAt{{Key: FieldPoorRate, Line: 43, Col: 20}}
	r := Compute(p, 0)
	ap := r.Area("bac-giang")
	if len(ap.Years) != 6 {
		t.Fatalf("len(Years) = %d, want 6", len(ap.Years))
	}
	// 2013: the stated 10.44 is shown; the counts' 44541 / 423400 × 100 is kept.
	y := ap.Years[3]
	if y.Year != 2013 || y.Poor.Value != 10.44 || y.Poor.Stated == nil || y.Poor.Computed == nil {
		t.Fatalf("Years[3] = %+v, want 2013 with stated and computed rates", y)
	}
	checkValue(t, "2013 computed rate", y.Poor.Computed, 44541.0/423400*100)
	if y.NearPoor != nil {
		t.Errorf("2013 NearPoor = %+v, want nil (not found)", y.NearPoor)
	}
	// The 2010 figure has no counts: no computed rate, no change before it.
	if ap.Years[0].Poor.Computed != nil || ap.Years[0].PoorChange != nil {
		t.Errorf("Years[0] = %+v, want a stated rate only", ap.Years[0])
	}
	checkValue(t, "2011 PoorChange", ap.Years[1].PoorChange, 15.40-19.61)
	checkValue(t, "2013 PoorChange", ap.Years[3].PoorChange, 10.44-12.11)
	checkValue(t, "AverageReduction", ap.AverageReduction, (19.61-7.50)/5)
	if ap.Latest == nil || ap.Latest.Year != 2015 {
		t.Errorf("Latest = %+v, want 2015", ap.Latest)
	}
	// Only 2013's counts are more than 0.05 points from the stated rate.
	if len(r.Warnings) != 1 {
		t.Fatalf("Warnings = %+v, want one", r.Warnings)
	}
	w := r.Warnings[0]
	if w.Kind != WarnRateMismatch || w.Year != 2013 || w.Stated != 10.44 || !near(w.Computed, 10.5198393954) || w.Pos.Line != 43 {
		t.Errorf("Warnings[0] = %+v, want rate_mismatch 2013 10.44 vs 10.52 at line 43", w)
	}
	prob := w.Problem()
	if prob.Severity != plan.Warning || prob.ID != "bac-giang" || prob.Format(plan.EN) != "areas.yaml:43:20: bac-giang: warning: 2013: poor_rate is stated as 10.44 but the household counts give 10.5198393954" {
		t.Errorf("Problem().Format(EN) = %q", prob.Format(plan.EN))
	}
	if r := Compute(p, 2012); r.Area("bac-giang").Latest.Year != 2012 || len(r.Warnings) != 0 {
		t.Errorf("Compute(2012) latest %d, %d warnings; want 2012, none", r.Area("bac-giang").Latest.Year, len(r.Warnings))
	}
}

// Hiệp Hòa: poor households but no total in 2012, so no rate; a stated
// rate without counts in 2013.
func TestAreaPartialCounts(t *testing.T) {
	p := &plan.Plan{Areas: []plan.Area{{ID: "hiep-hoa", Kind: plan.KindDistrict, Figures: []plan.Figure{
		{Year: 2012, PoorHouseholds: ip(4263), NearPoorHouseholds: ip(3099)},
		{Year: 2013, PoorHouseholds: ip(3484), PoorRate: fp(6.41), NearPoorHouseholds: ip(2457), NearPoorRate: fp(4.52)},
	}}}}
	ap := Compute(p, 0).Area("hiep-hoa")
	if ap.Years[0].Poor != nil || ap.Years[0].NearPoor != nil {
		t.Errorf("2012 rates = %+v %+v, want nil (households unknown)", ap.Years[0].Poor, ap.Years[0].NearPoor)
	}
	if y := ap.Years[1]; y.Poor.Value != 6.41 || y.Poor.Computed != nil || y.NearPoor.Value != 4.52 || y.PoorChange != nil {
		t.Errorf("2013 = %+v, want stated 6.41 and 4.52, nothing computed", y)
	}
	if ap.AverageReduction != nil {
		t.Errorf("AverageReduction = %v, want nil (one year with a rate)", ap.AverageReduction.Result)
	}
}

func TestRank(t *testing.T) {
	fig := func(year int, rate float64) []plan.Figure { return []plan.Figure{{Year: year, PoorRate: fp(rate)}} }
	p := &plan.Plan{Areas: []plan.Area{
		{ID: "p", Kind: plan.KindProvince, Figures: fig(2015, 8)},
		{ID: "a", Parent: "p", Kind: plan.KindDistrict, Figures: fig(2015, 5)},
		{ID: "b", Parent: "p", Kind: plan.KindDistrict, Figures: fig(2015, 3)},
		{ID: "c", Parent: "p", Kind: plan.KindCity, Figures: fig(2015, 5)},
		{ID: "d", Parent: "p", Kind: plan.KindDistrict},
		{ID: "g", Parent: "p", Kind: plan.KindGroup, Figures: fig(2015, 1)},
		{ID: "e", Parent: "q", Kind: plan.KindDistrict, Figures: fig(2014, 9)},
		{ID: "f", Parent: "q", Kind: plan.KindDistrict, Figures: fig(2015, 9)},
		{ID: "h", Parent: "q", Kind: plan.KindDistrict, Figures: fig(2015, 4)},
	}}
	r := Compute(p, 0)
	tests := []struct {
		id      string
		pos, of int // 0: unranked
	}{
		{"p", 0, 0}, // no sibling
		{"a", 2, 3},
		{"b", 1, 3},
		{"c", 2, 3}, // a tie shares a place
		{"d", 0, 0}, // no data
		{"g", 0, 0}, // a group is not ranked among districts
		{"e", 0, 0}, // alone in its year: a 2014 rate is never ranked against 2015's
		{"f", 2, 2}, // ranked only against h, of the same year
		{"h", 1, 2},
	}
	for _, tt := range tests {
		rk := r.Area(tt.id).Rank
		switch {
		case tt.pos == 0 && rk != nil:
			t.Errorf("Area(%s).Rank = %d of %d, want unranked", tt.id, rk.Position, rk.Of)
		case tt.pos == 0:
		case rk == nil:
			t.Errorf("Area(%s).Rank = nil, want %d of %d", tt.id, tt.pos, tt.of)
		case rk.Position != tt.pos || rk.Of != tt.of || rk.Result != float64(tt.pos):
			t.Errorf("Area(%s).Rank = %d of %d, want %d of %d", tt.id, rk.Position, rk.Of, tt.pos, tt.of)
		case rk.Year != 2015:
			t.Errorf("Area(%s).Rank.Year = %d, want 2015", tt.id, rk.Year)
		}
	}
	rk := r.Area("a").Rank
	if rk.Formula != FormulaRank || len(rk.Inputs) != 3 || rk.Inputs[0].Item != "a" || rk.Inputs[1].Item != "b" || rk.Inputs[2].Item != "c" {
		t.Errorf("Area(a).Rank.Explanation = %+v, want a, then b and c by rate", rk.Explanation)
	}
}

// The children's counts against the parent's: households add up; poor
// households of three children already exceed the stated number although
// a fourth child has none; near-poor households of all children differ.
func TestChildTotals(t *testing.T) {
	fig := func(h, poor, near int) []plan.Figure {
		return []plan.Figure{{Year: 2013, Households: ip(h), PoorHouseholds: ip(poor), NearPoorHouseholds: ip(near)}}
	}
	p := &plan.Plan{Areas: []plan.Area{
		{ID: "p", Kind: plan.KindProvince, Figures: []plan.Figure{
			{Year: 2013, Households: ip(300), PoorHouseholds: ip(30), NearPoorHouseholds: ip(20), LeftPoverty: ip(5),
				Node: plan.Node{Pos: plan.Pos{File: "areas.yaml", Line: 6, Col: 7}, Keys: []plan.KeyAt{{Key: FieldPoorHouseholds, Line: 7, Col: 24}}}},
			{Year: 2014, Households: ip(310)},
		}},
		{ID: "a", Parent: "p", Kind: plan.KindDistrict, Figures: fig(100, 10, 5)},
		{ID: "b", Parent: "p", Kind: plan.KindDistrict, Figures: fig(100, 11, 5)},
		{ID: "c", Parent: "p", Kind: plan.KindDistrict, Figures: fig(100, 10, 5)},
		{ID: "d", Parent: "p", Kind: plan.KindDistrict, Figures: []plan.Figure{{Year: 2013, NearPoorHouseholds: ip(6)}}},
		{ID: "g", Parent: "p", Kind: plan.KindGroup, Members: []string{"a", "b"}, MemberCount: 3,
			Figures: []plan.Figure{{Year: 2013, Households: ip(250), PoorHouseholds: ip(20)}}},
	}}
	r := Compute(p, 0)
	tests := []struct {
		area      string
		field     string
		sum       float64
		with, of  int
		differs   bool
		hasResult bool
	}{
		{"p", FieldHouseholds, 300, 3, 4, false, true},
		{"p", FieldPoorHouseholds, 31, 3, 4, true, true},
		{"p", FieldNearPoorHouseholds, 21, 4, 4, true, true},
		{"p", FieldLeftPoverty, 0, 0, 4, false, false}, // no child knows it
		// A group of 3 members, 2 of which the data names: 200 of 250 is
		// not a difference, 21 of 20 is.
		{"g", FieldHouseholds, 200, 2, 3, false, true},
		{"g", FieldPoorHouseholds, 21, 2, 3, true, true},
	}
	for _, tt := range tests {
		var got *ChildTotal
		for i, ct := range r.Area(tt.area).Totals {
			if ct.Field == tt.field && ct.Year == 2013 {
				got = &r.Area(tt.area).Totals[i]
			}
		}
		switch {
		case !tt.hasResult && got != nil:
			t.Errorf("Totals(%s, %s) = %+v, want none", tt.area, tt.field, got)
		case !tt.hasResult:
		case got == nil:
			t.Errorf("Totals(%s, %s) = none, want a sum of %v", tt.area, tt.field, tt.sum)
		case got.Sum.Result != tt.sum || got.With != tt.with || got.Of != tt.of || got.Differs != tt.differs:
			t.Errorf("Totals(%s, %s) = %v (%d of %d, differs %v), want %v (%d of %d, differs %v)",
				tt.area, tt.field, got.Sum.Result, got.With, got.Of, got.Differs, tt.sum, tt.with, tt.of, tt.differs)
		}
	}
	// 2014: the parent states households, no child has a figure.
	for _, ct := range r.Area("p").Totals {
		if ct.Year == 2014 {
			t.Errorf("Totals(p) has 2014 = %+v, want none", ct)
		}
	}
	if n := len(r.Warnings); n != 3 {
		t.Fatalf("len(Warnings) = %d, want 3 (p poor and near-poor, g poor): %+v", n, r.Warnings)
	}
	var w Warning
	for _, x := range r.Warnings {
		if x.Field == FieldPoorHouseholds {
			w = x
		}
	}
	if w.Kind != WarnChildrenTotal || w.Area != "p" || w.Field != FieldPoorHouseholds || w.Stated != 30 || w.Computed != 31 {
		t.Errorf("Warnings[0] = %+v, want children_total of p, poor_households 30 vs 31", w)
	}
	if got, want := w.Problem().Format(plan.EN), "areas.yaml:7:24: p: warning: 2013: the poor_households of 3 of 4 children add up to 31, not the stated 30"; got != want {
		t.Errorf("Problem().Format(EN) = %q, want %q", got, want)
	}

	// Areas outside the plan's own are there for comparison: their
	// children are not all in the data, so their totals are not checked.
	p.Document.Area = "plan-area"
	p.Areas = append(p.Areas, plan.Area{ID: "plan-area", Kind: plan.KindProvince})
	if r := Compute(p, 0); r.Area("p").Totals != nil || r.Area("g").Totals != nil {
		t.Errorf("Totals outside the plan's area = %+v, %+v, want none", r.Area("p").Totals, r.Area("g").Totals)
	}
	p.Document.Area = "p"
	if r := Compute(p, 0); len(r.Area("p").Totals) != 3 || len(r.Area("g").Totals) != 2 {
		t.Errorf("Totals within the plan's area = %+v, %+v, want 3 and 2", r.Area("p").Totals, r.Area("g").Totals)
	}
}

func TestDuplicateFigure(t *testing.T) {
	p := &plan.Plan{Areas: []plan.Area{{ID: "a", Figures: []plan.Figure{
		{Year: 2013, PoorRate: fp(5)},
		{Year: 2013, PoorRate: fp(6), Node: plan.Node{Pos: plan.Pos{File: "areas.yaml", Line: 9}}},
	}}}}
	r := Compute(p, 0)
	if ap := r.Area("a"); len(ap.Years) != 1 || ap.Years[0].Poor.Value != 5 {
		t.Errorf("Years = %+v, want one, the first", ap.Years)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Kind != WarnDuplicate || r.Warnings[0].Pos.Line != 9 {
		t.Errorf("Warnings = %+v, want one duplicate at line 9", r.Warnings)
	}
}
