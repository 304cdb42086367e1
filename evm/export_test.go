package evm

// Test helpers shared with the external test package evm_test.
var (
	LoadVectorsForTest = loadVectors
	UnhexForTest       = unhex
)
