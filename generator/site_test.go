package main

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"plansite/generator/emit"
	"plansite/generator/internal/sitefiles"
	"plansite/generator/load"
)

// built holds one build of each dataset, shared by the tests that only
// read the result.
var built sync.Map // data dir → *builtSite

type builtSite struct {
	once sync.Once
	dir  string // the site folder; the pages are in dir/public
	err  string
}

func siteOf(t *testing.T, data string) string {
	t.Helper()
	v, _ := built.LoadOrStore(data, &builtSite{})
	b := v.(*builtSite)
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "plansite-test-")
		if err != nil {
			b.err = err.Error()
			return
		}
		if code, stderr := buildSite(t, data, dir); code != 0 {
			b.err = stderr
		}
		b.dir = dir
	})
	if b.err != "" {
		t.Fatalf("build %s failed:\n%s", data, b.err)
	}
	return filepath.Join(b.dir, "public")
}

var datasets = []string{"../data", "../examples/demo"}

// The URL contract of docs/architecture.md: every page, in both languages, for the
// shipped and the demo data.
func TestURLContract(t *testing.T) {
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			public := siteOf(t, data)
			p, probs := load.Dir(data)
			if probs.Fatal() {
				t.Fatal(probs)
			}
			// No sitemap: these builds have no absolute address, and a
			// sitemap of relative ones is invalid (build-base-url.txtar).
			want := []string{"/", "/en/", "/404.html", "/robots.txt"}
			for name, sec := range emit.Sections {
				if name == "embed" {
					continue // only pages of charts, no page of its own
				}
				want = append(want, "/"+sec["vi"]+"/", "/en/"+sec["en"]+"/")
			}
			item := func(section, id string) {
				s := emit.Sections[section]
				want = append(want, "/"+s["vi"]+"/"+id+"/", "/en/"+s["en"]+"/"+id+"/")
			}
			for _, x := range p.Targets {
				item("targets", x.ID)
			}
			for _, x := range p.Policies {
				item("policies", x.ID)
			}
			for _, x := range p.Agencies {
				item("agencies", x.ID)
			}
			for _, x := range p.Areas {
				if x.Kind != "country" {
					item("areas", x.ID)
				}
			}
			for _, feed := range []string{"reports", "news"} {
				want = append(want, "/"+emit.Sections[feed]["vi"]+"/index.xml", "/en/"+emit.Sections[feed]["en"]+"/index.xml")
			}
			v := readSiteJSON(t, public)
			for _, x := range v.Targets {
				for _, id := range x.Charts {
					item("embed", id)
				}
			}
			for _, ids := range v.ChartsOn {
				for _, id := range ids {
					item("embed", id)
				}
			}
			for _, u := range want {
				f := filepath.Join(public, filepath.FromSlash(u))
				if strings.HasSuffix(u, "/") {
					f = filepath.Join(f, "index.html")
				}
				if _, err := os.Stat(f); err != nil {
					t.Errorf("%s: missing (%s)", u, f)
				}
			}
		})
	}
}

var (
	reHref   = regexp.MustCompile(`\b(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))`)
	reID     = regexp.MustCompile(`\bid=(?:"([^"]*)"|([^\s>"']+))`)
	reHTML   = regexp.MustCompile(`<html lang=(\w+)`)
	reAltern = regexp.MustCompile(`<a href=([^\s>]+) hreflang=(\w+) lang=\w+>`)
)

func first(m []string) string {
	for _, s := range m[1:] {
		if s != "" {
			return s
		}
	}
	return ""
}

// pagesOf maps every HTML page's URL path to its text.
func pagesOf(t *testing.T, public string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := sitefiles.Each(public, ".html", func(rel string, b []byte) error {
		pages[strings.TrimSuffix("/"+rel, "index.html")] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("no HTML page in %s: is the test reading the site?", public)
	}
	return pages
}

// Every internal link, anchor, stylesheet and script resolves.
func TestInternalLinksResolve(t *testing.T) {
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			public := siteOf(t, data)
			pages := pagesOf(t, public)
			ids := map[string]map[string]bool{}
			for u, html := range pages {
				ids[u] = map[string]bool{}
				for _, m := range reID.FindAllStringSubmatch(html, -1) {
					ids[u][first(m)] = true
				}
			}
			var broken []string
			for u, html := range pages {
				for _, m := range reHref.FindAllStringSubmatch(html, -1) {
					ref := strings.ReplaceAll(first(m), "&amp;", "&")
					l, err := url.Parse(ref)
					if err != nil {
						broken = append(broken, u+": unparsable "+ref)
						continue
					}
					if l.Scheme != "" || l.Host != "" {
						continue // external: checked by the browser gates
					}
					target := l.Path
					if target == "" {
						target = u
					} else if !strings.HasPrefix(target, "/") {
						target = path.Join(path.Dir(u+"x"), target)
						if strings.HasSuffix(l.Path, "/") {
							target += "/"
						}
					}
					if strings.HasSuffix(target, "/") {
						if _, ok := pages[target]; !ok {
							broken = append(broken, u+" → "+ref)
							continue
						}
					} else if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(target))); err != nil {
						broken = append(broken, u+" → "+ref)
						continue
					}
					if l.Fragment != "" && strings.HasSuffix(target, "/") && !ids[target][l.Fragment] {
						broken = append(broken, u+" → "+ref+" (no such anchor)")
					}
				}
			}
			sort.Strings(broken)
			if len(broken) > 0 {
				t.Errorf("%d broken links:\n%s", len(broken), strings.Join(broken, "\n"))
			}
		})
	}
}

