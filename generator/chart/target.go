package chart

import (
	"math"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// A line is one series of a trend: its values at the chart's points in
// time, nil where it has none.
type line struct {
	name   plan.Text
	values []*float64
	status []string // of each value: final (or empty), provisional, estimate
	// dashed marks the line of what it takes from here: from the latest
	// value to the goal, drawn dashed without markers.
	dashed bool
}

// trend charts a target's values over time against its goal: the goal as a
// line or a band, the baseline year marked, provisional values as hollow
// markers, and the compared areas' values (the national series) beside.
func (b *builder) trend(t *plan.Target, tp *progress.TargetProgress) (*Chart, error) {
	if len(tp.Series) == 0 {
		return nil, nil
	}
	unit := unitOf(t)
	compared := b.compared(t, tp.Series)
	labels, lines := trendLines(b.ownName(t), tp.Series, t.By, compared)
	if l, ok := neededLine(labels, tp); ok {
		lines = append(lines, l)
	}
	g := goalOf(t, tp)
	c := &Chart{ID: "target-" + t.ID + "-trend", Kind: KindTrend, Page: "targets/" + t.ID, Title: plain(t.Name), Unit: unit,
		Description: describeTrend(b.subject(t), t, tp, g, compared, unit),
		Table:       lineTable(yearHead, labels, lines, unit, late(tp.Series) != nil)}
	all := [][]progress.Point{tp.Series}
	for _, cp := range compared {
		all = append(all, cp.pts)
	}
	c.Scope = b.scope(t.Scope, append(pointYears(all...), t.By)...)
	c.Sources = sourceList(pointSources(all...)...)
	if pace := AnswerOf(t, tp).Pace; pace.VI != "" {
		c.Description = both(func(l plan.Lang) string { return c.Description.In(l) + " " + pace.In(l) })
	}
	provisional := late(tp.Series) != nil // drawn hollow, whichever line they are on
	for _, cp := range compared {
		provisional = provisional || late(cp.pts) != nil
	}
	if provisional {
		c.Note = hollowNote
	}
	min, max := trendAxis(lines, g.marks, unit)
	var base string
	if tp.Baseline != nil {
		base = when(tp.Baseline.Year, tp.Baseline.Half).VI
	}
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart {
		l := lineChart(c, lang, labels, lines, unit, min, max, baseline(lang, base)).(*charts.Line)
		if len(g.marks) > 0 {
			g.addKey(l, lang, len(labels))
			// The key of a band is a rectangle of the band's colours.
			keys := make([]any, 0, len(lines)+1)
			for _, ln := range lines {
				keys = append(keys, ln.name.In(lang))
			}
			if len(g.marks) == 2 {
				keys = append(keys, map[string]string{"name": g.label.In(lang), "icon": "rect"})
			} else {
				keys = append(keys, g.label.In(lang))
			}
			lo := legendOpts(true, nil)
			lo.Data = keys
			l.SetGlobalOptions(charts.WithLegendOpts(lo))
		}
		return l
	})
	return c, err
}

// unitOf is the unit of a target's values, its levels.
func unitOf(t *plan.Target) string { return t.LevelUnit() }

// ownName names the line of the target's own values: its area, or else
// the target.
func (b *builder) ownName(t *plan.Target) plan.Text {
	if b.x.Area(t.Scope) == nil {
		return plain(t.Name)
	}
	return b.areaName(t.Scope)
}

// compared are the compared areas' values within the span of the target's
// points pts and its target year.
func (b *builder) compared(t *plan.Target, pts []progress.Point) []named {
	first := pts[0].T()
	last := math.Max(pts[len(pts)-1].T(), float64(t.By))
	var out []named
	for _, id := range t.Compare {
		if cpts := b.comparePoints(t, id, first, last); len(cpts) > 0 {
			out = append(out, named{b.areaName(id), cpts})
		}
	}
	return out
}

