package opendata

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsx writes the table as an Excel workbook of one sheet, named after
// the table: the header row in bold, then the rows, numbers as numbers
// and a missing value an empty cell. Excel opens it as it is, where a CSV
// file without a byte-order mark garbles Vietnamese on Windows. A text
// cell is text, never a formula. Written by excelize's stream writer,
// which holds one row at a time, and without a clock: the same table
// gives the same bytes.
func (t *table) xlsx() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(t.columns))
	for i, c := range t.columns {
		head[i] = excelize.Cell{StyleID: bold, Value: c.name}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{}); err != nil {
		return nil, err
	}
	row := make([]any, len(t.columns))
	for r, values := range t.rows {
		for i, v := range values {
			switch v := v.(type) {
			case []string:
				row[i] = strings.Join(v, ListSep)
			default:
				row[i] = v
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return nil, fmt.Errorf("opendata: %s row %d: %w", t.name, r+1, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// xlsxRows counts the data rows of a workbook's first sheet (the header
// row excluded); 0 for a file that is not one.
func xlsxRows(b []byte) int {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return 0
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		return 0
	}
	return max(len(rows)-1, 0)
}
