package emit

import (
	"encoding/json"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	// Each title folded once, not at each of the sort's n·log n
	// comparisons: 11,000 areas at national scale.
	type keyed struct {
		key string
		e   searchEntry
	}
	ks := make([]keyed, len(out))
	for i, e := range out {
		ks[i] = keyed{Fold(e.Title), e}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i := range ks {
		out[i] = ks[i].e
	}
	return out
}

// Fold is s as the search compares it: without diacritics (đ is d), in
// lower case, each run of other characters than letters and digits one
// space. search.js folds what the reader types the same way.
//
// Each character is folded on its own: its canonical decomposition (NFD)
// without its marks. The string's decomposition is the characters' ones,
// but for the order of marks, which Fold drops. The characters of most
// text (below U+2000: Latin with Vietnamese, Greek, Cyrillic…) are folded
// once, in foldTable; the search folds 11,000 names at national scale.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := true
	table := foldTable()
	for _, r := range s {
		var folded []rune
		if r >= 0 && int(r) < len(table) {
			folded = table[r]
		} else {
			folded = foldRune(r)
		}
		for _, f := range folded {
			if f >= 0 {
				b = utf8.AppendRune(b, f)
				space = false
			} else if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(string(b))
}

// foldTable is foldRune of every character below U+2000, made the first
// time Fold is called.
var foldTable = sync.OnceValue(func() [][]rune {
	t := make([][]rune, 0x2000)
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
})

// foldRune is what Fold makes of r: the letters and digits of its
// decomposition without marks, in lower case (đ is d), and -1 for each
// other character.
func foldRune(r rune) []rune {
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
			continue
		case d == 'đ' || d == 'Đ':
			d = 'd'
		}
		if unicode.IsLetter(d) || unicode.IsDigit(d) {
			out = append(out, unicode.ToLower(d))
		} else {
			out = append(out, -1)
		}
	}
	return out
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
