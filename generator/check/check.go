// Package check holds the rules a loaded plan must meet before anything is
// published: ids unique, well formed, short enough to name files and not
// taken by the site's own files (ids.go), every reference resolving,
// values in range, no date or measured year after today, names of a
// sensible length, Vietnamese text present, markdown free of raw HTML and
// unsafe links, and stated rates agreeing with their counts (a warning).
//
// Plan reports every problem at once, each at the position of the value
// at fault, worded for the editors who fix them; a message quotes at most
// the start of a long value.
package check

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// Years outside this span are taken for typing mistakes.
const (
	MinYear = 1945
	MaxYear = 2100
)

// Plan checks p as of Today and returns its problems, sorted.
func Plan(p *plan.Plan) plan.Problems { return PlanAt(p, Today()) }

// PlanAt checks p as of the day today: the data cannot tell of a later
// day (a report, a source, a figure), only plan for it (a target's year,
// a budget).
func PlanAt(p *plan.Plan, today time.Time) plan.Problems {
	c := &checker{p: p, today: today, cited: map[string]bool{}}
	c.index()
	c.site()
	c.document()
	c.targets()
	c.observations()
	c.policies()
	c.agencies()
	c.areas()
	c.boundaries()
	c.sources()
	c.budget()
	c.reports()
	c.uncited()
	c.texts(p)
	c.probs.Sort()
	return c.probs
}

