// Package opendata writes the plan's open data: the files served,
// language-neutral, at /data/ and listed on the open-data page.
//
//	indicators.csv|json|xlsx    one row per target: goal, baseline, latest value, pace, status
//	observations.csv|json|xlsx  every value of every target's series, with its source
//	districts.csv|json|xlsx     one row per area and year: households, poor and near-poor rates
//	budgets.csv|json|xlsx       one row per budget line (million VND)
//	policies.json               policies with their lead, partners and targets
//	agencies.json               agencies with the policies they lead or take part in
//	datapackage.json            a Frictionless Data Package describing the files above
//
// Everything is derived from the progress report, so the files say what the
// site says. A missing value is an empty cell in CSV and null in JSON, never
// 0. CSV files are UTF-8 without a byte-order mark, with a header row, LF
// line endings and numbers written in full with a decimal point; a text cell
// that starts with = + - @, a tab or a carriage return is prefixed with a
// single quote so that a spreadsheet does not run it as a formula (numeric
// cells are never touched: −1.5 stays -1.5). JSON files are arrays of
// objects with snake_case keys; < > & are escaped, so a name cannot close a
// script element. The same input gives the same bytes.
package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"path"
	"slices"

	"plansite/generator/internal/parallel"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

// Dir is the folder of the files, relative to the site root: Files' keys
// start with it and the files are served at /data/.
const Dir = "data"

// PackageFile is the name of the data package descriptor.
const PackageFile = "datapackage.json"

// Formats and media types of the files.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
	FormatXLSX = "xlsx"

	MediaCSV  = "text/csv"
	MediaJSON = "application/json"
	MediaXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// A Resource is one downloadable file, as the open-data page lists it.
type Resource struct {
	// Path is the file's key in Files ("data/indicators.csv"); the file is
	// served at "/" + Path.
	Path string `json:"path"`
	// Name is the resource's name in datapackage.json ("indicators-csv").
	Name      string `json:"name"`
	Format    string `json:"format"` // FormatCSV or FormatJSON
	MediaType string `json:"mediatype"`
	Bytes     int    `json:"bytes"`
	Hash      string `json:"hash"` // "sha256:" and the hex digest
	// Rows is the number of data rows (CSV, header excluded) or of objects
	// in the array (JSON); 0 for datapackage.json.
	Rows        int       `json:"rows"`
	Title       plan.Text `json:"title"`
	Description plan.Text `json:"description"`
}

// Files builds the open data of p from its progress report r, as
// progress.Compute makes it: the items of p are looked up in the report's
// plan index. A nil r is a report of no progress. The keys are
// slash-separated paths under Dir ("data/indicators.csv"). An error means
// a value could not be written (a number that is not finite); it is a bug
// or bad input, and no file is returned.
//
// It returns with the files their description, as Resources gives it, but
// without decoding the tables again: their rows are counted as they are
// written.
func Files(p *plan.Plan, r *progress.Report) (map[string][]byte, []Resource, error) {
	if p == nil {
		p = &plan.Plan{}
	}
	if r == nil {
		r = &progress.Report{Index: plan.NewIndex(p)}
	}
	files := map[string][]byte{}
	rows := map[string]int{}
	var tables []*table
	for _, t := range []*table{indicators(p, r), observations(p, r), districts(p, r), budgets(p, r)} {
		if err := t.check(); err != nil {
			return nil, nil, err
		}
		tables = append(tables, t)
	}
	// Each table in each format, on every CPU: at national scale the
	// districts table has tens of thousands of rows in each.
	formats := []struct {
		ext   string
		write func(*table) ([]byte, error)
	}{{".csv", (*table).csv}, {".json", (*table).json}, {".xlsx", (*table).xlsx}}
	out := make([][]byte, len(tables)*len(formats))
	errs := make([]error, len(out))
	// The largest tables first, so that no CPU is left with one at the end.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(tables[b/len(formats)].rows) - len(tables[a/len(formats)].rows) })
	parallel.Do(len(order), func(k int) {
		i := order[k]
		out[i], errs[i] = formats[i%len(formats)].write(tables[i/len(formats)])
	})
	for i, b := range out {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		name := path.Join(Dir, tables[i/len(formats)].name+formats[i%len(formats)].ext)
		files[name] = b
		rows[name] = len(tables[i/len(formats)].rows)
	}
	for _, f := range []struct {
		name string
		v    any
	}{{"policies", policies(p, r.Index)}, {"agencies", agencies(p, r.Index)}} {
		b, err := marshal(f.v)
		if err != nil {
			return nil, nil, err
		}
		files[path.Join(Dir, f.name+".json")] = b
	}
	if p.Boundaries != nil {
		b, err := boundaries(p, r.Index)
		if err != nil {
			return nil, nil, err
		}
		files[path.Join(Dir, BoundariesFile)] = b
		rows[path.Join(Dir, BoundariesFile)] = len(p.Boundaries.Features)
	}
	res := resources(files, rows)
	b, err := marshal(dataPackage(p, tables, res))
	if err != nil {
		return nil, nil, err
	}
	pkgFile := path.Join(Dir, PackageFile)
	files[pkgFile] = b
	return files, append(res, resources(map[string][]byte{pkgFile: b}, nil)...), nil
}

// Resources describes the files of files that this package writes, in a
// fixed order (each table's CSV then its JSON, policies, agencies, the
// data package); other keys are left out.
func Resources(files map[string][]byte) []Resource {
	return resources(files, nil)
}

