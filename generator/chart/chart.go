// Package chart builds the site's charts from a plan and its progress: a
// target's values year by year against its goal, the districts' rates
// (ranking, small multiples and a map of the district seats), the budget by
// fund and year and by stage, and the targets by status.
//
// Each Chart carries, for each language, the ECharts option built with
// go-echarts' typed API and marshalled with encoding/json (never rendered
// by go-echarts, whose Render points at a CDN and writes data into a
// script unescaped); a text description written from the numbers, which
// the page shows as the figure's caption and ECharts gives to screen
// readers; and the Table of exactly the numbers the chart draws, which is
// what readers without JavaScript and printed pages see, also as CSV.
//
// A chart with no data is not made: the page then says there is no data
// yet. Ids are fixed ("target-2a-trend", "areas-ranking") and the same
// input gives the same bytes. The map is a choropleth of the districts'
// boundaries (data/boundaries.geojson) where the data has them; without
// them it places the district seats on longitude and latitude axes.
package chart

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"plansite/generator/opendata"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// Kinds of chart, which pages style and tests tell apart.
const (
	KindTrend  = "trend"  // a target's values by year against its goal
	KindRank   = "rank"   // the districts' latest rates, ranked
	KindSmall  = "small"  // one district's rates by year, one of a set on one scale
	KindMap    = "map"    // the district seats on longitude and latitude, coloured by rate
	KindStack  = "stack"  // the budget by fund and year, stacked
	KindStages = "stages" // the budget planned, allocated and disbursed by year
	KindStatus = "status" // the targets counted by status
)

// Pages a chart is shown on, besides "targets/<id>" for a target's own.
const (
	PageHome   = "home"
	PageAreas  = "areas"
	PageBudget = "budget"
)

// A Chart is one chart of the site.
type Chart struct {
	ID    string
	Kind  string
	Page  string // PageHome, PageAreas, PageBudget or "targets/<id>"
	Title plan.Text
	// Description says in words what the chart shows, from its numbers.
	Description plan.Text
	// Note explains how to read the chart (hollow markers, what the map
	// leaves out); empty when there is nothing to explain.
	Note plan.Text
	// Unit is the unit of the values (plan.UnitPercent, …; empty for a
	// count), which Suffix writes after a number.
	Unit string
	// Decimals is how many decimals the chart's values are shown with: in
	// its table, its tooltips and its description alike (7,50 beside
	// 12,11, never 7,5 in one and 7,50 in another).
	Decimals int
	// Scope says where and when the chart's numbers are of: "Bắc Giang,
	// 2010–2015"; an exported image carries it under the title.
	Scope plan.Text
	// Sources are the ids of the sources of the chart's numbers, each
	// once, in the order met; an exported image names them.
	Sources []string
	Table   Table
	// Options is the ECharts option as JSON, by language.
	Options map[plan.Lang][]byte
	// Map is set on a choropleth: its boundaries, bands and years.
	Map *Map
	// Compare are the areas a reader may add to the chart, their series
	// hidden until then (a district's chart, KindCompare).
	Compare []CompareArea
}

// A Table holds exactly the numbers a chart draws: one row per category
// (a year, a district, a status), one column per series, and columns of
// words (a year, a status of the figures) where the chart needs them.
type Table struct {
	Head    plan.Text // heading of the column of row headings
	Columns []Column
	Rows    []Row
	// SeriesInRows is true when each row is a series and each column a
	// category: the budget's funds by year.
	SeriesInRows bool
}

// A Column is a column of a table. Its heading carries the unit.
type Column struct {
	Head plan.Text
	// Words is true for a column of words rather than numbers.
	Words bool
	// Place is true for a column of longitudes or latitudes, whose
	// decimals are their own rather than the chart's.
	Place bool
	// Decimals is how many decimals the numbers show.
	Decimals int
}

// A Row is a row of a table, one cell per column.
type Row struct {
	Head  plan.Text
	Cells []Cell
}

// A Cell is a number (nil when the data does not have it) or, in a
// column of words, a text.
type Cell struct {
	Value *float64
	Text  plan.Text
}

