// Package soroban is the Soroban profile: the functions of Soroban's host
// module `crypto` (soroban-env-host src/crypto, env.json) under Soroban's
// own names, each a catalogue function "soroban:<name>" that holds the
// descriptor it forwards to (core.Func.Targets): importing this package
// alone gives every function.
//
// Soroban passes host objects (Bytes, BytesN, Vec, U256); here a function's
// input is those objects' bytes concatenated in Soroban's argument order
// (docs/profiles.md gives each layout). Soroban's host functions live in
// modules with short names; hostcrypto serves them in an import module the
// embedder names (docs/profiles.md uses "soroban"). Every BLS12-381 and
// BN254 function of the crypto module is served (curves.go); Poseidon has
// no catalogue function.
package soroban

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/sig/eddsa"
	"github.com/hostcrypto/hostcrypto/sig/p256"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

const prefix = "soroban:"

// Soroban's crypto host functions.
var (
	// ComputeHashSHA256 is compute_hash_sha256(x): BytesN<32>.
	ComputeHashSHA256 = alias("compute_hash_sha256", hash.SHA256, "x")
	// ComputeHashKeccak256 is compute_hash_keccak256(x): BytesN<32>.
	ComputeHashKeccak256 = alias("compute_hash_keccak256", hash.Keccak256, "x")
	// VerifySigEd25519 is verify_sig_ed25519(k, x, s): pk (32) || msg ||
	// sig (64), reordered to ed25519_verify_strict's pk || sig || msg
	// (ed25519-dalek verify_strict).
	VerifySigEd25519 = reorder("verify_sig_ed25519", eddsa.Ed25519VerifyStrict,
		"pk (32) || msg || sig (64): Soroban's argument order, reordered to the target's pk || sig || msg",
		pkMsgSigToPkSigMsg, pkSigMsgToPkMsgSig)
	// RecoverKeyECDSASecp256k1 is recover_key_ecdsa_secp256k1(msg_digest,
	// signature, recovery_id): hash (32) || sig (64) || rid (1 byte, 0..3),
	// exactly secp256k1_recover_rid_lows's input (s > n/2 refused).
	RecoverKeyECDSASecp256k1 = alias("recover_key_ecdsa_secp256k1", secp256k1.Secp256k1RecoverRidLowS,
		"hash (32) || sig (64) || recovery id (1 byte, 0..3; Soroban's U32 recovery_id, > 3 refused)")
	// VerifySigECDSASecp256r1 is verify_sig_ecdsa_secp256r1(public_key,
	// msg_digest, signature): pk (65, uncompressed) || hash (32) || sig
	// (64), reordered to p256_verify_sec1_lows's hash || sig || pk.
	VerifySigECDSASecp256r1 = reorder("verify_sig_ecdsa_secp256r1", p256.P256VerifySEC1LowS,
		"pk (65: 0x04 || x || y) || hash (32) || sig (64): Soroban's argument order, reordered to the target's hash || sig || pk",
		pkHashSigToHashSigPk, hashSigPkToPkHashSig)
	// BLS12381G1Add is bls12_381_g1_add(p0, p1): two uncompressed G1
	// points (96 each), on the curve, subgroup not checked.
	BLS12381G1Add = alias("bls12_381_g1_add", ops.BLS12381G1AddZcash, "p0 (96) || p1 (96), Zcash uncompressed")
	// BLS12381G2Add is bls12_381_g2_add(p0, p1).
	BLS12381G2Add = alias("bls12_381_g2_add", ops.BLS12381G2AddZcash, "p0 (192) || p1 (192), Zcash uncompressed")
	// BLS12381CheckG1IsInSubgroup is bls12_381_check_g1_is_in_subgroup(p).
	BLS12381CheckG1IsInSubgroup = alias("bls12_381_check_g1_is_in_subgroup", ops.BLS12381G1IsInSubgroup, "p (96), Zcash uncompressed")
	// BLS12381CheckG2IsInSubgroup is bls12_381_check_g2_is_in_subgroup(p).
	BLS12381CheckG2IsInSubgroup = alias("bls12_381_check_g2_is_in_subgroup", ops.BLS12381G2IsInSubgroup, "p (192), Zcash uncompressed")
	// BLS12381MapFpToG1 is bls12_381_map_fp_to_g1(fp): 48-byte Fp.
	BLS12381MapFpToG1 = alias("bls12_381_map_fp_to_g1", ops.BLS12381MapFpToG1Zcash, "fp (48, big-endian, < p)")
	// BLS12381MapFp2ToG2 is bls12_381_map_fp2_to_g2(fp2): c1 || c0.
	BLS12381MapFp2ToG2 = alias("bls12_381_map_fp2_to_g2", ops.BLS12381MapFp2ToG2Zcash, "fp2 (96: c1 || c0, big-endian, each < p)")
	// BLS12381HashToG1 is bls12_381_hash_to_g1(msg, dst), with the
	// target's layout dst length (1) || dst || msg.
	BLS12381HashToG1 = alias("bls12_381_hash_to_g1", ops.BLS12381HashToG1Zcash, "dst length (1 byte, 1..255) || dst || msg")
	// BLS12381HashToG2 is bls12_381_hash_to_g2(msg, dst).
	BLS12381HashToG2 = alias("bls12_381_hash_to_g2", ops.BLS12381HashToG2Zcash, "dst length (1 byte, 1..255) || dst || msg")
	// BLS12381MultiPairingCheck is bls12_381_multi_pairing_check(vp1,
	// vp2): n G1 points (96 each) then n G2 points (192 each), n >= 1,
	// re-interleaved into bls12381_pairing_check_zcash's pairs.
	BLS12381MultiPairingCheck = reorder("bls12_381_multi_pairing_check", ops.BLS12381PairingCheckZcash,
		"vp1 (n G1 points, 96 each) || vp2 (n G2 points, 192 each), n >= 1, Zcash uncompressed: Soroban's two vectors, "+
			"re-interleaved into the target's pairs (G1 || G2)",
		vectorsToPairs, pairsToVectors)
)

