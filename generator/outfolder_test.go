//go:build linux

// Tests of the output folder: one writer at a time, and nothing left
// behind by a build that was stopped.

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"plansite/generator/internal/lock"
	"plansite/generator/plan"
)

// fakeHugo is a Hugo that takes its time: it writes a page into its
// --destination, records its process id (and with FAKE_HUGO_CHILD, that of
// a child it starts, as a wrapper script would) in $FAKE_HUGO_PIDS, and
// waits. With FAKE_HUGO_FAST it writes the page and ends, as a build that
// succeeds.
const fakeHugo = `#!/bin/sh
while [ $# -gt 0 ]; do
	if [ "$1" = --destination ]; then dest=$2; fi
	shift
done
mkdir -p "$dest" && echo "$FAKE_HUGO_PAGE" > "$dest/index.html" || exit 1
if [ -n "$FAKE_HUGO_FAST" ]; then exit 0; fi
if [ -n "$FAKE_HUGO_CHILD" ]; then
	sleep 600 &
	echo $$ $! > "$FAKE_HUGO_PIDS.tmp" && mv "$FAKE_HUGO_PIDS.tmp" "$FAKE_HUGO_PIDS"
	wait
else
	echo $$ > "$FAKE_HUGO_PIDS.tmp" && mv "$FAKE_HUGO_PIDS.tmp" "$FAKE_HUGO_PIDS"
	exec sleep 600
fi
`

// writeFakeHugo writes fakeHugo into dir and returns its path.
func writeFakeHugo(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "fake-hugo")
	if err := os.WriteFile(path, []byte(fakeHugo), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// generatorCommand is the generator as a process of its own: the test
// binary under the name generator (see TestMain).
func generatorCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "generator")
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	return exec.Command(bin, args...)
}

// alive reports whether process pid runs: it exists and is not a zombie
// (a process whose parent is gone may stay one where nothing reaps it).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	_, rest, _ := bytes.Cut(b, []byte(") "))
	return len(rest) > 0 && rest[0] != 'Z' && rest[0] != 'X'
}

// waitPIDs waits for the fake Hugo to record its process ids; when it
// does not, it kills gen, if given, and shows what gen said.
func waitPIDs(t *testing.T, path string, gen *exec.Cmd, stderr *bytes.Buffer) []int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil {
			var pids []int
			for _, f := range strings.Fields(string(b)) {
				pid, err := strconv.Atoi(f)
				if err != nil {
					t.Fatalf("%s: %q", path, b)
				}
				pids = append(pids, pid)
			}
			return pids
		}
		time.Sleep(20 * time.Millisecond)
	}
	if gen != nil {
		gen.Process.Kill()
		gen.Wait()
		t.Fatalf("the fake Hugo did not start within 60 s; the generator said:\n%s", stderr)
	}
	t.Fatalf("the fake Hugo did not start within 60 s")
	return nil
}

// publishedSite is a site/ with a published public/ in it, as a build
// leaves it.
func publishedSite(t *testing.T) (out string, public map[string]string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "site")
	if err := os.MkdirAll(filepath.Join(out, "public", "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "public", "index.html"), []byte("the previous site\n"))
	writeFile(t, filepath.Join(out, "public", "en", "index.html"), []byte("the previous site, in English\n"))
	return out, tree(t, filepath.Join(out, "public"))
}

// leftovers are the temporary folders of builds in out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public-new-") || e.Name() == "public.old" {
			left = append(left, e.Name())
		}
	}
	return left
}

