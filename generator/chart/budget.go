package chart

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// stageNames name the budget stages in a table or a legend, stageWords in
// a sentence, stageMoney as a heading.
var (
	stageNames = map[string]Text{
		progress.StagePlanned:   {VI: "Kế hoạch", EN: "Planned"},
		progress.StageAllocated: {VI: "Đã bố trí", EN: "Allocated"},
		progress.StageDisbursed: {VI: "Đã giải ngân", EN: "Disbursed"},
	}
	stageWords = map[string]Text{
		progress.StagePlanned:   {VI: "kế hoạch", EN: "planned"},
		progress.StageAllocated: {VI: "đã bố trí", EN: "allocated"},
		progress.StageDisbursed: {VI: "đã giải ngân", EN: "disbursed"},
	}
	stageMoney = map[string]Text{
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
	stage, known := "", 0
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
	if stage == "" {
		return nil, nil
	}
	var years []int
	for _, y := range b.r.Budget.ByYear {
		years = append(years, y.Year)
	}
	fundNames := map[string]Text{}
	for _, f := range b.p.Funds {
		fundNames[f.ID] = plain(f.Name)
	}
	var ls []line
	for _, f := range b.r.Budget.ByFund {
		name, ok := fundNames[f.Fund]
		if !ok {
			name = Text{VI: f.Fund, EN: f.Fund}
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
	labels := make([]Text, len(years))
	for i, y := range years {
		labels[i] = when(y, 0)
	}
	c := &Chart{ID: "budget-by-fund-year", Kind: KindStack, Page: PageBudget, Unit: plan.UnitMillionVND,
		Title: Text{VI: stageMoney[stage].VI + " theo nguồn vốn và năm", EN: stageMoney[stage].EN + " by fund and year"},
		Table: seriesTable(Text{VI: "Nguồn vốn", EN: "Fund"}, labels, ls, plan.UnitMillionVND)}
	c.Description = both(func(lang string) string {
		s := c.Title.In(lang) + ", " + unitHeads[plan.UnitMillionVND].In(lang) + "."
		for i := range years {
			var total, most float64
			var top Text
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
				continue
			}
			if lang == EN {
				s += " " + labels[i].EN + ": " + num(lang, total, decimals(total))
				if n > 1 {
					s += ", most of it from " + top.In(lang) + " (" + num(lang, most, decimals(most)) + ")"
				}
			} else {
				s += " Năm " + labels[i].VI + ": " + num(lang, total, decimals(total))
				if n > 1 {
					s += ", nhiều nhất từ " + top.In(lang) + " (" + num(lang, most, decimals(most)) + ")"
				}
			}
			s += "."
		}
		if known < len(lines) {
			if lang == EN {
				s += " Counted from the " + strconv.Itoa(known) + " of " + strconv.Itoa(len(lines)) + " budget lines that state the money " + stageWords[stage].EN + "."
			} else {
				s += " Tính trên " + strconv.Itoa(known) + " trong " + strconv.Itoa(len(lines)) + " dòng ngân sách có ghi số " + stageWords[stage].VI + "."
			}
		}
		return s
	})
	var err error
	c.Options, err = options(c.ID, func(lang string) echart {
		return barChart(c, lang, labels, ls, "total")
	})
	return c, err
}

// stages sets the money planned, allocated and disbursed side by side,
// year by year: how far the money got.
func (b *builder) stages() (*Chart, error) {
	years := b.r.Budget.ByYear
	labels := make([]Text, len(years))
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
		Title: Text{VI: "Kế hoạch, bố trí và giải ngân theo năm", EN: "Planned, allocated and disbursed by year"},
		Table: lineTable(yearHead, labels, ls, plan.UnitMillionVND, false)}
	total := b.r.Budget.Total
	c.Description = both(func(lang string) string {
		s := c.Title.In(lang) + ", " + unitHeads[plan.UnitMillionVND].In(lang) + "."
		for i := range years {
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
			if lang == EN {
				s += " " + labels[i].EN + ": " + list(lang, parts)
				if missing != nil {
					s += "; no figure yet for the money " + list(lang, missing)
				}
			} else {
				s += " Năm " + labels[i].VI + ": " + list(lang, parts)
				if missing != nil {
					s += "; chưa có số liệu " + list(lang, missing)
				}
			}
			s += "."
		}
		rate := func(e *progress.Explanation) string { return withUnit(lang, e.Result*100, 1, plan.UnitPercent) }
		var rates []string
		if e := total.AllocatedRate; e != nil {
			if lang == EN {
				rates = append(rates, rate(e)+" of the planned money was allocated")
			} else {
				rates = append(rates, "đã bố trí "+rate(e)+" số kế hoạch")
			}
		}
		if e := total.DisbursedRate; e != nil {
			if lang == EN {
				rates = append(rates, rate(e)+" of the allocated money was disbursed")
			} else {
				rates = append(rates, "đã giải ngân "+rate(e)+" số đã bố trí")
			}
		}
		if rates != nil {
			if lang == EN {
				s += " Over the lines that state both numbers, " + list(lang, rates) + "."
			} else {
				s += " Trên các dòng có đủ cả hai số, " + list(lang, rates) + "."
			}
		}
		return s
	})
	var err error
	c.Options, err = options(c.ID, func(lang string) echart {
		return barChart(c, lang, labels, ls, "")
	})
	return c, err
}

// barChart is the ECharts option of bars of each line by year, stacked
// when stack is set; a missing value draws no bar.
func barChart(c *Chart, lang string, labels []Text, ls []line, stack string) echart {
	bar := charts.NewBar()
	bar.SetGlobalOptions(common(c, lang, true)...)
	bar.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: unitHeads[plan.UnitMillionVND].In(lang)}),
	)
	x := make([]string, len(labels))
	for i, t := range labels {
		x[i] = t.In(lang)
	}
	bar.SetXAxis(x)
	for _, l := range ls {
		data := make([]opts.BarData, len(l.values))
		for i, v := range l.values {
			data[i] = opts.BarData{Value: "-"}
			if v != nil {
				data[i] = opts.BarData{Value: *v}
			}
		}
		bar.AddSeries(l.name.In(lang), data, charts.WithBarChartOpts(opts.BarChart{Stack: stack, BarWidth: "28%"}))
	}
	return bar
}
