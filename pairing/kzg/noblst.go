//go:build !cgo || purego

package kzg

import (
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// BlstAvailable reports whether this build has the blst backend of
// Verify; BlstNote says which or why not (for dispatch.Impl.Note).
const (
	BlstAvailable = false
	BlstNote      = "needs cgo (built with CGO_ENABLED=0 or -tags purego)"
)

// verifyBlst is never selected in this build (the blst implementation is
// registered as unavailable).
func verifyBlst(_, _ []byte, _, _ *fr.Element) (bool, error) {
	return false, core.Errorf(core.CodeUnsupported, "kzg: blst not in this build")
}
