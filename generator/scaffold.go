package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"plansite/generator/check"
	"plansite/generator/pipeline"
	"plansite/generator/plan"
	"plansite/generator/schema"
)

// The scaffolds write new data files for editors to fill in, each in its
// own file of a kind's folder (reports/, observations/) so that no
// existing file is rewritten:
//
//	generator new report -date 2014-06-30   reports/bao-cao-2014-6-thang.yaml
//	generator new year 2016                 observations/2016.yaml
//
// What they write passes check as it is: a report is a draft (draft:
// true), which build does not publish, and its sections hold "…" to be
// replaced, which check warns of until then and refuses once the draft
// line is removed; an observation without value and source is an empty
// slot, which the site does not show until it is filled in.

// checkedQuietly loads and checks the data the scaffold (or an import)
// builds on, drafts included and the pages of content/ left out: they
// write data, which a problem in a page does not concern. It prints the
// problems only when one of them is fatal.
func checkedQuietly(cfg config, stderr io.Writer) (*plan.Plan, error) {
	if err := dataFolder(cfg.data); err != nil {
		return nil, err
	}
	c, probs, err := pipeline.CheckSite(pipeline.Input{Data: cfg.data, Drafts: true}, nil)
	if errors.Is(err, errBadData) {
		printProblems(stderr, probs, cfg)
	}
	if err != nil {
		return nil, err
	}
	return c.Plan, nil
}

// A scaffold is a new data file: its kind (reports), its name in the
// kind's folder and its text after the schema line.
type scaffold struct {
	kind, name, text string
}

