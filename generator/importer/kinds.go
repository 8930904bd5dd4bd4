package importer

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// A Kind is a kind of table: its columns, and the data it fills.
type Kind struct {
	Name    string // households, budget, results: for -template
	VI, EN  string // what it holds
	Columns []Column
}

// A Column is a column of a kind of table.
type Column struct {
	Key    string // the data file's key, and the header's English
	VI     string // the header in Vietnamese
	Type   string // one of the column types below
	Need   bool   // every row must have it
	NoteVI string // what to write in it, for the notes sheet
	NoteEN string
	// Aliases are other headers the tables editors receive use for it.
	Aliases []string
}

// Column types.
const (
	colArea   = "area"   // an area's id or its name
	colYear   = "year"   // a year
	colCount  = "count"  // a whole number of households
	colRate   = "rate"   // a percentage
	colAmount = "amount" // million VND
	colValue  = "value"  // a target's value, in its unit
	colRef    = "ref"    // an id: a policy, a fund, a target, a source
	colStatus = "status" // final, provisional or estimate
)

var (
	areaCol   = Column{Key: "area", VI: "Địa phương", Type: colArea, Need: true, NoteVI: "mã (son-dong) hoặc tên (Sơn Động) của huyện, xã trong areas.yaml; dòng “Tổng cộng” là dòng tổng, được kiểm tra với các dòng trên", NoteEN: "the id (son-dong) or name (Sơn Động) of a district or commune of areas.yaml; a row “Tổng cộng” (Total) is a total, checked against the rows above", Aliases: []string{"địa bàn", "đơn vị", "huyện", "xã", "tên đơn vị", "ma_dia_phuong"}}
	yearCol   = Column{Key: "year", VI: "Năm", Type: colYear, Need: true, NoteVI: "năm của số liệu, ví dụ 2014", NoteEN: "the year of the figure, for example 2014"}
	sourceCol = Column{Key: "source", VI: "Nguồn", Type: colRef, NoteVI: "mã nguồn trong sources.yaml (hoặc cho cả bảng: generator import -source MÃ)", NoteEN: "a source's id in sources.yaml (or for the whole table: generator import -source ID)"}
	statusCol = Column{Key: "status", VI: "Tình trạng", Type: colStatus, NoteVI: "chính thức (final), sơ bộ (provisional) hoặc ước tính (estimate)", NoteEN: "final, provisional or estimate", Aliases: []string{"trạng thái"}}
)

