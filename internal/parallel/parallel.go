// Package parallel splits independent work (Miller loops, subgroup checks,
// MSM chunks) over GOMAXPROCS goroutines; results never depend on the split.
package parallel

import (
	"runtime"
	"sync"

	"github.com/hostcrypto/hostcrypto/internal/safego"
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

// WorkerHook, when set (by tests only), runs at the start of every worker
// goroutine Split starts: a test makes it panic to check that the panic
// becomes the call's internal_error.
var WorkerHook func()

// Split runs f(i, lo, hi) over w contiguous chunks [lo, hi) of [0, n)
// concurrently, i being the chunk's index. A panic in a worker is raised
// again in the caller once every worker is done (internal/safego), where
// core.Execute turns it into the call's internal_error; who names the
// package in its message.
func Split(n, w int, who string, f func(i, lo, hi int)) {
	if w <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	var c safego.Catcher
	for i := 0; i < w; i++ {
		lo, hi := i*n/w, (i+1)*n/w
		safego.Go(&wg, &c, func() {
			if WorkerHook != nil {
				WorkerHook()
			}
			f(i, lo, hi)
		})
	}
	wg.Wait()
	c.Check(who)
}
