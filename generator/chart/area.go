package chart

import (
	"math"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

var (
	districtHead = plan.Text{VI: "Huyện, thành phố", EN: "District or city"}
	poorRateHead = plan.Text{VI: "Tỷ lệ hộ nghèo (%)", EN: "Poor-household rate (%)"}
)

// A ranked is a bar of the ranking: a district, or the province as a
// whole, with its latest figures.
type ranked struct {
	name  plan.Text
	y     *progress.AreaYear
	total bool
}

// ranking ranks the districts, and the province as a whole, by their
// latest poor-household rate, against the band of the province's target.
func (b *builder) ranking() (*Chart, error) {
	rs, missing := b.ranked()
	if rs == nil {
		return nil, nil
	}
	// The band of the province's target, when it is a range or a ceiling.
	var g goal
	if t, tp := b.headline(); t != nil && (t.Goal.Kind() == plan.GoalBetween || t.Goal.Kind() == plan.GoalAtMost) {
		g = goalOf(t, tp)
	}
	c := &Chart{ID: "areas-ranking", Kind: KindRank, Page: PageAreas, Unit: plan.UnitPercent,
		Title: plan.Text{VI: "Tỷ lệ hộ nghèo mới nhất theo huyện, thành phố", EN: "Latest poor-household rate by district"},
		Table: rankTable(rs)}
	var years []int
	var srcs []string
	for _, r := range rs {
		years, srcs = append(years, r.y.Year), append(srcs, r.y.Source)
	}
	c.Scope, c.Sources = b.scope(b.p.Document.Area, years...), sourceList(srcs...)
	d := areaDecimals
	c.Description = describeRanking(rs, missing, g, d)
	if mixedYears(rs) {
		// Rates of different years are shown side by side, each with its
		// year, and never ranked against each other.
		c.Title = plan.Text{VI: "Tỷ lệ hộ nghèo mới nhất có được theo huyện, thành phố", EN: "Latest available poor-household rate by district"}
		c.Description = describeLatest(rs, missing, d)
		c.Note = mixedYearsNote
	}
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart { return rankingOption(c, lang, rs, g, d) })
	return c, err
}

// ranked are the districts with a latest rate and the province as a
// whole, highest rate first, or none when no district has a rate;
// missing names the districts without one.
func (b *builder) ranked() (rs []ranked, missing []plan.Text) {
	for _, a := range b.districts() {
		if ap := b.r.Area(a.ID); ap != nil && ap.Latest != nil {
			rs = append(rs, ranked{name: plain(a.Name), y: ap.Latest})
		} else {
			missing = append(missing, plain(a.Name))
		}
	}
	if rs == nil {
		return nil, missing
	}
	if ap := b.r.Area(b.p.Document.Area); ap != nil && ap.Latest != nil {
		rs = append(rs, ranked{name: plan.Text{VI: "Toàn tỉnh", EN: "Whole province"}, y: ap.Latest, total: true})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].y.Poor.Value > rs[j].y.Poor.Value })
	return rs, missing
}

// mixedYears reports whether the latest rates are not all of one year.
func mixedYears(rs []ranked) bool {
	for _, r := range rs {
		if r.y.Year != rs[0].y.Year {
			return true
		}
	}
	return false
}

// mixedYearsNote says why latest rates of different years are not ranked.
var mixedYearsNote = plan.Text{
	VI: "Số liệu mới nhất có được của mỗi nơi là của các năm khác nhau (ghi trên mỗi thanh): không so sánh, không xếp hạng giữa các năm.",
	EN: "The latest available figure of each place is of a different year (given on each bar): they are not compared or ranked across years.",
}

// describeLatest lists each latest rate with its year, highest first,
// without ranking them: their years differ.
func describeLatest(rs []ranked, missing []plan.Text, d int) plan.Text {
	return both(func(lang plan.Lang) string {
		parts := make([]string, len(rs))
		for i, r := range rs {
			parts[i] = r.name.In(lang) + " " + withUnit(lang, r.y.Poor.Value, d, plan.UnitPercent) + " (" + strconv.Itoa(r.y.Year) + ")"
		}
		s := latestOfEach.in(lang, list(lang, parts))
		if missing != nil {
			names := make([]string, len(missing))
			for i, m := range missing {
				names[i] = m.In(lang)
			}
			s += " " + noDataFor.in(lang, list(lang, names))
		}
		return s
	})
}

