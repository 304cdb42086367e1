package dusk

import (
	"fmt"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

// Aliases: each of rusk's host queries is a function "dusk:<name>" that
// holds the descriptor it forwards to (core.Func.Targets), linked at
// compile time: importing this package alone gives every query.

// The rusk host queries (dusk-core abi::Query, rusk 264c1ec0f
// vm/src/lib.rs register_host_queries), named after rusk's names. Each has
// its target's input encoding, output, OutLen and examples; the gas item
// count is the one rusk's Boreas pricing multiplies (vm/src/host_queries/
// pricing.rs) where it differs from the target's: 32-byte words of the
// input, at least one, for the byte hashes; public keys, at least one, for
// the multisig.
var (
	Hash               = alias("hash", HashToScalarBLS12381, "BlsScalar::hash_to_scalar(bytes)", words32)
	PoseidonHash       = alias("poseidon_hash", hash.PoseidonBLS12381Dusk, "Poseidon Hash::digest(Domain::Other, scalars)[0]", nil)
	VerifyPlonk        = verifyPlonk(dplonk.DefaultVersion)
	VerifyGroth16BN254 = alias("verify_groth16_bn254", Groth16BN254VerifyArkworks, "ark-groth16 0.4 verify_proof_with_prepared_inputs", nil)
	VerifySchnorr      = alias("verify_schnorr", SchnorrJubJubVerifyDusk, "jubjub-schnorr PublicKey::verify", nil)
	VerifyBLS          = alias("verify_bls", BLS12381VerifyDusk, "bls12_381-bls V2 verify", nil)
	VerifyBLSMultisig  = alias("verify_bls_multisig", BLS12381MultisigVerifyDusk, "bls12_381-bls V2 aggregate + verify_multisig", atLeastOne)
	Keccak256          = alias("keccak256", hash.Keccak256, "Keccak-256", words32)
	SHA256             = alias("sha256", hash.SHA256, "SHA-256", words32)
	VerifyKZGProof     = alias("verify_kzg_proof", KZGVerifyProofDusk, "c-kzg verify_kzg_proof with Ethereum's trusted setup", nil)
	Secp256k1Recover   = alias("secp256k1_recover", secp256k1.Secp256k1Recover, "secp256k1 recover_ecdsa, r || s || v with v in {0, 1, 27, 28}", nil)
)

// Profile is the configuration of the Dusk profile: what an embedder
// chooses per block (rusk picks the PLONK version by block height). The
// zero Profile is the current one.
type Profile struct {
	// PlonkVersion is the dusk-plonk PlonkVersion dusk:verify_plonk verifies
	// under: dplonk.V1, V2 or V3; 0 means dplonk.DefaultVersion (V3).
	PlonkVersion byte
}

// version returns p's PLONK version, or an error for an unknown one.
func (p Profile) version() (byte, error) {
	switch v := p.PlonkVersion; {
	case v == 0:
		return dplonk.DefaultVersion, nil
	case v >= dplonk.V1 && v <= dplonk.V3:
		return v, nil
	default:
		return 0, fmt.Errorf("dusk: unknown PlonkVersion %d (want 1, 2 or 3)", v)
	}
}

// Queries returns the eleven dusk:* functions under p, in rusk's order.
// An unknown PlonkVersion gives a dusk:verify_plonk that answers
// malformed_input to every call; Catalogue reports it as an error.
func (p Profile) Queries() []*core.Func {
	vp := VerifyPlonk
	if v, err := p.version(); err != nil || v != dplonk.DefaultVersion {
		vp = verifyPlonk(p.PlonkVersion)
	}
	return []*core.Func{Hash, PoseidonHash, vp, VerifyGroth16BN254, VerifySchnorr, VerifyBLS,
		VerifyBLSMultisig, Keccak256, SHA256, VerifyKZGProof, Secp256k1Recover}
}

// Funcs returns the profile's functions under p: the eleven dusk:* queries
// and the six functions only Dusk defines (Groth16BN254VerifyArkworks,
// BLS12381VerifyDusk, BLS12381MultisigVerifyDusk, SchnorrJubJubVerifyDusk,
// KZGVerifyProofDusk, HashToScalarBLS12381).
func (p Profile) Funcs() []*core.Func {
	return append(p.Queries(), Groth16BN254VerifyArkworks, BLS12381VerifyDusk, BLS12381MultisigVerifyDusk,
		SchnorrJubJubVerifyDusk, KZGVerifyProofDusk, HashToScalarBLS12381)
}

// Catalogue returns the catalogue of p.Funcs(), or an error when p is
// invalid.
func (p Profile) Catalogue() (*core.Catalogue, error) {
	if _, err := p.version(); err != nil {
		return nil, err
	}
	return core.NewCatalogue(p.Funcs()...)
}

// Exports returns rusk's host-query names mapped to the catalogue names of
// their functions ("verify_bls" -> "dusk:verify_bls"), for an import module
// named "dusk" (wasmbridge.WithExports). They do not depend on p.
func (p Profile) Exports() map[string]string {
	qs := p.Queries()
	m := make(map[string]string, len(qs))
	for _, f := range qs {
		m[f.Name[len("dusk:"):]] = f.Name
	}
	return m
}

// Funcs is Profile{}.Funcs(): the current profile (PLONK V3).
func Funcs() []*core.Func { return Profile{}.Funcs() }

// Exports is Profile{}.Exports():
//
//	c, _ := dusk.Profile{}.Catalogue()
//	wasmbridge.Instantiate(ctx, r, wasmbridge.WithCatalogue(c),
//		wasmbridge.WithModuleName("dusk"), wasmbridge.WithExports(dusk.Exports()),
//		wasmbridge.WithSchedule(gas.Dusk))
func Exports() map[string]string { return Profile{}.Exports() }

// words32 is max(1, ceil(len/32)).
func words32(in []byte, _ uint64) uint64 { return max(1, (uint64(len(in))+31)/32) }

// atLeastOne is max(1, the target's count).
func atLeastOne(_ []byte, n uint64) uint64 { return max(1, n) }

// alias returns the descriptor of "dusk:<rusk>" forwarding to target.
// items, when set, replaces the target's item count (n) for gas.
func alias(rusk string, target *core.Func, note string, items func(in []byte, n uint64) uint64) *core.Func {
	itemCount := target.ItemCount
	if items != nil {
		itemCount = func(in []byte) uint64 { return items(in, target.ItemCount(in)) }
	}
	return &core.Func{
		Name:     "dusk:" + rusk,
		MaxInput: 1 << 24, // the target enforces its own limit
		Family:   "dusk",
		// Differential tests follow the target to its dispatch primitives
		// (core.Func.Backends).
		Targets:  []*core.Func{target},
		Input:    "as " + target.Name + " (rusk host query " + rusk + ": " + note + ")",
		Output:   "as " + target.Name,
		OutLen:   target.OutputSize,
		Items:    itemCount,
		Examples: target.Examples,
		Run: func(dst, in []byte) ([]byte, error) {
			return core.Execute(target, dst, in)
		},
	}
}

// verifyPlonk returns dusk:verify_plonk verifying under PlonkVersion
// version: rusk's arguments (verifier data, proof, public inputs) without
// a version byte, encoded as plonk_bls12381_dusk_verify's input after its
// version byte.
func verifyPlonk(version byte) *core.Func {
	target := dplonk.PlonkBLS12381DuskVerify
	return &core.Func{
		Name:     "dusk:verify_plonk",
		Family:   "dusk",
		MaxInput: target.InputLimit() - 1,
		Targets:  []*core.Func{target},
		Input: fmt.Sprintf("u32be len || verifier data || u32be len || proof || public inputs: %s's input without its "+
			"version byte (rusk host query verify_plonk: dusk-plonk Verifier::verify_with_version under PlonkVersion V%d, "+
			"the embedder's dusk.Profile.PlonkVersion)", target.Name, version),
		Output:   "0x01 if the proof verifies under PlonkVersion V" + fmt.Sprint(version) + ", else 0x00",
		FixedOut: 1,
		Items:    dplonk.PublicInputCount,
		Examples: func() []core.Example {
			// The target's examples without their version byte.
			var ex []core.Example
			for _, e := range target.Examples() {
				ex = append(ex, core.Example{Name: e.Name, Input: e.Input[1:], Worst: e.Worst})
			}
			return ex
		},
		Run: func(dst, in []byte) ([]byte, error) {
			return dplonk.VerifyDusk(dst, in, version)
		},
	}
}
