package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"plansite/generator/check"
	"plansite/generator/markdown"
	"plansite/generator/plan"
)

// Placeholder is what the scaffolds write where text is to come.
const Placeholder = markdown.Placeholder

// A field is a key of the front matter and its type; title is the one
// every page must have.
type field struct {
	key, kind string // kind: text, date, bool, int
	vi, en    string // what it says
}

// Fields is the front matter's schema, in the order the guides list it.
var Fields = []field{
	{"title", "text", "tiêu đề của trang", "the page's title"},
	{"description", "text", "một câu tóm tắt, cho công cụ tìm kiếm và mạng xã hội", "a one-sentence summary, for search engines and social media"},
	{"date", "date", "ngày đăng, YYYY-MM-DD (bắt buộc với tin tức)", "the date published, YYYY-MM-DD (required for news)"},
	{"draft", "bool", "true: bản nháp, không được đăng", "true: a draft, not published"},
	{"menu", "bool", "true: hiện trong thanh điều hướng chính", "true: listed in the main navigation"},
	{"weight", "int", "thứ tự trong thanh điều hướng (các mục có sẵn là 10, 20, … 90)", "its place in the navigation (the built-in items are 10, 20, … 90)"},
}

func keyNames() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = f.key
	}
	return strings.Join(names, ", ")
}

// parse reads the front matter and body of the page's text into pg and
// checks them.
func parse(pg *plan.Page, src string) plan.Problems {
	id := pg.Slug
	if pg.Section == plan.PageAbout {
		id = AboutFile
	}
	at := func(line, col int) plan.Pos { return plan.Pos{File: pg.File, Line: line, Col: col} }
	var probs plan.Problems
	bad := func(pos plan.Pos, vi, en string) { probs = append(probs, problem(pos, id, vi, en)) }
	if !utf8.ValidString(src) {
		bad(at(1, 1), "tệp không phải văn bản UTF-8: lưu lại với mã hóa UTF-8", "the file is not UTF-8 text: save it again as UTF-8")
		return probs
	}
	src = strings.TrimPrefix(strings.ReplaceAll(src, "\r\n", "\n"), "\ufeff")
	if !strings.HasPrefix(src, "---\n") {
		bad(at(1, 1), "trang phải bắt đầu bằng phần đầu (front matter) giữa hai dòng ---, có ít nhất title: …",
			"a page must start with its front matter between two --- lines, with at least title: …")
		return probs
	}
	end := strings.Index(src[3:], "\n---\n")
	if end < 0 && strings.HasSuffix(src, "\n---") {
		end = len(src) - 3 - 4
	}
	if end < 0 {
		bad(at(1, 1), "phần đầu (front matter) không có dòng --- kết thúc: thêm một dòng --- sau khóa cuối cùng",
			"the front matter has no closing --- line: add a --- line after its last key")
		return probs
	}
	head := src[4 : 3+end+1]
	bodyStart := min(3+end+5, len(src))
	body := src[bodyStart:]
	bodyLine := strings.Count(src[:bodyStart], "\n") + 1
	pg.Body, pg.BodyLine = body, bodyLine

	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(head), &doc); err != nil {
		line := 2
		msg := err.Error()
		if _, after, ok := strings.Cut(msg, "line "); ok {
			digits := strings.IndexFunc(after, func(r rune) bool { return r < '0' || r > '9' })
			if digits < 0 {
				digits = len(after)
			}
			if n, err := strconv.Atoi(after[:digits]); err == nil {
				line = n + 1
			}
		}
		bad(at(line, 1), "phần đầu (front matter) không đọc được như YAML: mỗi dòng là khóa: giá trị",
			"the front matter cannot be read as YAML: each line is key: value")
		return probs
	}
	seen := map[string]bool{}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			kpos, vpos := at(k.Line+1, k.Column), at(v.Line+1, v.Column)
			f, ok := lookup(k.Value)
			if !ok {
				bad(kpos, fmt.Sprintf("khóa %q không có trong phần đầu của trang: dùng %s", k.Value, keyNames()),
					fmt.Sprintf("unknown key %q in the page's front matter: use %s", k.Value, keyNames()))
				continue
			}
			if seen[k.Value] {
				bad(kpos, fmt.Sprintf("khóa %s viết hai lần: giữ một", k.Value), fmt.Sprintf("key %s is written twice: keep one", k.Value))
				continue
			}
			seen[k.Value] = true
			if v.Kind != yaml.ScalarNode {
				bad(vpos, fmt.Sprintf("%s phải là một giá trị trên một dòng (%s)", k.Value, f.vi),
					fmt.Sprintf("%s must be one value on its line (%s)", k.Value, f.en))
				continue
			}
			switch f.kind {
			case "text":
				s := strings.TrimSpace(v.Value)
				if k.Value == "title" {
					pg.Title = s
					if s == Placeholder {
						bad(vpos, "tiêu đề vẫn là chỗ trống “…” của bản mẫu: viết tiêu đề", "the title is still the scaffold's “…”: write the title")
					}
				} else {
					pg.Description = s
				}
				if strings.Contains(s, "{{") {
					bad(vpos, fmt.Sprintf("%s không được chứa {{", k.Value), fmt.Sprintf("%s must not hold {{", k.Value))
				}
			case "date":
				d, err := time.Parse("2006-01-02", v.Value)
				switch today := check.Today(); {
				case err != nil:
					bad(vpos, fmt.Sprintf("date %q: viết ngày theo dạng năm-tháng-ngày, ví dụ 2014-06-30", v.Value),
						fmt.Sprintf("date %q: write the date as year-month-day, for example 2014-06-30", v.Value))
				case d.After(today):
					// Hugo would leave a page dated in the future out, silently.
					bad(vpos, fmt.Sprintf("date %s ở tương lai (hôm nay là %s): ghi ngày đăng, không phải ngày dự kiến", v.Value, today.Format("2006-01-02")),
						fmt.Sprintf("date %s is in the future (today is %s): give the date published, not a date planned", v.Value, today.Format("2006-01-02")))
				}
				pg.Date = v.Value
			case "bool":
				b, ok := map[string]bool{"true": true, "false": false}[v.Value]
				if !ok || v.Style != 0 {
					bad(vpos, fmt.Sprintf("%s là true hoặc false (không phải %q)", k.Value, v.Value),
						fmt.Sprintf("%s is true or false (not %q)", k.Value, v.Value))
				}
				if k.Value == "draft" {
					pg.Draft = b
				} else {
					pg.Menu = b
				}
			case "int":
				n, err := strconv.Atoi(v.Value)
				if err != nil || v.Style != 0 {
					bad(vpos, fmt.Sprintf("%s là một số nguyên, ví dụ 95 (không phải %q)", k.Value, v.Value),
						fmt.Sprintf("%s is a whole number, for example 95 (not %q)", k.Value, v.Value))
				}
				pg.Weight = n
			}
		}
	} else if strings.TrimSpace(head) != "" {
		bad(at(2, 1), "phần đầu (front matter) phải là các dòng khóa: giá trị", "the front matter must be lines of key: value")
		return probs
	}
	if pg.Title == "" { // the one required key: missing, or empty
		f, _ := lookup("title")
		bad(at(1, 1), fmt.Sprintf("thiếu khóa %s (%s) trong phần đầu", f.key, f.vi), fmt.Sprintf("missing key %s (%s) in the front matter", f.key, f.en))
	}
	if pg.Section == plan.PageNews && !seen["date"] {
		bad(at(1, 1), "tin tức cần ngày đăng: thêm date: YYYY-MM-DD vào phần đầu", "a news item needs its date: add date: YYYY-MM-DD to the front matter")
	}
	if pg.Section != plan.PageAbout && (seen["menu"] || seen["weight"]) {
		bad(at(1, 1), "chỉ trang giới thiệu có thể nằm trong thanh điều hướng: bỏ menu và weight",
			"only the about page can be in the navigation: remove menu and weight")
	}
	probs = append(probs, checkBody(pg, body, bodyLine, id)...)
	return probs
}

