// Package content reads the pages editors write in content/, Hugo's own
// convention: markdown files with YAML front matter, Vietnamese in
// <name>.md and English in <name>.en.md.
//
//	content/gioi-thieu.md           /gioi-thieu/        /en/about/
//	content/tin-tuc/<slug>.md       /tin-tuc/<slug>/    /en/news/<slug>/
//	content/bao-cao/<report id>.md  the narrative of a report of reports.yaml
//
// Dir checks them as the checker checks the data, each problem at its
// file, line and column: the front matter's keys and types, raw HTML,
// unsafe links and shortcodes (markdown.Flaws), links to the site's items
// (see links.go), the scaffolds' placeholder "…", and a page without its
// translation (a warning: the English site shows the Vietnamese text).
package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"plansite/generator/plan"
)

// MaxFileSize bounds a page: a page is text a person wrote.
const MaxFileSize = 1 << 20

// slugPattern is the form of a news item's file name: an ASCII slug, as
// every id of the site.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Folders: where each section's pages are written in content/.
const (
	AboutFile  = "gioi-thieu"
	NewsDir    = "tin-tuc"
	ReportsDir = "bao-cao"
)

// Dir reads every page of the content folder dir and checks it against
// p, whose ids its links may name; sections gives each section's folder
// in each language (emit.Sections), for links written as site paths. A
// folder that does not exist has no pages. Pages without a translation
// get one that falls back to the Vietnamese text.
func Dir(dir string, p *plan.Plan, sections map[string]map[plan.Lang]string) ([]plan.Page, plan.Problems) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, nil
	}
	var pages []plan.Page
	var probs plan.Problems
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		name := filepath.ToSlash(path)
		if err != nil {
			probs = append(probs, problem(plan.Pos{File: name}, "",
				fmt.Sprintf("không đọc được: %v", err), fmt.Sprintf("cannot be read: %v", err)))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		pg, ok, pp := place(filepath.ToSlash(rel), name)
		probs = append(probs, pp...)
		if !ok {
			return nil
		}
		info, err := d.Info()
		if err == nil && (!info.Mode().IsRegular() || info.Size() > MaxFileSize) {
			probs = append(probs, problem(plan.Pos{File: name}, pg.Slug,
				fmt.Sprintf("không phải một trang markdown (tệp thường, tối đa %d MB)", MaxFileSize>>20),
				fmt.Sprintf("not a markdown page (a regular file of at most %d MB)", MaxFileSize>>20)))
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			probs = append(probs, problem(plan.Pos{File: name}, pg.Slug,
				fmt.Sprintf("không đọc được: %v", err), fmt.Sprintf("cannot be read: %v", err)))
			return nil
		}
		probs = append(probs, parse(&pg, string(b))...)
		pages = append(pages, pg)
		return nil
	})
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Key() != pages[j].Key() {
			return pages[i].Key() < pages[j].Key()
		}
		return pages[i].Lang < pages[j].Lang
	})
	probs = append(probs, reports(pages, p)...)
	probs = append(probs, links(pages, p, sections)...)
	pages, more := translations(pages)
	probs = append(probs, more...)
	return pages, probs
}

