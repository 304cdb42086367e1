package msm

import (
	"math/big"
	"math/bits"
	"sync"
	"unsafe"

	gfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
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
var _ [unsafe.Sizeof(gfp.Element{}) - unsafe.Sizeof(fp.Element{})]byte
var _ [unsafe.Sizeof(fp.Element{}) - unsafe.Sizeof(gfp.Element{})]byte
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

// bls12381Inverse sets z = 1/x (0 for x = 0) with gnark-crypto's
// fp.Element.Inverse (Pornin's binary extended GCD, variable time): the
// two types share their layout, limbs in Montgomery form with
// R = 2^(64·Limbs). 1.6x faster than math/big's ModInverse here (one
// inversion per batch of additions).
func bls12381Inverse(z, x *fp.Element) {
	(*gfp.Element)(unsafe.Pointer(z)).Inverse((*gfp.Element)(unsafe.Pointer(x)))
}

// bls12381G1Scratch holds one worker's buckets (those of all its
// windows: bucket j of window w is index (w-lo)·2^(c-1) + j) and batch
// arrays.
type bls12381G1Scratch struct {
	bA    []bls12381G1Aff  // affine buckets
	bSet  []bool           // bA[b] holds a point
	bJ    []bls12381G1XYZZ // XYZZ parts of buckets (conflicts, doublings)
	bJb   []int32          // bucket of each bJ entry
	bJi   []int32          // per bucket: 1 + its index in bJ, or 0
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
	// Additions into a bucket already in the batch wait in q (up to
	// batch/2 of them) for the next batch; q2 is the queue being drained.
	q, q2 []bls12381G1Pending
	nq    int
}

// bls12381G1Pending is an addition of (x, y) to bucket b that waits for
// the next batch.
type bls12381G1Pending struct {
	b int32
	p bls12381G1Aff
}

// bls12381G1Pool keeps scratches between calls: a large MSM's buckets are
// megabytes that would otherwise be allocated and cleared on every call.
// A scratch is returned in its clean state (no batch entries, no queued
// or XYZZ parts); bSet is cleared by its user.
var bls12381G1Pool sync.Pool

// newBLS12381G1Scratch returns a scratch for nb buckets (and the slots of
// the reduction chains), batches sized for nb: a pooled one when it is
// large enough and has the same batch size.
func newBLS12381G1Scratch(nb, slots int) *bls12381G1Scratch {
	k := batchSize(nb)
	nb += slots
	if s, _ := bls12381G1Pool.Get().(*bls12381G1Scratch); s != nil && s.batch == k && cap(s.bA) >= nb {
		s.bA, s.bSet, s.inB, s.bJi = s.bA[:nb], s.bSet[:nb], s.inB[:nb], s.bJi[:nb]
		return s
	}
	s := &bls12381G1Scratch{bJi: make([]int32, nb)}
	s.bA, s.bSet, s.inB, s.idx = make([]bls12381G1Aff, nb), make([]bool, nb), make([]bool, nb), make([]int32, k)
	f := make([]fp.Element, 6*k)
	s.ax, s.ay, s.qx, s.qy, s.d, s.pre = f[:k], f[k:2*k], f[2*k:3*k], f[3*k:4*k], f[4*k:5*k], f[5*k:]
	s.q, s.q2 = make([]bls12381G1Pending, k/2), make([]bls12381G1Pending, k/2)
	s.batch = k
	return s
}

// BLS12381G1 returns Σ s[i]·P[i] for points P[i] in G1 (infinity
// allowed; the callers check the subgroup: the GLV endomorphism, which is
// multiplication by λ only on G1, serves Straus's method and the
// Pippenger path up to pippengerGLVMax points) and scalars s[i].
// Mismatched or empty inputs give infinity.
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
	if n <= bls12381StrausMax {
		a := bls12381G1StrausGLV(keep, sc)
		return *(*bls12381.G1)(unsafe.Pointer(&a))
	}
	nbits := bls12381ScalarBits
	if bls12381PippengerGLV && n <= pippengerGLVMax {
		keep, sc, nbits = bls12381G1GLVPoints(keep, sc)
		n = len(keep)
	}
	c, windows := params(n, nbits)
	negY := make([]fp.Element, n)
	for i := range keep {
		negY[i].Neg(&keep[i].Y)
	}
	digits := make([]int32, windows*n)
	recode(digits, sc, c, windows)
	sums := make([]bls12381G1XYZZ, windows)
	w := workers(n, windows)
	parallel.Split(windows, w, "msm", func(_, lo, hi int) {
		// Windows in groups whose buckets stay in cache.
		per := groupWindows(c, hi-lo)
		slots := 0
		for _, g := range []int{per, (hi - lo) % per} {
			slots = max(slots, 2*g*segments(g, c))
		}
		scr := newBLS12381G1Scratch(per<<(c-1), slots)
		for g := lo; g < hi; g += per {
			gh := min(g+per, hi)
			clear(scr.bSet)
			scr.windows(sums[g:gh], keep, negY, digits, g, gh, windows, c)
		}
		bls12381G1Pool.Put(scr)
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

// windows sets sums[w-lo] = Σ_i digit(i, w)·pts[i] for the windows
// lo ≤ w < hi by the bucket method; negY[i] is the y of -pts[i] and
// digits[i·windows+w] the digit of point i in window w.
func (s *bls12381G1Scratch) windows(sums []bls12381G1XYZZ, pts []bls12381G1Aff, negY []fp.Element, digits []int32, lo, hi, windows, c int) {
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
	s.flush()
	s.reduce(sums, c)
}

// reduce sets sums[w] = Σ_j (j+1)·bucket(w, j) for the worker's windows.
//
// Each window's 2^(c-1) buckets are cut into S segments of L; segment σ
// (buckets σL … σL+L-1) runs its own chain of running sums from the top,
// run = Σ bucket and sum = Σ (j-σL+1)·bucket(j), so that the window's total
// is Σ_σ sum_σ + L·Σ_σ σ·run_σ. All windows' chains advance together, one
// step a batch: every step is a batch of independent affine additions into
// the chains' run (then sum) slots, evaluated like the buckets' batches.
func (s *bls12381G1Scratch) reduce(sums []bls12381G1XYZZ, c int) {
	nb := int32(1) << (c - 1)
	nw := int32(len(sums))
	S := int32(segments(len(sums), c))
	L := nb / S
	chains := nw * S
	runAt, sumAt := nw*nb, nw*nb+chains // first run and sum slots
	// Fold the XYZZ buckets (conflicts, doublings) into the affine ones.
	if len(s.bJ) > 0 {
		aff := make([]bls12381G1Aff, len(s.bJ))
		bls12381G1BatchAffine(aff, s.bJ)
		fold := append([]int32(nil), s.bJb...)
		s.clearJac()
		for i, b := range fold {
			if !aff[i].X.IsZero() || !aff[i].Y.IsZero() {
				s.addToBucket(b, &aff[i].X, &aff[i].Y)
			}
		}
		s.flush()
		s.settle()
	}
	for t := L - 1; t >= 0; t-- {
		for ch := int32(0); ch < chains; ch++ {
			b := (ch/S)*nb + (ch%S)*L + t
			if s.bSet[b] {
				s.addToBucket(runAt+ch, &s.bA[b].X, &s.bA[b].Y)
			}
		}
		s.flush()
		s.settle()
		for ch := int32(0); ch < chains; ch++ {
			if r := runAt + ch; s.bSet[r] {
				s.addToBucket(sumAt+ch, &s.bA[r].X, &s.bA[r].Y)
			}
		}
		s.flush()
		s.settle()
	}
	for w := int32(0); w < nw; w++ {
		var r2, acc, tot bls12381G1XYZZ
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

// settle folds the XYZZ parts back into the affine buckets (one inversion
// each: used in the reduction, where they only come from doublings, rare).
func (s *bls12381G1Scratch) settle() {
	for i, b := range s.bJb {
		t := s.bJ[i]
		if s.bSet[b] {
			t.addAff(&s.bA[b])
		}
		s.bA[b] = t.affine()
		s.bSet[b] = !t.ZZ.IsZero()
	}
	s.clearJac()
}

// jac returns the XYZZ part of bucket b, infinity when new.
func (s *bls12381G1Scratch) jac(b int32) *bls12381G1XYZZ {
	if s.bJi[b] == 0 {
		s.bJ = append(s.bJ, bls12381G1XYZZ{})
		s.bJb = append(s.bJb, b)
		s.bJi[b] = int32(len(s.bJ))
	}
	return &s.bJ[s.bJi[b]-1]
}

// clearJac empties every XYZZ part.
func (s *bls12381G1Scratch) clearJac() {
	for _, b := range s.bJb {
		s.bJi[b] = 0
	}
	s.bJ, s.bJb = s.bJ[:0], s.bJb[:0]
}

// bls12381G1BatchAffine sets aff[i] to xs[i] in affine coordinates with
// one inversion ((0, 0) for infinity).
func bls12381G1BatchAffine(aff []bls12381G1Aff, xs []bls12381G1XYZZ) {
	pre := make([]fp.Element, len(xs))
	var acc fp.Element
	acc.SetOne()
	for i := range xs {
		pre[i] = acc
		if !xs[i].ZZ.IsZero() {
			acc.Mul(&acc, &xs[i].ZZZ)
		}
	}
	var inv, t fp.Element
	bls12381Inverse(&inv, &acc)
	for i := len(xs) - 1; i >= 0; i-- {
		p := &xs[i]
		if p.ZZ.IsZero() {
			aff[i] = bls12381G1Aff{}
			continue
		}
		var iz fp.Element
		iz.Mul(&inv, &pre[i]) // 1/ZZZ
		inv.Mul(&inv, &p.ZZZ)
		aff[i].Y.Mul(&p.Y, &iz)
		t.Mul(&iz, &p.ZZ) // 1/Z
		t.Square(&t)
		aff[i].X.Mul(&p.X, &t)
	}
}

// addToBucket adds (x, y) to affine bucket b, through the batch.
func (s *bls12381G1Scratch) addToBucket(b int32, x, y *fp.Element) {
	switch {
	case s.inB[b]:
		// The bucket is in the batch: wait for the next one, or, with the
		// queue full, add into its XYZZ part.
		if s.nq < len(s.q) {
			s.q[s.nq] = bls12381G1Pending{b, bls12381G1Aff{*x, *y}}
			s.nq++
		} else {
			s.jac(b).addAff(&bls12381G1Aff{*x, *y})
		}
		return
	case !s.bSet[b]:
		s.bA[b] = bls12381G1Aff{*x, *y}
		s.bSet[b] = true
		return
	case s.bA[b].X == *x:
		// Same x: the bucket is ±(x, y). P + (-P) empties it; P + P moves
		// 2P to the XYZZ bucket.
		if s.bA[b].Y == *y {
			var t bls12381G1XYZZ
			t.doubleAff(&s.bA[b])
			s.jac(b).add(&t)
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
		s.step()
	}
}

// flush evaluates the batch and the queued additions, until both are
// empty. Every round evaluates a batch entry or settles a queued addition
// (into an empty bucket, or into the batch), so it ends.
func (s *bls12381G1Scratch) flush() {
	for s.k > 0 || s.nq > 0 {
		s.step()
	}
}

// step evaluates the batch, whose buckets are then free again, and moves
// the queued additions into the next batch; those meeting a bucket taken
// again wait again. At most batch/2 wait, so no evaluation starts inside.
func (s *bls12381G1Scratch) step() {
	s.evaluate()
	n := s.nq
	s.q, s.q2, s.nq = s.q2, s.q, 0
	for i := 0; i < n; i++ {
		e := &s.q2[i]
		s.addToBucket(e.b, &e.p.X, &e.p.Y)
	}
}

// evaluate evaluates the batch: for each entry, bucket (ax, ay) += (qx, qy)
// with λ = (qy-ay)/(qx-ax), x3 = λ²-ax-qx, y3 = λ(ax-x3)-ay; the k
// denominators are inverted together.
func (s *bls12381G1Scratch) evaluate() {
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

// bls12381G1Straus returns Σ sc[i]·pts[i] by Straus's interleaving for a
// few points: a table of the multiples 1 … 2^(c-1) of each point (affine,
// one inversion for all), then one shared chain of doublings, adding the
// table entry of each signed c-bit digit.
func bls12381G1Straus(pts []bls12381G1Aff, sc [][4]uint64, bits int) bls12381G1Aff {
	n := len(pts)
	c, windows := strausC, (bits+strausC)/strausC
	half := 1 << (c - 1)
	digits := make([]int32, windows*n)
	recode(digits, sc, c, windows)
	xs := make([]bls12381G1XYZZ, n*half)
	for i := range pts {
		t := xs[i*half : (i+1)*half]
		t[0].setAff(&pts[i])
		for j := 1; j < half; j++ {
			t[j] = t[j-1]
			t[j].addAff(&pts[i])
		}
	}
	tab := make([]bls12381G1Aff, n*half)
	bls12381G1BatchAffine(tab, xs)
	var acc bls12381G1XYZZ
	var q bls12381G1Aff
	for w := windows - 1; w >= 0; w-- {
		for j := 0; j < c; j++ {
			acc.double()
		}
		for i := 0; i < n; i++ {
			d := digits[i*windows+w]
			switch {
			case d > 0:
				if e := &tab[i*half+int(d)-1]; !e.X.IsZero() || !e.Y.IsZero() {
					acc.addAff(e)
				}
			case d < 0:
				if e := &tab[i*half+int(-d)-1]; !e.X.IsZero() || !e.Y.IsZero() {
					q.X = e.X
					q.Y.Neg(&e.Y)
					acc.addAff(&q)
				}
			}
		}
	}
	return acc.affine()
}

var (
	bls12381G1GLV = newGLV(fr.Modulus(), bls12381LambdaHex)
	bls12381Beta  = func() (b fp.Element) {
		b.SetBigInt(hexInt(bls12381BetaHex))
		return b
	}()
)

// bls12381G1GLVPoints returns the 2n points P, φ(P) = (β·x, y) (negated
// where their half of the scalar is negative) and scalars k1, k2 with
// k = k1 + k2·λ (bls12381G1Split), and the bit length of the largest.
func bls12381G1GLVPoints(pts []bls12381G1Aff, sc [][4]uint64) ([]bls12381G1Aff, [][4]uint64, int) {
	p2 := make([]bls12381G1Aff, 2*len(pts))
	s2 := make([][4]uint64, 2*len(pts))
	var or [4]uint64
	for i := range pts {
		k1, k2, n1, n2 := bls12381G1Split(&sc[i])
		p2[2*i] = pts[i]
		p2[2*i+1].X.Mul(&pts[i].X, &bls12381Beta)
		p2[2*i+1].Y = pts[i].Y
		if n1 {
			p2[2*i].Y.Neg(&p2[2*i].Y)
		}
		if n2 {
			p2[2*i+1].Y.Neg(&p2[2*i+1].Y)
		}
		s2[2*i], s2[2*i+1] = k1, k2
		for j := range or {
			or[j] |= k1[j] | k2[j]
		}
	}
	nbits := 0
	for j := range or {
		if or[j] != 0 {
			nbits = 64*j + bits.Len64(or[j])
		}
	}
	return p2, s2, max(nbits, 1)
}

// bls12381G1StrausGLV returns Σ sc[i]·pts[i] (pts in G1, sc < r) as
// Σ |k1|·(±P) + |k2|·(±φ(P)) by Straus's method on 2n points of ~128-bit
// scalars.
func bls12381G1StrausGLV(pts []bls12381G1Aff, sc [][4]uint64) bls12381G1Aff {
	n := len(pts)
	p2 := make([]bls12381G1Aff, 2*n)
	s2 := make([][4]uint64, 2*n)
	bits := 0
	k := new(big.Int)
	for i := range pts {
		k.SetBits(wordsOf(&sc[i]))
		k1, k2 := bls12381G1GLV.split(k)
		p2[2*i] = pts[i]
		p2[2*i+1].X.Mul(&pts[i].X, &bls12381Beta)
		p2[2*i+1].Y = pts[i].Y
		if k1.Sign() < 0 {
			p2[2*i].Y.Neg(&p2[2*i].Y)
		}
		if k2.Sign() < 0 {
			p2[2*i+1].Y.Neg(&p2[2*i+1].Y)
		}
		s2[2*i], s2[2*i+1] = limbs4(k1), limbs4(k2)
		bits = max(bits, k1.BitLen(), k2.BitLen())
	}
	return bls12381G1Straus(p2, s2, bits)
}
