package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// On every page, the main navigation marks as current the links whose
// address begins the page's: aria-current=page on the link to the page
// itself, aria-current=true on its section's link from a page within it,
// and no mark elsewhere. (The marks are worked out once for each section
// and kind of page: a page marked as another would tell a screen reader
// it is somewhere else.)
func TestNavigationMarksCurrent(t *testing.T) {
	nav := regexp.MustCompile(`(?s)<nav class="?site-nav"?.*?</nav>`)
	link := regexp.MustCompile(`<a href="?([^" >]+)"?( aria-current="?(page|true)"?)?>`)
	for _, data := range datasets {
		t.Run(filepath.Base(data), func(t *testing.T) {
			marked := 0
			for u, html := range pagesOf(t, siteOf(t, data)) {
				if strings.HasPrefix(u, "/nhung/") || strings.HasPrefix(u, "/en/embed/") {
					continue // embed pages have no navigation
				}
				n := nav.FindString(html)
				if n == "" {
					if u != "/404.html" && u != "/en/404.html" {
						t.Errorf("%s: no main navigation", u)
					}
					continue
				}
				for _, m := range link.FindAllStringSubmatch(n, -1) {
					want := ""
					switch {
					case m[1] == u:
						want = "page"
					case strings.HasPrefix(u, m[1]) && m[1] != "/" && m[1] != "/en/":
						want = "true"
					}
					if m[3] != want {
						t.Errorf("%s: the link to %s is marked %q, want %q", u, m[1], m[3], want)
					}
					if m[3] != "" {
						marked++
					}
				}
			}
			if marked == 0 {
				t.Fatal("no page marks a link as current: the test sees nothing")
			}
		})
	}
}
