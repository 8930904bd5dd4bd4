package hugo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPagesInSumsTheLanguagesOfHugosSummary(t *testing.T) {
	said := "Start building sites … \nhugo v0.165.0 linux/amd64 BuildDate=unknown\n\n\n" +
		"                  │ VI │ EN \n──────────────────┼────┼────\n" +
		" Pages            │ 94 │ 92 \n Paginator pages  │  0 │  0 \n Non-page files   │  0 │  0 \n" +
		" Static files     │ 52 │ 52 \n\nTotal in 1572 ms"
	if got := pagesIn(said); got != 186 {
		t.Errorf("pagesIn = %d, want 186", got)
	}
	for _, said := range []string{"", "Total in 3 ms", " Pages │ many │ 2 "} {
		if got := pagesIn(said); got != 0 {
			t.Errorf("pagesIn(%q) = %d, want 0", said, got)
		}
	}
}

func TestRenderedCountsTheHTMLFilesWritten(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"index.html", "chi-tieu/2a/index.html", "en/index.html", "css/site.css", "data/x.json"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Rendered(dir); got != 3 {
		t.Errorf("Rendered = %d, want 3", got)
	}
	if got := Rendered(filepath.Join(dir, "not-yet")); got != 0 {
		t.Errorf("Rendered of a missing folder = %d, want 0", got)
	}
}