// trendLines are the points in time of a trend, labelled, and its lines
// over them: the target's own points pts, named own, then the compared
// areas'. The target year by is a point in time too, with no values.
func trendLines(own plan.Text, pts []progress.Point, by int, compared []named) ([]plan.Text, []line) {
	all := append([]named{{own, pts}}, compared...)
	times := map[float64]plan.Text{}
	if by > 0 {
		times[float64(by)] = when(by, 0)
	}
	for _, n := range all {
		for _, pt := range n.pts {
			times[pt.T()] = when(pt.Year, pt.Half)
		}
	}
	var at []float64
	for x := range times {
		at = append(at, x)
	}
	sort.Float64s(at)
	// Every year between the first and the last, so that the points are
	// spaced by time.
	if len(at) > 0 {
		last := at[len(at)-1]
		for y := int(math.Ceil(at[0])); float64(y) < last; y++ {
			if _, ok := times[float64(y)]; !ok {
				times[float64(y)] = when(y, 0)
				at = append(at, float64(y))
			}
		}
		sort.Float64s(at)
	}
	index := map[float64]int{}
	labels := make([]plan.Text, len(at))
	for i, x := range at {
		index[x] = i
		labels[i] = times[x]
	}
	lines := make([]line, len(all))
	for k, n := range all {
		lines[k] = line{name: n.name, values: make([]*float64, len(at)), status: make([]string, len(at))}
		for _, pt := range n.pts {
			i := index[pt.T()]
			lines[k].values[i], lines[k].status[i] = ptr(pt.Value), pt.Status
		}
	}
	return labels, lines
}

// neededLine is the line of what it takes from here (progress's Needed):
// from the latest value to the goal at the target year, over labels.
func neededLine(labels []plan.Text, tp *progress.TargetProgress) (line, bool) {
	if tp.Needed == nil || tp.Latest == nil || tp.Goal == nil {
		return line{}, false
	}
	from, to := when(tp.Latest.Year, tp.Latest.Half).VI, when(tp.By, 0).VI
	l := line{name: plan.Text(paceLine), values: make([]*float64, len(labels)), status: make([]string, len(labels)), dashed: true}
	found := 0
	for i, lb := range labels {
		switch lb.VI {
		case from:
			l.values[i] = ptr(tp.Latest.Value)
			found++
		case to:
			l.values[i] = ptr(tp.Goal.Result)
			found++
		}
	}
	return l, found == 2
}

// trendAxis is the value axis of lines and the goal's marks.
func trendAxis(lines []line, marks []float64, unit string) (min, max float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, v := range l.values {
			if v != nil {
				lo, hi = math.Min(lo, *v), math.Max(hi, *v)
			}
		}
	}
	for _, v := range marks {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return axisRange(lo, hi, unit)
}

// late names the times of the provisional or estimated points.
func late(pts []progress.Point) []string {
	var out []string
	for _, pt := range pts {
		if pt.Provisional() {
			out = append(out, when(pt.Year, pt.Half).VI)
		}
	}
	return out
}

// comparePoints are the values of the target's measure in the area id,
// from the time first to last.
func (b *builder) comparePoints(t *plan.Target, id string, first, last float64) []progress.Point {
	ap := b.r.Area(id)
	if ap == nil || (t.Measure != plan.MeasurePoorRate && t.Measure != plan.MeasureNearPoorRate) {
		return nil
	}
	var out []progress.Point
	for _, y := range ap.Years {
		rate := y.Poor
		if t.Measure == plan.MeasureNearPoorRate {
			rate = y.NearPoor
		}
		if rate == nil || float64(y.Year) < first || float64(y.Year) > last {
			continue
		}
		out = append(out, progress.Point{Year: y.Year, Value: rate.Value, Status: y.Status, Source: y.Source})
	}
	return out
}

