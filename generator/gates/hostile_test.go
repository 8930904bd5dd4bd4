//go:build gates

package gates

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"
)

// A poisoned text of testdata/hostile: where it is and what the checker
// must say about it.
type poisoned struct {
	file, key   string
	first, last int // its lines
	want        []string
}

// poisonedTexts lists the texts of the hostile YAML files that carry an
// attack the checker must refuse: raw HTML and a javascript: link in a
// text, a Hugo shortcode in a text, a javascript: url.
func poisonedTexts(t *testing.T, dir string) []poisoned {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no YAML in %s (%v): run go test -tags gates ./generator/gates -update", dir, err)
	}
	var ps []poisoned
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var walk func(n *yaml.Node, key string)
		walk = func(n *yaml.Node, key string) {
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					walk(n.Content[i+1], n.Content[i].Value)
				}
				return
			}
			for _, c := range n.Content {
				walk(c, key)
			}
			if n.Kind != yaml.ScalarNode {
				return
			}
			p := poisoned{file: filepath.Base(f), key: key, first: n.Line, last: n.Line + strings.Count(n.Value, "\n") + 1}
			switch {
			case (key == "vi" || key == "en") && strings.Contains(n.Value, closeScript):
				p.want = []string{"raw HTML is not allowed in text (<script>)", "raw HTML is not allowed in text (<img src=x onerror=alert(2)>)", `link "javascript:alert(3)" is not allowed`,
					"text must not hold a Hugo shortcode (" + shortcode + ")"}
			case key == "url" && n.Value == jsURL:
				p.want = []string{`url "javascript:alert(3)" must start with https:// or http://`}
			default:
				return
			}
			ps = append(ps, p)
		}
		walk(&doc, "")
	}
	return ps
}

var reProblem = regexp.MustCompile(`^(?:.*/)?([^/:]+\.yaml):(\d+):\d+: (.*)$`)

// Data whose every text carries a script element, an element with an
// event handler, a javascript: link and a Hugo shortcode, and whose every source's url is a
// javascript: address, is refused: the build exits 1, names the file and
// line of each attack, and publishes nothing.
func TestHostileDataRefused(t *testing.T) {
	dir := filepath.Join(root, "generator", "gates", "testdata", "hostile")
	texts := poisonedTexts(t, dir)
	if len(texts) < 100 {
		t.Fatalf("only %d poisoned texts in %s: run go test -tags gates ./generator/gates -update", len(texts), dir)
	}
	out := t.TempDir()
	code, stderr := build(t, dir, out)
	if code != 1 {
		t.Fatalf("generator build of hostile data: exit %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "public")); !os.IsNotExist(err) {
		t.Errorf("the refused build published %s", filepath.Join(out, "public"))
	}
	// file → line → messages
	said := map[string]map[int][]string{}
	for _, line := range strings.Split(stderr, "\n") {
		m := reProblem.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		if said[m[1]] == nil {
			said[m[1]] = map[int][]string{}
		}
		said[m[1]][n] = append(said[m[1]][n], m[3])
	}
	var missing []string
	for _, p := range texts {
		for _, want := range p.want {
			found := false
			for n := p.first; n <= p.last && !found; n++ {
				for _, msg := range said[p.file][n] {
					found = found || strings.Contains(msg, want)
				}
			}
			if !found {
				missing = append(missing, fmt.Sprintf("%s:%d-%d: %s: no %q", p.file, p.first, p.last, p.key, want))
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		if len(missing) > 30 {
			missing = append(missing[:30], fmt.Sprintf("and %d more", len(missing)-30))
		}
		t.Errorf("of %d poisoned texts, the build does not refuse at its position:\n%s", len(texts), strings.Join(missing, "\n"))
	}
}

// hostileCheck finds what an attack put into the page: a script the theme
// did not write, an image with src=x, an event-handler attribute, a
// javascript: link. It also says whether the attack is on the page as
// text, which shows that it was published, inert, rather than dropped.
const hostileCheck = `(() => {
  const bad = [];
  for (const s of document.scripts) {
    const src = s.getAttribute('src');
    if (src !== null ? !/^\/(js|vendor)\//.test(src) : s.type !== 'application/json') {
      bad.push('a script element the theme did not write: ' + s.outerHTML.slice(0, 120));
    }
  }
  for (const i of document.querySelectorAll('img')) {
    if (i.getAttribute('src') === 'x') bad.push('an injected image: ' + i.outerHTML.slice(0, 120));
  }
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) bad.push('an event handler: <' + e.tagName.toLowerCase() + ' ' + a.name + '="' + a.value.slice(0, 60) + '">');
    }
  }
  for (const a of document.querySelectorAll('[href], [src], [action], [formaction]')) {
    for (const name of ['href', 'src', 'action', 'formaction']) {
      const v = a.getAttribute(name);
      if (v && /^\s*javascript:/i.test(v)) bad.push('a javascript: address: <' + a.tagName.toLowerCase() + ' ' + name + '="' + v + '">');
    }
  }
  const text = document.body.innerText;
  return {bad: bad, shown: text.includes('<script>alert(1)</script>') && text.includes('<img src=x onerror=alert(2)>')};
})()`

// injected runs hostileCheck in the page.
func injected(ctx context.Context) []string {
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Bad   []string `json:"bad"`
		Shown bool     `json:"shown"`
	}](hostileCheck))
	if err != nil {
		return []string{fmt.Sprintf("looking for injected elements: %v", err)}
	}
	if !res.Shown {
		res.Bad = append(res.Bad, "the attack is not on the page as text: was it dropped rather than escaped?")
	}
	return res.Bad
}

