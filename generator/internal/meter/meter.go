// Package meter shows the stages of a build as they run, so that a long
// build is never silent.
//
// On a terminal (Live), the running stage is one line redrawn in place
// with its elapsed time and, where the stage can count its work, the
// count so far; when it ends, the line is replaced by the stage's name and
// time, and stays. Anywhere else (a pipe, a log file, CI: Plain), each
// stage prints one plain line when it ends and nothing is ever redrawn.
// Quiet prints nothing: the caller prints the problems and its last line
// itself.
package meter

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Mode is how a Meter shows the stages.
type Mode int

const (
	Plain Mode = iota // one line per stage as it ends
	Live              // a redrawn line while a stage runs, then Plain's line
	Quiet             // nothing
)

// ModeOf is the mode for writing to w: Quiet when asked, Live when w is a
// terminal and the environment is not CI's (CI set) or a dumb terminal,
// Plain otherwise.
func ModeOf(w io.Writer, quiet bool) Mode {
	switch {
	case quiet:
		return Quiet
	case os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb":
		return Plain
	}
	f, ok := w.(*os.File)
	if !ok {
		return Plain
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return Plain
	}
	return Live
}

// A Counter reports how much of a stage's work is done so far, and the
// word for its unit ("pages"). It is called from another goroutine than
// the stage's, and only in Live mode.
type Counter func() (n int, unit string)

// A Meter shows one build's stages. Its methods are called from the
// goroutine that runs the stages; a nil Meter shows nothing.
type Meter struct {
	w     io.Writer
	mode  Mode
	every time.Duration // how often Live redraws

	mu      sync.Mutex // guards the writes to w, and stage
	stage   string
	began   time.Time
	stopped chan struct{} // closed when the running stage's redrawing must stop
	drawn   sync.WaitGroup
}

// New is a Meter writing to w in mode.
func New(w io.Writer, mode Mode) *Meter {
	return &Meter{w: w, mode: mode, every: 250 * time.Millisecond}
}

// Begin starts stage, ending the stage still running if there is one
// (with no count). count, which may be nil, is what Live shows beside the
// time.
func (m *Meter) Begin(stage string, count Counter) {
	if m == nil {
		return
	}
	if m.stage != "" {
		m.End(0, "")
	}
	m.stage, m.began = stage, time.Now()
	if m.mode != Live {
		return
	}
	m.stopped = make(chan struct{})
	m.drawn.Add(1)
	go m.redraw(stage, m.began, count, m.stopped)
}

// redraw draws the running stage's line until stopped is closed.
func (m *Meter) redraw(stage string, began time.Time, count Counter, stopped chan struct{}) {
	defer m.drawn.Done()
	tick := time.NewTicker(m.every)
	defer tick.Stop()
	for frame := 0; ; frame++ {
		var n int
		var unit string
		if count != nil {
			n, unit = count()
		}
		m.mu.Lock()
		select {
		case <-stopped:
			m.mu.Unlock()
			return
		default:
		}
		fmt.Fprintf(m.w, "\r\x1b[K%c %s", spinner[frame%len(spinner)], line(stage, time.Since(began), n, unit))
		m.mu.Unlock()
		select {
		case <-stopped:
			return
		case <-tick.C:
		}
	}
}

// spinner turns while a stage runs, so that a stage that counts nothing
// still shows it is alive.
var spinner = []rune{'|', '/', '-', '\\'}

// End ends the running stage, with the final count of its work when n > 0
// (n and unit as a Counter gives them). It does nothing when no stage runs.
func (m *Meter) End(n int, unit string) {
	if m == nil || m.stage == "" {
		return
	}
	stage, took := m.stage, time.Since(m.began)
	m.stage = ""
	if m.mode == Quiet {
		return
	}
	m.erase()
	fmt.Fprintln(m.w, line(stage, took, n, unit))
}

// Stop ends the running stage without its line, as when the build
// failed: what failed is the caller's to say. On a terminal, the running
// line is erased.
func (m *Meter) Stop() {
	if m == nil || m.stage == "" {
		return
	}
	m.stage = ""
	m.erase()
}

// erase stops redrawing the running stage's line and erases it (Live).
func (m *Meter) erase() {
	if m.mode != Live {
		return
	}
	m.mu.Lock()
	close(m.stopped)
	m.mu.Unlock()
	m.drawn.Wait()
	fmt.Fprint(m.w, "\r\x1b[K")
}

// line is a stage's line: its name padded to a column, its time, and its
// count when there is one.
//
//	hugo     12.3 s · 4 512 pages
func line(stage string, took time.Duration, n int, unit string) string {
	s := fmt.Sprintf("%-8s %5.2f s", stage, took.Seconds())
	if n > 0 {
		s += " · " + Thousands(n) + " " + unit
	}
	return s
}

// Thousands writes n with a space between groups of three digits, which
// reads the same in Vietnamese and English.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
