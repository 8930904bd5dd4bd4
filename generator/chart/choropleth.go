package chart

import (
	"encoding/json"
	"fmt"
	"strconv"

	"plansite/generator/plan"
)

// A Map is what a choropleth adds to its Chart: the boundaries it draws,
// the bands of its palette and one option a year; the Chart's Options are
// those of the latest year.
type Map struct {
	Name   string    // the name the boundaries are registered under
	Credit plan.Text // who drew the lines
	Bands  []Band    // in order, light to dark, then no data
	Years  []MapYear // ascending
}

// A Band is a range of rates with its colour; None is the band of the
// districts without data, hatched.
type Band struct {
	Name   plan.Text
	Colour string
	None   bool
}

// A MapYear is the map of one year: its option, its text alternative, and
// the districts of each band (indexes into Map.Bands).
type MapYear struct {
	Year        int
	Options     map[plan.Lang][]byte
	Description plan.Text
	Bands       [][]MapArea
}

// A MapArea is a district on the map in a year.
type MapArea struct {
	ID    string
	Name  plan.Text
	Value *float64
}

// mapPalette is a sequential palette, light to dark (ColorBrewer PuBu,
// safe for colour-blind readers), one colour a band of rateClasses.
var mapPalette = []string{"#F1EEF6", "#BDC9E1", "#74A9CF", "#2B8CBE", "#045A8D"}

// noDataColour is the ground of the hatched districts without data.
const noDataColour = "#FFFFFF"

// Bands are the bands of the choropleth, for the page's legend.
func Bands() []Band {
	var bs []Band
	for k, c := range rateClasses {
		bs = append(bs, Band{Name: c.name, Colour: mapPalette[k]})
	}
	return append(bs, Band{Name: className(len(rateClasses)), Colour: noDataColour, None: true})
}

// rawOption is an ECharts option written as plain Go values, for the map,
// whose series go-echarts registers through a CDN script of its own.
type rawOption map[string]any

func (rawOption) Validate()                      {}
func (o rawOption) JSON() map[string]any         { return o }
func (o rawOption) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]any(o)) }

// choropleth colours the districts' boundaries by their poor-household
// rate, one option a year; nil when the data has no boundaries for the
// districts or no rates, and the map of the seats is drawn instead.
func (b *builder) choropleth() (*Chart, error) {
	bd := b.p.Boundaries
	if bd == nil {
		return nil, nil
	}
	var areas []*plan.Area
	for _, a := range b.districts() {
		if bd.Boundary(a.ID) != nil {
			areas = append(areas, a)
		}
	}
	ds, years, _ := b.districtRates()
	if len(areas) == 0 || len(years) == 0 {
		return nil, nil
	}
	rate := map[string]map[int]float64{}
	var all []float64
	for _, d := range ds {
		rate[d.a.ID] = map[int]float64{}
		for _, pt := range d.pts {
			rate[d.a.ID][pt.Year] = pt.Value
			all = append(all, pt.Value)
		}
	}
	dec := areaDecimals
	m := &Map{Name: b.p.Document.Area, Credit: plain(bd.Credit), Bands: Bands()}
	c := &Chart{ID: "areas-map", Kind: KindMap, Page: PageAreas, Unit: plan.UnitPercent, Map: m,
		Title: plan.Text{VI: "Bản đồ tỷ lệ hộ nghèo theo huyện, thành phố", EN: "Map of the poor-household rate by district"}}
	var srcs []string
	for _, d := range ds {
		srcs = append(srcs, pointSources(d.pts)...)
	}
	// The map shows one year at a time: the page adds the year shown.
	c.Scope, c.Sources = b.scope(b.p.Document.Area), sourceList(srcs...)
	c.Note = plan.Text{VI: "Vùng gạch chéo: chưa có số liệu. " + m.Credit.VI + ".", EN: "Hatched: no data yet. " + m.Credit.In(plan.EN) + "."}
	// The table: a district a row, a year a column.
	c.Table = Table{Head: districtHead}
	for _, y := range years {
		c.Table.Columns = append(c.Table.Columns, Column{Head: plan.Text{VI: poorRateHead.VI + " " + strconv.Itoa(y), EN: poorRateHead.EN + " " + strconv.Itoa(y)}})
	}
	for _, a := range areas {
		r := Row{Head: plain(a.Name)}
		for _, y := range years {
			cell := Cell{}
			if v, ok := rate[a.ID][y]; ok {
				cell.Value = ptr(v)
			}
			r.Cells = append(r.Cells, cell)
		}
		c.Table.Rows = append(c.Table.Rows, r)
	}
	for _, y := range years {
		my := MapYear{Year: y, Bands: make([][]MapArea, len(m.Bands))}
		for _, a := range areas {
			ma := MapArea{ID: a.ID, Name: plain(a.Name)}
			k := len(rateClasses)
			if v, ok := rate[a.ID][y]; ok {
				ma.Value = ptr(v)
				for k = 0; v >= rateClasses[k].upTo; k++ {
				}
			}
			my.Bands[k] = append(my.Bands[k], ma)
		}
		my.Description = describeMap(y, m.Bands, my.Bands, dec)
		var err error
		my.Options, err = options(c.ID, func(lang plan.Lang) echart { return mapOption(c, m, my, lang) })
		if err != nil {
			return nil, err
		}
		m.Years = append(m.Years, my)
	}
	last := m.Years[len(m.Years)-1]
	c.Options, c.Description = last.Options, last.Description
	return c, nil
}

