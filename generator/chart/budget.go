package chart

import (
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// stageNames name the budget stages in a table or a legend, stageWords in
// a sentence, stageMoney as a heading.
var (
	stageNames = map[string]plan.Text{
		progress.StagePlanned:   {VI: "Kế hoạch", EN: "Planned"},
		progress.StageAllocated: {VI: "Đã bố trí", EN: "Allocated"},
		progress.StageDisbursed: {VI: "Đã giải ngân", EN: "Disbursed"},
	}
	stageWords = map[string]plan.Text{
		progress.StagePlanned:   {VI: "kế hoạch", EN: "planned"},
		progress.StageAllocated: {VI: "đã bố trí", EN: "allocated"},
		progress.StageDisbursed: {VI: "đã giải ngân", EN: "disbursed"},
	}
	stageMoney = map[string]plan.Text{
		progress.StagePlanned:   {VI: "Kinh phí theo kế hoạch", EN: "Money planned"},
		progress.StageAllocated: {VI: "Kinh phí đã bố trí", EN: "Money allocated"},
		progress.StageDisbursed: {VI: "Kinh phí đã giải ngân", EN: "Money disbursed"},
	}
	stages = []string{progress.StagePlanned, progress.StageAllocated, progress.StageDisbursed}
)

func stageOf(l *plan.BudgetLine, stage string) *float64 {
	switch stage {
	case progress.StagePlanned:
		return l.Planned
	case progress.StageAllocated:
		return l.Allocated
	}
	return l.Disbursed
}

// lines are the budget lines the report takes into account.
func (b *builder) lines() []*plan.BudgetLine {
	var out []*plan.BudgetLine
	for i := range b.p.BudgetLines {
		if l := &b.p.BudgetLines[i]; b.r.AsOf == 0 || l.Year <= b.r.AsOf {
			out = append(out, l)
		}
	}
	return out
}

// byFundYear stacks the money of each fund by year, at the stage the most
// budget lines know (allocated first when several tie): the stages are
// not added together.
func (b *builder) byFundYear() (*Chart, error) {
	lines := b.lines()
	stage, known := commonStage(lines)
	if stage == "" || !oneSetAYear(lines, stage) {
		// A year's stack is a total of the year: drawn only where the
		// year's money at the stage is of one set.
		return nil, nil
	}
	var years []int
	for _, y := range b.r.Budget.ByYear {
		years = append(years, y.Year)
	}
	labels := make([]plan.Text, len(years))
	for i, y := range years {
		labels[i] = when(y, 0)
	}
	ls := b.fundLines(lines, stage, years)
	c := &Chart{ID: "budget-by-fund-year", Kind: KindStack, Page: PageBudget, Unit: plan.UnitMillionVND,
		Title: both(func(lang plan.Lang) string { return byFundAndYear.in(lang, stageMoney[stage].In(lang)) }),
		Table: seriesTable(plan.Text{VI: "Nguồn vốn", EN: "Fund"}, labels, ls, plan.UnitMillionVND)}
	c.Scope, c.Sources = b.scope(b.p.Document.Area, years...), lineSources(lines)
	c.Description = describeFundYear(c, labels, ls, stage, known, len(lines))
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart {
		return barChart(c, lang, labels, ls, "total", nil)
	})
	return c, err
}

// lineSources are the sources of budget lines.
func lineSources(lines []*plan.BudgetLine) []string {
	var ids []string
	for _, l := range lines {
		ids = append(ids, l.Source)
	}
	return sourceList(ids...)
}

// oneSetAYear reports whether, each year, the lines that state the money
// at the stage belong to one set (progress.SetKey).
func oneSetAYear(lines []*plan.BudgetLine, stage string) bool {
	set := map[int]string{}
	for _, l := range lines {
		if stageOf(l, stage) == nil {
			continue
		}
		k := progress.SetKey(l)
		if s, ok := set[l.Year]; ok && s != k {
			return false
		}
		set[l.Year] = k
	}
	return true
}

