//go:build linux

package dplonk

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU returns the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so that
// benchmarks on a shared, oversubscribed machine can time work rather than
// waiting. Callers lock the goroutine to its thread.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// processCPU returns the process's CPU time (CLOCK_PROCESS_CPUTIME_ID):
// all threads, so work a call hands to other goroutines counts too.
func processCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
