package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"

	"plansite/generator/synth"
)

// yamlTree is the tree yaml.v3 builds for src, as decodeFile asks for it.
func yamlTree(src string) (*yaml.Node, error) {
	var root yaml.Node
	err := yaml.NewDecoder(strings.NewReader(src)).Decode(&root)
	return &root, err
}

// sameTree describes the first difference between the trees parse and
// yaml.v3 built, in what the decoder reads: all but comments.
func sameTree(got, want *yaml.Node, path string) error {
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Line != want.Line || got.Column != want.Column || got.Anchor != want.Anchor || got.Alias != want.Alias ||
		len(got.Content) != len(want.Content) {
		return fmt.Errorf("%s: parse gave kind %d style %d tag %s value %q at %d:%d with %d children;\nyaml.v3 gives kind %d style %d tag %s value %q at %d:%d with %d children",
			path, got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column, len(got.Content),
			want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column, len(want.Content))
	}
	for i := range got.Content {
		if err := sameTree(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// compareParse parses src both ways, with p. When p takes it, yaml.v3
// must read it without an error, as one document, into the same tree.
func compareParse(p *parser, src string) (taken bool, err error) {
	got, ok := p.parse(src)
	if !ok {
		return false, nil
	}
	want, err := yamlTree(src)
	if err != nil {
		return true, fmt.Errorf("parse took it, yaml.v3 fails: %v", err)
	}
	var extra yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.Decode(&extra)
	if err := dec.Decode(&extra); err == nil {
		return true, fmt.Errorf("parse took it, yaml.v3 reads a second document")
	}
	return true, sameTree(got.Content[0], want.Content[0], "")
}

// parseCases are texts parse takes and texts it leaves to yaml.v3; FuzzParse
// starts from them.
var parseCases = []struct {
	name, src string
	taken     bool // parse takes it (else yaml.v3 parses it)
}{
	{"mapping", "a: 1\nb: x\n", true},
	{"nested", "a:\n  b:\n    c: 1.5\n  d: ~\n", true},
	{"list under key, same indent", "a:\n- x\n- y\nb: 2\n", true},
	{"list of records", "areas:\n  - id: a\n    name: Tỉnh Đại\n  - id: b\n    figures:\n      - {year: 2020, rate: 8.5}\n", true},
	{"empty values", "a:\nb:   # c\nc:\n  # only a comment\nd: ''\ne: \"\"\n", true},
	{"empty items", "a:\n  -\n  -   # c\n  - x\n", true},
	{"item holding a block", "a:\n  -\n    b: 1\n  -\n    - x\n", true},
	{"flow", "a: {vi: \"Tỉnh Đại\", en: 'it''s', n: [1, -2, .5, {x: y}]}\nb: []\nc: { }\n", true},
	{"json keys", "{\"type\": \"x\", \"n\": [1, 2]}\n", true},
	{"json over lines", "{\"type\": \"x\",\n\"f\": [\n  {\"id\": \"a\", \"c\": [[1.5, -2]]},\n\n  {\"id\": \"b\", \"c\": []}\n]\n}\n", true},
	{"tags", "a: [1, 1.5, 3a, 2024-01-02, ~, yes, 0x1F, 007, 08, 1e5, -0, +3, 1., true, False, NULL, .inf, -.Inf, .nan]\n", true},
	{"keys resolve", "2020: a\ntrue: b\nnull: c\n1.5: d\n", true},
	{"escapes", "a: \"\\u00e9\\n\\t\\\\ \\\"q\\\" \\x41 \\U0001F600\"\n", true},
	{"colon in plain", "a: http://x.y/z\nb: 10:30\n", true},
	{"hash in plain", "a: x#y\nb: x #y\n", true},
	{"literal", "a: |\n  l1\n\n    l2\n  l3\nb: 1\n", true},
	{"literal strip", "a: |-\n  l1\n  l2\n\n\nb: 1\n", true},
	{"literal leading empty", "a: |\n\n  l1\n", true},
	{"folded", "a: >\n  f1\n  f2\n\n  f3\n\n\n  f4\nb: >- # c\n  x\n  y\n", true},
	{"block in list", "- |\n  a\n- >-\n  b\n  c\n", true},
	{"no final line break", "a: 1", true},
	{"comments everywhere", "# h\na: 1 # c\n# m\n  # n\nb:\n  - x # c\n    # d\n  - y\n", true},
	{"deep list", "a:\n  - b:\n      - c: 1\n        d: 2\n    e: 3\n", true},
	{"non-ascii columns", "a: {vi: \"Đắk Lắk\", en: x}\nb: [\"ố\", y]\n", true},

	{"tab", "a:\n\tb: 1\n", false},
	{"crlf", "a: 1\r\nb: 2\r\n", false},
	{"document marker", "---\na: 1\n", false},
	{"second document", "a: 1\n---\nb: 2\n", false},
	{"directive", "%YAML 1.2\n---\na: 1\n", false},
	{"anchor", "a: &x 1\nb: *x\n", false},
	{"merge", "a:\n  <<: {b: 1}\n", false},
	{"tag", "a: !!str 1\n", false},
	{"multi-line plain", "a: one\n  two\n", false},
	{"multi-line quoted", "a: \"one\n  two\"\n", false},
	{"multi-line flow", "a: [1,\n  2]\n", false},
	{"json with a comment", "{\"a\": 1, # c\n\"b\": 2}\n", false},
	{"json plain over lines", "[a\n b]\n", false},
	{"json text after", "{\"a\": 1}\nb: 2\n", false},
	{"mapping in value", "a: b: c\n", false},
	{"deeper line", "a: 1\n  b: 2\n", false},
	{"between levels", "a:\n    b: 1\n  c: 2\n", false},
	{"list after value", "a: 1\n- b\n", false},
	{"nested dash", "- - a\n", false},
	{"dash alone as value", "a: -\n", false},
	{"key without colon", "a: 1\nb\n", false},
	{"quoted key", "\"a\": 1\n", false},
	{"complex key", "? a\n: 1\n", false},
	{"keep", "a: |+\n  x\n\n", false},
	{"indentation indicator", "a: |2\n   x\n", false},
	{"folded deeper", "a: >\n  x\n    y\n", false},
	{"folded leading empty", "a: >\n\n  x\n", false},
	{"empty block scalar", "a: |\nb: 1\n", false},
	{"text after quote", "a: \"x\" y\n", false},
	{"trailing comma", "a: [1, 2, ]\n", false},
	{"empty flow value", "a: {b: , c: 1}\n", false},
	{"colon in flow plain", "a: [b:c]\n", false},
	{"question mark in flow plain", "a: [b?]\n", false}, // yaml.v3 ends the scalar there
	{"indented root", "  a: 1\n", false},
	{"scalar root", "just text\n", false},
	{"nbsp", "a:\u00a0 1\n", false},
	{"control", "a: \x01\n", false},
	{"nel", "a: x\u0085y\n", false},
	{"escape slash", "a: \"\\/\"\n", false},
	{"escape N", "a: \"\\N\"\n", false},
	{"surrogate", "a: \"\\ud800\"\n", false},
	{"long json key", "{\"" + strings.Repeat("k", 1100) + "\": 1}\n", false},
	{"long key", strings.Repeat("k", 1100) + ": 1\n", false},
	{"deep", strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", false},
}

func TestParseCases(t *testing.T) {
	for _, tt := range parseCases {
		t.Run(tt.name, func(t *testing.T) {
			taken, err := compareParse(new(parser), tt.src)
			if err != nil {
				t.Fatalf("parse(%q): %v", tt.src, err)
			}
			if taken != tt.taken {
				t.Errorf("parse(%q) took it: %v, want %v", tt.src, taken, tt.taken)
			}
		})
	}
}

// TestParseMatchesYAML holds parse to yaml.v3 on every data file the
// repository has — the shipped data, the examples, the datasets of the
// tests and the CLI scripts (valid and broken) — and on a synthetic
// dataset, which parse must take whole: that is where its speed counts.
func TestParseMatchesYAML(t *testing.T) {
	type file struct {
		name, src string
		mustTake  bool
	}
	var files []file
	root := filepath.Join("..", "..")
	for _, dir := range []string{"data", "examples", "generator/testdata", "generator/load/testdata", "generator/gates/testdata"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			switch {
			case strings.HasSuffix(path, ".yaml"), strings.HasSuffix(path, ".geojson"):
				files = append(files, file{path, string(b), dir == "data" || dir == "examples"})
			case strings.HasSuffix(path, ".txtar"):
				for _, f := range txtar.Parse(b).Files {
					if strings.HasSuffix(f.Name, ".yaml") {
						files = append(files, file{path + ":" + f.Name, string(f.Data), false})
					}
				}
			case strings.Contains(path, "testdata/fuzz/FuzzLoad/"):
				// go test fuzz v1, then []byte("…")
				if _, lit, ok := strings.Cut(string(b), "[]byte("); ok {
					files = append(files, file{path, fuzzSeed(t, path, lit), false})
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Options{Provinces: 2, Districts: 6, Communes: 60, Years: 6, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".yaml") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files = append(files, file{"synth" + strings.TrimPrefix(path, dir), string(b), true})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	var p parser // one for all, as a worker of decodeAll has: its nodes serve file after file
	for _, f := range files {
		src := strings.TrimPrefix(f.src, bom)
		ok, err := compareParse(&p, src)
		if err != nil {
			t.Errorf("%s: %v", f.name, err)
		}
		if ok {
			taken++
		} else if f.mustTake {
			t.Errorf("%s: parse left it to yaml.v3", f.name)
		}
	}
	t.Logf("parse took %d of %d files", taken, len(files))
	if taken < len(files)/2 {
		t.Errorf("parse took %d of %d files", taken, len(files))
	}
}

// fuzzSeed reads the Go literal of a fuzz corpus file.
func fuzzSeed(t *testing.T, path, lit string) string {
	lit = strings.TrimSpace(lit)
	lit = strings.TrimSuffix(lit, ")")
	var s string
	if _, err := fmt.Sscanf(lit, "%q", &s); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// FuzzParse: whatever the text, parse either leaves it to yaml.v3 or
// builds yaml.v3's tree.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := compareParse(new(parser), src); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
	})
}

// TestParseDecodesAsYAML loads datasets twice, parsed by parse and by
// yaml.v3 alone, and requires the same plan and the same problems: a node
// parse builds wrong (a value, a position, a style the decoder reads)
// shows as a difference.
func TestParseDecodesAsYAML(t *testing.T) {
	synthDir := t.TempDir()
	if err := synth.Write(synthDir, synth.Options{Provinces: 2, Districts: 6, Communes: 60, Years: 6, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	for _, dir := range []string{filepath.Join(root, "data"), filepath.Join(root, "examples", "demo"),
		filepath.Join(root, "generator", "testdata", "base"), synthDir} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fast := newFolder(os.DirFS(dir), dir, dir)
			slow := newFolder(os.DirFS(dir), dir, dir)
			slow.yamlOnly = true
			got, gotProbs := read(fast)
			want, wantProbs := read(slow)
			if len(want.Targets) == 0 && len(want.Areas) == 0 {
				t.Fatalf("%s: nothing decoded: %v", dir, wantProbs)
			}
			if !reflect.DeepEqual(gotProbs, wantProbs) {
				t.Errorf("%s: problems differ:\nparse:   %v\nyaml.v3: %v", dir, gotProbs, wantProbs)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the plan parse decodes differs from yaml.v3's", dir)
			}
		})
	}
}

// BenchmarkParse parses the largest file of a synthetic dataset (a
// folder of areas) with parse and with yaml.v3, which parse replaces for
// such files (PLANSITE_BENCH_NATIONAL=1 for national scale).
func BenchmarkParse(b *testing.B) {
	// benchdata.Scale, which this package cannot import (benchdata loads)
	o := synth.Options{Provinces: 6, Districts: 70, Communes: 1060, Years: 6, Seed: 1}
	if os.Getenv("PLANSITE_BENCH_NATIONAL") == "1" {
		o = synth.National()
	}
	dir := b.TempDir()
	if err := synth.Write(dir, o); err != nil {
		b.Fatal(err)
	}
	var src string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".yaml") {
			bs, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if len(bs) > len(src) {
				src = string(bs)
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parser=plain", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		var p parser
		for b.Loop() {
			if _, ok := p.parse(src); !ok {
				b.Fatal("parse left the file to yaml.v3")
			}
		}
	})
	b.Run("parser=yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := yamlTree(src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestParseValuesInPlaces holds parse to yaml.v3 for many values, each in
// the places a value takes (a key's, a list item's, in a nested record),
// and for block scalars under a key, a dash and a nested key.
func TestParseValuesInPlaces(t *testing.T) {
	values := []string{"b?c", "x,y", "'x' # c", "\"x\"#c", "x #", "#", "x#", "[x]y", "b[x]", "{x}y", "a]", "a,", "-1", "-a", "--a",
		".5", "..5", "5.", "1_000", "0b101", "0o17", "0x1F", "+1", "+.5", "1e3", "1.5e-3", "2024-01-02", "2024-1-2",
		"2024-01-02T10:00:00Z", "12:30", "~x", "Null", "yes", "On", "<<", ">x", "|x", "!x", "x!", "x&y", "x*y", "x'y",
		"x %y", "@x", "`x", "Tỉnh Đại", "a  b", "a   ", "'it''s'", "''", "\"\\\"\"", "'", "\"", "[ ]", "{ }",
		"[a, [b, {c: d}]]", "{a: b, a: c}", "[a,b]", "[ a , b ]", "{a:b}", "{a: b,c: d}", "{\"a\":1}", "{'a': 1}",
		"[-1, -.5, +2]", "[.inf, -.inf, .nan]", "[true, false, null, ~]", "[2024-01-02, 1e5, 0x1F]"}
	places := []string{"k: %s\n", "- %s\n", "k:\n  - %s\n", "k:\n- %s\n", "a:\n  k: %s\n  z: 1\n", "- k: %s\n  z: 1\n"}
	for _, v := range values {
		for _, place := range places {
			src := strings.Replace(place, "%s", v, 1)
			if _, err := compareParse(new(parser), src); err != nil {
				t.Errorf("%q: %v", src, err)
			}
		}
	}
	blocks := []string{"|\n  a\n", "|\n  a\n\n", "|\n\n  a\n", "|\n  a\n  \n  b\n", "|\n  a\n \n  b\n", "|\n  a\n   \n  b\n",
		"|-\n  a\n\n", ">\n  a\n  b\n", ">\n  a\n\n  b\n", ">-\n  a\n\n\n  b\n\n", ">\n  a \n  b\n", "|\n  # x\n  a\n",
		"|\n    a\n  b\n", "|\n  a\n # c\n", "| # c\n  a\n", "|  \n  a\n", "|\n  a\nz: 1\n", ">\n  a\n  b\nz: 1\n",
		"|\n  a\n\n\nz: 1\n", "|\n  ---\n", "|\n  a: b\n", "|\n  - x\n"}
	for _, b := range blocks {
		nested := "a:\n  k: " + strings.ReplaceAll(b, "\n  ", "\n    ")
		for _, src := range []string{"k: " + b, "- " + b, nested} {
			if _, err := compareParse(new(parser), src); err != nil {
				t.Errorf("%q: %v", src, err)
			}
		}
	}
}