// Funcs returns the Soroban functions.
func Funcs() []*core.Func {
	return []*core.Func{ComputeHashSHA256, ComputeHashKeccak256, VerifySigEd25519, RecoverKeyECDSASecp256k1,
		VerifySigECDSASecp256r1, BLS12381G1Add, BLS12381G2Add, BLS12381CheckG1IsInSubgroup, BLS12381CheckG2IsInSubgroup,
		BLS12381MapFpToG1, BLS12381MapFp2ToG2, BLS12381HashToG1, BLS12381HashToG2, BLS12381MultiPairingCheck,
		BLS12381G1Mul, BLS12381G2Mul, BLS12381G1MSM, BLS12381G2MSM, BLS12381G1IsOnCurve, BLS12381G2IsOnCurve,
		BLS12381FrAdd, BLS12381FrSub, BLS12381FrMul, BLS12381FrPow, BLS12381FrInv,
		BN254G1Add, BN254G1Mul, BN254G1MSM, BN254MultiPairingCheck, BN254G1IsOnCurve,
		BN254FrAdd, BN254FrSub, BN254FrMul, BN254FrPow, BN254FrInv}
}

// Catalogue returns the catalogue of Funcs().
func Catalogue() (*core.Catalogue, error) { return core.NewCatalogue(Funcs()...) }

// Exports returns Soroban's names mapped to catalogue names, for a
// hostcrypto import module (wasmbridge.WithModuleName("soroban"),
// wasmbridge.WithExports).
func Exports() map[string]string {
	fs := Funcs()
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name[len(prefix):]] = f.Name
	}
	return m
}

const (
	g1u, g2u = bls12381.G1SizeUncompressed, bls12381.G2SizeUncompressed
	pairLen  = g1u + g2u
)

// vectorsToPairs turns n G1 points then n G2 points into n (G1 || G2)
// pairs; a length that is not 288·n is malformed_input (Soroban: vectors
// of unequal length), n = 0 is left to the target (malformed_input, as
// Soroban refuses empty vectors).
func vectorsToPairs(in []byte) ([]byte, error) {
	if len(in)%pairLen != 0 {
		return nil, core.Errorf(core.CodeMalformed, "soroban: bls12_381_multi_pairing_check input is %d bytes, want n·96 || n·192", len(in))
	}
	n := len(in) / pairLen
	out := make([]byte, 0, len(in))
	for i := 0; i < n; i++ {
		out = append(out, in[g1u*i:g1u*(i+1)]...)
		out = append(out, in[g1u*n+g2u*i:g1u*n+g2u*(i+1)]...)
	}
	return out, nil
}

// pairsToVectors is the inverse of vectorsToPairs (examples).
func pairsToVectors(in []byte) []byte {
	if len(in)%pairLen != 0 {
		return nil
	}
	n := len(in) / pairLen
	out := make([]byte, 0, len(in))
	for i := 0; i < n; i++ {
		out = append(out, in[pairLen*i:pairLen*i+g1u]...)
	}
	for i := 0; i < n; i++ {
		out = append(out, in[pairLen*i+g1u:pairLen*(i+1)]...)
	}
	return out
}
