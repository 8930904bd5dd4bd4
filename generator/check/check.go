// Package check holds the rules a loaded plan must meet before anything is
// published: ids unique and well formed, every reference resolving, values
// in range, Vietnamese text present, markdown free of raw HTML and unsafe
// links, and stated rates agreeing with their counts (a warning).
//
// Plan reports every problem at once, each at the position of the value
// at fault, worded for the editors who fix them.
package check

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// Years outside this span are taken for typing mistakes.
const (
	MinYear = 1945
	MaxYear = 2100
)

// Plan checks p and returns its problems, sorted.
func Plan(p *plan.Plan) plan.Problems {
	c := &checker{p: p}
	c.index()
	c.site()
	c.document()
	c.targets()
	c.observations()
	c.policies()
	c.agencies()
	c.areas()
	c.sources()
	c.budget()
	c.reports()
	c.texts(p)
	c.probs.Sort()
	return c.probs
}

type checker struct {
	p          *plan.Plan
	probs      plan.Problems
	sectionSet map[string]bool
	targetByID map[string]*plan.Target
	policySet  map[string]bool
	agencySet  map[string]bool
	areaByID   map[string]*plan.Area
	sourceSet  map[string]bool
	fundSet    map[string]bool
}

func (c *checker) err(pos plan.Pos, id, vi, en string) {
	c.probs = append(c.probs, plan.Problem{Pos: pos, ID: id, VI: vi, EN: en})
}

func (c *checker) warn(pos plan.Pos, id, vi, en string) {
	c.probs = append(c.probs, plan.Problem{Pos: pos, ID: id, VI: vi, EN: en, Severity: plan.Warning})
}

var reID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ids checks that each item of a kind has a well-formed, unique id and
// returns the set of them.
func (c *checker) ids(kindVI, kindEN string, n int, item func(i int) (string, plan.Node)) map[string]bool {
	set := map[string]bool{}
	first := map[string]plan.Pos{}
	for i := range n {
		id, node := item(i)
		switch {
		case id == "":
			c.err(node.Pos, "", fmt.Sprintf("%s thiếu khóa id", kindVI), fmt.Sprintf("%s has no id", kindEN))
			continue
		case !reID.MatchString(id):
			c.err(node.At("id"), id,
				fmt.Sprintf("id %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ %s)", id, slug(id)),
				fmt.Sprintf("invalid id %q: use lowercase ASCII letters, digits and hyphens (for example %s)", id, slug(id)))
		}
		if p, dup := first[id]; dup {
			c.err(node.At("id"), id,
				fmt.Sprintf("id %q bị trùng (đã dùng ở %s): đặt id khác", id, p),
				fmt.Sprintf("duplicate id %q (already used at %s): choose another id", id, p))
			continue
		}
		first[id] = node.At("id")
		set[id] = true
	}
	return set
}

// slug suggests an id for s: lowercase ASCII, hyphens for the rest.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldVietnamese(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (c *checker) index() {
	p := c.p
	c.sectionSet = map[string]bool{}
	var walk func([]plan.Section)
	walk = func(ss []plan.Section) {
		for _, s := range ss {
			c.sectionSet[s.ID] = true
			walk(s.Sections)
		}
	}
	walk(p.Document.Sections)
	c.targetByID = map[string]*plan.Target{}
	for i := range p.Targets {
		if p.Targets[i].ID != "" {
			c.targetByID[p.Targets[i].ID] = &p.Targets[i]
		}
	}
	c.policySet = c.ids("chính sách", "policy", len(p.Policies), func(i int) (string, plan.Node) { return p.Policies[i].ID, p.Policies[i].Node })
	c.agencySet = c.ids("cơ quan", "agency", len(p.Agencies), func(i int) (string, plan.Node) { return p.Agencies[i].ID, p.Agencies[i].Node })
	c.sourceSet = c.ids("nguồn", "source", len(p.Sources), func(i int) (string, plan.Node) { return p.Sources[i].ID, p.Sources[i].Node })
	c.fundSet = c.ids("nguồn vốn", "fund", len(p.Funds), func(i int) (string, plan.Node) { return p.Funds[i].ID, p.Funds[i].Node })
	c.areaByID = map[string]*plan.Area{}
	for i := range p.Areas {
		if p.Areas[i].ID != "" {
			c.areaByID[p.Areas[i].ID] = &p.Areas[i]
		}
	}
}

