// Package ops holds the "curve" family's host functions in the encodings
// of the non-EVM chains (issue 18): BLS12-381 in the Zcash encodings
// (compressed 48/96 bytes, uncompressed 96/192 bytes, flags in the three
// top bits of byte 0 as in the Zcash / IETF pairing-friendly-curves
// serialisation), GT of both curves (pairing, multi-Miller loop, final
// exponentiation, multiplication, equality), the scalar fields of BLS12-381
// and BN254, and BN254 beyond the precompiles (G2 arithmetic, Solana's
// point compression, NEAR's little-endian alt_bn128 functions). The EVM
// encodings (EIP-196/197, EIP-2537) stay with the functions of package
// pairing; both sets use the codecs of curves/bls12381 and curves/bn254.
//
// Each function is an exported *core.Func named after its catalogue name
// (bls12381_aggregate_g1 is BLS12381AggregateG1) and listed in Funcs.
//
// # Subgroup and infinity rules
//
// One rule per function (docs/curves.md has the table and the chain each
// rule matches):
//
//   - add, sub, neg (and BN254 G2 add and Solana compression): points
//     must be on the curve, the subgroup is not checked (EIP-2537's ADD
//     rule; Solana's arkworks Validate::No); infinity is accepted.
//   - mul, msm, pairing check, aggregate, compress, decompress: every point
//     is checked to be in the r-torsion subgroup (EIP-2537's MSM / PAIRING
//     rule, Soroban's, CosmWasm's aggregation and IETF KeyValidate minus
//     the infinity test); infinity is accepted (it is in the subgroup).
//     Because the point has order r, a scalar is any 256-bit big-endian
//     value, reduced mod r (NEAR's little-endian multiexp requires < r).
//   - BN254 G1 has cofactor 1: on the curve is in the group.
//   - is_on_curve / is_in_subgroup are the checks themselves: they answer a
//     verdict byte instead of an error for the property they test.
//   - map, hash-to-curve: outputs are in the subgroup by construction.
//
// All functions are variable-time: they handle public data only.
package ops