// commonStage is the stage the most of lines state the money of, allocated
// first when several tie, and how many lines state it; "" when none does.
func commonStage(lines []*plan.BudgetLine) (stage string, known int) {
	for _, s := range []string{progress.StageAllocated, progress.StageDisbursed, progress.StagePlanned} {
		n := 0
		for _, l := range lines {
			if stageOf(l, s) != nil {
				n++
			}
		}
		if n > known {
			stage, known = s, n
		}
	}
	return stage, known
}

// fundLines are the money of each fund at the stage, a value a year of
// years, summed over lines; a fund with no money in any year has no line.
func (b *builder) fundLines(lines []*plan.BudgetLine, stage string, years []int) []line {
	var ls []line
	for _, f := range b.r.Budget.ByFund {
		name := plan.Text{VI: f.Fund, EN: f.Fund}
		if fund := b.x.Fund(f.Fund); fund != nil {
			name = plain(fund.Name)
		}
		l := line{name: name, values: make([]*float64, len(years))}
		any := false
		for i, y := range years {
			var sum float64
			n := 0
			for _, ln := range lines {
				if ln.Fund == f.Fund && ln.Year == y && stageOf(ln, stage) != nil {
					sum += *stageOf(ln, stage)
					n++
				}
			}
			if n > 0 {
				l.values[i], any = ptr(round(sum)), true
			}
		}
		if any {
			ls = append(ls, l)
		}
	}
	byTotal(ls)
	return ls
}

// byTotal orders lines that are parts of a whole (the funds of the
// budget) by their total, largest first, so that the legend and the table
// lead with the largest and it is never the one out of sight; lines of
// equal totals keep their order.
func byTotal(ls []line) {
	total := func(l line) float64 {
		var t float64
		for _, v := range l.values {
			if v != nil {
				t += *v
			}
		}
		return t
	}
	sort.SliceStable(ls, func(i, j int) bool { return total(ls[i]) > total(ls[j]) })
}

// describeFundYear gives the money of each year of labels, the i-th value
// of the funds' lines ls, and the fund most of it came from, then, when
// only known of all the budget lines state the money at the stage, says
// so.
func describeFundYear(c *Chart, labels []plan.Text, ls []line, stage string, known, all int) plan.Text {
	return both(func(lang plan.Lang) string {
		s := titleWithUnit(c, lang)
		for i, year := range labels {
			s += fundYearSentence(lang, year, ls, i)
		}
		if known < all {
			s += " " + countedFrom.in(lang, known, all, stageWords[stage].In(lang))
		}
		return s
	})
}

// titleWithUnit is a chart's title and its unit, as a description starts.
func titleWithUnit(c *Chart, lang plan.Lang) string {
	return c.Title.In(lang) + ", " + unitHeads[c.Unit].In(lang) + "."
}

// fundYearSentence gives the money of the year, the i-th value of the
// funds' lines ls, and the fund most of it came from, after a space; it is
// empty when no fund has money that year.
func fundYearSentence(lang plan.Lang, year plan.Text, ls []line, i int) string {
	var total, most float64
	var top plan.Text
	n := 0
	for _, l := range ls {
		if v := l.values[i]; v != nil {
			total += *v
			n++
			if *v > most || top.VI == "" {
				most, top = *v, l.name
			}
		}
	}
	if n == 0 {
		return ""
	}
	s := inYear.in(lang, year.In(lang), num(lang, total, decimals(total)))
	if n > 1 {
		s += ", " + mostFrom.in(lang, top.In(lang), num(lang, most, decimals(most)))
	}
	return " " + s + "."
}

