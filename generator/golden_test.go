package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reFingerprint matches the content hashes Hugo puts in asset names and
// integrity attributes, which change with any edit to the CSS or scripts
// and say nothing about the page.
var reFingerprint = regexp.MustCompile(`\.[0-9a-f]{64}\.(css|js)|sha256-[A-Za-z0-9+/=]{44}`)

// Golden pages: a few representative pages of the demo site, compared
// whole, so that any change to what a reader sees shows in review. Run
// with -update after a deliberate change and read the diff.
func TestGoldenPages(t *testing.T) {
	public := siteOf(t, "../examples/demo")
	for _, page := range []string{
		"/chi-tieu/2a/",
		"/en/indicators/3e/",
		"/chinh-sach/1-1/",
		"/en/districts/son-dong/",
	} {
		b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(page), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		got := reFingerprint.ReplaceAllString(string(b), ".HASH.$1")
		// One tag a line, so that a diff points at what changed.
		got = strings.ReplaceAll(got, "><", ">\n<") + "\n"
		name := strings.Trim(strings.ReplaceAll(page, "/", "_"), "_") + ".html"
		golden := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./generator -run TestGoldenPages -update)", page, err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := 0; i < len(gl) || i < len(wl); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s differs from %s at line %d:\ngot:  %s\nwant: %s", page, golden, i+1, g, w)
					break
				}
			}
		}
	}
}