// write creates the file in cfg.data/kind/, never over an existing one,
// and returns its path.
func (s scaffold) write(cfg config) (string, error) {
	dir := filepath.Join(cfg.data, s.kind)
	path := filepath.Join(dir, s.name)
	if _, err := os.Stat(path); err == nil {
		return "", fmt.Errorf("%s exists already: edit it, or remove it to start again", path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	text := s.text
	if line := schemaLine(dir, s.kind); line != "" {
		text = line + "\n" + text
	}
	return path, os.WriteFile(path, []byte(text), 0o644)
}

// schemaLine is the first line naming the kind's schema, by a path
// relative to dir: the schemas/ folder of the nearest folder above dir
// that has one. It is "" when there is none.
func schemaLine(dir, kind string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for depth, d := 0, abs; ; depth++ {
		if _, err := os.Stat(filepath.Join(d, schema.Dir, schema.File(kind))); err == nil {
			return schema.Comment(kind, depth)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// newReport writes the skeleton of a periodic report: its id, date,
// period, reporting agency, title, and a body in both languages with the
// headings a report on the plan has.
func newReport(cfg config, date, period string, stdout, stderr io.Writer) error {
	if date == "" {
		return usageError("give the report's date: -date 2014-06-30")
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil || d.Year() < check.MinYear || d.Year() > check.MaxYear {
		return usageError(fmt.Sprintf("-date %q: write the date as year-month-day, for example 2014-06-30", date))
	}
	if today := check.Today(); d.After(today) {
		return usageError(fmt.Sprintf("-date %s is after today (%s): a report is written once its period is over; give the date it was issued", date, today.Format("2006-01-02")))
	}
	// A report covers the half-year or year that ends before it: a 6-month
	// report is dated from late June, a yearly one from December to the
	// following March.
	year := d.Year()
	switch {
	case period == "" && d.Month() >= time.April && d.Month() <= time.September:
		period = plan.EveryHalfYear
	case period == "":
		period = plan.EveryYear
	case period != plan.EveryHalfYear && period != plan.EveryYear:
		return usageError(fmt.Sprintf("-period must be %s or %s (got %q)", plan.EveryHalfYear, plan.EveryYear, period))
	}
	if period == plan.EveryYear && d.Month() <= time.March {
		year--
	}
	p, err := checkedQuietly(cfg, stderr)
	if err != nil {
		return err
	}
	id := fmt.Sprintf("bao-cao-%d-nam", year)
	if period == plan.EveryHalfYear {
		id = fmt.Sprintf("bao-cao-%d-6-thang", year)
	}
	for _, r := range p.Reports {
		if r.ID == id {
			return fmt.Errorf("report %s exists already at %s", id, r.At("id"))
		}
	}
	agency := ""
	for _, du := range p.Document.Reporting {
		if du.Every == period || agency == "" {
			agency = du.To
		}
	}
	path, err := scaffold{kind: "reports", name: id + ".yaml", text: reportText(p, id, date, period, agency, year)}.write(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: a draft; write the report where \"…\" stands, remove the line draft: true, then run make check\n", path)
	return nil
}

func reportText(p *plan.Plan, id, date, period, agency string, year int) string {
	var b strings.Builder
	titleVI := fmt.Sprintf("Báo cáo kết quả thực hiện Kế hoạch năm %d", year)
	titleEN := fmt.Sprintf("Report on the plan, %d", year)
	nextVI, nextEN := fmt.Sprintf("Nhiệm vụ năm %d", year+1), fmt.Sprintf("Tasks for %d", year+1)
	asOfVI, asOfEN := fmt.Sprintf("năm %d", year), fmt.Sprintf("%d", year)
	if period == plan.EveryHalfYear {
		titleVI = fmt.Sprintf("Báo cáo kết quả thực hiện Kế hoạch 6 tháng đầu năm %d", year)
		titleEN = fmt.Sprintf("Report on the plan, first half of %d", year)
		nextVI, nextEN = "Nhiệm vụ 6 tháng cuối năm", "Tasks for the second half"
		asOfVI, asOfEN = fmt.Sprintf("30/6/%d", year), fmt.Sprintf("30 June %d", year)
	}
	fmt.Fprintf(&b, "# %s: viết nội dung vào chỗ có dấu \"…\", rồi chạy make check.\n", titleVI)
	fmt.Fprintf(&b, "# %s: write the text where \"…\" stands, then run make check.\n", titleEN)
	b.WriteString("reports:\n")
	fmt.Fprintf(&b, "  - id: %s\n    date: %q\n    period: %s\n", id, date, period)
	b.WriteString("    # bản nháp: không được đăng; xóa dòng này khi báo cáo đã viết xong / a draft, not published: remove this line once the report is written\n")
	b.WriteString("    draft: true\n")
	if agency != "" {
		fmt.Fprintf(&b, "    agency: %s\n", agency)
	}
	fmt.Fprintf(&b, "    title:\n      vi: %q\n      en: %q\n", titleVI, titleEN)
	b.WriteString("    # source: mã của báo cáo đã công bố trong sources.yaml, nếu có / the published report's id in sources.yaml, if any\n")
	b.WriteString("    body:\n")
	for _, lang := range plan.Langs {
		h := map[plan.Lang][6]string{
			plan.VI: {"Tình hình chung", "Kết quả thực hiện các chỉ tiêu", "Thực hiện các chính sách, dự án", "Kinh phí", "Khó khăn, vướng mắc", nextVI},
			plan.EN: {"Overview", "Results against the targets", "Policies and projects", "Funding", "Difficulties", nextEN},
		}[lang]
		fmt.Fprintf(&b, "      %s: |\n", lang)
		line := func(s string) {
			if s == "" {
				b.WriteString("\n")
				return
			}
			b.WriteString("        " + s + "\n")
		}
		line("## " + h[0])
		line("")
		line("…")
		line("")
		line("## " + h[1])
		line("")
		if lang == plan.VI {
			line("| Chỉ tiêu | Kết quả " + asOfVI + " | Nguồn |")
		} else {
			line("| Target | Result, " + asOfEN + " | Source |")
		}
		line("|---|---:|---|")
		for _, t := range p.Targets {
			line("| " + t.ID + ": " + tableCell(t.Name.In(lang)) + " | … | … |")
		}
		for _, heading := range h[2:] {
			line("")
			line("## " + heading)
			line("")
			line("…")
		}
	}
	return b.String()
}

// tableCell keeps text from breaking a markdown table row.
func tableCell(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
}

// newYear writes an empty observation for every target that takes its
// values from observations.yaml and has none for the year yet, so that
// an editor fills in value and source for each.
func newYear(cfg config, arg string, stdout, stderr io.Writer) error {
	year, err := strconv.Atoi(arg)
	if err != nil || year < check.MinYear || year > check.MaxYear {
		return usageError(fmt.Sprintf("%q is not a year: generator new year 2016", arg))
	}
	p, err := checkedQuietly(cfg, stderr)
	if err != nil {
		return err
	}
	type key struct{ target, area string }
	have := map[key]plan.Pos{}
	for _, o := range p.Observations {
		if o.Year == year && o.Half == 0 && o.Value != nil {
			have[key{o.Target, o.Area}] = o.Pos
		}
	}
	has := func(k key) bool { _, ok := have[k]; return ok }
	var b strings.Builder
	fmt.Fprintf(&b, "# Kết quả năm %d: điền value (số, dấu chấm thập phân) và source (mã trong sources.yaml) cho mỗi chỉ tiêu;\n", year)
	b.WriteString("# mục chưa điền cả hai được bỏ qua. Rồi chạy make check.\n")
	fmt.Fprintf(&b, "# Results for %d: fill in value (a number, decimal point) and source (an id in sources.yaml) for each\n", year)
	b.WriteString("# target; an item with neither is skipped. Then run make check.\n")
	b.WriteString("observations:\n")
	slots, skipped := 0, 0
	for _, t := range p.Targets {
		label := t.ID + " — " + strings.Join(strings.Fields(t.Name.VI), " ")
		if t.Name.EN != "" {
			label += " / " + strings.Join(strings.Fields(t.Name.EN), " ")
		}
		fmt.Fprintf(&b, "  # %s (%s)\n", label, t.Unit)
		switch {
		case t.Measure != "":
			fmt.Fprintf(&b, "  #   số liệu lấy từ areas.yaml: thêm figures năm %d (%s) của địa bàn %s\n", year, t.Measure, t.Scope)
			fmt.Fprintf(&b, "  #   its values come from areas.yaml: add the %d figures (%s) of area %s\n", year, t.Measure, t.Scope)
			skipped++
		case t.Goal.Qualitative:
			b.WriteString("  #   chỉ tiêu định tính, không có số liệu / qualitative: no figure\n")
			skipped++
		case has(key{t.ID, ""}) || has(key{t.ID, t.Scope}):
			pos, ok := have[key{t.ID, ""}]
			if !ok {
				pos = have[key{t.ID, t.Scope}]
			}
			fmt.Fprintf(&b, "  #   đã có số liệu năm %d / already has its %d figure: %s\n", year, year, pos)
			skipped++
		default:
			fmt.Fprintf(&b, "  - target: %s\n    year: %d\n    value:\n    status: final\n    source:\n", t.ID, year)
			slots++
		}
	}
	if slots == 0 {
		fmt.Fprintf(stdout, "nothing to add: every target has its %d figure or takes it from areas.yaml\n", year)
		return nil
	}
	path, err := scaffold{kind: "observations", name: strconv.Itoa(year) + ".yaml", text: b.String()}.write(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d targets to fill in (value and source); %d have theirs elsewhere\n", path, slots, skipped)
	return nil
}
