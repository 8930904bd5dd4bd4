package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var datasets = []string{"../../data", "../../examples/demo"}

func build(t *testing.T, dir string) []Chart {
	t.Helper()
	p, probs := load.Dir(dir)
	if probs.Fatal() {
		t.Fatal(probs)
	}
	cs, err := Build(p, progress.Compute(p, 0))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func byID(cs []Chart, id string) *Chart {
	for i := range cs {
		if cs[i].ID == id {
			return &cs[i]
		}
	}
	return nil
}

// The description of the shipped province rate is written from its numbers,
// as the issue words it.
func TestDescriptionOfShippedPovertyRate(t *testing.T) {
	c := byID(build(t, "../../data"), "target-2a-trend")
	if c == nil {
		t.Fatal("no chart target-2a-trend")
	}
	want := plan.Text{
		VI: "Tỷ lệ hộ nghèo Bắc Giang giảm từ 12,11 % (2012) xuống 7,50 % (2015), vượt mục tiêu 8,5–9,0 %. " +
			"Việt Nam: giảm từ 9,64 % (2012) xuống 5,97 % (2014).",
		EN: "The poor-household rate of Bắc Giang fell from 12.11 % (2012) to 7.50 % (2015), beating the target of 8.5–9.0 %. " +
			"Việt Nam: fell from 9.64 % (2012) to 5.97 % (2014).",
	}
	if c.Description != want {
		t.Errorf("Description =\n%q\nwant\n%q", c.Description, want)
	}
	for _, lang := range plan.Langs {
		var opt struct {
			Aria struct {
				Enabled bool
				Label   struct{ Description string }
				Decal   struct{ Show bool }
			}
		}
		if err := json.Unmarshal(c.Options[lang], &opt); err != nil {
			t.Fatal(err)
		}
		// No decals: the lines differ by colour and marker shape.
		if !opt.Aria.Enabled || opt.Aria.Decal.Show || opt.Aria.Label.Description != want.In(lang) {
			t.Errorf("%s: aria = %+v, want enabled, no decals and the description", lang, opt.Aria)
		}
	}
}

// The option of the shipped province rate, checked against a golden file
// (go test -update rewrites it).
func TestGoldenOption(t *testing.T) {
	c := byID(build(t, "../../data"), "target-2a-trend")
	for _, lang := range plan.Langs {
		var b bytes.Buffer
		if err := json.Indent(&b, c.Options[lang], "", "  "); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", c.ID+"."+string(lang)+".json")
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s option differs from %s (go test -update rewrites it):\n%s", lang, golden, b.String())
		}
	}
}

// option is the part of an ECharts option the tests read.
type option struct {
	XAxis   []axis `json:"xAxis"`
	YAxis   []axis `json:"yAxis"`
	Series  []optionSeries
	Toolbox any
	Legend  struct {
		Show bool
		Type string
		Data []any
	}
}

type optionSeries struct {
	Name     string
	Type     string
	Data     []optionDatum
	MarkArea *struct {
		Label struct{ Show bool }
		Data  [][]struct{ Name string }
	}
	MarkLine *struct {
		Label struct{ Show bool }
		Data  []struct {
			Name  string
			YAxis any
			Label *struct{ Show bool }
		}
	}
}

type optionDatum struct {
	Name  string
	Value any
}

type axis struct {
	Type string
	Data []string
}

// isKey says whether s is a goal's key: a series with no value, which
// names the goal in the legend.
func isKey(s optionSeries) bool {
	return slices.IndexFunc(s.Data, func(d optionDatum) bool { return d.Value != "-" }) < 0
}

