//go:build gates

package gates

import (
	"bufio"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"plansite/generator/internal/sitefiles"
)

// parseHeaders reads a _headers file (Netlify and Cloudflare Pages format:
// a path pattern on a line of its own, then indented "Name: value" lines)
// and returns the headers of the pattern /*, which applies to every file.
func parseHeaders(t *testing.T, public string) http.Header {
	t.Helper()
	f, err := os.Open(filepath.Join(public, "_headers"))
	if err != nil {
		t.Fatalf("the site has no _headers file (generator/emit/security.go writes it): %v", err)
	}
	defer f.Close()
	h := http.Header{}
	pattern := ""
	s := bufio.NewScanner(f)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(strings.TrimSpace(line), "#"):
		case line[0] != ' ' && line[0] != '\t':
			pattern = strings.TrimSpace(line)
		case pattern == "/*":
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Fatalf("_headers:%d: not a header: %q", n, line)
			}
			h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return h
}

// headerRules reads every rule of a _headers file, and returns the
// headers of a path as Cloudflare Pages applies them: each rule whose
// pattern (a path, or a prefix ending in *) matches, in order, adding its
// headers; "! Name" takes off the header of that name set so far.
func headerRules(t *testing.T, public string) func(path string) http.Header {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(public, "_headers"))
	if err != nil {
		t.Fatalf("the site has no _headers file (generator/emit/security.go writes it): %v", err)
	}
	type rule struct {
		pattern string
		lines   []string
	}
	var rules []rule
	for n, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(strings.TrimSpace(line), "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, rule{pattern: strings.TrimSpace(line)})
		case len(rules) == 0:
			t.Fatalf("_headers:%d: a header before any path", n+1)
		default:
			rules[len(rules)-1].lines = append(rules[len(rules)-1].lines, strings.TrimSpace(line))
		}
	}
	return func(path string) http.Header {
		h := http.Header{}
		for _, r := range rules {
			prefix, wild := strings.CutSuffix(r.pattern, "*")
			if !(wild && strings.HasPrefix(path, prefix) || path == r.pattern) {
				continue
			}
			for _, l := range r.lines {
				if name, ok := strings.CutPrefix(l, "! "); ok {
					h.Del(strings.TrimSpace(name))
					continue
				}
				name, value, _ := strings.Cut(l, ":")
				h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
			}
		}
		return h
	}
}

// directives splits a Content-Security-Policy into its directives.
func directives(csp string) map[string][]string {
	d := map[string][]string{}
	for _, part := range strings.Split(csp, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[strings.ToLower(f[0])] = f[1:]
		}
	}
	return d
}

// Both sites ship a _headers file whose policy for every file allows
// nothing but the site's own files, and style attributes: a script or
// style from another origin, an inline script or style element, or eval
// would need this test changed first. The browser
// gates serve the same headers, so the policy shipped is the one tested.
func TestHeadersFile(t *testing.T) {
	for _, d := range []dataset{demo, shipped} {
		t.Run(d.name, func(t *testing.T) {
			h := parseHeaders(t, site(t, d))
			if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("_headers: X-Content-Type-Options %q, want nosniff", got)
			}
			if h.Get("Referrer-Policy") == "" {
				t.Error("_headers: no Referrer-Policy")
			}
			csp := h.Values("Content-Security-Policy")
			if len(csp) != 1 {
				t.Fatalf("_headers: %d Content-Security-Policy headers for /*, want 1", len(csp))
			}
			dirs := directives(csp[0])
			if got := strings.Join(dirs["default-src"], " "); got != "'self'" {
				t.Errorf("_headers: default-src %q, want 'self'", got)
			}
			// Every source any directive allows: 'self', 'none', data: for
			// images, and inline style attributes, which ECharts writes in
			// its HTML tooltips (style-src-attr: no <style> element, no
			// script, is allowed inline).
			for name, sources := range dirs {
				for _, s := range sources {
					switch {
					case s == "'self'", s == "'none'":
					case s == "data:" && name == "img-src":
					case s == "'unsafe-inline'" && name == "style-src-attr":
					default:
						t.Errorf("_headers: %s allows %s", name, s)
					}
				}
			}
			if _, ok := dirs["object-src"]; !ok {
				t.Error("_headers: no object-src")
			}
			// Only the embed pages may be framed by other sites; each
			// path gets one policy.
			rules := headerRules(t, site(t, d))
			for path, want := range map[string]string{
				"/": "'self'", "/chi-tieu/2a/": "'self'", "/en/indicators/2a/": "'self'", "/nhung-khac/": "'self'",
				"/nhung/target-2a-trend/": "*", "/en/embed/target-2a-trend/": "*",
			} {
				csp := rules(path).Values("Content-Security-Policy")
				if len(csp) != 1 {
					t.Errorf("_headers: %d policies for %s, want 1", len(csp), path)
					continue
				}
				if got := strings.Join(directives(csp[0])["frame-ancestors"], " "); got != want {
					t.Errorf("_headers: frame-ancestors %q for %s, want %q", got, path, want)
				}
			}
		})
	}
}

var reMetaPolicy = regexp.MustCompile(`<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"`)

// Every page carries the policy of the _headers file in a <meta
// http-equiv> element, less frame-ancestors (which browsers ignore there),
// before anything it governs: the policy holds on a host that sends no
// header of the site's choosing, such as GitHub Pages.
func TestMetaPolicy(t *testing.T) {
	for _, d := range []dataset{demo, shipped} {
		t.Run(d.name, func(t *testing.T) {
			public := site(t, d)
			header := directives(parseHeaders(t, public).Get("Content-Security-Policy"))
			if _, ok := header["frame-ancestors"]; !ok {
				t.Error("_headers: no frame-ancestors")
			}
			delete(header, "frame-ancestors")
			pages := 0
			err := sitefiles.Each(public, ".html", func(rel string, b []byte) error {
				pages++
				page := string(b)
				m := reMetaPolicy.FindAllStringSubmatchIndex(page, -1)
				if len(m) != 1 {
					t.Errorf("%s: %d Content-Security-Policy meta elements, want 1", rel, len(m))
					return nil
				}
				meta := directives(html.UnescapeString(page[m[0][2]:m[0][3]]))
				if !reflect.DeepEqual(meta, header) {
					t.Errorf("%s: meta policy %v, want the _headers policy less frame-ancestors %v", rel, meta, header)
				}
				for _, first := range []string{"<link", "<script", "<style", "<img"} {
					if i := strings.Index(page, first); i >= 0 && i < m[0][0] {
						t.Errorf("%s: %s comes before the policy's meta element", rel, first)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if pages == 0 {
				t.Error("no HTML page: is the test reading the site?")
			}
		})
	}
}