func rates(rs []ranked) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = r.y.Poor.Value
	}
	return out
}

// rankTable is the table of the ranking: a rate and its year a row.
func rankTable(rs []ranked) Table {
	t := Table{Head: districtHead, Columns: []Column{{Head: poorRateHead}, {Head: yearHead, Words: true}}}
	for _, r := range rs {
		year := strconv.Itoa(r.y.Year)
		t.Rows = append(t.Rows, Row{Head: r.name,
			Cells: []Cell{{Value: ptr(r.y.Poor.Value)}, {Text: plan.Text{VI: year, EN: year}}}})
	}
	return t
}

// describeRanking names the highest and the lowest rate, counts the
// districts above the goal g, and names those with no rate yet; rates
// have d decimals.
func describeRanking(rs []ranked, missing []plan.Text, g goal, d int) plan.Text {
	districts, above := 0, 0
	for _, r := range rs {
		if !r.total {
			districts++
			if len(g.marks) > 0 && r.y.Poor.Value > g.marks[len(g.marks)-1] {
				above++
			}
		}
	}
	return both(func(lang plan.Lang) string {
		label := func(r ranked) string {
			return r.name.In(lang) + " " + withUnit(lang, r.y.Poor.Value, d, plan.UnitPercent) + " (" + strconv.Itoa(r.y.Year) + ")"
		}
		s := rankingLead.in(lang, districts, label(rs[0]), label(rs[len(rs)-1]))
		if len(g.marks) > 0 {
			p := aboveGoal
			if above == 1 {
				p = oneAboveGoal
			}
			s += " " + p.in(lang, above, g.words.In(lang))
		}
		if missing != nil {
			names := make([]string, len(missing))
			for i, m := range missing {
				names[i] = m.In(lang)
			}
			s += " " + noDataFor.in(lang, list(lang, names))
		}
		return s
	})
}

// rankingOption is the ECharts option of the ranking in lang: a bar a
// district, the province's in grey, the goal g as a band or a line; a
// bar's label gives its year when the years differ.
func rankingOption(c *Chart, lang plan.Lang, rs []ranked, g goal, d int) echart {
	hi := 0.0
	for _, v := range append(rates(rs), g.marks...) {
		hi = math.Max(hi, v)
	}
	_, max := axisRange(0, hi, plan.UnitPercent)
	mixed := mixedYears(rs)
	bar := charts.NewBar()
	bar.SetGlobalOptions(common(c, lang, false)...)
	bar.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "%", Min: 0, Max: max}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	var names []string
	var data []opts.BarData
	for _, r := range rs {
		names = append(names, r.name.In(lang))
		colour := Palette[0]
		if r.total {
			colour = Palette[6]
		}
		label := withUnit(lang, r.y.Poor.Value, d, plan.UnitPercent)
		if mixed {
			label += " (" + strconv.Itoa(r.y.Year) + ")"
		}
		data = append(data, opts.BarData{Value: r.y.Poor.Value, ItemStyle: &opts.ItemStyle{Color: colour},
			Label: &opts.Label{Show: opts.Bool(true), Position: "right", Color: inkColour, Formatter: label}})
	}
	var so []charts.SeriesOpts
	switch len(g.marks) {
	case 2:
		so = band(g.label.In(lang), g.marks[0], g.marks[1], true)
	case 1:
		so = []charts.SeriesOpts{lineMark(mark{Name: g.label.In(lang), XAxis: g.marks[0], Label: markLabel("end")}), markLines("end")}
	}
	bar.SetXAxis(names).AddSeries(poorRateHead.In(lang), data, append(so, charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "30%"}))...)
	bar.XYReversal()
	bar.GridList[0].Right = "56" // room for the bars' labels
	if mixed {
		bar.GridList[0].Right = "104"
	}
	return bar
}

