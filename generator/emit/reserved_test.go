package emit

import (
	"os"
	"path"
	"plansite/generator/plan"
	"strings"
	"testing"

	"plansite/generator/check"
	"plansite/generator/opendata"
)

// The checker refuses, as ids of items that get a page or a file, the
// names of the site's own folders and files: the section folders of the
// URL contract in both languages, the languages, the open data and chart
// folders, and the theme's static and asset folders.
// The list lives in check, which cannot import emit; this ties the two.
func TestReservedIDs(t *testing.T) {
	var names []string
	for _, dirs := range Sections {
		for _, dir := range dirs {
			names = append(names, dir)
		}
	}
	for _, l := range plan.Langs {
		names = append(names, string(l))
	}
	names = append(names, opendata.Dir,
		strings.Split(chartPath(plan.VI, "x", "json"), "/")[0])
	for _, dir := range []string{"../../themes/plansite/static", "../../themes/plansite/assets"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := strings.TrimSuffix(e.Name(), path.Ext(e.Name()))
			if !strings.HasPrefix(name, "_") { // _headers: no id has an underscore
				names = append(names, name)
			}
		}
	}
	for _, name := range names {
		if !check.Reserved(name) {
			t.Errorf("check.Reserved(%q) = false: an item with that id would collide with the site's own %s", name, name)
		}
	}
}