// Today is the day the data is checked as of, in Vietnam (UTC+7, the
// site's time zone; no summer time): the day of SOURCE_DATE_EPOCH when it
// is set to a number of seconds, as reproducible builds set it to the
// time of the commit they build, otherwise the clock's. The day only
// refuses input; nothing the build writes depends on it.
func Today() time.Time {
	now := time.Now()
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			now = time.Unix(sec, 0)
		}
	}
	y, m, d := now.In(vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var vietnam = time.FixedZone("ICT", 7*60*60)

type checker struct {
	p          *plan.Plan
	today      time.Time
	probs      plan.Problems
	sectionSet map[string]bool
	targetByID map[string]*plan.Target
	policySet  map[string]bool
	agencySet  map[string]bool
	areaByID   map[string]*plan.Area
	sourceSet  map[string]bool
	// cited are the sources something cites, for the sources nothing does.
	cited   map[string]bool
	fundSet map[string]bool
}

func (c *checker) err(pos plan.Pos, id, vi, en string) {
	c.probs = append(c.probs, plan.Problem{Pos: pos, ID: shownID(id), VI: vi, EN: en})
}

func (c *checker) warn(pos plan.Pos, id, vi, en string) {
	c.probs = append(c.probs, plan.Problem{Pos: pos, ID: shownID(id), VI: vi, EN: en, Severity: plan.Warning})
}

// shownID is an item's id as a problem names it: clipped, and quoted when
// a character of it would not show.
func shownID(id string) string {
	id = clip(id)
	for _, r := range id {
		if !unicode.IsGraphic(r) {
			return strconv.Quote(id)
		}
	}
	return id
}

// IDPattern is the form of every id: lowercase ASCII letters and digits,
// in words joined by single hyphens. The JSON Schemas hold ids to it too.
const IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

var reID = regexp.MustCompile(IDPattern)

// ids checks that each item of a kind has a well-formed, unique id (see
// id) and returns the set of them.
func (c *checker) ids(k kind, n int, item func(i int) (string, plan.Node)) map[string]bool {
	var taken map[string]bool // every id of the kind, for suggestions
	allIDs := func() map[string]bool {
		if taken == nil {
			taken = make(map[string]bool, n)
			for i := range n {
				id, _ := item(i)
				taken[id] = true
			}
		}
		return taken
	}
	set := map[string]bool{}
	first := map[string]plan.Pos{}
	for i := range n {
		id, node := item(i)
		if id == "" {
			c.err(node.Pos, "", fmt.Sprintf("%s thiếu khóa id", k.vi), fmt.Sprintf("%s has no id", k.en))
			continue
		}
		c.id(k, i, id, node.At("id"), allIDs)
		if p, dup := first[id]; dup {
			c.err(node.At("id"), id,
				fmt.Sprintf("id %s bị trùng (đã dùng ở %s): đặt id khác", quote(id), p),
				fmt.Sprintf("duplicate id %s (already used at %s): choose another id", quote(id), p))
			continue
		}
		first[id] = node.At("id")
		set[id] = true
	}
	return set
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
	c.policySet = c.ids(kindPolicy, len(p.Policies), func(i int) (string, plan.Node) { return p.Policies[i].ID, p.Policies[i].Node })
	c.agencySet = c.ids(kindAgency, len(p.Agencies), func(i int) (string, plan.Node) { return p.Agencies[i].ID, p.Agencies[i].Node })
	c.sourceSet = c.ids(kindSource, len(p.Sources), func(i int) (string, plan.Node) { return p.Sources[i].ID, p.Sources[i].Node })
	c.fundSet = c.ids(kindFund, len(p.Funds), func(i int) (string, plan.Node) { return p.Funds[i].ID, p.Funds[i].Node })
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
	if value != "" && !ok { // before looking for the key's place
		c.refAt(node.At(key), id, value, ok, kindVI, kindEN, file)
	}
}

func (c *checker) refAt(pos plan.Pos, id, value string, ok bool, kindVI, kindEN, file string) {
	if value == "" || ok {
		return
	}
	oddVI, oddEN := odd(value)
	c.err(pos, id,
		fmt.Sprintf("%s %s không có trong %s: %ssửa lại id hoặc thêm %s đó", kindVI, quote(value), file, oddVI, kindVI),
		fmt.Sprintf("%s %s is not in %s: %scorrect the id or add that %s", kindEN, quote(value), file, oddEN, kindEN))
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
	c.sourceOf(node, id, "source", value)
}

// sourceOf checks the source id at key and counts it as cited.
func (c *checker) sourceOf(node plan.Node, id, key, value string) {
	c.cited[value] = true
	c.ref(node, key, id, value, c.sourceSet[value], "nguồn", "source", "sources.yaml")
}

// sourced checks that a number the site publishes, at numberKey, names its
// source at sourceKey.
func (c *checker) sourced(node plan.Node, id, numberKey, sourceKey, source string) {
	if source != "" {
		c.sourceOf(node, id, sourceKey, source)
		return
	}
	c.err(node.At(numberKey), id,
		fmt.Sprintf("%s là một số được công bố nên cần nguồn: thêm %s (mã trong sources.yaml)", numberKey, sourceKey),
		fmt.Sprintf("%s is a published number and needs a source: add %s (an id in sources.yaml)", numberKey, sourceKey))
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

// name checks a required title, name or label: present, and in each
// language no longer than MaxNameLen.
func (c *checker) name(node plan.Node, id, key string, t plan.Text) {
	c.needText(node, id, key, t)
	c.shortText(node, id, key, t)
}

// shortText checks that a text that heads or labels something is no
// longer than MaxNameLen in either language.
func (c *checker) shortText(node plan.Node, id, key string, t plan.Text) {
	at := func(sp plan.Span) plan.Pos {
		if sp.File == "" {
			return node.At(key)
		}
		return sp.Pos
	}
	c.short(at(t.At.VI), id, key, t.VI, MaxNameLen)
	if len(t.EN) > MaxNameLen { // a byte is at most a character
		c.short(at(t.At.EN), id, key+".en", t.EN, MaxNameLen)
	}
}

// short checks that the value s at key is no longer than max characters.
func (c *checker) short(pos plan.Pos, id, key, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		c.err(pos, id,
			fmt.Sprintf("%s %s dài %d ký tự, quá %d ký tự cho phép: viết ngắn lại", key, quote(s), n, max),
			fmt.Sprintf("%s %s is %d characters long, more than the %d allowed: shorten it", key, quote(s), n, max))
	}
}

func (c *checker) year(node plan.Node, id, key string, y int) bool {
	if y == 0 && !node.Has(key) {
		return false
	}
	if y < MinYear || y > MaxYear {
		c.err(node.At(key), id,
			fmt.Sprintf("năm %d không hợp lệ: cần một năm từ %d đến %d", y, MinYear, MaxYear),
			fmt.Sprintf("year %d does not make sense: expected a year from %d to %d", y, MinYear, MaxYear))
		return false
	}
	return true
}

// pastYear checks the year of a figure: a figure of a later year than
// this one cannot have been measured. This year's may be an estimate.
func (c *checker) pastYear(node plan.Node, id, key string, y int) {
	if c.year(node, id, key, y) && y > c.today.Year() {
		c.err(node.At(key), id,
			fmt.Sprintf("năm %d ở tương lai (năm nay là %d): số liệu chỉ có cho năm đã qua hoặc năm nay; sửa lại nếu gõ nhầm", y, c.today.Year()),
			fmt.Sprintf("year %d is in the future (this year is %d): figures can only be given for past years or this one; correct it if it is a typo", y, c.today.Year()))
	}
}

// date checks a date: every date the data holds (a report's, a source's,
// the plan's, the data's update) is of a day that has come.
func (c *checker) date(node plan.Node, id, key, s string) {
	if s == "" {
		return
	}
	t, err := time.Parse("2006-01-02", s)
	switch {
	case err != nil || t.Year() < MinYear || t.Year() > MaxYear:
		c.err(node.At(key), id,
			fmt.Sprintf("ngày %s không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ 2014-06-30", quote(s)),
			fmt.Sprintf("invalid date %s: write it as year-month-day, for example 2014-06-30", quote(s)))
	case t.After(c.today):
		today := c.today.Format("2006-01-02")
		c.err(node.At(key), id,
			fmt.Sprintf("ngày %s ở tương lai (hôm nay là %s): chỉ ghi ngày đã qua hoặc hôm nay; sửa lại nếu gõ nhầm", s, today),
			fmt.Sprintf("date %s is in the future (today is %s): only a day up to today can be given; correct it if it is a typo", s, today))
	}
}

func (c *checker) oneOf(node plan.Node, id, key, value string, allowed ...string) {
	if value != "" && !slices.Contains(allowed, value) { // before looking for the key's place
		c.oneOfAt(node.At(key), id, key, value, allowed...)
	}
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
	oddVI, oddEN := odd(value)
	c.err(pos, id,
		fmt.Sprintf("%s không nhận giá trị %s: %sdùng một trong %s", key, quote(value), oddVI, strings.Join(allowed, ", ")),
		fmt.Sprintf("%s cannot be %s: %suse one of %s", key, quote(value), oddEN, strings.Join(allowed, ", ")))
}

func (c *checker) percent(node plan.Node, id, key string, v *float64) {
	if v != nil && (*v < 0 || *v > 100) { // before looking for the key's place
		c.percentAt(node.At(key), id, key, v)
	}
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
	c.name(s.Node, "", "title", s.Title)
	c.date(s.Node, "", "updated", s.Updated)
	if s.BaseURL != "" && !strings.HasPrefix(s.BaseURL, "/") && !strings.HasPrefix(s.BaseURL, "https://") && !strings.HasPrefix(s.BaseURL, "http://") {
		c.err(s.At("base_url"), "", fmt.Sprintf("base_url %s cần bắt đầu bằng https:// hoặc /", quote(s.BaseURL)),
			fmt.Sprintf("base_url %s must start with https:// or /", quote(s.BaseURL)))
	}
	c.short(s.At("base_url"), "", "base_url", s.BaseURL, MaxURLLen)
	if s.Contact != "" && !strings.HasPrefix(s.Contact, "https://") && !validEmail(s.Contact) {
		c.err(s.At("contact"), "", fmt.Sprintf("contact %s cần là một địa chỉ e-mail (gop-y@vi-du.vn) hoặc một địa chỉ https://", quote(s.Contact)),
			fmt.Sprintf("contact %s must be an e-mail address (feedback@example.org) or an https:// address", quote(s.Contact)))
	}
	c.short(s.At("contact"), "", "contact", s.Contact, MaxURLLen)
}

// validEmail reports whether s looks like one e-mail address: a local
// part, one @, a domain with a dot, and nothing that would break a mailto:
// link.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " <>\"?&,;:/()[]\\") && !strings.Contains(domain, "@")
}

