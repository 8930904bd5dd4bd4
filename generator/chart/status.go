package chart

import (
	"plansite/generator/plan"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"plansite/generator/progress"
)

// status counts the targets by status, for the overview.
func (b *builder) status() (*Chart, error) {
	if len(b.r.Targets) == 0 {
		return nil, nil
	}
	counts := map[progress.Status]int{}
	for _, t := range b.r.Targets {
		counts[t.Status]++
	}
	c := &Chart{ID: "overview-status", Kind: KindStatus, Page: PageHome,
		Title: plan.Text{VI: "Chỉ tiêu theo tình trạng", EN: "Targets by status"},
		Table: Table{Head: plan.Text{VI: "Tình trạng", EN: "Status"}, Columns: []Column{{Head: plan.Text{VI: "Số chỉ tiêu", EN: "Targets"}}}},
		Scope: b.scope(b.p.Document.Area, b.p.Document.Period.Start, b.p.Document.Period.End), Sources: sourceList(b.p.Document.Source)}
	for _, s := range progress.Statuses() {
		c.Table.Rows = append(c.Table.Rows, Row{Head: s.Label(), Cells: []Cell{{Value: ptr(float64(counts[s]))}}})
	}
	c.Description = both(func(lang plan.Lang) string {
		var parts []string
		for _, s := range progress.Statuses() {
			if n := counts[s]; n > 0 {
				parts = append(parts, strconv.Itoa(n)+" "+s.Words().In(lang))
			}
		}
		return targetsByStatus.in(lang, len(b.r.Targets), list(lang, parts))
	})
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart {
		bar := charts.NewBar()
		bar.SetGlobalOptions(common(c, lang, false)...)
		bar.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		)
		var names []string
		var data []opts.BarData
		for i, s := range progress.Statuses() {
			names = append(names, s.Label().In(lang))
			data = append(data, opts.BarData{Value: counts[s], ItemStyle: &opts.ItemStyle{Color: s.Colour()},
				Label: &opts.Label{Show: opts.Bool(true), Position: "right", Color: inkColour,
					Formatter: num(lang, *c.Table.Rows[i].Cells[0].Value, 0)}})
		}
		bar.SetXAxis(names).AddSeries(c.Table.Columns[0].Head.In(lang), data,
			charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}))
		bar.XYReversal()
		bar.GridList[0].Right = "40"
		return bar
	})
	return c, err
}
