//go:build !unix

package bls

import "time"

// cpuTime is unavailable here; the cores metric is not reported.
func cpuTime() time.Duration { return 0 }
