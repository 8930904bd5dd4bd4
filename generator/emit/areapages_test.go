package emit

import (
	"encoding/json"
	"strings"
	"testing"

	"plansite/generator/plan"
)

// areaEntry is one page of AreaPagesFile as the adapter reads it.
type areaEntry struct {
	Path string
	View string
	VI   map[string]any `json:"vi"`
	EN   map[string]any `json:"en"`
}

// pageFrontMatters is every page's front matter in files, by the content
// file it would have: the content files' own, and the area pages' from
// AreaPagesFile as content/<lang>/<areas folder>/<id>.md.
func pageFrontMatters(t *testing.T, files Files) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for name, b := range files {
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
			continue
		}
		var fm map[string]any
		if err := json.NewDecoder(strings.NewReader(string(b))).Decode(&fm); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = fm
	}
	for _, e := range areaEntries(t, files) {
		out["content/vi/"+Sections["areas"][plan.VI]+"/"+e.Path+".md"] = contentFrontMatter(t, e.VI)
		out["content/en/"+Sections["areas"][plan.EN]+"/"+e.Path+".md"] = contentFrontMatter(t, e.EN)
	}
	return out
}

// contentFrontMatter is an adapter's page as a content file's front
// matter: its parameters beside Hugo's own keys. A parameter outside
// "params" would be lost: Hugo does not read it.
func contentFrontMatter(t *testing.T, fm map[string]any) map[string]any {
	t.Helper()
	out := map[string]any{}
	for k, v := range fm {
		switch {
		case k == "params":
			for pk, pv := range v.(map[string]any) {
				out[pk] = pv
			}
		case pageKeys[k]:
			out[k] = v
		default:
			t.Errorf("%v: %s is outside params: Hugo does not read it", fm, k)
		}
	}
	return out
}

func areaEntries(t *testing.T, files Files) []areaEntry {
	t.Helper()
	var entries []areaEntry
	if err := json.Unmarshal(files[AreaPagesFile], &entries); err != nil {
		t.Fatalf("%s: %v", AreaPagesFile, err)
	}
	return entries
}

// The area pages are one file and an adapter a language, not a content
// file a page: every area but the country has an entry, in the order of
// the districts page, whose front matter is what its content file would
// say and whose view is its own area's.
func TestAreaPagesAreOneFile(t *testing.T) {
	files := build(t, "../../examples/demo")
	for name := range files {
		for _, lang := range plan.Langs {
			dir := "content/" + string(lang) + "/" + Sections["areas"][lang] + "/"
			if strings.HasPrefix(name, dir) && name != dir+"_index.md" && name != areaAdapterFile(lang) {
				t.Errorf("%s: an area page written as a file of its own", name)
			}
		}
	}
	for _, lang := range plan.Langs {
		if string(files[areaAdapterFile(lang)]) != string(areaAdapter) {
			t.Errorf("%s: not the adapter", areaAdapterFile(lang))
		}
	}
	entries := areaEntries(t, files)
	var site siteView
	if err := json.Unmarshal(files["data/site.json"], &site); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range site.Areas {
		if a.Kind != plan.KindCountry {
			want = append(want, a.ID)
		}
	}
	if len(entries) != len(want) || len(want) < 10 {
		t.Fatalf("%d entries for %d areas with a page", len(entries), len(want))
	}
	for i, e := range entries {
		if e.Path != want[i] {
			t.Errorf("entry %d is %s, want %s", i, e.Path, want[i])
		}
		var v areaView
		if err := json.Unmarshal([]byte(e.View), &v); err != nil {
			t.Fatalf("%s: view: %v", e.Path, err)
		}
		if v.ID != e.Path {
			t.Errorf("%s: the view of %s", e.Path, v.ID)
		}
		for lang, fm := range map[plan.Lang]map[string]any{plan.VI: contentFrontMatter(t, e.VI), plan.EN: contentFrontMatter(t, e.EN)} {
			if fm["id"] != e.Path || fm["type"] != "area" || fm["title"] != v.Name.In(lang) || fm["translationKey"] != "areas-"+e.Path {
				t.Errorf("%s (%s): front matter %v", e.Path, lang, fm)
			}
		}
	}
}
