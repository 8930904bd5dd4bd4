package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"plansite/generator/load"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func fp(x float64) *float64 { return &x }
func ip(x int) *int         { return &x }

// build runs Files on p as of asOf.
func build(t *testing.T, p *plan.Plan, asOf int) map[string][]byte {
	t.Helper()
	files, res, err := Files(p, progress.Compute(p, asOf))
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	// Files counts the rows as it writes them: the same as reading them.
	if read := Resources(files); !reflect.DeepEqual(res, read) {
		t.Errorf("Files' resources differ from Resources' reading of its files:\n%+v\n%+v", res, read)
	}
	return files
}

// loadDir loads and computes a data folder.
func loadDir(t *testing.T, dir string) (*plan.Plan, map[string][]byte) {
	t.Helper()
	p, probs := load.Dir(dir)
	if probs.Fatal() {
		t.Fatalf("load.Dir(%s):\n%v", dir, probs)
	}
	return p, build(t, p, 0)
}

// records parses a CSV file as maps from header to cell.
func records(t *testing.T, b []byte) (header []string, rows []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("reading CSV: %v", err)
	}
	if len(recs) == 0 {
		t.Fatal("CSV has no header")
	}
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return recs[0], rows
}

// objects parses a JSON array of objects, keeping numbers as written.
func objects(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var out []map[string]any
	if err := d.Decode(&out); err != nil {
		t.Fatalf("reading JSON: %v", err)
	}
	return out
}

func find[M ~map[string]V, V any](rows []M, key, id string) M {
	for _, r := range rows {
		if s, _ := any(r[key]).(string); s == id {
			return r
		}
	}
	return nil
}

// hostilePlan has names a spreadsheet would run as formulas or that would
// close a script element, and a target moving away from its goal.
func hostilePlan() *plan.Plan {
	return &plan.Plan{
		Targets: []plan.Target{
			{ID: "t1", Name: plan.Text{VI: "@SUM(1)", EN: `=HYPERLINK("http://x")`}, Unit: plan.UnitPercent, Scope: "x",
				Goal: plan.Goal{AtLeast: fp(90)}, Baseline: plan.Baseline{Year: 2012, Value: fp(80), Source: "s1"}, By: 2015,
				Policies: []string{"-p"}, Agencies: []string{"a"}},
			{ID: "t2", Name: plan.Text{VI: "</script><script>alert(1)</script>", EN: "+1"}, Unit: plan.UnitPercent, Scope: "x",
				Measure: plan.MeasurePoorRate, Goal: plan.Goal{AtMost: fp(10)}, Baseline: plan.Baseline{Year: 2012}, By: 2015},
		},
		Observations: []plan.Observation{
			{Target: "t1", Year: 2013, Value: fp(78.5), Status: plan.Final, Source: "s1"},
		},
		Areas: []plan.Area{{ID: "x", Kind: plan.KindProvince, Name: plan.Text{VI: "-1", EN: "\tx"}, Flags: []string{"=a"},
			Figures: []plan.Figure{
				{Year: 2012, Households: ip(200), PoorHouseholds: ip(40), Status: plan.Final, Source: "s1"},
				{Year: 2013, Households: ip(200), PoorHouseholds: ip(30), Status: plan.Provisional, Source: "s1"},
			}}},
		Sources:  []plan.Source{{ID: "s1", Title: plan.Text{VI: "=cmd|' /C calc'!A0", EN: "Source"}, URL: "https://example.org/s1"}},
		Policies: []plan.Policy{{ID: "-p", Number: "+1.1", Name: plan.Text{VI: "@p", EN: "</script>"}, Lead: "a"}},
		Agencies: []plan.Agency{{ID: "a", Name: plan.Text{VI: "=A1", EN: "<b>&"}}},
		Funds:    []plan.Fund{{ID: "f", Kind: plan.FundCentral}},
		BudgetLines: []plan.BudgetLine{
			{Policy: "-p", Fund: "f", Year: 2013, Planned: fp(-2.5), Allocated: fp(100), Source: "@s"},
			{Policy: "-p", Fund: "f", Year: 2014, Planned: fp(1e21), Disbursed: fp(0.0000001)},
		},
	}
}