// SIGINT or SIGTERM to a build while Hugo runs stops Hugo (and what Hugo
// started), removes Hugo's folder, leaves the published site as it was,
// and exits 1 with one line that says so.
func TestBuildInterrupted(t *testing.T) {
	tests := []struct {
		sig   syscall.Signal
		child bool // the fake Hugo is a wrapper that starts a child
		msg   string
	}{
		{syscall.SIGTERM, false, "terminated"},
		{syscall.SIGINT, false, "interrupt"},
		{syscall.SIGTERM, true, "terminated"},
	}
	for _, tt := range tests {
		t.Run(tt.sig.String()+map[bool]string{true: " with a child"}[tt.child], func(t *testing.T) {
			out, before := publishedSite(t)
			tmp := t.TempDir()
			pidFile := filepath.Join(tmp, "pids")
			gen := generatorCommand(t, "build", "-data", filepath.Join("testdata", "base"), "-out", out, "-hugo", writeFakeHugo(t, tmp))
			gen.Env = append(os.Environ(), "FAKE_HUGO_PIDS="+pidFile, "FAKE_HUGO_PAGE=half-built")
			if tt.child {
				gen.Env = append(gen.Env, "FAKE_HUGO_CHILD=1")
			}
			var stdout, stderr bytes.Buffer
			gen.Stdout, gen.Stderr = &stdout, &stderr
			if err := gen.Start(); err != nil {
				t.Fatal(err)
			}
			pids := waitPIDs(t, pidFile, gen, &stderr)
			if len(leftovers(t, out)) == 0 {
				t.Errorf("no temporary folder while Hugo runs: the test tests nothing")
			}
			if err := gen.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- gen.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				gen.Process.Kill()
				t.Fatalf("the generator did not stop within 30 s of %v", tt.sig)
			}
			if code := gen.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			want := "generator build: interrupted (" + tt.msg + " signal received); the previous site is unchanged\n"
			if stderr.String() != want {
				t.Errorf("stderr = %q, want %q", stderr.String(), want)
			}
			if !onlyStages(stdout.String()) {
				t.Errorf("stdout = %q, want only the lines of the stages that ran", stdout.String())
			}
			for _, pid := range pids {
				if alive(pid) {
					syscall.Kill(pid, syscall.SIGKILL)
					t.Errorf("the fake Hugo's process %d runs on after the generator stopped", pid)
				}
			}
			if left := leftovers(t, out); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if d := diffTrees(before, tree(t, filepath.Join(out, "public"))); len(d) > 0 {
				t.Errorf("site/public changed:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// SIGKILL to a build while Hugo runs kills Hugo with it (Pdeathsig); the
// next build is not stopped by the lock the killed one held, removes the
// killed one's temporary folder, and publishes.
func TestBuildKilled(t *testing.T) {
	out, before := publishedSite(t)
	tmp := t.TempDir()
	hugo := writeFakeHugo(t, tmp)
	pidFile := filepath.Join(tmp, "pids")
	gen := generatorCommand(t, "build", "-data", filepath.Join("testdata", "base"), "-out", out, "-hugo", hugo)
	gen.Env = append(os.Environ(), "FAKE_HUGO_PIDS="+pidFile, "FAKE_HUGO_PAGE=half-built")
	var stderr bytes.Buffer
	gen.Stderr = &stderr
	if err := gen.Start(); err != nil {
		t.Fatal(err)
	}
	pid := waitPIDs(t, pidFile, gen, &stderr)[0]
	if err := gen.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	gen.Wait()
	for deadline := time.Now().Add(10 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the fake Hugo (process %d) runs on 10 s after the generator was killed", pid)
		}
	}
	if d := diffTrees(before, tree(t, filepath.Join(out, "public"))); len(d) > 0 {
		t.Errorf("site/public changed:\n%s", strings.Join(d, "\n"))
	}
	left := leftovers(t, out)
	if len(left) == 0 {
		t.Fatalf("the killed build left no temporary folder: the test tests nothing")
	}

	next := generatorCommand(t, "build", "-data", filepath.Join("testdata", "base"), "-out", out, "-hugo", hugo)
	next.Env = append(os.Environ(), "FAKE_HUGO_FAST=1", "FAKE_HUGO_PAGE=the next site")
	if b, err := next.CombinedOutput(); err != nil {
		t.Fatalf("the next build: %v\n%s", err, b)
	}
	if got := readFile(t, filepath.Join(out, "public", "index.html")); got != "the next site\n" {
		t.Errorf("public/index.html = %q after the next build", got)
	}
	// public.old is the site the next build replaced, kept until the one
	// after it (package hugo).
	if now := leftovers(t, out); len(now) != 1 || now[0] != "public.old" {
		t.Errorf("after the next build: %v, want only public.old (the killed build left %v)", now, left)
	}
}

// A preview holds its folder for as long as it runs: a build into it is
// refused, saying so, and goes ahead once the preview has stopped; a
// preview into a folder a build holds is refused too.
func TestPreviewHoldsFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	tmp := t.TempDir()
	data := filepath.Join("testdata", "base")
	hugo := writeFakeHugo(t, tmp)

	l, err := lock.Take(out, "build")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "-data", data, "-out", out, "-hugo", hugo}, &stdout, &stderr); code != 1 {
		t.Errorf("serve into a folder a build holds: exit %d, want 1", code)
	}
	want := regexp.MustCompile(`^generator serve: another build is writing to ` + regexp.QuoteMeta(out) +
		` \(process ` + strconv.Itoa(os.Getpid()) + `, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\); wait for it or stop it\n$`)
	if !want.MatchString(stderr.String()) {
		t.Errorf("serve into a folder a build holds: stderr = %q, want %s", stderr.String(), want)
	}
	l.Release()

	server := filepath.Join(tmp, "hugo-server")
	pidFile := filepath.Join(tmp, "server.pid")
	// Written aside and moved, as fakeHugo does: a file read while the
	// shell writes it would be empty.
	writeFile(t, server, []byte("#!/bin/sh\necho $$ > "+pidFile+".tmp && mv "+pidFile+".tmp "+pidFile+"\nexec sleep 600\n"))
	if err := os.Chmod(server, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := config{data: data, out: out, hugo: server, port: "1313", format: plan.FormatText}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pout, perr syncBuffer
	done := make(chan error, 1)
	go func() { done <- preview(ctx, cfg, &pout, &perr) }()
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(pout.String(), "preview at"); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the preview did not start within 60 s:\n%s%s", pout.String(), perr.String())
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "-data", data, "-out", out, "-hugo", hugo}, &stdout, &stderr); code != 1 {
		t.Errorf("build into a folder a preview uses: exit %d, want 1", code)
	}
	want = regexp.MustCompile(`^generator build: a preview \(generator serve, process ` + strconv.Itoa(os.Getpid()) +
		`, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\) is using ` + regexp.QuoteMeta(out) + `; stop it, or give -out another folder\n$`)
	if !want.MatchString(stderr.String()) {
		t.Errorf("build into a folder a preview uses: stderr = %q, want %s", stderr.String(), want)
	}

	pid := waitPIDs(t, pidFile, nil, nil)[0]
	cancel()
	if err := <-done; err != nil {
		t.Errorf("preview: %v", err)
	}
	if alive(pid) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Errorf("the fake Hugo server (process %d) runs on after the preview stopped", pid)
	}
	t.Setenv("FAKE_HUGO_FAST", "1")
	t.Setenv("FAKE_HUGO_PAGE", "built")
	stderr.Reset()
	if code := run([]string{"build", "-data", data, "-out", out, "-hugo", hugo}, &stdout, &stderr); code != 0 {
		t.Errorf("build after the preview stopped: exit %d\n%s", code, stderr.String())
	}
}