// describeMap names the districts of each band in the year, each with its
// rate.
func describeMap(year int, bands []Band, in [][]MapArea, d int) plan.Text {
	return both(func(lang plan.Lang) string {
		var parts []string
		for k, as := range in {
			if len(as) == 0 {
				continue
			}
			var names []string
			for _, a := range as {
				n := a.Name.In(lang)
				if a.Value != nil {
					n += " " + withUnit(lang, *a.Value, d, plan.UnitPercent)
				}
				names = append(names, n)
			}
			parts = append(parts, bands[k].Name.In(lang)+": "+list(lang, names))
		}
		lead := fmt.Sprintf("Tỷ lệ hộ nghèo năm %d theo huyện, thành phố.", year)
		if lang == plan.EN {
			lead = fmt.Sprintf("Poor-household rate in %d by district.", year)
		}
		return lead + " " + joinSentences(parts)
	})
}

// mapOption is the ECharts option of the map of one year in lang: a map
// series over the registered boundaries, each district coloured by its
// band, hatched without data.
func mapOption(c *Chart, m *Map, my MapYear, lang plan.Lang) echart {
	names := map[string]string{}
	var data []map[string]any
	for k, as := range my.Bands {
		for _, a := range as {
			names[a.ID] = a.Name.In(lang)
			style := map[string]any{"areaColor": m.Bands[k].Colour, "borderColor": "#444444", "borderWidth": 1}
			if m.Bands[k].None {
				style["decal"] = map[string]any{"symbol": "rect", "symbolSize": 1, "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4}, "rotation": 0.785, "color": "#767676"}
			}
			item := map[string]any{"name": a.Name.In(lang), "area": a.ID, "band": m.Bands[k].Name.In(lang), "itemStyle": style}
			if a.Value != nil {
				item["value"] = *a.Value
			}
			data = append(data, item)
		}
	}
	return rawOption{
		"aria":    map[string]any{"enabled": true, "label": map[string]any{"enabled": true, "description": my.Description.In(lang)}},
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"series": []any{map[string]any{
			"type": "map", "map": m.Name, "nameProperty": "id", "nameMap": names,
			"roam": false, "selectedMode": false, "top": 8, "bottom": 8, "left": 8, "right": 8,
			"label":    map[string]any{"show": true, "color": inkColour, "fontSize": 11, "textBorderColor": "#FFFFFF", "textBorderWidth": 2},
			"emphasis": map[string]any{"label": map[string]any{"show": true}, "itemStyle": map[string]any{"borderWidth": 2, "borderColor": "#000000"}},
			"data":     data,
		}},
	}
}