// ref checks that value names an item of the set; empty values pass (a
// required key is checked by need).
func (c *checker) ref(node plan.Node, key, id, value string, ok bool, kindVI, kindEN, file string) {
	c.refAt(node.At(key), id, value, ok, kindVI, kindEN, file)
}

func (c *checker) refAt(pos plan.Pos, id, value string, ok bool, kindVI, kindEN, file string) {
	if value == "" || ok {
		return
	}
	c.err(pos, id,
		fmt.Sprintf("%s %q không có trong %s: sửa lại id hoặc thêm %s đó", kindVI, value, file, kindVI),
		fmt.Sprintf("%s %q is not in %s: correct the id or add that %s", kindEN, value, file, kindEN))
}

func (c *checker) refs(node plan.Node, key, id string, values []string, set map[string]bool, kindVI, kindEN, file string) {
	for i, v := range values {
		c.refAt(node.AtItem(key, i), id, v, set[v], kindVI, kindEN, file)
	}
}

func (c *checker) section(node plan.Node, id, value string) {
	c.ref(node, "section", id, value, c.sectionSet[value], "mục", "section", "plan.yaml")
}

func (c *checker) source(node plan.Node, id, value string) {
	c.ref(node, "source", id, value, c.sourceSet[value], "nguồn", "source", "sources.yaml")
}

// need reports a required key that is missing or empty.
func (c *checker) need(node plan.Node, id, key string, present bool) {
	if present {
		return
	}
	c.err(node.Pos, id, fmt.Sprintf("thiếu khóa %s", key), fmt.Sprintf("missing key %s", key))
}

func (c *checker) needText(node plan.Node, id, key string, t plan.Text) {
	// A text with English only is reported by texts, for every text field.
	c.need(node, id, key, !t.IsZero())
}

func (c *checker) year(node plan.Node, id, key string, y int) {
	if y == 0 && !node.Has(key) {
		return
	}
	if y < MinYear || y > MaxYear {
		c.err(node.At(key), id,
			fmt.Sprintf("năm %d không hợp lệ: cần một năm từ %d đến %d", y, MinYear, MaxYear),
			fmt.Sprintf("year %d does not make sense: expected a year from %d to %d", y, MinYear, MaxYear))
	}
}

