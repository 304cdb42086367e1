package dusk

import (
	"math/big"

	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// JubJub is the twisted Edwards curve -u^2 + v^2 = 1 + d*u^2*v^2 over the
// BLS12-381 scalar field Fq (q = r of BLS12-381), d = -(10240/10241). Its
// group has order 8*rJ. Since a = -1 is a square and d is not, the
// projective addition law below (add-2008-bbjlp) is complete: it also
// doubles and handles the identity (0:1:1).
//
// The arithmetic here is variable-time: it only ever handles public data
// (public keys, signatures, challenges).

// jjPoint is a JubJub point in projective coordinates (U:V:Z), u = U/Z,
// v = V/Z.
type jjPoint struct{ u, v, z fr381.Element }

var (
	// jjD = -(10240/10241) mod q.
	jjD = func() fr381.Element {
		var n, d fr381.Element
		n.SetUint64(10240)
		d.SetUint64(10241)
		d.Inverse(&d)
		n.Mul(&n, &d)
		return *n.Neg(&n)
	}()
	// jjOrder is rJ, the order of JubJub's prime-order subgroup,
	// little-endian.
	jjOrder = leBytes("0e7db4ea6533afa906673b0101343b00a6682093ccc81082d0970e5ed6f72cb7")
	// jjGen is Dusk's generator (dusk-jubjub GENERATOR):
	// u = 0x3fd2...eaca, v = 18.
	jjGen = jjPoint{
		u: frHex("3fd2814c43ac65a6f1fbf02d0fd6cce62e3ebb21fd6c54ed4df7b7ffec7beaca"),
		v: frHex("12"),
		z: frHex("1"),
	}
)

func frHex(h string) fr381.Element {
	var b big.Int
	if _, ok := b.SetString(h, 16); !ok {
		panic("dusk: internal error: bad constant " + h)
	}
	var e fr381.Element
	e.SetBigInt(&b)
	return e
}

// leBytes returns the little-endian 32-byte form of a big-endian hex constant.
func leBytes(h string) [32]byte {
	var b big.Int
	if _, ok := b.SetString(h, 16); !ok {
		panic("dusk: internal error: bad constant " + h)
	}
	var be, le [32]byte
	b.FillBytes(be[:])
	for i := range be {
		le[31-i] = be[i]
	}
	return le
}

func jjIdentity() jjPoint {
	var p jjPoint
	p.v.SetOne()
	p.z.SetOne()
	return p
}

// add sets p = a + b (complete: any a, b, including a == b) and returns p.
//
//	A = Z1*Z2, B = A^2, C = U1*U2, D = V1*V2, E = d*C*D, F = B - E, G = B + E
//	U3 = A*F*((U1+V1)*(U2+V2) - C - D), V3 = A*G*(D + C), Z3 = F*G
func (p *jjPoint) add(a, b *jjPoint) *jjPoint {
	var A, B, C, D, E, F, G, t, s fr381.Element
	A.Mul(&a.z, &b.z)
	B.Square(&A)
	C.Mul(&a.u, &b.u)
	D.Mul(&a.v, &b.v)
	E.Mul(&jjD, &C).Mul(&E, &D)
	F.Sub(&B, &E)
	G.Add(&B, &E)
	t.Add(&a.u, &a.v)
	s.Add(&b.u, &b.v)
	t.Mul(&t, &s).Sub(&t, &C).Sub(&t, &D)
	p.u.Mul(&A, &F).Mul(&p.u, &t)
	s.Add(&D, &C)
	p.v.Mul(&A, &G).Mul(&p.v, &s)
	p.z.Mul(&F, &G)
	return p
}

// scalarMul sets p = k*a, k a little-endian integer of any length
// (variable time), and returns p.
func (p *jjPoint) scalarMul(a *jjPoint, k []byte) *jjPoint {
	acc := jjIdentity()
	base := *a
	for i := len(k)*8 - 1; i >= 0; i-- {
		acc.add(&acc, &acc)
		if k[i/8]>>(i%8)&1 == 1 {
			acc.add(&acc, &base)
		}
	}
	*p = acc
	return p
}

func (p *jjPoint) isIdentity() bool { return p.u.IsZero() && p.v.Equal(&p.z) }

// equal reports whether p and q are the same point.
func (p *jjPoint) equal(q *jjPoint) bool {
	var a, b fr381.Element
	a.Mul(&p.u, &q.z)
	b.Mul(&q.u, &p.z)
	if !a.Equal(&b) {
		return false
	}
	a.Mul(&p.v, &q.z)
	b.Mul(&q.v, &p.z)
	return a.Equal(&b)
}

// onCurve reports whether -u^2 + v^2 == 1 + d*u^2*v^2 for an affine point.
func (p *jjPoint) onCurve() bool {
	var u2, v2, l, r fr381.Element
	u2.Square(&p.u)
	v2.Square(&p.v)
	l.Sub(&v2, &u2)
	r.Mul(&jjD, &u2).Mul(&r, &v2)
	var one fr381.Element
	one.SetOne()
	r.Add(&r, &one)
	return p.z.IsOne() && l.Equal(&r)
}

// torsionFree reports whether rJ*p is the identity.
func (p *jjPoint) torsionFree() bool {
	var q jjPoint
	return q.scalarMul(p, jjOrder[:]).isIdentity()
}

// affine returns (u, v).
func (p *jjPoint) affine() (u, v fr381.Element) {
	var zi fr381.Element
	zi.Inverse(&p.z)
	u.Mul(&p.u, &zi)
	v.Mul(&p.v, &zi)
	return u, v
}

// decodeJubJub decodes Dusk's (and Zcash's, ZIP 216) point encoding: v as
// 32 little-endian bytes with bit 255 holding the parity of u; v < q;
// u = ±sqrt((v^2 - 1)/(1 + d*v^2)); the encoding of u = 0 with the parity
// bit set is non-canonical. Like dusk-jubjub's JubJubAffine::from_bytes it
// also rejects points outside the prime-order subgroup.
func decodeJubJub(b []byte) (jjPoint, error) {
	var buf [32]byte
	copy(buf[:], b)
	sign := buf[31] >> 7
	buf[31] &= 0x7f
	v, err := fr381.LittleEndian.Element(&buf)
	if err != nil {
		return jjPoint{}, core.Errorf(core.CodeNonCanonical, "dusk: jubjub: v >= q")
	}
	var v2, num, den, u, one fr381.Element
	one.SetOne()
	v2.Square(&v)
	num.Sub(&v2, &one)
	den.Mul(&jjD, &v2).Add(&den, &one)
	den.Inverse(&den)
	num.Mul(&num, &den)
	if u.Sqrt(&num) == nil {
		return jjPoint{}, core.Errorf(core.CodeInvalidPoint, "dusk: jubjub: point not on the curve")
	}
	if u.IsZero() && sign == 1 {
		return jjPoint{}, core.Errorf(core.CodeNonCanonical, "dusk: jubjub: u = 0 with the sign bit set")
	}
	if byte(u.Bits()[0]&1) != sign {
		u.Neg(&u)
	}
	p := jjPoint{u: u, v: v, z: one}
	if !p.torsionFree() {
		return jjPoint{}, core.Errorf(core.CodeNotInSubgroup, "dusk: jubjub: point not in the prime-order subgroup")
	}
	return p, nil
}

// encodeJubJub is the inverse of decodeJubJub.
func encodeJubJub(p *jjPoint) [32]byte {
	u, v := p.affine()
	var out [32]byte
	fr381.LittleEndian.PutElement(&out, v)
	out[31] |= byte(u.Bits()[0]&1) << 7
	return out
}
