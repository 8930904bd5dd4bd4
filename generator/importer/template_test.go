package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTemplateIsDeterministic(t *testing.T) {
	for _, k := range Kinds {
		a, err := Template(k)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Template(k)
		if !bytes.Equal(a, b) {
			t.Errorf("Template(%s): two runs differ", k.Name)
		}
	}
}

// A template, read back, is a table of its own kind with every column.
func TestTemplateReadsAsItsKind(t *testing.T) {
	for _, k := range Kinds {
		b, err := Template(k)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), k.Name+".xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		tab, probs := Read(path, k.Name+".xlsx")
		if len(probs) > 0 {
			t.Fatalf("Read(%s template): %v", k.Name, probs)
		}
		if tab.Sheet != TemplateSheet || len(tab.Rows) != 1 || len(tab.Rows[0]) != len(k.Columns) {
			t.Fatalf("%s template: sheet %q, rows %v", k.Name, tab.Sheet, tab.Rows)
		}
		if got := detect(tab.Rows[0]); got != k {
			t.Errorf("%s template: its header reads as kind %v", k.Name, got)
		}
		for i, c := range tab.Rows[0] {
			if !k.Columns[i].matches(c.Text) {
				t.Errorf("%s template: header %q does not name column %s", k.Name, c.Text, k.Columns[i].Key)
			}
		}
	}
}
