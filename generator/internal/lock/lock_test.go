//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package lock

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMain doubles the test binary as a process that holds a lock:
// with LOCK_TEST_HOLD=dir it takes dir's lock, says so, and waits to be
// killed.
func TestMain(m *testing.M) {
	if dir := os.Getenv("LOCK_TEST_HOLD"); dir != "" {
		if _, err := Take(dir, "build"); err != nil {
			os.Stdout.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A second Take is refused, naming the holder, until the first releases.
func TestTakeRefusesSecond(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site") // made by Take
	before := time.Now().Truncate(time.Second)
	l, err := Take(dir, "serve")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Take(dir, "build")
	var h *Held
	if !errors.As(err, &h) {
		t.Fatalf("second Take: %v, want a *Held", err)
	}
	if h.PID != os.Getpid() || h.Command != "serve" || h.Started.Before(before) || h.Started.After(time.Now()) || h.Dir != dir {
		t.Errorf("second Take: held by %+v, want this process (%d), serve, started now, in %s", h, os.Getpid(), dir)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Errorf("second Release: %v", err)
	}
	l, err = Take(dir, "build")
	if err != nil {
		t.Fatalf("Take after Release: %v", err)
	}
	l.Release()
}

// A lock whose holder was killed (SIGKILL: nothing of it ran after) is
// free: the kernel released it with the process.
func TestTakeAfterHolderKilled(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LOCK_TEST_HOLD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "held\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("holder said %q", line)
	}
	var h *Held
	if _, err := Take(dir, "build"); !errors.As(err, &h) || h.PID != cmd.Process.Pid {
		t.Errorf("Take while process %d holds the lock: %v", cmd.Process.Pid, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	l, err := Take(dir, "build")
	if err != nil {
		t.Fatalf("Take after the holder was killed: %v", err)
	}
	l.Release()
}

// The record left by a holder that is gone, as a crashed machine leaves
// it, is taken over.
func TestTakeOverRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, File)
	if err := os.WriteFile(path, []byte("999999999 build 2014-06-30T10:00:00+07:00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Take(dir, "build")
	if err != nil {
		t.Fatalf("Take over a dead process's record: %v", err)
	}
	defer l.Release()
	if h := holder(dir, path); h.PID != os.Getpid() || h.Command != "build" {
		t.Errorf("record = %+v, want this process's", h)
	}
}

// A record that cannot be read (the holder has not written it yet) still
// gives a refusal.
func TestHeldUnknownHolder(t *testing.T) {
	dir := t.TempDir()
	l, err := Take(dir, "build")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if err := os.WriteFile(filepath.Join(dir, File), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Take(dir, "build")
	var h *Held
	if !errors.As(err, &h) || h.PID != 0 {
		t.Fatalf("Take: %v, want a *Held with no process", err)
	}
	if got, want := h.Error(), dir+" is locked by another process"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