// seriesTable is the table of lines with a row per line and a column per
// label, for many lines over few years (the budget's funds), whose long
// names read better as row headings.
func seriesTable(head plan.Text, labels []plan.Text, lines []line, unit string) Table {
	t := Table{Head: headWithUnit(head, unit), SeriesInRows: true}
	for _, l := range labels {
		t.Columns = append(t.Columns, Column{Head: l})
	}
	for _, l := range lines {
		r := Row{Head: l.name}
		for _, v := range l.values {
			r.Cells = append(r.Cells, Cell{Value: v})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// lineTable is the table of lines over the points in time: a column per
// line and, when some values are provisional, the status of the first
// line's values.
func lineTable(head plan.Text, labels []plan.Text, lines []line, unit string, status bool) Table {
	t := Table{Head: head}
	for _, l := range lines {
		t.Columns = append(t.Columns, Column{Head: headWithUnit(l.name, unit)})
	}
	if status {
		t.Columns = append(t.Columns, Column{Head: plan.Text{VI: "Số liệu", EN: "Figures"}, Words: true})
	}
	for i, label := range labels {
		r := Row{Head: label}
		for _, l := range lines {
			r.Cells = append(r.Cells, Cell{Value: l.values[i]})
		}
		if status {
			var s plan.Text
			if lines[0].values[i] != nil {
				s = figureStatus[lines[0].status[i]]
			}
			r.Cells = append(r.Cells, Cell{Text: s})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// lineChart is the ECharts option of lines over labelled points in time,
// the first line carrying marks; a provisional value is a hollow marker.
func lineChart(c *Chart, lang plan.Lang, labels []plan.Text, lines []line, unit string, min, max float64, marks []charts.SeriesOpts) echart {
	l := charts.NewLine()
	l.SetGlobalOptions(overTime(c, lang, len(lines) > 1, unit, opts.YAxis{Min: min, Max: max})...)
	l.SetXAxis(textsIn(lang, labels))
	for i, ln := range lines {
		data := make([]opts.LineData, len(ln.values))
		for j, v := range ln.values {
			switch {
			case v == nil:
				data[j] = opts.LineData{Value: "-"} // ECharts' missing value: a gap, never 0
			case ln.status[j] == plan.Provisional || ln.status[j] == plan.Estimate:
				data[j] = opts.LineData{Value: *v, Symbol: hollow(symbolOf(i)), SymbolSize: 12}
			default:
				data[j] = opts.LineData{Value: *v}
			}
		}
		so := []charts.SeriesOpts{
			// A year without a value leaves no gap in the line: the years
			// are all on the axis, spaced by time, and the markers say which
			// have values.
			charts.WithLineChartOpts(opts.LineChart{Symbol: symbolOf(i), SymbolSize: 9, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2.5}),
		}
		if ln.dashed {
			so = []charts.SeriesOpts{
				charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ConnectNulls: opts.Bool(true)}),
				charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "dashed", Color: inkColour}),
				charts.WithItemStyleOpts(opts.ItemStyle{Color: inkColour}), // its legend's colour
			}
		}
		if i == 0 {
			so = append(so, marks...)
		}
		l.AddSeries(ln.name.In(lang), data, so...)
	}
	return l
}

// symbolOf is the marker of the i-th series.
func symbolOf(i int) string { return Symbols[i%len(Symbols)] }

// hollow is the hollow form of a marker: emptyCircle for circle.
func hollow(symbol string) string { return "empty" + strings.ToUpper(symbol[:1]) + symbol[1:] }

// A goal is what a trend chart marks: a line at one value or a band, and
// the words for it.
type goal struct {
	words plan.Text // the goal in words: "8,5–9,0 %", "ít nhất 90 %"
	label plan.Text // the mark's label
	marks []float64 // the values marked: one for a line, two for a band
}

// goalOf works out what a target's chart marks: the numbers of its goal,
// but for a yearly fall, the band of the level the falls lead to by the
// target year.
func goalOf(t *plan.Target, tp *progress.TargetProgress) goal {
	ns := t.Goal.Numbers()
	if ns == nil {
		return goal{}
	}
	d := min(decimals(ns...), 1)
	n := func(lang plan.Lang, x float64) string { return num(lang, x, d) }
	u := units[unitOf(t)]
	lo, hi := ns[0], ns[len(ns)-1]
	kind := t.Goal.Kind()
	words := goalWords[kind]
	g := goal{marks: ns}
	switch kind {
	case plan.GoalZero:
		g.words = both(func(l plan.Lang) string { return words.in(l) })
	case plan.GoalBetween:
		g.words = both(func(l plan.Lang) string { return words.in(l, n(l, lo), n(l, hi)+u.In(l)) })
	case plan.GoalPerYear, plan.GoalReducePerYear:
		g.words = both(func(l plan.Lang) string { return words.in(l, n(l, lo), n(l, hi)) })
	default: // a level
		g.words = both(func(l plan.Lang) string { return words.in(l, n(l, lo)+u.In(l)) })
	}
	switch {
	case kind == plan.GoalReducePerYear:
		g.marks = nil
		if len(tp.Series) > 0 && t.By > 0 {
			start := tp.Series[0]
			years := float64(t.By) - start.T()
			top, bottom := math.Max(0, start.Value-lo*years), math.Max(0, start.Value-hi*years)
			if years > 0 {
				dd := decimals(start.Value)
				g.marks = []float64{round(bottom), round(top)}
				g.label = both(func(l plan.Lang) string { return levelDue.in(l, t.By, num(l, bottom, dd), num(l, top, dd)) })
			}
		}
	case kind == plan.GoalPerYear || t.By == 0:
		g.label = both(func(l plan.Lang) string { return goalAnyTime.in(l, g.words.In(l)) })
	default:
		g.label = both(func(l plan.Lang) string { return goalBy.in(l, t.By, g.words.In(l)) })
	}
	return g
}

// baseline is the mark of the baseline year base on the first series:
// a vertical line with its label at the top ("" for none).
func baseline(lang plan.Lang, base string) []charts.SeriesOpts {
	if base == "" {
		return nil
	}
	l := markLabel("end")
	l.Align = "left"
	return []charts.SeriesOpts{lineMark(mark{Name: baselineAt.in(lang, base), XAxis: base, Label: l}), markLines("insideEndTop")}
}

// addKey adds the goal to l as a series of its own that has no values and
// carries the goal's band or line, so that the goal is named in the
// legend, as a key, rather than by a label inside the plot, where the
// lines would cross it wherever it sat. Having no value, it is left out
// of the tooltip (charts.js). n is the number of points on the x axis.
func (g goal) addKey(l *charts.Line, lang plan.Lang, n int) {
	if len(g.marks) == 0 {
		return
	}
	name := g.label.In(lang)
	data := make([]opts.LineData, n)
	for i := range data {
		data[i] = opts.LineData{Value: "-"}
	}
	so := []charts.SeriesOpts{
		charts.WithLineChartOpts(opts.LineChart{Symbol: "none"}),
	}
	if len(g.marks) == 2 {
		so = append(so, band("", g.marks[0], g.marks[1], false)...)
		// The legend draws the series' colour: the band's, with its edge.
		so = append(so, charts.WithItemStyleOpts(opts.ItemStyle{Color: bandKeyColour, BorderColor: bandEdgeColour, BorderWidth: 1}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: bandEdgeColour, Width: 1}))
	} else {
		so = append(so, lineMark(mark{YAxis: ptr(g.marks[0])}), markLines(""),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: markColour}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: markColour, Type: "dashed", Width: 1.5}))
	}
	l.AddSeries(name, data, so...)
}

