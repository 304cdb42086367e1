// Package pairing implements the multi-pairing checks of BN254 and
// BLS12-381 (BN254CheckPairing, BLS12381CheckPairingSubgroups, ...) over
// the codecs and subgroup checks of package curves, and declares the
// pairing-check host functions of the "curve" family, each an exported
// descriptor named after its catalogue name (BN254PairingCheck is
// bn254_pairing_check) and listed by Funcs:
//
//	bn254_pairing_check  bls12381_pairing_check
//
// with exactly the input, output and error semantics of the EVM precompiles
// (EIP-197, EIP-2537) as go-ethereum implements them, except that they
// return one byte instead of a 32-byte word. The group operations (add,
// mul, MSM, map-to-curve, subgroup checks) are in package curves.
//
// Each pairing is a dispatch primitive ("pairing.bls12381",
// "pairing.bn254") with a gnark-crypto implementation and, for BLS12-381, a
// blst one (cgo; unavailable with CGO_ENABLED=0, the purego tag, or off
// amd64/arm64). Both give the same bytes and error codes; the default is
// whichever was faster on the reference machine (docs/curves.md).
//
// The Miller loops of different pairs run on GOMAXPROCS goroutines while
// the caller runs the subgroup checks (pairingJob); the results do not
// depend on the split.
package pairing
