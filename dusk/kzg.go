package dusk

import (
	"encoding/hex"
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
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
// [tau]G2 (c-kzg trusted_setup.txt, second G2 monomial point).

// kzgTauG2Hex is [tau]G2 of the Ethereum KZG ceremony, compressed.
const kzgTauG2Hex = "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2"

var kzgTauG2 = func() bls.G2Affine {
	b, err := hex.DecodeString(kzgTauG2Hex)
	if err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	var p bls.G2Affine
	if _, err := p.SetBytes(b); err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	return p
}()

// kzgPoint decodes a compressed G1 point; the identity is allowed.
func kzgPoint(b []byte) (bls.G1Affine, error) {
	inf, err := precheckCompressed(b)
	if err != nil {
		return bls.G1Affine{}, err
	}
	if inf {
		return bls.G1Affine{}, nil
	}
	return gnarkDecodeG1(b)
}

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
	c, err := kzgPoint(in[:48])
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
	pi, err := kzgPoint(in[112:])
	if err != nil {
		return false, err
	}
	_, _, g1, g2 := bls.Generators()
	var yb, zb big.Int
	y.BigInt(&yb)
	z.BigInt(&zb)
	// lhs = C - [y]G1, rhs = [tau]G2 - [z]G2
	var yG1 bls.G1Affine
	yG1.ScalarMultiplication(&g1, &yb)
	var lhs bls.G1Affine
	lhs.Sub(&c, &yG1)
	var zG2, rhs, negG2 bls.G2Affine
	zG2.ScalarMultiplication(&g2, &zb)
	rhs.Sub(&kzgTauG2, &zG2)
	negG2.Neg(&g2)
	ok, err := bls.PairingCheck([]bls.G1Affine{lhs, pi}, []bls.G2Affine{negG2, rhs})
	if err != nil {
		return false, core.Errorf(core.CodeInternal, "dusk: kzg: pairing: %v", err)
	}
	return ok, nil
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