// A target's goal is named in the legend, as a key, never by a label
// inside the plot, where the lines would cross it (issue 15: "Mục tiêu
// 2015: 8,5–9,0 %" over the province's line at 360 px).
func TestGoalIsNamedInTheLegend(t *testing.T) {
	seen := 0
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			if c.Kind != KindTrend || !strings.HasPrefix(c.ID, "target-") {
				continue
			}
			for _, lang := range plan.Langs {
				var o option
				if err := json.Unmarshal(c.Options[lang], &o); err != nil {
					t.Fatal(err)
				}
				for i, s := range o.Series {
					if s.MarkArea != nil && len(s.MarkArea.Data) > 0 {
						seen++
						if !isKey(s) || s.MarkArea.Label.Show || !o.Legend.Show {
							t.Errorf("%s/%s: series %d %q draws a goal's band: key %t, label shown %t, legend shown %t; want a key in a shown legend, no label",
								c.ID, lang, i, s.Name, isKey(s), s.MarkArea.Label.Show, o.Legend.Show)
						}
						if !slices.ContainsFunc(o.Legend.Data, func(k any) bool { m, ok := k.(map[string]any); return ok && m["name"] == s.Name && m["icon"] == "rect" }) {
							t.Errorf("%s/%s: the legend %v has no rectangle named %q", c.ID, lang, o.Legend.Data, s.Name)
						}
					}
					if s.MarkLine != nil && s.MarkLine.Label.Show {
						for _, d := range s.MarkLine.Data {
							if d.YAxis != nil {
								t.Errorf("%s/%s: series %d labels a goal line %q inside the plot", c.ID, lang, i, d.Name)
							}
						}
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no target's chart draws a goal band: the test tests nothing")
	}
}

// cellValue is what a table cell says in the chart's terms: a number or
// "-" for a missing one.
func cellValue(c Cell) any {
	if c.Value == nil {
		return "-"
	}
	return *c.Value
}

// Every chart's table holds exactly the numbers of its series, in both
// languages, with the series' names as headings.
func TestTableEqualsSeries(t *testing.T) {
	for _, dir := range datasets {
		for _, c := range build(t, dir) {
			for _, lang := range plan.Langs {
				t.Run(filepath.Base(dir)+"/"+c.ID+"/"+string(lang), func(t *testing.T) {
					var o option
					if err := json.Unmarshal(c.Options[lang], &o); err != nil {
						t.Fatal(err)
					}
					if c.Kind == KindMap {
						checkMap(t, c, lang, o)
						return
					}
					cats := o.XAxis[0].Data
					if o.XAxis[0].Type == "value" {
						cats = o.YAxis[0].Data
					}
					// The table as series: a column (or, SeriesInRows, a
					// row) of numbers per series, a heading per category.
					var heads, names []string
					var series [][]any
					if c.Table.SeriesInRows {
						for _, col := range c.Table.Columns {
							heads = append(heads, col.Head.In(lang))
						}
						for _, r := range c.Table.Rows {
							names = append(names, r.Head.In(lang))
							var vs []any
							for _, cell := range r.Cells {
								vs = append(vs, cellValue(cell))
							}
							series = append(series, vs)
						}
					} else {
						for _, r := range c.Table.Rows {
							heads = append(heads, r.Head.In(lang))
						}
						for i, col := range c.Table.Columns {
							if col.Words {
								continue
							}
							names = append(names, col.Head.In(lang))
							var vs []any
							for _, r := range c.Table.Rows {
								vs = append(vs, cellValue(r.Cells[i]))
							}
							series = append(series, vs)
						}
					}
					if !reflect.DeepEqual(cats, heads) {
						t.Errorf("categories %q, table rows %q", cats, heads)
					}
					// A goal's key (a series without values, named in the
					// legend) is not data.
					o.Series = slices.DeleteFunc(o.Series, isKey)
					if len(o.Series) != len(series) {
						t.Fatalf("%d series, table has %d", len(o.Series), len(series))
					}
					for i, s := range o.Series {
						if !strings.HasPrefix(names[i], s.Name) {
							t.Errorf("series %d is %q, table heading %q", i, s.Name, names[i])
						}
						var got []any
						for _, d := range s.Data {
							got = append(got, d.Value)
						}
						if !reflect.DeepEqual(got, series[i]) {
							t.Errorf("series %q = %v, table %v", s.Name, got, series[i])
						}
					}
				})
			}
		}
	}
}

// checkMap compares the points of the map, every class together, with
// the rows of its table: name, longitude, latitude and rate.
func checkMap(t *testing.T, c Chart, lang plan.Lang, o option) {
	if c.Map != nil {
		checkChoropleth(t, c, lang)
		return
	}
	var got, want []string
	for _, s := range o.Series {
		for _, d := range s.Data {
			got = append(got, fmt.Sprint(d.Name, d.Value, s.Name))
		}
	}
	for _, r := range c.Table.Rows {
		v := []any{*r.Cells[0].Value, *r.Cells[1].Value}
		if r.Cells[2].Value != nil {
			v = append(v, *r.Cells[2].Value)
		}
		want = append(want, fmt.Sprint(r.Head.In(lang), v, r.Cells[4].Text.In(lang)))
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("map points\n%q\ntable\n%q", got, want)
	}
}

// Charts have fixed, unique ids, a description and a scope in both
// languages, and no toolbox: the figure's download menu saves them.
func TestChartsAreNamedAndDescribed(t *testing.T) {
	for _, dir := range datasets {
		seen := map[string]bool{}
		for _, c := range build(t, dir) {
			if seen[c.ID] {
				t.Errorf("%s: duplicate id", c.ID)
			}
			seen[c.ID] = true
			if c.Description.VI == "" || c.Description.EN == "" || c.Description.VI == c.Description.EN {
				t.Errorf("%s: description %q", c.ID, c.Description)
			}
			for _, lang := range plan.Langs {
				var o option
				if err := json.Unmarshal(c.Options[lang], &o); err != nil {
					t.Fatal(err)
				}
				if o.Toolbox != nil {
					t.Errorf("%s %s: toolbox %v, want none", c.ID, lang, o.Toolbox)
				}
				if c.Scope.In(lang) == "" {
					t.Errorf("%s %s: no scope", c.ID, lang)
				}
			}
		}
		for _, id := range []string{"overview-status", "target-2a-trend", "areas-ranking", "areas-map", "budget-by-fund-year"} {
			if !seen[id] {
				t.Errorf("%s: no chart %s", dir, id)
			}
		}
		// The stages of a year are drawn side by side only when the year's
		// lines are one set: the shipped data's 2013 lines are a loan plan
		// and loans paid out in three communes, from two documents.
		if want := dir != "../../data"; seen["budget-stages"] != want {
			t.Errorf("%s: chart budget-stages made %v, want %v", dir, seen["budget-stages"], want)
		}
	}
}

// A chart without data is not made, and no missing value is drawn as 0.
func TestNoDataNoChart(t *testing.T) {
	p := &plan.Plan{
		Document: plan.Document{Area: "p"},
		Targets:  []plan.Target{{ID: "x", Unit: plan.UnitPercent, Scope: "p", By: 2015, Goal: plan.Goal{AtLeast: ptr(90)}}},
		Areas: []plan.Area{{ID: "p", Kind: plan.KindProvince, Name: plan.Text{VI: "P"}},
			{ID: "d", Parent: "p", Kind: plan.KindDistrict, Name: plan.Text{VI: "D"}, Lat: ptr(21), Lon: ptr(106)}},
	}
	cs, err := Build(p, progress.Compute(p, 0))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	if !reflect.DeepEqual(ids, []string{"overview-status"}) {
		t.Errorf("charts %v, want only overview-status", ids)
	}
}

// A missing year is a gap ("-"), never 0, in the option and in the table.
func TestMissingIsNotZero(t *testing.T) {
	households := 1000
	poor := func(n int) *int { return &n }
	p := &plan.Plan{
		Document: plan.Document{Area: "p"},
		Areas: []plan.Area{{ID: "p", Kind: plan.KindProvince, Name: plan.Text{VI: "P"}},
			{ID: "d", Parent: "p", Kind: plan.KindDistrict, Name: plan.Text{VI: "D"}, Figures: []plan.Figure{
				{Year: 2012, Households: &households, PoorHouseholds: poor(100)},
				{Year: 2014, Households: &households, PoorHouseholds: poor(80)}}},
			{ID: "e", Parent: "p", Kind: plan.KindDistrict, Name: plan.Text{VI: "E"}, Figures: []plan.Figure{
				{Year: 2013, Households: &households, PoorHouseholds: poor(50)}}}},
	}
	c := byID(mustBuild(t, p), "areas-small-d")
	if c == nil {
		t.Fatal("no chart areas-small-d")
	}
	if got := string(c.Options[plan.VI]); !strings.Contains(got, `"data":[{"value":10},{"value":"-"},{"value":8}]`) {
		t.Errorf("option data: %s", got)
	}
	if c.Table.Rows[1].Cells[0].Value != nil {
		t.Errorf("2013 in the table = %v, want nil", *c.Table.Rows[1].Cells[0].Value)
	}
}

func mustBuild(t *testing.T, p *plan.Plan) []Chart {
	t.Helper()
	cs, err := Build(p, progress.Compute(p, 0))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

const hostile = `</script><script>alert(1)</script>`

// A name that tries to close a script element stays text: the option is
// valid JSON with <, > and & escaped, and decodes back to the name; a CSV
// cell starting with = is neutralised. Names are markdown, whose raw HTML
// the charts drop, so the name puts the text in a code span, which keeps
// it; a fund the data does not define is named by its id, as it is.
func TestHostileNamesStayInert(t *testing.T) {
	name := plan.Text{VI: "`" + hostile + "`"}
	households := 1000
	n := 100
	p := &plan.Plan{
		Document: plan.Document{Area: "p"},
		Targets: []plan.Target{{ID: "x", Name: plan.Text{VI: name.VI, EN: "=HYPERLINK(\"http://x\")"}, Unit: plan.UnitPercent,
			Scope: "p", Measure: plan.MeasurePoorRate, By: 2015, Goal: plan.Goal{AtMost: ptr(5)}}},
		Areas: []plan.Area{{ID: "p", Kind: plan.KindProvince, Name: name,
			Figures: []plan.Figure{{Year: 2012, Households: &households, PoorHouseholds: &n}}},
			{ID: "d", Parent: "p", Kind: plan.KindDistrict, Name: plan.Text{VI: name.VI, EN: "@SUM(1)"}, Lat: ptr(21), Lon: ptr(106),
				Figures: []plan.Figure{{Year: 2012, Households: &households, PoorHouseholds: &n}}}},
		Funds: []plan.Fund{{ID: "f", Name: name}},
		BudgetLines: []plan.BudgetLine{{Policy: "q", Fund: "f", Year: 2013, Planned: ptr(10)},
			{Policy: "q", Fund: hostile, Year: 2013, Planned: ptr(5)}},
	}
	cs := mustBuild(t, p)
	if len(cs) < 6 {
		t.Fatalf("%d charts, want the status, the trend, the districts' and the budget's", len(cs))
	}
	for _, c := range cs {
		for _, lang := range plan.Langs {
			b := c.Options[lang]
			if bytes.ContainsAny(b, "<>") {
				t.Errorf("%s %s: option has a raw < or >: %s", c.ID, lang, b)
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s %s: %v", c.ID, lang, err)
			}
			if lang == plan.VI && c.ID != "overview-status" && c.ID != "budget-stages" && !strings.Contains(fmt.Sprint(v), hostile) {
				t.Errorf("%s: the name does not decode back: %v", c.ID, v)
			}
			csv, err := c.Table.CSV(lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(csv), "\n") {
				for _, cell := range strings.Split(line, ",") {
					cell = strings.TrimPrefix(cell, `"`)
					if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
						t.Errorf("%s %s: CSV cell %q is not neutralised", c.ID, lang, cell)
					}
				}
			}
		}
	}
}

// Two builds of the same data are the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := build(t, "../../examples/demo"), build(t, "../../examples/demo")
	if !reflect.DeepEqual(a, b) {
		t.Error("two builds differ")
	}
}

// Series colours and status colours stand out from the white page: at
// least 3:1 (WCAG 1.4.11).
func TestColoursContrast(t *testing.T) {
	colours := append([]string{}, Palette...)
	for _, s := range progress.Statuses() {
		colours = append(colours, s.Colour())
	}
	colours = append(colours, noneColour, markColour, inkColour)
	for _, c := range colours {
		if r := Contrast(c, "#FFFFFF"); r < 3 {
			t.Errorf("%s on white: %.2f:1, want at least 3:1", c, r)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		lang plan.Lang
		x    float64
		d    int
		want string
	}{
		{plan.VI, 12.11, 2, "12,11"},
		{plan.EN, 12.11, 2, "12.11"},
		{plan.VI, 7.5, 2, "7,50"},
		{plan.VI, 1963900, 0, "1.963.900"},
		{plan.EN, 1963900, 0, "1,963,900"},
		{plan.EN, -1234.5, 1, "-1,234.5"},
		{plan.VI, -0.001, 1, "0,0"},
		{plan.VI, 999, 0, "999"},
	} {
		if got := num(tc.lang, tc.x, tc.d); got != tc.want {
			t.Errorf("num(%s, %v, %d) = %q, want %q", tc.lang, tc.x, tc.d, got, tc.want)
		}
	}
	for _, tc := range []struct {
		xs   []float64
		want int
	}{{[]float64{12.11, 7.5}, 2}, {[]float64{8.5, 9}, 1}, {[]float64{3, 5}, 0}, {[]float64{1.0 / 3}, 2}} {
		if got := decimals(tc.xs...); got != tc.want {
			t.Errorf("decimals(%v) = %d, want %d", tc.xs, got, tc.want)
		}
	}
}

// goalOf marks each number of a goal and words it, for every kind; a
// range written high then low is marked low then high, and a range of one
// number or of none, which the checker refuses, gives a chart no panic.
func TestGoalOf(t *testing.T) {
	for _, tc := range []struct {
		goal  plan.Goal
		words string
		marks []float64
	}{
		{plan.Goal{AtLeast: ptr(90)}, "ít nhất 90 %", []float64{90}},
		{plan.Goal{AtMost: ptr(6)}, "không quá 6 %", []float64{6}},
		{plan.Goal{Zero: true}, "0", []float64{0}},
		{plan.Goal{Between: []float64{9, 8.5}, Direction: plan.Decrease}, "8,5–9,0 %", []float64{8.5, 9}},
		{plan.Goal{PerYear: []float64{3, 5}}, "3–5 mỗi năm", []float64{3, 5}},
		{plan.Goal{PerYear: []float64{4}}, "4–4 mỗi năm", []float64{4, 4}},
		{plan.Goal{Between: []float64{}, Direction: plan.Decrease}, "", nil},
		{plan.Goal{Qualitative: true}, "", nil},
	} {
		tg := &plan.Target{ID: "x", Unit: plan.UnitPercent, By: 2020, Goal: tc.goal}
		g := goalOf(tg, &progress.TargetProgress{})
		if g.words.VI != tc.words || !reflect.DeepEqual(g.marks, tc.marks) {
			t.Errorf("goalOf(%v) words %q, marks %v; want %q, %v", tc.goal.Kinds(), g.words.VI, g.marks, tc.words, tc.marks)
		}
	}
}

// The charts' text is in the page's font: Font is the body's font-family
// of the theme's stylesheet, and every option carries it.
func TestChartFontIsThePages(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "..", "themes", "plansite", "assets", "css", "00-base.css"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(css), "font-family: "+Font+";") {
		t.Errorf("00-base.css has no body font-family %q", Font)
	}
	for _, c := range build(t, "../../examples/demo") {
		if !strings.Contains(string(c.Options[plan.VI]), `"textStyle":{"fontFamily":`) {
			t.Errorf("%s: no textStyle font", c.ID)
		}
	}
}

// checkChoropleth compares each year's map with its column of the table:
// every district with its rate, or none.
func checkChoropleth(t *testing.T, c Chart, lang plan.Lang) {
	if len(c.Map.Years) != len(c.Table.Columns) {
		t.Fatalf("%d years of map, %d columns of table", len(c.Map.Years), len(c.Table.Columns))
	}
	for i, y := range c.Map.Years {
		var o struct {
			Series []struct {
				Type string
				Data []struct {
					Name  string
					Value any
				}
			}
		}
		if err := json.Unmarshal(y.Options[lang], &o); err != nil {
			t.Fatal(err)
		}
		if len(o.Series) != 1 || o.Series[0].Type != "map" {
			t.Fatalf("%d: series %+v, want one map", y.Year, o.Series)
		}
		var got, want []string
		for _, d := range o.Series[0].Data {
			v := d.Value
			if v == nil {
				v = "-"
			}
			got = append(got, fmt.Sprint(d.Name, " ", v))
		}
		for _, r := range c.Table.Rows {
			want = append(want, fmt.Sprint(r.Head.In(lang), " ", cellValue(r.Cells[i])))
		}
		sort.Strings(got)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d: map %q, table %q", y.Year, got, want)
		}
	}
}
