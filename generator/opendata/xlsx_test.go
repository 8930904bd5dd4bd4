package opendata

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"plansite/generator/progress"
)

// hostileTable holds every kind of value, and texts that markup, a
// spreadsheet or a cell's size limit would mangle.
func hostileTable() *table {
	texts := []string{
		"<b>bold</b> & <i>&amp;</i> ]]>",
		`"double" 'single' quotes`,
		"=1+1", "+1", "-1", "@SUM(A1)", `=HYPERLINK("http://x","y")`, "=cmd|' /C calc'!A0",
		"\t=1", "\r=1", " leading and trailing ", "\n", "line 1\r\nline 2\rline 3\nline 4",
		"emoji 👩‍👩‍👧 🇻🇳 😀",
		"Tiếng Việt: Đường Hồ Chí Minh, Thừa Thiên Huế, Bắc Giang",
		"control \x00 \x01 \x08 \x0b \x0c \x1f \x7f end",
		"\uFFFE \uFFFF \uFFFD",
		"_x0041_ _X00e9_ _x005F_ _x004_ _xZZZZ_ __x0041__ _x41_ _x_ a_xb _",
		strings.Repeat("Đường ", 7000),    // 42,000 UTF-16 units: cut
		strings.Repeat("😀", 20000),        // 40,000 units in pairs: cut between two
		strings.Repeat("a&<", 12000),      // escaped, 36,000 units: cut
		strings.Repeat("x", maxCellUnits), // just fits
		"",
	}
	numbers := []float64{0.1 + 0.2, -1.5, math.Copysign(0, -1), 1e21, 1e-7, 123456789.123456789, -273.15, 12.06,
		2.220446049250313e-16, -98765.4321e10, 1.0 / 3}
	ints := []int{-5, 0, 2147483648, -2147483649, 9007199254740991}
	cols := []column{
		{name: "text", typ: typeString},
		{name: "list", typ: typeString, list: true},
		{name: "int", typ: typeInteger},
		{name: "year", typ: typeYear},
		{name: "number", typ: typeNumber},
		{name: "flag", typ: typeBoolean},
		{name: "<&\"name\">", typ: typeString},
	}
	var rows [][]any
	for i := range max(len(texts), len(numbers), len(ints)) {
		row := []any{nil, []string{}, nil, 2000 + i, nil, i%2 == 0, nil}
		if i < len(texts) {
			row[0] = texts[i]
			row[6] = texts[len(texts)-1-i]
		}
		if i < len(texts)-1 {
			row[1] = []string{texts[i], texts[i+1]}
		}
		if i < len(ints) {
			row[2] = ints[i]
		}
		if i < len(numbers) {
			row[4] = numbers[i]
		}
		rows = append(rows, row)
	}
	rows = append(rows, make([]any, len(cols))) // a row of nothing
	return &table{tableInfo: tableInfo{name: "hostile"}, columns: cols, rows: rows}
}

// cutCell is s as a cell holds it: its first maxCellUnits UTF-16 units,
// not splitting a pair.
func cutCell(s string) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > maxCellUnits {
			return s[:i]
		}
	}
	return s
}

// checkWorkbook opens b with excelize and checks every cell against the
// table: the header row in bold and frozen, then each value with its
// type, no formula anywhere.
func checkWorkbook(t *testing.T, tb *table, b []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: excelize.OpenReader: %v", tb.name, err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{tb.name}) {
		t.Fatalf("%s: sheets %q, want [%s]", tb.name, got, tb.name)
	}
	sheet := tb.name
	if dim, err := f.GetSheetDimension(sheet); err != nil || dim != "A1:"+columnName(len(tb.columns)-1)+strconv.Itoa(len(tb.rows)+1) {
		t.Errorf("%s: dimension %q (%v), want A1:%s%d", sheet, dim, err, columnName(len(tb.columns)-1), len(tb.rows)+1)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v (%v), want the first row frozen", sheet, panes, err)
	}
	raw := excelize.Options{RawCellValue: true}
	for j, c := range tb.columns {
		ref, _ := excelize.CoordinatesToCellName(j+1, 1)
		if got, err := f.GetCellValue(sheet, ref, raw); err != nil || got != c.name {
			t.Errorf("%s %s = %q (%v), want %q", sheet, ref, got, err, c.name)
		}
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s %s: style %d is not bold (%v)", sheet, ref, id, err)
		}
	}
	for i, row := range tb.rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+2)
			got, err := f.GetCellValue(sheet, ref, raw)
			if err != nil {
				t.Fatalf("%s %s: %v", sheet, ref, err)
			}
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				t.Fatalf("%s %s: %v", sheet, ref, err)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s %s holds the formula %q", sheet, ref, formula)
			}
			if id, _ := f.GetCellStyle(sheet, ref); id != 0 {
				t.Errorf("%s %s has style %d, want 0", sheet, ref, id)
			}
			if l, ok := v.([]string); ok {
				v = strings.Join(l, ListSep)
			}
			switch v := v.(type) {
			case nil:
				if got != "" || typ != excelize.CellTypeUnset {
					t.Errorf("%s %s = %q (type %v), want no value", sheet, ref, got, typ)
				}
			case string:
				want, wantType := cutCell(v), excelize.CellTypeSharedString
				if want == "" {
					wantType = excelize.CellTypeUnset
				}
				if got != want || typ != wantType {
					t.Errorf("%s %s = %.60q… (%d bytes, type %v), want %.60q… (%d bytes, type %v)", sheet, ref, got, len(got), typ, want, len(want), wantType)
				}
			case int:
				n, err := strconv.Atoi(got)
				if err != nil || n != v || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
					t.Errorf("%s %s = %q (type %v), want the number %d", sheet, ref, got, typ, v)
				}
			case float64:
				x, err := strconv.ParseFloat(got, 64)
				if err != nil || x != v || x == 0 && math.Signbit(x) || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
					t.Errorf("%s %s = %q (type %v), want the number %v", sheet, ref, got, typ, v)
				}
			case bool:
				want := "0"
				if v {
					want = "1"
				}
				if got != want || typ != excelize.CellTypeBool {
					t.Errorf("%s %s = %q (type %v), want the boolean %v", sheet, ref, got, typ, v)
				}
			default:
				t.Fatalf("%s %s: %T in the table", sheet, ref, v)
			}
		}
	}
}

