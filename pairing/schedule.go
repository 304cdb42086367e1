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
	// final multiplies the slots marked used, applies the final
	// exponentiation and reports whether the result is 1.
	final func(used []bool) bool
	// m side checks; check(j) reports whether check j passes.
	m     int
	check func(j int) bool
}

// Chunk owners.
const (
	chunkFree int32 = iota
	chunkHelper
	chunkCaller
)

// run returns the pairing verdict and whether every side check passed (when
// one fails the verdict is meaningless).
//
// Splitting a multi-Miller loop into chunks costs one extra Fp12 squaring
// chain per chunk (~10% of a two-pair check), which only pays when another
// core is free. So the chunks are claimed, not assigned: w-1 helper
// goroutines are started, each claiming its chunk when it gets to run; the
// caller meanwhile does one side check, then claims every chunk still free
// and runs one multi-Miller loop over its contiguous runs of chunks. On two
// free cores the Miller loops run in parallel; on a busy machine the caller
// ends up with all the pairs and no extra work. The caller then runs the final
// exponentiation while the helpers do the remaining side checks. On one core
// the side checks run first and a failure skips the pairing. The verdict
// does not depend on who computed what: the product of the Miller loops of
// the chunks is the Miller loop of all pairs.
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
		used := []bool{true}
		job.miller(0, 0, job.n)
		return job.final(used), true
	}
	w, n, m := job.w, job.n, job.m
	owner := make([]atomic.Int32, w)
	owner[0].Store(chunkCaller)
	used := make([]bool, w)
	var bad atomic.Bool
	var mlDone, sideDone sync.WaitGroup
	m0 := min(m, 1) // side checks the caller does while the helpers start
	mlDone.Add(w - 1)
	sideDone.Add(w - 1)
	for i := 1; i < w; i++ {
		lo, hi := i*n/w, (i+1)*n/w
		slo, shi := m0+(i-1)*(m-m0)/(w-1), m0+i*(m-m0)/(w-1)
		go func() {
			if owner[i].CompareAndSwap(chunkFree, chunkHelper) {
				job.miller(i, lo, hi)
			}
			mlDone.Done()
			defer sideDone.Done()
			for j := slo; j < shi && !bad.Load(); j++ {
				if !job.check(j) {
					bad.Store(true)
				}
			}
		}()
	}
	for j := range m0 {
		if !job.check(j) {
			bad.Store(true)
		}
	}
	for i := 1; i < w; i++ {
		owner[i].CompareAndSwap(chunkFree, chunkCaller)
	}
	// One multi-Miller loop per contiguous run of the caller's chunks.
	for i := 0; i < w; {
		if owner[i].Load() != chunkCaller {
			i++
			continue
		}
		j := i + 1
		for j < w && owner[j].Load() == chunkCaller {
			j++
		}
		job.miller(i, i*n/w, j*n/w)
		used[i] = true
		i = j
	}
	mlDone.Wait()
	for i := 1; i < w; i++ {
		if owner[i].Load() == chunkHelper {
			used[i] = true
		}
	}
	verdict = job.final(used)
	sideDone.Wait()
	return verdict, !bad.Load()
}
