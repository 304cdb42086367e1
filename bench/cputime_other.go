//go:build !unix

package bench

// processCPU is unavailable here: results carry wall time only.
func processCPU() int64 { return 0 }
