package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Run runs every stage in order, calling the hook as each ends, and
// writes the project.
func TestRunCallsHookInOrder(t *testing.T) {
	out := t.TempDir()
	var got []string
	if _, err := Run(filepath.Join("..", "..", "examples", "demo"), out, func(s string) { got = append(got, s) }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, Stages) {
		t.Errorf("hook called with %v, want %v", got, Stages)
	}
	for _, f := range []string{"hugo.toml", filepath.FromSlash(ChangesPath)} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("Run wrote no %s: %v", f, err)
		}
	}
}

// A fatal problem stops the pipeline after check, with ErrBadData and the
// problems, and nothing is written.
func TestRunStopsOnBadData(t *testing.T) {
	data := t.TempDir()
	if err := os.CopyFS(data, os.DirFS(filepath.Join("..", "testdata", "base"))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "site.yaml"), []byte("titel: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	var got []string
	probs, err := Run(data, out, func(s string) { got = append(got, s) })
	if !errors.Is(err, ErrBadData) || !probs.Fatal() {
		t.Fatalf("Run = %v, %v; want fatal problems and ErrBadData", probs, err)
	}
	if want := Stages[:2]; !slices.Equal(got, want) {
		t.Errorf("hook called with %v, want %v", got, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("Run on bad data created %s", out)
	}
}
