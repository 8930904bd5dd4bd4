package chart

import (
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// A CompareArea is an area a reader may add to a district's chart.
type CompareArea struct {
	ID   string
	Name plan.Text
}

// KindCompare is a district's rate by year beside the province's and the
// country's, other districts to add.
const KindCompare = "compare"

// ratesOf are the poor-household rates of the area id by year.
func (b *builder) ratesOf(id string) []progress.Point {
	ap := b.r.Area(id)
	if ap == nil {
		return nil
	}
	var pts []progress.Point
	for _, y := range ap.Years {
		if y.Poor != nil {
			pts = append(pts, progress.Point{Year: y.Year, Value: y.Poor.Value, Status: y.Status, Source: y.Source})
		}
	}
	return pts
}

// compares charts each district with rates in two years or more: its
// poor-household rate by year, the province's and the country's beside it,
// and every other district's, hidden until the reader adds it (the
// page's control, in charts.js).
func (b *builder) compares() ([]Chart, error) {
	ds, years, hi := b.districtRates()
	province := district{a: b.x.Area(b.p.Document.Area), pts: b.ratesOf(b.p.Document.Area)}
	var country district
	if province.a != nil && province.a.Parent != "" {
		country = district{a: b.x.Area(province.a.Parent), pts: b.ratesOf(province.a.Parent)}
	}
	seen := map[int]bool{}
	for _, y := range years {
		seen[y] = true
	}
	for _, d := range []district{province, country} {
		for _, pt := range d.pts {
			if !seen[pt.Year] {
				seen[pt.Year] = true
				years = append(years, pt.Year)
			}
			hi = max(hi, pt.Value)
		}
	}
	sort.Ints(years)
	labels := make([]plan.Text, len(years))
	for i, y := range years {
		labels[i] = when(y, 0)
	}
	lineOf := func(d district) line {
		l := line{name: plain(d.a.Name), values: make([]*float64, len(years)), status: make([]string, len(years))}
		for _, pt := range d.pts {
			i := sort.SearchInts(years, pt.Year)
			l.values[i], l.status[i] = ptr(pt.Value), pt.Status
		}
		return l
	}
	_, top := axisRange(0, hi, plan.UnitPercent)
	var out []Chart
	for _, d := range ds {
		if len(d.pts) < 2 {
			continue
		}
		lines := []line{lineOf(d)}
		shown := []district{d}
		for _, o := range []district{province, country} {
			if o.a != nil && len(o.pts) > 0 {
				lines = append(lines, lineOf(o))
				shown = append(shown, o)
			}
		}
		c := &Chart{ID: "area-" + d.a.ID + "-compare", Kind: KindCompare, Page: "areas/" + d.a.ID, Unit: plan.UnitPercent,
			Title: rateOf(poorRateOf, plain(d.a.Name))}
		var shownPts [][]progress.Point
		for _, o := range shown {
			shownPts = append(shownPts, o.pts)
		}
		c.Scope, c.Sources = b.scope(d.a.ID, pointYears(shownPts...)...), sourceList(pointSources(shownPts...)...)
		hidden := map[plan.Lang]map[string]bool{plan.VI: {}, plan.EN: {}}
		for _, o := range ds {
			if o.a.ID == d.a.ID {
				continue
			}
			l := lineOf(o)
			lines = append(lines, l)
			c.Compare = append(c.Compare, CompareArea{ID: o.a.ID, Name: l.name})
			for _, lang := range plan.Langs {
				hidden[lang][l.name.In(lang)] = false
			}
		}
		c.Table = lineTable(yearHead, labels, lines, plan.UnitPercent, false)
		// One number of decimals for every line, as the table has.
		var all []float64
		for _, o := range shown {
			all = append(all, values(o.pts)...)
		}
		dec := areaDecimals
		c.Description = both(func(lang plan.Lang) string {
			s := ""
			for i, o := range shown {
				if i > 0 {
					s += " "
				}
				s += sentence(lang, rateOf(poorRateOf, plain(o.a.Name)).In(lang), false, o.pts, dec, plan.UnitPercent) + "."
			}
			return s
		})
		var err error
		c.Options, err = options(c.ID, func(lang plan.Lang) echart {
			l := lineChart(c, lang, labels, lines, plan.UnitPercent, 0, top, nil).(*charts.Line)
			l.SetGlobalOptions(charts.WithLegendOpts(legendOpts(true, hidden[lang])))
			return l
		})
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}
