// Package memory bounds the generator's memory. The generator holds a
// whole site in memory before it writes it — about 600 MB live at national
// scale (generator synth) — and the garbage collector, left to its
// default, lets the heap grow to twice what is live before it collects.
// A soft limit makes it collect sooner instead, and costs little CPU while
// the live heap stays well under the limit.
package memory

import (
	"os"
	"runtime/debug"
)

// SoftLimit is the limit the generator runs under: under the 1 GiB that
// make bench holds it to at national scale, and over the live heap of
// such a build.
const SoftLimit = 800 << 20

// Limit sets SoftLimit as the runtime's soft memory limit, unless the
// environment sets one (GOMEMLIMIT).
func Limit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(SoftLimit)
	}
}
