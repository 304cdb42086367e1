package dusk

import (
	"github.com/hostcrypto/hostcrypto/core"
)

// Aliases: each of rusk's host queries is addressable as "dusk:<name>",
// with the input encoding of the catalogue function it maps to. The target
// is resolved by name at call time, so registration order between
// packages does not matter and a target that is not linked (yet) makes the
// alias answer CodeUnsupported.

// ruskQueries maps rusk's host-query names (dusk-core abi::Query, rusk
// 264c1ec0f vm/src/lib.rs register_host_queries) to catalogue functions.
//
// items, where set, replaces the target's gas item count with the one
// rusk's Boreas pricing multiplies (vm/src/host_queries/pricing.rs): 32-byte
// words of the input, at least one, for the byte hashes; public keys, at
// least one, for the multisig.
var ruskQueries = []struct {
	rusk, target, note string
	items              func(in []byte, target uint64) uint64
}{
	{"hash", "hash_to_scalar_bls12381", "BlsScalar::hash_to_scalar(bytes)", words32},
	{"poseidon_hash", "poseidon_bls12381_dusk", "Poseidon Hash::digest(Domain::Other, scalars)[0]", nil},
	{"verify_plonk", "plonk_bls12381_dusk_verify", "dusk-plonk Verifier::verify_with_version", nil},
	{"verify_groth16_bn254", "groth16_bn254_verify_arkworks", "ark-groth16 0.4 verify_proof_with_prepared_inputs", nil},
	{"verify_schnorr", "schnorr_jubjub_verify_dusk", "jubjub-schnorr PublicKey::verify", nil},
	{"verify_bls", "bls12381_verify_dusk", "bls12_381-bls V2 verify", nil},
	{"verify_bls_multisig", "bls12381_multisig_verify_dusk", "bls12_381-bls V2 aggregate + verify_multisig", atLeastOne},
	{"keccak256", "keccak256", "Keccak-256", words32},
	{"sha256", "sha256", "SHA-256", words32},
	{"verify_kzg_proof", "kzg_verify_proof_dusk", "c-kzg verify_kzg_proof with Ethereum's trusted setup", nil},
	{"secp256k1_recover", "secp256k1_recover", "secp256k1 recover_ecdsa, r || s || v with v in {0, 1, 27, 28}", nil},
}

// Exports returns rusk's host-query names mapped to the catalogue names of
// their aliases, for an import module named "dusk":
//
//	wasmbridge.Instantiate(ctx, r, wasmbridge.WithModuleName("dusk"),
//		wasmbridge.WithExports(dusk.Exports()), wasmbridge.WithSchedule(dusk schedule))
func Exports() map[string]string {
	m := make(map[string]string, len(ruskQueries))
	for _, q := range ruskQueries {
		m[q.rusk] = "dusk:" + q.rusk
	}
	return m
}

// words32 is max(1, ceil(len/32)).
func words32(in []byte, _ uint64) uint64 { return max(1, (uint64(len(in))+31)/32) }

// atLeastOne is max(1, the target's count).
func atLeastOne(_ []byte, n uint64) uint64 { return max(1, n) }

// alias returns the descriptor of "dusk:<rusk>" forwarding to target.
func alias(rusk, target, note string, items func([]byte, uint64) uint64) *core.Func {
	lookup := func() (*core.Func, bool) { return core.Default.Lookup(target) }
	return &core.Func{
		Name:     "dusk:" + rusk,
		MaxInput: 1 << 24, // the target enforces its own limit
		Family:   "dusk",
		// The target is a catalogue function: differential tests follow it
		// to its dispatch primitives (core.Catalogue.Backends).
		Primitives: []string{target},
		Input:      "as " + target + " (rusk host query " + rusk + ": " + note + ")",
		Output:     "as " + target + "; unsupported while " + target + " is not in the catalogue",
		OutLen: func(in []byte) int {
			if f, ok := lookup(); ok {
				return f.OutputSize(in)
			}
			return 0
		},
		Items: func(in []byte) uint64 {
			n := uint64(0)
			if f, ok := lookup(); ok {
				n = f.ItemCount(in)
			}
			if items != nil {
				return items(in, n)
			}
			return n
		},
		Examples: func() []core.Example {
			if f, ok := lookup(); ok && f.Examples != nil {
				return f.Examples()
			}
			return []core.Example{}
		},
		Run: func(dst, in []byte) ([]byte, error) {
			f, ok := lookup()
			if !ok {
				return dst, core.Errorf(core.CodeUnsupported, "dusk: %s is not in this build's catalogue", target)
			}
			return core.Execute(f, dst, in)
		},
	}
}

func init() {
	for _, q := range ruskQueries {
		core.Register(alias(q.rusk, q.target, q.note, q.items))
	}
}
