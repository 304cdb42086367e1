//go:build !linux

package hash_test

// threadNs is unavailable here; cpuMetric then reports nothing.
func threadNs() int64 { return 0 }
