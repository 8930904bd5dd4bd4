package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// One saved edit to a data file or a page of content/ triggers exactly
// one rebuild, however the editor writes it: in one write, in two writes
// within a poll (truncate, then write), or through a temporary file
// renamed over the old one.
func TestWatchOneEditOneRebuild(t *testing.T) {
	// Long enough that the two writes of one save fall within one poll even
	// on a loaded machine.
	const interval = 100 * time.Millisecond
	tests := []struct {
		name string
		save func(t *testing.T, path string, b []byte)
	}{
		{"one write", func(t *testing.T, path string, b []byte) {
			writeFile(t, path, b)
		}},
		{"two writes", func(t *testing.T, path string, b []byte) {
			writeFile(t, path, nil)
			writeFile(t, path, b)
		}},
		{"rename over", func(t *testing.T, path string, b []byte) {
			tmp := path + ".tmp~"
			writeFile(t, tmp, b)
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		for _, folder := range []string{"data", "content"} {
			t.Run(tt.name+" in "+folder, func(t *testing.T) {
				watchOneEdit(t, interval, folder, tt.save)
			})
		}
	}
}

func watchOneEdit(t *testing.T, interval time.Duration, folder string, save func(t *testing.T, path string, b []byte)) {
	dir := t.TempDir()
	data, content := filepath.Join(dir, "data"), filepath.Join(dir, "content")
	for _, d := range []string{data, content} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(data, "targets.yaml")
	if folder == "content" {
		path = filepath.Join(content, "gioi-thieu.md")
	}
	writeFile(t, path, []byte("targets: []\n"))
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan struct{}, 10)
	done := make(chan struct{})
	go func() {
		defer close(done)
		watch(ctx, interval, func() { calls <- struct{}{} }, data, content)
	}()
	defer func() { cancel(); <-done }()

	time.Sleep(10 * interval)
	if n := len(calls); n != 0 {
		t.Fatalf("%d rebuilds before any edit, want 0", n)
	}
	for edit := 1; edit <= 2; edit++ {
		save(t, path, []byte(strings.Repeat("# edit\n", edit)+"targets: []\n"))
		select {
		case <-calls:
		case <-time.After(5 * time.Second):
			t.Fatalf("edit %d: no rebuild", edit)
		}
		time.Sleep(20 * interval)
		if n := len(calls); n != 0 {
			t.Fatalf("edit %d: %d more rebuilds, want exactly one", edit, n)
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a buffer that Hugo's output and the watcher can write to
// at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The live preview shows bad data's problems on its pages, in the page's
// language, over the last good site, and drops them once the data is
// fixed.
func TestPreviewShowsDataProblems(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo's server")
	}
	data := filepath.Join(t.TempDir(), "data")
	copyDir(t, filepath.Join("..", "examples", "demo"), data)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cfg := config{data: data, out: filepath.Join(t.TempDir(), "site"), hugo: hugoCmd(t), port: strconv.Itoa(port), format: "text"}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- preview(ctx, cfg, &stdout, &stderr) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("preview: %v", err)
		}
	}()

	base := "http://127.0.0.1:" + strconv.Itoa(port)
	// page waits until the page at path satisfies ok.
	page := func(path, what string, ok func(string) bool) string {
		t.Helper()
		var body string
		deadline := time.Now().Add(90 * time.Second)
		for time.Now().Before(deadline) {
			if res, err := http.Get(base + path); err == nil {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if body = string(b); res.StatusCode == http.StatusOK && ok(body) {
					return body
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: %s: not within 90 s; last page:\n%.2000s\nstdout:\n%s\nstderr:\n%s", path, what, body, stdout.String(), stderr.String())
		return ""
	}
	hasErrors := func(s string) bool { return strings.Contains(s, `class="data-errors"`) }
	page("/", "the good site", func(s string) bool { return strings.Contains(s, "<html") && !hasErrors(s) })

	targets := filepath.Join(data, "targets.yaml")
	good, err := os.ReadFile(targets)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(good, []byte("\n    by: 2015\n"))
	if i < 0 {
		t.Fatal("no target of the demo is due by 2015")
	}
	at := fmt.Sprintf("targets.yaml:%d:9", bytes.Count(good[:i], []byte("\n"))+2)
	writeFile(t, targets, bytes.Replace(good, []byte("by: 2015"), []byte("by: 2501"), 1))
	vi := page("/", "the problems", hasErrors)
	for _, want := range []string{at, "năm 2501 không hợp lệ", "Dữ liệu có lỗi"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi page lacks %q", want)
		}
	}
	if strings.Contains(vi, "does not make sense") {
		t.Errorf("vi page carries the English message")
	}
	en := page("/en/", "the problems in English", hasErrors)
	if !strings.Contains(en, "year 2501 does not make sense") {
		t.Errorf("en page lacks the English message")
	}
	if _, err := os.Stat(filepath.Join(cfg.out, "public")); err == nil {
		t.Errorf("the preview wrote %s/public: it must render in memory", cfg.out)
	}

	writeFile(t, targets, good)
	page("/", "the problems gone", func(s string) bool { return !hasErrors(s) })

	// A Hugo shortcode in a text is a problem of the data too: the last
	// good preview with the banner, never Hugo's own error page.
	shortcode := bytes.Replace(good, []byte("\n    by: 2015\n"), []byte("\n    by: 2015\n    note: {vi: \"{{< youtube id=\\\"x\\\" >}}\"}\n"), 1)
	writeFile(t, targets, shortcode)
	vi = page("/", "the shortcode refused", hasErrors)
	if !strings.Contains(vi, "shortcode") || strings.Contains(vi, "<iframe") {
		t.Errorf("the preview does not refuse the shortcode:\n%.3000s", vi)
	}
	writeFile(t, targets, good)
	page("/", "the shortcode gone", func(s string) bool { return !hasErrors(s) })
	if _, err := os.Stat(filepath.Join(cfg.out, filepath.FromSlash(problemsData))); err == nil {
		t.Errorf("%s left behind after the fix", problemsData)
	}
}
