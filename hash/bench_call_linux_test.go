//go:build linux

package hash_test

import "golang.org/x/sys/unix"

// threadNs is this OS thread's CPU time.
func threadNs() int64 {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return ts.Nano()
}
