package check

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"

	"plansite/generator/plan"
)

// MaxIDLen is the longest id, in characters. An id names files: the
// page content/<lang>/<section>/<id>.md and, longest, a target's chart
// static/charts/<lang>/target-<id>-trend.json (the id and 18 more bytes). 64 keeps every such name far below the
// 255-byte limit of file systems, and ids short enough to type.
const MaxIDLen = 64

// MaxNameLen is the longest title, name, label, number or abbreviation, in
// characters: they head pages and fill the <title> of browser tabs and
// search results. The longest in the shipped data is under 150; prose
// fields (descriptions, bodies, notes) have no limit.
const MaxNameLen = 300

// MaxURLLen is the longest address, in characters: about the most that
// browsers, servers and link checkers all accept.
const MaxURLLen = 2000

// shownLen is the most characters of a value a message quotes, so that a
// value of a megabyte gives a message of a line: every valid id is shown
// whole.
const shownLen = MaxIDLen

// A why says, in both languages, why an id is reserved.
type why struct{ vi, en string }

var (
	whyIndex = why{
		"đó là tên tệp trang của cả chuyên mục: trang này sẽ thay thế cả chuyên mục",
		"it is the file name of a whole section's page: this page would replace the whole section"}
	whyHugo = why{
		"Hugo dùng tên này (loại trang, phân trang, nguồn tin RSS, sơ đồ trang)",
		"Hugo uses this name (a kind of page, pagination, the RSS feed, the sitemap)"}
	whySite = why{
		"đây là tên một thư mục hoặc tệp của trang web",
		"it is the name of one of the site's own folders or files"}
	whyWindows = why{
		"Windows không cho phép tệp có tên này",
		"Windows cannot have a file of this name"}
)

// reserved are the ids that would collide with a file or folder of the
// site or of Hugo once an id becomes a path (see kind.path). A test in
// generator/emit ties the site's own names to emit.Sections, plan.Langs,
// opendata.Dir, the chart and area folders and the theme's static/ and
// assets/ folders.
var reserved = map[string]why{
	// Hugo: content/<lang>/<section>/index.md is a leaf bundle, which turns
	// the section's folder into one page and drops its other pages and its
	// feed (index.xml); _index.md is the section's own page (the id pattern
	// refuses the underscore; listed so that no suggestion is either).
	"index": whyIndex, "_index": whyIndex,

	// Hugo's kinds of page (.Kind), its pagination folder (/page/2/), its
	// default feed and sitemap, robots.txt (enableRobotsTXT), the 404 page
	// and the default taxonomies.
	"home": whyHugo, "page": whyHugo, "section": whyHugo, "taxonomy": whyHugo, "term": whyHugo,
	"rss": whyHugo, "sitemap": whyHugo, "robots": whyHugo, "robotstxt": whyHugo, "404": whyHugo,
	"tags": whyHugo, "categories": whyHugo,

	// The site's languages, plan.Langs: Vietnamese at the root, English
	// under /en/.
	"vi": whySite, "en": whySite,
	// The section folders of the URL contract, emit.Sections, in both
	// languages.
	"ke-hoach": whySite, "plan": whySite,
	"chi-tieu": whySite, "indicators": whySite,
	"chinh-sach": whySite, "policies": whySite,
	"dia-phuong": whySite, "districts": whySite,
	"ngan-sach": whySite, "budget": whySite,
	"co-quan": whySite, "agencies": whySite,
	"bao-cao": whySite, "reports": whySite,
	"du-lieu": whySite, "data": whySite, // data is also opendata.Dir: /data/*.csv
	"phuong-phap": whySite, "methodology": whySite,
	"gioi-thieu": whySite, "about": whySite,
	"tin-tuc": whySite, "news": whySite,
	"tra-cuu": whySite, "search": whySite, // also the search index, /search/<lang>.json
	"nhung": whySite, "embed": whySite,
	// Emit's own folder: the charts' files (/charts/<lang>/).
	"charts": whySite,
	// The theme: static/vendor/, static/favicon.svg, the CSS and scripts
	// Hugo builds (/css/, /js/), and the usual folder for pictures.
	"vendor": whySite, "favicon": whySite, "css": whySite, "js": whySite, "images": whySite,

	// Windows devices: a file con.md or nul.json cannot be made there.
	"con": whyWindows, "prn": whyWindows, "aux": whyWindows, "nul": whyWindows,
	"com0": whyWindows, "com1": whyWindows, "com2": whyWindows, "com3": whyWindows, "com4": whyWindows,
	"com5": whyWindows, "com6": whyWindows, "com7": whyWindows, "com8": whyWindows, "com9": whyWindows,
	"lpt0": whyWindows, "lpt1": whyWindows, "lpt2": whyWindows, "lpt3": whyWindows, "lpt4": whyWindows,
	"lpt5": whyWindows, "lpt6": whyWindows, "lpt7": whyWindows, "lpt8": whyWindows, "lpt9": whyWindows,
}

