package importer

import (
	"strings"
	"testing"
)

// Edits change the values and lines they are for, and leave every other
// byte of the file as it was: comments, quoting, flow mappings, blank
// lines, a missing final line break.
func TestEditsKeepOtherLines(t *testing.T) {
	src := "# đầu tệp\nlines:\n  - policy: \"1-1\"   # quoted\n    fund: 'tw'\n    year: 2014\n    name: {vi: Một, en: One}\n\n    allocated: 5000 # giữ\n  # cuối danh sách\nfunds: []"
	f, err := parseYAML("budget.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	list := get(f.root, "lines")
	f.setFields(list.Content[0], []field{{"policy", "1-2"}, {"allocated", "6000"}, {"disbursed", "10.5"}})
	if err := f.insertItem(f.root, "lines", -1, []field{{"policy", "2-1"}, {"year", "2015"}}); err != nil {
		t.Fatal(err)
	}
	if err := f.insertItem(f.root, "funds", -1, []field{{"id", "tw"}}); err != nil {
		t.Fatal(err)
	}
	want := "# đầu tệp\nlines:\n  - policy: 1-2   # quoted\n    fund: 'tw'\n    year: 2014\n    name: {vi: Một, en: One}\n\n    allocated: 6000 # giữ\n    disbursed: 10.5\n  - policy: 2-1\n    year: 2015\n  # cuối danh sách\nfunds:\n  - id: tw\n"
	if got := string(f.Bytes()); got != want {
		t.Errorf("edited file:\n%s\nwant:\n%s", got, want)
	}
	// Nothing to change: the same bytes.
	g, _ := parseYAML("budget.yaml", []byte(want))
	g.setFields(get(g.root, "lines").Content[0], []field{{"policy", "1-2"}, {"allocated", "6000"}})
	if got := string(g.Bytes()); got != want || len(g.edits) != 0 {
		t.Errorf("setting the values a file has changed it: %d edits\n%s", len(g.edits), strings.TrimSpace(got))
	}
}
