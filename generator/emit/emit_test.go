package emit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Write touches only files whose bytes changed, removes managed files it
// no longer produces, and leaves the rest of the folder alone.
func TestWriteOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	first := Files{
		"hugo.toml":          []byte("a"),
		"content/vi/a.md":    []byte("one"),
		"content/vi/b.md":    []byte("two"),
		"data/site.json":     []byte("{}"),
		"static/data/x.csv":  []byte("id\n"),
		"themes/t/layout.go": []byte("x"),
	}
	if n, err := Write(dir, first); err != nil || n != len(first) {
		t.Fatalf("first Write = %d, %v; want %d, nil", n, err, len(first))
	}
	keep := filepath.Join(dir, "public", "index.html")
	if err := os.MkdirAll(filepath.Dir(keep), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keep, []byte("built"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	unchanged := filepath.Join(dir, "content", "vi", "a.md")
	if err := os.Chtimes(unchanged, old, old); err != nil {
		t.Fatal(err)
	}

	second := Files{
		"hugo.toml":          []byte("a"),
		"content/vi/a.md":    []byte("one"),
		"data/site.json":     []byte(`{"x":1}`),
		"static/data/x.csv":  []byte("id\n"),
		"themes/t/layout.go": []byte("x"),
	}
	n, err := Write(dir, second)
	if err != nil || n != 1 {
		t.Errorf("second Write = %d, %v; want 1 (only data/site.json changed), nil", n, err)
	}
	if st, err := os.Stat(unchanged); err != nil || !st.ModTime().Equal(old) {
		t.Errorf("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "vi", "b.md")); !os.IsNotExist(err) {
		t.Errorf("a file no longer produced was not removed: %v", err)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "built" {
		t.Errorf("public/ was touched: %q, %v", b, err)
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"ngắn", 10, "ngắn"},
		{"một hai ba bốn năm", 9, "một hai…"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// Write makes each missing folder once and knows which it made: the files
// in those are new, written without looking for one already there, and
// the managed folders it made hold nothing stale. A file of the same size
// with other bytes is still rewritten.
func TestWriteKnowsNewFolders(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, Files{"content/vi/a.md": []byte("one"), "hugo.toml": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	made, err := makeDirs(dir, []string{"content/vi/b.md", "content/en/a.md", "assets/areas/x/y.json", "hugo.toml"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"content/en": true, "assets": true, "assets/areas": true, "assets/areas/x": true}
	if len(made) != len(want) {
		t.Errorf("makeDirs made %v, want %v", made, want)
	}
	for d := range want {
		if !made[d] {
			t.Errorf("makeDirs made %v, want %v", made, want)
		}
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d))); err != nil || !st.IsDir() {
			t.Errorf("%s not made: %v", d, err)
		}
	}
	n, err := Write(dir, Files{"content/vi/a.md": []byte("two"), "hugo.toml": []byte("a"), "assets/areas/x.json": []byte("{}")})
	if err != nil || n != 2 {
		t.Errorf("Write = %d, %v; want 2 (a.md of the same size, x.json new), nil", n, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "content", "vi", "a.md")); err != nil || string(b) != "two" {
		t.Errorf("content/vi/a.md = %q, %v; want \"two\"", b, err)
	}
}
