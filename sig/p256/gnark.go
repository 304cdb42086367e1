package p256

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/secp256r1"
	"github.com/consensys/gnark-crypto/ecc/secp256r1/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// gnarkKey decodes Q from coordinates already checked to be < p and not
// (0, 0); off-curve is CodeInvalidPoint.
func gnarkKey(qx, qy []byte) (q secp256r1.G1Affine, err error) {
	q.X.SetBytes(qx)
	q.Y.SetBytes(qy)
	if !q.IsOnCurve() {
		return q, core.Errorf(core.CodeInvalidPoint, "p256: public key not on the curve")
	}
	return q, nil
}

// verifyGnark is the EIP-7951 check on gnark-crypto's secp256r1: with
// e = hash mod n and w = s^-1, U = [e w]G + [r w]Q must be finite with
// U.x mod n == r. r and s are in [1, n-1] (the caller checked).
func verifyGnark(q *secp256r1.G1Affine, hash, rb, sb []byte) bool {
	var r, s, e, w, u1, u2 fr.Element
	r.SetBytes(rb)
	s.SetBytes(sb)
	e.SetBytes(hash)
	w.Inverse(&s)
	u1.Mul(&e, &w)
	u2.Mul(&r, &w)
	var k1, k2 big.Int
	var u secp256r1.G1Jac
	u.JointScalarMultiplicationBase(q, u1.BigInt(&k1), u2.BigInt(&k2))
	if u.Z.IsZero() {
		return false
	}
	var ua secp256r1.G1Affine
	ua.FromJacobian(&u)
	xb := ua.X.Bytes()
	var xr fr.Element
	xr.SetBytes(xb[:])
	return xr.Equal(&r)
}
