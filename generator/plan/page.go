package plan

// Page sections: where a page of content/ is published.
const (
	PageAbout  = "about"   // content/gioi-thieu.md: /gioi-thieu/, /en/about/
	PageNews   = "news"    // content/tin-tuc/<slug>.md: /tin-tuc/<slug>/, /en/news/<slug>/
	PageReport = "reports" // content/bao-cao/<report id>.md: the narrative of a report of reports.yaml
)

// A Page is a page an editor wrote in content/, in one language: the
// about page, a news item, or the narrative of a periodic report.
type Page struct {
	Section string // PageAbout, PageNews or PageReport
	Slug    string // the file's name without .md and language: a news item's or a report's id; "" for the about page
	Lang    Lang
	File    string // where it was read, for messages

	Title       string
	Description string
	Date        string // YYYY-MM-DD
	Draft       bool
	Menu        bool // listed in the main navigation, at Weight
	Weight      int
	// Body is the page's markdown, with its links to the site's items
	// written as shortcuts (chi-tieu:2a) or site paths.
	Body     string
	BodyLine int // the line of File where Body starts, for messages
	// Fallback: the page has no translation in Lang, and Body is the
	// Vietnamese text, shown with a note.
	Fallback bool
}

// Key is the page's identity across languages: its section and slug.
func (p Page) Key() string {
	if p.Slug == "" {
		return p.Section
	}
	return p.Section + "/" + p.Slug
}
