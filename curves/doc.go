// Package curves groups the point codecs of the pairing-friendly curves
// hostcrypto serves. The codecs live in the sub-packages:
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
// the package's SubgroupCheck functions (core.ErrNotInSubgroup), since some
// specifications (EIP-2537 addition) forbid it and it costs a scalar
// multiplication. The points are gnark-crypto affine points (type aliases
// G1 and G2), with infinity represented as (0, 0).
//
// The group operations (pairing checks, MSM, map-to-curve) and the host
// functions built on these codecs are in package pairing.
package curves
