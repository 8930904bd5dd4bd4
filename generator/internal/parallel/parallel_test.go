package parallel

import (
	"sync/atomic"
	"testing"
)

// Every index is run exactly once, whatever the number of jobs.
func TestDoRunsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		runs := make([]atomic.Int32, n)
		Do(n, func(i int) { runs[i].Add(1) })
		for i := range runs {
			if got := runs[i].Load(); got != 1 {
				t.Errorf("n=%d: job %d ran %d times", n, i, got)
			}
		}
	}
}