// Text cells that a spreadsheet would run are neutralised in CSV and kept
// verbatim in JSON; numbers, negative ones included, are never prefixed.
func TestHostile(t *testing.T) {
	files := build(t, hostilePlan(), 0)
	tests := []struct {
		file, key, id, col string
		csv                string
		json               any
	}{
		{"indicators", "id", "t1", "name_en", `'=HYPERLINK("http://x")`, `=HYPERLINK("http://x")`},
		{"indicators", "id", "t1", "name_vi", "'@SUM(1)", "@SUM(1)"},
		{"indicators", "id", "t2", "name_en", "'+1", "+1"},
		{"indicators", "id", "t2", "name_vi", "</script><script>alert(1)</script>", "</script><script>alert(1)</script>"},
		{"indicators", "id", "t1", "policies", "'-p", []any{"-p"}},
		{"indicators", "id", "t1", "observed_yearly_change", "-1.5", json.Number("-1.5")},
		{"indicators", "id", "t1", "share_of_way", "0", json.Number("0")},
		{"indicators", "id", "t1", "status", "moving_away", "moving_away"},
		{"indicators", "id", "t2", "observed_yearly_change", "-5", json.Number("-5")},
		{"observations", "target", "t1", "source_title_vi", "'=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"},
		{"districts", "area", "x", "name_vi", "'-1", "-1"},
		{"districts", "area", "x", "name_en", "'\tx", "\tx"},
		{"districts", "area", "x", "flags", "'=a", []any{"=a"}},
		{"budgets", "policy", "-p", "policy", "'-p", "-p"},
		{"budgets", "policy", "-p", "policy_number", "'+1.1", "+1.1"},
		{"budgets", "policy", "-p", "source", "'@s", "@s"},
		{"budgets", "policy", "-p", "planned", "-2.5", json.Number("-2.5")},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.id+"/"+tt.col, func(t *testing.T) {
			_, rows := records(t, files["data/"+tt.file+".csv"])
			row := find(rows, tt.key, Neutralise(tt.id))
			if row == nil {
				t.Fatalf("%s.csv has no row %s", tt.file, tt.id)
			}
			if got := row[tt.col]; got != tt.csv {
				t.Errorf("%s.csv %s %s = %q, want %q", tt.file, tt.id, tt.col, got, tt.csv)
			}
			obj := find(objects(t, files["data/"+tt.file+".json"]), tt.key, tt.id)
			if obj == nil {
				t.Fatalf("%s.json has no object %s", tt.file, tt.id)
			}
			if got, err := json.Marshal(obj[tt.col]); err != nil || !bytes.Equal(got, mustJSON(t, tt.json)) {
				t.Errorf("%s.json %s %s = %s, want %s", tt.file, tt.id, tt.col, got, mustJSON(t, tt.json))
			}
		})
	}

	// In JSON, "</script>" cannot close a script element, nor "&" start an entity.
	for _, name := range []string{"indicators.json", "policies.json", "agencies.json"} {
		b := files["data/"+name]
		if bytes.Contains(b, []byte("</script>")) || bytes.Contains(b, []byte("<b>")) || bytes.Contains(b, []byte("&")) {
			t.Errorf("%s holds < > or & unescaped:\n%s", name, b)
		}
	}
	if !bytes.Contains(files["data/indicators.json"], []byte(`\u003c/script\u003e`)) {
		t.Errorf("indicators.json does not hold the escaped \\u003c/script\\u003e")
	}
	// Large and small numbers are written in full.
	_, rows := records(t, files["data/budgets.csv"])
	if got := rows[1]["planned"]; got != "1000000000000000000000" {
		t.Errorf("budgets.csv planned = %q, want 1000000000000000000000", got)
	}
	if got := rows[1]["disbursed"]; got != "0.0000001" {
		t.Errorf("budgets.csv disbursed = %q, want 0.0000001", got)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{`=HYPERLINK("http://x")`, `'=HYPERLINK("http://x")`},
		{"+1", "'+1"},
		{"-1.5", "'-1.5"},
		{"@SUM(1)", "'@SUM(1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"", ""},
		{"a=b", "a=b"},
		{"1-1", "1-1"},
		{"'=1", "'=1"},
		{"−1", "−1"}, // U+2212 is no formula
		{"Đường", "Đường"},
	}
	for _, tt := range tests {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{9, "9"},
		{12.11, "12.11"},
		{-1.5, "-1.5"},
		{1e21, "1000000000000000000000"},
		{1e-7, "0.0000001"},
		{436960, "436960"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGoal(t *testing.T) {
	tests := []struct {
		goal            plan.Goal
		text, low, high string
	}{
		{plan.Goal{AtLeast: fp(90)}, "at least 90", "90", ""},
		{plan.Goal{Above: fp(80)}, "above 80", "80", ""},
		{plan.Goal{AtMost: fp(6)}, "at most 6", "", "6"},
		{plan.Goal{Zero: true}, "zero", "0", "0"},
		{plan.Goal{Between: []float64{9.0, 8.5}, Direction: plan.Decrease}, "between 8.5 and 9, decrease", "8.5", "9"},
		{plan.Goal{ReducePerYear: []float64{4, 5}}, "a fall of 4 to 5 a year", "4", "5"},
		{plan.Goal{ReducePerYear: []float64{4}}, "a fall of 4 a year", "4", "4"},
		{plan.Goal{PerYear: []float64{3, 5}}, "3 to 5 a year", "3", "5"},
		{plan.Goal{Total: fp(12)}, "a total of 12", "12", ""},
		{plan.Goal{ShareLeaving: fp(10)}, "10 % of the set leaving the status", "10", ""},
		{plan.Goal{Qualitative: true}, "qualitative (no number)", "", ""},
		{plan.Goal{}, "", "", ""},
		{plan.Goal{AtLeast: fp(1), AtMost: fp(2)}, "", "", ""},
	}
	for _, tt := range tests {
		p := &plan.Plan{Targets: []plan.Target{{ID: "t", Scope: "x", Unit: plan.UnitPercent, Goal: tt.goal, By: 2015}}}
		_, rows := records(t, build(t, p, 0)["data/indicators.csv"])
		row := rows[0]
		if row["goal"] != tt.text || row["goal_low"] != tt.low || row["goal_high"] != tt.high {
			t.Errorf("goal %v: goal, goal_low, goal_high = %q, %q, %q, want %q, %q, %q",
				tt.goal.Kinds(), row["goal"], row["goal_low"], row["goal_high"], tt.text, tt.low, tt.high)
		}
	}
}

// Missing values are empty cells and nulls, never 0.
func TestMissing(t *testing.T) {
	p := hostilePlan()
	p.Targets = append(p.Targets, plan.Target{ID: "empty", Scope: "x", Unit: plan.UnitPercent,
		Goal: plan.Goal{AtLeast: fp(100)}, Baseline: plan.Baseline{Year: 2012}, By: 2015})
	files := build(t, p, 0)
	_, rows := records(t, files["data/indicators.csv"])
	row := find(rows, "id", "empty")
	objs := objects(t, files["data/indicators.json"])
	obj := find(objs, "id", "empty")
	for _, col := range []string{"baseline_value", "latest_value", "latest_year", "latest_half", "latest_status",
		"required_yearly_change", "observed_yearly_change", "pace_ratio", "share_of_way", "projected_value", "name_vi"} {
		if row[col] != "" {
			t.Errorf("indicators.csv empty %s = %q, want empty", col, row[col])
		}
		if v, ok := obj[col]; !ok || v != nil {
			t.Errorf("indicators.json empty %s = %v (present %v), want null", col, v, ok)
		}
	}
	for _, col := range []string{"policies", "agencies", "notes"} {
		if s, ok := obj[col].([]any); !ok || len(s) != 0 {
			t.Errorf("indicators.json empty %s = %#v, want []", col, obj[col])
		}
	}
	_, rows = records(t, files["data/budgets.csv"])
	if rows[0]["disbursed"] != "" || rows[1]["allocated"] != "" || rows[0]["area"] != "" {
		t.Errorf("budgets.csv = %v, want empty disbursed, allocated and area", rows)
	}
	if b := objects(t, files["data/budgets.json"])[0]; b["disbursed"] != nil || b["area"] != nil {
		t.Errorf("budgets.json[0] = %v, want null disbursed and area", b)
	}
	_, rows = records(t, files["data/districts.csv"])
	if rows[0]["near_poor_rate"] != "" || rows[0]["poor_rate_change"] != "" || rows[0]["left_poverty"] != "" {
		t.Errorf("districts.csv 2012 = %v, want empty near_poor_rate, poor_rate_change, left_poverty", rows[0])
	}
}

// The series of a target measured on area figures is in observations, its
// rates computed from counts flagged; budgets and figures follow asOf.
func TestObservations(t *testing.T) {
	files := build(t, hostilePlan(), 0)
	_, rows := records(t, files["data/observations.csv"])
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join([]string{r["target"], r["area"], r["year"], r["value"], r["status"], r["origin"], r["computed"], r["source"]}, ","))
	}
	want := []string{
		"t1,x,2012,80,,baseline,false,s1",
		"t1,x,2013,78.5,final,observation,false,s1",
		"t2,x,2012,20,final,figure,true,s1",
		"t2,x,2013,15,provisional,figure,true,s1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("observations.csv =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, tt := range []struct {
		asOf                             int
		budgets, districts, observations int
	}{
		{2012, 0, 1, 2},
		{2013, 1, 2, 4},
		{0, 2, 2, 4},
	} {
		files := build(t, hostilePlan(), tt.asOf)
		for _, n := range []struct {
			file string
			want int
		}{{"budgets", tt.budgets}, {"districts", tt.districts}, {"observations", tt.observations}} {
			if _, rows := records(t, files["data/"+n.file+".csv"]); len(rows) != n.want {
				t.Errorf("as of %d, %s.csv has %d rows, want %d", tt.asOf, n.file, len(rows), n.want)
			}
		}
	}
}

func TestActors(t *testing.T) {
	files := build(t, hostilePlan(), 0)
	pol := objects(t, files["data/policies.json"])
	ag := objects(t, files["data/agencies.json"])
	if got := string(mustJSON(t, pol)); got != `[{"group":null,"id":"-p","lead":"a","leads":["a"],"name":{"en":"\u003c/script\u003e","vi":"@p"},"number":"+1.1","partners":[],"targets":["t1"]}]` {
		t.Errorf("policies.json = %s", got)
	}
	if got := string(mustJSON(t, ag)); got != `[{"abbr":null,"id":"a","kind":null,"leads":["-p"],"name":{"en":"\u003cb\u003e\u0026","vi":"=A1"},"partners_in":[],"targets":["t1"]}]` {
		t.Errorf("agencies.json = %s", got)
	}
}

// The real data and the demo: every target, every file well formed and
// described, the same bytes on every call.
func TestDatasets(t *testing.T) {
	for _, dir := range []string{"../../data", "../../examples/demo"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p, files := loadDir(t, dir)
			again := build(t, p, 0)
			checkSame(t, files, again)
			checkEncoding(t, files)
			checkPackage(t, files)

			_, rows := records(t, files["data/indicators.csv"])
			objs := objects(t, files["data/indicators.json"])
			if len(rows) != len(p.Targets) || len(objs) != len(p.Targets) {
				t.Fatalf("indicators: %d CSV rows and %d JSON objects for %d targets", len(rows), len(objs), len(p.Targets))
			}
			for i, tg := range p.Targets {
				if rows[i]["id"] != Neutralise(tg.ID) || objs[i]["id"] != tg.ID {
					t.Errorf("indicators row %d = %s / %v, want %s", i, rows[i]["id"], objs[i]["id"], tg.ID)
				}
			}
			res := Resources(files)
			if len(res) != len(files) {
				t.Errorf("Resources lists %d files of %d", len(res), len(files))
			}
			for _, r := range res {
				b := files[r.Path]
				if r.Bytes != len(b) || r.Hash != hash(b) {
					t.Errorf("Resources %s: %d bytes %s, want %d %s", r.Path, r.Bytes, r.Hash, len(b), hash(b))
				}
				if r.Title.VI == "" || r.Title.EN == "" || r.Description.VI == "" || r.Description.EN == "" {
					t.Errorf("Resources %s: title or description missing: %+v", r.Path, r)
				}
				switch r.Format {
				case FormatCSV:
					_, rows := records(t, b)
					if r.Rows != len(rows) || r.MediaType != MediaCSV {
						t.Errorf("Resources %s: %d rows, %s, want %d, %s", r.Path, r.Rows, r.MediaType, len(rows), MediaCSV)
					}
				case FormatJSON:
					if r.MediaType != MediaJSON {
						t.Errorf("Resources %s: media type %s, want %s", r.Path, r.MediaType, MediaJSON)
					}
				}
			}
			if r := res[0]; r.Path != "data/indicators.csv" || r.Name != "indicators-csv" || r.Rows != len(p.Targets) {
				t.Errorf("Resources[0] = %+v, want data/indicators.csv, indicators-csv, %d rows", r, len(p.Targets))
			}
		})
	}
}

