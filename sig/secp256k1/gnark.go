package secp256k1

import (
	"bytes"
	"math/big"

	gsecp "github.com/consensys/gnark-crypto/ecc/secp256k1"
	"github.com/consensys/gnark-crypto/ecc/secp256k1/fp"
	"github.com/consensys/gnark-crypto/ecc/secp256k1/fr"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/core"
)

// verifyGnark is ECDSA verification (SEC 1 section 4.1.4) on gnark-crypto:
// e = hash mod n, w = s^-1, U = [e w]G + [r w]Q; valid iff U is not
// infinity and U.x mod n == r. x, y are a validated key; r and s are in
// [1, n-1] (the caller checked).
func verifyGnark(x, y *dsecp.FieldVal, rb, sb, hash []byte) bool {
	var r, s, e, w, u1, u2 fr.Element
	r.SetBytes(rb)
	s.SetBytes(sb)
	e.SetBytes(hash) // reduces mod n
	w.Inverse(&s)
	u1.Mul(&e, &w)
	u2.Mul(&r, &w)
	var q gsecp.G1Affine
	q.X.SetBytes(x.Bytes()[:])
	q.Y.SetBytes(y.Bytes()[:])
	var k1, k2 big.Int
	var u gsecp.G1Jac
	u.JointScalarMultiplicationBase(&q, u1.BigInt(&k1), u2.BigInt(&k2))
	if u.Z.IsZero() {
		return false
	}
	var ua gsecp.G1Affine
	ua.FromJacobian(&u)
	xb := ua.X.Bytes()
	var xr fr.Element
	xr.SetBytes(xb[:]) // U.x mod n
	return xr.Equal(&r)
}

// seven is the curve constant b.
var seven = func() (b fp.Element) { b.SetUint64(7); return }()

// recoverGnark is SEC 1 section 4.1.6 on gnark-crypto for recovery id
// rid in 0..3: x(R) = r, or r + n when rid&2 (CodeNoResult if r + n >= p),
// R = (x, y) with y = sqrt(x^3 + 7) of the parity rid&1, then
// Q = r^-1 ([s]R - [e]G). r and s are in [1, n-1].
func recoverGnark(dst, hash, rb, sb []byte, rid byte) ([]byte, error) {
	var rp gsecp.G1Affine
	rp.X.SetBytes(rb) // r < n < p
	if rid&2 != 0 {
		if bytes.Compare(rb, pMinusNBE[:]) >= 0 {
			return dst, core.Errorf(core.CodeNoResult, "secp256k1: r + n >= p")
		}
		rp.X.Add(&rp.X, &orderInFp)
	}
	var y2 fp.Element
	y2.Square(&rp.X).Mul(&y2, &rp.X).Add(&y2, &seven)
	if rp.Y.Sqrt(&y2) == nil {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: r is not the x of a curve point")
	}
	yb := rp.Y.Bytes()
	if (yb[31]&1 == 1) != (rid&1 == 1) {
		rp.Y.Neg(&rp.Y)
	}
	var r, s, e, ri, u1, u2 fr.Element
	r.SetBytes(rb)
	s.SetBytes(sb)
	e.SetBytes(hash)
	ri.Inverse(&r)
	u1.Mul(&e, &ri).Neg(&u1)
	u2.Mul(&s, &ri)
	var k1, k2 big.Int
	var q gsecp.G1Jac
	q.JointScalarMultiplicationBase(&rp, u1.BigInt(&k1), u2.BigInt(&k2))
	if q.Z.IsZero() {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: recovered point is infinity")
	}
	var qa gsecp.G1Affine
	qa.FromJacobian(&q)
	xb, ybq := qa.X.Bytes(), qa.Y.Bytes()
	dst = append(dst, 4)
	dst = append(dst, xb[:]...)
	return append(dst, ybq[:]...), nil
}

// orderInFp is the group order n as a base-field element, and pMinusNBE
// p - n big-endian: x(R) = r + n exists iff r < p - n.
var (
	orderInFp = func() (e fp.Element) { e.SetBytes(fr.Modulus().Bytes()); return }()
	pMinusNBE = func() (b [32]byte) {
		new(big.Int).Sub(fp.Modulus(), fr.Modulus()).FillBytes(b[:])
		return
	}()
)

// schnorrGnark is runSchnorr (BIP-340 Verify) on gnark-crypto, with the same
// checks in the same order: P = lift_x(pk) (x >= p: CodeNonCanonical; not
// on the curve: CodeInvalidPoint), r >= p and s >= n (CodeNonCanonical),
// then R = [s]G + [-e]P must be finite with even y and x = r.
func schnorrGnark(dst, in []byte) ([]byte, error) {
	pkb, rb, sb, msg := in[:32], in[32:64], in[64:96], in[96:]
	var p gsecp.G1Affine
	if p.X.SetBytesCanonical(pkb) != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: x >= p")
	}
	var y2 fp.Element
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &seven)
	if p.Y.Sqrt(&y2) == nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "secp256k1: x is not on the curve")
	}
	if yb := p.Y.Bytes(); yb[31]&1 == 1 {
		p.Y.Neg(&p.Y)
	}
	var r fp.Element
	if r.SetBytesCanonical(rb) != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: r >= p")
	}
	var s fr.Element
	if s.SetBytesCanonical(sb) != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: s >= n")
	}
	d := challenge(rb, pkb, msg)
	var e fr.Element
	e.SetBytes(d[:]).Neg(&e) // -e mod n
	var k1, k2 big.Int
	var rj gsecp.G1Jac
	rj.JointScalarMultiplicationBase(&p, s.BigInt(&k1), e.BigInt(&k2))
	if rj.Z.IsZero() {
		return core.Verdict(dst, false), nil
	}
	var ra gsecp.G1Affine
	ra.FromJacobian(&rj)
	yb := ra.Y.Bytes()
	return core.Verdict(dst, yb[31]&1 == 0 && ra.X.Equal(&r)), nil
}
