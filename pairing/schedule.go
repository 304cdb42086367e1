package pairing

import (
	"sync"
	"sync/atomic"
)

// pairingJob is a pairing check together with the subgroup checks of its
// points, to be laid out over the available cores by run.
type pairingJob struct {
	// w is the number of Miller-loop chunks, workers(n, 1); n the number of
	// pairs entering the Miller loop (those without a point at infinity).
	w, n int
	// miller sets slot i to the Miller loop of the pairs [lo, hi).
	miller func(i, lo, hi int)
	// final multiplies slots [0, w), applies the final exponentiation and
	// reports whether the result is 1.
	final func() bool
	// m side checks; check(j) reports whether check j passes.
	m     int
	check func(j int) bool
}

// run returns the pairing verdict and whether every side check passed (when
// one fails the verdict is meaningless). The schedule keeps the critical path
// short on w cores without oversubscribing them: the caller and w-1
// goroutines each run one Miller-loop chunk; then the caller runs the final
// exponentiation while the goroutines share the side checks. On one core the
// side checks run first and a failure skips the pairing.
func (job *pairingJob) run() (verdict, checksOK bool) {
	if job.w <= 1 || job.n == 0 {
		for j := range job.m {
			if !job.check(j) {
				return false, false
			}
		}
		if job.n == 0 {
			return true, true
		}
		job.miller(0, 0, job.n)
		return job.final(), true
	}
	var mlDone, sideDone sync.WaitGroup
	var bad atomic.Bool
	w, n, m := job.w, job.n, job.m
	mlDone.Add(w - 1)
	sideDone.Add(w - 1)
	for i := 1; i < w; i++ {
		lo, hi := i*n/w, (i+1)*n/w
		slo, shi := (i-1)*m/(w-1), i*m/(w-1)
		go func() {
			job.miller(i, lo, hi)
			mlDone.Done()
			defer sideDone.Done()
			for j := slo; j < shi && !bad.Load(); j++ {
				if !job.check(j) {
					bad.Store(true)
				}
			}
		}()
	}
	job.miller(0, 0, n/w)
	mlDone.Wait()
	verdict = job.final()
	sideDone.Wait()
	return verdict, !bad.Load()
}
