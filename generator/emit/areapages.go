package emit

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"plansite/generator/internal/jsonstr"
	"plansite/generator/internal/parallel"
	"plansite/generator/plan"
)

// The area pages are not content files: a national site has tens of
// thousands of them, and a file each cost the generator more to write
// than everything else it does. They are added by a Hugo content adapter
// in each language's areas folder (areaAdapter), from one file of every
// area page (AreaPagesFile).

// AreaPagesFile holds every area's page: its path, its front matter in
// each language, and its view (areaView) as JSON text. It is under the
// project's assets/, of which Hugo publishes only what a template asks
// for.
const AreaPagesFile = "assets/area-pages.json"

// areaAdapter is the content adapter that adds the area pages from
// AreaPagesFile, written as _content.gotmpl in each language's areas
// folder.
//
//go:embed areas.gotmpl
var areaAdapter []byte

// areaAdapterFile is where lang's copy of areaAdapter is written.
func areaAdapterFile(lang plan.Lang) string {
	return "content/" + string(lang) + "/" + Sections["areas"][lang] + "/_content.gotmpl"
}

// isAreaPage reports whether pg is an area's own page, added by the
// adapter rather than written as a content file.
func isAreaPage(pg sitePage) bool { return pg.section == "areas" && pg.id != "" }

// areaViews marshals each area's view, on every CPU; the country, which
// has no page, gets nil.
func areaViews(areas []areaView) ([][]byte, error) {
	out := make([][]byte, len(areas))
	errs := make([]error, len(areas))
	parallel.Do(len(areas), func(i int) {
		if areas[i].Kind != plan.KindCountry {
			out[i], errs[i] = json.Marshal(areas[i])
		}
	})
	for i, a := range areas {
		if errs[i] != nil {
			return nil, fmt.Errorf("area %s: %w", a.ID, errs[i])
		}
	}
	return out, nil
}

// areaPagesFiles adds AreaPagesFile and the adapters to files: an entry
// for each area page of ps, in their order, with the view of the area of
// the same id. An area page with no view is an error of emit's own.
func areaPagesFiles(files Files, ps []sitePage, areas []areaView) error {
	views, err := areaViews(areas)
	if err != nil {
		return err
	}
	byID := make(map[string]int, len(areas))
	for i, a := range areas {
		if views[i] != nil {
			byID[a.ID] = i
		}
	}
	var idx []int // the area pages' indexes in ps
	for i, pg := range ps {
		if isAreaPage(pg) {
			idx = append(idx, i)
		}
	}
	// Each entry is written on its own, on every CPU, then joined.
	entries := make([][]byte, len(idx))
	errs := make([]error, len(idx))
	parallel.Do(len(idx), func(j int) {
		pg := ps[idx[j]]
		a, ok := byID[pg.id]
		if !ok {
			errs[j] = fmt.Errorf("area page %s has no area", pg.id)
			return
		}
		entries[j], errs[j] = areaPageEntry(pg, views[a])
	})
	size := 2
	for j := range entries {
		if errs[j] != nil {
			return errs[j]
		}
		size += len(entries[j]) + 2
	}
	b := make([]byte, 0, size)
	b = append(b, '[')
	for j, e := range entries {
		if j > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, e...)
	}
	b = append(b, "]\n"...)
	files[AreaPagesFile] = b
	for _, lang := range languages {
		files[areaAdapterFile(lang.Code)] = areaAdapter
	}
	return nil
}

// areaPageEntry is one area page of AreaPagesFile: its path in its
// section, its front matter by language, and its view as a JSON string.
func areaPageEntry(pg sitePage, view []byte) ([]byte, error) {
	if !pg.body.IsZero() {
		return nil, fmt.Errorf("area page %s has a body, which the adapter would leave out", pg.id)
	}
	b := make([]byte, 0, len(view)+len(view)/4+1024)
	b = append(b, '{')
	for _, lang := range languages {
		fm, err := json.Marshal(adapterFrontMatter(pg.frontMatter(lang.Code)))
		if err != nil {
			return nil, err
		}
		b = append(b, '"')
		b = append(b, lang.Code...)
		b = append(b, '"', ':')
		b = append(b, fm...)
		b = append(b, ',')
	}
	id, _ := json.Marshal(pg.id)
	b = append(b, `"path":`...)
	b = append(b, id...)
	b = append(b, `,"view":`...)
	b = jsonstr.Append(b, view)
	return append(b, '}'), nil
}

// pageKeys are the keys of front matter that Hugo reads itself. A
// content file's other keys are the page's parameters; a content
// adapter's page takes its parameters under "params" only.
var pageKeys = map[string]bool{
	"title": true, "type": true, "translationKey": true, "weight": true, "date": true,
	"outputs": true, "description": true, "build": true, "sitemap": true,
}

// adapterFrontMatter is fm as a content adapter adds a page: Hugo's own
// keys as they are, the others under "params".
func adapterFrontMatter(fm map[string]any) map[string]any {
	out := map[string]any{}
	params := map[string]any{}
	for k, v := range fm {
		if pageKeys[k] {
			out[k] = v
		} else {
			params[k] = v
		}
	}
	out["params"] = params
	if _, ok := out["sitemap"]; !ok {
		// A content file's page takes the site's sitemap settings, whose
		// priority -1 leaves <priority> out; an adapter's page would get
		// priority 0 and the sitemap a <priority>0</priority> a page.
		out["sitemap"] = map[string]any{"priority": -1}
	}
	return out
}
