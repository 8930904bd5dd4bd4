package emit

import (
	"reflect"
	"slices"
	"testing"

	"plansite/generator/plan"
	"plansite/generator/progress"
)

// area is an area summary for the tests: id, parent, kind and children;
// latest says whether it has a latest figure.
func area(id, parent, kind string, latest bool, children ...string) areaSummary {
	a := areaSummary{areaNode: areaNode{ID: id, Parent: parent, Kind: kind, Children: children}}
	if latest {
		a.Progress.Latest = &latestView{Year: 2020}
	}
	return a
}

func indexOf(areas []areaSummary) map[string]int {
	m := map[string]int{}
	for i, a := range areas {
		if _, dup := m[a.ID]; !dup {
			m[a.ID] = i
		}
	}
	return m
}

// The districts page lists the plan's area (else the first province), its
// districts and cities, the country when it has figures, and under the
// area and each district its communes and groups.
func TestAreasPage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		root  string
		areas []areaSummary
		want  areasPage
	}{
		{
			name: "plan's area with districts, communes and the country",
			root: "bg",
			areas: []areaSummary{
				area("vn", "", plan.KindCountry, true, "bg"),
				area("bg", "vn", plan.KindProvince, true, "sd", "bgc", "x1", "missing"),
				area("sd", "bg", plan.KindDistrict, true, "c1", "g1"),
				area("bgc", "bg", plan.KindCity, false),
				area("x1", "bg", plan.KindCommune, false),
				area("c1", "sd", plan.KindCommune, true),
				area("g1", "sd", plan.KindGroup, false),
			},
			want: areasPage{Root: "bg", Districts: []string{"sd", "bgc"}, Country: "vn",
				Communes: []communeList{{Parent: "bg", Areas: []string{"x1"}}, {Parent: "sd", Areas: []string{"c1", "g1"}}}},
		},
		{
			name: "no plan's area: the first province; a country without figures is left out",
			root: "",
			areas: []areaSummary{
				area("vn", "", plan.KindCountry, false, "d0", "p1", "p2"),
				area("d0", "vn", plan.KindDistrict, true),
				area("p1", "vn", plan.KindProvince, true, "d1"),
				area("p2", "vn", plan.KindProvince, true),
				area("d1", "p1", plan.KindDistrict, true),
			},
			want: areasPage{Root: "p1", Districts: []string{"d1"}, Communes: []communeList{}},
		},
		{
			name: "the plan's area is not in the data: the first province",
			root: "nowhere",
			areas: []areaSummary{
				area("p1", "", plan.KindProvince, true),
			},
			want: areasPage{Root: "p1", Districts: []string{}, Communes: []communeList{}},
		},
		{
			name: "a parent that is not a country is no comparison",
			root: "sd",
			areas: []areaSummary{
				area("bg", "", plan.KindProvince, true, "sd"),
				area("sd", "bg", plan.KindDistrict, true),
			},
			want: areasPage{Root: "sd", Districts: []string{}, Communes: []communeList{}},
		},
		{
			name:  "neither the plan's area nor a province",
			root:  "",
			areas: []areaSummary{area("d1", "", plan.KindDistrict, true)},
			want:  areasPage{Districts: []string{}, Communes: []communeList{}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := areasPageOf(tc.root, tc.areas, indexOf(tc.areas))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("areasPageOf(%q) = %+v, want %+v", tc.root, got, tc.want)
			}
		})
	}
}

// Costs are pivoted into a row an area, in the order areas first appear,
// and a column a budget year; a cost for the whole period (year 0) has a
// column of its own, shown when any area has one.
func TestCostTable(t *testing.T) {
	cost := func(area string, year int, v float64) progress.Cost {
		return progress.Cost{Area: area, Year: year, Stage: progress.StageDisbursed, PerHousehold: &progress.Explanation{Result: v}}
	}
	for _, tc := range []struct {
		name  string
		costs []progress.Cost
		years []int
		want  [][]float64 // by row: the years' values (0 for none), then the whole period's when shown
		areas []string
		whole bool
	}{
		{
			name:  "none",
			years: []int{2021, 2022},
			want:  [][]float64{},
			areas: []string{},
		},
		{
			name:  "years and the whole period",
			costs: []progress.Cost{cost("bg", 2021, 10), cost("bg", 2022, 12), cost("bg", 0, 11), cost("sd", 2022, 30)},
			years: []int{2021, 2022},
			want:  [][]float64{{10, 12, 11}, {0, 30, 0}},
			areas: []string{"bg", "sd"},
			whole: true,
		},
		{
			name:  "order of first appearance; a year outside the budget's is not shown",
			costs: []progress.Cost{cost("sd", 2023, 5), cost("bg", 2021, 10), cost("sd", 2021, 7)},
			years: []int{2021, 2022},
			want:  [][]float64{{7, 0}, {10, 0}},
			areas: []string{"sd", "bg"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := costTableOf(tc.costs, tc.years)
			if !reflect.DeepEqual(got.Years, tc.years) || got.WholePeriod != tc.whole {
				t.Errorf("costTableOf: Years %v, WholePeriod %v; want %v, %v", got.Years, got.WholePeriod, tc.years, tc.whole)
			}
			areas, values := []string{}, [][]float64{}
			for _, r := range got.Rows {
				areas = append(areas, r.Area)
				var row []float64
				val := func(c *progress.Cost) float64 {
					if c == nil {
						return 0
					}
					return c.PerHousehold.Result
				}
				for _, c := range r.Years {
					row = append(row, val(c))
				}
				if got.WholePeriod {
					row = append(row, val(r.Whole))
				}
				values = append(values, row)
			}
			if !reflect.DeepEqual(areas, tc.areas) || !reflect.DeepEqual(values, tc.want) {
				t.Errorf("costTableOf rows = %v %v, want %v %v", areas, values, tc.areas, tc.want)
			}
		})
	}
}

