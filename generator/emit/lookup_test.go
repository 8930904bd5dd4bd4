package emit

import (
	"io/fs"
	"regexp"
	"testing"
	"testing/fstest"

	"plansite/generator/plan"
	"plansite/generator/progress"
	"plansite/themes"
)

// reTargetScan is a template finding a target by its id with a loop over
// every target: (where $d.Targets "ID" $id), or a range over Targets with
// (if eq .ID $id) inside it.
var reTargetScan = regexp.MustCompile(`where\s+\S*Targets\s+"ID"|range\s+\S*Targets\s*-?\}\}\s*\{\{-?\s*if\s+eq\s+\.ID`)

// targetScans are the places in the templates of theme that find a
// target by scanning the list of targets.
func targetScans(theme fs.FS) ([]string, error) {
	var found []string
	err := fs.WalkDir(theme, "layouts", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, path)
		if err != nil {
			return err
		}
		for _, m := range reTargetScan.FindAll(b, -1) {
			found = append(found, path+": "+string(m))
		}
		return nil
	})
	return found, err
}

// Templates find a target by its id through TargetIndex (the partial
// target.html), never by a loop over every target: a target page, or a
// list of targets, that loops over all of them costs in proportion to
// their number, and the build as the square of it (issue 18: 2,400
// targets took ten times as long as 600 per page). docs/architecture.md:
// templates only look up what emit put in the view.
func TestTemplatesFindTargetsByIndex(t *testing.T) {
	theme, err := fs.Sub(themes.Plansite, "plansite")
	if err != nil {
		t.Fatal(err)
	}
	found, err := targetScans(theme)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s: find the target with partial \"target.html\" (site.json TargetIndex), not by a loop over every target", f)
	}
}

// targetScans finds both ways the theme once scanned the targets, and
// leaves a lookup through the index alone.
func TestTargetScans(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/_partials/target-lookup.html": {Data: []byte(`{{- range hugo.Data.site.Targets }}{{ if eq .ID $id }}{{ $t = . }}{{ end }}{{ end -}}`)},
		"layouts/_partials/target-list.html":   {Data: []byte(`{{- range first 1 (where $d.Targets "ID" $id) }}`)},
		"layouts/target.html":                  {Data: []byte(`{{- if isset $d.TargetIndex . }}{{ $t = index $d.Targets (int (index $d.TargetIndex .)) }}{{ end -}}`)},
		"layouts/targets/section.html":         {Data: []byte(`{{- range $d.Targets }}<tr>{{ .ID }}</tr>{{ end }}`)},
	}
	found, err := targetScans(theme)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 {
		t.Errorf("targetScans found %q, want the two scans of target-lookup.html and target-list.html", found)
	}
}

// TargetIndex gives each target's position in Targets, the first of two
// with one id, so that a template's lookup costs the same whatever the
// number of targets.
func TestTargetIndex(t *testing.T) {
	p := &plan.Plan{Targets: []plan.Target{{ID: "2a"}, {ID: "3b"}, {ID: "2a"}}}
	v := view(p, progress.Compute(p, 0))
	want := map[string]int{"2a": 0, "3b": 1}
	if len(v.TargetIndex) != len(want) || v.TargetIndex["2a"] != 0 || v.TargetIndex["3b"] != 1 {
		t.Errorf("view(…).TargetIndex = %v, want %v", v.TargetIndex, want)
	}
	for id, i := range v.TargetIndex {
		if v.Targets[i].ID != id {
			t.Errorf("Targets[TargetIndex[%q]].ID = %q", id, v.Targets[i].ID)
		}
	}
}