// resources is Resources, with the rows of the files that rows holds
// counted already, so that their bytes are not decoded again.
func resources(files map[string][]byte, rows map[string]int) []Resource {
	var out []Resource
	for _, e := range catalogue() {
		b, ok := files[path.Join(Dir, e.file)]
		if !ok {
			continue
		}
		r := Resource{
			Path:        path.Join(Dir, e.file),
			Name:        resourceName(e.file),
			Format:      e.format,
			MediaType:   MediaJSON,
			Bytes:       len(b),
			Hash:        hash(b),
			Title:       e.title,
			Description: e.desc,
		}
		n, counted := rows[r.Path]
		switch {
		case e.format == FormatGeoJSON:
			r.MediaType = MediaGeoJSON
			var fc struct {
				Credit   plan.Text
				Features []json.RawMessage
			}
			json.Unmarshal(b, &fc)
			n = len(fc.Features)
			r.Description.VI += " " + fc.Credit.VI + "."
			r.Description.EN += " " + fc.Credit.EN + "."
		case e.format == FormatCSV:
			r.MediaType = MediaCSV
			if !counted {
				n = csvRows(b)
			}
		case e.format == FormatXLSX:
			r.MediaType = MediaXLSX
			if !counted {
				n = xlsxRows(b)
			}
		case e.file == PackageFile:
			n = 0
		case !counted:
			n = jsonRows(b)
		}
		r.Rows = n
		out = append(out, r)
	}
	return out
}

// resourceName is a file's resource name: "indicators.csv" → "indicators-csv".
func resourceName(file string) string {
	ext := path.Ext(file)
	return file[:len(file)-len(ext)] + "-" + ext[1:]
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

func csvRows(b []byte) int {
	r := csv.NewReader(bytes.NewReader(b))
	r.ReuseRecord = true
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0
		}
		n++
	}
	return max(n-1, 0)
}

// jsonRows counts the values of a JSON array without decoding them: the
// commas at depth 1, outside strings.
func jsonRows(b []byte) int {
	b = bytes.TrimSpace(b)
	if len(b) < 2 || b[0] != '[' || !json.Valid(b) {
		return 0
	}
	if len(bytes.TrimSpace(b[1:len(b)-1])) == 0 {
		return 0
	}
	n, depth, inString := 1, 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString && c == '\\':
			i++ // skip the escaped character
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 1:
			n++
		}
	}
	return n
}

// marshal is v as indented JSON with a final newline. encoding/json
// escapes < > & in strings, so the output is safe inside HTML.
func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// An entry is one file of the catalogue.
type entry struct {
	file   string
	format string
	title  plan.Text
	desc   plan.Text
}

// catalogue lists every file this package writes, in the order pages and
// the data package list them.
func catalogue() []entry {
	var out []entry
	for _, t := range tableInfos() {
		out = append(out,
			entry{file: t.name + ".csv", format: FormatCSV, title: t.title, desc: t.desc},
			entry{file: t.name + ".json", format: FormatJSON, title: t.title, desc: plan.Text{
				VI: t.desc.VI + " Cùng các cột như tệp CSV, dạng JSON; giá trị thiếu là null.",
				EN: t.desc.EN + " The same fields as the CSV file, as JSON; a missing value is null.",
			}},
			entry{file: t.name + ".xlsx", format: FormatXLSX, title: t.title, desc: plan.Text{
				VI: t.desc.VI + " Cùng các cột như tệp CSV, dạng bảng tính Excel: mở được ngay, số là số; ô trống là giá trị thiếu.",
				EN: t.desc.EN + " The same fields as the CSV file, as an Excel workbook: it opens as it is, with numbers as numbers; an empty cell is a missing value.",
			}})
	}
	return append(out,
		entry{file: "policies.json", format: FormatJSON,
			title: plan.Text{VI: "Chính sách, dự án", EN: "Policies and projects"},
			desc: plan.Text{
				VI: "Các chính sách, dự án của Kế hoạch với cơ quan chủ trì, cơ quan phối hợp và các chỉ tiêu liên quan.",
				EN: "The plan's policies and projects with their lead agency (lead: of the whole policy; leads: every agency the plan puts in charge of the policy or of a task of it), partner agencies and the targets they serve.",
			}},
		entry{file: "agencies.json", format: FormatJSON,
			title: plan.Text{VI: "Cơ quan, đơn vị", EN: "Agencies"},
			desc: plan.Text{
				VI: "Các cơ quan được giao nhiệm vụ, các chính sách mà mỗi cơ quan chủ trì hoặc phối hợp, và các chỉ tiêu giao cho cơ quan.",
				EN: "The agencies given tasks, the policies each leads or takes part in, and the targets assigned to it.",
			}},
		entry{file: BoundariesFile, format: FormatGeoJSON,
			title: plan.Text{VI: "Ranh giới địa bàn", EN: "Area boundaries"},
			desc: plan.Text{
				VI: "Ranh giới các huyện, thành phố (GeoJSON, kinh độ và vĩ độ WGS 84), đã giản lược cho web; mỗi Feature mang id của địa bàn.",
				EN: "The districts' boundaries (GeoJSON, WGS 84 longitude and latitude), simplified for the web; each Feature carries the area's id.",
			}},
		entry{file: PackageFile, format: FormatJSON,
			title: plan.Text{VI: "Mô tả gói dữ liệu", EN: "Data package descriptor"},
			desc: plan.Text{
				VI: "Mô tả các tệp trên theo chuẩn Frictionless Data Package: các trường và kiểu dữ liệu, kích thước, mã băm SHA-256 và giấy phép.",
				EN: "Describes the files above as a Frictionless Data Package: fields and their types, sizes, SHA-256 hashes and the licence.",
			}},
	)
}