// A named is a named series of points: a compared area's values.
type named struct {
	name plan.Text
	pts  []progress.Point
}

// describeTrend says how a target's values moved and where they stand
// against the goal, which of them are provisional, then how the compared
// areas' values moved.
func describeTrend(subject plan.Text, t *plan.Target, tp *progress.TargetProgress, g goal, compared []named, unit string) plan.Text {
	pts := tp.Series
	// One number of decimals for every line, as the table has (7,80 for
	// the country beside the province's 12,11).
	all := values(pts)
	for _, c := range compared {
		all = append(all, values(c.pts)...)
	}
	d := decimals(all...)
	return both(func(lang plan.Lang) string {
		var s string
		if t.Goal.Kind() == plan.GoalPerYear {
			var items []string
			for _, pt := range pts {
				items = append(items, withUnit(lang, pt.Value, d, unit)+" ("+when(pt.Year, pt.Half).In(lang)+")")
			}
			s = subject.In(lang) + ": " + list(lang, items)
		} else {
			s = sentence(lang, subject.In(lang), t.Measure == "", pts, d, unit)
		}
		if tp.Kind == plan.GoalReducePerYear && tp.Average != nil && tp.Average.Value != nil {
			s += ", " + averageFall.in(lang, num(lang, tp.Average.Value.Result, 2))
		}
		if g.words.VI != "" {
			s += ", " + goalClause(lang, t, tp, g)
		}
		s += "."
		for _, c := range compared {
			s += " " + sentence(lang, c.name.In(lang), true, c.pts, d, unit) + "."
		}
		return s + provisionalSentence(lang, pts)
	})
}

