// Package memory bounds the generator's memory. The generator holds a
// whole site in memory before it writes it — about 600 MB live at national
// scale (generator synth) — and the garbage collector, left to its
// default, lets the heap grow to twice what is live before it collects.
// A soft limit makes it collect sooner instead, and costs little CPU while
// the live heap stays well under the limit. Peak reads what the process
// took at most, for make bench.
package memory

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// SoftLimit is the limit the generator runs under: under the 1 GiB that
// make bench holds it to at national scale (the process's peak is about
// 30 MB over it), and well over the live heap of such a build (about
// 500 MB), so that the collector runs twice rather than three times.
const SoftLimit = 900 << 20

// Limit sets SoftLimit as the runtime's soft memory limit, unless the
// environment sets one (GOMEMLIMIT).
func Limit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(SoftLimit)
	}
}

// Batch makes the collector wait for the soft limit before it collects,
// for a command that runs once and exits (build, check): the heap may then
// grow to SoftLimit, as it does at national scale anyway, and a national
// build spends less CPU collecting garbage (the generator's stages,
// 4.3 → 3.8 s of CPU at an 800 MB limit, the same peak). It does nothing
// when the environment sets GOGC, or GOMEMLIMIT, since without the soft
// limit the heap would never be collected. serve, which runs for hours,
// keeps the collector's default.
func Batch() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
	}
}

// Peak is the process's peak resident memory in kB (VmHWM), or 0 where
// /proc/self/status does not say.
func Peak() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
