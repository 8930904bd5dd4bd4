package emit

import (
	"fmt"

	"plansite/generator/chart"
	"plansite/generator/opendata"
	"plansite/generator/plan"
)

// A chartView is what a page needs to show a chart: the words of its
// figure, the paths of its option and its data in each language, and the
// table of its numbers. The option never passes through a template: it is
// a file of its own, which the page's script fetches.
type chartView struct {
	ID, Kind                 string
	Title, Description, Note plan.Text
	// Unit is what follows a number in a tooltip: " %"; Decimals how many
	// decimals its numbers show (chart.Chart.Decimals).
	Unit     plan.Text
	Decimals int
	// Scope and Sources (ids) are what an exported image says the chart
	// is of and where its numbers come from.
	Scope   plan.Text
	Sources []string
	// Src and CSV are the option's and the data's paths from the site's
	// root, by language, for relURL.
	Src, CSV plan.Text
	Table    tableView
	// Map is set on a choropleth (chart.Map).
	Map *mapView `json:",omitempty"`
	// Compare are the areas a reader may add to the chart (chart.Compare).
	Compare []addableView `json:",omitempty"`
}

// An addableView is an area whose series a reader may add to a chart.
type addableView struct {
	ID   string
	Name plan.Text
}

// A mapView is what a page needs to show a choropleth: the boundaries'
// path and the name they register under, the credit, the bands of the
// legend and, for each year, its option's path and its districts by band.
type mapView struct {
	Geo, Name string
	Credit    plan.Text
	Bands     []mapBandView
	Years     []mapYearView
	Decimals  int
}

type mapBandView struct {
	Name plan.Text
	None bool
}

type mapYearView struct {
	Year        int
	Src         plan.Text
	Description plan.Text
	Bands       [][]mapAreaView // by band, as Bands
}

type mapAreaView struct {
	ID    string
	Name  plan.Text
	Value *float64
}

// newMapView is the view of the choropleth m of chart id.
func newMapView(id string, m *chart.Map, decimals int) *mapView {
	mv := &mapView{Geo: "data/" + opendata.BoundariesFile, Name: m.Name, Credit: translated(m.Credit), Decimals: decimals}
	for _, b := range m.Bands {
		mv.Bands = append(mv.Bands, mapBandView{Name: translated(b.Name), None: b.None})
	}
	for _, y := range m.Years {
		yid := mapYearID(id, y.Year)
		yv := mapYearView{Year: y.Year, Description: translated(y.Description),
			Src: plan.Text{VI: chartPath(plan.VI, yid, "json"), EN: chartPath(plan.EN, yid, "json")}}
		for _, as := range y.Bands {
			avs := []mapAreaView{}
			for _, a := range as {
				avs = append(avs, mapAreaView{ID: a.ID, Name: translated(a.Name), Value: a.Value})
			}
			yv.Bands = append(yv.Bands, avs)
		}
		mv.Years = append(mv.Years, yv)
	}
	return mv
}

// mapYearID names the option file of a map's year: areas-map-2014.
func mapYearID(id string, year int) string { return fmt.Sprintf("%s-%d", id, year) }

type tableView struct {
	Head    plan.Text
	Columns []columnView
	Rows    []rowView
}

type columnView struct {
	Head     plan.Text
	Words    bool
	Decimals int
}

type rowView struct {
	Head  plan.Text
	Cells []cellView
}

// A cellView is a number (null when missing) or, in a column of words, a
// text.
type cellView struct {
	Value *float64
	Text  *plan.Text `json:",omitempty"`
}

// translated is t with its English only where it differs from the
// Vietnamese: a chart's text in both languages (a place name, say) is
// Vietnamese, as the page marks it.
func translated(t plan.Text) plan.Text {
	if t.EN == t.VI {
		t.EN = ""
	}
	return t
}

// chartPath is where a chart's file of the given extension is served.
func chartPath(lang plan.Lang, id, ext string) string {
	return "charts/" + string(lang) + "/" + id + "." + ext
}