// CSV is the table in lang: a header row, then the rows; numbers written
// in full with a decimal point, a missing number an empty cell, text
// cells guarded against formula injection, as in the open data files.
func (t Table) CSV(lang plan.Lang) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rec := []string{opendata.Neutralise(t.Head.In(lang))}
	for _, c := range t.Columns {
		rec = append(rec, opendata.Neutralise(c.Head.In(lang)))
	}
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	for _, r := range t.Rows {
		rec = append(rec[:0], opendata.Neutralise(r.Head.In(lang)))
		for i, c := range r.Cells {
			switch {
			case i < len(t.Columns) && t.Columns[i].Words:
				rec = append(rec, opendata.Neutralise(c.Text.In(lang)))
			case c.Value != nil:
				rec = append(rec, opendata.FormatNumber(*c.Value))
			default:
				rec = append(rec, "")
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// Build makes every chart the data allows, in a fixed order: the overview,
// each target's, the districts', the budget's.
func Build(p *plan.Plan, r *progress.Report) ([]Chart, error) {
	b := newBuilder(p, r)
	var out []Chart
	add := func(c *Chart, err error) error {
		if err != nil {
			return err
		}
		if c != nil {
			out = append(out, *c)
		}
		return nil
	}
	if err := add(b.status()); err != nil {
		return nil, err
	}
	for i := range p.Targets {
		if i < len(r.Targets) {
			if err := add(b.trend(&p.Targets[i], &r.Targets[i])); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range []func() (*Chart, error){b.ranking, b.areasMap} {
		if err := add(f()); err != nil {
			return nil, err
		}
	}
	small, err := b.smallMultiples()
	if err != nil {
		return nil, err
	}
	out = append(out, small...)
	compares, err := b.compares()
	if err != nil {
		return nil, err
	}
	out = append(out, compares...)
	for _, f := range []func() (*Chart, error){b.byFundYear, b.stages} {
		if err := add(f()); err != nil {
			return nil, err
		}
	}
	for i := range out {
		least := 0
		switch out[i].Kind {
		case KindRank, KindSmall, KindMap, KindCompare: // areas' rates
			least = areaDecimals
		}
		out[i].Decimals = out[i].Table.showAllDecimals(least)
	}
	return out, nil
}

// showAllDecimals makes the table's numbers show the decimals they need,
// all alike (7,50 beside 12,11, in every column: the province's and the
// country's rates alike) and in full, where a page would show at most 2
// and drop trailing zeros; a column of places has decimals of its own
// (a longitude, 106,192). least is the fewest decimals the values show.
// It returns the decimals of the values.
func (t *Table) showAllDecimals(least int) int {
	column := func(i int) []float64 {
		var xs []float64
		for _, r := range t.Rows {
			if i < len(r.Cells) && r.Cells[i].Value != nil {
				xs = append(xs, *r.Cells[i].Value)
			}
		}
		return xs
	}
	var values []float64
	for i, c := range t.Columns {
		if !c.Words && !c.Place {
			values = append(values, column(i)...)
		}
	}
	d := max(least, places(6, values...))
	for i, c := range t.Columns {
		switch {
		case c.Words:
		case c.Place:
			t.Columns[i].Decimals = places(6, column(i)...)
		default:
			t.Columns[i].Decimals = d
		}
	}
	return d
}

// Font is the charts' text font: the page's own (body in
// themes/plansite/assets/css/00-base.css, which a test ties to this), so
// that a chart's text reads as the page around it.
const Font = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif`

// An echart is a go-echarts chart: its options are ready once Validate
// has run, and JSON returns them.
type echart interface {
	Validate()
	JSON() map[string]interface{}
}

// options builds a chart's option in every language with make and
// marshals it with encoding/json, which escapes <, > and & so that no
// string of the data can close a script element.
func options(id string, make func(lang plan.Lang) echart) (map[plan.Lang][]byte, error) {
	out := map[plan.Lang][]byte{}
	for _, lang := range plan.Langs {
		c := make(lang)
		c.Validate()
		o := c.JSON()
		o["textStyle"] = map[string]string{"fontFamily": Font} // go-echarts has no option for it
		delete(o, "toolbox")                                   // go-echarts writes an empty one; the site's ECharts has none
		b, err := json.Marshal(o)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", id, err)
		}
		out[lang] = b
	}
	return out, nil
}
