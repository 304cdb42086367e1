// Package dusk is the Dusk Piecrust profile: the host queries of Dusk's
// rusk node (hash, poseidon_hash, verify_plonk, verify_groth16_bn254,
// verify_schnorr, verify_bls, verify_bls_multisig, keccak256, sha256,
// verify_kzg_proof, secp256k1_recover) with Dusk's exact semantics, over
// canonical byte encodings instead of rusk's in-memory (rkyv) layout.
//
// It declares the functions that only Dusk defines
// (groth16_bn254_verify_arkworks, bls12381_verify_dusk,
// bls12381_multisig_verify_dusk, schnorr_jubjub_verify_dusk,
// kzg_verify_proof_dusk) and one function "dusk:<rusk name>" per host query
// (Hash, PoseidonHash, VerifyPlonk, ...), which holds the descriptor it
// forwards to: importing this package alone gives every query. Profile
// carries the embedder's configuration (the PLONK version rusk picks by
// block height); Funcs and Exports are those of the current profile, and
// Exports is the rusk-name export table for an import module named "dusk"
// (wasmbridge.WithExports).
package dusk

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

func init() {
	dispatch.Register("groth16.bn254_arkworks", dispatch.Impl{Name: "gnark", Available: true,
		Note: "arkworks 0.4 Miller loop (own port) on gnark-crypto bn254 towers and final exponentiation"})
	dispatch.Register("kzg.bls12381_ckzg", dispatch.Impl{Name: "gnark", Available: true,
		Note: "pairing/kzg on gnark-crypto BLS12-381, fixed-G2 Miller loop lines"})
}

// Groth16BN254VerifyArkworks is ark-groth16 0.4's verify_proof_with_prepared_inputs over BN254.
var Groth16BN254VerifyArkworks = &core.Func{
	Name:   "groth16_bn254_verify_arkworks",
	Family: "dusk",
	Input: "three sections, each a 4-byte big-endian length then the bytes: " +
		"PreparedVerifyingKey<Bn254> serialized uncompressed by arkworks 0.4 " +
		"(vk, alpha_g1_beta_g2 Fq12, gamma_g2_neg_pc and delta_g2_neg_pc line coefficients with their infinity flags); " +
		"Proof<Bn254> compressed (A 32 || B 64 || C 32); the prepared input point, compressed G1 (32). " +
		"Trailing bytes inside a section are ignored, as arkworks ignores them",
	Output: "0x01 if ark-groth16 0.4's verify_proof_with_prepared_inputs accepts, else 0x00 " +
		"(also where arkworks would panic on missing line coefficients)",
	FixedOut:   1,
	Items:      groth16Items,
	Primitives: []string{"groth16.bn254_arkworks"},
	Examples:   groth16Examples,
	Run: func(dst, in []byte) ([]byte, error) {
		ok, err := verifyGroth16Arkworks(in)
		if err != nil {
			return dst, err
		}
		return core.Verdict(dst, ok), nil
	},
}