// Hostile text that passes the checker (testdata/hostile-text) builds, and
// every page type, in both languages, runs none of it: no dialog opens, no
// element is injected, the page holds the attack as text, and the
// Content-Security-Policy sees no inline script.
func TestHostileTextInert(t *testing.T) {
	bctx := browser(t)
	srv := serve(t, site(t, hostileText))
	for _, p := range pagesOf(hostileText) {
		for _, lp := range [][2]string{{"vi", p.vi}, {"en", p.en}} {
			lang, path := lp[0], lp[1]
			t.Run(p.kind+"/"+lang, func(t *testing.T) {
				vp := viewports[len(viewports)-1]
				for _, pr := range visit(bctx, srv.URL+path, p.notFound, vp, checks{hostile: true}) {
					t.Errorf("%s: %s", path, pr)
				}
			})
		}
	}
}

// reNumber is a number as the open data writes it.
var reNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// In the hostile-text site's CSV files every text cell that a spreadsheet
// would run as a formula (it starts with = + - @, a tab or a carriage
// return) is neutralised with a leading quote; only numbers may start with
// a minus. Each of the four formulas of the hostile texts must be found
// neutralised, so that the test cannot pass on files that lost them.
func TestHostileCSVNeutralised(t *testing.T) {
	public := site(t, hostileText)
	files, err := filepath.Glob(filepath.Join(public, "data", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSV files in %s/data (%v)", public, err)
	}
	neutralised := map[string]bool{}
	for _, f := range files {
		rel, _ := filepath.Rel(public, f)
		b, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(b).ReadAll()
		b.Close()
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		for i, row := range rows {
			for j, cell := range row {
				switch {
				case cell == "":
				case strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !reNumber.MatchString(cell):
					t.Errorf("%s:%d: column %d (%s) is a formula a spreadsheet would run: %.60q", filepath.ToSlash(rel), i+1, j+1, rows[0][j], cell)
				case cell[0] == '\'' && len(cell) > 1:
					neutralised[cell[1:2]] = true
				}
			}
		}
	}
	for _, f := range formulas {
		if !neutralised[f[:1]] {
			t.Errorf("no CSV cell holds a neutralised %s…: did the hostile names reach the open data?", f[:1])
		}
	}
}
