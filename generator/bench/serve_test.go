package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The serve measurement edits the first poor_rate of an area that has a
// page, and each edit changes the value from the one before.
func TestFindEditAndWrite(t *testing.T) {
	data, public := t.TempDir(), t.TempDir()
	areas := `areas:
  - id: viet-nam
    figures:
      - year: 2010
        poor_rate: 14.2
  - id: bac-giang
    figures:
      - year: 2010
        poor_rate: 19.61
`
	path := filepath.Join(data, "areas.yaml")
	if err := os.WriteFile(path, []byte(areas), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(public, "dia-phuong", "bac-giang"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "dia-phuong", "bac-giang", "index.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := findEdit(data, public)
	if err != nil {
		t.Fatal(err)
	}
	if e.area != "bac-giang" || e.line != 9 {
		t.Fatalf("edit of %s at line %d, want bac-giang at line 9", e.area, e.line)
	}
	var values []string
	for _, n := range []int{1, 3, 1} {
		if err := e.write(n); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		values = append(values, strings.TrimSpace(lines[8]))
		if lines[4] != "        poor_rate: 14.2" {
			t.Errorf("another value changed: %q", lines[4])
		}
	}
	if want := []string{"poor_rate: 20.61", "poor_rate: 22.61", "poor_rate: 20.61"}; strings.Join(values, "|") != strings.Join(want, "|") {
		t.Errorf("values written %q, want %q", values, want)
	}
	os.Remove(filepath.Join(public, "dia-phuong", "bac-giang", "index.html"))
	if _, err := findEdit(data, public); err == nil || !strings.Contains(err.Error(), "no area with a page") {
		t.Errorf("with no area page: err = %v", err)
	}
}
