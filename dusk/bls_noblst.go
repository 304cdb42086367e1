//go:build !cgo || purego

package dusk

const blstNote = "needs cgo (built with CGO_ENABLED=0 or -tags purego)"

func newBLST() blsOps { return nil }
