package eddsa

import (
	"crypto/sha512"

	"filippo.io/edwards25519"

	"github.com/hostcrypto/hostcrypto/core"
)

// Ed25519VerifyStrict is ed25519_verify_strict: ed25519-dalek's
// VerifyingKey::verify_strict (ed25519-dalek 2.x, the rule Soroban's
// verify_sig_ed25519 and Aptos use), on filippo.io/edwards25519:
//
//  1. A decodes (y < 2^255 read mod p, as curve25519-dalek's decompress:
//     a non-canonical y is accepted), else CodeInvalidPoint;
//  2. S < l, else CodeNonCanonical;
//  3. R decodes, else CodeInvalidPoint;
//  4. A or R of small order ([8]P = identity: the 8 torsion points in all
//     14 encodings) → 0x00;
//  5. k = SHA-512(R || A || M) mod l over the bytes as given, and the
//     canonical encoding of [S]B - [k]A must equal the 32 R bytes
//     (cofactorless; so a non-canonical R never verifies) → 0x01, else 0x00.
//
// A non-canonical A that is not of small order (y = 3..18 + p decode to
// points of large order) is not refused by dalek and is not here; no one
// can sign for it without its discrete logarithm, so it only ever gives
// 0x00 through step 5.
var Ed25519VerifyStrict = &core.Func{
	Name: "ed25519_verify_strict", Family: "signature",
	Input:    "pk (32) || sig (R 32 || S 32) || msg",
	Output:   "0x01 valid, 0x00 invalid (ed25519-dalek verify_strict: small-order A or R rejected, cofactorless, R compared byte for byte)",
	FixedOut: 1, Items: func([]byte) uint64 { return 1 }, Primitives: []string{PrimitiveZIP215},
	Examples: strictExamples,
	Run:      runVerifyStrict,
}

func runVerifyStrict(dst, in []byte) ([]byte, error) {
	if len(in) < pkSize+sigSize {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: input shorter than pk || sig")
	}
	pk, sig, msg := in[:pkSize], in[pkSize:pkSize+sigSize], in[pkSize+sigSize:]
	var a, r edwards25519.Point
	if _, err := a.SetBytes(pk); err != nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "eddsa: public key is not a curve point")
	}
	var s, k edwards25519.Scalar
	if _, err := s.SetCanonicalBytes(sig[32:]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "eddsa: S >= l")
	}
	if _, err := r.SetBytes(sig[:32]); err != nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "eddsa: R is not a curve point")
	}
	if isSmallOrder(&a) || isSmallOrder(&r) {
		return core.Verdict(dst, false), nil
	}
	h := sha512.New()
	h.Write(sig[:32])
	h.Write(pk)
	h.Write(msg)
	var d [64]byte
	if _, err := k.SetUniformBytes(h.Sum(d[:0])); err != nil {
		panic("eddsa: internal error: " + err.Error())
	}
	var negA, rr edwards25519.Point
	negA.Negate(&a)
	rr.VarTimeDoubleScalarBaseMult(&k, &negA, &s)
	return core.Verdict(dst, string(rr.Bytes()) == string(sig[:32])), nil
}

// isSmallOrder reports whether [8]p is the identity.
func isSmallOrder(p *edwards25519.Point) bool {
	var q edwards25519.Point
	q.MultByCofactor(p)
	return q.Equal(identity) == 1
}
