package progress

import (
	"testing"

	"plansite/generator/plan"
)

// budgetPlan has five lines (million VND):
//
//	L1 1-1 tw   2013       planned 100, allocated 80, disbursed 60
//	L2 1-1 tinh 2013       planned 50
//	L3 1-2 tw   2014       allocated 40, disbursed 40
//	L4 9-9 zz   2014       planned 10 (unknown policy and fund)
//	L5 1-2 tw   2014 dist  planned 20, allocated 20, disbursed 10
func budgetPlan() *plan.Plan {
	line := func(policy, fund string, year int, area string, planned, allocated, disbursed *float64) plan.BudgetLine {
		return plan.BudgetLine{Policy: policy, Fund: fund, Year: year, Area: area, Planned: planned, Allocated: allocated, Disbursed: disbursed, Source: "s"}
	}
	return &plan.Plan{
		Document: plan.Document{Area: "prov"},
		Funds:    []plan.Fund{{ID: "tinh"}, {ID: "tw"}},
		Policies: []plan.Policy{{ID: "1-2"}, {ID: "1-1"}},
		Areas: []plan.Area{
			{ID: "prov", Kind: plan.KindProvince, Figures: []plan.Figure{{Year: 2013, LeftPoverty: ip(50)}, {Year: 2014, LeftPoverty: ip(25)}}},
			{ID: "dist", Parent: "prov", Kind: plan.KindDistrict, Figures: []plan.Figure{{Year: 2014, LeftPoverty: ip(10)}}},
		},
		BudgetLines: []plan.BudgetLine{
			line("1-1", "tw", 2013, "", fp(100), fp(80), fp(60)),
			line("1-1", "tinh", 2013, "", fp(50), nil, nil),
			line("1-2", "tw", 2014, "", nil, fp(40), fp(40)),
			line("9-9", "zz", 2014, "", fp(10), nil, nil),
			line("1-2", "tw", 2014, "dist", fp(20), fp(20), fp(10)),
		},
	}
}

type stages struct{ planned, allocated, disbursed, allocRate, disbRate float64 }

func checkTotals(t *testing.T, name string, got Totals, want stages) {
	t.Helper()
	checkValue(t, name+".Planned", got.Planned, want.planned)
	checkValue(t, name+".Allocated", got.Allocated, want.allocated)
	checkValue(t, name+".Disbursed", got.Disbursed, want.disbursed)
	checkValue(t, name+".AllocatedRate", got.AllocatedRate, want.allocRate)
	checkValue(t, name+".DisbursedRate", got.DisbursedRate, want.disbRate)
}

func TestBudget(t *testing.T) {
	b := Compute(budgetPlan(), 0).Budget
	// Rates only over lines that know both: allocated over planned from L1
	// and L5, (80 + 20) / (100 + 20); disbursed over allocated from L1, L3
	// and L5, (60 + 40 + 10) / (80 + 40 + 20).
	// The lines are two sets, 2013 and 2014: they are not added together.
	checkTotals(t, "Total", b.Total, stages{none, none, none, none, none})
	if b.Total.Lines != 5 || b.Total.Apart != 2 {
		t.Errorf("Total.Lines = %d, Apart = %d, want 5 and 2", b.Total.Lines, b.Total.Apart)
	}
	if len(b.Sets) != 2 || b.Sets[0].Year != 2013 || b.Sets[1].Year != 2014 {
		t.Fatalf("Sets = %+v, want 2013 and 2014", b.Sets)
	}
	checkTotals(t, "Sets[2013]", b.Sets[0].Totals, stages{150, 80, 60, 0.8, 0.75})
	checkTotals(t, "Sets[2014]", b.Sets[1].Totals, stages{30, 60, 50, 1, 50.0 / 60})
	if got := b.Sets[1].Areas; len(got) != 2 || got[0] != "" || got[1] != "dist" {
		t.Errorf("Sets[2014].Areas = %q, want the whole area and dist", got)
	}

	// A fund of one set adds up; tw, of two years, does not; no share of
	// a total that is not added.
	funds := []struct {
		id                 string
		totals             stages
		pShare, aShare, dS float64
	}{
		{"tinh", stages{50, none, none, none, none}, none, none, none},
		{"tw", stages{none, none, none, none, none}, none, none, none},
		{"zz", stages{10, none, none, none, none}, none, none, none},
	}
	if len(b.ByFund) != len(funds) {
		t.Fatalf("len(ByFund) = %d, want %d", len(b.ByFund), len(funds))
	}
	for i, w := range funds {
		f := b.ByFund[i]
		if f.Fund != w.id {
			t.Errorf("ByFund[%d].Fund = %s, want %s", i, f.Fund, w.id)
			continue
		}
		checkTotals(t, "ByFund["+w.id+"]", f.Totals, w.totals)
		checkValue(t, "ByFund["+w.id+"].PlannedShare", f.PlannedShare, w.pShare)
		checkValue(t, "ByFund["+w.id+"].AllocatedShare", f.AllocatedShare, w.aShare)
		checkValue(t, "ByFund["+w.id+"].DisbursedShare", f.DisbursedShare, w.dS)
	}

	policies := []struct {
		id     string
		totals stages
	}{
		{"1-2", stages{20, 60, 50, 1, 50.0 / 60}},
		{"1-1", stages{150, 80, 60, 0.8, 0.75}},
		{"9-9", stages{10, none, none, none, none}},
	}
	if len(b.ByPolicy) != len(policies) {
		t.Fatalf("len(ByPolicy) = %d, want %d", len(b.ByPolicy), len(policies))
	}
	for i, w := range policies {
		if b.ByPolicy[i].Policy != w.id {
			t.Errorf("ByPolicy[%d].Policy = %s, want %s", i, b.ByPolicy[i].Policy, w.id)
			continue
		}
		checkTotals(t, "ByPolicy["+w.id+"]", b.ByPolicy[i].Totals, w.totals)
	}

	if len(b.ByYear) != 2 || b.ByYear[0].Year != 2013 || b.ByYear[1].Year != 2014 {
		t.Fatalf("ByYear = %+v, want 2013 and 2014", b.ByYear)
	}
	checkTotals(t, "ByYear[2013]", b.ByYear[0].Totals, stages{150, 80, 60, 0.8, 0.75})
	checkTotals(t, "ByYear[2014]", b.ByYear[1].Totals, stages{30, 60, 50, 1, 50.0 / 60})

	// Costs: the province in 2013 from planned money (L2 knows nothing
	// else), 150 / 50; in 2014 no stage is known by every line. The
	// district in 2014 from disbursed money, 10 / 10.
	want := []struct {
		area  string
		year  int
		stage string
		cost  float64
	}{{"prov", 2013, StagePlanned, 3}, {"dist", 2014, StageDisbursed, 1}}
	if len(b.Costs) != len(want) {
		t.Fatalf("Costs = %+v, want %d", b.Costs, len(want))
	}
	for i, w := range want {
		c := b.Costs[i]
		if c.Area != w.area || c.Year != w.year || c.Stage != w.stage || c.PerHousehold.Result != w.cost {
			t.Errorf("Costs[%d] = %s %d %s %v, want %s %d %s %v", i, c.Area, c.Year, c.Stage, c.PerHousehold.Result, w.area, w.year, w.stage, w.cost)
		}
	}

	// As of 2013, the 2014 lines are left out: one set, which adds up.
	b = Compute(budgetPlan(), 2013).Budget
	checkTotals(t, "Total as of 2013", b.Total, stages{150, 80, 60, 0.8, 0.75})
	if b.Total.Apart != 0 {
		t.Errorf("Total as of 2013: Apart = %d, want 0", b.Total.Apart)
	}
	if len(b.ByYear) != 1 || len(b.Costs) != 1 {
		t.Errorf("as of 2013: %d years, %d costs, want 1 and 1", len(b.ByYear), len(b.Costs))
	}
}