func lookup(key string) (field, bool) {
	for _, f := range Fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// bodyPos is the position in the file of the byte at offset in the body,
// which starts at line first.
func bodyPos(file, body string, first, offset int) plan.Pos {
	before := body[:min(offset, len(body))]
	line := first + strings.Count(before, "\n")
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return plan.Pos{File: file, Line: line, Col: col}
}

// checkBody refuses raw HTML, unsafe links and shortcodes, and finds the
// scaffolds' placeholders: fatal in a page to publish, a warning in a
// draft.
func checkBody(pg *plan.Page, body string, first int, id string) plan.Problems {
	var probs plan.Problems
	for _, f := range markdown.Flaws(body) {
		pos := bodyPos(pg.File, body, first, f.Offset)
		switch f.Kind {
		case markdown.RawHTML:
			probs = append(probs, problem(pos, id,
				fmt.Sprintf("không dùng HTML trong trang (%s): viết bằng markdown", f.Detail),
				fmt.Sprintf("raw HTML is not allowed in a page (%s): write it in markdown", f.Detail)))
		case markdown.UnsafeLink:
			if shortcut(f.Detail) {
				continue // checked with the other links
			}
			probs = append(probs, problem(pos, id,
				fmt.Sprintf("liên kết %q không được phép: chỉ dùng địa chỉ https://, http://, mailto:, đường dẫn trong trang (/chi-tieu/2a/) hoặc lối tắt (chi-tieu:2a)", f.Detail),
				fmt.Sprintf("link %q is not allowed: use https://, http://, mailto: addresses, site paths (/chi-tieu/2a/) or shortcuts (chi-tieu:2a)", f.Detail)))
		case markdown.Shortcode:
			probs = append(probs, problem(pos, id,
				fmt.Sprintf("trang không được chứa shortcode của Hugo (%s): trang web sẽ chạy nó như một lệnh; xóa đi, hoặc viết “{ {” có dấu cách", f.Detail),
				fmt.Sprintf("a page must not hold a Hugo shortcode (%s): the site would run it as a command; remove it, or write “{ {” with a space", f.Detail)))
		}
	}
	for _, off := range markdown.Placeholders(body) {
		p := problem(bodyPos(pg.File, body, first, off), id,
			"vẫn còn chỗ trống “…” của bản mẫu: viết nội dung vào đó, hoặc xóa dòng",
			"the scaffold's placeholder “…” is still here: write the text, or remove the line")
		if pg.Draft {
			p.Severity = plan.Warning
		}
		probs = append(probs, p)
	}
	return probs
}
