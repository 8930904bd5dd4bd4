package meter

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// syncBuffer is a buffer the redrawing goroutine and the test may share.
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

func TestPlainPrintsOneLinePerStageAsItEnds(t *testing.T) {
	var b bytes.Buffer
	m := New(&b, Plain)
	m.Begin("load", nil)
	if b.Len() != 0 {
		t.Errorf("Begin printed %q; Plain prints only as a stage ends", b.String())
	}
	m.Begin("check", nil) // ends load
	m.End(0, "")
	m.Begin("hugo", nil)
	m.End(23404, "pages")
	m.End(0, "") // no stage runs: nothing
	want := regexp.MustCompile(`\Aload +\d\.\d\d s\ncheck +\d\.\d\d s\nhugo +\d\.\d\d s · 23 404 pages\n\z`)
	if !want.MatchString(b.String()) {
		t.Errorf("printed %q, want %s", b.String(), want)
	}
}

func TestQuietPrintsNothing(t *testing.T) {
	var b bytes.Buffer
	m := New(&b, Quiet)
	m.Begin("load", func() (int, string) { return 1, "files" })
	m.End(1, "files")
	m.Begin("hugo", nil)
	m.Stop()
	if b.Len() != 0 {
		t.Errorf("printed %q", b.String())
	}
}

func TestStopLeavesNoLineForTheFailedStage(t *testing.T) {
	var b bytes.Buffer
	m := New(&b, Plain)
	m.Begin("load", nil)
	m.Begin("check", nil)
	m.Stop()
	m.Stop()
	if got := b.String(); !strings.HasPrefix(got, "load ") || strings.Contains(got, "check") {
		t.Errorf("printed %q, want load's line only", got)
	}
}

func TestLiveRedrawsTheRunningStageWithItsCount(t *testing.T) {
	var b syncBuffer
	m := New(&b, Live)
	m.every = time.Millisecond
	var n atomic.Int64
	m.Begin("hugo", func() (int, string) { return int(n.Add(1000)), "pages" })
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(b.String(), "pages") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	m.End(5000, "pages")
	out := b.String()
	if !regexp.MustCompile(`\r\x1b\[K[|/\\-] hugo +\d+\.\d\d s · \d[ \d]* pages`).MatchString(out) {
		t.Errorf("no redrawn line with a count in %q", out)
	}
	// The running line is erased, and the stage's own line stays.
	if !regexp.MustCompile(`\r\x1b\[Khugo +\d+\.\d\d s · 5 000 pages\n\z`).MatchString(out) {
		t.Errorf("output does not end with the stage's line: %q", out)
	}
	// Nothing is drawn once the stage has ended.
	time.Sleep(20 * time.Millisecond)
	if b.String() != out {
		t.Errorf("drawn after End: %q", strings.TrimPrefix(b.String(), out))
	}
}

func TestModeOf(t *testing.T) {
	t.Setenv("CI", "")
	var b bytes.Buffer
	if m := ModeOf(&b, false); m != Plain {
		t.Errorf("a buffer: mode %d, want Plain", m)
	}
	if m := ModeOf(&b, true); m != Quiet {
		t.Errorf("-quiet: mode %d, want Quiet", m)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1 000", 23404: "23 404", 1234567: "1 234 567"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
