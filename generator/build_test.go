package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hugoCmd is the Hugo the tests build with: PLANSITE_HUGO when make sets
// it, else the pinned one through go tool (compiled on first use).
func hugoCmd(t *testing.T) string {
	t.Helper()
	if h := os.Getenv("PLANSITE_HUGO"); h != "" {
		return h
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return "go tool -modfile=" + filepath.Join(root, "tools", "hugo.mod") + " hugo"
}

// buildSite runs `generator build` and returns its exit status and stderr.
func buildSite(t *testing.T, data, out string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-data", data, "-out", out, "-hugo", hugoCmd(t)}, &stdout, &stderr)
	return code, stderr.String()
}

// tree maps every file under dir to a hash of its bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func diffTrees(a, b map[string]string) []string {
	var diffs []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			diffs = append(diffs, "only in first: "+k)
		} else if v != w {
			diffs = append(diffs, "differs: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diffs = append(diffs, "only in second: "+k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// copyDir copies a data folder so a test can break it.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

func TestBuildShippedData(t *testing.T) {
	out := t.TempDir()
	if code, stderr := buildSite(t, "../data", out); code != 0 {
		t.Fatalf("build ../data: exit %d\n%s", code, stderr)
	}
	vi := readFile(t, filepath.Join(out, "public", "index.html"))
	en := readFile(t, filepath.Join(out, "public", "en", "index.html"))
	for _, want := range []string{`<html lang=vi`, "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững", "2a", "3l"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi home page lacks %q", want)
		}
	}
	if !strings.Contains(en, `<html lang=en`) || !strings.Contains(en, "unofficial") {
		t.Errorf("en home page lacks its language or the unofficial-translation note")
	}
	if strings.Contains(vi, "demo-banner") {
		t.Errorf("the shipped data's site carries the demo banner")
	}
}

func TestBuildDemoCarriesBanner(t *testing.T) {
	out := t.TempDir()
	if code, stderr := buildSite(t, "../examples/demo", out); code != 0 {
		t.Fatalf("build ../examples/demo: exit %d\n%s", code, stderr)
	}
	for _, page := range []string{"index.html", "en/index.html"} {
		html := readFile(t, filepath.Join(out, "public", page))
		if !strings.Contains(html, "demo-banner") {
			t.Errorf("%s: no demo banner", page)
		}
	}
}

// A failed build, for bad data or a failing Hugo, exits non-zero and leaves
// the previous site exactly as it was.
func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	out := t.TempDir()
	if code, stderr := buildSite(t, "../data", out); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := tree(t, filepath.Join(out, "public"))

	t.Run("bad data", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "data")
		copyDir(t, "../data", data)
		if err := os.WriteFile(filepath.Join(data, "site.yaml"), []byte("title: Trang\nupdated: 2014-13-45\nbogus: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stderr := buildSite(t, data, out)
		if code != 1 {
			t.Errorf("exit %d, want 1\n%s", code, stderr)
		}
		if !strings.Contains(stderr, "site.yaml:3:1: ") {
			t.Errorf("stderr lacks the position of the unknown key:\n%s", stderr)
		}
		if d := diffTrees(before, tree(t, filepath.Join(out, "public"))); len(d) > 0 {
			t.Errorf("site/public changed after bad data:\n%s", strings.Join(d, "\n"))
		}
	})

	t.Run("hugo fails", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "-data", "../data", "-out", out, "-hugo", "false"}, &stdout, &stderr)
		if code != 1 {
			t.Errorf("exit %d, want 1\n%s", code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "previous site is unchanged") {
			t.Errorf("stderr does not say the site is unchanged:\n%s", stderr.String())
		}
		if d := diffTrees(before, tree(t, filepath.Join(out, "public"))); len(d) > 0 {
			t.Errorf("site/public changed after a Hugo failure:\n%s", strings.Join(d, "\n"))
		}
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".public") || strings.HasSuffix(e.Name(), ".old") {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	})

	t.Run("emit fails", func(t *testing.T) {
		// A folder the project needs is a file: writing fails as on a full
		// disk, before Hugo runs.
		static := filepath.Join(out, "static")
		if err := os.Rename(static, static+".away"); err != nil {
			t.Fatal(err)
		}
		writeFile(t, static, nil)
		defer func() {
			os.Remove(static)
			os.Rename(static+".away", static)
		}()
		code, stderr := buildSite(t, "../data", out)
		if code != 1 {
			t.Errorf("exit %d, want 1\n%s", code, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		last := lines[len(lines)-1] // after the data's warnings
		if !strings.HasPrefix(last, "generator build: writing "+out+": ") || !strings.HasSuffix(last, "; the previous site is unchanged") {
			t.Errorf("stderr does not end in one line that names the fault and says the site is unchanged:\n%s", stderr)
		}
		if d := diffTrees(before, tree(t, filepath.Join(out, "public"))); len(d) > 0 {
			t.Errorf("site/public changed after a failed write:\n%s", strings.Join(d, "\n"))
		}
	})
}

// Two builds of the same input, in different folders, give identical files.
func TestBuildIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if code, stderr := buildSite(t, "../examples/demo", out); code != 0 {
			t.Fatalf("build into %s: exit %d\n%s", out, code, stderr)
		}
	}
	if d := diffTrees(tree(t, a), tree(t, b)); len(d) > 0 {
		t.Errorf("two builds differ:\n%s", strings.Join(d, "\n"))
	}
}