// place finds where the file at rel (in content/) is published.
func place(rel, name string) (plan.Page, bool, plan.Problems) {
	pg := plan.Page{File: name, Lang: plan.VI}
	base := strings.TrimSuffix(rel, ".md")
	if base == rel {
		return pg, false, plan.Problems{problem(plan.Pos{File: name}, "",
			"content/ chỉ chứa trang markdown (.md): chuyển tệp này ra chỗ khác",
			"content/ holds only markdown pages (.md): move this file elsewhere")}
	}
	if b, ok := strings.CutSuffix(base, ".en"); ok {
		base, pg.Lang = b, plan.EN
	}
	dir, slug := "", base
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		dir, slug = base[:i], base[i+1:]
	}
	pg.Slug = slug
	switch {
	case dir == "" && slug == AboutFile:
		pg.Section, pg.Slug = plan.PageAbout, ""
	case dir == NewsDir:
		pg.Section = plan.PageNews
	case dir == ReportsDir:
		pg.Section = plan.PageReport
	default:
		return pg, false, plan.Problems{problem(plan.Pos{File: name}, "",
			fmt.Sprintf("trang này không thuộc mục nào của trang web: viết %s.md (giới thiệu), %s/<tên>.md (tin tức) hoặc %s/<mã báo cáo>.md (báo cáo)", AboutFile, NewsDir, ReportsDir),
			fmt.Sprintf("this page belongs to no part of the site: write %s.md (about), %s/<name>.md (news) or %s/<report id>.md (a report)", AboutFile, NewsDir, ReportsDir))}
	}
	if pg.Slug != "" && !slugPattern.MatchString(pg.Slug) {
		return pg, false, plan.Problems{problem(plan.Pos{File: name}, pg.Slug,
			fmt.Sprintf("tên tệp %q phải viết bằng chữ thường không dấu, số và dấu gạch ngang (ví dụ %s/hoi-nghi-2014.md): nó là địa chỉ của trang", pg.Slug, NewsDir),
			fmt.Sprintf("file name %q must be lowercase ASCII letters, digits and hyphens (for example %s/hoi-nghi-2014.md): it is the page's address", pg.Slug, NewsDir))}
	}
	return pg, true, nil
}

// reports checks that every narrative is a report's, and takes its draft
// state from the report.
func reports(pages []plan.Page, p *plan.Plan) plan.Problems {
	var probs plan.Problems
	byID := map[string]plan.Report{}
	for _, r := range p.Reports {
		byID[r.ID] = r
	}
	for i := range pages {
		pg := &pages[i]
		if pg.Section != plan.PageReport {
			continue
		}
		r, ok := byID[pg.Slug]
		if !ok {
			probs = append(probs, problem(plan.Pos{File: pg.File}, pg.Slug,
				fmt.Sprintf("không có báo cáo %q trong reports.yaml: tên tệp trong %s/ phải là mã (id) của một báo cáo", pg.Slug, ReportsDir),
				fmt.Sprintf("there is no report %q in reports.yaml: a file in %s/ must be named after a report's id", pg.Slug, ReportsDir)))
			continue
		}
		pg.Draft = pg.Draft || r.Draft
		if pg.Date == "" {
			pg.Date = r.Date
		}
	}
	return probs
}

// translations warns of a page without its English translation, which
// gets the Vietnamese text as one, and refuses an English page without
// the Vietnamese one.
func translations(pages []plan.Page) ([]plan.Page, plan.Problems) {
	var probs plan.Problems
	has := map[string]map[plan.Lang]bool{}
	for _, pg := range pages {
		if has[pg.Key()] == nil {
			has[pg.Key()] = map[plan.Lang]bool{}
		}
		has[pg.Key()][pg.Lang] = true
	}
	out := pages[:len(pages):len(pages)]
	for _, pg := range pages {
		en := strings.TrimSuffix(pg.File, ".md") + ".en.md"
		vi := strings.TrimSuffix(pg.File, ".en.md") + ".md"
		switch {
		case pg.Lang == plan.VI && !has[pg.Key()][plan.EN]:
			w := problem(plan.Pos{File: pg.File}, pg.Slug,
				fmt.Sprintf("trang chưa có bản tiếng Anh: viết %s; trang tiếng Anh tạm hiện bản tiếng Việt", en),
				fmt.Sprintf("the page has no English translation: write %s; the English site shows the Vietnamese text meanwhile", en))
			w.Severity = plan.Warning
			probs = append(probs, w)
			tr := pg
			tr.Lang, tr.Fallback = plan.EN, true
			out = append(out, tr)
		case pg.Lang == plan.EN && !has[pg.Key()][plan.VI]:
			probs = append(probs, problem(plan.Pos{File: pg.File}, pg.Slug,
				fmt.Sprintf("bản tiếng Anh không có trang tiếng Việt tương ứng: viết %s (tiếng Việt là bản gốc)", vi),
				fmt.Sprintf("an English page without its Vietnamese page: write %s (Vietnamese is the original)", vi)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Key() != out[j].Key() {
			return out[i].Key() < out[j].Key()
		}
		return out[i].Lang < out[j].Lang
	})
	return out, probs
}

func problem(pos plan.Pos, id, vi, en string) plan.Problem {
	return plan.Problem{Pos: pos, ID: id, VI: vi, EN: en}
}