// addCharts puts the charts into the view: each by id, and the ids of
// each page's charts on the page's item (a target) or in ChartsOn.
func addCharts(v *siteView, cs []chart.Chart) {
	v.Charts = map[string]chartView{}
	v.ChartsOn = map[string][]string{}
	for _, c := range cs {
		cv := chartView{ID: c.ID, Kind: c.Kind, Title: translated(c.Title), Description: translated(c.Description), Note: translated(c.Note),
			Unit: translated(chart.Suffix(c.Unit)), Decimals: c.Decimals, Scope: translated(c.Scope), Sources: c.Sources,
			Src:   plan.Text{VI: chartPath(plan.VI, c.ID, "json"), EN: chartPath(plan.EN, c.ID, "json")},
			CSV:   plan.Text{VI: chartPath(plan.VI, c.ID, "csv"), EN: chartPath(plan.EN, c.ID, "csv")},
			Table: tableView{Head: translated(c.Table.Head), Columns: []columnView{}, Rows: []rowView{}}}
		for _, col := range c.Table.Columns {
			cv.Table.Columns = append(cv.Table.Columns, columnView{Head: translated(col.Head), Words: col.Words, Decimals: col.Decimals})
		}
		for _, r := range c.Table.Rows {
			rv := rowView{Head: translated(r.Head), Cells: []cellView{}}
			for i, cell := range r.Cells {
				cellv := cellView{Value: cell.Value}
				if i < len(c.Table.Columns) && c.Table.Columns[i].Words {
					t := translated(cell.Text)
					cellv.Text = &t
				}
				rv.Cells = append(rv.Cells, cellv)
			}
			cv.Table.Rows = append(cv.Table.Rows, rv)
		}
		if c.Map != nil {
			d := 0
			for _, col := range c.Table.Columns {
				d = max(d, col.Decimals)
			}
			cv.Map = newMapView(c.ID, c.Map, d)
		}
		for _, a := range c.Compare {
			cv.Compare = append(cv.Compare, addableView{ID: a.ID, Name: translated(a.Name)})
		}
		v.Charts[c.ID] = cv
		placed := false
		for i := range v.Targets {
			if c.Page == "targets/"+v.Targets[i].ID {
				v.Targets[i].Charts = append(v.Targets[i].Charts, c.ID)
				placed = true
			}
		}
		if !placed {
			v.ChartsOn[c.Page] = append(v.ChartsOn[c.Page], c.ID)
		}
		if c.Page == chart.PageAreas && (c.Kind == chart.KindMap || c.Kind == chart.KindRank) {
			for i := range v.Targets {
				if byArea(v, &v.Targets[i]) {
					v.Targets[i].MapCharts = append(v.Targets[i].MapCharts, c.ID)
				}
			}
		}
	}
}

// byArea reports whether the districts' charts show the target's values
// by area: the poor-household rate of the plan's own area.
func byArea(v *siteView, t *targetView) bool {
	return t.Measure == plan.MeasurePoorRate && t.Scope == v.Document.Area
}

// chartFiles are each chart's option and data in each language, served
// at /charts/<lang>/<id>.json and .csv.
func chartFiles(cs []chart.Chart) (Files, error) {
	files := Files{}
	for _, c := range cs {
		for _, lang := range plan.Langs {
			files["static/"+chartPath(lang, c.ID, "json")] = append(c.Options[lang], '\n')
			b, err := c.Table.CSV(lang)
			if err != nil {
				return nil, fmt.Errorf("chart %s: %w", c.ID, err)
			}
			files["static/"+chartPath(lang, c.ID, "csv")] = b
			if c.Map != nil {
				for _, y := range c.Map.Years {
					files["static/"+chartPath(lang, mapYearID(c.ID, y.Year), "json")] = append(y.Options[lang], '\n')
				}
			}
		}
	}
	return files, nil
}
