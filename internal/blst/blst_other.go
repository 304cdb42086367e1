//go:build !cgo || purego || !(amd64 || arm64)

package blst

import "github.com/hostcrypto/hostcrypto/curves/bls12381"

// Without cgo (or with purego, or off amd64/arm64) the blst backend
// registers as unavailable and these functions are never called.

const (
	Available = false
	Note      = "needs cgo on amd64 or arm64 without the purego tag"
)

func unavailable() { panic("blst: internal error: blst backend called in a build without it") }

func MillerLoop(*Fp12, []bls12381.G1, []bls12381.G2) { unavailable() }
func FinalIsOne([]Fp12) bool                         { unavailable(); return false }
func PairingCheck([]bls12381.G1, []bls12381.G2) bool { unavailable(); return false }
func FirstNotInG1([]bls12381.G1) int                 { unavailable(); return 0 }
func FirstNotInG2([]bls12381.G2) int                 { unavailable(); return 0 }
func MapG1(*bls12381.Fp) (r bls12381.G1)             { unavailable(); return }
func MapG2(*bls12381.Fp2) (r bls12381.G2)            { unavailable(); return }
func G1Add(_, _ *bls12381.G1) (r bls12381.G1)        { unavailable(); return }
func G2Add(_, _ *bls12381.G2) (r bls12381.G2)        { unavailable(); return }
func G1MSMPart(*JacG1, []bls12381.G1, []byte, int)   { unavailable() }
func G2MSMPart(*JacG2, []bls12381.G2, []byte, int)   { unavailable() }
func G1Sum([]JacG1) (r bls12381.G1)                  { unavailable(); return }
func G2Sum([]JacG2) (r bls12381.G2)                  { unavailable(); return }
func FpMulChain(_, _ *[6]uint64, _ int)              { unavailable() }
func FrMulChain(_, _ *[4]uint64, _ int)              { unavailable() }
