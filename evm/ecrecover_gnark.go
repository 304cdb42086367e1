package evm

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/secp256k1"
	"github.com/consensys/gnark-crypto/ecc/secp256k1/fp"
	"github.com/consensys/gnark-crypto/ecc/secp256k1/fr"
)

// recoverGnark recovers the secp256k1 public key of an ECDSA signature
// (SEC 1 section 4.1.6) with gnark-crypto: R = (r, y) with y of the parity
// given by odd, then Q = r^-1 (s R - e G) = [-e/r]G + [s/r]R as one
// Straus-Shamir double multiplication. It returns X || Y (big-endian, 32
// bytes each) and false when r or s is outside [1, n-1], r is not the
// x-coordinate of a curve point, or Q is the point at infinity. Variable
// time (the inputs are public).
func recoverGnark(hash, rb, sb []byte, odd bool) (xy [64]byte, ok bool) {
	var r, s, e fr.Element
	if r.SetBytesCanonical(rb) != nil || s.SetBytesCanonical(sb) != nil || r.IsZero() || s.IsZero() {
		return xy, false
	}
	e.SetBytes(hash) // reduced mod n

	// R.x = r (r < n < p, so no overflow case for recovery ids 0 and 1).
	var x, y, rhs, seven fp.Element
	if x.SetBytesCanonical(rb) != nil {
		return xy, false
	}
	seven.SetUint64(7)
	rhs.Square(&x).Mul(&rhs, &x).Add(&rhs, &seven)
	if y.Sqrt(&rhs) == nil {
		return xy, false
	}
	if (y.Bits()[0]&1 == 1) != odd {
		y.Neg(&y)
	}
	R := secp256k1.G1Affine{X: x, Y: y}

	var rInv, u1, u2 fr.Element
	rInv.Inverse(&r)
	u1.Mul(&e, &rInv).Neg(&u1)
	u2.Mul(&s, &rInv)
	var b1, b2 big.Int
	u1.BigInt(&b1)
	u2.BigInt(&b2)
	var q secp256k1.G1Jac
	q.JointScalarMultiplicationBase(&R, &b1, &b2)
	if q.Z.IsZero() {
		return xy, false
	}
	var qa secp256k1.G1Affine
	qa.FromJacobian(&q)
	xb, yb := qa.X.Bytes(), qa.Y.Bytes()
	copy(xy[:32], xb[:])
	copy(xy[32:], yb[:])
	return xy, true
}
