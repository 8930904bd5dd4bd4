// Package plan holds the domain types of a published plan: the document, its
// targets and the results observed against them, the policies and agencies
// that carry it out, the areas it covers, its budget and its reports.
//
// The package does no I/O. The load package fills these types from data/ and
// records where each item and field was written, so that the rules in Check
// can point an editor at file, line and column. Once a plan is checked, an
// Index (index.go) finds its items by id and the items that refer to each.
package plan

import "strings"

// A Plan is everything the data folder says.
type Plan struct {
	Site         Site
	Document     Document
	Targets      []Target
	Observations []Observation
	Policies     []Policy
	Agencies     []Agency
	Areas        []Area
	Sources      []Source
	Funds        []Fund
	BudgetLines  []BudgetLine
	Reports      []Report
	// Pages are the pages editors write in content/ (package content),
	// not a data file: the loader never fills them.
	Pages []Page `yaml:"-"`
	// Boundaries are the areas' outlines, when the data has them.
	Boundaries *Boundaries
}

// Headline is the target the site leads with, on the overview and in its
// charts: the first that takes its values from the figures of the plan's
// own area (the province's poor-household rate), or nil.
func (p *Plan) Headline() *Target {
	for i := range p.Targets {
		if t := &p.Targets[i]; t.Measure != "" && t.Scope == p.Document.Area {
			return t
		}
	}
	return nil
}

// Site holds settings of the published site that are not part of the plan.
type Site struct {
	Node    `yaml:"-"`
	Title   Text   `yaml:"title"`
	BaseURL string `yaml:"base_url"`
	// Updated is the date the data was last revised (YYYY-MM-DD); the site
	// shows it instead of a clock time so that builds are reproducible.
	Updated string `yaml:"updated"`
	// Demo marks a synthetic dataset: every page then carries a banner.
	Demo bool `yaml:"demo"`
	// Contact is where a reader may send a published figure the site
	// lacks: an e-mail address or an https:// address of the publisher's
	// own feedback form, never a person's address that no source gives.
	// Optional: without it, pages name the agency the plan reports to.
	Contact string `yaml:"contact"`
	// Credits are the credit lines that sources of the data ask for,
	// printed in every page's footer beside the data's licence.
	Credits []Text `yaml:"credits"`
}

// Absolute reports whether a base URL is an absolute http(s) address, as
// canonical links, og:url, og:image and a sitemap need; "/" is not.
func Absolute(baseURL string) bool {
	return strings.HasPrefix(baseURL, "https://") || strings.HasPrefix(baseURL, "http://")
}

// A Document is the plan as issued: its identity and its text by section.
type Document struct {
	Node        `yaml:"-"`
	Title       Text   `yaml:"title"`
	Number      string `yaml:"number"`
	Date        string `yaml:"date"`
	Issuer      Text   `yaml:"issuer"`
	Area        string `yaml:"area"`
	Period      Period `yaml:"period"`
	LegalBases  []Text `yaml:"legal_bases"`
	Preamble    Text   `yaml:"preamble"`
	Translation Text   `yaml:"translation_note"`
	// Source is the plan's own entry in sources.yaml: what its numbers
	// (the targets' goals, a model's cost) are cited to.
	Source      string `yaml:"source"`
	PovertyLine Text   `yaml:"poverty_line"`
	// PovertyLineSource is the document that sets the poverty line.
	PovertyLineSource string    `yaml:"poverty_line_source"`
	Sections          []Section `yaml:"sections"`
	Recipients        []Text    `yaml:"recipients"`
	Reporting         []Duty    `yaml:"reporting"`
}

// A Period is a span of whole years, both included.
type Period struct {
	Node  `yaml:"-"`
	Start int `yaml:"start"`
	End   int `yaml:"end"`
}

// A Section is a part of the plan text. Sections nest: "III" holds "1",
// which holds "1.1". ID is the stable anchor on the plan page.
//
// Number and Title are the plan's own, and only where the plan has them:
// its lettered items ("a) Giảm tỷ lệ hộ nghèo…") have no title, and the
// closing paragraphs of section VI no number. A heading the editors give a
// section the plan leaves untitled is EditorialTitle, which the site shows
// as theirs, never as the plan's.
type Section struct {
	Node           `yaml:"-"`
	ID             string    `yaml:"id"`
	Number         string    `yaml:"number"`
	Title          Text      `yaml:"title"`
	EditorialTitle Text      `yaml:"editorial_title"`
	Body           Text      `yaml:"body"`
	Sections       []Section `yaml:"sections"`
}

// A Duty is a reporting obligation the plan sets: who reports, to whom, how often.
type Duty struct {
	Node    `yaml:"-"`
	From    []string `yaml:"from"` // agency ids
	To      string   `yaml:"to"`   // agency id
	Then    []string `yaml:"then"` // agency ids the receiver reports on to
	Every   string   `yaml:"every"`
	Section string   `yaml:"section"`
	Text    Text     `yaml:"text"`
}

// Report frequencies a Duty may name.
const (
	EveryHalfYear = "half-year"
	EveryYear     = "year"
	EveryQuarter  = "quarter"
)

// A Text is markdown in Vietnamese (required) and English (optional). In
// YAML it is either a mapping {vi: …, en: …} or a plain string, which is the
// Vietnamese text.
//
// It is the one bilingual text of the generator: the data's, the
// computed sentences', the charts', the open data's and the view's. In
// JSON it is {"vi": …, "en": …}.
type Text struct {
	VI string `yaml:"vi" json:"vi"`
	EN string `yaml:"en" json:"en"`
	// At locates each language's text in the file, for messages about a
	// place inside it (raw HTML in markdown, say).
	At struct{ VI, EN Span } `yaml:"-" json:"-"`
}

// In is the text in lang: English falls back to Vietnamese, the source of
// truth, where there is no translation.
func (t Text) In(lang Lang) string {
	if lang == EN && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// A Span locates a scalar's text: Pos is its first character. For a block
// scalar (| or >) every line of the text starts at column Indent.
type Span struct {
	Pos
	Block  bool
	Quoted bool
	Indent int
}

// IsZero reports whether the text says nothing in either language.
func (t Text) IsZero() bool { return t.VI == "" && t.EN == "" }
