// Package dplonk verifies dusk-plonk proofs: a Go port of the verifier of
// github.com/dusk-network/plonk 0.22 (PLONK with 4 wires, arithmetic,
// logic, range, fixed-base and variable-base curve-addition gates, KZG10
// on BLS12-381 and a Merlin transcript), byte-exact with Dusk's crate:
// for every input it accepts, rejects or refuses exactly where
// Verifier::verify_with_version would.
//
// It declares the host function plonk_bls12381_dusk_verify (family "zk",
// PlonkBLS12381DuskVerify). The Dusk profile's dusk:verify_plonk, which has
// no version byte, calls VerifyDusk with the embedder's chosen PlonkVersion
// (V3 by default, DefaultVersion; dusk.Profile.PlonkVersion).
//
// Verification is variable time; every input is public.
package dplonk

import (
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// PlonkVersion values (dusk-plonk's compiler::PlonkVersion).
const (
	// V1 is the legacy profile: the opening at z does not batch the
	// q_arith, q_c, q_l and q_r evaluations, and the transcript commits
	// s_sigma_1 in place of s_sigma_4.
	V1 byte = 1
	// V2 binds the selector evaluations in the batched opening; the
	// transcript is still the legacy one.
	V2 byte = 2
	// V3 (dusk-plonk's current) adds s_sigma_4 to the transcript seed.
	V3 byte = 3
	// DefaultVersion is PlonkVersion::current().
	DefaultVersion = V3
)

// Name is the catalogue name of the versioned verifier.
const Name = "plonk_bls12381_dusk_verify"

// maxInput bounds the input: a verifier with a long label or many public
// inputs plus the proof; 1 MiB covers every Dusk circuit.
const maxInput = 1 << 20

// PlonkBLS12381DuskVerify is plonk_bls12381_dusk_verify: the verifier with
// the PlonkVersion as the input's first byte.
var PlonkBLS12381DuskVerify = &core.Func{
	Name:   Name,
	Family: "zk",
	Input: "version (1 byte: 1, 2, 3 = dusk-plonk PlonkVersion V1..V3) || u32be len || verifier data " +
		"(dusk-plonk 0.22 Verifier::to_bytes) || u32be len || proof (1008 bytes, Proof::to_bytes) || " +
		"public inputs (n x 32-byte little-endian canonical BLS12-381 scalars, n = the verifier's count)",
	Output:   "0x01 if Verifier::verify_with_version accepts, 0x00 if not",
	MaxInput: maxInput,
	FixedOut: 1,
	Items:    items,
	Examples: func() []core.Example { return append(Examples(), duskExamples()...) },
	Run: func(dst, in []byte) ([]byte, error) {
		if len(in) < 1 {
			return nil, core.Errorf(core.CodeMalformed, "dplonk: empty input")
		}
		return VerifyDusk(dst, in[1:], in[0])
	},
}

// Funcs lists the package's host functions.
func Funcs() []*core.Func { return []*core.Func{PlonkBLS12381DuskVerify} }

// split parses u32be len || verifier || u32be len || proof || rest.
// Section 0 is the verifier, section 1 the proof.
func split(in []byte) (vd, pr, pis []byte, err error) {
	secs, rest, err := wire.Prefixed(in, 2, "dplonk")
	if err != nil {
		return nil, nil, nil, err
	}
	return secs[0], secs[1], rest, nil
}

// items counts the public inputs (the gas rule's per-item unit) from the
// length headers only; 0 when they are inconsistent.
func items(in []byte) uint64 {
	if len(in) < 1 {
		return 0
	}
	return PublicInputCount(in[1:])
}

// PublicInputCount is the gas item count of VerifyDusk's input (without a
// version byte, as dusk:verify_plonk takes it): the number of public
// inputs from the length headers only, 0 when they are inconsistent.
func PublicInputCount(in []byte) uint64 {
	_, _, pis, err := split(in)
	if err != nil {
		return 0
	}
	return uint64(len(pis) / scalarSize)
}

// VerifyDusk verifies in = u32be len || verifier data || u32be len ||
// proof || public inputs (plonk_bls12381_dusk_verify's input without its
// version byte) under PlonkVersion version (V1, V2 or V3) and appends
// 0x01 (valid) or 0x00 to dst. Malformed input (bad lengths or version,
// non-canonical scalars, points off the curve or outside the subgroup, a
// public-input count that differs from the verifier's) returns a core
// error. dusk:verify_plonk calls it with DefaultVersion unless the
// embedder selects another.
func VerifyDusk(dst, in []byte, version byte) ([]byte, error) {
	if version < V1 || version > V3 {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: unknown PlonkVersion %d", version)
	}
	vd, prb, pisRaw, err := split(in)
	if err != nil {
		return nil, err
	}
	// The verifier's public-input count is checked against its length and
	// the public inputs given before any point is decoded.
	nPI, err := verifierCounts(vd)
	if err != nil {
		return nil, err
	}
	if len(pisRaw)%scalarSize != 0 {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: public inputs not a multiple of 32 bytes")
	}
	if uint64(len(pisRaw)/scalarSize) != nPI {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: %d public inputs, verifier expects %d",
			len(pisRaw)/scalarSize, nPI)
	}
	key := vkcache.KeyOf(cacheTag, vd)
	p, hit, err := loadVerifier(key, vd)
	if err != nil {
		return nil, err
	}
	pr, err := parseProof(prb)
	if err != nil {
		return nil, err
	}
	pis := make([]fr.Element, len(p.piIndexes))
	for i := range pis {
		if pis[i], err = decodeScalar(pisRaw[i*scalarSize:]); err != nil {
			return nil, err
		}
	}
	ok := p.verify(pr, pis, pisRaw, version)
	if ok && !hit {
		vkcache.Put(key, p, p.memSize())
	}
	return core.Verdict(dst, ok), nil
}
