//go:build linux

package poseidon

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// startCPU locks the benchmark goroutine to its thread and returns a
// function that reports the thread's CPU time per iteration as cpu-ns/op:
// on a shared, loaded machine that figure ignores time spent descheduled,
// which wall-clock ns/op does not.
func startCPU(b *testing.B) func() {
	runtime.LockOSThread()
	t0 := threadCPU()
	return func() {
		d := threadCPU() - t0
		runtime.UnlockOSThread()
		if b.N > 0 {
			b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
		}
	}
}

func threadCPU() int64 {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return ts.Nano()
}
