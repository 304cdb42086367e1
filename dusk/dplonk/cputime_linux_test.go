//go:build linux

package dplonk

import (
	"time"

	"golang.org/x/sys/unix"
)

// processCPU returns the process's CPU time (CLOCK_PROCESS_CPUTIME_ID):
// all threads, so work a call hands to other goroutines counts too.
func processCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
