//go:build !cgo || purego

package bls

const (
	blstAvailable = false
	blstNote      = "needs cgo (built with purego or CGO_ENABLED=0)"
)

// blstEngine is nil: the blst implementation is registered as unavailable.
var blstEngine engine
