package importer

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"plansite/generator/check"
	"plansite/generator/internal/editdist"
	"plansite/generator/plan"
)

// A Record is one row of a table as the data will hold it: the item it
// goes to (Area and Year, or the keys of an observation or a budget line)
// and the fields to set there, in the data files' order.
type Record struct {
	Kind   *Kind
	Area   string // an area's id; "" where the kind allows none
	Year   int
	Ref    map[string]string // policy, fund, target
	Fields []field
	Where  string // the row's first cell, for messages
}

// Rows reads the table as a table of kind (nil: the kind its header
// names) against the checked plan p, and returns its records. source is
// the source of rows without one (-source). Every problem names its cell.
func Rows(t *Table, kind *Kind, p *plan.Plan, source string) ([]Record, Problems) {
	var probs Problems
	bad := func(ref, vi, en string) { probs = append(probs, Problem{Where: t.At(ref), VI: vi, EN: en}) }
	head := -1
	for i, row := range t.Rows {
		if !emptyRow(row) {
			head = i
			break
		}
	}
	if head < 0 {
		bad("A1", "trang tính trống: dòng đầu là tên các cột, mỗi dòng sau là một số liệu (xem mẫu: generator import -template "+KindNames()+")",
			"the sheet is empty: the first row names the columns, each row after it is one figure (see the templates: generator import -template "+KindNames()+")")
		return nil, probs
	}
	header := t.Rows[head]
	if kind == nil {
		kind = detect(header)
		if kind == nil {
			bad(header[0].Ref, "không nhận ra loại bảng từ tên các cột: dùng một bảng mẫu (generator import -template "+KindNames()+"), hoặc chọn -kind",
				"cannot tell the kind of table from its column names: use a template (generator import -template "+KindNames()+"), or give -kind")
			return nil, probs
		}
	}
	cols := map[string]int{} // key → index in the row
	for i, c := range header {
		if strings.TrimSpace(c.Text) == "" {
			continue
		}
		found := false
		for _, col := range kind.Columns {
			if col.matches(c.Text) {
				if _, dup := cols[col.Key]; dup {
					bad(c.Ref, fmt.Sprintf("cột %q lặp lại: giữ một", c.Text), fmt.Sprintf("column %q appears twice: keep one", c.Text))
				}
				cols[col.Key], found = i, true
				break
			}
		}
		if !found && !ignored(c.Text) {
			probs = append(probs, Problem{Where: t.At(c.Ref), Warning: true,
				VI: fmt.Sprintf("cột %q không được nhập (các cột: %s)", c.Text, headers(kind)),
				EN: fmt.Sprintf("column %q is not imported (the columns: %s)", c.Text, headers(kind))})
		}
	}
	for _, col := range kind.Columns {
		if _, ok := cols[col.Key]; col.Need && !ok {
			bad(header[0].Ref, fmt.Sprintf("thiếu cột %q (%s)", col.VI, col.NoteVI), fmt.Sprintf("missing column %q (%s)", col.Key, col.NoteEN))
		}
	}
	if len(probs) > 0 && probs.Fatal() {
		return nil, probs
	}
	ix := newIndex(p)
	var recs []Record
	type total struct {
		year  int
		cells map[string]Cell
		vals  map[string]float64
	}
	var totals []total
	seen := map[string]string{}
	rows := 0
	for _, row := range t.Rows[head+1:] {
		if emptyRow(row) {
			continue
		}
		rows++
		cell := func(key string) Cell {
			i, ok := cols[key]
			if !ok {
				return Cell{}
			}
			if i < len(row) {
				return row[i]
			}
			ref := colName(header[i].Ref) + rowName(row[0].Ref)
			return Cell{Ref: ref}
		}
		rec := Record{Kind: kind, Ref: map[string]string{}, Where: t.At(row[0].Ref)}
		isTotal := false
		vals := map[string]float64{}
		rowOK := true
		for _, col := range kind.Columns {
			c := cell(col.Key)
			if c.Ref == "" {
				continue
			}
			text := strings.TrimSpace(c.Text)
			if Empty(text) {
				if col.Need {
					bad(c.Ref, fmt.Sprintf("ô trống: cần %s", col.NoteVI), fmt.Sprintf("empty cell: expected %s", col.NoteEN))
					rowOK = false
				}
				continue
			}
			switch col.Type {
			case colArea:
				if kind.Name == "households" && totalWords[normal(text)] {
					isTotal = true
					continue
				}
				id, ok := ix.area(text)
				if !ok {
					bad(c.Ref, fmt.Sprintf("không có địa phương %q trong areas.yaml: viết mã (ví dụ son-dong) hoặc tên đúng như trong areas.yaml%s", text, ix.suggestArea(text, plan.VI)),
						fmt.Sprintf("there is no area %q in areas.yaml: write its id (for example son-dong) or its name as areas.yaml has it%s", text, ix.suggestArea(text, plan.EN)))
					rowOK = false
					continue
				}
				rec.Area = id
			case colYear:
				y, err := strconv.Atoi(strings.TrimSuffix(text, ".0"))
				today := check.Today()
				switch {
				case err != nil || y < check.MinYear || y > check.MaxYear:
					bad(c.Ref, fmt.Sprintf("năm %q không hợp lệ: cần một năm từ %d đến %d", text, check.MinYear, check.MaxYear),
						fmt.Sprintf("year %q does not make sense: expected a year from %d to %d", text, check.MinYear, check.MaxYear))
					rowOK = false
				case y > today.Year():
					bad(c.Ref, fmt.Sprintf("năm %d ở tương lai (năm nay là %d)", y, today.Year()),
						fmt.Sprintf("year %d is in the future (this year is %d)", y, today.Year()))
					rowOK = false
				}
				rec.Year = y
			case colCount, colRate, colAmount, colValue:
				f, ok, vi, en := cellNumber(c, col.Type == colCount, col.Type == colRate)
				if !ok {
					bad(c.Ref, fmt.Sprintf("%s: %s", col.VI, vi), fmt.Sprintf("%s: %s", col.Key, en))
					rowOK = false
					continue
				}
				switch {
				case f < 0:
					bad(c.Ref, fmt.Sprintf("%s không thể âm (tìm thấy %s)", col.VI, text), fmt.Sprintf("%s cannot be negative (found %s)", col.Key, text))
					rowOK = false
					continue
				case col.Type == colRate && f > 100:
					bad(c.Ref, fmt.Sprintf("%s là phần trăm, từ 0 đến 100 (tìm thấy %s)", col.VI, text), fmt.Sprintf("%s is a percentage, from 0 to 100 (found %s)", col.Key, text))
					rowOK = false
					continue
				}
				vals[col.Key] = f
				rec.Fields = append(rec.Fields, field{col.Key, yamlNumber(f)})
			case colStatus:
				st, ok := statusWords[normal(text)]
				if !ok {
					bad(c.Ref, fmt.Sprintf("tình trạng %q không rõ: viết chính thức, sơ bộ hoặc ước tính", text),
						fmt.Sprintf("unknown status %q: write final, provisional or estimate", text))
					rowOK = false
					continue
				}
				rec.Fields = append(rec.Fields, field{col.Key, st})
			case colRef:
				if !ix.has(col.Key, text) {
					bad(c.Ref, fmt.Sprintf("không có %s %q trong %s: viết mã (id) đúng như trong tệp đó", refWords[col.Key][0], text, refWords[col.Key][2]),
						fmt.Sprintf("there is no %s %q in %s: write the id as that file has it", refWords[col.Key][1], text, refWords[col.Key][2]))
					rowOK = false
					continue
				}
				if col.Key == "source" {
					rec.Fields = append(rec.Fields, field{col.Key, yamlString(text)})
				} else {
					rec.Ref[col.Key] = text
				}
			}
		}
		if isTotal {
			cells := map[string]Cell{}
			for k := range vals {
				cells[k] = cell(k)
			}
			totals = append(totals, total{year: rec.Year, cells: cells, vals: vals})
			continue
		}
		if !rowOK {
			continue
		}
		if _, ok := cols["source"]; (!ok || !hasField(rec, "source")) && source != "" {
			rec.Fields = append(rec.Fields, field{"source", yamlString(source)})
		}
		if !hasField(rec, "source") {
			bad(row[0].Ref, "dòng không có nguồn: điền cột Nguồn (mã trong sources.yaml), hoặc cho cả bảng: generator import -source MÃ",
				"the row has no source: fill in the source column (an id of sources.yaml), or for the whole table: generator import -source ID")
			continue
		}
		if kind.Name == "households" && len(vals) == 0 {
			bad(row[0].Ref, "dòng không có số liệu nào: điền ít nhất một cột số hộ hoặc tỷ lệ, hoặc xóa dòng",
				"the row has no figure: fill in at least one count or rate, or remove the row")
			continue
		}
		if kind.Name == "budget" && !hasField(rec, "planned") && !hasField(rec, "allocated") && !hasField(rec, "disbursed") {
			bad(row[0].Ref, "dòng không có số tiền: điền ít nhất một cột kế hoạch, được giao hoặc giải ngân",
				"the row has no amount: fill in at least one of planned, allocated or disbursed")
			continue
		}
		key := rec.key()
		if first, dup := seen[key]; dup {
			bad(row[0].Ref, fmt.Sprintf("dòng này lặp lại dòng %s (cùng địa phương, năm và mã)", first),
				fmt.Sprintf("this row repeats row %s (same area, year and ids)", first))
			continue
		}
		seen[key] = rowName(row[0].Ref)
		if w := rateWarning(t, kind, vals, cell); w != nil {
			probs = append(probs, *w)
		}
		recs = append(recs, rec)
	}
	if rows == 0 {
		bad(header[0].Ref, "bảng chỉ có dòng tên cột, chưa có số liệu nào", "the table has only its header row, and no figures")
	}
	// A total row must be the sum of the rows of its year.
	for _, tot := range totals {
		keys := make([]string, 0, len(tot.vals))
		for k := range tot.vals {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			col := columnOf(kind, k)
			if col.Type != colCount && col.Type != colAmount {
				continue
			}
			sum, n := 0.0, 0
			for _, r := range recs {
				if r.Year != tot.year {
					continue
				}
				for _, f := range r.Fields {
					if f.key == k {
						v, _ := strconv.ParseFloat(f.value, 64)
						sum += v
						n++
					}
				}
			}
			if n > 0 && math.Abs(sum-tot.vals[k]) > 1e-6 {
				bad(tot.cells[k].Ref, fmt.Sprintf("dòng tổng ghi %s %s, nhưng %d dòng năm %d cộng lại được %s: sửa dòng tổng hoặc các dòng trên", col.VI, yamlNumber(tot.vals[k]), n, tot.year, yamlNumber(sum)),
					fmt.Sprintf("the total row says %s %s, but the %d rows of %d add up to %s: correct the total or the rows above", k, yamlNumber(tot.vals[k]), n, tot.year, yamlNumber(sum)))
			}
		}
	}
	return recs, probs
}