func (c *checker) date(node plan.Node, id, key, s string) {
	if s == "" {
		return
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < MinYear || t.Year() > MaxYear {
		c.err(node.At(key), id,
			fmt.Sprintf("ngày %q không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ 2014-06-30", s),
			fmt.Sprintf("invalid date %q: write it as year-month-day, for example 2014-06-30", s))
	}
}

func (c *checker) oneOf(node plan.Node, id, key, value string, allowed ...string) {
	c.oneOfAt(node.At(key), id, key, value, allowed...)
}

func (c *checker) oneOfAt(pos plan.Pos, id, key, value string, allowed ...string) {
	if value == "" {
		return
	}
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	c.err(pos, id,
		fmt.Sprintf("%s không nhận giá trị %q: dùng một trong %s", key, value, strings.Join(allowed, ", ")),
		fmt.Sprintf("%s cannot be %q: use one of %s", key, value, strings.Join(allowed, ", ")))
}

func (c *checker) percent(node plan.Node, id, key string, v *float64) {
	c.percentAt(node.At(key), id, key, v)
}

func (c *checker) percentAt(pos plan.Pos, id, key string, v *float64) {
	if v != nil && (*v < 0 || *v > 100) {
		c.err(pos, id,
			fmt.Sprintf("%s là tỷ lệ phần trăm, phải từ 0 đến 100 (tìm thấy %s)", key, num(*v)),
			fmt.Sprintf("%s is a percentage and must be between 0 and 100 (found %s)", key, num(*v)))
	}
}

func (c *checker) nonNegative(node plan.Node, id, key string, v *float64) {
	if v != nil && *v < 0 {
		c.err(node.At(key), id,
			fmt.Sprintf("%s không được âm (tìm thấy %s)", key, num(*v)),
			fmt.Sprintf("%s cannot be negative (found %s)", key, num(*v)))
	}
}

func num(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%g", f)
}

func (c *checker) site() {
	s := c.p.Site
	c.needText(s.Node, "", "title", s.Title)
	c.date(s.Node, "", "updated", s.Updated)
	if s.BaseURL != "" && !strings.HasPrefix(s.BaseURL, "/") && !strings.HasPrefix(s.BaseURL, "https://") && !strings.HasPrefix(s.BaseURL, "http://") {
		c.err(s.At("base_url"), "", fmt.Sprintf("base_url %q cần bắt đầu bằng https:// hoặc /", s.BaseURL),
			fmt.Sprintf("base_url %q must start with https:// or /", s.BaseURL))
	}
}

func (c *checker) document() {
	d := c.p.Document
	c.needText(d.Node, "", "title", d.Title)
	c.date(d.Node, "", "date", d.Date)
	c.ref(d.Node, "area", "", d.Area, c.areaByID[d.Area] != nil, "địa bàn", "area", "areas.yaml")
	c.need(d.Node, "", "period", d.Has("period"))
	if d.Has("period") {
		c.year(d.Period.Node, "", "start", d.Period.Start)
		c.year(d.Period.Node, "", "end", d.Period.End)
		if d.Period.End < d.Period.Start {
			c.err(d.Period.At("end"), "", fmt.Sprintf("năm kết thúc %d trước năm bắt đầu %d", d.Period.End, d.Period.Start),
				fmt.Sprintf("end year %d is before start year %d", d.Period.End, d.Period.Start))
		}
	}
	var all []plan.Section
	var walk func([]plan.Section)
	walk = func(ss []plan.Section) {
		for _, s := range ss {
			all = append(all, s)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	c.ids("mục", "section", len(all), func(i int) (string, plan.Node) { return all[i].ID, all[i].Node })
	for _, s := range all {
		c.needText(s.Node, s.ID, "title", s.Title)
	}
	for _, r := range d.Reporting {
		c.refs(r.Node, "from", "", r.From, c.agencySet, "cơ quan", "agency", "agencies.yaml")
		c.ref(r.Node, "to", "", r.To, c.agencySet[r.To], "cơ quan", "agency", "agencies.yaml")
		c.refs(r.Node, "then", "", r.Then, c.agencySet, "cơ quan", "agency", "agencies.yaml")
		c.need(r.Node, "", "to", r.To != "")
		c.need(r.Node, "", "every", r.Every != "")
		c.oneOf(r.Node, "", "every", r.Every, plan.EveryHalfYear, plan.EveryYear, plan.EveryQuarter)
		c.section(r.Node, "", r.Section)
	}
}

func (c *checker) policies() {
	for _, p := range c.p.Policies {
		c.need(p.Node, p.ID, "number", p.Number != "")
		c.needText(p.Node, p.ID, "name", p.Name)
		c.need(p.Node, p.ID, "lead", p.Lead != "")
		c.oneOf(p.Node, p.ID, "group", p.Group, plan.GroupGeneral, plan.GroupSpecific, plan.GroupNational)
		c.section(p.Node, p.ID, p.Section)
		c.ref(p.Node, "lead", p.ID, p.Lead, c.agencySet[p.Lead], "cơ quan", "agency", "agencies.yaml")
		c.refs(p.Node, "partners", p.ID, p.Partners, c.agencySet, "cơ quan", "agency", "agencies.yaml")
		for _, r := range p.Roles {
			c.need(r.Node, p.ID, "agency", r.Agency != "")
			c.ref(r.Node, "agency", p.ID, r.Agency, c.agencySet[r.Agency], "cơ quan", "agency", "agencies.yaml")
			c.needText(r.Node, p.ID, "text", r.Text)
		}
	}
}

// AgencyKinds are the kinds an agency may be.
var AgencyKinds = []string{"department", "bank", "council", "people_committee",
	"mass_organisation", "media", "government", "insurance", "ministry", "committee", "group"}

func (c *checker) agencies() {
	for _, a := range c.p.Agencies {
		c.needText(a.Node, a.ID, "name", a.Name)
		c.oneOf(a.Node, a.ID, "kind", a.Kind, AgencyKinds...)
		c.section(a.Node, a.ID, a.Section)
	}
}

func (c *checker) sources() {
	for _, s := range c.p.Sources {
		c.needText(s.Node, s.ID, "title", s.Title)
		c.date(s.Node, s.ID, "date", s.Date)
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			c.err(s.At("url"), s.ID, fmt.Sprintf("url %q cần bắt đầu bằng https:// hoặc http://", s.URL),
				fmt.Sprintf("url %q must start with https:// or http://", s.URL))
		}
	}
}

func (c *checker) reports() {
	c.ids("báo cáo", "report", len(c.p.Reports), func(i int) (string, plan.Node) { return c.p.Reports[i].ID, c.p.Reports[i].Node })
	for _, r := range c.p.Reports {
		c.need(r.Node, r.ID, "date", r.Date != "")
		c.date(r.Node, r.ID, "date", r.Date)
		c.oneOf(r.Node, r.ID, "period", r.Period, plan.EveryHalfYear, plan.EveryYear, plan.EveryQuarter)
		c.ref(r.Node, "agency", r.ID, r.Agency, c.agencySet[r.Agency], "cơ quan", "agency", "agencies.yaml")
		c.needText(r.Node, r.ID, "title", r.Title)
		c.needText(r.Node, r.ID, "body", r.Body)
		c.source(r.Node, r.ID, r.Source)
	}
}

func (c *checker) text(t plan.Text, key string, node plan.Node, item string) {
	if t.VI == "" && t.EN != "" {
		c.err(node.At(key), item, fmt.Sprintf("%s có tiếng Anh nhưng thiếu tiếng Việt: thêm vi: …", key),
			fmt.Sprintf("%s has English but no Vietnamese: add vi: …", key))
	}
	for _, l := range []struct {
		s  string
		sp plan.Span
	}{{t.VI, t.At.VI}, {t.EN, t.At.EN}} {
		for _, f := range markdown.Flaws(l.s) {
			pos := l.sp.Locate(l.s, f.Offset)
			if pos.File == "" {
				pos = node.At(key)
			}
			switch f.Kind {
			case markdown.RawHTML:
				c.err(pos, item,
					fmt.Sprintf("không dùng HTML trong văn bản (%s): viết bằng markdown", f.Detail),
					fmt.Sprintf("raw HTML is not allowed in text (%s): write it in markdown", f.Detail))
			case markdown.UnsafeLink:
				c.err(pos, item,
					fmt.Sprintf("liên kết %q không được phép: chỉ dùng địa chỉ https://, http:// hoặc mailto:", f.Detail),
					fmt.Sprintf("link %q is not allowed: use https://, http:// or mailto: addresses only", f.Detail))
			case markdown.Shortcode:
				c.err(pos, item,
					fmt.Sprintf("văn bản không được chứa shortcode của Hugo (%s): trang web sẽ chạy nó như một lệnh; xóa đi, hoặc viết “{ {” có dấu cách nếu cần chính các ký tự này", f.Detail),
					fmt.Sprintf("text must not hold a Hugo shortcode (%s): the site would run it as a command; remove it, or write “{ {” with a space if you mean these characters", f.Detail))
			}
		}
	}
}
