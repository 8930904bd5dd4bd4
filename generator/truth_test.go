package main

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Truth in presentation (issue #14): each figure on a built page is shown as
// what it is. These tests read the pages as a reader sees them, as text, so
// that they hold whatever the layout around the figures.

var (
	reTag   = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)
	reSpace = regexp.MustCompile(`\s+`)
)

// pageText is the visible text of a built page, one space between words.
func pageText(t *testing.T, public, page string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := reTag.ReplaceAllString(string(b), " ")
	return reSpace.ReplaceAllString(html.UnescapeString(s), " ")
}

// definition is the text of the <dd> that follows the <dt> reading term.
func definition(t *testing.T, public, page, term string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?s)<dt>` + regexp.QuoteMeta(term) + `</dt>\s*<dd>(.*?)</dd>`)
	m := re.FindStringSubmatch(string(b))
	if m == nil {
		t.Fatalf("%s: no <dt>%s</dt>", page, term)
	}
	return strings.TrimSpace(reSpace.ReplaceAllString(html.UnescapeString(reTag.ReplaceAllString(m[1], " ")), " "))
}

// A level carries the indicator's unit; only a change is in points.
func TestLevelsAreNotPoints(t *testing.T) {
	public := siteOf(t, "../examples/demo")
	for _, tc := range []struct{ page, term, want, never string }{
		{"/chi-tieu/2a-son-dong/", "Mốc xuất phát", "45,2 % (2012)", "điểm"},
		{"/en/indicators/2a-son-dong/", "Baseline", "45.2 % (2012)", "points"},
	} {
		got := definition(t, public, tc.page, tc.term)
		if !strings.Contains(got, tc.want) || (tc.never != "" && strings.Contains(got, tc.never)) {
			t.Errorf("%s: %s = %q, want %q without %q", tc.page, tc.term, got, tc.want, tc.never)
		}
	}
	// The latest value is a level, the yearly fall a change, in the
	// answer and in how the status is computed.
	for _, tc := range []struct{ page, want string }{
		{"/chi-tieu/2a-son-dong/", "giảm 4,50 điểm % mỗi năm (đến 31,7 % năm 2015)"},
		{"/chi-tieu/2a-son-dong/", "2012–2013 4,50 điểm %"},
		{"/en/indicators/2a-son-dong/", "4.50 points"},
	} {
		if text := pageText(t, public, tc.page); !strings.Contains(text, tc.want) {
			t.Errorf("%s: no %q", tc.page, tc.want)
		}
	}
	for _, page := range []string{"/chi-tieu/2a-son-dong/", "/en/indicators/2a-son-dong/"} {
		if text := pageText(t, public, page); regexp.MustCompile(`31[,.]7 (điểm|points)`).MatchString(text) {
			t.Errorf("%s: the latest level 31,7 is labelled as points", page)
		}
	}
}

// Rates of different years are never ranked against each other: the shipped
// data's latest district rates are of 2013 (Hiệp Hòa) and 2010 (Sơn Động).
func TestRankingsOnlyWithinAYear(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct{ page, note string }{
		{"/", "không xếp hạng giữa các năm"},
		{"/dia-phuong/", "không xếp hạng giữa các năm"},
		{"/en/districts/", "not compared or ranked across years"},
	} {
		text := pageText(t, public, tc.page)
		if !strings.Contains(text, tc.note) {
			t.Errorf("%s: no note %q", tc.page, tc.note)
		}
		if m := regexp.MustCompile(`\b[12]/2\b`).FindString(text); m != "" {
			t.Errorf("%s: shows a rank %q across years", tc.page, m)
		}
	}
	text := pageText(t, public, "/dia-phuong/")
	for _, want := range []string{"Hiệp Hòa 6,41 % (2013)", "Sơn Động 53,34 % (2010)", "Số liệu mới nhất có được"} {
		if !strings.Contains(text, want) {
			t.Errorf("/dia-phuong/: no %q", want)
		}
	}
}

// Budget lines add up only within one set (one year, one document). The
// shipped data's lines are a 2013 loan plan, loans paid out in three
// communes of Lạng Giang in 2013 and 2015 loans under Decision 28: never
// one flow of money, and no cost per household from loans.
func TestBudgetAddsOnlyWhatBelongsTogether(t *testing.T) {
	public := siteOf(t, "../data")
	text := pageText(t, public, "/ngan-sach/")
	for _, never := range []string{"Tổng vốn: kế hoạch → đã giao → đã giải ngân", "4,9 theo số đã giao"} {
		if strings.Contains(text, never) {
			t.Errorf("/ngan-sach/: shows %q", never)
		}
	}
	for _, want := range []string{
		"không được cộng thành một tổng",
		"2015 Tín dụng ưu đãi của Ngân hàng Chính sách xã hội Lạng Giang",
		"Quyết định 28/QĐ-TTg",
		"30.000 tổng của 10/10 dòng có số này",
		"14.000 tổng của 1/1 dòng có số này",
		"33.600 tổng của 1/1 dòng có số này",
		"Không cộng: 12 dòng thuộc 3 văn bản hoặc năm khác nhau.",
		"không so sánh được: chỉ có vốn vay tín dụng", // in the table's explanations, which the cell links to
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/ngan-sach/: no %q", want)
		}
	}
	if home := pageText(t, public, "/"); strings.Contains(home, "33.600") || !strings.Contains(home, "không cộng được thành một tổng") {
		t.Errorf("/: budget shown as one total")
	}
	if en := pageText(t, public, "/en/budget/"); !strings.Contains(en, "not comparable: the only money known is credit") {
		t.Errorf("/en/budget/: no reason why the cost is not comparable")
	}
	// The demo's lines are one budget report a year: each year adds up,
	// and 2013's, which adds an amount given as "khoảng", says it is not exact.
	demo := pageText(t, siteOf(t, "../examples/demo"), "/ngan-sach/")
	for _, want := range []string{
		"2013 606.014 tổng của 48/49 dòng có số này gồm 1 số không chính xác (khoảng): tổng cũng không chính xác 559.098",
		"2014 654.766 572.092 tổng của 48/49 dòng có số này 448.553",
	} {
		if !strings.Contains(demo, want) {
			t.Errorf("demo /ngan-sach/: no %q", want)
		}
	}
}

// A target without results says what would fill it, and shows no date of
// data it does not have.
func TestNoDataSaysWhatWouldFillIt(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct {
		page string
		want []string
	}{
		{"/chi-tieu/3a/", []string{
			"Chưa tìm thấy số liệu nào đã công bố cho chỉ tiêu này.",
			"Cơ quan có trách nhiệm báo cáo: Ban Dân tộc tỉnh",
			"Theo mục VI của Kế hoạch , các sở, ngành và Ủy ban nhân dân các huyện, thành phố báo cáo kết quả 6 tháng và hằng năm về Sở Lao động - Thương binh và Xã hội",
			"xin liên hệ Sở Lao động - Thương binh và Xã hội",
		}},
		{"/en/indicators/3a/", []string{
			"No published figure has been found for this indicator yet.",
			"report their results every 6 months and every year to",
		}},
	} {
		text := pageText(t, public, tc.page)
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q", tc.page, w)
			}
		}
		for _, never := range []string{"Cập nhật số liệu", "Data last updated"} {
			if strings.Contains(text, never) {
				t.Errorf("%s: shows %q on a page with no data", tc.page, never)
			}
		}
	}
	// A page with data keeps its date.
	if text := pageText(t, public, "/chi-tieu/2a/"); !strings.Contains(text, "Cập nhật số liệu") {
		t.Errorf("/chi-tieu/2a/: no date of data")
	}
}

// Approximate values say so in words, a total that includes one says so,
// and values worked out from published ones are never shown as official.
func TestQualifiedAndDerivedValuesSaySo(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct{ page, want string }{
		{"/ngan-sach/", "hơn 14.000"},
		{"/ngan-sach/", "14.000 tổng của 1/1 dòng có số này gồm 1 số không chính xác (hơn): tổng cũng không chính xác"},
		{"/en/budget/", "more than 14,000"},
		{"/dia-phuong/son-dong/", "gần 30.000 triệu đồng"},
		{"/dia-phuong/bac-giang/", "khoảng 1.624.456"},
		{"/dia-phuong/bac-giang/", "63.379 / 412.204 = 15,38%"},
		{"/dia-phuong/hiep-hoa/", "tính từ số đã công bố, không phải số chính thức: 3.484 + 779 = 4.263 hộ nghèo"},
		{"/chi-tieu/2c/", "10 % thoát khỏi tình trạng đến năm 2015 (kế hoạch ghi “khoảng”)"},
		{"/chi-tieu/2a/", "8,5–9,0 % đến năm 2015 (kế hoạch ghi “khoảng”)"},
		{"/en/indicators/2c/", "(the plan says “about”)"},
	} {
		if text := pageText(t, public, tc.page); !strings.Contains(text, tc.want) {
			t.Errorf("%s: no %q", tc.page, tc.want)
		}
	}
	// Hiệp Hòa's 2012 row, derived, is not "chính thức".
	text := pageText(t, public, "/dia-phuong/hiep-hoa/")
	i := strings.Index(text, "2012 chưa có số liệu 4.263")
	j := strings.Index(text, "2013 chưa có số liệu 3.484")
	if i < 0 || j < i || strings.Contains(text[i:j], "chính thức [") {
		t.Errorf("/dia-phuong/hiep-hoa/: the derived 2012 row reads as official: %q", text[max(i, 0):max(j, 0)])
	}
}

// The plan page shows the plan's own numbers and headings as the plan's, the
// editors' headings as theirs, and invents no section number.
func TestPlanWordsAndEditorsWords(t *testing.T) {
	public := siteOf(t, "../data")
	b, err := os.ReadFile(filepath.Join(public, "ke-hoach", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<h4 id=ii-2-a><span class=sec-num>a)</span> <span class=editorial>Giảm tỷ lệ hộ nghèo <span class=editorial-label>(tiêu đề của biên tập viên, không có trong kế hoạch)</span></span></h4>`,
		`<h3 id=vi-3><span class=editorial>Chế độ báo cáo <span class=editorial-label>`,
		`<h4 id=iii-1-1><span class=sec-num>1.1.</span> Chính sách đào tạo nghề</h4>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/ke-hoach/: no %s", want)
		}
	}
	text := pageText(t, public, "/ke-hoach/")
	if strings.Contains(text, "3. Chế độ báo cáo") {
		t.Errorf("/ke-hoach/: invents the section number of “3. Chế độ báo cáo”")
	}
	if got := definition(t, public, "/ke-hoach/", "Số, ký hiệu"); got != "chưa rõ" {
		t.Errorf("/ke-hoach/: Số, ký hiệu = %q, want chưa rõ", got)
	}
	if got := definition(t, public, "/en/plan/", "Number"); got != "not known" {
		t.Errorf("/en/plan/: Number = %q, want not known", got)
	}
	for _, page := range []string{"/chi-tieu/3a/", "/chinh-sach/1-4/", "/co-quan/so-ldtbxh/"} {
		if !strings.Contains(pageText(t, public, page), "là cách đọc của biên tập viên") {
			t.Errorf("%s: the editorial links do not say they are", page)
		}
	}
}

// The plan's targets are all there, as the plan words them.
func TestPlanCompleteAndExact(t *testing.T) {
	public := siteOf(t, "../data")
	if text := pageText(t, public, "/chi-tieu/1-4a/"); !strings.Contains(text, "người DTTS ở vùng khó khăn theo Quyết định số 30/2012/QĐ-TTg") {
		t.Errorf("/chi-tieu/1-4a/: not the plan's III.1.4 sub-target")
	}
	b, err := os.ReadFile(filepath.Join(public, "chi-tieu", "2b", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "<dt>Phương pháp</dt>") {
		t.Errorf("/chi-tieu/2b/: a qualitative target shows a method")
	}
	for _, tc := range []struct{ page, never string }{
		{"/en/plan/", "good prospects"},
		{"/en/policies/1-2/", "guidance on how to work"},
		{"/en/agencies/so-ldtbxh/", "Labour, Invalids"},
		{"/en/indicators/2c/", "the poor district,"},
	} {
		if strings.Contains(pageText(t, public, tc.page), tc.never) {
			t.Errorf("%s: still reads %q", tc.page, tc.never)
		}
	}
}

// Where the plan puts several agencies in charge of one policy, each leads
// its task: on the policy's page, in the agencies' table and open data.
func TestLeadsAsThePlanGivesThem(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct {
		page  string
		leads []string
	}{
		{"/chinh-sach/1-4/", []string{"Sở Lao động - Thương binh và Xã hội", "Sở Y tế"}},
		{"/chinh-sach/2-2/", []string{"Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội"}},
	} {
		got := definition(t, public, tc.page, "Cơ quan chủ trì")
		for _, l := range tc.leads {
			if !strings.Contains(got, l) {
				t.Errorf("%s: Cơ quan chủ trì = %q, want %s among them", tc.page, got, l)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(public, "data", "agencies.json"))
	if err != nil {
		t.Fatal(err)
	}
	var agencies []struct {
		ID    string   `json:"id"`
		Leads []string `json:"leads"`
	}
	if err := json.Unmarshal(b, &agencies); err != nil {
		t.Fatal(err)
	}
	leads := map[string][]string{}
	for _, a := range agencies {
		leads[a.ID] = a.Leads
	}
	for _, w := range []struct{ agency, policy string }{{"so-yt", "1-4"}, {"so-ldtbxh", "1-4"}, {"so-ldtbxh", "2-2"}, {"so-khdt", "2-2"}} {
		if !slices.Contains(leads[w.agency], w.policy) {
			t.Errorf("agencies.json: %s leads %q, want %s among them", w.agency, leads[w.agency], w.policy)
		}
	}
}

// Every number names its source: the province's size and coordinates, the
// poverty line.
func TestEveryNumberHasASource(t *testing.T) {
	public := siteOf(t, "../data")
	for _, term := range []string{"Diện tích", "Tọa độ"} {
		if got := definition(t, public, "/dia-phuong/bac-giang/", term); !strings.Contains(got, "[") {
			t.Errorf("/dia-phuong/bac-giang/: %s = %q, without a source", term, got)
		}
	}
	text := pageText(t, public, "/phuong-phap/")
	if !strings.Contains(text, "Nguồn: Quyết định số 09/2011/QĐ-TTg") {
		t.Errorf("/phuong-phap/: the poverty line names no source")
	}
}

// The figures found since (bac-giang-figures-2.md): district counts without
// rates, second sources shown on the values they confirm, and a related
// indicator of another scope said to be one.
func TestNewSourcedFigures(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct{ page, want string }{
		{"/chi-tieu/2a/", "2012 12,11 % GIẢM NGHÈO – Chỉ tiêu toàn Tỉnh (Sở Kế hoạch và Đầu tư tỉnh Bắc Giang (trang chỉ tiêu kinh tế - xã hội)); cũng công bố: Ấn tượng vùng đồi Bắc Giang"},
		{"/chi-tieu/2a/", "cũng công bố: Bắc Giang tổ chức Đại hội Đảng bộ nhiệm kỳ 2015-2020"},
		{"/dia-phuong/luc-ngan/", "2013 chưa có số liệu 12.112"},
		{"/dia-phuong/tp-bac-giang/", "2013 chưa có số liệu 606"},
		{"/dia-phuong/bac-giang/", "gần 5 điểm %/năm"},
		{"/dia-phuong/bac-giang/", "khác phạm vi"},
		{"/dia-phuong/bac-giang/", "hơn 4.000 triệu đồng"},
	} {
		if text := pageText(t, public, tc.page); !strings.Contains(text, tc.want) {
			t.Errorf("%s: no %q", tc.page, tc.want)
		}
	}
	// Counts without households give no rate.
	if text := pageText(t, public, "/dia-phuong/luc-ngan/"); !strings.Contains(text, "2013 chưa có số liệu 12.112 chưa có số liệu") {
		t.Errorf("/dia-phuong/luc-ngan/: a rate worked out without the households")
	}
}