// provisionalSentence says which of pts are provisional or estimates, after
// a space; it is empty when none are.
func provisionalSentence(lang plan.Lang, pts []progress.Point) string {
	if l := late(pts); l != nil {
		return " " + provisionalAre.in(lang, list(lang, l))
	}
	return ""
}

// subject is what a trend's sentence is about: the measure of the area
// ("Tỷ lệ hộ nghèo Bắc Giang"), or else the target's name.
func (b *builder) subject(t *plan.Target) plan.Text {
	switch t.Measure {
	case plan.MeasurePoorRate:
		return rateOf(poorRateOf, b.areaName(t.Scope))
	case plan.MeasureNearPoorRate:
		return rateOf(nearPoorRateOf, b.areaName(t.Scope))
	}
	return plain(t.Name)
}

// rateOf is a rate of the area named area, in the phrase rate.
func rateOf(rate phrase, area plan.Text) plan.Text {
	return plan.Text{VI: rate.in(plan.VI, area.VI), EN: rate.in(plan.EN, the(area.In(plan.EN)))}
}

// the lowers a leading "The" of a name that follows "of".
func the(name string) string {
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	return name
}

// sentence says how pts moved, about subject: "Tỷ lệ hộ nghèo Bắc Giang
// giảm từ 12,11 % (2012) xuống 7,50 % (2015)". With colon, or for one
// point, a colon follows the subject: "Việt Nam: giảm từ …", "Hiệp Hòa:
// 6,41 % (2013)".
func sentence(lang plan.Lang, subject string, colon bool, pts []progress.Point, d int, unit string) string {
	sep := " "
	if colon || len(pts) == 1 {
		sep = ": "
	}
	return subject + sep + movement(lang, pts, d, unit)
}

func values(pts []progress.Point) []float64 {
	out := make([]float64, len(pts))
	for i, pt := range pts {
		out[i] = pt.Value
	}
	return out
}

// movement says how pts moved from the first to the last: "giảm từ
// 12,11 % (2012) xuống 7,50 % (2015)"; for one point, "12,11 % (2012)".
func movement(lang plan.Lang, pts []progress.Point, d int, unit string) string {
	first, last := pts[0], pts[len(pts)-1]
	a := withUnit(lang, first.Value, d, unit) + " (" + when(first.Year, first.Half).In(lang) + ")"
	if len(pts) == 1 {
		return a
	}
	z := withUnit(lang, last.Value, d, unit) + " (" + when(last.Year, last.Half).In(lang) + ")"
	switch {
	case last.Value < first.Value:
		return fell.in(lang, a, z)
	case last.Value > first.Value:
		return rose.in(lang, a, z)
	}
	return held.in(lang, a, when(last.Year, last.Half).In(lang))
}

// goalClause says where the latest value stands against the goal.
func goalClause(lang plan.Lang, t *plan.Target, tp *progress.TargetProgress, g goal) string {
	words := g.words.In(lang)
	switch {
	case tp.Status == progress.Achieved && beyond(tp, g):
		return beatingGoal.in(lang, words)
	case tp.Status == progress.Achieved:
		return meetingGoal.in(lang, words)
	}
	return againstGoal.in(lang, words, t.By, tp.Status.Words().In(lang))
}

// beyond reports whether the latest value is past the goal in the
// target's direction, not only on it.
func beyond(tp *progress.TargetProgress, g goal) bool {
	if tp.Latest == nil || len(g.marks) == 0 {
		return false
	}
	v := tp.Latest.Value
	switch tp.Kind {
	case plan.GoalBetween:
		if tp.Dir == plan.Decrease {
			return v < g.marks[0]
		}
		return v > g.marks[1]
	case plan.GoalAtLeast, plan.GoalTotal, plan.GoalShareLeaving:
		return v > g.marks[0]
	case plan.GoalAtMost:
		return v < g.marks[0]
	}
	return false
}
