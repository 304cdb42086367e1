//go:build cgo && !purego

package kzg

import (
	"encoding/hex"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/core"
	zcash "github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// BlstAvailable reports whether this build has the blst backend of
// Verify; BlstNote says which or why not (for dispatch.Impl.Note).
const (
	BlstAvailable = true
	BlstNote      = "supranational/blst (cgo)"
)

// blstSetup holds the ceremony's [1]G2 and [tau]G2 as blst points.
var blstSetup = sync.OnceValue(func() *[2]blst.P2Affine {
	var s [2]blst.P2Affine
	for i, h := range []string{setupG2Gen, setupG2Tau} {
		b, err := hex.DecodeString(h)
		if err != nil || s[i].Uncompress(b) == nil || !s[i].InG2() {
			panic("kzg: internal error: trusted setup G2 point does not decode with blst")
		}
	}
	return &s
})

// decodePointBlst decodes a 48-byte compressed G1 point with blst, with
// the checks and error codes of DecodePoint.
func decodePointBlst(b []byte) (p blst.P1Affine, inf bool, err error) {
	if inf, err = zcash.CheckCompressed(b, 1); err != nil || inf {
		return p, inf, err
	}
	if p.Uncompress(b) == nil {
		// blst also refuses some curve points outside G1 (x = 0): let the
		// generic decoder classify the failure so both backends return the
		// same code.
		if _, err := DecodePoint(b); err != nil {
			return p, false, err
		}
		return p, false, core.Errorf(core.CodeInternal, "kzg: blst rejects a G1 point gnark-crypto accepts")
	}
	if !p.InG1() {
		return p, false, errKZGNotInSubgroup
	}
	return p, false, nil
}

// leScalar returns the 32-byte little-endian encoding of s, as blst's
// scalar multiplication reads it.
func leScalar(s *fr.Element) []byte {
	be := s.Bytes()
	le := make([]byte, 32)
	for i := range le {
		le[i] = be[31-i]
	}
	return le
}

// verifyBlst decodes C and pi and evaluates the opening check with blst:
// P = C + [r-y]G1 + [z]pi, then e(P, G2) == e(pi, [tau]G2) as one shared
// final exponentiation of two Miller loops. A point at infinity contributes
// the pairing value one, which decides the check without a pairing (P and pi
// lie in G1).
func verifyBlst(commitment, proof []byte, z, y *fr.Element) (bool, error) {
	c, _, err := decodePointBlst(commitment)
	if err != nil {
		return false, err
	}
	pi, piInf, err := decodePointBlst(proof)
	if err != nil {
		return false, err
	}
	var negY fr.Element
	negY.Neg(y)
	var acc blst.P1
	acc.FromAffine(&c) // the all-zero affine encoding is infinity in blst
	acc.MultNAccumulate(nil, leScalar(&negY), 255)
	acc.MultNAccumulate(&pi, leScalar(z), 255)
	p := acc.ToAffine()
	pInf := p.Equals(new(blst.P1Affine))
	if pInf || piInf {
		return pInf && piInf, nil
	}
	s := blstSetup()
	return blst.Fp12FinalVerify(blst.Fp12MillerLoop(&s[0], p), blst.Fp12MillerLoop(&s[1], &pi)), nil
}
