package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The shipped about page (content/gioi-thieu.md and .en.md) is published
// in both languages at the URLs of the contract, with its links resolved
// to each language's pages, and listed in the main navigation.
func TestAboutPagePublished(t *testing.T) {
	public := siteOf(t, "../data")
	for _, c := range []struct{ path, title, nav, link string }{
		{"gioi-thieu/index.html", "<h1>Giới thiệu</h1>", `href=/gioi-thieu/`, `href=/chi-tieu/2a/`},
		{"en/about/index.html", "<h1>About</h1>", `href=/en/about/`, `href=/en/indicators/2a/`},
	} {
		b, err := os.ReadFile(filepath.Join(public, c.path))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, want := range []string{c.title, c.nav, c.link, "CC BY 4.0"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", c.path, want)
			}
		}
		if strings.Contains(page, "chi-tieu:") {
			t.Errorf("%s: a shortcut link was left unresolved", c.path)
		}
	}
	// Every other page's navigation lists it too.
	b, err := os.ReadFile(filepath.Join(public, "en", "indicators", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `href=/en/about/>About</a>`) {
		t.Error("/en/indicators/: the navigation does not list the about page")
	}
}

// build -drafts publishes a draft under the "Bản nháp / Draft" banner, in
// both languages; other pages carry no banner. The English page of a page
// without translation says so, and marks its Vietnamese title as such.
func TestDraftBanner(t *testing.T) {
	content := t.TempDir()
	page := "---\ntitle: Dự thảo\ndate: 2014-07-01\ndraft: true\n---\n\nChưa xong.\n"
	if err := os.MkdirAll(filepath.Join(content, "tin-tuc"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "tin-tuc", "du-thao.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr strings.Builder
	if code := run([]string{"build", "-drafts", "-data", "../examples/demo", "-content", content, "-out", out, "-hugo", hugoCmd(t)}, &stdout, &stderr); code != 0 {
		t.Fatalf("build -drafts: exit %d\n%s", code, stderr.String())
	}
	for _, c := range []struct {
		path   string
		banner bool
	}{
		{"tin-tuc/du-thao/index.html", true},
		{"en/news/du-thao/index.html", true},
		{"tin-tuc/index.html", false},
	} {
		b, err := os.ReadFile(filepath.Join(out, "public", c.path))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), `class=draft-banner`) && strings.Contains(string(b), "Bản nháp / Draft."); got != c.banner {
			t.Errorf("%s: draft banner = %t, want %t", c.path, got, c.banner)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "public", "en", "news", "du-thao", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1 lang=vi>Dự thảo</h1>", "This page has no English version yet"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/en/news/du-thao/: no %s", want)
		}
	}
}
