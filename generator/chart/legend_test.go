package chart

import (
	"encoding/json"
	"testing"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// legendsAndSeries is what these tests read of an option.
type legendsAndSeries struct {
	Aria struct {
		Decal *struct{ Show bool }
	}
	Legend *struct {
		Show bool
		Type string
	}
	Series []struct {
		Name      string
		Type      string
		ItemStyle struct {
			Color string
			Decal any
		}
		Data []json.RawMessage
	}
}

func decode(t *testing.T, c *Chart, lang plan.Lang) legendsAndSeries {
	t.Helper()
	var o legendsAndSeries
	if err := json.Unmarshal(c.Options[lang], &o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	return o
}

// A legend is plain: it wraps onto as many lines as it needs and never
// pages, so that no item is out of sight.
func TestLegendsNeverPage(t *testing.T) {
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			for _, lang := range plan.Langs {
				if l := decode(t, &c, lang).Legend; l != nil && l.Show && l.Type != "plain" {
					t.Errorf("%s %s: legend type %q, want plain", c.ID, lang, l.Type)
				}
			}
		}
	}
}

// The budget's funds are parts of a whole: their series, and so the
// legend, lead with the largest.
func TestPartsOfAWholeLargestFirst(t *testing.T) {
	c := byID(build(t, "../../examples/demo"), "budget-by-fund-year")
	if c == nil {
		t.Fatal("no chart budget-by-fund-year")
	}
	total := map[string]float64{}
	for _, r := range c.Table.Rows { // a fund a row
		for _, cell := range r.Cells {
			if cell.Value != nil {
				total[r.Head.VI] += *cell.Value
			}
		}
	}
	o := decode(t, c, plan.VI)
	if len(o.Series) < 3 {
		t.Fatalf("%d series, want the demo's funds", len(o.Series))
	}
	for i := 1; i < len(o.Series); i++ {
		a, b := o.Series[i-1].Name, o.Series[i].Name
		if total[a] < total[b] {
			t.Errorf("series %d %q (%v) before %q (%v): want the largest first", i-1, a, total[a], b, total[b])
		}
	}
}

// Ordered groups are coloured light to dark: the map's bands and the
// seats' classes of rates take the sequential palette, never the
// categorical one.
func TestOrderedGroupsSequential(t *testing.T) {
	for i := 1; i < len(mapPalette); i++ {
		if luminance(mapPalette[i]) >= luminance(mapPalette[i-1]) {
			t.Errorf("mapPalette[%d] %s is not darker than %s", i, mapPalette[i], mapPalette[i-1])
		}
	}
	for k, b := range Bands()[:len(rateClasses)] {
		if b.Colour != mapPalette[k] {
			t.Errorf("band %d: colour %s, want %s", k, b.Colour, mapPalette[k])
		}
	}
	// The budget's stages, planned to disbursed, light to dark.
	st := byID(build(t, "../../examples/demo"), "budget-stages")
	if st == nil {
		t.Fatal("no chart budget-stages")
	}
	ss := decode(t, st, plan.VI).Series
	for i, s := range ss {
		if s.ItemStyle.Color == "" || i > 0 && luminance(s.ItemStyle.Color) >= luminance(ss[i-1].ItemStyle.Color) {
			t.Errorf("budget-stages: %q coloured %q, want darker than the stage before", s.Name, s.ItemStyle.Color)
		}
	}
	// The seats, as the map is drawn without boundaries.
	p, probs := load.Dir("../../examples/demo")
	if probs.Fatal() {
		t.Fatal(probs)
	}
	p.Boundaries = nil
	cs, err := Build(p, progress.Compute(p, 0))
	if err != nil {
		t.Fatal(err)
	}
	c := byID(cs, "areas-map")
	if c == nil || c.Map != nil {
		t.Fatal("no map of the seats")
	}
	classes := 0
	for _, s := range decode(t, c, plan.VI).Series {
		for k := range rateClasses {
			if className(k).VI != s.Name {
				continue
			}
			classes++
			if s.ItemStyle.Color != mapPalette[k] {
				t.Errorf("seats: class %q coloured %s, want %s (light to dark)", s.Name, s.ItemStyle.Color, mapPalette[k])
			}
		}
	}
	if classes < 2 {
		t.Errorf("seats: %d classes of rates drawn, want several", classes)
	}
}

