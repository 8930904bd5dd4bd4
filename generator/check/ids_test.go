package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSuggest(t *testing.T) {
	taken := map[string]bool{"so-tai-chinh": true, "bao-cao-2": true}
	long := strings.Repeat("so-lao-dong-", 30)
	tests := []struct {
		id, kind string
		i        int
		path     bool
		want     string
		fallback bool
	}{
		{"Sở Tư pháp", "cơ quan", 0, true, "so-tu-phap", false},
		{"index", "địa bàn", 0, true, "index-1", false},
		{"_index", "địa bàn", 0, true, "index-1", false},
		{"vi", "mục", 0, false, "vi", false}, // an anchor: not reserved
		{"VI", "địa bàn", 0, true, "vi-1", false},
		{"-", "báo cáo", 4, true, "bao-cao-5", true},
		{"--", "báo cáo", 1, true, "bao-cao-2-1", true}, // bao-cao-2 is taken
		{"_", "nguồn vốn", 0, false, "nguon-von-1", true},
		{"so-t\u0430i-chinh", "cơ quan", 0, true, "so-tai-chinh-1", false},                                  // Cyrillic а
		{"b\u03bfo", "cơ quan", 0, true, "boo", false},                                                      // Greek ο
		{"bao\u200b-cao", "báo cáo", 0, true, "bao-cao-1", false},                                           // bao-cao is the reports folder
		{"ｂａｃ", "địa bàn", 0, true, "bac", false},                                                           // fullwidth
		{"3\u2011a", "chỉ tiêu", 0, true, "3-a", false},                                                     // non-breaking hyphen
		{long, "cơ quan", 0, true, "so-lao-dong-so-lao-dong-so-lao-dong-so-lao-dong-so-lao-dong-so", false}, // cut at a hyphen
	}
	for _, tt := range tests {
		got, fallback := suggest(tt.id, tt.kind, tt.i, tt.path, taken)
		if got != tt.want || fallback != tt.fallback {
			t.Errorf("suggest(%q) = %q, %v; want %q, %v", tt.id, got, fallback, tt.want, tt.fallback)
		}
		if !reID.MatchString(got) || len(got) > MaxIDLen {
			t.Errorf("suggest(%q) = %q: not a valid id", tt.id, got)
		}
	}
}

func TestOdd(t *testing.T) {
	tests := []struct{ s, vi, en string }{
		{"3\u0430", "ký tự thứ 2 là chữ Kirin 'а' (U+0430 CYRILLIC SMALL LETTER A), không phải chữ 'a' Latin; ",
			"the 2nd character is Cyrillic 'а' (U+0430 CYRILLIC SMALL LETTER A), not the Latin 'a'; "},
		{"ab\u200bc", "ký tự thứ 3 là U+200B ZERO WIDTH SPACE, một ký tự ẩn hoặc khoảng trắng lạ; ",
			"the 3rd character is U+200B ZERO WIDTH SPACE, an invisible or unusual blank character; "},
		{"a\u00a0b", "ký tự thứ 2 là U+00A0 NO-BREAK SPACE, một ký tự ẩn hoặc khoảng trắng lạ; ",
			"the 2nd character is U+00A0 NO-BREAK SPACE, an invisible or unusual blank character; "},
		{"1\u20112", "ký tự thứ 2 là '‑' (U+2011 NON-BREAKING HYPHEN), không phải ký tự '-' thông thường; ",
			"the 2nd character is '‑' (U+2011 NON-BREAKING HYPHEN), not the plain '-'; "},
		{"ｘ", "ký tự thứ 1 là 'ｘ' (U+FF58 FULLWIDTH LATIN SMALL LETTER X), không phải chữ 'x' Latin; ",
			"the 1st character is 'ｘ' (U+FF58 FULLWIDTH LATIN SMALL LETTER X), not the Latin 'x'; "},
		{"a汉", "ký tự thứ 2 là chữ Hán '汉' (U+6C49 <CJK Ideograph>); ",
			"the 2nd character is Han '汉' (U+6C49 <CJK Ideograph>); "},
		// Vietnamese letters, capitals and spaces show as they are.
		{"sở tư pháp", "", ""},
		{"Đoàn-Thể", "", ""},
		{"ok", "", ""},
	}
	for _, tt := range tests {
		vi, en := odd(tt.s)
		if vi != tt.vi || en != tt.en {
			t.Errorf("odd(%q) =\n%q, %q; want\n%q, %q", tt.s, vi, en, tt.vi, tt.en)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("3a"); got != "3a" {
		t.Errorf("clip(3a) = %q", got)
	}
	exact := strings.Repeat("a", shownLen)
	if got := clip(exact); got != exact {
		t.Errorf("clip of %d characters = %q, want it whole", shownLen, got)
	}
	got := clip(strings.Repeat("ở", 1<<20))
	if n := utf8.RuneCountInString(got); n != shownLen || !strings.HasSuffix(got, "…") {
		t.Errorf("clip of a megabyte = %d characters ending %q, want %d ending …", n, got[len(got)-6:], shownLen)
	}
}

// Every name the site's own folders take is reserved; the emit package
// ties the list to emit.Sections and the theme.
func TestReserved(t *testing.T) {
	for _, id := range []string{"index", "_index", "page", "section", "home", "taxonomy", "term", "rss", "sitemap", "404",
		"data", "charts", "en", "vi", "vendor", "css", "js", "images", "con", "nul", "lpt1"} {
		if !Reserved(id) {
			t.Errorf("Reserved(%q) = false, want true", id)
		}
	}
	for _, id := range []string{"index-1", "bac-giang", "2a", "1-1", "so-ldtbxh", "vi-1"} {
		if Reserved(id) {
			t.Errorf("Reserved(%q) = true, want false", id)
		}
	}
}
