package load_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"plansite/generator/load"
	"plansite/generator/plan"
)

// baseFS is the valid dataset of ../testdata/base, which the CLI scripts
// start from too, with files replaced or added by files.
func baseFS(tb testing.TB, files map[string]string) fstest.MapFS {
	tb.Helper()
	dir := filepath.Join("..", "testdata", "base")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func TestBaseLoads(t *testing.T) {
	p, probs := load.FS(baseFS(t, nil), "data")
	if len(probs) > 0 {
		t.Fatalf("FS(base) problems:\n%v", probs)
	}
	if len(p.Targets) != 3 || len(p.Areas) != 3 || len(p.BudgetLines) != 1 {
		t.Errorf("FS(base) = %d targets, %d areas, %d budget lines, want 3, 3, 1", len(p.Targets), len(p.Areas), len(p.BudgetLines))
	}
}

// figureFile is an areas.yaml whose one figure has key: value on line 7,
// the value at column 11+len(key).
func figureFile(key, value string) string {
	return "areas:\n" +
		"  - id: bac-giang\n" +
		"    kind: province\n" +
		"    name: Bắc Giang\n" +
		"    figures:\n" +
		"      - year: 2013\n" +
		"        " + key + ": " + value + "\n"
}

func TestNumbers(t *testing.T) {
	const (
		count = "households" // a whole number
		rate  = "poor_rate"  // a decimal number
	)
	tests := []struct {
		key, value string
		want       *float64 // decoded value, when there is no problem
		wantMsg    string   // start of the English message, when there is one
	}{
		{count, "44541", ptr(44541), ""},
		{count, "0", ptr(0), ""},
		{count, `"44541"`, ptr(44541), ""},
		{count, "", nil, ""},
		{count, "~", nil, ""},
		{count, "null", nil, ""},
		{count, "44.541", nil, `"households": a count has no thousands dots: write 44541 (found 44.541`},
		{count, "4.234.000", nil, `"households": a count has no thousands dots: write 4234000 (found 4.234.000`},
		{count, "44,541", nil, `"households": write the number without thousands separators: 44541 (found 44,541)`},
		{count, "4,234,000", nil, `"households": write the number without thousands separators: 4234000 (found 4,234,000)`},
		{count, "010", nil, `"households": drop the leading zero: write 10 (found 010)`},
		{count, "00", nil, `"households": drop the leading zero: write 0 (found 00)`},
		{count, "0o17", nil, `"households": expected a number (found "0o17")`},
		{count, "0x10", nil, `"households": expected a number (found "0x10")`},
		{count, "1_000", nil, `"households": expected a number (found "1_000")`},
		{count, "44541.5", nil, `"households": expected a whole number (found 44541.5)`},
		{count, "1e16", nil, `"households": number too large (found 1e16)`},
		{count, "yes", nil, `"households": expected a number, not "yes"`},
		{count, "No", nil, `"households": expected a number, not "No"`},
		{count, "off", nil, `"households": expected a number, not "off"`},
		{count, "true", nil, `"households": expected a number, not "true"`},
		{count, "'null'", nil, `"households": expected a number (found "null")`},
		{count, "khoảng 44 nghìn", nil, `"households": expected a number (found "khoảng 44 nghìn")`},
		{count, "[423400]", nil, `expected a single value for "households" (found a list)`},
		{count, "{value: 423400}", nil, `expected a single value for "households" (found a mapping)`},

		{rate, "10.52", ptr(10.52), ""},
		{rate, "0.5", ptr(0.5), ""},
		{rate, ".5", ptr(0.5), ""},
		{rate, "-1.5", ptr(-1.5), ""}, // decoded; the range is the checker's
		{rate, "-0", ptr(0), ""},      // not -0, which the site would show as "-0,00"
		{rate, "-0.0", ptr(0), ""},
		{rate, "-0e3", ptr(0), ""},
		{count, "-0", ptr(0), ""},
		{rate, "1e-2", ptr(0.01), ""},
		{rate, "10,52", nil, `"poor_rate": use a decimal point: write 10.52 (found 10,52)`},
		{rate, "8,5", nil, `"poor_rate": use a decimal point: write 8.5 (found 8,5)`},
		{rate, "10,520", nil, `"poor_rate": no commas in numbers: write 10.520 for a decimal or 10520 for a whole number (found 10,520)`},
		{rate, "1.234.567", nil, `"poor_rate": no thousands dots: write 1234567 (found 1.234.567)`},
		{rate, "1.234.5", nil, `"poor_rate": expected a number (found "1.234.5")`},
		{rate, "010.5", nil, `"poor_rate": drop the leading zero: write 10.5 (found 010.5)`},
		{rate, "00.5", nil, `"poor_rate": drop the leading zero: write 0.5 (found 00.5)`},
		{rate, "10.52%", nil, `"poor_rate": write the number without %: 10.52 (found 10.52%)`},
		{rate, "10 %", nil, `"poor_rate": write the number without %: 10 (found 10 %)`},
		{rate, ".inf", nil, `"poor_rate": expected a number (found ".inf")`},
		{rate, ".nan", nil, `"poor_rate": expected a number (found ".nan")`},
		{rate, "1e400", nil, `"poor_rate": unreadable number (found "1e400")`},
		{rate, "on", nil, `"poor_rate": expected a number, not "on"`},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			p, probs := load.FS(baseFS(t, map[string]string{"areas.yaml": figureFile(tt.key, tt.value)}), "data")
			if tt.wantMsg == "" {
				if len(probs) > 0 {
					t.Fatalf("%s: %s: problems:\n%v", tt.key, tt.value, probs)
				}
				f := p.Areas[0].Figures[0]
				var got *float64
				switch {
				case f.Households != nil:
					got = ptr(float64(*f.Households))
				case f.PoorRate != nil:
					got = f.PoorRate
				}
				if !sameNumber(got, tt.want) {
					t.Errorf("%s: %s decodes to %s, want %s", tt.key, tt.value, show(got), show(tt.want))
				}
				return
			}
			want := plan.Pos{File: "data/areas.yaml", Line: 7, Col: 11 + len(tt.key)}
			if len(probs) != 1 {
				t.Fatalf("%s: %s: %d problems, want 1:\n%v", tt.key, tt.value, len(probs), probs)
			}
			got := probs[0]
			if got.Pos != want || got.ID != "bac-giang" || !strings.HasPrefix(got.EN, tt.wantMsg) {
				t.Errorf("%s: %s:\n got %s: %s: %s\nwant %s: bac-giang: %s…", tt.key, tt.value, got.Pos, got.ID, got.EN, want, tt.wantMsg)
			}
			if got.VI == "" || got.Severity != plan.Fatal {
				t.Errorf("%s: %s: VI = %q, severity %d; want a Vietnamese message and Fatal", tt.key, tt.value, got.VI, got.Severity)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }

// sameNumber tells 0 from -0.
func sameNumber(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b && math.Signbit(*a) == math.Signbit(*b)
}

func show(f *float64) string {
	switch {
	case f == nil:
		return "nothing"
	case *f == 0 && math.Signbit(*f):
		return "-0"
	}
	return fmt.Sprint(*f)
}

// policyFile is a policies.yaml whose one policy has content written as
// tail: "    content:" + tail starts line 8.
func policyFile(tail string) string {
	return "policies:\n" +
		"  - id: 1-1\n" +
		"    number: \"1.1\"\n" +
		"    group: general\n" +
		"    section: iii\n" +
		"    name: Chính sách tín dụng\n" +
		"    lead: so-ldtbxh\n" +
		"    content:" + tail
}

// TestSpanLocate checks that a place inside a loaded text, such as raw
// HTML in its markdown, is located at its line and column in the file:
// columns count characters, as the YAML parser's do, not bytes.
func TestSpanLocate(t *testing.T) {
	tests := []struct {
		name   string
		tail   string
		lang   plan.Lang
		marker string // found once in the text
		want   string // line:col of the marker in the file
	}{
		{"plain", " Cho vay <b>ưu đãi</b>\n", plan.VI, "<b>", "8:22"},
		{"plain after diacritics", " Hỗ trợ hộ nghèo <b>x</b>\n", plan.VI, "<b>", "8:30"},
		{"double quoted", ` "Cho vay <b>x</b>"` + "\n", plan.VI, "<b>", "8:23"},
		{"single quoted", " 'Hỗ trợ <b>x</b>'\n", plan.VI, "<b>", "8:22"},
		{"flow mapping vi", " {vi: Cho vay <b>x</b>, en: Loans <i>y</i>}\n", plan.VI, "<b>", "8:27"},
		{"flow mapping en", " {vi: Cho vay <b>x</b>, en: Loans <i>y</i>}\n", plan.EN, "<i>", "8:47"},
		{"block first line", " |\n      <b>Cho vay</b> ưu đãi.\n", plan.VI, "<b>", "9:7"},
		{"block third line", " |\n      Cho vay hộ nghèo.\n\n      Lãi suất ưu đãi <b>thấp</b>.\n", plan.VI, "<b>", "11:23"},
		{"block strip", " |-\n      Cho vay <b>x</b>\n", plan.VI, "<b>", "9:15"},
		{"block keep", " |+\n      Cho vay <b>x</b>\n\n", plan.VI, "<b>", "9:15"},
		{"block comment", " | # ghi chú\n      Cho vay <b>x</b>\n", plan.VI, "<b>", "9:15"},
		{"block more indented line", " |\n      Cho vay:\n        <b>x</b>\n", plan.VI, "<b>", "10:9"},
		{"block vi", "\n      vi: |\n        Cho vay <b>x</b>.\n      en: |\n        Loans to <i>poor</i>\n        households.\n", plan.VI, "<b>", "10:17"},
		{"block en", "\n      vi: |\n        Cho vay <b>x</b>.\n      en: |\n        Loans to\n        poor <i>households</i>.\n", plan.EN, "<i>", "13:14"},
		{"block crlf", " |\r\n      Cho vay hộ nghèo.\r\n\r\n      Lãi suất ưu đãi <b>thấp</b>.\r\n", plan.VI, "<b>", "11:23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, probs := load.FS(baseFS(t, map[string]string{"policies.yaml": policyFile(tt.tail)}), "data")
			if len(probs) > 0 {
				t.Fatalf("problems:\n%v", probs)
			}
			c := p.Policies[0].Content
			text, sp := c.VI, c.At.VI
			if tt.lang == plan.EN {
				text, sp = c.EN, c.At.EN
			}
			off := strings.Index(text, tt.marker)
			if off < 0 {
				t.Fatalf("%q not in the loaded text %q", tt.marker, text)
			}
			got := sp.Locate(text, off)
			if want := "data/policies.yaml:" + tt.want; got.String() != want {
				t.Errorf("Locate(%q, %d) = %s, want %s", text, off, got, want)
			}
		})
	}
}

// TestSpanLocateBOM checks that a byte-order mark takes no column.
func TestSpanLocateBOM(t *testing.T) {
	src := "\ufeff" + policyFile(" Cho vay <b>ưu đãi</b>\n")
	p, probs := load.FS(baseFS(t, map[string]string{"policies.yaml": src}), "data")
	if len(probs) > 0 {
		t.Fatalf("problems:\n%v", probs)
	}
	c := p.Policies[0].Content
	if got, want := c.At.VI.Locate(c.VI, strings.Index(c.VI, "<b>")).String(), "data/policies.yaml:8:22"; got != want {
		t.Errorf("Locate(<b>) = %s, want %s", got, want)
	}
}

func TestLocateEdges(t *testing.T) {
	block := plan.Span{Pos: plan.Pos{File: "f.yaml", Line: 3, Col: 7}, Block: true, Indent: 7}
	tests := []struct {
		name string
		sp   plan.Span
		s    string
		off  int
		want plan.Pos
	}{
		{"no file", plan.Span{}, "abc", 1, plan.Pos{}},
		{"start", block, "abc\ndef\n", 0, plan.Pos{File: "f.yaml", Line: 3, Col: 7}},
		{"second line", block, "abc\ndef\n", 5, plan.Pos{File: "f.yaml", Line: 4, Col: 8}},
		{"runes before", block, "đã <b>", len("đã "), plan.Pos{File: "f.yaml", Line: 3, Col: 10}},
		{"past the end", block, "ab", 10, plan.Pos{File: "f.yaml", Line: 3, Col: 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.sp.Locate(tt.s, tt.off); got != tt.want {
				t.Errorf("Locate(%q, %d) = %+v, want %+v", tt.s, tt.off, got, tt.want)
			}
		})
	}
}

// TestSyntaxPlace checks that a syntax error is reported where it is and
// as what it is: an invisible character at its line and column, named; a
// tab in the text of a block scalar taken as text, not blamed for an
// error elsewhere.
func TestSyntaxPlace(t *testing.T) {
	const head = "policies:\n  - id: 1-1\n    number: \"1.1\"\n" // lines 1-3
	tests := []struct {
		name, src string
		want      string // position and English message; "" for none
	}{
		{"NUL", head + "    group: gen\x00eral\n",
			"data/policies.yaml:4:15: an invisible control character (U+0000, NUL) here: delete it"},
		{"bell", head + "    name: Tín\adụng\n",
			"data/policies.yaml:4:14: an invisible control character (U+0007) here: delete it"},
		{"NUL after diacritics", "policies:\n  - name: Chính sách \x00\n",
			"data/policies.yaml:2:22: an invisible control character (U+0000, NUL) here: delete it"},
		{"non-breaking space after colon", head + "    lead:\u00a0so-ldtbxh\n",
			"data/policies.yaml:4:10: a non-breaking space (U+00A0) after the colon: type an ordinary space"},
		{"narrow non-breaking space after colon", head + "    lead:\u202fso-ldtbxh\n",
			"data/policies.yaml:4:10: a narrow non-breaking space (U+202F) after the colon: type an ordinary space"},
		{"non-breaking space in indentation", "policies:\n  - id: 1-1\n  \u00a0\u00a0number: \"1.1\"\n",
			"data/policies.yaml:3:3: a non-breaking space (U+00A0) in the indentation: indent with ordinary spaces"},
		{"tab in block text, error below", head + "    content: |\n      Cho vay:\n      \tlãi suất thấp.\n    partners: [ubnd-tinh\n",
			"data/policies.yaml:7:15: a bracket or quote opened here is not closed: add the closing one"},
		{"tab in block text with indicators", head + "    content: |2-\n        Cho vay:\n        \tlãi suất thấp.\n    partners: [ubnd-tinh\n",
			"data/policies.yaml:7:15: a bracket or quote opened here is not closed: add the closing one"},
		{"tab in list item's block text", "policies:\n  - |\n    \tCho vay\n  - [a\n",
			"data/policies.yaml:4:5: a bracket or quote opened here is not closed: add the closing one"},
		{"tab after block text", head + "    content: |\n      Cho vay\n\tgroup: general\n",
			"data/policies.yaml:6:1: a tab is used for indentation: indent with spaces instead"},
		{"non-breaking space in text", head + "    name: Bắc\u00a0Giang: x\n",
			"data/policies.yaml:4:20: a colon inside an unquoted value: put the whole value in double quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := load.FS(baseFS(t, map[string]string{"policies.yaml": tt.src}), "data")
			var got []string
			for _, p := range probs {
				if p.Pos.File == "data/policies.yaml" {
					got = append(got, p.Pos.String()+": "+p.EN)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("policies.yaml %q:\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// longKeys are n lines "      kI: 1" of a mapping, I from 1 to n.
func longKeys(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "      k%d: 1\n", i)
	}
	return b.String()
}

// TestMappingKeys checks the keys of a text ({vi: …, en: …}) and of a
// mapping of values (flag_counts): a key written twice is refused at the
// second, an alias or an anchor at its place, and good keys decode.
func TestMappingKeys(t *testing.T) {
	areaFile := func(tail string) string {
		return "areas:\n  - id: bac-giang\n    kind: province\n    name: Bắc Giang\n    flag_counts:" + tail
	}
	tests := []struct {
		name, file, src string
		want            string // position and English message; "" for none
	}{
		{"text", "policies", policyFile(" {vi: Cho vay, en: Loans}\n"), ""},
		{"text duplicate", "policies", policyFile(" {vi: Cho vay, vi: Tín dụng, en: Loans}\n"),
			`data/policies.yaml:8:28: 1-1: duplicate key "vi": remove one of them`},
		{"text anchor", "policies", policyFile(" {vi: &a Cho vay, en: Loans}\n"),
			`data/policies.yaml:8:19: 1-1: YAML anchors (&a) are not allowed: write the value out where it is used`},
		{"text language", "policies", policyFile(" {vi: Cho vay, fr: Prêts}\n"),
			`data/policies.yaml:8:28: 1-1: unknown language key "fr" in "content": use vi or en`},
		{"mapping", "areas", areaFile("\n      poor_commune: 3\n      dbkk: 2\n"), ""},
		{"mapping duplicate", "areas", areaFile("\n      poor_commune: 3\n      dbkk: 2\n      poor_commune: 4\n"),
			`data/areas.yaml:8:7: bac-giang: duplicate key "poor_commune": remove one of them`},
		{"mapping anchor", "areas", areaFile("\n      poor_commune: &n 3\n      dbkk: 2\n"),
			`data/areas.yaml:6:21: bac-giang: YAML anchors (&n) are not allowed: write the value out where it is used`},
		// A refused pair's key is not met: the one after it is no duplicate.
		{"mapping anchor then key", "areas", areaFile("\n      poor_commune: &n 3\n      poor_commune: 4\n"),
			`data/areas.yaml:6:21: bac-giang: YAML anchors (&n) are not allowed: write the value out where it is used`},
		// Past 16 keys, the keys met are looked up in a map rather than scanned.
		{"long mapping duplicate", "areas", areaFile("\n      dbkk: 2\n" + longKeys(17) + "      dbkk: 3\n"),
			`data/areas.yaml:24:7: bac-giang: duplicate key "dbkk": remove one of them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, probs := load.FS(baseFS(t, map[string]string{tt.file + ".yaml": tt.src}), "data")
			var got []string
			for _, pr := range probs {
				got = append(got, pr.Pos.String()+": "+pr.ID+": "+pr.EN)
			}
			if tt.want != "" {
				if len(got) != 1 || got[0] != tt.want {
					t.Errorf("FS(%s) problems:\n got %q\nwant %q", tt.name, got, tt.want)
				}
				return
			}
			if len(got) > 0 {
				t.Fatalf("FS(%s) problems: %q, want none", tt.name, got)
			}
			if tt.file == "policies" {
				if c := p.Policies[0].Content; c.VI != "Cho vay" || c.EN != "Loans" {
					t.Errorf("FS(%s) content = %q, %q, want Cho vay, Loans", tt.name, c.VI, c.EN)
				}
			} else if fc := p.Areas[0].FlagCounts; len(fc) != 2 || fc["poor_commune"] != 3 || fc["dbkk"] != 2 {
				t.Errorf("FS(%s) flag_counts = %v, want poor_commune 3, dbkk 2", tt.name, fc)
			}
		})
	}
}

// TestListBadItems decodes a list of records with items that are not
// records, before, between and after the good ones: each bad one is a
// problem at its place, and the good ones are decoded in order.
func TestListBadItems(t *testing.T) {
	src := "agencies:\n  - x\n  - {id: a, name: A}\n  - [y]\n  - {id: b, name: B}\n  - z\n  - 7\n"
	p, probs := load.FS(baseFS(t, map[string]string{"agencies.yaml": src}), "data")
	var got []string
	for _, pr := range probs {
		got = append(got, pr.Pos.String())
	}
	want := []string{"data/agencies.yaml:2:5", "data/agencies.yaml:4:5", "data/agencies.yaml:6:5", "data/agencies.yaml:7:5"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("FS(agencies with bad items) problems at %q, want %q:\n%v", got, want, probs)
	}
	if len(p.Agencies) != 2 || p.Agencies[0].ID != "a" || p.Agencies[1].ID != "b" {
		t.Errorf("FS(agencies with bad items) decoded %d agencies %+v, want a and b", len(p.Agencies), p.Agencies)
	}
}
