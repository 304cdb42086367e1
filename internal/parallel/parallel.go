// Package parallel splits independent work (Miller loops, subgroup checks,
// MSM chunks) over GOMAXPROCS goroutines; results never depend on the split.
package parallel

import (
	"runtime"
	"sync"
)

// Workers returns how many goroutines to split n items over when each
// goroutine should get at least min items.
func Workers(n, min int) int {
	w := runtime.GOMAXPROCS(0)
	if c := n / min; c < w {
		w = c
	}
	if w < 1 {
		w = 1
	}
	return w
}

// Split runs f(i, lo, hi) over w contiguous chunks [lo, hi) of [0, n)
// concurrently, i being the chunk's index.
func Split(n, w int, f func(i, lo, hi int)) {
	if w <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < w; i++ {
		lo, hi := i*n/w, (i+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i, lo, hi)
		}()
	}
	wg.Wait()
}
