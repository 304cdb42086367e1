// Package poseidon implements the two Poseidon hashes hostcrypto exports:
//
//   - circomlib Poseidon over the BN254 scalar field (HashBN254,
//     AppendHashBN254): x^5, 8 full rounds, circomlib's partial-round counts,
//     1 to 16 inputs, constants generated with the Grain LFSR (grain.go) and
//     checked against go-iden3-crypto and circomlibjs vectors;
//   - Dusk's Poseidon252 over the BLS12-381 scalar field (AppendHashDusk):
//     the Hades permutation (width 5, 8 full + 60 partial rounds) in the
//     dusk-safe sponge, i.e. dusk_poseidon::Hash::digest(Domain::Other, xs),
//     with Dusk's stored constants (assets/);
//
// and Dusk's hash-to-scalar (HashToScalarBLS12381), which the Dusk sponge
// uses for its tag.
//
// Both permutations run in the optimised form of the Poseidon paper's
// appendix B (optimise.go): partial rounds add one scalar constant and
// multiply by a sparse matrix. The specified forms are kept in the tests,
// which compare the two. The arithmetic is the project's field/bn254fr and
// field/bls12381fr (field.go). The run-time constants of every width are
// generated into params.bin (params.go) and decoded at init, so the first
// call of a width costs what later calls cost; nothing allocates per call.
// The functions
// are not constant time in the number of inputs (which is public) and do
// not branch on input values.
package poseidon

//go:generate go test -run ^TestParamsFresh$ -update
