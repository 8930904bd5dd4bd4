package check_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"plansite/generator/check"
	"plansite/generator/load"
	"plansite/generator/plan"
)

// base loads the valid dataset the CLI scripts start from.
func base(t *testing.T) *plan.Plan {
	t.Helper()
	p, probs := load.Dir("../testdata/base")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return p
}

// day is 2015-06-30, the base data's own date (site.yaml updated).
var day = time.Date(2015, 6, 30, 0, 0, 0, 0, time.UTC)

func messages(probs plan.Problems) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.Format(plan.EN))
	}
	return out
}

// wantProblem fails t unless checking p finds no problem (want "") or one
// that says want.
func wantProblem(t *testing.T, p *plan.Plan, want string) {
	t.Helper()
	got := messages(check.PlanAt(p, day))
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("PlanAt = %q, want no problem", got)
	case want != "" && (len(got) != 1 || !strings.Contains(got[0], want)):
		t.Errorf("PlanAt = %q, want one problem saying %q", got, want)
	}
}

// Dates and the years of figures cannot be later than today; plans can.
func TestFuture(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *plan.Plan)
		want string // "" for no problem
	}{
		{"report today", func(p *plan.Plan) { p.Reports[0].Date = "2015-06-30" }, ""},
		{"report tomorrow", func(p *plan.Plan) { p.Reports[0].Date = "2015-07-01" },
			"date 2015-07-01 is in the future (today is 2015-06-30)"},
		{"report 2099", func(p *plan.Plan) { p.Reports[0].Date = "2099-12-31" },
			"date 2099-12-31 is in the future (today is 2015-06-30)"},
		{"source", func(p *plan.Plan) { p.Sources[0].Date = "2016-01-01" }, "date 2016-01-01 is in the future"},
		{"updated", func(p *plan.Plan) { p.Site.Updated = "2015-07-01" }, "date 2015-07-01 is in the future"},
		{"figure this year", func(p *plan.Plan) { p.Areas[1].Figures[0].Year = 2015 }, ""},
		{"figure next year", func(p *plan.Plan) { p.Areas[1].Figures[0].Year = 2016 },
			"year 2016 is in the future (this year is 2015)"},
		{"baseline", func(p *plan.Plan) { p.Targets[1].Baseline.Year, p.Targets[1].By = 2016, 2020 }, "year 2016 is in the future"},
		{"observation", func(p *plan.Plan) { p.Observations[0].Year = 2016 }, "year 2016 is in the future"},
		{"empty slot", func(p *plan.Plan) {
			p.Observations[0].Year, p.Observations[0].Value, p.Observations[0].Source = 2016, nil, ""
		}, ""},
		{"target year", func(p *plan.Plan) { p.Targets[1].By = 2020 }, ""},
		{"budget year", func(p *plan.Plan) { p.BudgetLines[0].Year = 2016 }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base(t)
			v := 85.0
			p.Reports = []plan.Report{{ID: "bao-cao-2014", Date: "2014-12-31", Title: plan.Text{VI: "Báo cáo"}, Body: plan.Text{VI: "Nội dung."}}}
			p.Observations = []plan.Observation{{Target: "2b", Year: 2014, Value: &v, Source: "ktxh-509"}}
			tt.edit(p)
			wantProblem(t, p, tt.want)
		})
	}
}

// Ids that name pages or files may not be reserved; anchors may.
func TestReservedByKind(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *plan.Plan)
		want string
	}{
		{"area", func(p *plan.Plan) { p.Areas[2].ID = "index" }, `son-dong`},
		{"target", func(p *plan.Plan) { p.Targets[2].ID = "page" }, `id "page" is reserved`},
		{"policy", func(p *plan.Plan) { p.Policies[0].ID = "en" }, `id "en" is reserved`},
		{"agency", func(p *plan.Plan) { p.Agencies[0].ID = "data" }, `id "data" is reserved`},
		{"report", func(p *plan.Plan) {
			p.Reports = []plan.Report{{ID: "index", Date: "2014-12-31", Title: plan.Text{VI: "Báo cáo"}, Body: plan.Text{VI: "Nội dung."}}}
		}, `id "index" is reserved`},
		{"section", func(p *plan.Plan) { p.Document.Sections[0].ID = "vi" }, ""},
		{"source", func(p *plan.Plan) {
			p.Sources = append(p.Sources, plan.Source{ID: "data", Title: plan.Text{VI: "Nguồn"}})
		}, ""},
		{"fund", func(p *plan.Plan) {
			p.Funds = append(p.Funds, plan.Fund{ID: "index", Kind: plan.FundCentral, Name: plan.Text{VI: "Quỹ"}})
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base(t)
			tt.edit(p)
			got := strings.Join(messages(check.PlanAt(p, day)), "\n")
			if tt.want == "" && strings.Contains(got, "reserved") || !strings.Contains(got, tt.want) {
				t.Errorf("PlanAt =\n%s\nwant %q", got, tt.want)
			}
			if tt.name == "area" && !strings.Contains(got, `id "index" is reserved: it is the file name of a whole section's page: this page would replace the whole section`) {
				t.Errorf("PlanAt =\n%s\nwant the area index refused", got)
			}
		})
	}
}

// No value the data holds, however long, makes a long message: every
// string of the plan is set to 100,000 characters, and every problem
// still fits on a line of a terminal or two.
func TestLongValuesClipped(t *testing.T) {
	p := base(t)
	long := strings.Repeat("ở", 10_000)
	n := setStrings(reflect.ValueOf(p).Elem(), long)
	if n < 50 {
		t.Fatalf("set %d strings, want the whole plan's", n)
	}
	probs := check.PlanAt(p, day)
	if len(probs) < 30 {
		t.Fatalf("PlanAt gave %d problems, want one for most strings", len(probs))
	}
	for _, pr := range probs {
		if s := pr.Format(plan.Both); len(s) > 1500 {
			t.Errorf("a problem of %d bytes: %.200s…", len(s), s)
		}
	}
}

// setStrings sets every string in v, and every item of a list of strings,
// to s, and returns how many it set.
func setStrings(v reflect.Value, s string) int {
	n := 0
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(s)
			n++
		}
	case reflect.Pointer:
		if !v.IsNil() {
			n += setStrings(v.Elem(), s)
		}
	case reflect.Slice:
		for i := range v.Len() {
			n += setStrings(v.Index(i), s)
		}
	case reflect.Struct:
		if t := v.Type(); t == reflect.TypeFor[plan.Node]() || t == reflect.TypeFor[plan.Pos]() {
			return 0 // where values are, not values
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += setStrings(v.Field(i), s)
			}
		}
	}
	return n
}

// An area sits under an area of a kind that may hold it: a district under
// a province, a commune under a district or a city.
func TestParentKind(t *testing.T) {
	tests := []struct {
		name         string
		kind, parent string // the kind of son-dong, and its parent's id
		want         string // "" for no problem
	}{
		{"district under province", plan.KindDistrict, "bac-giang", ""},
		{"city under province", plan.KindCity, "bac-giang", ""},
		{"district under country", plan.KindDistrict, "viet-nam",
			"son-dong (district) cannot sit under viet-nam (country): its parent must be a province"},
		{"commune under province", plan.KindCommune, "bac-giang",
			"son-dong (commune) cannot sit under bac-giang (province): its parent must be a district or city"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base(t)
			p.Areas[2].Kind, p.Areas[2].Parent = tt.kind, tt.parent
			wantProblem(t, p, tt.want)
		})
	}
}
