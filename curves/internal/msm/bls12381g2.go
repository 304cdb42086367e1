package msm

import (
	"math/bits"
	"sync"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	fp "github.com/hostcrypto/hostcrypto/field/bls12381fp"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// BLS12-381 G2: the same Pippenger as bls12381g1.go over Fp2 = Fp[u]/(u²+1)
// (the twist y² = x³ + 4(1+u), a = 0, so the same XYZZ formulas). In the
// batch-affine flush the Fp2 products of a batch run as MulVec over the
// component arrays (Karatsuba: three Fp products per Fp2 product, two per
// square), and the Fp2 denominators are inverted through their norms
// (1/(a0+a1u) = (a0-a1u)/(a0²+a1²)), so Montgomery's trick and the one
// inversion run over Fp.

// e2 is c0 + c1·u, gnark-crypto's E2 layout.
type e2 struct{ A0, A1 fp.Element }

// bls12381G2Aff is an affine point with gnark-crypto's G2Affine layout,
// (0, 0) the point at infinity.
type bls12381G2Aff struct{ X, Y e2 }

// bls12381G2XYZZ is a point in extended Jacobian coordinates over Fp2.
type bls12381G2XYZZ struct{ X, Y, ZZ, ZZZ e2 }

var _ [unsafe.Sizeof(bls12381.G2{}) - unsafe.Sizeof(bls12381G2Aff{})]byte // same size as gnark's
var _ [unsafe.Sizeof(bls12381G2Aff{}) - unsafe.Sizeof(bls12381.G2{})]byte

func (z *e2) isZero() bool { return z.A0.IsZero() && z.A1.IsZero() }

func (z *e2) setOne() { z.A0.SetOne(); z.A1.SetZero() }

func e2Add(z, x, y *e2) {
	bls12381Add(&z.A0, &x.A0, &y.A0)
	bls12381Add(&z.A1, &x.A1, &y.A1)
}

func e2Sub(z, x, y *e2) {
	bls12381Sub(&z.A0, &x.A0, &y.A0)
	bls12381Sub(&z.A1, &x.A1, &y.A1)
}

func e2Neg(z, x *e2) {
	z.A0.Neg(&x.A0)
	z.A1.Neg(&x.A1)
}

// e2Mul sets z = x·y (Karatsuba, three Fp products).
func e2Mul(z, x, y *e2) {
	var a, b, s, t fp.Element
	a.Mul(&x.A0, &y.A0)
	b.Mul(&x.A1, &y.A1)
	bls12381Add(&s, &x.A0, &x.A1)
	bls12381Add(&t, &y.A0, &y.A1)
	s.Mul(&s, &t)
	bls12381Sub(&s, &s, &a)
	bls12381Sub(&z.A1, &s, &b)
	bls12381Sub(&z.A0, &a, &b)
}

// e2Square sets z = x² ((x0+x1)(x0-x1) + 2x0x1·u).
func e2Square(z, x *e2) {
	var s, d, m fp.Element
	bls12381Add(&s, &x.A0, &x.A1)
	bls12381Sub(&d, &x.A0, &x.A1)
	m.Mul(&x.A0, &x.A1)
	z.A0.Mul(&s, &d)
	bls12381Add(&z.A1, &m, &m)
}

// e2Inverse sets z = 1/x (x != 0) = conj(x)/(x0²+x1²).
func e2Inverse(z, x *e2) {
	var n, t fp.Element
	n.Square(&x.A0)
	t.Square(&x.A1)
	bls12381Add(&n, &n, &t)
	bls12381Inverse(&n, &n)
	z.A0.Mul(&x.A0, &n)
	z.A1.Mul(&x.A1, &n)
	z.A1.Neg(&z.A1)
}

// setAff sets p = q (q not infinity).
func (p *bls12381G2XYZZ) setAff(q *bls12381G2Aff) {
	p.X, p.Y = q.X, q.Y
	p.ZZ.setOne()
	p.ZZZ.setOne()
}

// doubleAff sets p = 2q for affine q (mdbl-2008-s-1, a = 0).
func (p *bls12381G2XYZZ) doubleAff(q *bls12381G2Aff) {
	var u, v, w, s, m, t e2
	e2Add(&u, &q.Y, &q.Y)
	e2Square(&v, &u)
	e2Mul(&w, &u, &v)
	e2Mul(&s, &q.X, &v)
	e2Square(&m, &q.X)
	e2Add(&t, &m, &m)
	e2Add(&m, &m, &t)
	e2Square(&p.X, &m)
	e2Add(&t, &s, &s)
	e2Sub(&p.X, &p.X, &t)
	e2Sub(&t, &s, &p.X)
	e2Mul(&t, &t, &m)
	e2Mul(&p.Y, &w, &q.Y)
	e2Sub(&p.Y, &t, &p.Y)
	p.ZZ = v
	p.ZZZ = w
}

// double sets p = 2p (dbl-2008-s-1, a = 0).
func (p *bls12381G2XYZZ) double() {
	var u, v, w, s, m, t e2
	e2Add(&u, &p.Y, &p.Y)
	e2Square(&v, &u)
	e2Mul(&w, &u, &v)
	e2Mul(&s, &p.X, &v)
	e2Square(&m, &p.X)
	e2Add(&t, &m, &m)
	e2Add(&m, &m, &t)
	e2Square(&p.X, &m)
	e2Add(&t, &s, &s)
	e2Sub(&p.X, &p.X, &t)
	e2Sub(&t, &s, &p.X)
	e2Mul(&t, &t, &m)
	e2Mul(&p.Y, &w, &p.Y)
	e2Sub(&p.Y, &t, &p.Y)
	e2Mul(&p.ZZ, &p.ZZ, &v)
	e2Mul(&p.ZZZ, &p.ZZZ, &w)
}

// addAff sets p = p + q for affine q, not infinity (madd-2008-s).
func (p *bls12381G2XYZZ) addAff(q *bls12381G2Aff) {
	if p.ZZ.isZero() {
		p.setAff(q)
		return
	}
	var u2, s2, pp, r e2
	e2Mul(&u2, &q.X, &p.ZZ)
	e2Mul(&s2, &q.Y, &p.ZZZ)
	e2Sub(&pp, &u2, &p.X)
	e2Sub(&r, &s2, &p.Y)
	if pp.isZero() {
		if r.isZero() {
			p.doubleAff(q)
		} else {
			p.ZZ = e2{}
		}
		return
	}
	var ppp, qq, t e2
	e2Square(&ppp, &pp)
	e2Mul(&p.ZZ, &p.ZZ, &ppp)
	e2Mul(&qq, &p.X, &ppp)
	e2Mul(&ppp, &ppp, &pp)
	e2Mul(&p.ZZZ, &p.ZZZ, &ppp)
	e2Square(&p.X, &r)
	e2Sub(&p.X, &p.X, &ppp)
	e2Add(&t, &qq, &qq)
	e2Sub(&p.X, &p.X, &t)
	e2Sub(&t, &qq, &p.X)
	e2Mul(&t, &t, &r)
	e2Mul(&p.Y, &p.Y, &ppp)
	e2Sub(&p.Y, &t, &p.Y)
}

// add sets p = p + q (add-2008-s).
func (p *bls12381G2XYZZ) add(q *bls12381G2XYZZ) {
	if q.ZZ.isZero() {
		return
	}
	if p.ZZ.isZero() {
		*p = *q
		return
	}
	var u1, u2, s1, s2, pp, r e2
	e2Mul(&u1, &p.X, &q.ZZ)
	e2Mul(&u2, &q.X, &p.ZZ)
	e2Mul(&s1, &p.Y, &q.ZZZ)
	e2Mul(&s2, &q.Y, &p.ZZZ)
	e2Sub(&pp, &u2, &u1)
	e2Sub(&r, &s2, &s1)
	if pp.isZero() {
		if r.isZero() {
			p.double()
		} else {
			p.ZZ = e2{}
		}
		return
	}
	var ppp, qq, t e2
	e2Square(&ppp, &pp)
	e2Mul(&p.ZZ, &p.ZZ, &q.ZZ)
	e2Mul(&p.ZZ, &p.ZZ, &ppp)
	e2Mul(&qq, &u1, &ppp)
	e2Mul(&ppp, &ppp, &pp)
	e2Mul(&p.ZZZ, &p.ZZZ, &q.ZZZ)
	e2Mul(&p.ZZZ, &p.ZZZ, &ppp)
	e2Square(&p.X, &r)
	e2Sub(&p.X, &p.X, &ppp)
	e2Add(&t, &qq, &qq)
	e2Sub(&p.X, &p.X, &t)
	e2Sub(&t, &qq, &p.X)
	e2Mul(&t, &t, &r)
	e2Mul(&p.Y, &s1, &ppp)
	e2Sub(&p.Y, &t, &p.Y)
}

// affine returns p in affine coordinates ((0, 0) for infinity).
func (p *bls12381G2XYZZ) affine() bls12381G2Aff {
	var a bls12381G2Aff
	if p.ZZ.isZero() {
		return a
	}
	var inv, t e2
	e2Inverse(&inv, &p.ZZZ)
	e2Mul(&a.Y, &p.Y, &inv)
	e2Mul(&t, &inv, &p.ZZ) // 1/Z
	e2Square(&t, &t)
	e2Mul(&a.X, &p.X, &t)
	return a
}

// bls12381G2Scratch holds one worker's buckets and batch arrays (the Fp2
// coordinates of a batch as component arrays, for MulVec).
type bls12381G2Scratch struct {
	bA    []bls12381G2Aff  // affine buckets
	bSet  []bool           // bA[b] holds a point
	bJ    []bls12381G2XYZZ // XYZZ parts of buckets (conflicts, doublings)
	bJb   []int32          // bucket of each bJ entry
	bJi   []int32          // per bucket: 1 + its index in bJ, or 0
	inB   []bool           // bucket b has an addition in the current batch
	pend  []g2Pending      // additions deferred to the next batch (their bucket was in the batch)
	pend2 []g2Pending      // the other buffer of pend (swapped while re-adding)
	drain bool             // re-adding the deferred additions
	dbl   []int32          // batch entries that are doublings (P + P)
	dnum  []e2             // their numerators 3x²
	idx   []int32          // bucket of each batch entry
	// bucket x, y; point x, y (components 0 and 1); then scratch.
	ax0, ax1, ay0, ay1, qx0, qx1, qy0, qy1 []fp.Element
	d0, d1, n, pre, t0, t1                 []fp.Element
	k                                      int // batch entries in use
	batch                                  int // batch capacity (multiple of 8)
}

// bls12381G2Pool keeps scratches between calls (as bls12381G1Pool): a
// scratch is returned in its clean state (no batch entries, no deferred
// additions or XYZZ parts); bSet is cleared by its user.
var bls12381G2Pool sync.Pool

// newBLS12381G2Scratch returns a scratch for nb buckets (and the slots of
// the reduction chains), batches sized for nb: a pooled one when it is
// large enough and has the same batch size.
func newBLS12381G2Scratch(nb, slots int) *bls12381G2Scratch {
	k := batchSize(nb)
	nb += slots
	if s, _ := bls12381G2Pool.Get().(*bls12381G2Scratch); s != nil && s.batch == k && cap(s.bA) >= nb {
		s.bA, s.bSet, s.inB, s.bJi = s.bA[:nb], s.bSet[:nb], s.inB[:nb], s.bJi[:nb]
		return s
	}
	s := &bls12381G2Scratch{bJi: make([]int32, nb)}
	// Room for a batch's worth of XYZZ parts: growing the slice (384-byte
	// entries) from empty on every MSM cost ~7% at 64 points.
	s.bJ, s.bJb = make([]bls12381G2XYZZ, 0, k), make([]int32, 0, k)
	s.pend, s.pend2 = make([]g2Pending, 0, k), make([]g2Pending, 0, k)
	s.dbl, s.dnum = make([]int32, 0, k), make([]e2, 0, k)
	s.bA, s.bSet, s.inB, s.idx = make([]bls12381G2Aff, nb), make([]bool, nb), make([]bool, nb), make([]int32, k)
	f := make([]fp.Element, 14*k)
	next := func() []fp.Element {
		a := f[:k:k]
		f = f[k:]
		return a
	}
	s.ax0, s.ax1, s.ay0, s.ay1 = next(), next(), next(), next()
	s.qx0, s.qx1, s.qy0, s.qy1 = next(), next(), next(), next()
	s.d0, s.d1, s.n, s.pre, s.t0, s.t1 = next(), next(), next(), next(), next(), next()
	s.batch = k
	return s
}

// BLS12381G2 returns Σ s[i]·P[i] for points P[i] on the twist (infinity
// allowed; any subgroup: no endomorphism is used) and scalars s[i].
// Mismatched or empty inputs give infinity.
func BLS12381G2(P []bls12381.G2, s []fr.Element) bls12381.G2 {
	var res bls12381.G2
	if len(P) != len(s) || len(P) == 0 {
		return res
	}
	pts := unsafe.Slice((*bls12381G2Aff)(unsafe.Pointer(&P[0])), len(P))
	keep := make([]bls12381G2Aff, 0, len(P))
	sc := make([][4]uint64, 0, len(P))
	for i := range pts {
		if (pts[i].X.isZero() && pts[i].Y.isZero()) || s[i].IsZero() {
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
	negY := make([]e2, n)
	for i := range keep {
		e2Neg(&negY[i], &keep[i].Y)
	}
	digits := make([]int32, windows*n)
	recode(digits, sc, c, windows)
	sums := make([]bls12381G2XYZZ, windows)
	w := workers(n, windows)
	parallel.Split(windows, w, "msm", func(_, lo, hi int) {
		per := groupWindows(c, hi-lo)
		slots := 0
		for _, g := range []int{per, (hi - lo) % per} {
			slots = max(slots, 2*g*segments(g, c))
		}
		scr := newBLS12381G2Scratch(per<<(c-1), slots)
		for g := lo; g < hi; g += per {
			gh := min(g+per, hi)
			clear(scr.bSet)
			scr.windows(sums[g:gh], keep, negY, digits, g, gh, windows, c)
		}
		bls12381G2Pool.Put(scr)
	})
	acc := sums[windows-1]
	for win := windows - 2; win >= 0; win-- {
		for j := 0; j < c; j++ {
			acc.double()
		}
		acc.add(&sums[win])
	}
	a := acc.affine()
	return *(*bls12381.G2)(unsafe.Pointer(&a))
}

// windows sets sums[w-lo] = Σ_i digit(i, w)·pts[i] for lo ≤ w < hi.
func (s *bls12381G2Scratch) windows(sums []bls12381G2XYZZ, pts []bls12381G2Aff, negY []e2, digits []int32, lo, hi, windows, c int) {
	nb := int32(1) << (c - 1)
	for i := range pts {
		dg := digits[i*windows+lo : i*windows+hi]
		for j, d := range dg {
			base := int32(j) * nb
			if d > 0 {
				s.addToBucket(base+d-1, &pts[i].X, &pts[i].Y)
			} else if d < 0 {
				s.addToBucket(base-d-1, &pts[i].X, &negY[i])
			}
		}
	}
	s.flushAll()
	s.reduce(sums, c)
}

// reduce sets sums[w] = Σ_j (j+1)·bucket(w, j) for the worker's windows
// (segmented running sums advanced in batches: see the G1 reduce).
func (s *bls12381G2Scratch) reduce(sums []bls12381G2XYZZ, c int) {
	nb := int32(1) << (c - 1)
	nw := int32(len(sums))
	S := int32(segments(len(sums), c))
	L := nb / S
	chains := nw * S
	runAt, sumAt := nw*nb, nw*nb+chains
	if len(s.bJ) > 0 {
		aff := make([]bls12381G2Aff, len(s.bJ))
		bls12381G2BatchAffine(aff, s.bJ)
		fold := append([]int32(nil), s.bJb...)
		s.clearJac()
		for i, b := range fold {
			if !aff[i].X.isZero() || !aff[i].Y.isZero() {
				s.addToBucket(b, &aff[i].X, &aff[i].Y)
			}
		}
		s.flushAll()
		s.settle()
	}
	for t := L - 1; t >= 0; t-- {
		for ch := int32(0); ch < chains; ch++ {
			b := (ch/S)*nb + (ch%S)*L + t
			if s.bSet[b] {
				s.addToBucket(runAt+ch, &s.bA[b].X, &s.bA[b].Y)
			}
		}
		s.flushAll()
		s.settle()
		for ch := int32(0); ch < chains; ch++ {
			if r := runAt + ch; s.bSet[r] {
				s.addToBucket(sumAt+ch, &s.bA[r].X, &s.bA[r].Y)
			}
		}
		s.flushAll()
		s.settle()
	}
	for w := int32(0); w < nw; w++ {
		var r2, acc, tot bls12381G2XYZZ
		for sg := S - 1; sg >= 0; sg-- {
			ch := w*S + sg
			if sg > 0 {
				if s.bSet[runAt+ch] {
					r2.addAff(&s.bA[runAt+ch])
				}
				acc.add(&r2)
			}
			if s.bSet[sumAt+ch] {
				tot.addAff(&s.bA[sumAt+ch])
			}
		}
		for l := L; l > 1; l >>= 1 {
			acc.double()
		}
		tot.add(&acc)
		sums[w] = tot
	}
}

// settle folds the XYZZ parts back into the affine buckets.
func (s *bls12381G2Scratch) settle() {
	for i, b := range s.bJb {
		t := s.bJ[i]
		if s.bSet[b] {
			t.addAff(&s.bA[b])
		}
		s.bA[b] = t.affine()
		s.bSet[b] = !t.ZZ.isZero()
	}
	s.clearJac()
}

// jac returns the XYZZ part of bucket b, infinity when new.
func (s *bls12381G2Scratch) jac(b int32) *bls12381G2XYZZ {
	if s.bJi[b] == 0 {
		s.bJ = append(s.bJ, bls12381G2XYZZ{})
		s.bJb = append(s.bJb, b)
		s.bJi[b] = int32(len(s.bJ))
	}
	return &s.bJ[s.bJi[b]-1]
}

// clearJac empties every XYZZ part.
func (s *bls12381G2Scratch) clearJac() {
	for _, b := range s.bJb {
		s.bJi[b] = 0
	}
	s.bJ, s.bJb = s.bJ[:0], s.bJb[:0]
}

// bls12381G2BatchAffine sets aff[i] to xs[i] in affine coordinates with
// one inversion ((0, 0) for infinity).
func bls12381G2BatchAffine(aff []bls12381G2Aff, xs []bls12381G2XYZZ) {
	pre := make([]e2, len(xs))
	var acc e2
	acc.setOne()
	for i := range xs {
		pre[i] = acc
		if !xs[i].ZZ.isZero() {
			e2Mul(&acc, &acc, &xs[i].ZZZ)
		}
	}
	var inv, t e2
	e2Inverse(&inv, &acc)
	for i := len(xs) - 1; i >= 0; i-- {
		p := &xs[i]
		if p.ZZ.isZero() {
			aff[i] = bls12381G2Aff{}
			continue
		}
		var iz e2
		e2Mul(&iz, &inv, &pre[i]) // 1/ZZZ
		e2Mul(&inv, &inv, &p.ZZZ)
		e2Mul(&aff[i].Y, &p.Y, &iz)
		e2Mul(&t, &iz, &p.ZZ) // 1/Z
		e2Square(&t, &t)
		e2Mul(&aff[i].X, &p.X, &t)
	}
}

// addToBucket adds (x, y) to affine bucket b, through the batch.
func (s *bls12381G2Scratch) addToBucket(b int32, x, y *e2) {
	switch {
	case s.inB[b]:
		// The bucket is in the batch: defer the addition to the next batch
		// (an affine addition there is ~4x cheaper than an XYZZ one here).
		// While the deferred ones are re-added, a conflict is deferred
		// again only if the new batch already has minReBatch entries (so
		// that its inversion is shared), else it goes to the XYZZ part: one
		// point repeated still fills batches of one entry per window.
		if s.drain && (s.k < minReBatch || len(s.pend) == cap(s.pend)) {
			s.jac(b).addAff(&bls12381G2Aff{*x, *y})
			return
		}
		if len(s.pend) == cap(s.pend) {
			s.flush()
		}
		s.pend = append(s.pend, g2Pending{b, bls12381G2Aff{*x, *y}})
		return
	case !s.bSet[b]:
		s.bA[b] = bls12381G2Aff{*x, *y}
		s.bSet[b] = true
		return
	case s.bA[b].X == *x:
		// Same x: the bucket is ±(x, y). P + (-P) empties it, and so does
		// P + P for y = 0; P + P joins the batch as a doubling,
		// λ = 3x²/(2y).
		if s.bA[b].Y != *y || y.isZero() {
			s.bSet[b] = false
			return
		}
		var t, n e2
		e2Square(&t, x)
		e2Add(&n, &t, &t)
		e2Add(&n, &n, &t)
		s.dbl = append(s.dbl, int32(s.k))
		s.dnum = append(s.dnum, n)
	}
	k := s.k
	s.idx[k] = b
	a := &s.bA[b]
	s.ax0[k], s.ax1[k], s.ay0[k], s.ay1[k] = a.X.A0, a.X.A1, a.Y.A0, a.Y.A1
	s.qx0[k], s.qx1[k], s.qy0[k], s.qy1[k] = x.A0, x.A1, y.A0, y.A1
	s.inB[b] = true
	s.k++
	if s.k == s.batch {
		s.flush()
	}
}

// minReBatch is the batch size from which a second conflict is deferred
// again rather than added to the XYZZ part.
const minReBatch = 16

// g2Pending is an addition deferred to the next batch.
type g2Pending struct {
	b int32
	p bls12381G2Aff
}

// flushAll evaluates the batch and the deferred additions, leaving every
// bucket settled into its affine and XYZZ parts.
func (s *bls12381G2Scratch) flushAll() {
	for s.k > 0 || len(s.pend) > 0 {
		s.flush()
	}
}

// flush evaluates the batch, then starts the next one with the deferred
// additions (see addToBucket for those meeting a bucket of the new batch).
// Each round takes at least minReBatch deferred additions into the batch
// or empties the list, so flushAll ends.
func (s *bls12381G2Scratch) flush() {
	s.flushBatch()
	if s.drain || len(s.pend) == 0 {
		return
	}
	s.drain = true
	old := s.pend
	s.pend, s.pend2 = s.pend2[:0], old
	for i := range old {
		e := &old[i]
		s.addToBucket(e.b, &e.p.X, &e.p.Y)
	}
	s.drain = false
}

// flushBatch evaluates the batch: for each entry, bucket (ax, ay) += (qx, qy)
// with λ = (qy-ay)/(qx-ax), x3 = λ²-ax-qx, y3 = λ(ax-x3)-ay, over Fp2 on
// the component arrays. With d = qx-ax, 1/d = (d0 - d1u)/N, N = d0²+d1²
// (nonzero: -1 is not a square mod q); the k norms are inverted together.
func (s *bls12381G2Scratch) flushBatch() {
	k := s.k
	if k == 0 {
		return
	}
	k8 := (k + 7) &^ 7
	d0, d1, N, pre, t0, t1 := s.d0[:k], s.d1[:k], s.n[:k8], s.pre[:k8], s.t0[:k], s.t1[:k]
	ax0, ax1, ay0, ay1 := s.ax0[:k], s.ax1[:k], s.ay0[:k], s.ay1[:k]
	qx0, qx1, qy0, qy1 := s.qx0[:k], s.qx1[:k], s.qy0[:k], s.qy1[:k]
	bls12381SubVec(d0, qx0, ax0)
	bls12381SubVec(d1, qx1, ax1)
	for _, i := range s.dbl { // doublings: d = 2y
		bls12381Add(&d0[i], &ay0[i], &ay0[i])
		bls12381Add(&d1[i], &ay1[i], &ay1[i])
	}
	fp.MulVec(t0, d0, d0)
	fp.MulVec(t1, d1, d1)
	bls12381AddVec(N[:k], t0, t1)
	for i := k; i < k8; i++ {
		N[i].SetOne()
	}
	// Montgomery's trick over 8 interleaved chains (as G1): N becomes 1/N.
	copy(pre[:8], N[:8])
	for j := 8; j < k8; j += 8 {
		fp.MulVec(pre[j:j+8], pre[j-8:j], N[j:j+8])
	}
	var inv [8]fp.Element
	bls12381Invert8(&inv, pre[k8-8:k8])
	var t [8]fp.Element
	for j := k8 - 8; j >= 8; j -= 8 {
		fp.MulVec(t[:], inv[:], pre[j-8:j])
		fp.MulVec(inv[:], inv[:], N[j:j+8])
		copy(N[j:j+8], t[:])
	}
	copy(N[:8], inv[:])
	N = N[:k]
	// e = d/N (so 1/d = e0 - e1·u), in d.
	fp.MulVec(d0, d0, N)
	fp.MulVec(d1, d1, N)
	// num = qy - ay, in qy; λ = num·(e0 - e1u) = (n0e0 + n1e1) +
	// ((n0+n1)(e0-e1) - n0e0 + n1e1)·u, in d.
	bls12381SubVec(qy0, qy0, ay0)
	bls12381SubVec(qy1, qy1, ay1)
	for j, i := range s.dbl { // doublings: numerator 3x²
		qy0[i], qy1[i] = s.dnum[j].A0, s.dnum[j].A1
	}
	s.dbl, s.dnum = s.dbl[:0], s.dnum[:0]
	bls12381AddVec(t0, qy0, qy1)
	bls12381SubVec(t1, d0, d1)
	p0, p1 := N, pre[:k]
	fp.MulVec(p0, qy0, d0)
	fp.MulVec(p1, qy1, d1)
	fp.MulVec(t0, t0, t1)
	bls12381AddVec(d0, p0, p1)
	bls12381SubVec(d1, t0, p0)
	bls12381AddVec(d1, d1, p1)
	// λ² = (l0+l1)(l0-l1) + 2l0l1·u, in (N, pre); t0 keeps l0+l1.
	x0, x1 := N, pre[:k]
	bls12381AddVec(t0, d0, d1)
	bls12381SubVec(t1, d0, d1)
	fp.MulVec(x0, t0, t1)
	fp.MulVec(x1, d0, d1)
	// x3 = λ² - ax - qx; r = ax - x3 in qx; t1 = r0 + r1.
	bls12381AddVec(x1, x1, x1)
	bls12381SubVec(x0, x0, ax0)
	bls12381SubVec(x0, x0, qx0)
	bls12381SubVec(x1, x1, ax1)
	bls12381SubVec(x1, x1, qx1)
	bls12381SubVec(qx0, ax0, x0)
	bls12381SubVec(qx1, ax1, x1)
	bls12381AddVec(t1, qx0, qx1)
	// y3 = λ·r - ay: l0r0 - l1r1 - ay0, (l0+l1)(r0+r1) - l0r0 - l1r1 - ay1.
	fp.MulVec(qy0, d0, qx0)
	fp.MulVec(qy1, d1, qx1)
	fp.MulVec(t1, t0, t1)
	bls12381SubVec(t1, t1, qy0)
	bls12381SubVec(t1, t1, qy1)
	bls12381SubVec(t1, t1, ay1)
	bls12381SubVec(qy0, qy0, qy1)
	bls12381SubVec(qy0, qy0, ay0)
	for i := 0; i < k; i++ {
		b := s.idx[i]
		a := &s.bA[b]
		a.X.A0, a.X.A1 = x0[i], x1[i]
		a.Y.A0, a.Y.A1 = qy0[i], t1[i]
		s.inB[b] = false
	}
	s.k = 0
}

// bls12381SubVec sets z[i] = x[i] - y[i] mod q (bls12381Sub over slices of
// equal length, inlined in one loop: the batch does about as many of them
// as products).
func bls12381SubVec(z, x, y []fp.Element) {
	q := &bls12381QLimbs
	y = y[:len(x)]
	z = z[:len(x)]
	for i := range x {
		a, b := &x[i], &y[i]
		t0, br := bits.Sub64(a[0], b[0], 0)
		t1, br := bits.Sub64(a[1], b[1], br)
		t2, br := bits.Sub64(a[2], b[2], br)
		t3, br := bits.Sub64(a[3], b[3], br)
		t4, br := bits.Sub64(a[4], b[4], br)
		t5, br := bits.Sub64(a[5], b[5], br)
		m := -br
		var c uint64
		r := &z[i]
		r[0], c = bits.Add64(t0, q[0]&m, 0)
		r[1], c = bits.Add64(t1, q[1]&m, c)
		r[2], c = bits.Add64(t2, q[2]&m, c)
		r[3], c = bits.Add64(t3, q[3]&m, c)
		r[4], c = bits.Add64(t4, q[4]&m, c)
		r[5], _ = bits.Add64(t5, q[5]&m, c)
	}
}

// bls12381AddVec sets z[i] = x[i] + y[i] mod q (see bls12381SubVec).
func bls12381AddVec(z, x, y []fp.Element) {
	q := &bls12381QLimbs
	y = y[:len(x)]
	z = z[:len(x)]
	for i := range x {
		a, b := &x[i], &y[i]
		t0, c := bits.Add64(a[0], b[0], 0)
		t1, c := bits.Add64(a[1], b[1], c)
		t2, c := bits.Add64(a[2], b[2], c)
		t3, c := bits.Add64(a[3], b[3], c)
		t4, c := bits.Add64(a[4], b[4], c)
		t5, _ := bits.Add64(a[5], b[5], c)
		s0, br := bits.Sub64(t0, q[0], 0)
		s1, br := bits.Sub64(t1, q[1], br)
		s2, br := bits.Sub64(t2, q[2], br)
		s3, br := bits.Sub64(t3, q[3], br)
		s4, br := bits.Sub64(t4, q[4], br)
		s5, br := bits.Sub64(t5, q[5], br)
		m := -br // all ones: t < q, keep t
		r := &z[i]
		r[0] = (t0 & m) | (s0 &^ m)
		r[1] = (t1 & m) | (s1 &^ m)
		r[2] = (t2 & m) | (s2 &^ m)
		r[3] = (t3 & m) | (s3 &^ m)
		r[4] = (t4 & m) | (s4 &^ m)
		r[5] = (t5 & m) | (s5 &^ m)
	}
}
