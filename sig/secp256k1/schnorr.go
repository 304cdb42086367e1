package secp256k1

import (
	"crypto/sha256"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/core"
)

// challengeTag is SHA-256("BIP0340/challenge"), the tagged-hash prefix of
// BIP-340 section "Specification": hash_tag(x) = SHA-256(SHA-256(tag) ||
// SHA-256(tag) || x).
var challengeTag = sha256.Sum256([]byte("BIP0340/challenge"))

// liftX returns the point with x-coordinate x and even y (BIP-340 lift_x),
// or an error: x >= p is CodeNonCanonical, x^3 + 7 not a square is
// CodeInvalidPoint.
func liftX(b []byte) (*dsecp.JacobianPoint, error) {
	var x, y dsecp.FieldVal
	if x.SetByteSlice(b) {
		return nil, core.Errorf(core.CodeNonCanonical, "secp256k1: x >= p")
	}
	if !dsecp.DecompressY(&x, false, &y) {
		return nil, core.Errorf(core.CodeInvalidPoint, "secp256k1: x is not on the curve")
	}
	var p dsecp.JacobianPoint
	p.X.Set(&x)
	p.Y.Set(&y)
	p.Z.SetInt(1)
	return &p, nil
}

// runSchnorr implements BIP-340 Verify(pk, m, sig):
//
//	P = lift_x(pk); r = sig[0:32] (fail if r >= p); s = sig[32:64] (fail
//	if s >= n); e = int(hash_BIP0340/challenge(r || pk || m)) mod n;
//	R = [s]G - [e]P; fail if R is infinity, R.y is odd or R.x != r.
//
// An undecodable pk or out-of-range r or s returns an error code; the
// remaining failures return 0x00.
func runSchnorr(dst, in []byte) ([]byte, error) {
	if len(in) < 96 {
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: input shorter than pk || sig")
	}
	switch schnorrImpl {
	case implGnark:
		return schnorrGnark(dst, in)
	case implLibsecp:
		return schnorrLibsecp(dst, in)
	}
	pkb, rb, sb, msg := in[:32], in[32:64], in[64:96], in[96:]
	p, err := liftX(pkb)
	if err != nil {
		return dst, err
	}
	var r dsecp.FieldVal
	if r.SetByteSlice(rb) {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: r >= p")
	}
	var s dsecp.ModNScalar
	if s.SetByteSlice(sb) {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: s >= n")
	}

	d := challenge(rb, pkb, msg)
	var e dsecp.ModNScalar
	e.SetBytes(&d) // reduces mod n
	e.Negate()

	var sG, eP, R dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&s, &sG)
	dsecp.ScalarMultNonConst(&e, p, &eP)
	dsecp.AddNonConst(&sG, &eP, &R)
	if (R.X.IsZero() && R.Y.IsZero()) || R.Z.IsZero() {
		return core.Verdict(dst, false), nil
	}
	R.ToAffine()
	return core.Verdict(dst, !R.Y.IsOdd() && R.X.Equals(&r)), nil
}

// challenge returns hash_BIP0340/challenge(r || pk || msg). Messages of up
// to challengeStack bytes are hashed from a stack buffer with one
// sha256.Sum256 call (no allocation); longer ones stream.
func challenge(rb, pkb, msg []byte) (d [32]byte) {
	if len(msg) <= challengeStack {
		var buf [128 + challengeStack]byte
		copy(buf[:32], challengeTag[:])
		copy(buf[32:64], challengeTag[:])
		copy(buf[64:96], rb)
		copy(buf[96:128], pkb)
		n := 128 + copy(buf[128:], msg)
		return sha256.Sum256(buf[:n])
	}
	h := sha256.New()
	h.Write(challengeTag[:])
	h.Write(challengeTag[:])
	h.Write(rb)
	h.Write(pkb)
	h.Write(msg)
	h.Sum(d[:0])
	return d
}

const challengeStack = 128