// The costs table's sources are each listed once, in the order its cells
// (row by row, the whole period last) first cite them.
func TestCostTableSources(t *testing.T) {
	cost := func(area string, year int, sources ...string) progress.Cost {
		e := &progress.Explanation{}
		for _, s := range sources {
			e.Inputs = append(e.Inputs, progress.Input{Name: "households_left", Source: s})
		}
		return progress.Cost{Area: area, Year: year, PerHousehold: e}
	}
	costs := []progress.Cost{cost("bg", 0, "whole"), cost("bg", 2022, "", "s22"), cost("bg", 2021, "s21"), cost("sd", 2021, "s21", "sd"),
		{Area: "sd", Year: 2022, NotComparable: progress.CostCreditOnly}}
	if got, want := costTableOf(costs, []int{2021, 2022}).Sources, []string{"s21", "s22", "whole", "sd"}; !reflect.DeepEqual(got, want) {
		t.Errorf("costTableOf(…).Sources = %q, want %q", got, want)
	}
	if got := costTableOf(nil, nil).Sources; got == nil || len(got) != 0 {
		t.Errorf("costTableOf(nil).Sources = %#v, want an empty list", got)
	}
}

// An area's ranking lists the areas ranked together lowest rate first,
// then by id, whichever area's rank it is made from (the page puts its own
// area first among equals); equal rates share a place and the next place
// skips; a rate that is not final says so.
func TestRanking(t *testing.T) {
	in := func(item string, v float64) progress.Input {
		return progress.Input{Name: "v", Item: item, Value: v, Status: plan.Final}
	}
	row := func(pos int, item string, v float64) rankRow {
		return rankRow{Position: pos, Area: item, Value: v, Year: 2015}
	}
	provisional := in("b", 3)
	provisional.Status = plan.Provisional
	for _, tc := range []struct {
		name   string
		inputs []progress.Input // an area's own first, as progress writes them
		want   []rankRow
	}{
		{
			name:   "distinct",
			inputs: []progress.Input{in("a", 5), in("b", 3), in("c", 9)},
			want:   []rankRow{row(1, "b", 3), row(2, "a", 5), row(3, "c", 9)},
		},
		{
			name:   "ties share a place, the next skips",
			inputs: []progress.Input{in("d", 4), in("b", 2), in("c", 4), in("a", 4), in("e", 7)},
			want:   []rankRow{row(1, "b", 2), row(2, "a", 4), row(2, "c", 4), row(2, "d", 4), row(5, "e", 7)},
		},
		{
			name:   "a tie for first",
			inputs: []progress.Input{in("b", 1), in("a", 1)},
			want:   []rankRow{row(1, "a", 1), row(1, "b", 1)},
		},
		{
			name:   "a provisional rate",
			inputs: []progress.Input{in("a", 5), provisional},
			want:   []rankRow{{Position: 1, Area: "b", Value: 3, Year: 2015, Status: plan.Provisional}, row(2, "a", 5)},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The same rows from each area's inputs: its own first.
			for k := range tc.inputs {
				inputs := append([]progress.Input{tc.inputs[k]}, slices.Delete(slices.Clone(tc.inputs), k, k+1)...)
				r := &progress.Rank{Year: 2015, Explanation: progress.Explanation{Inputs: inputs}}
				if got := ranking(r); !reflect.DeepEqual(got, tc.want) {
					t.Errorf("ranking from %s's inputs = %+v, want %+v", inputs[0].Item, got, tc.want)
				}
			}
		})
	}
	if got := ranking(nil); got != nil {
		t.Errorf("ranking(nil) = %+v, want nil", got)
	}
}

// The budget page's notes list each source the lines cite once, in the
// order the lines first cite them.
func TestLineSources(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sources []string // one a line; "" for a line with none
		want    []string
	}{
		{"none", nil, []string{}},
		{"each once, in order", []string{"s2", "", "s1", "s2", "s3", "s1"}, []string{"s2", "s1", "s3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []plan.BudgetLine
			for _, s := range tc.sources {
				lines = append(lines, plan.BudgetLine{Source: s})
			}
			if got := lineSources(lines); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("lineSources(%q) = %q, want %q", tc.sources, got, tc.want)
			}
		})
	}
}

// A note many budget lines share is listed once; each line refers to it by
// its number, and a line without a note refers to none.
func TestLineNotes(t *testing.T) {
	a, b := plan.Text{VI: "Quyết định 28", EN: "Decision 28"}, plan.Text{VI: "Bổ sung"}
	lines := []lineView{{Note: a}, {}, {Note: b}, {Note: a}, {Note: plan.Text{VI: "Quyết định 28"}}}
	got := lineNotes(lines)
	if want := []plan.Text{a, b, {VI: "Quyết định 28"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("lineNotes = %+v, want %+v", got, want)
	}
	var refs []int
	for _, l := range lines {
		refs = append(refs, l.NoteRef)
	}
	if want := []int{1, 0, 2, 1, 3}; !reflect.DeepEqual(refs, want) {
		t.Errorf("NoteRef of each line = %v, want %v", refs, want)
	}
	if got := lineNotes(nil); got == nil || len(got) != 0 {
		t.Errorf("lineNotes(nil) = %#v, want an empty list (a JSON array)", got)
	}
}
