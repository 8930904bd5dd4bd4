package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"plansite/generator/internal/jsonstr"
	"plansite/generator/plan"
)

// Field types of the Frictionless Table Schema that the tables use.
const (
	typeString  = "string"
	typeInteger = "integer"
	typeNumber  = "number"
	typeBoolean = "boolean"
	typeYear    = "year"
)

// A column is one field of a table.
type column struct {
	name string
	typ  string // one of the type constants
	// list: a list of strings, joined with ListSep in CSV and an array in
	// JSON; typ is then typeString.
	list bool
	desc string
}

// ListSep joins the items of a list in a CSV cell.
const ListSep = ";"

// A table is one data set, written both as CSV and as JSON. Each row holds
// one value per column: nil (missing), a string, an int, a float64, a bool
// or a []string, as the column's type asks.
type table struct {
	tableInfo
	columns []column
	rows    [][]any
	// primaryKey and foreignKeys go into the table's schema.
	primaryKey  []string
	foreignKeys []foreignKey
}

// A tableInfo names and describes a table.
type tableInfo struct {
	name  string // file name without extension
	title plan.Text
	desc  plan.Text
}

// tableInfos lists the tables in the order of the catalogue.
func tableInfos() []tableInfo {
	return []tableInfo{
		{name: "indicators",
			title: plan.Text{VI: "Chỉ tiêu", EN: "Indicators"},
			desc: plan.Text{
				VI: "Mỗi dòng là một chỉ tiêu của Kế hoạch: mục tiêu, giá trị gốc, giá trị mới nhất, mức thay đổi hằng năm cần đạt và đã đạt, dự báo và tình trạng.",
				EN: "One row per target of the plan: its goal, baseline, latest value, required and observed yearly change, projection and status.",
			}},
		{name: "observations",
			title: plan.Text{VI: "Số liệu theo dõi", EN: "Observations"},
			desc: plan.Text{
				VI: "Mỗi dòng là một giá trị trong chuỗi số liệu của một chỉ tiêu (kể cả giá trị gốc và số liệu lấy từ địa bàn), kèm trạng thái và nguồn.",
				EN: "Every value of every target's series (its baseline and the values taken from area figures included), with its status and source.",
			}},
		{name: "districts",
			title: plan.Text{VI: "Địa phương", EN: "Districts and communes"},
			desc: plan.Text{
				VI: "Mỗi dòng là số liệu một năm của một địa bàn (cả nước, tỉnh, huyện, thành phố, xã, nhóm xã): số hộ, hộ nghèo, hộ cận nghèo, tỷ lệ và mức thay đổi.",
				EN: "One row per area and year (country, province, district, city, commune, group of communes): households, poor and near-poor households, rates and their change.",
			}},
		{name: "budgets",
			title: plan.Text{VI: "Ngân sách", EN: "Budget"},
			desc: plan.Text{
				VI: "Mỗi dòng là một khoản kinh phí theo chính sách, nguồn vốn, năm và địa bàn: kế hoạch, đã giao và đã giải ngân (triệu đồng).",
				EN: "One row per budget line by policy, fund, year and area: planned, allocated and disbursed (million VND).",
			}},
	}
}

func info(name string) tableInfo {
	for _, t := range tableInfos() {
		if t.name == name {
			return t
		}
	}
	return tableInfo{name: name}
}

// check reports the first value whose kind does not fit its column, or a
// number that cannot be written.
func (t *table) check() error {
	for i, row := range t.rows {
		if len(row) != len(t.columns) {
			return fmt.Errorf("opendata: %s row %d has %d values for %d columns", t.name, i+1, len(row), len(t.columns))
		}
		for j, v := range row {
			c := t.columns[j]
			ok := false
			switch v := v.(type) {
			case nil:
				ok = true
			case string:
				ok = c.typ == typeString && !c.list
			case []string:
				ok = c.list
			case int:
				ok = c.typ == typeInteger || c.typ == typeYear
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("opendata: %s row %d: %s is %v", t.name, i+1, c.name, v)
				}
				ok = c.typ == typeNumber
			case bool:
				ok = c.typ == typeBoolean
			}
			if !ok {
				return fmt.Errorf("opendata: %s row %d: %s holds %T, not %s", t.name, i+1, c.name, v, c.typ)
			}
		}
	}
	return nil
}

