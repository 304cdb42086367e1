//go:build !linux

package dplonk

import (
	"time"
)

var start = time.Now()

// processCPU falls back to wall-clock time off Linux.
func processCPU() time.Duration { return time.Since(start) }
