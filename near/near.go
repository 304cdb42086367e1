// Package near is the NEAR profile: the crypto host functions of nearcore's
// runtime (runtime/near-vm-runner/src/logic/logic.rs) under NEAR's own
// names, each a catalogue function "near:<name>" that holds the
// descriptor(s) it forwards to (core.Func.Targets): importing this package
// alone gives every function.
//
// A NEAR host function reads its arguments from guest memory (len, ptr
// pairs, plus integer arguments) and writes results to a register; here its
// input is those arguments concatenated in NEAR's order (docs/profiles.md
// gives each layout) and its output is the register's bytes or the verdict
// byte. nearcore's import module is "env", shared with its other imports;
// Exports maps NEAR's names to catalogue names for a hostcrypto import
// module the embedder names (docs/profiles.md uses "near").
//
// NEAR's bls12381_* functions are in bls.go.
package near

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/sig/eddsa"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

const prefix = "near:"

// NEAR's crypto host functions.
var (
	// SHA256 is sha256(value): the 32-byte digest.
	SHA256 = alias("sha256", hash.SHA256, "value")
	// Keccak256 is keccak256(value).
	Keccak256 = alias("keccak256", hash.Keccak256, "value")
	// Keccak512 is keccak512(value).
	Keccak512 = alias("keccak512", hash.Keccak512, "value")
	// RIPEMD160 is ripemd160(value): the 20-byte digest.
	RIPEMD160 = alias("ripemd160", hash.RIPEMD160, "value")
	// Ed25519Verify is ed25519_verify(signature, message, public_key):
	// sig (64) || msg || pk (32), reordered to ed25519_verify's
	// pk || sig || msg (ed25519-dalek 2 verify: the RFC 8032 rules of Go's
	// crypto/ed25519).
	Ed25519Verify = reorder("ed25519_verify", eddsa.Ed25519Verify,
		"sig (64) || msg || pk (32): NEAR's argument order, reordered to the target's pk || sig || msg",
		sigMsgPkToPkSigMsg, pkSigMsgToSigMsgPk)
	// ECRecover is ecrecover(hash, sig, v, malleability_flag):
	// hash (32) || sig (64) || v (1 byte, 0..3) || malleability_flag (1
	// byte, 0 or 1); the 64-byte key x || y.
	ECRecover = ecrecover()
	// AltBN128G1Multiexp is alt_bn128_g1_multiexp(value): k >= 0 items
	// (G1 64 || Fr 32), little-endian, exactly bn254_g1_msm_le's input.
	AltBN128G1Multiexp = alias("alt_bn128_g1_multiexp", ops.BN254G1MSMLE, "k x (G1 x || y || scalar), 32-byte little-endian each")
	// AltBN128G1Sum is alt_bn128_g1_sum(value): k >= 0 items (sign byte
	// 0/1 || G1 64), exactly bn254_g1_sum_le's input.
	AltBN128G1Sum = alias("alt_bn128_g1_sum", ops.BN254G1SumLE, "k x (sign (1: 0 add, 1 subtract) || G1 x || y, little-endian)")
	// AltBN128PairingCheck is alt_bn128_pairing_check(value): k >= 0 pairs
	// (G1 64 || G2 128), exactly bn254_pairing_check_le's input.
	AltBN128PairingCheck = alias("alt_bn128_pairing_check", ops.BN254PairingCheckLE,
		"k x (G1 x || y || G2 x.c0 || x.c1 || y.c0 || y.c1), 32-byte little-endian each")
)

// Funcs returns the NEAR functions.
func Funcs() []*core.Func {
	return []*core.Func{SHA256, Keccak256, Keccak512, RIPEMD160, Ed25519Verify, ECRecover,
		AltBN128G1Multiexp, AltBN128G1Sum, AltBN128PairingCheck,
		BLS12381P1Sum, BLS12381P2Sum, BLS12381G1Multiexp, BLS12381G2Multiexp,
		BLS12381MapFpToG1, BLS12381MapFp2ToG2, BLS12381PairingCheck, BLS12381P1Decompress, BLS12381P2Decompress}
}

// Catalogue returns the catalogue of Funcs().
func Catalogue() (*core.Catalogue, error) { return core.NewCatalogue(Funcs()...) }

// Exports returns NEAR's names mapped to catalogue names ("sha256" ->
// "near:sha256"), for a hostcrypto import module
// (wasmbridge.WithModuleName("near"), wasmbridge.WithExports).
func Exports() map[string]string {
	fs := Funcs()
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		m[f.Name[len(prefix):]] = f.Name
	}
	return m
}

// ecrecover is near:ecrecover: malleability_flag 0 runs
// secp256k1_recover_rid_xy, 1 secp256k1_recover_rid_xy_lows (s > n/2 is
// non_canonical), anything else is malformed_input (NEAR: ECRecoverError).
func ecrecover() *core.Func {
	plain, lows := secp256k1.Secp256k1RecoverRidXY, secp256k1.Secp256k1RecoverRidXYLowS
	return &core.Func{
		Name:     prefix + "ecrecover",
		Family:   "near",
		MaxInput: 98,
		Targets:  []*core.Func{plain, lows},
		Input: "hash (32) || sig r || s (64) || v (1 byte, 0..3) || malleability_flag (1 byte, 0 or 1): NEAR's ecrecover " +
			"arguments; the target's input is the first 97 bytes",
		Output:   "64-byte public key x || y (" + plain.Name + " for malleability_flag 0, " + lows.Name + " for 1)",
		FixedOut: 64,
		Examples: func() []core.Example {
			var ex []core.Example
			for _, e := range plain.Examples() {
				ex = append(ex, core.Example{Name: e.Name, Input: append(append([]byte{}, e.Input...), 1), Worst: e.Worst})
			}
			return ex
		},
		Run: func(dst, in []byte) ([]byte, error) {
			if len(in) != 98 {
				return dst, core.Errorf(core.CodeMalformed, "near: ecrecover input is %d bytes, want hash (32) || sig (64) || v (1) || malleability_flag (1)", len(in))
			}
			switch in[97] {
			case 0:
				return core.Execute(plain, dst, in[:97])
			case 1:
				return core.Execute(lows, dst, in[:97])
			}
			return dst, core.Errorf(core.CodeMalformed, "near: ecrecover malleability_flag %d (want 0 or 1)", in[97])
		},
	}
}
