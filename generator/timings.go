package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"plansite/generator/internal/memory"
)

// A stopwatch prints how long each part of a build took, for make bench,
// when the environment sets PLANSITE_TIMINGS: one line a part on stderr,
//
//	timing generator 1.234567s peak-rss 456789 kB
//
// with the process's peak resident memory so far (VmHWM), which for the
// generator part is the generator's own: Hugo runs in a process of its own.
// A nil stopwatch prints nothing.
type stopwatch struct {
	w    io.Writer
	last time.Time
}

func newStopwatch(w io.Writer) *stopwatch {
	if os.Getenv("PLANSITE_TIMINGS") == "" {
		return nil
	}
	return &stopwatch{w: w, last: time.Now()}
}

// lap prints the time since the previous lap as the time of part.
func (s *stopwatch) lap(part string) {
	if s == nil {
		return
	}
	now := time.Now()
	fmt.Fprintf(s.w, "timing %s %.6fs peak-rss %d kB\n", part, now.Sub(s.last).Seconds(), memory.Peak())
	s.last = now
}
