package opendata

import (
	"path"
	"strconv"
	"strings"

	"plansite/generator/plan"
)

// The package's licence.
const (
	LicenseName  = "CC-BY-4.0"
	LicenseTitle = "Creative Commons Attribution 4.0 International"
	LicensePath  = "https://creativecommons.org/licenses/by/4.0/"
)

// CSVNote says how the CSV files are written, for the open-data page;
// datapackage.json repeats the English in the description of the package
// and of each CSV file.
func CSVNote() plan.Text {
	return plan.Text{
		VI: "Tệp CSV mã hóa UTF-8 không có BOM, phân cách bằng dấu phẩy, có dòng tiêu đề, xuống dòng kiểu LF; " +
			"số viết đầy đủ với dấu chấm thập phân, không dùng dạng lũy thừa; giá trị thiếu là ô trống, không bao giờ là 0. " +
			"Để chống chèn công thức vào bảng tính, ô chữ bắt đầu bằng =, +, -, @, ký tự tab hoặc ký tự CR được thêm " +
			"dấu nháy đơn (') ở đầu, dấu này không thuộc giá trị; ô số không bao giờ được thêm dấu nháy, " +
			"nên -1.5 trong một cột số là số âm −1,5.",
		EN: "UTF-8 without a byte-order mark, comma-separated, a header row, LF line endings; " +
			"numbers with a decimal point and no exponent; a missing value is an empty cell, never 0. " +
			"Against spreadsheet formula injection, a text cell that starts with =, +, -, @, a tab or a carriage return " +
			"is prefixed with a single quote ('), which is not part of the value; numeric cells are never prefixed, " +
			"so -1.5 in a number column is the number −1.5.",
	}
}

// A pkg is a Frictionless Data Package (v1) descriptor.
//
// Its profile is data-package rather than tabular-data-package: the CSV
// files are tabular data resources with a schema, but policies.json and
// agencies.json hold nested objects, and a tabular data package allows
// only tabular resources.
type pkg struct {
	Profile     string        `json:"profile"`
	Name        string        `json:"name"`
	Title       string        `json:"title"`
	Description string        `json:"description"`
	Licenses    []license     `json:"licenses"`
	Sources     []source      `json:"sources,omitempty"`
	Resources   []pkgResource `json:"resources"`
}

type license struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

type source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

type pkgResource struct {
	Name        string   `json:"name"`
	Path        string   `json:"path"` // relative to datapackage.json
	Profile     string   `json:"profile"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Format      string   `json:"format"`
	MediaType   string   `json:"mediatype"`
	Encoding    string   `json:"encoding,omitempty"`
	Bytes       int      `json:"bytes"`
	Hash        string   `json:"hash"`
	Sources     []source `json:"sources,omitempty"`
	Dialect     *dialect `json:"dialect,omitempty"`
	Schema      *schema  `json:"schema,omitempty"`
}

// A dialect is a CSV Dialect: how the CSV files are written.
type dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// A schema is a Table Schema.
type schema struct {
	Fields        []field      `json:"fields"`
	MissingValues []string     `json:"missingValues"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
}

type field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description"`
}

type foreignKey struct {
	Fields    string    `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string `json:"resource"`
	Fields   string `json:"fields"`
}

// dataPackage describes the resources res (datapackage.json itself left
// out); tables give the CSV files their schemas.
func dataPackage(p *plan.Plan, tables []*table, res []Resource) pkg {
	dp := pkg{
		Profile:     "data-package",
		Name:        packageName(p),
		Title:       packageTitle(p),
		Description: packageDescription(p),
		Licenses:    []license{{Name: LicenseName, Title: LicenseTitle, Path: LicensePath}},
		Resources:   []pkgResource{},
	}
	for _, s := range p.Sources {
		title := s.Title.VI
		if title == "" {
			title = s.Title.EN
		}
		if title == "" {
			title = s.ID
		}
		dp.Sources = append(dp.Sources, source{Title: title, Path: s.URL})
	}
	for _, r := range res {
		file := path.Base(r.Path)
		if file == PackageFile {
			continue
		}
		pr := pkgResource{
			Name: r.Name, Path: file, Profile: "data-resource",
			Title: r.Title.EN, Description: r.Description.EN,
			Format: r.Format, MediaType: r.MediaType, Encoding: "utf-8",
			Bytes: r.Bytes, Hash: r.Hash,
		}
		if r.Format == FormatXLSX {
			pr.Encoding = "" // a zip of XML, not text
		}
		if file == BoundariesFile {
			pr.Sources = []source{{Title: Credit(p).EN}}
		}
		if r.Format == FormatCSV {
			for _, t := range tables {
				if t.name+".csv" == file {
					pr.Profile = "tabular-data-resource"
					pr.Description += " " + CSVNote().EN
					pr.Dialect = &dialect{Delimiter: ",", LineTerminator: "\n", QuoteChar: `"`, DoubleQuote: true, Header: true}
					pr.Schema = t.schema()
				}
			}
		}
		dp.Resources = append(dp.Resources, pr)
	}
	return dp
}

func (t *table) schema() *schema {
	s := &schema{MissingValues: []string{""}, PrimaryKey: t.primaryKey, ForeignKeys: t.foreignKeys}
	for _, c := range t.columns {
		s.Fields = append(s.Fields, field{Name: c.name, Type: c.typ, Description: c.desc})
	}
	return s
}

// packageName is a lowercase slug: "bac-giang-2013-2015-open-data", with
// "demo-" in front for a demo dataset.
func packageName(p *plan.Plan) string {
	var parts []string
	if p.Site.Demo {
		parts = append(parts, "demo")
	}
	if p.Document.Area != "" {
		parts = append(parts, p.Document.Area)
	}
	if per := p.Document.Period; per.Start != 0 && per.End != 0 {
		parts = append(parts, strconv.Itoa(per.Start)+"-"+strconv.Itoa(per.End))
	}
	parts = append(parts, "open-data")
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.', r == '_':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '-'
	}, strings.Join(parts, "-"))
	return name
}

func packageTitle(p *plan.Plan) string {
	title := p.Site.Title.EN
	if title == "" {
		title = p.Site.Title.VI
	}
	if title == "" {
		return "Open data"
	}
	return title + ": open data"
}

func packageDescription(p *plan.Plan) string {
	var b strings.Builder
	if p.Site.Demo {
		b.WriteString("ILLUSTRATIVE DATA: synthetic, not real results. ")
	}
	if t := p.Document.Title.EN; t != "" {
		b.WriteString("Targets, results, district figures, budget, policies and agencies of the plan: " + t + ". ")
	} else {
		b.WriteString("Targets, results, district figures, budget, policies and agencies of the plan. ")
	}
	b.WriteString("Each table is given as CSV and as JSON with the same fields; in JSON a missing value is null. ")
	b.WriteString("Money is in million VND; rates are in percent. CSV files: ")
	b.WriteString(CSVNote().EN)
	return b.String()
}
