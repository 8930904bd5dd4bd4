//go:build gates

package gates

import (
	"bufio"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parseHeaders reads a _headers file (Netlify and Cloudflare Pages format:
// a path pattern on a line of its own, then indented "Name: value" lines)
// and returns the headers of the pattern /*, which applies to every file.
func parseHeaders(t *testing.T, public string) http.Header {
	t.Helper()
	f, err := os.Open(filepath.Join(public, "_headers"))
	if err != nil {
		t.Fatalf("the site has no _headers file (themes/plansite/static/_headers): %v", err)
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
		})
	}
}