// checkPackage lists the zip: the parts in a fixed order, each deflated,
// dated 1980-01-01 and well-formed XML.
func checkZip(t *testing.T, name string, b []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
		if f.Method != zip.Deflate || !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s %s: method %d, modified %v, want deflated on 1980-01-01", name, f.Name, f.Method, f.Modified)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(r)
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s %s is not well-formed XML: %v", name, f.Name, err)
				break
			}
		}
		r.Close()
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}
	if !slices.Equal(names, want) {
		t.Errorf("%s holds %q, want %q", name, names, want)
	}
}

// A workbook reads back as the table holds it: markup, quotes, formulas,
// control characters, emoji, Vietnamese, texts longer than a cell, empty
// cells, numbers to their last digit, booleans; the same bytes each time.
func TestXLSXHostile(t *testing.T) {
	tb := hostileTable()
	if err := tb.check(); err != nil {
		t.Fatal(err)
	}
	b, err := tb.xlsx()
	if err != nil {
		t.Fatal(err)
	}
	checkZip(t, "hostile.xlsx", b)
	checkWorkbook(t, tb, b)
	again, err := tb.xlsx()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Error("two workbooks of one table differ")
	}
}

// The tables of the shipped data and the demo read back cell by cell.
func TestXLSXDatasets(t *testing.T) {
	for _, dir := range []string{"../../data", "../../examples/demo"} {
		p, _ := loadDir(t, dir)
		r := progress.Compute(p, 0)
		for _, tb := range []*table{indicators(p, r), observations(p, r), districts(p, r), budgets(p, r)} {
			t.Run(filepath.Base(dir)+"/"+tb.name, func(t *testing.T) {
				b, err := tb.xlsx()
				if err != nil {
					t.Fatal(err)
				}
				checkZip(t, tb.name+".xlsx", b)
				checkWorkbook(t, tb, b)
			})
		}
	}
}

// A table with no rows is a header row; a name Excel refuses is an error.
func TestXLSXEdges(t *testing.T) {
	tb := &table{tableInfo: tableInfo{name: "empty"}, columns: []column{{name: "a", typ: typeString}, {name: "b", typ: typeNumber}}}
	b, err := tb.xlsx()
	if err != nil {
		t.Fatal(err)
	}
	checkZip(t, "empty.xlsx", b)
	checkWorkbook(t, tb, b)
	if n := xlsxRows(b); n != 0 {
		t.Errorf("xlsxRows(empty) = %d, want 0", n)
	}
	for _, name := range []string{"", "a/b", "a[1]", "'a", strings.Repeat("a", 32)} {
		tb := &table{tableInfo: tableInfo{name: name}, columns: tb.columns}
		if _, err := tb.xlsx(); err == nil {
			t.Errorf("xlsx of a sheet named %q: no error", name)
		}
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %s, want %s", i, got, want)
		}
	}
}

// appendText keeps the XML well-formed whatever the bytes: a byte that is
// not UTF-8 becomes U+FFFD.
func TestAppendTextInvalidUTF8(t *testing.T) {
	got := string(appendText(nil, "a\xffb\xc3"))
	if got != "a\uFFFDb\uFFFD" {
		t.Errorf("appendText(a\\xffb\\xc3) = %q, want %q", got, "a\uFFFDb\uFFFD")
	}
}
