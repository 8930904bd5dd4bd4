package progress

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plansite/generator/plan"
)

// The methodology pages state every formula, and their worked example agrees
// with what Compute gives for the province as of 2013.
func TestMethodology(t *testing.T) {
	tp := Compute(bacGiangPlan(), 2013).Target("2a")
	p := bacGiangPlan()
	p.Targets[0].Method = GrowthRatio
	growth := Compute(p, 2013).Target("2a")
	format := func(x float64, digits int, comma bool) string {
		s := strconv.FormatFloat(x, 'f', digits, 64)
		if comma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return strings.Replace(s, "-", "−", 1)
	}
	for _, lang := range []plan.Lang{plan.VI, plan.EN} {
		md := Methodology(lang)
		comma := lang == plan.VI
		if !strings.HasPrefix(md, "## ") {
			t.Errorf("Methodology(%q) starts with %q, want a heading", lang, md[:min(len(md), 20)])
		}
		if code := reCodeWord.FindString(md); code != "" {
			t.Errorf("Methodology(%q) shows %q to readers: a formula's symbol or a goal kind's name", lang, code)
		}
		if tag := regexp.MustCompile(`<[A-Za-z/!?]`).FindString(md); tag != "" {
			t.Errorf("Methodology(%q) holds %q, which the site would refuse as raw HTML", lang, tag)
		}
		for _, f := range []string{FormulaShare, FormulaRequired, FormulaObserved, FormulaRatio, FormulaProjected,
			FormulaCAGR, FormulaCAGRTarget, "R = " + FormulaGrowthRatio, FormulaProjectedGrowth, FormulaReduceGoal,
			FormulaFall, FormulaAverageFall, FormulaAverageCount, FormulaCountShare, FormulaCountProjected,
			FormulaRate, FormulaChange, FormulaAverageReduction, FormulaAllocatedRate, FormulaDisbursedRate,
			FormulaFundShare, FormulaCost} {
			if w := InWords(lang, f); !strings.Contains(md, w) {
				t.Errorf("Methodology(%q) lacks the formula %q, in words %q", lang, f, w)
			}
		}
		for _, n := range []string{
			format(tp.Required.Result, 4, comma),
			format(tp.Observed.Result, 2, comma),
			format(tp.Ratio.Result, 2, comma),
			format(tp.Share.Result, 3, comma),
			format(tp.Projected.Result, 2, comma),
			format(growth.ObservedGrowth.Result, 4, comma),
			format(growth.RequiredGrowth.Result, 4, comma),
			format(growth.Ratio.Result, 2, comma),
			format(math.Round(tp.Share.Result*100), 0, comma) + "%",
		} {
			if !strings.Contains(strings.ReplaceAll(md, " %", "%"), n) {
				t.Errorf("Methodology(%q) lacks %s, a number of the worked example", lang, n)
			}
		}
	}
	if Methodology(plan.Both) != Methodology(plan.VI) {
		t.Errorf("Methodology(Both) is not the Vietnamese page")
	}
}
