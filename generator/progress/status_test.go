package progress_test

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plansite/generator/chart"
	"plansite/generator/plan"
	"plansite/generator/progress"
)

const theme = "../../themes/plansite/"

// Every status has a label and words in both languages and a colour, and
// the statuses are listed once each.
func TestStatusesAreNamed(t *testing.T) {
	seen := map[progress.Status]bool{}
	for _, s := range progress.Statuses() {
		if seen[s] {
			t.Errorf("%s is listed twice", s)
		}
		seen[s] = true
		for _, x := range []plan.Text{s.Label(), s.Words()} {
			if x.VI == "" || x.EN == "" {
				t.Errorf("%s: label %q, words %q, want both in both languages", s, s.Label(), s.Words())
			}
		}
		if !regexp.MustCompile(`^#[0-9A-F]{6}$`).MatchString(s.Colour()) {
			t.Errorf("%s: colour %q, want #RRGGBB", s, s.Colour())
		}
	}
	if len(seen) != 7 {
		t.Errorf("%d statuses, want the 7 of progress.go", len(seen))
	}
}

// cssRule matches a rule of a style sheet: its selectors and declarations.
var cssRule = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)

// badges are the colour and background of each status badge class of
// the theme's base style sheet, "status-on-track" for on_track.
func badges(t *testing.T) map[string][2]string {
	t.Helper()
	css, err := os.ReadFile(theme + "assets/css/00-base.css")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]string{}
	for _, m := range cssRule.FindAllStringSubmatch(string(css), -1) {
		var colour, background string
		for _, d := range strings.Split(m[2], ";") {
			prop, value, _ := strings.Cut(d, ":")
			switch strings.TrimSpace(prop) {
			case "color":
				colour = hex(strings.TrimSpace(value))
			case "background", "background-color":
				background = hex(strings.TrimSpace(value))
			}
		}
		for _, sel := range strings.Split(m[1], ",") {
			if class, ok := strings.CutPrefix(strings.TrimSpace(sel), ".status-"); ok {
				out[class] = [2]string{colour, background}
			}
		}
	}
	return out
}

// hex writes a CSS colour #abc or #AABBCC as #AABBCC.
func hex(c string) string {
	c = strings.ToUpper(c)
	if len(c) == 4 && c[0] == '#' {
		return "#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)
	}
	return c
}

// The theme's status badges take their text colour from progress, and it
// reads on the badge's background: at least 4.5:1 (WCAG 1.4.3, AA).
func TestBadgeColours(t *testing.T) {
	bs := badges(t)
	for _, s := range progress.Statuses() {
		class := strings.ReplaceAll(string(s), "_", "-")
		b, ok := bs[class]
		switch {
		case !ok:
			t.Errorf("00-base.css has no rule for .status-%s", class)
			continue
		case b[0] != s.Colour():
			t.Errorf(".status-%s { color: %s }, want %s as progress colours %s", class, b[0], s.Colour(), s)
		}
		if b[1] == "" {
			t.Errorf(".status-%s has no background", class)
			continue
		}
		if r := chart.Contrast(s.Colour(), b[1]); r < 4.5 {
			t.Errorf("%s: %s on %s is %.2f:1, want at least 4.5:1", s, s.Colour(), b[1], r)
		}
	}
	if len(bs) != len(progress.Statuses()) {
		t.Errorf("00-base.css styles %d status badges, progress has %d statuses", len(bs), len(progress.Statuses()))
	}
}

// i18nLine matches a line key = "value" of a TOML file.
var i18nLine = regexp.MustCompile(`^(\w+)\s*=\s*(".*")\s*$`)

// The theme's i18n files name each status as progress labels it, and
// name no other.
func TestBadgeLabels(t *testing.T) {
	for _, lang := range []plan.Lang{plan.VI, plan.EN} {
		b, err := os.ReadFile(theme + "i18n/" + string(lang) + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		labels := map[string]string{}
		for _, line := range strings.Split(string(b), "\n") {
			if m := i18nLine.FindStringSubmatch(line); m != nil && strings.HasPrefix(m[1], "status_") {
				v, err := strconv.Unquote(m[2])
				if err != nil {
					t.Fatalf("%s.toml: %s: %v", lang, line, err)
				}
				labels[m[1]] = v
			}
		}
		want := map[string]string{}
		for _, s := range progress.Statuses() {
			want["status_"+string(s)] = in(s.Label(), lang)
		}
		if !reflect.DeepEqual(labels, want) {
			t.Errorf("%s.toml status labels\n%q\nwant, as progress labels them,\n%q", lang, labels, want)
		}
	}
}

// The methodology pages' table of statuses has a row a status, in the
// order of progress, each named as its badge names it.
func TestMethodologyStatusTable(t *testing.T) {
	for _, lang := range []plan.Lang{plan.VI, plan.EN} {
		md := progress.Methodology(lang)
		_, table, ok := strings.Cut(md, "\n### "+map[plan.Lang]string{plan.VI: "Trạng thái", plan.EN: "Status"}[lang]+"\n")
		if !ok {
			t.Fatalf("Methodology(%q) has no status section", lang)
		}
		var got []string
		for _, line := range strings.Split(table, "\n")[3:] { // after the blank line, the head and the rule
			if !strings.HasPrefix(line, "| ") {
				break
			}
			got = append(got, strings.TrimSpace(strings.Split(line, "|")[1]))
		}
		var want []string
		for _, s := range progress.Statuses() {
			want = append(want, strings.ToLower(in(s.Label(), lang)))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Methodology(%q) names the statuses\n%q\nwant\n%q", lang, got, want)
		}
	}
}

// in is the text in lang.
func in(x plan.Text, lang plan.Lang) string {
	if lang == plan.EN {
		return x.EN
	}
	return x.VI
}
