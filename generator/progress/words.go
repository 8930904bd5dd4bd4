package progress

import (
	"regexp"
	"strings"

	"plansite/generator/plan"
)

// symbols are the names of the formulas' inputs and functions in words,
// the one place they are named for readers: the methodology pages and
// every "how it is computed" note show formulas in these words, never
// their symbols.
var symbols = map[string]plan.Text{
	"v_latest":          {VI: "giá trị mới nhất", EN: "latest value"},
	"v_base":            {VI: "giá trị gốc", EN: "baseline value"},
	"v_target":          {VI: "giá trị cần đạt", EN: "value to reach"},
	"v_prev":            {VI: "giá trị năm trước", EN: "previous value"},
	"v_y":               {VI: "giá trị của năm", EN: "value of the year"},
	"v_first":           {VI: "giá trị đầu tiên", EN: "first value"},
	"v_min":             {VI: "mức thấp nhất có thể", EN: "lowest possible value"},
	"v_max":             {VI: "mức cao nhất có thể", EN: "highest possible value"},
	"t_target":          {VI: "năm đích", EN: "target year"},
	"t_base":            {VI: "năm gốc", EN: "baseline year"},
	"t_latest":          {VI: "năm mới nhất", EN: "latest year"},
	"t_prev":            {VI: "năm trước", EN: "previous year"},
	"t_y":               {VI: "năm đó", EN: "the year"},
	"t_first":           {VI: "năm đầu tiên", EN: "first year"},
	"r_low":             {VI: "mức giảm tối thiểu mỗi năm", EN: "smallest yearly fall"},
	"b_low":             {VI: "cận dưới", EN: "lower bound"},
	"b_high":            {VI: "cận trên", EN: "upper bound"},
	"n_y":               {VI: "số của năm", EN: "count of the year"},
	"n_low":             {VI: "số tối thiểu mỗi năm", EN: "smallest yearly count"},
	"k":                 {VI: "số năm có số liệu", EN: "years with a count"},
	"years":             {VI: "số năm của kế hoạch", EN: "years of the plan"},
	"average":           {VI: "số bình quân", EN: "average count"},
	"observed":          {VI: "tốc độ thực tế", EN: "pace so far"},
	"required":          {VI: "tốc độ cần có", EN: "pace needed"},
	"d":                 {VI: "chiều (+1 tăng, −1 giảm)", EN: "direction (+1 up, −1 down)"},
	"s":                 {VI: "dấu của giá trị gốc", EN: "sign of the baseline value"},
	"CAGR":              {VI: "tăng trưởng bình quân năm", EN: "yearly growth so far"},
	"CAGR_target":       {VI: "tăng trưởng cần có mỗi năm", EN: "yearly growth needed"},
	"n":                 {VI: "số hộ nghèo", EN: "poor households"},
	"N":                 {VI: "tổng số hộ", EN: "all households"},
	"x_i":               {VI: "từng số", EN: "each number"},
	"allocated":         {VI: "số đã phân bổ", EN: "money allocated"},
	"planned":           {VI: "số kế hoạch", EN: "money planned"},
	"disbursed":         {VI: "số đã giải ngân", EN: "money disbursed"},
	"x_fund":            {VI: "số của nguồn vốn", EN: "the fund's money"},
	"x_total":           {VI: "tổng số", EN: "the total"},
	"money":             {VI: "kinh phí", EN: "money"},
	"households_left":   {VI: "số hộ thoát nghèo", EN: "households leaving poverty"},
	"money_y":           {VI: "kinh phí của năm", EN: "money of the year"},
	"households_left_y": {VI: "số hộ thoát nghèo của năm", EN: "households leaving poverty in the year"},
	"share":             {VI: "phần đường đã đi", EN: "share of the way"},
	"R":                 {VI: "tỷ số", EN: "ratio"},
	// Functions.
	"clamp": {VI: "giới hạn trong", EN: "kept within"},
	"max":   {VI: "lớn hơn trong hai số", EN: "the larger of"},
}

// sentences are the formulas that read better as a sentence than symbol
// by symbol.
var sentences = map[string]plan.Text{
	FormulaRank: {VI: "1 + số địa bàn cùng cấp có tỷ lệ thấp hơn", EN: "1 + the number of areas of the same parent with a lower rate"},
}

// reSymbol is a symbol of a formula.
var reSymbol = regexp.MustCompile(`[A-Za-z][A-Za-z_]*`)

// InWords is a formula with its symbols in words, in lang: "(giá trị cần
// đạt − giá trị gốc) / (năm đích − năm gốc)". A symbol the table does
// not know is left as it is; a test holds that every formula's are known.
func InWords(lang plan.Lang, formula string) string {
	if w, ok := sentences[formula]; ok {
		return w.In(lang)
	}
	out := reSymbol.ReplaceAllStringFunc(formula, func(s string) string {
		if w, ok := symbols[s]; ok {
			return w.In(lang)
		}
		return s
	})
	return strings.Join(strings.Fields(out), " ")
}

// SymbolWords are the words of every symbol, by symbol, for the theme.
func SymbolWords() map[string]plan.Text { return symbols }

// Formulas are every formula of the package, for the words the theme
// shows them in (FormulaWords).
var Formulas = []string{
	FormulaTarget, FormulaRangeLow, FormulaRangeHigh, FormulaReduceGoal,
	FormulaShare, FormulaRequired, FormulaObserved, FormulaNeeded,
	FormulaRatio, FormulaProjected, FormulaProjectedFloor, FormulaProjectedClamped,
	FormulaCAGR, FormulaCAGRTarget, FormulaGrowthRatio, FormulaProjectedGrowth, FormulaProjectedGrowthFloor, FormulaProjectedGrowthClamped,
	FormulaFall, FormulaAverageFall,
	FormulaCount, FormulaAverageCount, FormulaRequiredCount, FormulaCountRatio, FormulaCountShare, FormulaCountProjected,
	FormulaRate, FormulaChange, FormulaAverageReduction, FormulaRank,
	FormulaSum, FormulaAllocatedRate, FormulaDisbursedRate, FormulaFundShare, FormulaCost,
}

// FormulaWords are every formula in words, in both languages, by formula.
func FormulaWords() map[string]plan.Text {
	out := map[string]plan.Text{}
	for _, f := range Formulas {
		out[f] = plan.Text{VI: InWords(plan.VI, f), EN: InWords(plan.EN, f)}
	}
	return out
}
