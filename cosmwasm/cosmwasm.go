// Package cosmwasm is the CosmWasm profile: the crypto host functions of
// CosmWasm's VM (cosmwasm-vm packages/vm/src/imports.rs, cosmwasm-crypto
// 2.x) under CosmWasm's own names, each a catalogue function
// "cosmwasm:<name>" that holds the descriptor it forwards to
// (core.Func.Targets): importing this package alone gives every function.
//
// A CosmWasm host function takes several regions; here its input is those
// regions concatenated in CosmWasm's argument order (fixed-size ones first
// where that makes the layout unambiguous; docs/profiles.md gives each
// layout). Where that is already the target's input the function is a pure
// alias; otherwise it reorders or re-encodes and then runs its target.
// Results are the catalogue's (0x01 valid, 0x00 invalid, a status code for
// malformed input); docs/profiles.md maps them onto CosmWasm's u32 result
// codes.
//
// CosmWasm's import module is "env", shared with its non-crypto imports;
// Exports maps CosmWasm's names to catalogue names for a hostcrypto import
// module the embedder names (docs/profiles.md uses "cosmwasm").
package cosmwasm

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/sig/eddsa"
	"github.com/hostcrypto/hostcrypto/sig/p256"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

const prefix = "cosmwasm:"

// The CosmWasm crypto API, in imports.rs order.
var (
	// Secp256k1Verify is secp256k1_verify(hash, sig, pk): input hash (32) ||
	// sig r||s (64) || pk (33 or 65), reordered to secp256k1_ecdsa_verify's
	// pk || sig || hash. High s is accepted (CosmWasm normalises s).
	Secp256k1Verify = reorder("secp256k1_verify", secp256k1.Secp256k1ECDSAVerify,
		"hash (32) || sig r || s (64) || pk (33 or 65, SEC 1): CosmWasm's argument order, reordered to the target's pk || sig || hash",
		hashSigPkToPkSigHash, pkSigHashToHashSigPk)
	// Secp256k1RecoverPubkey is secp256k1_recover_pubkey(hash, sig, rid):
	// hash (32) || sig (64) || rid (1 byte, 0..3), exactly
	// secp256k1_recover_rid's input.
	Secp256k1RecoverPubkey = alias("secp256k1_recover_pubkey", secp256k1.Secp256k1RecoverRid,
		"hash (32) || sig (64) || recovery id (1 byte, 0..3; k256 RecoveryId::try_from)")
	// Secp256r1Verify is secp256r1_verify(hash, sig, pk): hash || sig || pk,
	// exactly p256_verify_sec1's input.
	Secp256r1Verify = alias("secp256r1_verify", p256.P256VerifySEC1,
		"hash (32) || sig r || s (64) || pk (33 or 65, SEC 1)")
	// Secp256r1RecoverPubkey is secp256r1_recover_pubkey(hash, sig, rid),
	// exactly p256_recover_rid's input.
	Secp256r1RecoverPubkey = alias("secp256r1_recover_pubkey", p256.P256RecoverRid,
		"hash (32) || sig (64) || recovery id (1 byte, 0..3)")
	// Ed25519Verify is ed25519_verify(msg, sig, pk): msg || sig (64) || pk
	// (32), reordered to ed25519_verify_zip215's pk || sig || msg
	// (CosmWasm verifies with ed25519-zebra, which is ZIP-215).
	Ed25519Verify = reorder("ed25519_verify", eddsa.Ed25519VerifyZIP215,
		"msg || sig (64) || pk (32): CosmWasm's argument order, reordered to the target's pk || sig || msg",
		msgSigPkToPkSigMsg, pkSigMsgToMsgSigPk)
	// Ed25519BatchVerify is ed25519_batch_verify(msgs, sigs, pks): the
	// three lists in ed25519_batch_verify_zip215_lists's encoding (the
	// embedder decodes CosmWasm's section encoding into counts and
	// fixed-size elements).
	Ed25519BatchVerify = alias("ed25519_batch_verify", eddsa.Ed25519BatchVerifyZIP215Lists,
		"the lists msgs, sigs, pks as n_msg (4) || n_sig (4) || n_pk (4) || sigs (64 each) || pks (32 each) || msgs (len (4) || msg each)")
	// BLS12381AggregateG1 is bls12_381_aggregate_g1(points): n compressed
	// G1 points concatenated, exactly bls12381_aggregate_g1's input.
	BLS12381AggregateG1 = alias("bls12_381_aggregate_g1", ops.BLS12381AggregateG1, "n >= 1 compressed G1 points (48 each)")
	// BLS12381AggregateG2 is bls12_381_aggregate_g2(points).
	BLS12381AggregateG2 = alias("bls12_381_aggregate_g2", ops.BLS12381AggregateG2, "n >= 1 compressed G2 points (96 each)")
	// BLS12381PairingEquality is bls12_381_pairing_equality(ps, qs, r, s):
	// ps (48·n) || qs (96·n) || r (48) || s (96), all compressed; 0x01 iff
	// e(p_1, q_1)···e(p_n, q_n) = e(r, s).
	BLS12381PairingEquality = pairingEquality()
	// BLS12381HashToG1 is bls12_381_hash_to_g1(hash_function, msg, dst):
	// hash_function (u32 BE, 0 = SHA-256) || dst length (u32 BE) || dst ||
	// msg, any DST up to 5 KiB as arkworks takes it; the compressed point
	// (48).
	BLS12381HashToG1 = hashTo("bls12_381_hash_to_g1", ops.BLS12381HashToG1AnyDST, bls12381.G1SizeCompressed, compressG1)
	// BLS12381HashToG2 is bls12_381_hash_to_g2(hash_function, msg, dst);
	// the compressed point (96).
	BLS12381HashToG2 = hashTo("bls12_381_hash_to_g2", ops.BLS12381HashToG2AnyDST, bls12381.G2SizeCompressed, compressG2)
)

// Funcs returns the CosmWasm functions, in imports.rs order.
func Funcs() []*core.Func {
	return []*core.Func{Secp256k1Verify, Secp256k1RecoverPubkey, Secp256r1Verify, Secp256r1RecoverPubkey,
		Ed25519Verify, Ed25519BatchVerify, BLS12381AggregateG1, BLS12381AggregateG2, BLS12381PairingEquality,
		BLS12381HashToG1, BLS12381HashToG2}
}

// Catalogue returns the catalogue of Funcs().
func Catalogue() (*core.Catalogue, error) { return core.NewCatalogue(Funcs()...) }

// Exports returns CosmWasm's names mapped to catalogue names
// ("ed25519_verify" -> "cosmwasm:ed25519_verify"), for a hostcrypto import
// module (wasmbridge.WithModuleName("cosmwasm"), wasmbridge.WithExports):
//
//	c, _ := cosmwasm.Catalogue()
//	wasmbridge.Instantiate(ctx, r, wasmbridge.WithCatalogue(c),
//		wasmbridge.WithModuleName("cosmwasm"), wasmbridge.WithExports(cosmwasm.Exports()))
func Exports() map[string]string {
	fs := Funcs()
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name[len(prefix):]] = f.Name
	}
	return m
}