var refWords = map[string][3]string{
	"policy": {"chính sách", "policy", "policies.yaml"},
	"fund":   {"nguồn vốn", "fund", "budget.yaml"},
	"target": {"chỉ tiêu", "target", "targets.yaml"},
	"source": {"nguồn", "source", "sources.yaml"},
}

// rateWarning warns of a rate that differs from the one its counts give:
// tables do hold such, so it is said, not refused.
func rateWarning(t *Table, kind *Kind, vals map[string]float64, cell func(string) Cell) *Problem {
	if kind.Name != "households" {
		return nil
	}
	for _, r := range [][3]string{{"poor_rate", "poor_households", "households"}, {"near_poor_rate", "near_poor_households", "households"}} {
		rate, ok1 := vals[r[0]]
		n, ok2 := vals[r[1]]
		all, ok3 := vals[r[2]]
		if !ok1 || !ok2 || !ok3 || all == 0 {
			continue
		}
		if got := n / all * 100; math.Abs(got-rate) > 0.05 {
			return &Problem{Where: t.At(cell(r[0]).Ref), Warning: true,
				VI: fmt.Sprintf("tỷ lệ ghi %s%% khác tỷ lệ tính từ số hộ %s / %s = %.2f%%", yamlNumber(rate), yamlNumber(n), yamlNumber(all), got),
				EN: fmt.Sprintf("the stated rate %s%% differs from the rate its counts give, %s / %s = %.2f%%", yamlNumber(rate), yamlNumber(n), yamlNumber(all), got)}
		}
	}
	return nil
}

