// Package parallel runs a stage's independent jobs on every CPU.
package parallel

import (
	"runtime"
	"sync"
)

// Do calls job(i) for each i from 0 to n-1 on as many goroutines as there
// are CPUs, handing out the indices in order, and returns once every call
// has. A job writes its result at its own index, so that the result does
// not depend on which goroutine ran it or when; to start the longest jobs
// first, map i through an order of the caller's.
func Do(n int, job func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				job(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
