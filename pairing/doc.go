// Package pairing implements the group operations of BN254 and BLS12-381
// (addition, scalar multiplication, multi-scalar multiplication,
// map-to-curve, subgroup checks and multi-pairing checks) over the codecs of
// package curves (BN254AddG1, BLS12381CheckPairing, ...: curve, operation,
// group), and declares the "curve" family of host functions, each an
// exported descriptor named after its catalogue name (BN254G1Add is
// bn254_g1_add) and listed by Funcs:
//
//	bn254_g1_add  bn254_g1_mul  bn254_g1_msm  bn254_pairing_check
//	bls12381_g1_add  bls12381_g2_add  bls12381_g1_msm  bls12381_g2_msm
//	bls12381_pairing_check  bls12381_map_fp_to_g1  bls12381_map_fp2_to_g2
//
// with exactly the input, output and error semantics of the EVM precompiles
// (EIP-196/197, EIP-2537) as go-ethereum implements them, except that the
// pairing checks return one byte instead of a 32-byte word.
//
// Each operation is a dispatch primitive ("pairing.bls12381",
// "msm.bls12381g1", "subgroup.bls12381g1", "map.bls12381g1", "pairing.bn254",
// ...) with a gnark-crypto implementation and, for BLS12-381, a blst one
// (cgo; unavailable with CGO_ENABLED=0, the purego tag, or off amd64/arm64).
// Both give the same bytes and error codes; the default is whichever was
// faster on the reference machine (docs/curves.md).
//
// Work on several independent items (Miller loops of different pairs,
// subgroup checks, MSM chunks) is spread over GOMAXPROCS goroutines; the
// results do not depend on the split.
package pairing