// Series are told apart by colour and marker shape; a hatch is drawn only
// where a colour comes round again, never on every chart.
func TestHatchOnlyWhereColoursRepeat(t *testing.T) {
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			o := decode(t, &c, plan.VI)
			if o.Aria.Decal != nil && o.Aria.Decal.Show {
				t.Errorf("%s: decals on every series", c.ID)
			}
		}
	}
	ls := make([]line, len(Palette)+2)
	for i := range ls {
		ls[i] = line{name: plan.Text{VI: string(rune('a' + i))}, values: []*float64{ptr(float64(i + 1))}}
	}
	c := &Chart{ID: "x"}
	opt, err := options(c.ID, func(lang plan.Lang) echart {
		return barChart(c, lang, []plan.Text{{VI: "2015"}}, ls, "total", nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Options = opt
	for i, s := range decode(t, c, plan.VI).Series {
		if hatched := s.ItemStyle.Decal != nil; hatched != (i >= len(Palette)) {
			t.Errorf("series %d of %d: hatched %v, want %v", i, len(ls), hatched, i >= len(Palette))
		}
	}
}

// A chart's numbers show one number of decimals, in every column of its
// table (the country's 7,80 beside the province's 12,11, never 7,8), and
// the chart's Decimals, which its tooltips use, is that number; places
// keep their own.
func TestOneDecimalsAChart(t *testing.T) {
	tb := Table{Columns: []Column{{Head: plan.Text{VI: "a"}}, {Head: plan.Text{VI: "b"}}, {Head: plan.Text{VI: "lon"}, Place: true}, {Head: plan.Text{VI: "w"}, Words: true}},
		Rows: []Row{
			{Cells: []Cell{{Value: ptr(12.11)}, {Value: ptr(7.8)}, {Value: ptr(106.1925)}, {}}},
			{Cells: []Cell{{Value: ptr(7.5)}, {Value: ptr(9)}, {Value: ptr(106.5)}, {}}},
		}}
	if d := tb.showAllDecimals(0); d != 2 {
		t.Errorf("showAllDecimals(0) = %d, want 2", d)
	}
	for i, want := range []int{2, 2, 4, 0} {
		if got := tb.Columns[i].Decimals; got != want {
			t.Errorf("column %q: %d decimals, want %d", tb.Columns[i].Head.VI, got, want)
		}
	}
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			// Areas' rates show two decimals, as the area pages' tables:
			// 31,70 in the districts' ranking, never 31,7 beside it.
			if c.Unit == plan.UnitPercent && c.Kind != KindTrend && c.Decimals != areaDecimals {
				t.Errorf("%s: areas' rates with %d decimals, want %d as the area pages' tables", c.ID, c.Decimals, areaDecimals)
			}
			for _, col := range c.Table.Columns {
				if !col.Words && !col.Place && col.Decimals != c.Decimals {
					t.Errorf("%s: column %q shows %d decimals, the chart %d", c.ID, col.Head.VI, col.Decimals, c.Decimals)
				}
			}
		}
	}
}

// An exported image says what the chart is of: every chart has a scope
// naming its area, with its years but for the map (one year at a time),
// and sources that are the data's.
func TestScopeAndSources(t *testing.T) {
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			if c.Scope.VI == "" || c.Scope.EN == "" {
				t.Errorf("%s: scope %q", c.ID, c.Scope)
			}
			if c.Kind != KindStatus && len(c.Sources) == 0 {
				t.Errorf("%s: no sources", c.ID)
			}
			seen := map[string]bool{}
			for _, s := range c.Sources {
				if s == "" || seen[s] {
					t.Errorf("%s: sources %q", c.ID, c.Sources)
				}
				seen[s] = true
			}
		}
	}
	c := byID(build(t, "../../data"), "target-2a-trend")
	if want := (plan.Text{VI: "Bắc Giang, 2012–2015", EN: "Bắc Giang, 2012–2015"}); c == nil || c.Scope != want {
		t.Errorf("target-2a-trend: scope %+v, want %+v", c.Scope, want)
	}
}
