//go:build !cgo || purego || !(amd64 || arm64)

package pairing

import "github.com/hostcrypto/hostcrypto/curves/bls12381"

// Without cgo (or with purego, or off amd64/arm64) the blst backend
// registers as unavailable and these functions are never called.

const (
	blstAvailable = false
	blstNote      = "needs cgo on amd64 or arm64 without the purego tag"
)

type (
	jacG1 [18]uint64
	jacG2 [36]uint64
)

func blstUnavailable() { panic("pairing: internal error: blst backend called in a build without it") }

func blstMillerLoop(*fp12, []bls12381.G1, []bls12381.G2) { blstUnavailable() }
func blstFinalIsOne([]fp12) bool                         { blstUnavailable(); return false }
func blstPairingCheck([]bls12381.G1, []bls12381.G2) bool { blstUnavailable(); return false }
func blstFirstNotInG1([]bls12381.G1) int                 { blstUnavailable(); return 0 }
func blstFirstNotInG2([]bls12381.G2) int                 { blstUnavailable(); return 0 }
func blstMapG1(*bls12381.Fp) (r bls12381.G1)             { blstUnavailable(); return }
func blstMapG2(*bls12381.Fp2) (r bls12381.G2)            { blstUnavailable(); return }
func blstG1Add(_, _ *bls12381.G1) (r bls12381.G1)        { blstUnavailable(); return }
func blstG2Add(_, _ *bls12381.G2) (r bls12381.G2)        { blstUnavailable(); return }
func blstG1MSMPart(*jacG1, []bls12381.G1, []byte, int)   { blstUnavailable() }
func blstG2MSMPart(*jacG2, []bls12381.G2, []byte, int)   { blstUnavailable() }
func blstG1Sum([]jacG1) (r bls12381.G1)                  { blstUnavailable(); return }
func blstG2Sum([]jacG2) (r bls12381.G2)                  { blstUnavailable(); return }