// stages sets the money planned, allocated and disbursed side by side,
// year by year: how far the money got.
func (b *builder) stages() (*Chart, error) {
	years := b.r.Budget.ByYear
	for _, y := range years {
		if y.Apart > 0 {
			// The year's lines are of several sets: its stages are not
			// one flow of money.
			return nil, nil
		}
	}
	labels := make([]plan.Text, len(years))
	ls := make([]line, len(stages))
	for k, s := range stages {
		ls[k] = line{name: stageNames[s], values: make([]*float64, len(years))}
	}
	any := false
	for i, y := range years {
		labels[i] = when(y.Year, 0)
		for k, e := range []*progress.Explanation{y.Planned, y.Allocated, y.Disbursed} {
			if e != nil {
				ls[k].values[i], any = ptr(e.Result), true
			}
		}
	}
	if !any {
		return nil, nil
	}
	c := &Chart{ID: "budget-stages", Kind: KindStages, Page: PageBudget, Unit: plan.UnitMillionVND,
		Title: plan.Text{VI: "Kế hoạch, bố trí và giải ngân theo năm", EN: "Planned, allocated and disbursed by year"},
		Table: lineTable(yearHead, labels, ls, plan.UnitMillionVND, false)}
	var ys []int
	for _, y := range years {
		ys = append(ys, y.Year)
	}
	c.Scope, c.Sources = b.scope(b.p.Document.Area, ys...), lineSources(b.lines())
	c.Description = describeStages(c, labels, ls, b.r.Budget.Total)
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart {
		return barChart(c, lang, labels, ls, "", stagePalette)
	})
	return c, err
}

// describeStages gives the money of each stage year by year, the stages'
// lines ls over the years labels, then the rates of the total.
func describeStages(c *Chart, labels []plan.Text, ls []line, total progress.Totals) plan.Text {
	return both(func(lang plan.Lang) string {
		s := titleWithUnit(c, lang)
		for i, year := range labels {
			var parts, missing []string
			for k, stage := range stages {
				if x := ls[k].values[i]; x != nil {
					parts = append(parts, stageWords[stage].In(lang)+" "+num(lang, *x, decimals(*x)))
				} else {
					missing = append(missing, stageWords[stage].In(lang))
				}
			}
			if parts == nil {
				continue
			}
			s += " " + inYear.in(lang, year.In(lang), list(lang, parts))
			if missing != nil {
				s += "; " + noFigureFor.in(lang, list(lang, missing))
			}
			s += "."
		}
		rate := func(e *progress.Explanation) string { return withUnit(lang, e.Result*100, 1, plan.UnitPercent) }
		var rates []string
		if e := total.AllocatedRate; e != nil {
			rates = append(rates, allocatedRate.in(lang, rate(e)))
		}
		if e := total.DisbursedRate; e != nil {
			rates = append(rates, disbursedRate.in(lang, rate(e)))
		}
		if rates != nil {
			s += " " + overBoth.in(lang, list(lang, rates))
		}
		return s
	})
}

// stagePalette colours the stages planned, allocated and disbursed: an
// ordered sequence, so light to dark in the map's sequential palette, each
// bar outlined so that the lightest stands out from the page.
var stagePalette = []string{mapPalette[1], mapPalette[2], mapPalette[4]}

// barChart is the ECharts option of bars of each line by year, stacked
// when stack is set; a missing value draws no bar. The lines of an ordered
// sequence take colours, outlined, one a line; others the palette's.
func barChart(c *Chart, lang plan.Lang, labels []plan.Text, ls []line, stack string, colours []string) echart {
	bar := charts.NewBar()
	bar.SetGlobalOptions(overTime(c, lang, true, plan.UnitMillionVND, opts.YAxis{})...)
	bar.SetXAxis(textsIn(lang, labels))
	for _, l := range ls {
		data := make([]opts.BarData, len(l.values))
		for i, v := range l.values {
			data[i] = opts.BarData{Value: "-"}
			if v != nil {
				data[i] = opts.BarData{Value: *v}
			}
		}
		so := []charts.SeriesOpts{charts.WithBarChartOpts(opts.BarChart{Stack: stack, BarWidth: "28%"})}
		if i := len(bar.MultiSeries); i < len(colours) {
			so = append(so, charts.WithItemStyleOpts(opts.ItemStyle{Color: colours[i], BorderColor: markColour, BorderWidth: 1}))
		}
		bar.AddSeries(l.name.In(lang), data, so...)
	}
	return hatched{bar}
}