// Kinds are the tables import reads, by name.
var Kinds = []*Kind{
	{Name: "households", VI: "Hộ nghèo, hộ cận nghèo theo địa phương và năm", EN: "Poor and near-poor households by district or commune and year",
		Columns: []Column{areaCol, yearCol,
			{Key: "households", VI: "Tổng số hộ", Type: colCount, NoteVI: "tổng số hộ dân", NoteEN: "all households", Aliases: []string{"số hộ", "tổng số hộ dân", "số hộ dân"}},
			{Key: "poor_households", VI: "Số hộ nghèo", Type: colCount, NoteVI: "số hộ nghèo", NoteEN: "poor households", Aliases: []string{"hộ nghèo"}},
			{Key: "poor_rate", VI: "Tỷ lệ hộ nghèo (%)", Type: colRate, NoteVI: "tỷ lệ hộ nghèo, phần trăm (8,5 hoặc 8.5)", NoteEN: "poor-household rate, per cent (8,5 or 8.5)", Aliases: []string{"tỷ lệ hộ nghèo", "tỷ lệ nghèo"}},
			{Key: "near_poor_households", VI: "Số hộ cận nghèo", Type: colCount, NoteVI: "số hộ cận nghèo", NoteEN: "near-poor households", Aliases: []string{"hộ cận nghèo"}},
			{Key: "near_poor_rate", VI: "Tỷ lệ hộ cận nghèo (%)", Type: colRate, NoteVI: "tỷ lệ hộ cận nghèo, phần trăm", NoteEN: "near-poor rate, per cent", Aliases: []string{"tỷ lệ hộ cận nghèo", "tỷ lệ cận nghèo"}},
			statusCol, sourceCol}},
	{Name: "budget", VI: "Kinh phí theo chính sách, nguồn vốn, năm và bước", EN: "Budget lines by policy, fund, year and stage",
		Columns: []Column{
			{Key: "policy", VI: "Chính sách", Type: colRef, Need: true, NoteVI: "mã chính sách trong policies.yaml, ví dụ 1-2", NoteEN: "a policy's id in policies.yaml, for example 1-2", Aliases: []string{"chính sách, dự án", "dự án"}},
			{Key: "fund", VI: "Nguồn vốn", Type: colRef, Need: true, NoteVI: "mã nguồn vốn trong budget.yaml (funds), ví dụ ngan-sach-tinh", NoteEN: "a fund's id in budget.yaml (funds), for example ngan-sach-tinh", Aliases: []string{"nguồn kinh phí"}},
			yearCol,
			{Key: "area", VI: "Địa phương", Type: colArea, NoteVI: "để trống nếu là của cả tỉnh; hoặc mã, tên huyện", NoteEN: "empty for the whole province; or a district's id or name", Aliases: areaCol.Aliases},
			{Key: "planned", VI: "Kế hoạch (triệu đồng)", Type: colAmount, NoteVI: "số tiền theo kế hoạch, triệu đồng", NoteEN: "planned, million VND", Aliases: []string{"kế hoạch", "dự kiến"}},
			{Key: "allocated", VI: "Được giao (triệu đồng)", Type: colAmount, NoteVI: "số tiền được giao, phân bổ, triệu đồng", NoteEN: "allocated, million VND", Aliases: []string{"được giao", "phân bổ", "bố trí"}},
			{Key: "disbursed", VI: "Giải ngân (triệu đồng)", Type: colAmount, NoteVI: "số tiền đã giải ngân, triệu đồng", NoteEN: "disbursed, million VND", Aliases: []string{"giải ngân", "đã giải ngân", "thực hiện"}},
			sourceCol}},
	{Name: "results", VI: "Kết quả của chỉ tiêu theo năm", EN: "A target's results by year",
		Columns: []Column{
			{Key: "target", VI: "Chỉ tiêu", Type: colRef, Need: true, NoteVI: "mã chỉ tiêu trong targets.yaml, ví dụ 3a", NoteEN: "a target's id in targets.yaml, for example 3a", Aliases: []string{"mã chỉ tiêu"}},
			{Key: "area", VI: "Địa phương", Type: colArea, NoteVI: "để trống nếu là phạm vi của chỉ tiêu; hoặc mã, tên địa phương", NoteEN: "empty for the target's own scope; or an area's id or name", Aliases: areaCol.Aliases},
			yearCol,
			{Key: "value", VI: "Kết quả", Type: colValue, Need: true, NoteVI: "giá trị theo đơn vị của chỉ tiêu (8,5 hoặc 8.5)", NoteEN: "the value in the target's unit (8,5 or 8.5)", Aliases: []string{"giá trị", "kết quả thực hiện"}},
			statusCol, sourceCol}},
}

// KindNamed is the kind called name, or nil.
func KindNamed(name string) *Kind {
	for _, k := range Kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// KindNames lists the kinds' names.
func KindNames() string {
	var names []string
	for _, k := range Kinds {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// Header is the column's header in a template: Vietnamese, then the
// data file's key.
func (c Column) Header() string { return c.VI + " (" + c.Key + ")" }

// normal is a header or a name as compared: lower case, composed, single
// spaces, without "(%)" and the like.
func normal(s string) string {
	s = norm.NFC.String(strings.ToLower(s))
	s = strings.NewReplacer("(%)", "", "%", "", "(triệu đồng)", "", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// matches reports whether the header text names the column: its key, its
// Vietnamese, an alias, or "Vietnamese (key)" as the templates write it.
func (c Column) matches(header string) bool {
	h := normal(header)
	cands := []string{h}
	if i := strings.LastIndex(h, "("); i > 0 && strings.HasSuffix(h, ")") {
		cands = append(cands, strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+1:len(h)-1]))
	}
	for _, cand := range cands {
		if cand == c.Key || cand == normal(c.VI) {
			return true
		}
		for _, a := range c.Aliases {
			if cand == normal(a) {
				return true
			}
		}
	}
	return false
}

// totalWords are what a total row has in its area column.
var totalWords = map[string]bool{"tổng": true, "tổng cộng": true, "cộng": true, "tổng số": true, "toàn tỉnh": true, "total": true}

// statusWords reads a status written in either language.
var statusWords = map[string]string{
	"final": "final", "chính thức": "final",
	"provisional": "provisional", "sơ bộ": "provisional", "tạm tính": "provisional",
	"estimate": "estimate", "ước tính": "estimate", "ước": "estimate",
}

// areaPrefixes are the words of an area's kind that tables put before
// its name.
var areaPrefixes = []string{"thành phố ", "tp. ", "tp ", "huyện ", "thị xã ", "thị trấn ", "phường ", "xã ", "tỉnh "}

// areaName is a name as compared with the names of areas.yaml.
func areaName(s string) string {
	s = normal(s)
	for _, p := range areaPrefixes {
		s = strings.TrimPrefix(s, p)
	}
	return s
}
