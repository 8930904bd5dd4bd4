package emit

import (
	"sort"
	"strings"

	"plansite/generator/content"
	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// A menuView is an entry of the main navigation added by a page of
// content/ (front matter menu: true), or the news list once there is news.
// The built-in sections weigh 10, 20, … 90 in the order nav-items.html
// lists them.
type menuView struct {
	Section, ID string
	Title       plan.Text
	Weight      int
}

// newsWeight puts the news, once there is some, after the reports (70).
const newsWeight = 75

// menu is what the pages of content/ add to the navigation: the about
// page when its front matter asks, the news once there is some.
func menu(p *plan.Plan) []menuView {
	var m []menuView
	news := false
	for _, pg := range p.Pages {
		switch {
		case pg.Section == plan.PageAbout && pg.Lang == plan.VI && pg.Menu:
			m = append(m, menuView{Section: plan.PageAbout, Title: titleOf(p, pg.Key()), Weight: pg.Weight})
		case pg.Section == plan.PageNews:
			news = true
		}
	}
	if news {
		m = append(m, menuView{Section: plan.PageNews, Title: newsTitle, Weight: newsWeight})
	}
	return m
}

// titleOf is the title of the page of content/ with key, in both languages.
func titleOf(p *plan.Plan, key string) plan.Text {
	var t plan.Text
	for _, pg := range p.Pages {
		if pg.Key() == key {
			switch {
			case pg.Lang == plan.VI:
				t.VI = pg.Title
			case !pg.Fallback:
				t.EN = pg.Title
			}
		}
	}
	return t
}

// contentPages are the pages of content/ (p.Pages, one a language) as
// pages of the site, the report narratives excepted (narratives). The news
// list is always there, for its URL.
func contentPages(p *plan.Plan) []sitePage {
	byKey := map[string]map[plan.Lang]plan.Page{}
	var keys []string
	for _, pg := range p.Pages {
		if byKey[pg.Key()] == nil {
			byKey[pg.Key()] = map[plan.Lang]plan.Page{}
			keys = append(keys, pg.Key())
		}
		byKey[pg.Key()][pg.Lang] = pg
	}
	sort.Strings(keys)
	var ps []sitePage
	for _, k := range keys {
		vi, en := byKey[k][plan.VI], byKey[k][plan.EN]
		if vi.Section == plan.PageReport {
			continue
		}
		sp := sitePage{section: vi.Section, id: vi.Slug, title: plan.Text{VI: vi.Title, EN: en.Title},
			desc: plan.Text{VI: describe(vi), EN: describe(en)},
			body: plan.Text{VI: Resolve(vi.Body, plan.VI), EN: Resolve(en.Body, plan.EN)},
			date: vi.Date, draft: vi.Draft, viOnly: en.Fallback, layout: "article",
			cardOf: "home"} // the site's card: an editor's page has none of its own
		if en.Fallback {
			sp.title.EN = ""
		}
		if vi.Section == plan.PageAbout {
			sp.layout = "about"
		}
		ps = append(ps, sp)
	}
	ps = append(ps, sitePage{section: plan.PageNews, layout: "news", feed: true, title: newsTitle, cardOf: "home",
		desc: plan.Text{VI: "Tin tức về thực hiện kế hoạch giảm nghèo.", EN: "News about the poverty-reduction plan."}})
	return ps
}

var newsTitle = plan.Text{VI: "Tin tức", EN: "News"}

// describe is a page's description: its own, or the start of its text.
func describe(pg plan.Page) string {
	if pg.Description != "" {
		return pg.Description
	}
	return markdown.Plain(pg.Body)
}

// narratives are the report narratives of content/bao-cao/, by report id,
// in each language: a heading and the text, resolved, to follow the
// report's body.
func narratives(p *plan.Plan) map[string]plan.Text {
	out := map[string]plan.Text{}
	for _, pg := range p.Pages {
		if pg.Section != plan.PageReport {
			continue
		}
		t := out[pg.Slug]
		text := "## " + pg.Title + "\n\n" + Resolve(pg.Body, pg.Lang)
		switch {
		case pg.Lang == plan.VI:
			t.VI = text
		case !pg.Fallback: // else English falls back to the Vietnamese
			t.EN = text
		}
		out[pg.Slug] = t
	}
	return out
}

// Resolve rewrites the shortcuts of a page's links (chi-tieu:2a) into the
// URL of the item in lang (/en/indicators/2a/). The checker has refused
// any it cannot resolve; what is left is kept as written.
func Resolve(body string, lang plan.Lang) string {
	if !strings.Contains(body, "](") {
		return body
	}
	links := markdown.Links(body)
	var b strings.Builder
	last := 0
	for _, l := range links {
		folder, id, anchor, ok := content.Shortcut(l.Dest)
		if !ok {
			continue
		}
		sec := ""
		for s, dirs := range Sections {
			if dirs[plan.VI] == folder {
				sec = s
			}
		}
		if sec == "" {
			continue
		}
		url := "/" + Sections[sec][lang] + "/"
		if id != "" {
			url += id + "/"
		}
		if lang != plan.VI {
			url = "/" + string(lang) + url
		}
		// The destination follows the link's text: "](" + dest.
		i := strings.Index(body[max(l.Offset, last):], "]("+l.Dest)
		if i < 0 {
			continue
		}
		at := max(l.Offset, last) + i + 2
		b.WriteString(body[last:at])
		b.WriteString(url + anchor)
		last = at + len(l.Dest)
	}
	b.WriteString(body[last:])
	return b.String()
}
