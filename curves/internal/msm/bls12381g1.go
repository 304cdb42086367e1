package msm

import (
	"math/big"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	fp "github.com/hostcrypto/hostcrypto/field/bls12381fp"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// bls12381G1Aff is an affine point with gnark-crypto's G1Affine layout:
// X, Y in Montgomery form with R = 2^(64·Limbs) (the representation of
// both fp.Element and gnark-crypto's fp.Element), (0, 0) the point at
// infinity.
type bls12381G1Aff struct{ X, Y fp.Element }

// bls12381G1XYZZ is a point in extended Jacobian coordinates: x = X/ZZ,
// y = Y/ZZZ with ZZ³ = ZZZ²; ZZ = 0 is the point at infinity.
type bls12381G1XYZZ struct{ X, Y, ZZ, ZZZ fp.Element }

var _ [unsafe.Sizeof(bls12381.G1{}) - unsafe.Sizeof(bls12381G1Aff{})]byte // same size as gnark's
var _ [unsafe.Sizeof(bls12381G1Aff{}) - unsafe.Sizeof(bls12381.G1{})]byte

// setAff sets p = q (q not infinity).
func (p *bls12381G1XYZZ) setAff(q *bls12381G1Aff) {
	p.X, p.Y = q.X, q.Y
	p.ZZ.SetOne()
	p.ZZZ.SetOne()
}

// doubleAff sets p = 2q for affine q (mdbl-2008-s-1, a = 0); q with y = 0
// gives ZZ = 0, infinity.
func (p *bls12381G1XYZZ) doubleAff(q *bls12381G1Aff) {
	var u, v, w, s, m, t fp.Element
	bls12381Add(&u, &q.Y, &q.Y)
	v.Square(&u)
	w.Mul(&u, &v)
	s.Mul(&q.X, &v)
	m.Square(&q.X)
	bls12381Add(&t, &m, &m)
	bls12381Add(&m, &m, &t)
	p.X.Square(&m)
	bls12381Add(&t, &s, &s)
	bls12381Sub(&p.X, &p.X, &t)
	bls12381Sub(&t, &s, &p.X)
	t.Mul(&t, &m)
	p.Y.Mul(&w, &q.Y)
	bls12381Sub(&p.Y, &t, &p.Y)
	p.ZZ = v
	p.ZZZ = w
}

// double sets p = 2p (dbl-2008-s-1, a = 0).
func (p *bls12381G1XYZZ) double() {
	var u, v, w, s, m, t fp.Element
	bls12381Add(&u, &p.Y, &p.Y)
	v.Square(&u)
	w.Mul(&u, &v)
	s.Mul(&p.X, &v)
	m.Square(&p.X)
	bls12381Add(&t, &m, &m)
	bls12381Add(&m, &m, &t)
	p.X.Square(&m)
	bls12381Add(&t, &s, &s)
	bls12381Sub(&p.X, &p.X, &t)
	bls12381Sub(&t, &s, &p.X)
	t.Mul(&t, &m)
	p.Y.Mul(&w, &p.Y)
	bls12381Sub(&p.Y, &t, &p.Y)
	p.ZZ.Mul(&p.ZZ, &v)
	p.ZZZ.Mul(&p.ZZZ, &w)
}

// addAff sets p = p + q for affine q, not infinity (madd-2008-s).
func (p *bls12381G1XYZZ) addAff(q *bls12381G1Aff) {
	if p.ZZ.IsZero() {
		p.setAff(q)
		return
	}
	var u2, s2, pp, r fp.Element
	u2.Mul(&q.X, &p.ZZ)
	s2.Mul(&q.Y, &p.ZZZ)
	bls12381Sub(&pp, &u2, &p.X)
	bls12381Sub(&r, &s2, &p.Y)
	if pp.IsZero() {
		if r.IsZero() {
			p.doubleAff(q)
		} else {
			p.ZZ.SetZero()
		}
		return
	}
	var ppp, qq, t fp.Element
	ppp.Square(&pp)
	p.ZZ.Mul(&p.ZZ, &ppp)
	qq.Mul(&p.X, &ppp)
	ppp.Mul(&ppp, &pp)
	p.ZZZ.Mul(&p.ZZZ, &ppp)
	p.X.Square(&r)
	bls12381Sub(&p.X, &p.X, &ppp)
	bls12381Add(&t, &qq, &qq)
	bls12381Sub(&p.X, &p.X, &t)
	bls12381Sub(&t, &qq, &p.X)
	t.Mul(&t, &r)
	p.Y.Mul(&p.Y, &ppp)
	bls12381Sub(&p.Y, &t, &p.Y)
}

// add sets p = p + q (add-2008-s).
func (p *bls12381G1XYZZ) add(q *bls12381G1XYZZ) {
	if q.ZZ.IsZero() {
		return
	}
	if p.ZZ.IsZero() {
		*p = *q
		return
	}
	var u1, u2, s1, s2, pp, r fp.Element
	u1.Mul(&p.X, &q.ZZ)
	u2.Mul(&q.X, &p.ZZ)
	s1.Mul(&p.Y, &q.ZZZ)
	s2.Mul(&q.Y, &p.ZZZ)
	bls12381Sub(&pp, &u2, &u1)
	bls12381Sub(&r, &s2, &s1)
	if pp.IsZero() {
		if r.IsZero() {
			p.double()
		} else {
			p.ZZ.SetZero()
		}
		return
	}
	var ppp, qq, t fp.Element
	ppp.Square(&pp)
	p.ZZ.Mul(&p.ZZ, &q.ZZ)
	p.ZZ.Mul(&p.ZZ, &ppp)
	qq.Mul(&u1, &ppp)
	ppp.Mul(&ppp, &pp)
	p.ZZZ.Mul(&p.ZZZ, &q.ZZZ)
	p.ZZZ.Mul(&p.ZZZ, &ppp)
	p.X.Square(&r)
	bls12381Sub(&p.X, &p.X, &ppp)
	bls12381Add(&t, &qq, &qq)
	bls12381Sub(&p.X, &p.X, &t)
	bls12381Sub(&t, &qq, &p.X)
	t.Mul(&t, &r)
	p.Y.Mul(&s1, &ppp)
	bls12381Sub(&p.Y, &t, &p.Y)
}

// affine returns p in affine coordinates ((0, 0) for infinity).
func (p *bls12381G1XYZZ) affine() bls12381G1Aff {
	var a bls12381G1Aff
	if p.ZZ.IsZero() {
		return a
	}
	var inv, t fp.Element
	bls12381Inverse(&inv, &p.ZZZ)
	a.Y.Mul(&p.Y, &inv)
	t.Mul(&inv, &p.ZZ) // 1/Z
	t.Square(&t)
	a.X.Mul(&p.X, &t)
	return a
}

// bls12381Inverse sets z = 1/x (x != 0) with math/big's extended GCD,
// several times faster than Fermat's x^(q-2) for one inversion.
func bls12381Inverse(z, x *fp.Element) {
	v := x.BigInt(new(big.Int))
	v.ModInverse(v, bls12381Q)
	z.SetBigInt(v)
}

// bls12381G1Scratch holds one worker's buckets and batch arrays.
type bls12381G1Scratch struct {
	bA    []bls12381G1Aff  // affine buckets
	bSet  []bool           // bA[b] holds a point
	bJ    []bls12381G1XYZZ // XYZZ buckets (conflicts, doublings, small c)
	inB   []bool           // bucket b has an addition in the current batch
	idx   []int32          // bucket of each batch entry
	ax    []fp.Element     // bucket x, y; point x, y; then scratch
	ay    []fp.Element
	qx    []fp.Element
	qy    []fp.Element
	d     []fp.Element
	pre   []fp.Element
	k     int // batch entries in use
	batch int // batch capacity (multiple of 8)
}

func newBLS12381G1Scratch(c int) *bls12381G1Scratch {
	nb := 1 << (c - 1)
	s := &bls12381G1Scratch{bJ: make([]bls12381G1XYZZ, nb)}
	if c >= batchMinC {
		k := batchSize(c)
		s.bA, s.bSet, s.inB, s.idx = make([]bls12381G1Aff, nb), make([]bool, nb), make([]bool, nb), make([]int32, k)
		f := make([]fp.Element, 6*k)
		s.ax, s.ay, s.qx, s.qy, s.d, s.pre = f[:k], f[k:2*k], f[2*k:3*k], f[3*k:4*k], f[4*k:5*k], f[5*k:]
		s.batch = k
	}
	return s
}

// BLS12381G1 returns Σ s[i]·P[i] for points P[i] on the curve (infinity
// allowed) and scalars s[i]; len(P) must equal len(s). The caller checks
// the subgroup where it matters: the sum is computed for any points.
func BLS12381G1(P []bls12381.G1, s []fr.Element) bls12381.G1 {
	var res bls12381.G1
	if len(P) != len(s) || len(P) == 0 {
		return res
	}
	pts := unsafe.Slice((*bls12381G1Aff)(unsafe.Pointer(&P[0])), len(P))
	// Drop infinity points and zero scalars.
	keep := make([]bls12381G1Aff, 0, len(P))
	sc := make([][4]uint64, 0, len(P))
	for i := range pts {
		if (pts[i].X.IsZero() && pts[i].Y.IsZero()) || s[i].IsZero() {
			continue
		}
		keep = append(keep, pts[i])
		sc = append(sc, s[i].Bits())
	}
	if len(keep) == 0 {
		return res
	}
	n := len(keep)
	c, windows := params(n, bls12381ScalarBits)
	negY := make([]fp.Element, n)
	for i := range keep {
		negY[i].Neg(&keep[i].Y)
	}
	digits := make([]int32, windows*n)
	recode(digits, sc, c, windows)
	sums := make([]bls12381G1XYZZ, windows)
	w := workers(n, windows)
	parallel.Split(windows, w, "msm", func(_, lo, hi int) {
		scr := newBLS12381G1Scratch(c)
		for win := lo; win < hi; win++ {
			sums[win] = scr.window(keep, negY, digits[win*n:(win+1)*n])
		}
	})
	acc := sums[windows-1]
	for win := windows - 2; win >= 0; win-- {
		for j := 0; j < c; j++ {
			acc.double()
		}
		acc.add(&sums[win])
	}
	a := acc.affine()
	return *(*bls12381.G1)(unsafe.Pointer(&a))
}

// window returns Σ_i digit[i]·pts[i] by the bucket method; negY[i] is
// the y of -pts[i].
func (s *bls12381G1Scratch) window(pts []bls12381G1Aff, negY []fp.Element, digit []int32) bls12381G1XYZZ {
	for i := range s.bJ {
		s.bJ[i].ZZ.SetZero()
	}
	if s.batch == 0 {
		var q bls12381G1Aff
		for i, d := range digit {
			switch {
			case d > 0:
				s.bJ[d-1].addAff(&pts[i])
			case d < 0:
				q.X, q.Y = pts[i].X, negY[i]
				s.bJ[-d-1].addAff(&q)
			}
		}
	} else {
		clear(s.bSet)
		for i, d := range digit {
			if d == 0 {
				continue
			}
			if d > 0 {
				s.addToBucket(d-1, &pts[i].X, &pts[i].Y)
			} else {
				s.addToBucket(-d-1, &pts[i].X, &negY[i])
			}
		}
		s.flush()
	}
	// Running sums: Σ_b (b+1)·bucket[b].
	var run, sum bls12381G1XYZZ
	for b := len(s.bJ) - 1; b >= 0; b-- {
		if s.bSet != nil && s.bSet[b] {
			run.addAff(&s.bA[b])
		}
		run.add(&s.bJ[b])
		sum.add(&run)
	}
	return sum
}

// addToBucket adds (x, y) to affine bucket b, through the batch.
func (s *bls12381G1Scratch) addToBucket(b int32, x, y *fp.Element) {
	switch {
	case s.inB[b]:
		s.bJ[b].addAff(&bls12381G1Aff{*x, *y})
		return
	case !s.bSet[b]:
		s.bA[b] = bls12381G1Aff{*x, *y}
		s.bSet[b] = true
		return
	case s.bA[b].X.Equal(x):
		// Same x: the bucket is ±(x, y). P + (-P) empties it; P + P moves
		// 2P to the XYZZ bucket.
		if s.bA[b].Y.Equal(y) {
			var t bls12381G1XYZZ
			t.doubleAff(&s.bA[b])
			s.bJ[b].add(&t)
		}
		s.bSet[b] = false
		return
	}
	k := s.k
	s.idx[k] = b
	s.ax[k], s.ay[k] = s.bA[b].X, s.bA[b].Y
	s.qx[k], s.qy[k] = *x, *y
	s.inB[b] = true
	s.k++
	if s.k == s.batch {
		s.flush()
	}
}

// flush evaluates the batch: for each entry, bucket (ax, ay) += (qx, qy)
// with λ = (qy-ay)/(qx-ax), x3 = λ²-ax-qx, y3 = λ(ax-x3)-ay; the k
// denominators are inverted together.
func (s *bls12381G1Scratch) flush() {
	k := s.k
	if k == 0 {
		return
	}
	k8 := (k + 7) &^ 7
	d, pre := s.d[:k8], s.pre[:k8]
	for i := 0; i < k; i++ {
		bls12381Sub(&d[i], &s.qx[i], &s.ax[i])
	}
	for i := k; i < k8; i++ {
		d[i].SetOne()
	}
	// Montgomery's trick over 8 interleaved chains: pre[j] = Π d[j-8m].
	copy(pre[:8], d[:8])
	for j := 8; j < k8; j += 8 {
		fp.MulVec(pre[j:j+8], pre[j-8:j], d[j:j+8])
	}
	var inv [8]fp.Element
	bls12381Invert8(&inv, pre[k8-8:k8])
	// Walk back: inv[l] = 1/pre[j+l]; 1/d[j+l] = inv[l]·pre[j-8+l]; then
	// inv[l] = 1/pre[j-8+l] = inv[l]·d[j+l]. d is overwritten by 1/d.
	var t [8]fp.Element
	for j := k8 - 8; j >= 8; j -= 8 {
		fp.MulVec(t[:], inv[:], pre[j-8:j])
		fp.MulVec(inv[:], inv[:], d[j:j+8])
		copy(d[j:j+8], t[:])
	}
	copy(d[:8], inv[:])
	// λ = (qy - ay)·(1/d); pre holds λ, then λ².
	lam := s.pre[:k]
	for i := 0; i < k; i++ {
		bls12381Sub(&s.qy[i], &s.qy[i], &s.ay[i])
	}
	fp.MulVec(lam, s.qy[:k], d[:k])
	x3 := d[:k]
	fp.MulVec(x3, lam, lam)
	for i := 0; i < k; i++ {
		bls12381Sub(&x3[i], &x3[i], &s.ax[i])
		bls12381Sub(&x3[i], &x3[i], &s.qx[i])
		bls12381Sub(&s.qx[i], &s.ax[i], &x3[i])
	}
	fp.MulVec(s.qy[:k], lam, s.qx[:k])
	for i := 0; i < k; i++ {
		b := s.idx[i]
		s.bA[b].X = x3[i]
		bls12381Sub(&s.bA[b].Y, &s.qy[i], &s.ay[i])
		s.inB[b] = false
	}
	s.k = 0
}

// bls12381Invert8 sets inv[l] = 1/x[l] for 8 nonzero elements with one
// inversion.
func bls12381Invert8(inv *[8]fp.Element, x []fp.Element) {
	var p [8]fp.Element
	p[0] = x[0]
	for l := 1; l < 8; l++ {
		p[l].Mul(&p[l-1], &x[l])
	}
	var a fp.Element
	bls12381Inverse(&a, &p[7])
	for l := 7; l > 0; l-- {
		inv[l].Mul(&a, &p[l-1])
		a.Mul(&a, &x[l])
	}
	inv[0] = a
}
