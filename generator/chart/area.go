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
	districtHead = Text{VI: "Huyện, thành phố", EN: "District or city"}
	poorRateHead = Text{VI: "Tỷ lệ hộ nghèo (%)", EN: "Poor-household rate (%)"}
)

// ranking ranks the districts, and the province as a whole, by their
// latest poor-household rate, against the band of the province's target.
func (b *builder) ranking() (*Chart, error) {
	type entry struct {
		name  Text
		y     *progress.AreaYear
		total bool
	}
	var es []entry
	var missing []Text
	for _, a := range b.districts() {
		if ap := b.r.Area(a.ID); ap != nil && ap.Latest != nil {
			es = append(es, entry{name: plain(a.Name), y: ap.Latest})
		} else {
			missing = append(missing, plain(a.Name))
		}
	}
	if len(es) == 0 {
		return nil, nil
	}
	districts := len(es)
	if ap := b.r.Area(b.p.Document.Area); ap != nil && ap.Latest != nil {
		es = append(es, entry{name: Text{VI: "Toàn tỉnh", EN: "Whole province"}, y: ap.Latest, total: true})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].y.Poor.Value > es[j].y.Poor.Value })

	c := &Chart{ID: "areas-ranking", Kind: KindRank, Page: PageAreas, Unit: plan.UnitPercent,
		Title: Text{VI: "Tỷ lệ hộ nghèo mới nhất theo huyện, thành phố", EN: "Latest poor-household rate by district"},
		Table: Table{Head: districtHead, Columns: []Column{{Head: poorRateHead}, {Head: yearHead, Words: true}}}}
	var all []float64
	for _, e := range es {
		all = append(all, e.y.Poor.Value)
		year := strconv.Itoa(e.y.Year)
		c.Table.Rows = append(c.Table.Rows, Row{Head: e.name,
			Cells: []Cell{{Value: ptr(e.y.Poor.Value)}, {Text: Text{VI: year, EN: year}}}})
	}
	d := decimals(all...)
	mixed := false
	for _, e := range es {
		mixed = mixed || e.y.Year != es[0].y.Year
	}

	// The band of the province's target, when it is a range or a ceiling.
	var g goal
	if t, tp := b.headline(); t != nil && (t.Goal.Kind() == plan.GoalBetween || t.Goal.Kind() == plan.GoalAtMost) {
		g = goalOf(t, tp)
	}
	hi := 0.0
	for _, v := range append(all, g.marks...) {
		hi = math.Max(hi, v)
	}
	_, max := axisRange(0, hi, plan.UnitPercent)

	c.Description = both(func(lang string) string {
		top, bottom := es[0], es[len(es)-1]
		label := func(e entry) string {
			return e.name.In(lang) + " " + withUnit(lang, e.y.Poor.Value, d, plan.UnitPercent) + " (" + strconv.Itoa(e.y.Year) + ")"
		}
		var s string
		if lang == EN {
			s = "Latest poor-household rate of " + strconv.Itoa(districts) + " districts and cities: highest " + label(top) + ", lowest " + label(bottom) + "."
		} else {
			s = "Tỷ lệ hộ nghèo mới nhất của " + strconv.Itoa(districts) + " huyện, thành phố: cao nhất " + label(top) + ", thấp nhất " + label(bottom) + "."
		}
		if len(g.marks) > 0 {
			above := 0
			for _, e := range es {
				if !e.total && e.y.Poor.Value > g.marks[len(g.marks)-1] {
					above++
				}
			}
			if lang == EN {
				verb := " of them are"
				if above == 1 {
					verb = " of them is"
				}
				s += " " + strconv.Itoa(above) + verb + " above the province's target of " + g.words.EN + "."
			} else {
				s += " " + strconv.Itoa(above) + " đơn vị còn cao hơn mục tiêu của tỉnh " + g.words.VI + "."
			}
		}
		if missing != nil {
			var names []string
			for _, m := range missing {
				names = append(names, m.In(lang))
			}
			if lang == EN {
				s += " No data yet for " + list(lang, names) + "."
			} else {
				s += " Chưa có số liệu: " + list(lang, names) + "."
			}
		}
		return s
	})
	var err error
	c.Options, err = options(c.ID, func(lang string) echart {
		bar := charts.NewBar()
		bar.SetGlobalOptions(common(c, lang, false)...)
		bar.SetGlobalOptions(
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "%", Min: 0, Max: max}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
		)
		var names []string
		var data []opts.BarData
		for _, e := range es {
			names = append(names, e.name.In(lang))
			colour := Palette[0]
			if e.total {
				colour = Palette[6]
			}
			label := withUnit(lang, e.y.Poor.Value, d, plan.UnitPercent)
			if mixed {
				label += " (" + strconv.Itoa(e.y.Year) + ")"
			}
			data = append(data, opts.BarData{Value: e.y.Poor.Value, ItemStyle: &opts.ItemStyle{Color: colour},
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
	})
	return c, err
}

// smallMultiples charts each district's poor-household rate by year, all
// on the same years and the same scale, so that they compare at a glance.
func (b *builder) smallMultiples() ([]Chart, error) {
	type district struct {
		a   *plan.Area
		pts []progress.Point
	}
	var ds []district
	years := map[int]bool{}
	hi := 0.0
	for _, a := range b.districts() {
		ap := b.r.Area(a.ID)
		if ap == nil {
			continue
		}
		var pts []progress.Point
		for _, y := range ap.Years {
			if y.Poor != nil {
				pts = append(pts, progress.Point{Year: y.Year, Value: y.Poor.Value, Status: y.Status})
				years[y.Year] = true
				hi = math.Max(hi, y.Poor.Value)
			}
		}
		if len(pts) > 0 {
			ds = append(ds, district{a, pts})
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	labels := make([]Text, len(ys))
	for i, y := range ys {
		labels[i] = when(y, 0)
	}
	_, max := axisRange(0, hi, plan.UnitPercent)
	var out []Chart
	for _, dd := range ds {
		name := plain(dd.a.Name)
		l := line{name: name, values: make([]*float64, len(ys)), status: make([]string, len(ys))}
		var late []string
		for _, pt := range dd.pts {
			i := sort.SearchInts(ys, pt.Year)
			l.values[i], l.status[i] = ptr(pt.Value), pt.Status
			if pt.Provisional() {
				late = append(late, strconv.Itoa(pt.Year))
			}
		}
		c := &Chart{ID: "areas-small-" + dd.a.ID, Kind: KindSmall, Page: PageAreas, Title: name, Unit: plan.UnitPercent}
		d := decimals(values(dd.pts)...)
		c.Description = Text{
			VI: sentence(VI, "Tỷ lệ hộ nghèo "+name.VI, false, dd.pts, d, plan.UnitPercent) + ".",
			EN: sentence(EN, "The poor-household rate of "+the(name.In(EN)), false, dd.pts, d, plan.UnitPercent) + ".",
		}
		if late != nil {
			c.Description.VI += " Số liệu " + list(VI, late) + " là sơ bộ hoặc ước tính."
			c.Description.EN += " The figures for " + list(EN, late) + " are provisional or estimates."
			c.Note = hollowNote
		}
		c.Table = lineTable(yearHead, labels, []line{l}, plan.UnitPercent, late != nil)
		var err error
		c.Options, err = options(c.ID, func(lang string) echart {
			return lineChart(c, lang, labels, []line{l}, plan.UnitPercent, 0, max, nil)
		})
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// rateClasses group rates for the map: below 5 %, 5–10 %, 10–20 %, 20–40 %
// and from 40 % on, each with a colour and a marker shape of its own.
var rateClasses = []struct {
	upTo   float64
	name   Text
	colour string
	symbol string
}{
	{5, Text{VI: "Dưới 5 %", EN: "Under 5 %"}, "#0072B2", "circle"},
	{10, Text{VI: "5–10 %", EN: "5–10 %"}, "#009E73", "diamond"},
	{20, Text{VI: "10–20 %", EN: "10–20 %"}, "#9E7200", "triangle"},
	{40, Text{VI: "20–40 %", EN: "20–40 %"}, "#D55E00", "rect"},
	{math.Inf(1), Text{VI: "Từ 40 % trở lên", EN: "40 % and over"}, "#882255", "pin"}, // drawn larger
}

// seats places the district seats on longitude and latitude, coloured and
// shaped by the class of their latest poor-household rate. It is not a
// choropleth: that needs the districts' boundaries, which the data does
// not hold.
func (b *builder) seats() (*Chart, error) {
	type seat struct {
		name     Text
		lon, lat float64
		y        *progress.AreaYear
		class    int // index in rateClasses; len(rateClasses) for no data
	}
	var ss []seat
	rated, boundaries := false, false
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
		return nil, nil
	}
	className := func(k int) Text {
		if k == len(rateClasses) {
			return Text{VI: "Chưa có số liệu", EN: "No data yet"}
		}
		return rateClasses[k].name
	}
	c := &Chart{ID: "areas-map", Kind: KindMap, Page: PageAreas, Unit: plan.UnitPercent,
		Title: Text{VI: "Trụ sở các huyện, thành phố theo tỷ lệ hộ nghèo", EN: "District seats by poor-household rate"},
		Table: Table{Head: districtHead, Columns: []Column{
			{Head: Text{VI: "Kinh độ", EN: "Longitude"}}, {Head: Text{VI: "Vĩ độ", EN: "Latitude"}},
			{Head: poorRateHead}, {Head: yearHead, Words: true}, {Head: Text{VI: "Nhóm", EN: "Class"}, Words: true}}}}
	var rates []float64
	lonLo, lonHi, latLo, latHi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		lonLo, lonHi, latLo, latHi = math.Min(lonLo, s.lon), math.Max(lonHi, s.lon), math.Min(latLo, s.lat), math.Max(latHi, s.lat)
		r := Row{Head: s.name, Cells: []Cell{{Value: ptr(s.lon)}, {Value: ptr(s.lat)}, {}, {}, {Text: className(s.class)}}}
		if s.y != nil {
			year := strconv.Itoa(s.y.Year)
			r.Cells[2].Value, r.Cells[3].Text = ptr(s.y.Poor.Value), Text{VI: year, EN: year}
			rates = append(rates, s.y.Poor.Value)
		}
		c.Table.Rows = append(c.Table.Rows, r)
	}
	d := decimals(rates...)
	c.Description = both(func(lang string) string {
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
		if lang == EN {
			return "The seats of " + strconv.Itoa(len(ss)) + " districts and cities by longitude and latitude, by their latest poor-household rate. " + joinSentences(parts)
		}
		return "Trụ sở " + strconv.Itoa(len(ss)) + " huyện, thành phố theo kinh độ và vĩ độ, theo tỷ lệ hộ nghèo mới nhất. " + joinSentences(parts)
	})
	c.Note = Text{
		VI: "Biểu đồ chỉ đánh dấu vị trí trụ sở, không vẽ ranh giới hành chính: dữ liệu chưa có ranh giới (GeoJSON).",
		EN: "The chart marks the seats only and draws no boundaries: the data holds no boundaries (GeoJSON) yet.",
	}
	if boundaries {
		c.Note = Text{VI: "Biểu đồ chỉ đánh dấu vị trí trụ sở, không vẽ ranh giới hành chính.",
			EN: "The chart marks the seats only and draws no boundaries."}
	}
	// Room around the seats, and more on the right for their names.
	pad, right := 0.05, 0.05+(lonHi-lonLo)*0.15
	var err error
	c.Options, err = options(c.ID, func(lang string) echart {
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
				style = opts.ItemStyle{Color: rateClasses[k].colour, BorderColor: "#FFFFFF", BorderWidth: 1}
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
	})
	return c, err
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