// A district is a district's poor-household rates by year.
type district struct {
	a   *plan.Area
	pts []progress.Point
}

// smallMultiples charts each district's poor-household rate by year, all
// on the same years and the same scale, so that they compare at a glance.
func (b *builder) smallMultiples() ([]Chart, error) {
	ds, years, hi := b.districtRates()
	labels := make([]plan.Text, len(years))
	for i, y := range years {
		labels[i] = when(y, 0)
	}
	_, max := axisRange(0, hi, plan.UnitPercent)
	// The set is read, and downloaded, as one: each chart's scope and
	// sources are the set's, its title names its district.
	var all [][]progress.Point
	for _, d := range ds {
		all = append(all, d.pts)
	}
	scope, sources := b.scope(b.p.Document.Area, years...), sourceList(pointSources(all...)...)
	var out []Chart
	for _, d := range ds {
		c, err := smallMultiple(d, years, labels, max)
		if c != nil {
			c.Scope, c.Sources = scope, sources
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// districtRates are the districts with rates, the years of all their
// rates, ascending, and the highest rate.
func (b *builder) districtRates() (ds []district, years []int, hi float64) {
	seen := map[int]bool{}
	for _, a := range b.districts() {
		ap := b.r.Area(a.ID)
		if ap == nil {
			continue
		}
		var pts []progress.Point
		for _, y := range ap.Years {
			if y.Poor != nil {
				pts = append(pts, progress.Point{Year: y.Year, Value: y.Poor.Value, Status: y.Status, Source: y.Source})
				seen[y.Year] = true
				hi = math.Max(hi, y.Poor.Value)
			}
		}
		if len(pts) > 0 {
			ds = append(ds, district{a, pts})
		}
	}
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	return ds, everyYear(years), hi
}

// everyYear is every year from the first of years to the last, so that
// the years of a chart are spaced by time: 2010 and 2013 two years apart,
// not side by side.
func everyYear(years []int) []int {
	if len(years) == 0 {
		return years
	}
	var out []int
	for y := years[0]; y <= years[len(years)-1]; y++ {
		out = append(out, y)
	}
	return out
}

// smallMultiple charts one district's rates over the years, labelled
// labels, on an axis from 0 to max.
func smallMultiple(dd district, years []int, labels []plan.Text, max float64) (*Chart, error) {
	name := plain(dd.a.Name)
	l := line{name: name, values: make([]*float64, len(years)), status: make([]string, len(years))}
	for _, pt := range dd.pts {
		i := sort.SearchInts(years, pt.Year)
		l.values[i], l.status[i] = ptr(pt.Value), pt.Status
	}
	provisional := late(dd.pts) != nil
	c := &Chart{ID: "areas-small-" + dd.a.ID, Kind: KindSmall, Page: PageAreas, Title: name, Unit: plan.UnitPercent,
		Table: lineTable(yearHead, labels, []line{l}, plan.UnitPercent, provisional)}
	d := areaDecimals
	subject := rateOf(poorRateOf, name)
	c.Description = both(func(lang plan.Lang) string {
		return sentence(lang, subject.In(lang), false, dd.pts, d, plan.UnitPercent) + "." + provisionalSentence(lang, dd.pts)
	})
	if provisional {
		c.Note = hollowNote
	}
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart {
		return lineChart(c, lang, labels, []line{l}, plan.UnitPercent, 0, max, nil)
	})
	return c, err
}

// rateClasses group rates for the map: below 5 %, 5–10 %, 10–20 %, 20–40 %
// and from 40 % on. They are ordered, so their colours are the map's
// sequential palette, light to dark (mapPalette, one a class); each has a
// marker shape of its own as well.
var rateClasses = []struct {
	upTo   float64
	name   plan.Text
	symbol string
}{
	{5, plan.Text{VI: "Dưới 5 %", EN: "Under 5 %"}, "circle"},
	{10, plan.Text{VI: "5–10 %", EN: "5–10 %"}, "diamond"},
	{20, plan.Text{VI: "10–20 %", EN: "10–20 %"}, "triangle"},
	{40, plan.Text{VI: "20–40 %", EN: "20–40 %"}, "rect"},
	{math.Inf(1), plan.Text{VI: "Từ 40 % trở lên", EN: "40 % and over"}, "pin"}, // drawn larger
}

// A seat is a district's seat on the map, with its latest figures (nil
// for none) and the class of its rate.
type seat struct {
	name     plan.Text
	lon, lat float64
	y        *progress.AreaYear
	class    int // index in rateClasses; len(rateClasses) for no data
}

// className names the class k of rates.
func className(k int) plan.Text {
	if k == len(rateClasses) {
		return plan.Text{VI: "Chưa có số liệu", EN: "No data yet"}
	}
	return rateClasses[k].name
}

// areasMap is the choropleth where the data has boundaries, else the
// seats on longitude and latitude.
func (b *builder) areasMap() (*Chart, error) {
	c, err := b.choropleth()
	if c != nil || err != nil {
		return c, err
	}
	return b.seats()
}

// seats places the district seats on longitude and latitude, coloured and
// shaped by the class of their latest poor-household rate. It is not a
// choropleth: that needs the districts' boundaries, which the data does
// not hold.
func (b *builder) seats() (*Chart, error) {
	ss, boundaries := b.seatList()
	if ss == nil {
		return nil, nil
	}
	c := &Chart{ID: "areas-map", Kind: KindMap, Page: PageAreas, Unit: plan.UnitPercent,
		Title: plan.Text{VI: "Trụ sở các huyện, thành phố theo tỷ lệ hộ nghèo", EN: "District seats by poor-household rate"},
		Table: seatTable(ss), Description: describeSeats(ss)}
	var years []int
	var srcs []string
	for _, s := range ss {
		if s.y != nil {
			years, srcs = append(years, s.y.Year), append(srcs, s.y.Source)
		}
	}
	c.Scope, c.Sources = b.scope(b.p.Document.Area, years...), sourceList(srcs...)
	c.Note = plan.Text{
		VI: "Biểu đồ chỉ đánh dấu vị trí trụ sở, không vẽ ranh giới hành chính: dữ liệu chưa có ranh giới (GeoJSON).",
		EN: "The chart marks the seats only and draws no boundaries: the data holds no boundaries (GeoJSON) yet.",
	}
	if boundaries {
		c.Note = plan.Text{VI: "Biểu đồ chỉ đánh dấu vị trí trụ sở, không vẽ ranh giới hành chính.",
			EN: "The chart marks the seats only and draws no boundaries."}
	}
	var err error
	c.Options, err = options(c.ID, func(lang plan.Lang) echart { return seatsOption(c, lang, ss) })
	return c, err
}

// seatList are the seats of the districts placed on longitude and
// latitude, or none when no district has a rate; boundaries reports
// whether some district has a boundary.
func (b *builder) seatList() (ss []seat, boundaries bool) {
	rated := false
	for _, a := range b.districts() {
		boundaries = boundaries || a.Boundary != ""
		if a.Lat == nil || a.Lon == nil {
			continue
		}
		s := seat{name: plain(a.Name), lon: *a.Lon, lat: *a.Lat, class: len(rateClasses)}
		if ap := b.r.Area(a.ID); ap != nil && ap.Latest != nil {
			s.y = ap.Latest
			rated = true
			for s.class = 0; s.y.Poor.Value >= rateClasses[s.class].upTo; s.class++ {
			}
		}
		ss = append(ss, s)
	}
	if !rated {
		return nil, boundaries
	}
	return ss, boundaries
}

// seatTable is the table of the map: a seat's place, rate, year and class
// a row.
func seatTable(ss []seat) Table {
	t := Table{Head: districtHead, Columns: []Column{
		{Head: plan.Text{VI: "Kinh độ", EN: "Longitude"}, Place: true}, {Head: plan.Text{VI: "Vĩ độ", EN: "Latitude"}, Place: true},
		{Head: poorRateHead}, {Head: yearHead, Words: true}, {Head: plan.Text{VI: "Nhóm", EN: "Class"}, Words: true}}}
	for _, s := range ss {
		r := Row{Head: s.name, Cells: []Cell{{Value: ptr(s.lon)}, {Value: ptr(s.lat)}, {}, {}, {Text: className(s.class)}}}
		if s.y != nil {
			year := strconv.Itoa(s.y.Year)
			r.Cells[2].Value, r.Cells[3].Text = ptr(s.y.Poor.Value), plan.Text{VI: year, EN: year}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// describeSeats names the seats class by class, each with its rate and
// its year.
func describeSeats(ss []seat) plan.Text {
	var rates []float64
	for _, s := range ss {
		if s.y != nil {
			rates = append(rates, s.y.Poor.Value)
		}
	}
	d := areaDecimals
	return both(func(lang plan.Lang) string {
		var parts []string
		for k := 0; k <= len(rateClasses); k++ {
			var names []string
			for _, s := range ss {
				if s.class == k {
					n := s.name.In(lang)
					if s.y != nil {
						n += " " + withUnit(lang, s.y.Poor.Value, d, plan.UnitPercent) + " (" + strconv.Itoa(s.y.Year) + ")"
					}
					names = append(names, n)
				}
			}
			if names != nil {
				parts = append(parts, className(k).In(lang)+": "+list(lang, names))
			}
		}
		return seatsLead.in(lang, len(ss)) + " " + joinSentences(parts)
	})
}

// seatsOption is the ECharts option of the map in lang: the seats a
// series a class, with room around them, and more on the right for their
// names.
func seatsOption(c *Chart, lang plan.Lang, ss []seat) echart {
	lonLo, lonHi, latLo, latHi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		lonLo, lonHi, latLo, latHi = math.Min(lonLo, s.lon), math.Max(lonHi, s.lon), math.Min(latLo, s.lat), math.Max(latHi, s.lat)
	}
	pad, right := 0.05, 0.05+(lonHi-lonLo)*0.15
	sc := charts.NewScatter()
	sc.SetGlobalOptions(common(c, lang, true)...)
	sc.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: c.Table.Columns[0].Head.In(lang), NameLocation: "middle", NameGap: 28,
			Min: round(math.Floor((lonLo-pad)*10) / 10), Max: round(math.Ceil((lonHi+right)*10) / 10),
			AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: c.Table.Columns[1].Head.In(lang),
			Min: round(math.Floor((latLo-pad)*10) / 10), Max: round(math.Ceil((latHi+pad)*10) / 10)}),
	)
	for k := 0; k <= len(rateClasses); k++ {
		var data []opts.ScatterData
		for _, s := range ss {
			if s.class != k {
				continue
			}
			v := []any{s.lon, s.lat}
			if s.y != nil {
				v = append(v, s.y.Poor.Value)
			}
			data = append(data, opts.ScatterData{Name: s.name.In(lang), Value: v})
		}
		if data == nil {
			continue
		}
		// No data is a hollow grey circle; a hollow marker draws its
		// outline in the item's colour, so it takes no white border.
		style, symbol := opts.ItemStyle{Color: noneColour, BorderWidth: 2}, "emptyCircle"
		if k < len(rateClasses) {
			// The light classes need the dark outline to stand out from
			// the white ground.
			style = opts.ItemStyle{Color: mapPalette[k], BorderColor: markColour, BorderWidth: 1}
			symbol = rateClasses[k].symbol
		}
		size := 16
		if symbol == "pin" {
			size = 24
		}
		sc.AddSeries(className(k).In(lang), data,
			charts.WithScatterChartOpts(opts.ScatterChart{Symbol: symbol, SymbolSize: size}),
			charts.WithItemStyleOpts(style),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "right", Color: inkColour}),
			charts.WithLabelLayoutOpts(opts.LabelLayout{MoveOverlap: "shiftY"}))
	}
	return sc
}

// joinSentences ends each part with a full stop.
func joinSentences(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += " "
		}
		s += p + "."
	}
	return s
}
