package schema

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plansite/generator/load"
)

var update = flag.Bool("update", false, "rewrite schemas/*.schema.json from the Go types")

// root is the repository root, where schemas/ and the datasets are.
const root = "../.."

// The committed schemas are what the Go types give; -update rewrites them.
func TestSchemasMatchTypes(t *testing.T) {
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			got, err := For(kind)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(root, Dir, File(kind))
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/schema -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from For(%q): the Go types changed; run go test ./generator/schema -update", path, kind)
			}
		})
	}
	entries, _ := os.ReadDir(filepath.Join(root, Dir))
	for _, e := range entries {
		kind := strings.TrimSuffix(e.Name(), ".schema.json")
		if _, err := For(kind); err != nil {
			t.Errorf("%s: a schema of no data file: remove it", e.Name())
		}
	}
	if _, err := For("targtes"); err == nil {
		t.Errorf("For(targtes): no error")
	}
}

// Every field of every type has a description in both languages, and every
// description, rule and required key names a field that exists.
func TestDocsMatchTypes(t *testing.T) {
	known := map[string]bool{}
	for _, f := range load.Files() {
		known[f.Name+".yaml"] = true
		for _, k := range f.Keys {
			known[f.Name+"."+k] = true
		}
	}
	keysOf := map[string][]string{}
	for _, typ := range Types() {
		known[typ.Name()] = true
		keys := Keys(typ)
		if typ == textType {
			keys = []string{"vi", "en"}
		}
		keysOf[typ.Name()] = keys
		for _, k := range keys {
			known[typ.Name()+"."+k] = true
		}
	}
	for name := range known {
		d, ok := docs[name]
		switch {
		case !ok:
			t.Errorf("docs: no description of %s", name)
		case d.vi == "" || d.en == "":
			t.Errorf("docs[%s] = %+v, want Vietnamese and English", name, d)
		}
	}
	for name := range docs {
		if !known[name] {
			t.Errorf("docs[%s]: no such file, key, type or field", name)
		}
	}
	for name := range rules {
		if base := strings.TrimSuffix(strings.TrimSuffix(name, "[]"), "{}"); !known[base] {
			t.Errorf("rules[%s]: no such field", name)
		}
	}
	for typ, keys := range required {
		for _, k := range keys {
			if !known[typ+"."+k] {
				t.Errorf("required[%s]: no field %s", typ, k)
			}
		}
	}
}

// dataFiles lists the YAML files of a data folder with their kind and
// depth below the repository root.
func dataFiles(t *testing.T, dir string) (files []string, kinds []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		kind := strings.TrimSuffix(strings.Split(filepath.ToSlash(rel), "/")[0], ".yaml")
		files = append(files, path)
		kinds = append(kinds, kind)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("%s: no data files", dir)
	}
	return files, kinds
}

// Each data file names its schema in its first line, by a path relative to
// the file, so that an editor finds it without any setting.
func TestDataFilesNameTheirSchema(t *testing.T) {
	for _, dir := range []string{"data", "examples/demo"} {
		files, kinds := dataFiles(t, filepath.Join(root, dir))
		for i, path := range files {
			rel, _ := filepath.Rel(root, path)
			depth := strings.Count(filepath.ToSlash(rel), "/")
			want := Comment(kinds[i], depth)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(b), "\n")
			if first != want {
				t.Errorf("%s: first line %q, want %q", rel, first, want)
				continue
			}
			target := filepath.Join(filepath.Dir(path), filepath.FromSlash(strings.TrimPrefix(first, "# yaml-language-server: $schema=")))
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: its schema is not there: %v", rel, err)
			}
		}
	}
}

// The datasets the project ships, and the base of the CLI tests, are valid
// under their schemas: an editor sees no false alarm.
func TestDatasetsValidate(t *testing.T) {
	for _, dir := range []string{"data", "examples/demo", "generator/testdata/base"} {
		files, kinds := dataFiles(t, filepath.Join(root, dir))
		for i, path := range files {
			s, err := For(kinds[i])
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			errs, err := validate(s, src)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, e := range errs {
				t.Errorf("%s:%s", path, e)
			}
		}
	}
}

// The mistakes editors make are underlined.
func TestSchemaFindsMistakes(t *testing.T) {
	tests := []struct {
		kind, src, want string
	}{
		{"targets", "targets:\n  - id: 3a\n    nmae: X\n", "3:5: .targets[0].nmae: property not allowed"},
		{"targets", "targets:\n  - id: 3A\n    name: X\n    unit: percent\n    scope: a\n    goal: {at_least: 90}\n    by: 2015\n", `2:9: .targets[0].id: "3A" does not match`},
		{"targets", "targets:\n  - id: 3a\n", "2:5: .targets[0]: missing property name"},
		{"targets", "targets:\n  - id: index\n", `2:9: .targets[0].id: "index" is reserved`},
		{"areas", "areas:\n  - id: " + strings.Repeat("x", 65) + "\n", "2:9: .areas[0].id: 65 characters, want at most 64"},
		{"targets", "targets:\n  - id: 3a\n    unit: percnt\n", `3:11: .targets[0].unit: "percnt" is not one of`},
		{"targets", "targets:\n  - id: 3a\n    goal: {between: [8.5]}\n", "3:21: .targets[0].goal.between: 1 items, want at least 2"},
		{"targets", "targets:\n  - id: 3a\n    goal: {}\n", "3:11: .targets[0].goal: 0 properties, want at least 1"},
		{"observations", "observations:\n  - target: 3a\n    year: 2014\n    value: 8,5\n", "4:12: .observations[0].value: type string, want number or null"},
		{"observations", "observations:\n  - target: 3a\n    year: 20144\n", "3:11: .observations[0].year: 20144 is more than 2100"},
		{"observations", "observations:\n  - target: 3a\n    year: 2014\n    half: 2\n", `4:11: .observations[0].half: "2" is not one of`},
		{"areas", "areas:\n  - id: a\n    flags: [xa-ngheo]\n", `3:13: .areas[0].flags[0]: "xa-ngheo" is not one of`},
		{"areas", "areas:\n  - id: a\n    figures:\n      - year: 2013\n        households: 44.541\n", "5:21: .areas[0].figures[0].households: type number, want integer or null"},
		{"areas", "areas:\n  - id: a\n    flag_counts: {ngheo: 3}\n", `3:19: .areas[0].flag_counts.ngheo: "ngheo" is not one of`},
		{"site", "title: X\nupdated: 30/6/2015\n", `2:10: .updated: "30/6/2015" does not match`},
		{"site", "title: {vi: X, fr: Y}\n", "1:8: .title: matches no alternative"},
		{"budget", "lines:\n  - policy: 1-1\n    fund: f\n    year: 2014\n    source: s\n    allocated: -5\n", "6:16: .lines[0].allocated: -5 is less than 0"},
		{"budget", "fund:\n  - id: f\n", "1:1: .fund: property not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			s, err := For(tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			errs, err := validate(s, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				if strings.HasPrefix(e, tt.want) {
					return
				}
			}
			t.Errorf("validate(%s) = %q, want one starting %q", tt.kind, errs, tt.want)
		})
	}
}