func (r Record) key() string {
	return fmt.Sprintf("%s|%d|%s|%s|%s", r.Area, r.Year, r.Ref["policy"], r.Ref["fund"], r.Ref["target"])
}

func hasField(r Record, key string) bool {
	for _, f := range r.Fields {
		if f.key == key {
			return true
		}
	}
	return false
}

func columnOf(k *Kind, key string) Column {
	for _, c := range k.Columns {
		if c.Key == key {
			return c
		}
	}
	return Column{}
}

// detect is the kind whose required columns the header has and that
// names most of its cells, or nil.
func detect(header []Cell) *Kind {
	var best *Kind
	bestN := 0
	for _, k := range Kinds {
		n, all := 0, true
		for _, col := range k.Columns {
			found := false
			for _, c := range header {
				found = found || col.matches(c.Text)
			}
			if found {
				n++
			}
			all = all && (found || !col.Need)
		}
		if all && n > bestN {
			best, bestN = k, n
		}
	}
	return best
}

// ignored are columns tables have that are no data: the row number, notes.
func ignored(h string) bool {
	switch normal(h) {
	case "stt", "tt", "số tt", "ghi chú", "note", "notes", "no.", "#":
		return true
	}
	return false
}

func headers(k *Kind) string {
	var hs []string
	for _, c := range k.Columns {
		hs = append(hs, c.VI)
	}
	return strings.Join(hs, ", ")
}

