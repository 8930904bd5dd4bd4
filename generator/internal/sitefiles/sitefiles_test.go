package sitefiles_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"plansite/generator/internal/sitefiles"
)

// Each reads the files with the ending, in order, named from the root,
// and stops at f's first error.
func TestEach(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"index.html", "en/index.html", "css/site.css", "a/b/page.html", "a/notes.htm"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<"+name+">"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := sitefiles.Each(root, ".html", func(rel string, b []byte) error {
		if string(b) != "<"+rel+">" {
			t.Errorf("Each: %s reads %q, want %q", rel, b, "<"+rel+">")
		}
		got = append(got, rel)
		return nil
	})
	if want := []string{"a/b/page.html", "en/index.html", "index.html"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Each(.html) = %q, %v; want %q, nil", got, err, want)
	}
	stop := errors.New("stop")
	n := 0
	err = sitefiles.Each(root, ".html", func(string, []byte) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Each with f failing: %d calls, %v; want 1 call, %v", n, err, stop)
	}
	if err := sitefiles.Each(filepath.Join(root, "none"), ".html", func(string, []byte) error { return nil }); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Each(no folder) = %v, want a not-exist error", err)
	}
}
