package memory

import (
	"runtime/debug"
	"testing"
)

// Batch turns the proportional collector off only under the generator's
// own soft limit: with GOGC or GOMEMLIMIT set, the environment decides.
func TestBatch(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		gogc, memlimit string
		want           int
	}{{"", "", -1}, {"50", "", 100}, {"", "4GiB", 100}} {
		t.Setenv("GOGC", c.gogc)
		t.Setenv("GOMEMLIMIT", c.memlimit)
		debug.SetGCPercent(100)
		Batch()
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GC percent %d after Batch, want %d", c.gogc, c.memlimit, got, c.want)
		}
	}
}
