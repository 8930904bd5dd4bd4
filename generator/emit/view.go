package emit

import (
	"slices"
	"sort"

	"plansite/generator/chart"
	"plansite/generator/markdown"
	"plansite/generator/opendata"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// The view is what templates read from data/site.json: the plan and its
// computed progress reduced to what pages show, both languages side by
// side, every cross-reference resolved to ids the templates link with.
// Keys are the Go field names. Missing numbers are null, never 0.

// Texts reach the templates as plan.Text, {"vi": …, "en": …}: English
// pages show "en" when it is there, else "vi".

// inert is a markdown text as the templates render it. The checker refuses
// Hugo shortcodes in every text; markdown.Inert makes sure none reaches
// Hugo all the same.
func inert(t plan.Text) plan.Text {
	return plan.Text{VI: markdown.Inert(t.VI), EN: markdown.Inert(t.EN)}
}

// plain is the text without markup, for lists, titles and descriptions.
func plain(t plan.Text) plan.Text {
	return plan.Text{VI: markdown.Plain(t.VI), EN: markdown.Plain(t.EN)}
}

// licenceView is the data's licence: its short name, title and address.
type licenceView struct{ Name, Title, URL string }

// plainAll is plain of each text.
func plainAll(ts []plan.Text) []plan.Text {
	var out []plan.Text
	for _, t := range ts {
		out = append(out, plain(t))
	}
	return out
}

type siteView struct {
	Title plan.Text
	Demo  bool
	// Credits are the credit lines the data's sources ask for (site.yaml).
	Credits []plan.Text `json:",omitempty"`
	// Licence is the data's licence, as datapackage.json gives it.
	Licence  licenceView
	Updated  string `json:",omitempty"`
	Document documentView
	Statuses []statusCount
	Targets  []targetView
	Policies []policyView
	Agencies []agencyView
	// Areas are what lists of areas show; an area's own page reads its
	// areaView from AreaPagesFile, as its own parameter, so that the site's
	// data stays small when there are thousands of communes.
	Areas []areaSummary
	// AreaIndex is each area's index in Areas, by id, so that a template
	// finds an area without a loop over all of them.
	AreaIndex map[string]int
	// TargetIndex is each target's index in Targets, by id, so that a
	// template finds a target without a loop over all of them: a loop in
	// every target page made the build grow with the square of the
	// number of targets.
	TargetIndex map[string]int
	// Rankings are the rows of each ranking of areas (areaRank.Group),
	// lowest rate first: the rank table of every area ranked in it.
	Rankings map[string][]rankRow
	// AreasPage is which areas the districts page lists.
	AreasPage areasPage
	Sources   []sourceView
	Funds     []fundView
	Budget    budgetView
	Reports   []reportView
	Files     []fileView
	// CSVNote says how the CSV files are written (encoding, missing values,
	// cells neutralised against formula injection).
	CSVNote plan.Text
	// Headline is the target the overview leads with: the first one that
	// takes its values from area figures (the province's poor rate).
	Headline string `json:",omitempty"`
	// Names holds every item's name by kind and id, for links:
	// Names.targets["3a"].
	Names map[string]map[string]plan.Text
	// FormulaWords and SymbolWords are every formula and every symbol of
	// a formula in words, by language, for "how it is computed" notes:
	// readers see words, never the symbols. By language, so that a note
	// finds its words with one lookup: a national site has hundreds of
	// thousands of inputs.
	FormulaWords, SymbolWords map[plan.Lang]map[string]string
	// SourceByID holds the sources by id, for citations.
	SourceByID map[string]sourceView
	// Sections is the URL contract: each section's folder by language.
	Sections map[string]map[plan.Lang]string
	// Charts holds every chart by id; ChartsOn the ids of the charts of
	// the home page, the districts page and the budget page ("home",
	// "areas", "budget"). A target's charts are on the target.
	Charts   map[string]chartView
	ChartsOn map[string][]string
	// Menu are the entries the pages of content/ add to the navigation.
	Menu []menuView `json:",omitempty"`

	// areaPages are the areas in full, for their pages; not in site.json.
	areaPages []areaView
}

type documentView struct {
	Title       plan.Text
	Number      string `json:",omitempty"`
	Date        string `json:",omitempty"`
	Issuer      plan.Text
	Area        string `json:",omitempty"`
	Start, End  int
	LegalBases  []plan.Text
	Preamble    plan.Text
	Translation plan.Text
	PovertyLine plan.Text
	// Source is the plan's own source; PovertyLineSource the line's.
	Source, PovertyLineSource string `json:",omitempty"`
	Sections                  []sectionView
	Recipients                []plan.Text
	Reporting                 []dutyView
}

type sectionView struct {
	ID, Number string
	// Title is the plan's own heading; EditorialTitle one the editors
	// gave a section the plan leaves untitled, shown as theirs.
	Title, EditorialTitle plan.Text
	Body                  plan.Text
	Depth                 int
	// Items of the data that this section sets out, for links.
	Targets, Policies, Agencies []string
	Sections                    []sectionView
}

type dutyView struct {
	From    []string
	To      string
	Then    []string
	Every   string
	Section string `json:",omitempty"`
	Text    plan.Text
}

type statusCount struct {
	Status  progress.Status
	Count   int
	Targets []string
}

type targetView struct {
	ID          string
	Name        plan.Text
	Description plan.Text
	// Unit is the unit of the target's levels; ChangeUnit that of a change
	// in them (points of a percent): a level is never shown in points.
	Unit, ChangeUnit string
	Scope            string
	Section          string `json:",omitempty"`
	By               int
	Measure          string `json:",omitempty"`
	Policies         []string
	Agencies         []string
	Note             plan.Text
	UnitCost         *amountView `json:",omitempty"`
	// GoalKind and the goal's numbers, for wording the goal.
	GoalKind string
	GoalLow  *float64 `json:",omitempty"`
	GoalHigh *float64 `json:",omitempty"`
	// GoalQualifier is the plan's own hedge on its goal ("khoảng").
	GoalQualifier string `json:",omitempty"`
	Progress      progress.TargetProgress
	// Compare holds the same measure in other areas (the national series).
	Compare []compareView
	// Sources are the ids of every source the target's values cite.
	Sources []string
	// Charts are the ids of the target's charts, none when it has no data.
	Charts []string
	// Updated is when the target's data was last updated (YYYY-MM-DD): the
	// newest date of the sources its values cite, else the data's date;
	// empty when the target has no value at all.
	Updated string `json:",omitempty"`
	// NoData, for a target without any value, says who is to report one,
	// under which rule of the plan, and where a reader may send one.
	NoData *noDataView `json:",omitempty"`
	// Answer is the target's result in words, for the top of its page and
	// the overview.
	Answer chart.Answer
	// Every is how often the plan has results reported (plan.EveryYear, …):
	// the shortest period of the plan's reporting duties; empty when the
	// plan sets none.
	Every string `json:",omitempty"`
	// MapCharts are the ids of the charts of its values by area (the
	// districts' rates), for the target's map tab; none when the target
	// has no values by area.
	MapCharts []string
}

// A noDataView tells the reader of a target without results what would
// fill it: the agencies to report (the target's), the plan's reporting
// rule (how often, to whom, in which section), and the site's contact.
type noDataView struct {
	Agencies []string
	To       string   `json:",omitempty"` // the agency reports go to
	Every    []string // half-year, year
	Section  string   `json:",omitempty"`
	Contact  string   `json:",omitempty"`
}

// noData is the noDataView of a target without values, from the plan's
// reporting duties and the site's contact.
func noData(p *plan.Plan, t *plan.Target) *noDataView {
	nd := &noDataView{Agencies: nonNil(t.Agencies), Every: []string{}, Contact: p.Site.Contact}
	for _, du := range p.Document.Reporting {
		if nd.To == "" {
			nd.To, nd.Section = du.To, du.Section
		}
		if du.To == nd.To && !slices.Contains(nd.Every, du.Every) {
			nd.Every = append(nd.Every, du.Every)
		}
	}
	return nd
}

type amountView struct {
	Value float64
	Unit  string
}

type compareView struct {
	Area   string
	Series []progress.Point
}

type policyView struct {
	ID, Number, Group string
	Section           string `json:",omitempty"`
	Name, Content     plan.Text
	Lead              string
	// Leads are every agency that leads the policy or a task of it.
	Leads    []string
	Partners []string
	Roles    []roleView
	Targets  []string
	Budget   *progress.Totals `json:",omitempty"`
	// BudgetSets are the policy's lines by set, when they do not add up.
	BudgetSets []progress.BudgetSet `json:",omitempty"`
}

type roleView struct {
	Agency, Policy string
	Lead           bool `json:",omitempty"`
	Text           plan.Text
}

type agencyView struct {
	ID               string
	Name             plan.Text
	Abbr, Kind       string
	Section          string `json:",omitempty"`
	Responsibilities plan.Text
	Leads            []string // policy ids
	Partners         []string // policy ids it coordinates on
	Roles            []roleView
	Targets          []string
}

// An areaSummary is an area as lists show it: its place in the tree, its
// flags and its latest figures.
type areaSummary struct {
	areaNode
	Progress areaProgressSummary
}

// An areaNode is what every view of an area starts with: who it is and
// where it stands in the tree. Embedded, its fields come first in the
// JSON, as if written in the embedding struct.
type areaNode struct {
	ID, Parent, Kind string
	Name             plan.Text
	Children         []string
	Flags            []string
	FlagCounts       map[string]int `json:",omitempty"`
	Members          []string
	MemberCount      int `json:",omitempty"`
}

type areaProgressSummary struct {
	Latest           *latestView
	AverageReduction *resultView
	Rank             *rankView
}

type latestView struct {
	Year           int
	Status         string
	Poor, NearPoor *valueView
}

// A valueView is a rate without its explanation; a resultView a computed
// figure without its inputs.
type (
	valueView  struct{ Value float64 }
	resultView struct{ Result float64 }
)

type rankView struct{ Position, Of int }

// summary is the part of an area's view that lists show.
func summary(a areaView) areaSummary {
	s := areaSummary{areaNode: a.areaNode, Progress: areaProgressSummary{Latest: a.Latest}}
	ap := a.progress
	if ap.AverageReduction != nil {
		s.Progress.AverageReduction = &resultView{Result: ap.AverageReduction.Result}
	}
	if ap.Rank != nil {
		s.Progress.Rank = &rankView{Position: ap.Rank.Position, Of: ap.Rank.Of}
	}
	return s
}

type factView struct {
	Year      int `json:",omitempty"`
	Label     plan.Text
	Value     *float64
	Qualifier string `json:",omitempty"`
	Unit      string
	Source    string
	Note      plan.Text
}

type sourceView struct {
	ID, Publisher, URL, Date, Quote string
	Title, Note                     plan.Text
	// UsedBy counts the figures and items that cite the source.
	UsedBy int
	// Background marks a source no figure cites: background reading.
	Background bool `json:",omitempty"`
}

type fundView struct {
	ID, Kind          string
	Name, Description plan.Text
	Totals            *progress.FundTotals `json:",omitempty"`
}

type budgetView struct {
	Total    progress.Totals
	Sets     []setView
	ByYear   []progress.YearTotals
	ByFund   []progress.FundTotals
	ByPolicy []progress.PolicyTotals
	Costs    costTable
	Lines    []lineView
	Years    []int

	// LineSources are the sources the lines cite, each once, in the order
	// of the lines: the budget page's numbered notes.
	LineSources []string
	// LineNotes are the lines' notes, each distinct text once, in the
	// order of the lines: listed once below the table, which refers to
	// them by number (lineView.NoteRef).
	LineNotes []plan.Text
}

// A setView is a set of budget lines that add up, with the distinct notes
// of its lines: what the document decided (a decision's number, a place).
type setView struct {
	progress.BudgetSet
	Notes []plan.Text
}

type lineView struct {
	Policy, Fund, Area, Source    string
	Qualifier                     string `json:",omitempty"`
	Year                          int
	Planned, Allocated, Disbursed *float64
	Note                          plan.Text
	// NoteRef numbers the line's note in budgetView.LineNotes, from 1; 0
	// when the line has none.
	NoteRef int `json:",omitempty"`
}

type reportView struct {
	ID, Date, Period, Agency, Source string
	Title, Body                      plan.Text
	Draft                            bool `json:",omitempty"`
}

type fileView struct {
	Path, Format       string
	MediaType          string
	Bytes, Rows        int
	Title, Description plan.Text
}

// view builds the site's data from a plan and its progress report.
func view(p *plan.Plan, r *progress.Report) siteView {
	d := p.Document
	v := siteView{
		Title:   inert(p.Site.Title),
		Demo:    p.Site.Demo,
		Credits: plainAll(p.Site.Credits),
		Licence: licenceView{Name: "CC BY 4.0", Title: opendata.LicenseTitle, URL: opendata.LicensePath},
		Updated: p.Site.Updated,
		Document: documentView{
			Title: plain(d.Title), Number: d.Number, Date: d.Date, Issuer: plain(d.Issuer), Area: d.Area,
			Start: d.Period.Start, End: d.Period.End, Preamble: inert(d.Preamble),
			Translation: inert(d.Translation), PovertyLine: inert(d.PovertyLine), Source: d.Source, PovertyLineSource: d.PovertyLineSource,
			LegalBases: texts(d.LegalBases), Recipients: texts(d.Recipients),
		},
	}
	for _, du := range d.Reporting {
		v.Document.Reporting = append(v.Document.Reporting, dutyView{
			From: nonNil(du.From), To: du.To, Then: nonNil(du.Then), Every: du.Every, Section: du.Section, Text: inert(du.Text)})
	}
	v.Document.Sections = sections(r.Index, d.Sections, 0)
	v.Targets = targets(p, r)
	v.TargetIndex = map[string]int{}
	for i, t := range v.Targets {
		if _, dup := v.TargetIndex[t.ID]; !dup {
			v.TargetIndex[t.ID] = i
		}
	}
	if t := p.Headline(); t != nil {
		v.Headline = t.ID
	}
	v.Statuses = statuses(r)
	v.Policies = policies(p, r)
	v.Agencies = agencies(p, r.Index)
	v.areaPages = areas(p, r)
	v.Areas, v.AreaIndex, v.Rankings = []areaSummary{}, map[string]int{}, map[string][]rankRow{}
	for i, a := range v.areaPages {
		v.Areas = append(v.Areas, summary(a))
		// A ranking's rows are the same from any of its areas' ranks:
		// made once, from its first area's.
		if a.Rank != nil {
			if _, done := v.Rankings[a.Rank.Group]; !done {
				v.Rankings[a.Rank.Group] = ranking(a.progress.Rank)
			}
		}
		if _, dup := v.AreaIndex[a.ID]; !dup {
			v.AreaIndex[a.ID] = i
		}
	}
	v.AreasPage = areasPageOf(d.Area, v.Areas, v.AreaIndex)
	v.Sources = sources(p, r.Index)
	v.Funds, v.Budget = budget(p, r)
	for _, rep := range p.Reports {
		v.Reports = append(v.Reports, reportView{ID: rep.ID, Date: rep.Date, Period: rep.Period, Agency: rep.Agency,
			Source: rep.Source, Title: plain(rep.Title), Body: inert(rep.Body), Draft: rep.Draft})
	}
	v.Menu = menu(p)
	// Newest report first.
	sort.SliceStable(v.Reports, func(i, j int) bool { return v.Reports[i].Date > v.Reports[j].Date })
	v.Sections = Sections
	v.Names = map[string]map[string]plan.Text{"targets": {}, "policies": {}, "agencies": {}, "areas": {}, "funds": {}, "reports": {}}
	for _, t := range v.Targets {
		v.Names["targets"][t.ID] = t.Name
	}
	for _, x := range v.Policies {
		v.Names["policies"][x.ID] = plan.Text{VI: x.Number + ". " + x.Name.VI, EN: x.Number + ". " + x.Name.In(plan.EN)}
	}
	for _, x := range v.Agencies {
		v.Names["agencies"][x.ID] = x.Name
	}
	for _, x := range v.Areas {
		v.Names["areas"][x.ID] = x.Name
	}
	for _, x := range v.Funds {
		v.Names["funds"][x.ID] = x.Name
	}
	for _, x := range v.Reports {
		v.Names["reports"][x.ID] = x.Title
	}
	v.FormulaWords, v.SymbolWords = byLang(progress.FormulaWords()), byLang(progress.SymbolWords())
	v.SourceByID = map[string]sourceView{}
	for _, s := range v.Sources {
		v.SourceByID[s.ID] = s
	}
	return v
}

// byLang is ts in each language, by key: English falls back to
// Vietnamese, as plan.Text.In does.
func byLang(ts map[string]plan.Text) map[plan.Lang]map[string]string {
	out := map[plan.Lang]map[string]string{}
	for _, l := range plan.Langs {
		out[l] = map[string]string{}
		for k, t := range ts {
			out[l][k] = t.In(l)
		}
	}
	return out
}

func texts(ts []plan.Text) []plan.Text {
	out := []plan.Text{}
	for _, t := range ts {
		out = append(out, inert(t))
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sections(x *plan.Index, ss []plan.Section, depth int) []sectionView {
	out := []sectionView{}
	for _, s := range ss {
		items := x.Section(s.ID)
		sv := sectionView{ID: s.ID, Number: s.Number, Title: plain(s.Title), EditorialTitle: plain(s.EditorialTitle), Body: inert(s.Body), Depth: depth,
			Targets: nonNil(items.Targets), Policies: nonNil(items.Policies), Agencies: nonNil(items.Agencies)}
		sv.Sections = sections(x, s.Sections, depth+1)
		out = append(out, sv)
	}
	return out
}

func statuses(r *progress.Report) []statusCount {
	out := []statusCount{}
	for _, s := range progress.Statuses() {
		sc := statusCount{Status: s, Targets: []string{}}
		for _, t := range r.Targets {
			if t.Status == s {
				sc.Count++
				sc.Targets = append(sc.Targets, t.ID)
			}
		}
		out = append(out, sc)
	}
	return out
}

func targets(p *plan.Plan, r *progress.Report) []targetView {
	out := []targetView{}
	for i, t := range p.Targets {
		tv := targetView{ID: t.ID, Name: plain(t.Name), Description: inert(t.Description), Unit: t.LevelUnit(), ChangeUnit: t.ChangeUnit(),
			Scope: t.Scope, Section: t.Section, By: t.By, Measure: t.Measure, Policies: nonNil(t.Policies),
			Agencies: nonNil(t.Agencies), Note: inert(t.Note), GoalKind: t.Goal.Kind(), GoalQualifier: t.Goal.Qualifier,
			Progress: r.Targets[i], Compare: []compareView{}, Charts: []string{}, MapCharts: []string{},
			Answer: chart.AnswerOf(&p.Targets[i], &r.Targets[i]), Every: every(p.Document.Reporting)}
		tv.GoalLow, tv.GoalHigh = goalNumbers(t.Goal)
		if t.UnitCost != nil {
			tv.UnitCost = &amountView{Value: t.UnitCost.Value, Unit: t.UnitCost.Unit}
		}
		for _, a := range t.Compare {
			cv := compareView{Area: a, Series: []progress.Point{}}
			if ap := r.Area(a); ap != nil {
				for _, y := range ap.Years {
					rate := y.Poor
					if t.Measure == plan.MeasureNearPoorRate {
						rate = y.NearPoor
					}
					if rate != nil {
						cv.Series = append(cv.Series, progress.Point{Year: y.Year, Value: rate.Value, Status: y.Status, Source: y.Source, Computed: rate.Computed})
					}
				}
			}
			tv.Compare = append(tv.Compare, cv)
		}
		seen := map[string]bool{}
		tv.Sources = []string{}
		add := func(s string) {
			if s != "" && !seen[s] {
				seen[s] = true
				tv.Sources = append(tv.Sources, s)
			}
		}
		add(t.Baseline.Source)
		for _, pt := range tv.Progress.Series {
			add(pt.Source)
			for _, s := range pt.ConfirmedBy {
				add(s)
			}
			if s := r.Index.Source(pt.Source); s != nil {
				tv.Updated = max(tv.Updated, s.Date)
			}
		}
		switch {
		case len(tv.Progress.Series) == 0:
			// No value, so no date of one: say what would fill it instead.
			tv.Updated = ""
			tv.NoData = noData(p, &p.Targets[i])
		case tv.Updated == "":
			tv.Updated = p.Site.Updated
		}
		for _, c := range tv.Compare {
			for _, pt := range c.Series {
				add(pt.Source)
			}
		}
		out = append(out, tv)
	}
	return out
}

// every is the shortest period of the duties ds (plan.EveryQuarter, …),
// or "" when they set none.
func every(ds []plan.Duty) string {
	best := ""
	rank := map[string]int{plan.EveryQuarter: 1, plan.EveryHalfYear: 2, plan.EveryYear: 3}
	for _, d := range ds {
		if r, ok := rank[d.Every]; ok && (best == "" || r < rank[best]) {
			best = d.Every
		}
	}
	return best
}

// goalNumbers are the one or two numbers a goal names, as its words in
// the i18n files take them: a level as the low one.
func goalNumbers(g plan.Goal) (lo, hi *float64) {
	ns := g.Numbers()
	if len(ns) > 0 {
		lo = &ns[0]
	}
	if len(ns) > 1 {
		hi = &ns[1]
	}
	return lo, hi
}

func policies(p *plan.Plan, r *progress.Report) []policyView {
	out := []policyView{}
	for _, po := range p.Policies {
		pv := policyView{ID: po.ID, Number: po.Number, Group: po.Group, Section: po.Section, Name: plain(po.Name),
			Content: inert(po.Content), Lead: po.Lead, Leads: nonNil(po.Leads()), Partners: nonNil(po.Partners), Roles: []roleView{}, Targets: []string{}}
		for _, ro := range po.Roles {
			pv.Roles = append(pv.Roles, roleView{Agency: ro.Agency, Policy: po.ID, Lead: ro.Lead, Text: inert(ro.Text)})
		}
		pv.Targets = append(pv.Targets, r.Index.PolicyTargets(po.ID)...)
		for i := range r.Budget.ByPolicy {
			if r.Budget.ByPolicy[i].Policy == po.ID {
				pv.Budget = &r.Budget.ByPolicy[i].Totals
				pv.BudgetSets = r.Budget.ByPolicy[i].Sets
			}
		}
		out = append(out, pv)
	}
	return out
}

func agencies(p *plan.Plan, x *plan.Index) []agencyView {
	out := []agencyView{}
	for _, a := range p.Agencies {
		av := agencyView{ID: a.ID, Name: plain(a.Name), Abbr: a.Abbr, Kind: a.Kind, Section: a.Section,
			Responsibilities: inert(a.Responsibilities), Leads: nonNil(x.Leads(a.ID)), Partners: nonNil(x.Partners(a.ID)),
			Roles: []roleView{}, Targets: nonNil(x.AgencyTargets(a.ID))}
		for _, ro := range x.Roles(a.ID) {
			av.Roles = append(av.Roles, roleView{Agency: a.ID, Policy: ro.Policy, Lead: ro.Role.Lead, Text: inert(ro.Role.Text)})
		}
		out = append(out, av)
	}
	return out
}

func sources(p *plan.Plan, x *plan.Index) []sourceView {
	out := []sourceView{}
	for _, s := range p.Sources {
		out = append(out, sourceView{ID: s.ID, Publisher: s.Publisher, URL: s.URL, Date: s.Date, Quote: s.Quote,
			Title: plain(s.Title), Note: inert(s.Note), UsedBy: x.Citations(s.ID), Background: s.Background})
	}
	return out
}

func budget(p *plan.Plan, r *progress.Report) ([]fundView, budgetView) {
	funds := []fundView{}
	for _, f := range p.Funds {
		fv := fundView{ID: f.ID, Kind: f.Kind, Name: plain(f.Name), Description: inert(f.Description)}
		for i := range r.Budget.ByFund {
			if r.Budget.ByFund[i].Fund == f.ID {
				fv.Totals = &r.Budget.ByFund[i]
			}
		}
		funds = append(funds, fv)
	}
	b := budgetView{Total: r.Budget.Total, Sets: []setView{}, ByYear: r.Budget.ByYear, ByFund: r.Budget.ByFund,
		ByPolicy: r.Budget.ByPolicy, Lines: []lineView{}, Years: []int{}}
	for _, y := range r.Budget.ByYear {
		b.Years = append(b.Years, y.Year)
	}
	b.Costs = costTableOf(r.Budget.Costs, b.Years)
	for _, l := range p.BudgetLines {
		b.Lines = append(b.Lines, lineView{Policy: l.Policy, Fund: l.Fund, Area: l.Area, Source: l.Source, Qualifier: l.Qualifier, Year: l.Year,
			Planned: l.Planned, Allocated: l.Allocated, Disbursed: l.Disbursed, Note: inert(l.Note)})
	}
	b.LineSources = lineSources(p.BudgetLines)
	b.LineNotes = lineNotes(b.Lines)
	for _, s := range r.Budget.Sets {
		sv := setView{BudgetSet: s, Notes: []plan.Text{}}
		key := progress.SetKey(&plan.BudgetLine{Year: s.Year, Source: s.Source})
		for i := range p.BudgetLines {
			l := &p.BudgetLines[i]
			if l.Note.IsZero() || progress.SetKey(l) != key {
				continue
			}
			if n := inert(l.Note); !slices.Contains(sv.Notes, n) {
				sv.Notes = append(sv.Notes, n)
			}
		}
		b.Sets = append(b.Sets, sv)
	}
	return funds, b
}
