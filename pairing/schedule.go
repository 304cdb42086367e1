package pairing

import (
	"sync"
	"sync/atomic"

	"github.com/hostcrypto/hostcrypto/internal/safego"
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
// core is free, and a new goroutine may take tens of microseconds to start.
// So the chunks are claimed, not assigned: w-1 helper goroutines are
// started, each claiming its Miller-loop chunk when it gets to run. The
// caller meanwhile does side checks (leaving at least one per helper) until
// a helper has claimed its chunk, then claims every chunk still free and
// runs one multi-Miller loop per contiguous run of its chunks. On a free
// core the Miller loops run in parallel; on a busy machine the caller ends up
// with all the pairs and no extra work. The caller then runs the final
// exponentiation while the helpers take the remaining side checks. On one
// core the side checks run first and a failure skips the pairing. The
// verdict does not depend on who computed what: the product of the Miller
// loops of the chunks is the Miller loop of all pairs.
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
	var bad, claimed atomic.Bool
	var next atomic.Int64 // next side check to take
	sideChecks := func(limit int64) {
		for !bad.Load() {
			j := next.Load()
			if j >= limit {
				return
			}
			if next.CompareAndSwap(j, j+1) && !job.check(int(j)) {
				bad.Store(true)
			}
		}
	}
	var mlDone, sideDone sync.WaitGroup
	var catch safego.Catcher // a helper's panic is raised here after both waits
	mlDone.Add(w - 1)
	sideDone.Add(w - 1)
	defer sideDone.Wait() // also when the caller panics: no helper outlives the call
	for i := 1; i < w; i++ {
		lo, hi := i*n/w, (i+1)*n/w
		go func() {
			mlPending := true
			defer func() {
				if mlPending {
					mlDone.Done()
				}
				sideDone.Done()
			}()
			defer catch.Recover()
			if workerHook != nil {
				workerHook()
			}
			if owner[i].CompareAndSwap(chunkFree, chunkHelper) {
				claimed.Store(true)
				job.miller(i, lo, hi)
			}
			mlPending = false
			mlDone.Done()
			sideChecks(int64(m))
		}()
	}
	// Side checks while the helpers start, one at a time so as to notice a
	// claim at once.
	for !claimed.Load() && !bad.Load() {
		j := next.Load()
		if j >= int64(m-(w-1)) {
			break
		}
		if next.CompareAndSwap(j, j+1) && !job.check(int(j)) {
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
	if catch.Hit() { // a helper's chunk is unusable: wait for all, then fail
		sideDone.Wait()
		catch.Check("pairing")
	}
	verdict = job.final(used)
	sideDone.Wait()
	catch.Check("pairing")
	return verdict, !bad.Load()
}
