// Package plan holds the domain types of a published plan: the document, its
// targets and the results observed against them, the policies and agencies
// that carry it out, the areas it covers, its budget and its reports.
//
// The package does no I/O. The load package fills these types from data/ and
// records where each item and field was written, so that the rules in Check
// can point an editor at file, line and column. Once a plan is checked, an
// Index (index.go) finds its items by id and the items that refer to each.
package plan

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
}

// A Document is the plan as issued: its identity and its text by section.
type Document struct {
	Node        `yaml:"-"`
	Title       Text      `yaml:"title"`
	Number      string    `yaml:"number"`
	Date        string    `yaml:"date"`
	Issuer      Text      `yaml:"issuer"`
	Area        string    `yaml:"area"`
	Period      Period    `yaml:"period"`
	LegalBases  []Text    `yaml:"legal_bases"`
	Preamble    Text      `yaml:"preamble"`
	Translation Text      `yaml:"translation_note"`
	PovertyLine Text      `yaml:"poverty_line"`
	Sections    []Section `yaml:"sections"`
	Recipients  []Text    `yaml:"recipients"`
	Reporting   []Duty    `yaml:"reporting"`
}

// A Period is a span of whole years, both included.
type Period struct {
	Node  `yaml:"-"`
	Start int `yaml:"start"`
	End   int `yaml:"end"`
}

// A Section is a numbered part of the plan text. Sections nest: "III" holds
// "1", which holds "1.1". ID is the stable anchor on the plan page.
type Section struct {
	Node     `yaml:"-"`
	ID       string    `yaml:"id"`
	Number   string    `yaml:"number"`
	Title    Text      `yaml:"title"`
	Body     Text      `yaml:"body"`
	Sections []Section `yaml:"sections"`
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
