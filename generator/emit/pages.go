package emit

import (
	"encoding/json"
	"strings"

	"plansite/generator/chart"
	"plansite/generator/markdown"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// Sections maps each section of the site to its folder in each language:
// the URL contract of docs/architecture.md.
var Sections = map[string]map[plan.Lang]string{
	"plan":        {plan.VI: "ke-hoach", plan.EN: "plan"},
	"targets":     {plan.VI: "chi-tieu", plan.EN: "indicators"},
	"policies":    {plan.VI: "chinh-sach", plan.EN: "policies"},
	"areas":       {plan.VI: "dia-phuong", plan.EN: "districts"},
	"budget":      {plan.VI: "ngan-sach", plan.EN: "budget"},
	"agencies":    {plan.VI: "co-quan", plan.EN: "agencies"},
	"reports":     {plan.VI: "bao-cao", plan.EN: "reports"},
	"opendata":    {plan.VI: "du-lieu", plan.EN: "data"},
	"methodology": {plan.VI: "phuong-phap", plan.EN: "methodology"},
	// The pages editors write in content/ (package content).
	plan.PageAbout: {plan.VI: "gioi-thieu", plan.EN: "about"},
	plan.PageNews:  {plan.VI: "tin-tuc", plan.EN: "news"},
	"search":       {plan.VI: "tra-cuu", plan.EN: "search"},
	// The only pages other sites may frame (security.go): a chart each.
	"embed": {plan.VI: "nhung", plan.EN: "embed"},
}

// A sitePage is one page in both languages.
type sitePage struct {
	section string // key of Sections; "" for the home page
	id      string // item id for an item's page; "" for a section's own page
	layout  string // the page's type, which picks its template
	title   plan.Text
	desc    plan.Text
	body    plan.Text // markdown rendered by Hugo
	weight  int
	date    string // YYYY-MM-DD, for dated pages (reports, in feeds)
	feed    bool   // the page has an RSS feed of its pages too
	// noData marks a page with no value on it: it shows no date of data.
	noData bool
	draft  bool // a draft, published by build -drafts and serve under a banner
	viOnly bool // the English page shows the Vietnamese text: no translation yet
	// card is the page's own share card; nil for a page that shows its
	// section's (cardOf).
	card   *shareCard
	cardOf string // the name of the card the page shows
	// An embed page's chart, and the page the chart is on (section and
	// id), which it links back to and names as canonical.
	chart           string
	onSection, onID string
	hidden          bool // the page is not rendered: a section that only holds pages
}

func (pg sitePage) path(lang plan.Lang) string {
	if pg.section == "" {
		return "_index.md"
	}
	dir := Sections[pg.section][lang]
	if pg.id == "" {
		return dir + "/_index.md"
	}
	return dir + "/" + pg.id + ".md"
}

// url is the page's address in lang from the site's root, without the
// leading slash: "chi-tieu/2a/", "en/indicators/2a/".
func (pg sitePage) url(lang plan.Lang) string {
	u := ""
	if lang != plan.VI {
		u = string(lang) + "/"
	}
	if pg.section == "" {
		return u
	}
	u += Sections[pg.section][lang] + "/"
	if pg.id != "" {
		u += pg.id + "/"
	}
	return u
}

// content is the page's file: JSON front matter, which no title can
// break, then the markdown body.
func (pg sitePage) content(lang plan.Lang) []byte {
	b, _ := json.MarshalIndent(pg.frontMatter(lang), "", " ")
	b = append(b, '\n')
	if body := pg.body.In(lang); body != "" {
		b = append(b, '\n')
		b = append(b, markdown.Inert(body)...)
		b = append(b, '\n')
	}
	return b
}

// frontMatter is the page's front matter in lang.
func (pg sitePage) frontMatter(lang plan.Lang) map[string]any {
	fm := map[string]any{
		"title":          pg.title.In(lang),
		"type":           pg.layout,
		"translationKey": strings.Trim(pg.section+"-"+pg.id, "-"),
	}
	if pg.section == "" {
		fm["translationKey"] = "home"
	}
	if pg.id != "" {
		fm["id"] = pg.id
	}
	if pg.weight != 0 {
		fm["weight"] = pg.weight
	}
	if pg.date != "" {
		fm["date"] = pg.date
	}
	if pg.feed {
		fm["outputs"] = []string{"html", "rss"}
	}
	if pg.noData {
		fm["nodata"] = true
	}
	if pg.draft {
		fm["isDraft"] = true
	}
	if pg.viOnly && lang != plan.VI {
		fm["viOnly"] = true
	}
	if d := pg.desc.In(lang); d != "" {
		fm["description"] = clip(d, 300)
	}
	if pg.cardOf != "" {
		fm["card"] = cardPath(lang, pg.cardOf)
	}
	if pg.hidden {
		fm["build"] = map[string]any{"render": "never"}
	}
	if pg.chart != "" {
		fm["chart"] = pg.chart
		fm["on"] = sitePage{section: pg.onSection, id: pg.onID}.url(lang) + "#figure-" + pg.chart
		fm["sitemap"] = map[string]any{"disable": true}
	}
	return fm
}

// clip shortens s to about n characters at a word boundary.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// pages lists every page of the site.
func pages(p *plan.Plan, v *siteView) []sitePage {
	summary := plain(p.Document.Preamble)
	ps := []sitePage{
		{layout: "home", title: v.Title, desc: summary},
		{section: "plan", layout: "plan", title: plan.Text{VI: "Kế hoạch", EN: "The plan"}, desc: summary},
		{section: "targets", layout: "targets", title: plan.Text{VI: "Chỉ tiêu", EN: "Targets and indicators"},
			desc: plan.Text{VI: "Các chỉ tiêu của kế hoạch, tình trạng thực hiện và số liệu.", EN: "The plan's targets, where each stands, and the data."}},
		{section: "policies", layout: "policies", title: plan.Text{VI: "Chính sách và dự án", EN: "Policies and projects"},
			desc: plan.Text{VI: "Các chính sách, dự án của kế hoạch và cơ quan thực hiện.", EN: "The plan's policies and projects, and the agencies that carry them out."}},
		{section: "areas", layout: "areas", title: plan.Text{VI: "Địa phương", EN: "Districts"},
			desc: plan.Text{VI: "Số liệu hộ nghèo theo huyện, thành phố và xã.", EN: "Poor-household figures by district, city and commune."}},
		{section: "budget", layout: "budget", title: plan.Text{VI: "Ngân sách", EN: "Budget"},
			desc: plan.Text{VI: "Nguồn vốn và kinh phí theo chính sách, nguồn và năm.", EN: "Funding by policy, source and year."}},
		{section: "agencies", layout: "agencies", title: plan.Text{VI: "Cơ quan thực hiện", EN: "Agencies"},
			desc: plan.Text{VI: "Cơ quan nào làm gì: chủ trì và phối hợp theo từng chính sách.", EN: "Who does what: the lead and coordinating agencies of each policy."}},
		{section: "reports", layout: "reports", feed: true, title: plan.Text{VI: "Báo cáo định kỳ", EN: "Periodic reports"},
			desc: plan.Text{VI: "Báo cáo 6 tháng và hằng năm về thực hiện kế hoạch.", EN: "Six-monthly and yearly reports on the plan."}},
		{section: "opendata", layout: "opendata", title: plan.Text{VI: "Dữ liệu mở", EN: "Open data"},
			desc: plan.Text{VI: "Tải về toàn bộ số liệu của trang dưới dạng CSV và JSON.", EN: "Download all the site's data as CSV and JSON."}},
		{section: "methodology", layout: "methodology", title: plan.Text{VI: "Phương pháp và nguồn", EN: "Methodology and sources"},
			desc: plan.Text{VI: "Cách tính tiến độ, chuẩn nghèo của giai đoạn và mọi nguồn số liệu.", EN: "How progress is computed, the poverty line of the period, and every source."},
			body: plan.Text{VI: progress.Methodology(plan.VI), EN: progress.Methodology(plan.EN)}},
		{section: "search", layout: "search", title: plan.Text{VI: "Tra cứu từ A đến Z", EN: "A–Z index"},
			desc: plan.Text{VI: "Mọi chỉ tiêu, chính sách, cơ quan, địa bàn, mục của kế hoạch và báo cáo, theo thứ tự chữ cái.", EN: "Every target, policy, agency, area, section of the plan and report, in alphabetical order."}},
	}
	// Each section's page has a card of its title; the home page and each
	// target's page have their own, with the result.
	for i := range ps {
		pg := &ps[i]
		pg.cardOf = "section-" + pg.section
		pg.card = &shareCard{name: pg.cardOf, kicker: v.Document.Title, title: pg.title}
	}
	home := &ps[0]
	home.cardOf, home.card.name = "home", "home"
	for _, t := range v.Targets {
		if t.ID == v.Headline {
			home.card = targetCard(t.Name, plan.Text{VI: "Kết quả chính", EN: "The headline result"}, t)
			home.card.name = "home"
			home.desc = plan.Text{VI: t.Name.VI + ". " + t.Answer.Line.VI, EN: t.Name.In(plan.EN) + ". " + t.Answer.Line.In(plan.EN)}
		}
	}
	for i, t := range v.Targets {
		pg := sitePage{section: "targets", id: t.ID, layout: "target", weight: i + 1, title: t.Name, cardOf: "target-" + t.ID, noData: t.NoData != nil,
			desc: plan.Text{VI: strings.TrimSpace(t.Answer.Line.VI + " " + t.Answer.Pace.VI),
				EN: strings.TrimSpace(t.Answer.Line.In(plan.EN) + " " + t.Answer.Pace.In(plan.EN))}}
		pg.card = targetCard(t.Name, ps[2].title, t)
		pg.card.name = pg.cardOf
		ps = append(ps, pg)
	}
	for i, po := range v.Policies {
		ps = append(ps, sitePage{section: "policies", id: po.ID, layout: "policy", weight: i + 1, cardOf: "section-policies",
			title: plan.Text{VI: po.Number + ". " + po.Name.VI, EN: po.Number + ". " + po.Name.In(plan.EN)},
			desc:  plan.Text{VI: markdown.Plain(po.Content.VI), EN: markdown.Plain(po.Content.In(plan.EN))}})
	}
	for i, a := range v.Areas {
		if a.Kind == plan.KindCountry {
			continue // shown for comparison only
		}
		ps = append(ps, sitePage{section: "areas", id: a.ID, layout: "area", weight: i + 1, cardOf: "section-areas",
			title: a.Name, desc: plan.Text{VI: "Số liệu hộ nghèo: " + a.Name.VI, EN: "Poor-household figures: " + a.Name.In(plan.EN)}})
	}
	for i, a := range v.Agencies {
		ps = append(ps, sitePage{section: "agencies", id: a.ID, layout: "agency", weight: i + 1, cardOf: "section-agencies",
			title: a.Name, desc: plan.Text{VI: markdown.Plain(a.Responsibilities.VI), EN: markdown.Plain(a.Responsibilities.In(plan.EN))}})
	}
	narr := narratives(p)
	for i, r := range v.Reports {
		body := r.Body
		if n, ok := narr[r.ID]; ok {
			body = plan.Text{VI: body.VI + "\n\n" + n.VI, EN: body.In(plan.EN) + "\n\n" + n.In(plan.EN)}
		}
		ps = append(ps, sitePage{section: "reports", id: r.ID, layout: "report", weight: i + 1, date: r.Date, draft: r.Draft, cardOf: "section-reports",
			title: r.Title, desc: plan.Text{VI: markdown.Plain(r.Body.VI), EN: markdown.Plain(r.Body.In(plan.EN))}, body: body})
	}
	return append(append(ps, contentPages(p)...), embedPages(v)...)
}

// embedPages are the charts' embed pages, each with the page its chart is
// on: a target's, or the overview, districts or budget page.
func embedPages(v *siteView) []sitePage {
	// The section itself has no page: /nhung/ is no chart, and other sites
	// may frame only charts.
	ps := []sitePage{{section: "embed", layout: "embed", hidden: true, cardOf: "home"}}
	add := func(id, section, item string) {
		c := v.Charts[id]
		ps = append(ps, sitePage{section: "embed", id: id, layout: "embed", weight: len(ps), cardOf: "home",
			title: c.Title, desc: c.Description, chart: id, onSection: section, onID: item})
	}
	for _, t := range v.Targets {
		for _, id := range t.Charts {
			add(id, "targets", t.ID)
		}
	}
	for _, page := range []string{chart.PageHome, chart.PageAreas, chart.PageBudget} {
		section := page
		if page == chart.PageHome {
			section = ""
		}
		for _, id := range v.ChartsOn[page] {
			add(id, section, "")
		}
	}
	for _, a := range v.Areas {
		for _, id := range v.ChartsOn["areas/"+a.ID] {
			add(id, "areas", a.ID)
		}
	}
	return ps
}
