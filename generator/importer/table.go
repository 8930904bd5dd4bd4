// Package importer reads the tables editors receive as spreadsheets (.xlsx
// or .csv) — poor and near-poor households by district or commune and
// year, budget lines by fund, year and stage, a target's results by year —
// and writes them into the data files.
//
// It reads a table (Read), turns its rows into values for the data
// (Rows), and edits the YAML files as text at the places their yaml.Node
// trees give (yamledit.go), so that every comment, key order and line it
// does not change stays byte for byte as the editor wrote it. Every
// problem names the file, the sheet and the cell, in Vietnamese and
// English, as the checker's do; the caller writes nothing while one
// remains.
package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"plansite/generator/plan"
)

// A Problem is something wrong in the table, at a cell of a sheet.
type Problem struct {
	Where  string // ket-qua-2014.xlsx:Sheet1!C7
	VI, EN string
	// Warning problems are printed; the import goes on.
	Warning bool
}

// Format is the problem on one line in lang, as check prints its own.
func (p Problem) Format(lang plan.Lang) string {
	pp := plan.Problem{VI: p.VI, EN: p.EN}
	if p.Warning {
		pp.Severity = plan.Warning
	}
	return p.Where + ": " + pp.Message(lang)
}

// Problems is a list of problems.
type Problems []Problem

// Fatal reports whether a problem stops the import.
func (ps Problems) Fatal() bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// A Cell is one cell of a table: its text and where it is.
type Cell struct {
	Ref  string // C7
	Text string
	// Numeric: the workbook stores a number, written with a decimal point
	// whatever the cell's format shows.
	Numeric bool
}

// A Table is one sheet: its rows of cells, the first the header.
type Table struct {
	File, Sheet string
	Rows        [][]Cell
}

// At is where a cell is, for messages: file:sheet!C7, or file:C7 for a
// CSV file, which has no sheets.
func (t *Table) At(ref string) string {
	if t.Sheet == "" {
		return t.File + ":" + ref
	}
	return t.File + ":" + t.Sheet + "!" + ref
}

// MaxFileSize bounds a table: a district's table is a few kilobytes.
const MaxFileSize = 16 << 20

// Read reads the first sheet of an .xlsx file, or a .csv file, whose
// name, as the messages give it, is name.
func Read(path, name string) (*Table, Problems) {
	bad := func(vi, en string) (*Table, Problems) {
		return nil, Problems{{Where: name, VI: vi, EN: en}}
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return bad("không mở được tệp: "+err.Error(), "cannot open the file: "+err.Error())
	case !st.Mode().IsRegular() || st.Size() > MaxFileSize:
		return bad(fmt.Sprintf("không phải một bảng tính (tệp thường, tối đa %d MB)", MaxFileSize>>20),
			fmt.Sprintf("not a spreadsheet (a regular file of at most %d MB)", MaxFileSize>>20))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return bad("không đọc được tệp: "+err.Error(), "cannot read the file: "+err.Error())
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return readXLSX(b, name)
	case ".csv":
		return readCSV(b, name)
	}
	return bad("chỉ nhập được bảng tính .xlsx hoặc .csv: lưu bảng bằng Excel hoặc LibreOffice dưới dạng .xlsx",
		"only .xlsx or .csv spreadsheets can be imported: save the table from Excel or LibreOffice as .xlsx")
}

func readXLSX(b []byte, name string) (*Table, Problems) {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return nil, Problems{{Where: name,
			VI: "tệp không phải bảng tính .xlsx (có thể là .xls cũ hoặc tệp đổi tên): mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx",
			EN: "the file is not an .xlsx workbook (perhaps an old .xls or a renamed file): open it in Excel or LibreOffice and save it as .xlsx"}}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, Problems{{Where: name,
			VI: "không đọc được bảng tính .xlsx (" + err.Error() + "): mở bằng Excel hoặc LibreOffice và lưu lại",
			EN: "cannot read the .xlsx workbook (" + err.Error() + "): open it in Excel or LibreOffice and save it again"}}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, Problems{{Where: name, VI: "bảng tính không có trang nào", EN: "the workbook has no sheet"}}
	}
	sheet := sheets[0]
	t := &Table{File: name, Sheet: sheet}
	// Raw values: a number is read as it is stored, not as the cell's
	// format shows it (44,541 in an English locale).
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, Problems{{Where: t.At("A1"), VI: "không đọc được trang: " + err.Error(), EN: "cannot read the sheet: " + err.Error()}}
	}
	for r, row := range rows {
		var cells []Cell
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			cell := Cell{Ref: ref, Text: v}
			if v != "" {
				switch typ, _ := f.GetCellType(sheet, ref); typ {
				case excelize.CellTypeUnset, excelize.CellTypeNumber, excelize.CellTypeFormula:
					_, err := strconv.ParseFloat(v, 64)
					cell.Numeric = err == nil
				}
			}
			cells = append(cells, cell)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t, nil
}

func readCSV(b []byte, name string) (*Table, Problems) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return nil, Problems{{Where: name, VI: "tệp .csv không phải văn bản UTF-8: lưu lại với mã hóa UTF-8",
			EN: "the .csv file is not UTF-8 text: save it again as UTF-8"}}
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	// Vietnamese Excel writes ";" between fields, since "," is its
	// decimal comma: take the one the header line uses more.
	if first, _, _ := bytes.Cut(b, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	records, err := r.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		where := name
		if errors.As(err, &pe) {
			ref, _ := excelize.CoordinatesToCellName(max(pe.Column, 1), pe.Line)
			where = name + ":" + ref
		}
		return nil, Problems{{Where: where, VI: "tệp .csv không đọc được: " + err.Error(), EN: "the .csv file cannot be read: " + err.Error()}}
	}
	t := &Table{File: name}
	for r, rec := range records {
		var cells []Cell
		for c, v := range rec {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			cells = append(cells, Cell{Ref: ref, Text: v})
		}
		t.Rows = append(t.Rows, cells)
	}
	return t, nil
}
