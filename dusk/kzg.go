package dusk

import (
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/pairing/kzg"
)

// kzg_verify_proof_dusk is rusk's verify_kzg_proof host query: c-kzg-4844's
// verify_kzg_proof with Ethereum's mainnet trusted setup
// (BlobData::eth_kzg_settings):
//
//	e(C - [y]G1, G2) == e(pi, [tau]G2 - [z]G2)
//
// C and pi are compressed G1 points (48 bytes, subgroup-checked, the
// identity allowed as in c-kzg); z and y are big-endian BLS12-381 scalars
// that must be < r. The only part of the trusted setup the check needs is
// [tau]G2 (c-kzg trusted_setup.txt, second G2 monomial point). The check is
// package kzg's, shared with the EVM's point evaluation.

// kzgScalar decodes a canonical big-endian scalar.
func kzgScalar(b []byte) (fr381.Element, error) {
	var e fr381.Element
	if err := e.SetBytesCanonical(b); err != nil {
		return e, core.Errorf(core.CodeNonCanonical, "dusk: kzg: field element >= r")
	}
	return e, nil
}

// verifyKZGProof is kzg_verify_proof_dusk: commitment (48) || z (32) ||
// y (32) || proof (48).
func verifyKZGProof(in []byte) (bool, error) {
	if len(in) != 160 {
		return false, core.Errorf(core.CodeMalformed, "dusk: kzg: input is %d bytes, want 160", len(in))
	}
	c, err := kzg.DecodePoint(in[:48])
	if err != nil {
		return false, err
	}
	z, err := kzgScalar(in[48:80])
	if err != nil {
		return false, err
	}
	y, err := kzgScalar(in[80:112])
	if err != nil {
		return false, err
	}
	pi, err := kzg.DecodePoint(in[112:])
	if err != nil {
		return false, err
	}
	return kzg.VerifyPoints(&c, &pi, &z, &y)
}

// KZGVerifyProofDusk is c-kzg-4844's verify_kzg_proof, as rusk calls it.
var KZGVerifyProofDusk = &core.Func{
	Name:   "kzg_verify_proof_dusk",
	Family: "dusk",
	Input: "commitment (48, G1 compressed) || z (32, big-endian scalar < r) || y (32) || proof (48): " +
		"c-kzg-4844 verify_kzg_proof with Ethereum's mainnet trusted setup, as rusk's verify_kzg_proof",
	Output:   "0x01 if e(C - [y]G1, G2) == e(proof, [tau]G2 - [z]G2), else 0x00",
	MaxInput: 160,
	FixedOut: 1,

	Primitives: []string{"kzg.bls12381_ckzg"},
	Examples:   kzgExamples,
	Run: func(dst, in []byte) ([]byte, error) {
		ok, err := verifyKZGProof(in)
		if err != nil {
			return dst, err
		}
		return core.Verdict(dst, ok), nil
	},
}
