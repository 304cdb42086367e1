//go:build !cgo || purego

package evm

import (
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

const (
	blstAvailable = false
	blstNote      = "needs cgo (built with CGO_ENABLED=0 or -tags purego)"
)

// verifyKZGBlst is never selected in this build (the blst implementation is
// registered as unavailable).
func verifyKZGBlst(_, _ []byte, _, _ *fr.Element) (bool, error) {
	return false, core.Errorf(core.CodeUnsupported, "evm: point evaluation: blst not in this build")
}
