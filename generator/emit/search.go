package emit

import (
	"encoding/json"
	"path"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// The search index: everything a reader may look for by name (targets,
// policies, agencies, areas, the plan's sections, reports and the site's
// own pages), one list a language. The search box's script (search.js)
// loads it when the reader first types, and matches words without
// diacritics or case (Fold); the A–Z page (/tra-cuu/, /en/search/) lists
// the same entries for readers without JavaScript.
//
// A small index is one file, static/search/<lang>.json. One larger than
// searchSplit is split by the first two letters of the words of its
// entries (static/search/<lang>/<xy>.json, an entry in the file of each
// of its words' beginnings, common words such as "xã" left out), so that
// a search loads one part; the manifest <lang>.json then lists the parts.

// searchSplit is the size of an index, in bytes, past which it is split.
const searchSplit = 200 << 10

// A searchEntry is one thing to find: its name, its page (a path from the
// site's root, with the anchor of a plan section) and what it is.
type searchEntry struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Kind  string `json:"k"`
	// Extra words that find it besides its name: its id, its number.
	Extra string `json:"x,omitempty"`
}

// searchManifest is static/search/<lang>.json: the entries, or the names
// of the parts.
type searchManifest struct {
	Entries []searchEntry `json:"entries,omitempty"`
	Parts   []string      `json:"parts,omitempty"`
}

// searchKinds name the kinds of entry in each language.
var searchKinds = map[string]plan.Text{
	"page":     {VI: "Trang", EN: "Page"},
	"target":   {VI: "Chỉ tiêu", EN: "Target"},
	"policy":   {VI: "Chính sách", EN: "Policy"},
	"agency":   {VI: "Cơ quan", EN: "Agency"},
	"area":     {VI: "Địa bàn", EN: "Area"},
	"section":  {VI: "Kế hoạch", EN: "Plan"},
	"report":   {VI: "Báo cáo", EN: "Report"},
	"district": {VI: "Huyện, thành phố", EN: "District"},
	"commune":  {VI: "Xã, nhóm xã", EN: "Commune"},
}

// searchEntries are the entries of the index in lang, sorted by their
// folded title.
func searchEntries(v *siteView, ps []sitePage, lang plan.Lang) []searchEntry {
	var out []searchEntry
	url := func(section, id string) string {
		return sitePage{section: section, id: id}.url(lang)
	}
	add := func(kind string, t plan.Text, u, extra string) {
		title := markdown.Plain(t.In(lang))
		if title == "" {
			return
		}
		// An English entry is also found by its Vietnamese name, which
		// readers of both languages may type.
		if vi := markdown.Plain(t.VI); vi != title {
			extra = strings.TrimSpace(extra + " " + vi)
		}
		out = append(out, searchEntry{Title: title, URL: u, Kind: searchKinds[kind].In(lang), Extra: extra})
	}
	for _, pg := range ps {
		if pg.id == "" {
			add("page", pg.title, url(pg.section, ""), "")
		}
	}
	for _, t := range v.Targets {
		add("target", t.Name, url("targets", t.ID), t.ID)
	}
	for _, po := range v.Policies {
		add("policy", po.Name, url("policies", po.ID), po.Number)
	}
	for _, a := range v.Agencies {
		add("agency", a.Name, url("agencies", a.ID), a.Abbr)
	}
	for _, a := range v.Areas {
		kind := "area"
		switch a.Kind {
		case plan.KindCountry:
			continue
		case plan.KindDistrict, plan.KindCity:
			kind = "district"
		case plan.KindCommune, plan.KindGroup:
			kind = "commune"
		}
		add(kind, a.Name, url("areas", a.ID), "")
	}
	var walk func([]sectionView)
	walk = func(ss []sectionView) {
		for _, s := range ss {
			add("section", s.Title, url("plan", "")+"#"+s.ID, s.Number)
			walk(s.Sections)
		}
	}
	walk(v.Document.Sections)
	for _, r := range v.Reports {
		add("report", r.Title, url("reports", r.ID), r.Date)
	}
	// By folded title, each folded once rather than at every comparison:
	// tens of thousands of entries at national scale.
	keys := make([]string, len(out))
	order := make([]int, len(out))
	for i := range out {
		keys[i], order[i] = Fold(out[i].Title), i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	sorted := make([]searchEntry, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// Fold is s as the search compares it: without diacritics (đ is d), in
// lower case, each run of other characters than letters and digits one
// space. search.js folds what the reader types the same way.
func Fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// commonWords begin too many names to pick a part of the index by.
var commonWords = map[string]bool{"xa": true, "huyen": true, "thanh": true, "pho": true, "thi": true, "tran": true,
	"phuong": true, "tinh": true, "nhom": true, "cac": true, "va": true, "commune": true, "district": true, "the": true, "of": true}

// searchPart is the part of a split index a word is in: its first two
// letters.
func searchPart(word string) string {
	r := []rune(word)
	if len(r) > 2 {
		r = r[:2]
	}
	return string(r)
}

// searchFiles are the index's files in every language, and the entries of
// the A–Z pages (assets/search/<lang>.json).
func searchFiles(files Files, v *siteView, ps []sitePage) error {
	for _, lang := range plan.Langs {
		es := searchEntries(v, ps, lang)
		all, err := json.Marshal(searchManifest{Entries: es})
		if err != nil {
			return err
		}
		az, err := json.Marshal(azGroups(es))
		if err != nil {
			return err
		}
		files["assets/search/"+string(lang)+".json"] = az
		if len(all) <= searchSplit {
			files["static/search/"+string(lang)+".json"] = all
			continue
		}
		parts := map[string][]searchEntry{}
		for _, e := range es {
			seen := map[string]bool{}
			for _, w := range strings.Fields(Fold(e.Title + " " + e.Extra)) {
				p := searchPart(w)
				if commonWords[w] || seen[p] {
					continue
				}
				seen[p] = true
				parts[p] = append(parts[p], e)
			}
		}
		var names []string
		for p := range parts {
			names = append(names, p)
		}
		slices.Sort(names)
		for _, p := range names {
			b, err := json.Marshal(searchManifest{Entries: parts[p]})
			if err != nil {
				return err
			}
			files[path.Join("static/search", string(lang), p+".json")] = b
		}
		b, err := json.Marshal(searchManifest{Parts: names})
		if err != nil {
			return err
		}
		files["static/search/"+string(lang)+".json"] = b
	}
	return nil
}

// An azGroup is the entries of the A–Z page under one letter.
type azGroup struct {
	Letter  string
	Entries []searchEntry
}

// azGroups groups the sorted entries es by the first letter of their
// folded title (Đ under D); names that start with a digit go under "#".
func azGroups(es []searchEntry) []azGroup {
	var out []azGroup
	for _, e := range es {
		l := "#"
		if f := Fold(e.Title); f != "" && f[0] >= 'a' && f[0] <= 'z' {
			l = strings.ToUpper(f[:1])
		}
		if len(out) == 0 || out[len(out)-1].Letter != l {
			out = append(out, azGroup{Letter: l})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, e)
	}
	return out
}
