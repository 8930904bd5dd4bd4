package importer

import (
	"bytes"
	"time"

	"github.com/xuri/excelize/v2"
)

// TemplateSheet and NotesSheet are the sheets of a template: the table to
// fill in, and what each of its columns holds.
const (
	TemplateSheet = "Bang"
	NotesSheet    = "Ghi chu"
)

// Template is an empty workbook for the kind: its columns' headers on the
// first sheet, and a notes sheet saying, in both languages, what each
// holds and how numbers may be written. The same kind gives the same
// bytes.
func Template(k *Kind) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateSheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for i, c := range k.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(TemplateSheet, ref, c.Header()); err != nil {
			return nil, err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(TemplateSheet, col, col, 24)
	}
	last, _ := excelize.CoordinatesToCellName(len(k.Columns), 1)
	_ = f.SetCellStyle(TemplateSheet, "A1", last, bold)
	if _, err := f.NewSheet(NotesSheet); err != nil {
		return nil, err
	}
	rows := [][]string{
		{k.VI, k.EN},
		{"Mỗi dòng là một số liệu; dòng đầu giữ nguyên tên cột. Rồi chạy: go run ./generator import TỆP (thêm -dry-run để xem trước).",
			"Each row is one figure; keep the first row's column names. Then run: go run ./generator import FILE (add -dry-run to see the changes first)."},
		{"Số viết 8,5 hoặc 8.5; số hộ viết 44541 hoặc 44.541. Ô trống hoặc “-” là chưa có số liệu (không ghi 0).",
			"Numbers as 8,5 or 8.5; counts of households as 44541 or 44.541. An empty cell or “-” is no figure (never write 0)."},
		{"", ""},
		{"Cột", "Column"},
	}
	for _, c := range k.Columns {
		need := ""
		if c.Need {
			need = " (bắt buộc / required)"
		}
		rows = append(rows, []string{c.Header() + need + ": " + c.NoteVI, c.Key + ": " + c.NoteEN})
	}
	for i, r := range rows {
		for j, s := range r {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(NotesSheet, ref, s); err != nil {
				return nil, err
			}
		}
	}
	_ = f.SetColWidth(NotesSheet, "A", "B", 80)
	_ = f.SetCellStyle(NotesSheet, "A1", "B1", bold)
	// No clock time in a file that is committed and compared.
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Created: epoch, Modified: epoch, Creator: "plansite generator import -template"}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
