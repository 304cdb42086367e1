//go:build !linux

package cli

import "errors"

// affinity is known on Linux only; elsewhere runtime.NumCPU is the answer.
func affinity() ([]int, error) { return nil, errors.New("CPU affinity is read on Linux only") }