func (c *checker) document() {
	d := c.p.Document
	c.name(d.Node, "", "title", d.Title)
	c.short(d.At("number"), "", "number", d.Number, MaxNameLen)
	c.shortText(d.Node, "", "issuer", d.Issuer)
	c.date(d.Node, "", "date", d.Date)
	c.ref(d.Node, "area", "", d.Area, c.areaByID[d.Area] != nil, "địa bàn", "area", "areas.yaml")
	switch {
	case d.Source != "":
		c.sourceOf(d.Node, "", "source", d.Source)
	case len(c.p.Targets) > 0:
		// The targets' numbers are the plan's own, cited to the plan.
		c.err(d.At("title"), "",
			"thiếu source: mã trong sources.yaml của chính văn bản kế hoạch, nguồn của các con số trong mục tiêu",
			"missing source: the id in sources.yaml of the plan document itself, the source of the targets' numbers")
	}
	switch {
	case d.PovertyLineSource != "":
		c.sourceOf(d.Node, "", "poverty_line_source", d.PovertyLineSource)
	case !d.PovertyLine.IsZero():
		c.err(d.At("poverty_line"), "",
			"poverty_line nêu các mức thu nhập nên cần nguồn: thêm poverty_line_source (mã trong sources.yaml của văn bản quy định chuẩn nghèo)",
			"poverty_line states income levels and needs a source: add poverty_line_source (the id in sources.yaml of the document that sets the line)")
	}
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
	c.ids(kindSection, len(all), func(i int) (string, plan.Node) { return all[i].ID, all[i].Node })
	for _, s := range all {
		switch {
		case !s.Title.IsZero() && !s.EditorialTitle.IsZero():
			c.err(s.At("editorial_title"), s.ID,
				"mục đã có tiêu đề của kế hoạch (title): bỏ editorial_title",
				"the section has the plan's own title (title): remove editorial_title")
		case !s.EditorialTitle.IsZero():
			c.name(s.Node, s.ID, "editorial_title", s.EditorialTitle)
		case !s.Title.IsZero():
			c.name(s.Node, s.ID, "title", s.Title)
		case s.Number == "":
			c.err(s.Pos, s.ID,
				"mục cần số (number) hoặc tiêu đề: title khi kế hoạch có tiêu đề, editorial_title khi tiêu đề do biên tập viên đặt",
				"a section needs a number or a heading: title where the plan has one, editorial_title where the editors give one")
		}
		c.short(s.At("number"), s.ID, "number", s.Number, MaxNameLen)
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
		c.short(p.At("number"), p.ID, "number", p.Number, MaxNameLen)
		c.name(p.Node, p.ID, "name", p.Name)
		// A policy is led as a whole (lead) or task by task (roles with lead: true).
		c.need(p.Node, p.ID, "lead", len(p.Leads()) > 0)
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
		c.name(a.Node, a.ID, "name", a.Name)
		c.short(a.At("abbr"), a.ID, "abbr", a.Abbr, MaxNameLen)
		c.oneOf(a.Node, a.ID, "kind", a.Kind, AgencyKinds...)
		c.section(a.Node, a.ID, a.Section)
	}
}