// Reserved reports whether id is one of the names that no item with a
// page or a file may take.
func Reserved(id string) bool {
	_, ok := reserved[id]
	return ok
}

// ReservedIDs lists the reserved names, sorted, for the JSON Schemas.
func ReservedIDs() []string {
	ids := make([]string, 0, len(reserved))
	for id := range reserved {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// A kind is a kind of item that has an id, named in both languages.
type kind struct {
	vi, en string
	// path: the kind's ids become paths (a page
	// content/<lang>/<section>/<id>.md, an area's file, a target's chart)
	// and may not be reserved. Other ids are anchors in a page: a section
	// of the plan may well be "vi", the Roman six.
	path bool
}

var (
	kindTarget  = kind{"chỉ tiêu", "target", true}
	kindPolicy  = kind{"chính sách", "policy", true}
	kindAgency  = kind{"cơ quan", "agency", true}
	kindArea    = kind{"địa bàn", "area", true}
	kindReport  = kind{"báo cáo", "report", true}
	kindSource  = kind{"nguồn", "source", false}
	kindFund    = kind{"nguồn vốn", "fund", false}
	kindSection = kind{"mục", "section", false}
)

// id checks the id of the i-th item of kind k: not too long, well formed
// and, for a kind whose ids become paths, not reserved. taken gives every
// id of the kind, so that a suggestion is free.
func (c *checker) id(k kind, i int, id string, pos plan.Pos, taken func() map[string]bool) {
	n := utf8.RuneCountInString(id)
	w, taboo := reserved[id]
	taboo = taboo && k.path
	if n <= MaxIDLen && reID.MatchString(id) && !taboo {
		return
	}
	s, fallback := suggest(id, k.vi, i, k.path, taken())
	exVI, exEN := "ví dụ "+s, "for example "+s
	if fallback {
		exVI += ": id không có chữ hay số nào để giữ lại, nên đây là loại mục và số thứ tự của nó"
		exEN += ": the id has no letter or digit to keep, so this is the item's kind, in Vietnamese, and its number in the list"
	}
	switch {
	case n > MaxIDLen:
		c.err(pos, id,
			fmt.Sprintf("id %s dài %d ký tự, quá %d ký tự cho phép: đặt id ngắn hơn (%s)", quote(id), n, MaxIDLen, exVI),
			fmt.Sprintf("id %s is %d characters long, more than the %d allowed: choose a shorter id (%s)", quote(id), n, MaxIDLen, exEN))
	case !reID.MatchString(id):
		oddVI, oddEN := odd(id)
		c.err(pos, id,
			fmt.Sprintf("id %s không hợp lệ: %schỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (%s)", quote(id), oddVI, exVI),
			fmt.Sprintf("invalid id %s: %suse lowercase ASCII letters, digits and hyphens (%s)", quote(id), oddEN, exEN))
	default:
		c.err(pos, id,
			fmt.Sprintf("id %s là tên dành riêng: %s; đặt id khác (%s)", quote(id), w.vi, exVI),
			fmt.Sprintf("id %s is reserved: %s; choose another id (%s)", quote(id), w.en, exEN))
	}
}

// suggest is an id to write instead of id, the i-th of its kind: its
// slug, shortened to MaxIDLen and, when another item's or (for ids that
// become paths) reserved, with a number added. When nothing of id is left
// to keep, it is the kind, in Vietnamese as ids are, and the item's
// number in its list ("bao-cao-2"), and fallback is true.
func suggest(id, kindVI string, i int, path bool, taken map[string]bool) (s string, fallback bool) {
	base := slug(id)
	if base == "" {
		base, fallback = slug(kindVI)+"-"+strconv.Itoa(i+1), true
	}
	free := func(s string) bool { return !(path && Reserved(s)) && !taken[s] }
	s = shorten(base, MaxIDLen)
	for n := 1; !free(s); n++ {
		suffix := "-" + strconv.Itoa(n)
		s = shorten(base, MaxIDLen-len(suffix)) + suffix
	}
	return s, fallback
}

// shorten cuts a slug to at most n bytes, at a hyphen when one is in its
// second half.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, "-")
}

// slug suggests an id for s: look-alike letters as the Latin ones they
// imitate, invisible characters dropped, lowercase ASCII, hyphens for the
// rest.
func slug(s string) string {
	s = strings.Map(func(r rune) rune {
		if l := lookalike(r); l != 0 {
			return l
		}
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldVietnamese(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// lookalikes maps letters of other scripts, and dashes, to the ASCII
// characters they look like.
var lookalikes = map[rune]rune{
	// Cyrillic
	'а': 'a', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'һ': 'h', 'і': 'i', 'ј': 'j', 'к': 'k', 'ӏ': 'l',
	'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's', 'у': 'y', 'ԝ': 'w', 'х': 'x',
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'О': 'O', 'Р': 'P', 'Ѕ': 'S', 'Т': 'T', 'Х': 'X', 'У': 'Y',
	// Greek
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u', 'χ': 'x',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Latin without a dot
	'ı': 'i', 'ȷ': 'j',
	// Dashes and minus signs
	'‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '﹣': '-', '－': '-',
}

// lookalike is the ASCII letter, digit or hyphen r looks like, or 0: from
// lookalikes, or r's compatibility form (fullwidth 'ａ' is 'a').
func lookalike(r rune) rune {
	if r < utf8.RuneSelf {
		return 0
	}
	if l, ok := lookalikes[r]; ok {
		return l
	}
	if s := norm.NFKC.String(string(r)); len(s) == 1 {
		if l := rune(s[0]); l >= 'a' && l <= 'z' || l >= 'A' && l <= 'Z' || l >= '0' && l <= '9' {
			return l
		}
	}
	return 0
}

// odd names the first character of s that a reader could not tell from
// an allowed one or could not see at all: one from another script, an
// invisible one, a space that is not a space. Vietnamese letters are not
// odd: the message shows them as they are. It returns "" when there is
// none, or the description followed by "; ".
func odd(s string) (vi, en string) {
	n := 0
	for _, r := range s {
		n++
		if r < utf8.RuneSelf || isASCII(foldVietnamese(string(r))) {
			continue
		}
		name := fmt.Sprintf("%U", r)
		if rn := runenames.Name(r); rn != "" {
			name += " " + rn
		}
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return fmt.Sprintf("ký tự thứ %d là %s, một ký tự ẩn hoặc khoảng trắng lạ; ", n, name),
				fmt.Sprintf("the %s character is %s, an invisible or unusual blank character; ", ordinal(n), name)
		}
		scriptVI, scriptEN := script(r)
		vi = fmt.Sprintf("ký tự thứ %d là %s'%c' (%s)", n, scriptVI, r, name)
		en = fmt.Sprintf("the %s character is %s'%c' (%s)", ordinal(n), scriptEN, r, name)
		switch l := lookalike(r); {
		case unicode.IsLetter(l):
			vi += fmt.Sprintf(", không phải chữ '%c' Latin", l)
			en += fmt.Sprintf(", not the Latin '%c'", l)
		case l != 0:
			vi += fmt.Sprintf(", không phải ký tự '%c' thông thường", l)
			en += fmt.Sprintf(", not the plain '%c'", l)
		}
		return vi + "; ", en + "; "
	}
	return "", ""
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// scriptNamesVI are the Vietnamese names of the scripts whose letters
// pass most often for Latin ones; others keep their English name.
var scriptNamesVI = map[string]string{"Cyrillic": "Kirin", "Greek": "Hy Lạp", "Armenian": "Armenia", "Han": "Hán"}

// script is the name of r's script followed by a space, in Vietnamese and
// English ("chữ Kirin ", "Cyrillic "), or "" for Latin and the characters
// scripts share.
func script(r rune) (vi, en string) {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "Latin" || name == "Common" || name == "Inherited" || !unicode.Is(unicode.Scripts[name], r) {
			continue
		}
		nameVI := scriptNamesVI[name]
		if nameVI == "" {
			nameVI = name
		}
		return "chữ " + nameVI + " ", name + " "
	}
	return "", ""
}

// ordinal is n as an English ordinal: 1st, 2nd, 3rd, 11th, 22nd.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// clip shortens a value a message shows to shownLen characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= shownLen {
		return s
	}
	n := 0
	for i := range s {
		if n == shownLen-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quote is a value as a message shows it: clipped, in Go's quotes, which
// also show control and invisible characters as escapes.
func quote(s string) string { return strconv.Quote(clip(s)) }
