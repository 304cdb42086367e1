// Package curves implements the group operations of BN254 and BLS12-381
// (addition, scalar multiplication, multi-scalar multiplication,
// map-to-curve and subgroup checks: BN254AddG1, BLS12381MSMG1,
// BLS12381FirstNotInG1, ...: curve, operation, group) over the codecs of its
// sub-packages, and declares the group-operation host functions of the
// "curve" family, each an exported descriptor named after its catalogue
// name (BN254G1Add is bn254_g1_add) and listed by Funcs:
//
//	bn254_g1_add  bn254_g1_mul  bn254_g1_msm
//	bls12381_g1_add  bls12381_g2_add  bls12381_g1_msm  bls12381_g2_msm
//	bls12381_map_fp_to_g1  bls12381_map_fp2_to_g2
//
// with exactly the input, output and error semantics of the EVM precompiles
// (EIP-196, EIP-2537) as go-ethereum implements them. The pairing checks
// (bn254_pairing_check, bls12381_pairing_check) are in package pairing.
//
// The codecs live in the sub-packages:
//
//   - curves/bn254: BN254 (alt_bn128) in the EIP-196/197 encoding (which is
//     also gnark-crypto's uncompressed encoding) and gnark-crypto's
//     compressed encoding;
//   - curves/bls12381: BLS12-381 in the EIP-2537 encoding (64-byte padded
//     field elements) and the Zcash encoding (48/96-byte compressed,
//     96/192-byte uncompressed, with flag bits) used by Ethereum consensus,
//     IETF BLS signatures and KZG.
//
// Every decoder takes an input of exactly the encoding's size and returns a
// point that is on the curve, or a core error:
//
//	wrong length, missing or contradictory flag bits   core.ErrMalformed
//	coordinate >= p, non-zero padding, non-canonical
//	encoding of infinity                               core.ErrNonCanonical
//	not on the curve, no square root (compressed)      core.ErrInvalidPoint
//
// Decoders never check the prime-order subgroup: callers that need it call
// the sub-packages' SubgroupCheck functions (core.ErrNotInSubgroup), since
// some specifications (EIP-2537 addition) forbid it and it costs a scalar
// multiplication. The points are gnark-crypto affine points (type aliases
// G1 and G2), with infinity represented as (0, 0).
//
// Each operation is a dispatch primitive ("msm.bls12381g1",
// "subgroup.bls12381g1", "map.bls12381g1", "g1add.bn254", ...) with a
// gnark-crypto implementation and, for BLS12-381, a blst one (cgo;
// unavailable with CGO_ENABLED=0, the purego tag, or off amd64/arm64).
// Both give the same bytes and error codes; the default is whichever was
// faster on the reference machine (docs/curves.md). Work on several
// independent items (subgroup checks, MSM chunks) is spread over GOMAXPROCS
// goroutines; the results do not depend on the split.
package curves
