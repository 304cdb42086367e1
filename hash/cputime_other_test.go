//go:build !linux

package hash

import "testing"

// startCPU reports nothing where per-thread CPU time is not available.
func startCPU(*testing.B) func() { return func() {} }