// The real data has no result for 3a: its latest value is empty, not 0.
func TestRealDataNoValue(t *testing.T) {
	_, files := loadDir(t, "../../data")
	_, rows := records(t, files["data/indicators.csv"])
	row := find(rows, "id", "3a")
	if row == nil {
		t.Fatal("indicators.csv has no row 3a")
	}
	if row["latest_value"] != "" || row["latest_year"] != "" || row["status"] != "no_data" || row["baseline_year"] != "2012" {
		t.Errorf("indicators.csv 3a = %v, want empty latest_value and latest_year, status no_data, baseline_year 2012", row)
	}
	obj := find(objects(t, files["data/indicators.json"]), "id", "3a")
	if v, ok := obj["latest_value"]; !ok || v != nil {
		t.Errorf("indicators.json 3a latest_value = %v (present %v), want null", v, ok)
	}
	if !bytes.Contains(files["data/indicators.json"], []byte(`"latest_value": null`)) {
		t.Errorf(`indicators.json holds no "latest_value": null`)
	}
}

func checkSame(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("two calls give %d and %d files", len(a), len(b))
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			t.Errorf("two calls give different %s", k)
		}
	}
}

// checkEncoding: UTF-8 without BOM, LF only, a final newline.
func checkEncoding(t *testing.T, files map[string][]byte) {
	t.Helper()
	want := []string{"agencies.json", "budgets.csv", "budgets.json", "budgets.xlsx", "datapackage.json", "districts.csv", "districts.json",
		"districts.xlsx", "indicators.csv", "indicators.json", "indicators.xlsx", "observations.csv", "observations.json",
		"observations.xlsx", "policies.json"}
	if _, ok := files["data/"+BoundariesFile]; ok {
		want = append(want[:1], append([]string{BoundariesFile}, want[1:]...)...)
	}
	var got []string
	for k, b := range files {
		got = append(got, strings.TrimPrefix(k, "data/"))
		switch {
		case strings.HasSuffix(k, ".xlsx"):
			// A workbook is a zip of XML: checkWorkbooks reads it.
		case !utf8.Valid(b):
			t.Errorf("%s is not UTF-8", k)
		case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
			t.Errorf("%s starts with a byte-order mark", k)
		case bytes.Contains(b, []byte("\r\n")):
			t.Errorf("%s has CRLF line endings", k)
		case !bytes.HasSuffix(b, []byte("\n")):
			t.Errorf("%s has no final newline", k)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
}

var yearRE = regexp.MustCompile(`^[0-9]{4}$`)

// checkPackage reads datapackage.json: every other file described once
// with its real size and hash; every CSV matching its schema cell by cell;
// every JSON table having the same fields.
func checkPackage(t *testing.T, files map[string][]byte) {
	t.Helper()
	var dp struct {
		Profile   string
		Name      string
		Licenses  []struct{ Name, Title string }
		Resources []struct {
			Name, Path, Profile, Format, MediaType, Encoding, Hash string
			Bytes                                                  int
			Schema                                                 *struct {
				Fields []struct{ Name, Type, Description string }
			}
		}
	}
	if err := json.Unmarshal(files["data/datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Profile != "data-package" || !regexp.MustCompile(`^[a-z0-9._-]+$`).MatchString(dp.Name) {
		t.Errorf("datapackage profile, name = %q, %q", dp.Profile, dp.Name)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0].Name != "CC-BY-4.0" || dp.Licenses[0].Title == "" {
		t.Errorf("datapackage licenses = %+v", dp.Licenses)
	}
	if len(dp.Resources) != len(files)-1 {
		t.Errorf("datapackage describes %d resources, want %d", len(dp.Resources), len(files)-1)
	}
	names := map[string]bool{}
	for _, r := range dp.Resources {
		if r.Path == PackageFile {
			t.Errorf("datapackage.json describes itself")
		}
		if names[r.Name] {
			t.Errorf("datapackage: resource name %s twice", r.Name)
		}
		names[r.Name] = true
		b, ok := files[path.Join(Dir, r.Path)]
		if !ok {
			t.Errorf("datapackage: %s is not a file", r.Path)
			continue
		}
		wantEncoding := "utf-8"
		if r.Format == FormatXLSX {
			wantEncoding = ""
		}
		if r.Bytes != len(b) || r.Hash != hash(b) || r.Encoding != wantEncoding {
			t.Errorf("datapackage %s: %d bytes, %s, %s; file has %d bytes, %s", r.Path, r.Bytes, r.Hash, r.Encoding, len(b), hash(b))
		}
		if r.Format != FormatCSV {
			if r.Schema != nil || r.Profile != "data-resource" {
				t.Errorf("datapackage %s: profile %s, schema %v", r.Path, r.Profile, r.Schema)
			}
			continue
		}
		if r.Schema == nil || r.Profile != "tabular-data-resource" || r.MediaType != MediaCSV {
			t.Errorf("datapackage %s: profile %s, media type %s, schema %v", r.Path, r.Profile, r.MediaType, r.Schema)
			continue
		}
		header, rows := records(t, b)
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
			if f.Description == "" {
				t.Errorf("%s: field %s has no description", r.Path, f.Name)
			}
		}
		if !slices.Equal(header, fields) {
			t.Errorf("%s header = %v, schema fields %v", r.Path, header, fields)
		}
		for i, row := range rows {
			for _, f := range r.Schema.Fields {
				if cell := row[f.Name]; cell != "" && !fits(cell, f.Type) {
					t.Errorf("%s row %d: %s = %q is not a %s", r.Path, i+1, f.Name, cell, f.Type)
				}
			}
		}
		objs := objects(t, files[strings.TrimSuffix(path.Join(Dir, r.Path), ".csv")+".json"])
		if len(objs) != len(rows) {
			t.Errorf("%s: %d rows, its JSON %d objects", r.Path, len(rows), len(objs))
		}
		for _, o := range objs {
			if len(o) != len(fields) {
				t.Errorf("%s: JSON object has %d keys, want %d", r.Path, len(o), len(fields))
				break
			}
		}
	}
}

// fits reports whether a CSV cell is a value of a Table Schema type; a
// string must not be one a spreadsheet would run.
func fits(cell, typ string) bool {
	switch typ {
	case typeYear:
		return yearRE.MatchString(cell)
	case typeInteger:
		_, err := strconv.Atoi(cell)
		return err == nil
	case typeNumber:
		_, err := strconv.ParseFloat(cell, 64)
		return err == nil && !strings.ContainsAny(cell, "eE")
	case typeBoolean:
		return cell == "true" || cell == "false"
	}
	return Neutralise(cell) == cell || strings.HasPrefix(cell, "'")
}

// The demo's indicators.csv and datapackage.json, as golden files.
func TestGolden(t *testing.T) {
	_, files := loadDir(t, "../../examples/demo")
	for _, name := range []string{"indicators.csv", "datapackage.json"} {
		got := files["data/"+name]
		golden := filepath.Join("testdata", "demo", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test -update if the change is intended)", name, golden)
		}
	}
}

// A value whose kind does not fit its column, or a number that is not
// finite, is an error rather than a bad file.
func TestCheck(t *testing.T) {
	cols := []column{{name: "n", typ: typeNumber}, {name: "s", typ: typeString}, {name: "l", typ: typeString, list: true}}
	tests := []struct {
		row []any
		ok  bool
	}{
		{[]any{1.5, "x", []string{"a"}}, true},
		{[]any{nil, nil, []string{}}, true},
		{[]any{1, "x", []string{}}, false},
		{[]any{1.5, 2.0, []string{}}, false},
		{[]any{1.5, "x", "a"}, false},
		{[]any{1.5, "x"}, false},
		{[]any{zero() / zero(), "x", []string{}}, false},
	}
	for i, tt := range tests {
		tb := &table{tableInfo: tableInfo{name: "t"}, columns: cols, rows: [][]any{tt.row}}
		if err := tb.check(); (err == nil) != tt.ok {
			t.Errorf("case %d: check(%v) = %v, want ok %v", i, tt.row, err, tt.ok)
		}
	}
}

func zero() float64 { return 0 }

// Files copes with an empty plan and a nil report.
func TestEmpty(t *testing.T) {
	files, _, err := Files(&plan.Plan{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkEncoding(t, files)
	checkPackage(t, files)
	var paths []string
	for _, r := range Resources(files) {
		paths = append(paths, r.Path)
	}
	want := []string{"data/indicators.csv", "data/indicators.json", "data/indicators.xlsx", "data/observations.csv",
		"data/observations.json", "data/observations.xlsx", "data/districts.csv", "data/districts.json", "data/districts.xlsx",
		"data/budgets.csv", "data/budgets.json", "data/budgets.xlsx", "data/policies.json", "data/agencies.json", "data/datapackage.json"}
	if !slices.Equal(paths, want) {
		t.Errorf("Resources paths = %v, want %v", paths, want)
	}
	for _, name := range []string{"indicators.json", "policies.json", "agencies.json"} {
		if got := string(files["data/"+name]); got != "[]\n" {
			t.Errorf("%s = %q, want []", name, got)
		}
	}
}

// Each table's workbook holds the CSV file's cells, numbers as numbers
// and text as text (a cell the CSV neutralises is plain text here), one
// sheet named after the table.
func TestWorkbooks(t *testing.T) {
	for _, dir := range []string{"../../data", "../../examples/demo"} {
		p, probs := load.Dir(dir)
		if probs.Fatal() {
			t.Fatal(probs)
		}
		files, _, err := Files(p, progress.Compute(p, 0))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"indicators", "observations", "districts", "budgets"} {
			f, err := excelize.OpenReader(bytes.NewReader(files["data/"+name+".xlsx"]))
			if err != nil {
				t.Fatalf("%s %s.xlsx: %v", dir, name, err)
			}
			rows, err := f.GetRows(name)
			if err != nil {
				t.Fatalf("%s %s.xlsx: %v", dir, name, err)
			}
			recs, err := csv.NewReader(bytes.NewReader(files["data/"+name+".csv"])).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(recs) {
				t.Fatalf("%s %s: %d rows in the workbook, %d in the CSV file", dir, name, len(rows), len(recs))
			}
			numbers := 0
			for i, rec := range recs {
				for j, want := range rec {
					got := ""
					if j < len(rows[i]) {
						got = rows[i][j]
					}
					if strings.HasPrefix(want, "'") && !strings.HasPrefix(got, "'") {
						want = want[1:] // neutralised in CSV only
					}
					if got != want && !(want == "true" || want == "false") || !strings.EqualFold(got, want) {
						t.Errorf("%s %s row %d col %d: workbook %q, CSV %q", dir, name, i+1, j+1, got, want)
					}
					if i == 0 || want == "" {
						continue
					}
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					typ, err := f.GetCellType(name, cell)
					if err != nil {
						t.Fatal(err)
					}
					if _, err := strconv.ParseFloat(want, 64); err == nil && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
						numbers++
					}
				}
			}
			if name != "budgets" && numbers == 0 {
				t.Errorf("%s %s: no cell is a number", dir, name)
			}
			f.Close()
		}
	}
}
