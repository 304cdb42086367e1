package pairing

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestPairingJob checks the claiming schedule whatever the timing: every
// pair enters exactly one Miller loop, final sees exactly the slots that were
// written, every side check runs once, and a failing check is reported.
func TestPairingJob(t *testing.T) {
	for w := 2; w <= 4; w++ {
		for n := w; n <= 9; n++ {
			for m := 0; m <= 5; m++ {
				for rep := 0; rep < 30; rep++ {
					var mu sync.Mutex
					cover := make([]int, n)
					written := make([]bool, w)
					checks := make([]atomic.Int32, m)
					failAt := -1
					if m > 0 && rep%3 == 0 {
						failAt = rep % m
					}
					job := pairingJob{w: w, n: n, m: m}
					job.miller = func(i, lo, hi int) {
						mu.Lock()
						defer mu.Unlock()
						if written[i] {
							t.Errorf("slot %d written twice", i)
						}
						written[i] = true
						for k := lo; k < hi; k++ {
							cover[k]++
						}
					}
					job.final = func(used []bool) bool {
						mu.Lock()
						defer mu.Unlock()
						for i := range used {
							if used[i] != written[i] {
								t.Errorf("w=%d n=%d: slot %d used %v, written %v", w, n, i, used[i], written[i])
							}
						}
						for k, c := range cover {
							if c != 1 {
								t.Errorf("w=%d n=%d: pair %d in %d Miller loops", w, n, k, c)
							}
						}
						return true
					}
					job.check = func(j int) bool {
						checks[j].Add(1)
						return j != failAt
					}
					v, ok := job.run()
					if !v || ok != (failAt < 0) {
						t.Fatalf("w=%d n=%d m=%d: verdict %v ok %v, failAt %d", w, n, m, v, ok, failAt)
					}
					if failAt < 0 {
						for j := range checks {
							if c := checks[j].Load(); c != 1 {
								t.Fatalf("check %d ran %d times", j, c)
							}
						}
					}
				}
			}
		}
	}
}
