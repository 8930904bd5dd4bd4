package content

import (
	"fmt"
	"regexp"
	"strings"

	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// A page links to the site's items in one of two ways, both checked:
//
//	[2a](chi-tieu:2a)        a shortcut: the item's Vietnamese folder and its id,
//	                         which each language's page resolves to its own URL
//	[2a](/chi-tieu/2a/)      a site path, as the address bar shows it
//	                         (/en/indicators/2a/ in English)
//
// A shortcut without an id (ke-hoach:) is the section's own page, and a
// #anchor may follow either. Links to other sites (https://…) are not
// checked; links that are neither are refused.

// shortcutPattern is a shortcut: a folder, a colon, an id, an anchor.
var shortcutPattern = regexp.MustCompile(`^([a-z]+(?:-[a-z]+)*):([a-z0-9]+(?:[-.][a-z0-9]+)*)?(#[\w-]*)?$`)

// notShortcut are schemes that are never a shortcut, whatever follows.
var notShortcut = map[string]bool{"javascript": true, "vbscript": true, "data": true, "file": true, "http": true, "https": true, "mailto": true}

// shortcut reports whether dest is written as a shortcut.
func shortcut(dest string) bool {
	m := shortcutPattern.FindStringSubmatch(dest)
	return m != nil && !notShortcut[m[1]]
}

// Shortcut splits a shortcut into its section folder (Vietnamese), id and
// anchor; ok is false when dest is not one.
func Shortcut(dest string) (folder, id, anchor string, ok bool) {
	m := shortcutPattern.FindStringSubmatch(dest)
	if m == nil || notShortcut[m[1]] {
		return "", "", "", false
	}
	return m[1], m[2], m[3], true
}

// targets is what a link may name: section → id → whether it is a draft.
// The id "" is the section's own page.
type targetSet map[string]map[string]bool

func targetsOf(pages []plan.Page, p *plan.Plan, sections map[string]map[plan.Lang]string) targetSet {
	ts := targetSet{}
	for sec := range sections {
		ts[sec] = map[string]bool{"": false}
	}
	add := func(sec, id string, draft bool) {
		if ts[sec] == nil {
			ts[sec] = map[string]bool{"": false}
		}
		ts[sec][id] = draft
	}
	for _, x := range p.Targets {
		add("targets", x.ID, false)
	}
	for _, x := range p.Policies {
		add("policies", x.ID, false)
	}
	for _, x := range p.Agencies {
		add("agencies", x.ID, false)
	}
	for _, x := range p.Areas {
		if x.Kind != plan.KindCountry {
			add("areas", x.ID, false)
		}
	}
	for _, x := range p.Reports {
		add("reports", x.ID, x.Draft)
	}
	for _, pg := range pages {
		if pg.Section == plan.PageNews && pg.Lang == plan.VI {
			add(plan.PageNews, pg.Slug, pg.Draft)
		}
	}
	return ts
}

// links checks every link of every page.
func links(pages []plan.Page, p *plan.Plan, sections map[string]map[plan.Lang]string) plan.Problems {
	ts := targetsOf(pages, p, sections)
	var probs plan.Problems
	for _, pg := range pages {
		id := pg.Slug
		if pg.Section == plan.PageAbout {
			id = AboutFile
		}
		for _, l := range markdown.Links(pg.Body) {
			pos := bodyPos(pg.File, pg.Body, pg.BodyLine, l.Offset)
			sec, item, ok, vi, en := resolve(l.Dest, sections)
			if vi != "" {
				probs = append(probs, problem(pos, id, vi, en))
				continue
			}
			if !ok {
				continue // another site's address, or an anchor on the page
			}
			draft, exists := ts[sec][item]
			switch {
			case !exists:
				what := map[string][2]string{"targets": {"chỉ tiêu", "target"}, "policies": {"chính sách", "policy"},
					"agencies": {"cơ quan", "agency"}, "areas": {"địa phương", "district"}, "reports": {"báo cáo", "report"},
					plan.PageNews: {"tin", "news item"}}[sec]
				if what[0] == "" {
					what = [2]string{"trang", "page"}
				}
				probs = append(probs, problem(pos, id,
					fmt.Sprintf("liên kết %q trỏ tới %s %q không có trên trang web: sửa mã cho đúng", l.Dest, what[0], item),
					fmt.Sprintf("link %q points to %s %q, which the site does not have: correct the id", l.Dest, what[1], item)))
			case draft && !pg.Draft:
				probs = append(probs, problem(pos, id,
					fmt.Sprintf("liên kết %q trỏ tới một bản nháp, sẽ không được đăng: bỏ liên kết, hoặc đăng trang đó trước", l.Dest),
					fmt.Sprintf("link %q points to a draft, which is not published: remove the link, or publish that page first", l.Dest)))
			}
		}
	}
	return probs
}

// resolve reads a link's destination: the section and item it names when
// it is a link within the site (ok), or what is wrong with it (vi, en).
func resolve(dest string, sections map[string]map[plan.Lang]string) (sec, item string, ok bool, vi, en string) {
	byFolder := func(lang plan.Lang, folder string) string {
		for s, dirs := range sections {
			if dirs[lang] == folder {
				return s
			}
		}
		return ""
	}
	switch {
	case dest == "" || strings.HasPrefix(dest, "#"):
		return "", "", false, "", ""
	case !markdown.SafeURL(dest) && !shortcut(dest):
		return "", "", false, "", "" // refused by checkBody already
	case shortcut(dest):
		folder, id, _, _ := Shortcut(dest)
		s := byFolder(plan.VI, folder)
		if s == "" {
			return "", "", false,
				fmt.Sprintf("lối tắt %q không rõ: viết tên mục tiếng Việt, dấu hai chấm và mã, ví dụ chi-tieu:2a, chinh-sach:1-1, dia-phuong:son-dong", dest),
				fmt.Sprintf("unknown shortcut %q: write the Vietnamese section name, a colon and the id, for example chi-tieu:2a, chinh-sach:1-1, dia-phuong:son-dong", dest)
		}
		return s, id, true, "", ""
	case strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//"):
		path := dest
		if i := strings.IndexAny(path, "?#"); i >= 0 {
			path = path[:i]
		}
		if strings.HasPrefix(path, "/data/") || strings.HasPrefix(path, "/charts/") {
			return "", "", false, "", "" // open data and chart files
		}
		segs := strings.FieldsFunc(path, func(r rune) bool { return r == '/' })
		lang := plan.VI
		if len(segs) > 0 && segs[0] == string(plan.EN) {
			lang, segs = plan.EN, segs[1:]
		}
		if len(segs) == 0 {
			return "", "", false, "", "" // the home page
		}
		s := byFolder(lang, segs[0])
		if s == "" || len(segs) > 2 {
			return "", "", false,
				fmt.Sprintf("liên kết %q không phải một trang của trang web: dùng đường dẫn như /chi-tieu/2a/ hoặc lối tắt như chi-tieu:2a", dest),
				fmt.Sprintf("link %q is not a page of the site: use a path such as /chi-tieu/2a/ or a shortcut such as chi-tieu:2a", dest)
		}
		if len(segs) == 1 {
			return s, "", true, "", ""
		}
		return s, segs[1], true, "", ""
	case markdown.SafeURL(dest) && strings.Contains(dest, ":"):
		return "", "", false, "", "" // https://, http://, mailto:
	}
	return "", "", false,
		fmt.Sprintf("liên kết %q không rõ trỏ tới đâu: trong trang web, viết đường dẫn từ gốc (/chi-tieu/2a/) hoặc lối tắt (chi-tieu:2a); ra ngoài, viết đủ https://", dest),
		fmt.Sprintf("link %q is unclear: within the site write a path from the root (/chi-tieu/2a/) or a shortcut (chi-tieu:2a); elsewhere, the full https:// address", dest)
}