// Lines of the same fund and year from different documents are not added;
// a cost per household leaving poverty counts no credit, is never worked
// out over several years, and says why where it is not comparable.
func TestBudgetSetsAndCosts(t *testing.T) {
	p := &plan.Plan{
		Document: plan.Document{Area: "prov"},
		Funds:    []plan.Fund{{ID: "credit", Kind: plan.FundCredit}, {ID: "tw", Kind: plan.FundCentral}},
		Areas: []plan.Area{{ID: "prov", Figures: []plan.Figure{
			{Year: 2013, LeftPoverty: ip(100)}, {Year: 2014, LeftPoverty: ip(200)}, {Year: 2015, LeftPoverty: ip(300)},
		}}},
		BudgetLines: []plan.BudgetLine{
			{Policy: "a", Fund: "credit", Year: 2013, Planned: fp(33600), Source: "plan-54"},
			{Policy: "a", Fund: "credit", Year: 2013, Disbursed: fp(14000), Source: "three-communes"},
			{Policy: "a", Fund: "tw", Year: 2014, Disbursed: fp(400), Source: "report-2014"},
			{Policy: "b", Fund: "tw", Year: 2014, Disbursed: fp(200), Source: "report-2014"},
			{Policy: "a", Fund: "tw", Year: 2015, Disbursed: fp(300), Source: "report-2015"},
			{Policy: "a", Fund: "tw", Year: 2015, Disbursed: fp(300), Source: "article-2015"},
		},
	}
	b := Compute(p, 0).Budget
	if b.Total.Apart != 5 || b.Total.Planned != nil || b.Total.Disbursed != nil {
		t.Errorf("Total = %+v, want 5 sets apart and no sum", b.Total)
	}
	if y := b.ByYear[0]; y.Year != 2013 || y.Apart != 2 || y.Planned != nil {
		t.Errorf("ByYear[0] = %+v, want 2013 with 2 sets apart", y)
	}
	checkTotals(t, "ByYear[2014]", b.ByYear[1].Totals, stages{none, none, 600, none, none})
	want := []Cost{
		{Area: "prov", Year: 2013, NotComparable: CostCreditOnly},
		{Area: "prov", Year: 2014, Stage: StageDisbursed},
		{Area: "prov", Year: 2015, NotComparable: CostSeveralSets},
	}
	if len(b.Costs) != len(want) {
		t.Fatalf("Costs = %+v, want %d", b.Costs, len(want))
	}
	for i, w := range want {
		c := b.Costs[i]
		if c.Year != w.Year || c.Stage != w.Stage || c.NotComparable != w.NotComparable || (c.PerHousehold == nil) != (w.NotComparable != "") {
			t.Errorf("Costs[%d] = %+v, want %+v", i, c, w)
		}
	}
	checkValue(t, "Costs[2014]", b.Costs[1].PerHousehold, 3)
}