// Two builds into one folder never mix: while one runs, a second is
// refused before it writes anything, with a line that names the first, and
// the published site is then exactly the first one's build.
func TestBuildRefusesSecondBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	tmp := t.TempDir()
	started, proceed := filepath.Join(tmp, "started"), filepath.Join(tmp, "proceed")
	// Hugo, once the first build has reached it, waits for the second.
	slow := filepath.Join(tmp, "slow-hugo")
	script := "#!/bin/sh\n: > " + started + "\nwhile [ ! -e " + proceed + " ]; do sleep 0.05; done\nexec " + hugoCmd(t) + ` "$@"` + "\n"
	if err := os.WriteFile(slow, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	first := make(chan error, 1)
	var stdout1, stderr1 bytes.Buffer
	go func() {
		if code := run([]string{"build", "-data", "../examples/demo", "-out", out, "-hugo", slow}, &stdout1, &stderr1); code != 0 {
			first <- fmt.Errorf("exit %d\n%s", code, stderr1.String())
		}
		close(first)
	}()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(started); err == nil {
			break
		}
		if time.Now().After(deadline) {
			writeFile(t, proceed, nil)
			t.Fatalf("the first build did not reach Hugo within 60 s: %v", <-first)
		}
	}
	project := tree(t, out)

	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-data", "../data", "-out", out, "-hugo", hugoCmd(t)}, &stdout, &stderr)
	writeFile(t, proceed, nil)
	if code != 1 {
		t.Errorf("second build: exit %d, want 1", code)
	}
	// Its last line: the data's warnings come first.
	want := regexp.MustCompile(`(^|\n)generator build: another build is writing to ` + regexp.QuoteMeta(out) +
		` \(process ` + strconv.Itoa(os.Getpid()) + `, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\); wait for it or stop it\n$`)
	if !want.MatchString(stderr.String()) {
		t.Errorf("second build: stderr = %q, want %s", stderr.String(), want)
	}
	if !onlyStages(stdout.String()) {
		t.Errorf("second build: stdout = %q, want only the lines of the stages that ran", stdout.String())
	}
	if d := diffTrees(project, tree(t, out)); len(d) > 0 {
		t.Errorf("the refused build wrote into the folder:\n%s", strings.Join(d, "\n"))
	}

	if err := <-first; err != nil {
		t.Fatalf("first build: %v", err)
	}
	ref := t.TempDir()
	if code, stderr := buildSite(t, "../examples/demo", ref); code != 0 {
		t.Fatalf("reference build: exit %d\n%s", code, stderr)
	}
	if d := diffTrees(tree(t, filepath.Join(ref, "public")), tree(t, filepath.Join(out, "public"))); len(d) > 0 {
		t.Errorf("the published site is not the first build's alone:\n%s", strings.Join(d, "\n"))
	}
}

// An emit stopped half-way (SIGKILL, a full disk) leaves nothing that
// reaches the next build: files it truncated or had not written yet are
// written, files of the dataset before are removed, and the project is
// the one a fresh emit writes.
func TestEmitAfterStoppedEmit(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "site")
	if err := emitSite(config{data: "../examples/demo", out: fresh}, io.Discard); err != nil {
		t.Fatal(err)
	}
	want := tree(t, fresh)

	out := filepath.Join(t.TempDir(), "site")
	if err := emitSite(config{data: "../data", out: out}, io.Discard); err != nil {
		t.Fatal(err)
	}
	// The emit of the demo stopped half-way over the project of ../data:
	// files cut short, files not written yet, a file of neither.
	var paths []string
	for p := range tree(t, out) {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for i, p := range paths {
		full := filepath.Join(out, filepath.FromSlash(p))
		switch i % 3 {
		case 0:
			b := readFile(t, full)
			writeFile(t, full, []byte(b[:len(b)/2]))
		case 1:
			if err := os.Remove(full); err != nil {
				t.Fatal(err)
			}
		}
	}
	writeFile(t, filepath.Join(out, "content", "stray.md"), []byte("---\ntitle: stray\n---\n"))

	if err := emitSite(config{data: "../examples/demo", out: out}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(want, tree(t, out)); len(d) > 0 {
		t.Errorf("the project after a stopped emit differs from a fresh one:\n%s", strings.Join(d, "\n"))
	}
}

// onlyStages reports whether out holds only the lines of stages that ended
// (package meter), as a build stopped before Hugo published prints: no
// summary of changes and no "built" line.
func onlyStages(out string) bool {
	return regexp.MustCompile(`\A([a-z]+ +\d+\.\d\d s( · [\d ]+ [a-z]+)?\n)*\z`).MatchString(out)
}