func (c *checker) sources() {
	for _, s := range c.p.Sources {
		c.name(s.Node, s.ID, "title", s.Title)
		c.short(s.At("publisher"), s.ID, "publisher", s.Publisher, MaxNameLen)
		c.date(s.Node, s.ID, "date", s.Date)
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			c.err(s.At("url"), s.ID, fmt.Sprintf("url %s cần bắt đầu bằng https:// hoặc http://", quote(s.URL)),
				fmt.Sprintf("url %s must start with https:// or http://", quote(s.URL)))
		}
		c.short(s.At("url"), s.ID, "url", s.URL, MaxURLLen)
	}
}

// uncited refuses a source that nothing cites, unless it is marked as
// background reading: the methodology page lists no source that does not
// stand behind a figure without saying so.
func (c *checker) uncited() {
	for _, s := range c.p.Sources {
		if s.ID != "" && !s.Background && !c.cited[s.ID] {
			c.err(s.At("id"), s.ID,
				"không có số liệu nào dẫn nguồn này: dẫn nó ở nơi có số liệu, xóa nó, hoặc ghi background: true nếu là tài liệu tham khảo",
				"nothing cites this source: cite it where its figure is, remove it, or write background: true for background reading")
		}
	}
}

func (c *checker) reports() {
	c.ids(kindReport, len(c.p.Reports), func(i int) (string, plan.Node) { return c.p.Reports[i].ID, c.p.Reports[i].Node })
	for _, r := range c.p.Reports {
		c.need(r.Node, r.ID, "date", r.Date != "")
		c.date(r.Node, r.ID, "date", r.Date)
		c.oneOf(r.Node, r.ID, "period", r.Period, plan.EveryHalfYear, plan.EveryYear, plan.EveryQuarter)
		c.ref(r.Node, "agency", r.ID, r.Agency, c.agencySet[r.Agency], "cơ quan", "agency", "agencies.yaml")
		c.name(r.Node, r.ID, "title", r.Title)
		c.needText(r.Node, r.ID, "body", r.Body)
		c.source(r.Node, r.ID, r.Source)
		c.placeholders(r.Node, r.ID, "title", r.Title, r.Draft)
		c.placeholders(r.Node, r.ID, "body", r.Body, r.Draft)
	}
}

// placeholders finds the "…" a scaffold left where text is to come: a
// fatal problem in what is published, a warning in a draft.
func (c *checker) placeholders(node plan.Node, id, key string, t plan.Text, draft bool) {
	for _, l := range []struct {
		s  string
		sp plan.Span
	}{{t.VI, t.At.VI}, {t.EN, t.At.EN}} {
		for _, off := range markdown.Placeholders(l.s) {
			pos := l.sp.Locate(l.s, off)
			if pos.File == "" {
				pos = node.At(key)
			}
			vi, en := "vẫn còn chỗ trống “…” của bản mẫu: viết nội dung vào đó, hoặc xóa dòng",
				"the scaffold's placeholder “…” is still here: write the text, or remove the line"
			if draft {
				c.warn(pos, id, vi, en)
			} else {
				c.err(pos, id, vi, en)
			}
		}
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
