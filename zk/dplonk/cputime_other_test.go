//go:build !linux

package dplonk

import (
	"time"
)

var start = time.Now()

// threadCPU falls back to wall-clock time off Linux.
func threadCPU() time.Duration { return time.Since(start) }

func lockThread() func() { return func() {} }

// processCPU falls back to wall-clock time off Linux.
func processCPU() time.Duration { return time.Since(start) }