func emptyRow(row []Cell) bool {
	for _, c := range row {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

func colName(ref string) string { return strings.TrimRight(ref, "0123456789") }
func rowName(ref string) string { return strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") }

// index looks up the plan's ids and names.
type index struct {
	p     *plan.Plan
	ids   map[string]map[string]bool
	names map[string]string // areaName → id
}

func newIndex(p *plan.Plan) *index {
	ix := &index{p: p, ids: map[string]map[string]bool{"policy": {}, "fund": {}, "target": {}, "source": {}, "area": {}}, names: map[string]string{}}
	for _, x := range p.Policies {
		ix.ids["policy"][x.ID] = true
	}
	for _, x := range p.Funds {
		ix.ids["fund"][x.ID] = true
	}
	for _, x := range p.Targets {
		ix.ids["target"][x.ID] = true
	}
	for _, x := range p.Sources {
		ix.ids["source"][x.ID] = true
	}
	for _, a := range p.Areas {
		ix.ids["area"][a.ID] = true
		ix.names[areaName(a.Name.VI)] = a.ID
		if a.Name.EN != "" {
			if _, taken := ix.names[areaName(a.Name.EN)]; !taken {
				ix.names[areaName(a.Name.EN)] = a.ID
			}
		}
	}
	return ix
}

func (ix *index) has(kind, id string) bool { return ix.ids[kind][id] }

func (ix *index) area(s string) (string, bool) {
	if ix.ids["area"][s] {
		return s, true
	}
	id, ok := ix.names[areaName(s)]
	return id, ok
}

// suggestArea names the area whose name is nearest to s, when one is
// close: ", có phải là Sơn Động (son-dong)?".
func (ix *index) suggestArea(s string, lang plan.Lang) string {
	best, bestD := "", 3
	name := areaName(s)
	for _, a := range ix.p.Areas {
		if d := editdist.Distance(name, areaName(a.Name.VI)); d < bestD {
			best, bestD = fmt.Sprintf("%s (%s)", a.Name.VI, a.ID), d
		}
	}
	switch {
	case best == "":
		return ""
	case lang == plan.VI:
		return "; có phải là " + best + "?"
	}
	return "; did you mean " + best + "?"
}
