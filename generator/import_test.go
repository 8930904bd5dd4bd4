package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"plansite/generator/importer"
)

// The templates the editors' guides link to (docs/templates/) are what
// generator import -template writes today.
func TestTemplatesCommitted(t *testing.T) {
	for _, k := range importer.Kinds {
		want, err := importer.Template(k)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "docs", "templates", k.Name+".xlsx")
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v: write it with go run ./generator import -template %s -o docs/templates/%s.xlsx", err, k.Name, k.Name)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from generator import -template %s: write it again with -o %s", path, k.Name, path)
		}
	}
}