// csv writes the table with a header row and LF line endings.
func (t *table) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rec := make([]string, len(t.columns))
	for i, c := range t.columns {
		rec[i] = c.name
	}
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	for k, row := range t.rows {
		for i, v := range row {
			rec[i] = csvCell(v)
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
		if k == 0 {
			w.Flush()
			reserve(&b, len(t.rows))
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// reserve grows b, which holds a table's first rows, for rows rows in
// all, by the size of its first: a buffer grown by doubling clears and
// copies twice the table's bytes (tens of megabytes at national scale).
func reserve(b *bytes.Buffer, rows int) {
	if rows > 1 {
		b.Grow(b.Len() * (rows - 1) * 5 / 4)
	}
}

func csvCell(v any) string {
	switch v := v.(type) {
	case string:
		return Neutralise(v)
	case []string:
		return Neutralise(strings.Join(v, ListSep))
	case int:
		return strconv.Itoa(v)
	case float64:
		return FormatNumber(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// Neutralise guards a CSV text cell against spreadsheet formula injection:
// a cell starting with = + - @, a tab or a carriage return gets a single
// quote in front. Only text cells go through it; numbers are written as
// they are.
func Neutralise(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// FormatNumber writes x in full with a decimal point: no exponent, as few
// digits as read back to x, and 0 for −0.
func FormatNumber(x float64) string {
	return string(appendNumber(nil, x))
}

// appendNumber appends FormatNumber(x) to dst.
func appendNumber(dst []byte, x float64) []byte {
	if x == 0 {
		x = 0
	}
	return strconv.AppendFloat(dst, x, 'f', -1, 64)
}

// json writes the table as an array of objects whose keys are the column
// names, in column order, indented as json.MarshalIndent indents with one
// space. It writes the indented form directly: at national scale the
// districts table has tens of thousands of rows, and indenting a compact
// array afterwards took as long as writing it.
func (t *table) json() ([]byte, error) {
	keys := make([][]byte, len(t.columns))
	for i, c := range t.columns {
		k, err := json.Marshal(c.name)
		if err != nil {
			return nil, err
		}
		keys[i] = append(k, ':', ' ')
	}
	var b bytes.Buffer
	if len(t.rows) == 0 {
		b.WriteString("[]\n")
		return b.Bytes(), nil
	}
	b.WriteString("[\n")
	for i, row := range t.rows {
		if i > 0 {
			b.WriteString(",\n")
		}
		if err := writeObject(&b, keys, row); err != nil {
			return nil, err
		}
		if i == 0 {
			reserve(&b, len(t.rows))
		}
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

// writeObject writes one row as an element of the array json writes:
// each key (quoted, with its colon and a space) and its value, a line
// each, indented.
func writeObject(b *bytes.Buffer, keys [][]byte, values []any) error {
	if len(keys) == 0 {
		b.WriteString(" {}")
		return nil
	}
	b.WriteString(" {\n")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("  ")
		b.Write(k)
		// The common values are written here, as json.Marshal writes
		// them, without its reflection: tens of thousands of rows.
		switch x := values[i].(type) {
		case nil:
			b.WriteString("null")
		case float64:
			b.Write(appendNumber(b.AvailableBuffer(), x))
		case int:
			b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(x), 10))
		case string:
			b.Write(jsonstr.Append(b.AvailableBuffer(), x))
		case []string:
			if len(x) == 0 {
				b.WriteString("[]")
				continue
			}
			b.WriteString("[\n")
			for j, s := range x {
				if j > 0 {
					b.WriteString(",\n")
				}
				b.WriteString("   ")
				b.Write(jsonstr.Append(b.AvailableBuffer(), s))
			}
			b.WriteString("\n  ]")
		default:
			v, err := json.Marshal(x)
			if err != nil {
				return err
			}
			b.Write(v)
		}
	}
	b.WriteString("\n }")
	return nil
}

// Constructors of values that may be missing.

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func year(y int) any {
	if y == 0 {
		return nil
	}
	return y
}

func optInt(x *int) any {
	if x == nil {
		return nil
	}
	return *x
}

func optNum(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}