// Every page has its counterpart in the other language, and links to it
// from its language switch (the hreflang <link> elements need an absolute
// address, which these builds have not: TestAbsoluteAddresses).
func TestEveryPageHasItsTranslation(t *testing.T) {
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			pages := pagesOf(t, siteOf(t, data))
			for u, html := range pages {
				if u == "/404.html" || u == "/en/404.html" {
					continue
				}
				// An embed page is its chart and nothing else: no language
				// switch (its counterpart is TestURLContract's business).
				if strings.HasPrefix(u, "/"+emit.Sections["embed"]["vi"]+"/") || strings.HasPrefix(u, "/en/"+emit.Sections["embed"]["en"]+"/") {
					continue
				}
				m := reHTML.FindStringSubmatch(html)
				if m == nil {
					t.Errorf("%s: no <html lang>", u)
					continue
				}
				langs := map[string]string{}
				for _, a := range reAltern.FindAllStringSubmatch(html, -1) {
					langs[a[2]] = a[1]
				}
				if _, self := langs[m[1]]; len(langs) != 1 || self {
					t.Errorf("%s (%s): language switch links %v, want one to the other language", u, m[1], langs)
					continue
				}
				for _, href := range langs {
					l, _ := url.Parse(href)
					if _, ok := pages[l.Path]; !ok {
						t.Errorf("%s: its translation %s does not exist", u, href)
					}
				}
			}
		})
	}
}

// A target without data says so and never shows 0 for it.
func TestMissingValuesAreNotZero(t *testing.T) {
	public := siteOf(t, "../data")
	for _, tc := range []struct{ page, missing string }{
		{"/chi-tieu/3a/", "chưa có số liệu"},
		{"/en/indicators/3a/", "no data yet"},
		{"/chi-tieu/3l/", "chưa có số liệu"},
	} {
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(tc.page), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		if !strings.Contains(html, tc.missing) {
			t.Errorf("%s: does not say %q", tc.page, tc.missing)
		}
		for _, zero := range []string{">0 %<", ">0<", ">0,0", ">0.0"} {
			if strings.Contains(html, zero) {
				t.Errorf("%s: shows %q for a value the data does not have", tc.page, zero)
			}
		}
	}
}

// With the site's absolute address (-base-url), every page has its
// canonical and alternate-language links, og:url and og:image absolute,
// the share card it names exists, and the sitemap lists absolute
// addresses; without one (the other tests' builds), none of them is
// written.
func TestAbsoluteAddresses(t *testing.T) {
	const base = "https://example.org/plan/"
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-data", "../examples/demo", "-out", out, "-hugo", hugoCmd(t), "-base-url", base}, &stdout, &stderr); code != 0 {
		t.Fatalf("build -base-url: exit %d\n%s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "no absolute address") {
		t.Errorf("build -base-url warns: %s", stderr.String())
	}
	public := filepath.Join(out, "public")
	b, err := os.ReadFile(filepath.Join(public, "en", "indicators", "3h", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<link rel=canonical href=` + base + `en/indicators/3h/>`,
		`<link rel=alternate hreflang=vi-VN href=` + base + `chi-tieu/3h/>`,
		`<link rel=alternate hreflang=en-GB href=` + base + `en/indicators/3h/>`,
		`<meta property="og:url" content="` + base + `en/indicators/3h/">`,
		`<meta property="og:image" content="` + base + `cards/en/target-3h.png">`,
		`<meta name=twitter:card content="summary_large_image">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/en/indicators/3h/ lacks %s", want)
		}
	}
	if _, err := os.Stat(filepath.Join(public, "cards", "en", "target-3h.png")); err != nil {
		t.Error(err)
	}
	sm, err := os.ReadFile(filepath.Join(public, "en", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sm), "<loc>"+base+"en/indicators/3h/</loc>") {
		t.Errorf("the English sitemap does not list %sen/indicators/3h/", base)
	}
	// The area pages come from a content adapter (emit.AreaPagesFile):
	// they are listed as the others are, with no priority of their own,
	// and their parameters (the card) reach the page.
	if !strings.Contains(string(sm), "<loc>"+base+"en/districts/son-dong/</loc>") {
		t.Errorf("the English sitemap does not list %sen/districts/son-dong/", base)
	}
	if strings.Contains(string(sm), "<priority>") {
		t.Errorf("the English sitemap gives a page a priority, which no page sets")
	}
	area, err := os.ReadFile(filepath.Join(public, "en", "districts", "son-dong", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<meta property="og:image" content="` + base + `cards/en/section-areas.png">`; !strings.Contains(string(area), want) {
		t.Errorf("/en/districts/son-dong/ lacks %s", want)
	}
	other, err := os.ReadFile(filepath.Join(siteOf(t, "../examples/demo"), "en", "indicators", "3h", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"rel=canonical", "rel=alternate hreflang", "og:url", "og:image"} {
		if strings.Contains(string(other), absent) {
			t.Errorf("without an absolute address, /en/indicators/3h/ has %s", absent)
		}
	}
}
