package dplonk

import (
	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// The gate widgets' contributions to the linearization commitment [D]
// (proof_system/widget/*/verifierkey.rs, compute_linearization_commitment).
// Each adds scalar·selector terms to m; κ = separation challenge².

// Permutation coset constants (composer/permutation/constants.rs).
var k1, k2, k3 fr.Element

// edwardsD is the JubJub twisted Edwards d = −(10240/10241) in Fr
// (dusk-jubjub EDWARDS_D), used by the curve-addition gates.
var edwardsD fr.Element

func init() {
	k1.SetUint64(7)
	k2.SetUint64(13)
	k3.SetUint64(17)
	var num, den fr.Element
	num.SetUint64(10240)
	den.SetUint64(10241)
	den.Inverse(&den)
	edwardsD.Mul(&num, &den).Neg(&edwardsD)
}

func frSmall(v uint64) fr.Element {
	var e fr.Element
	e.SetUint64(v)
	return e
}

// arithmeticTerms: q_arith·(a·b·q_m + a·q_l + b·q_r + c·q_o + d·q_f + q_c).
func arithmeticTerms(m *msm, vk *verifierKey, e *evaluations) {
	var s fr.Element
	s.Mul(&e.a, &e.b).Mul(&s, &e.qArith)
	m.add(s, &vk.qM)
	s.Mul(&e.a, &e.qArith)
	m.add(s, &vk.qL)
	s.Mul(&e.b, &e.qArith)
	m.add(s, &vk.qR)
	s.Mul(&e.c, &e.qArith)
	m.add(s, &vk.qO)
	s.Mul(&e.d, &e.qArith)
	m.add(s, &vk.qF)
	m.add(e.qArith, &vk.qC)
}

// delta returns f(f−1)(f−2)(f−3): zero iff f is a 2-bit quad.
func delta(f fr.Element) fr.Element {
	var r, t fr.Element
	one, two, three := frSmall(1), frSmall(2), frSmall(3)
	r = f
	t.Sub(&f, &one)
	r.Mul(&r, &t)
	t.Sub(&f, &two)
	r.Mul(&r, &t)
	t.Sub(&f, &three)
	r.Mul(&r, &t)
	return r
}

// sub4 returns x − 4·y.
func sub4(x, y *fr.Element) fr.Element {
	var r fr.Element
	r.Double(y).Double(&r)
	r.Sub(x, &r)
	return r
}

// rangeTerm: sep·(Δ(c−4d) + Δ(b−4c)·κ + Δ(a−4b)·κ² + Δ(d_ω−4a)·κ³) on q_range.
func rangeTerm(m *msm, vk *verifierKey, e *evaluations, sep *fr.Element) {
	var kappa, kappa2, kappa3 fr.Element
	kappa.Square(sep)
	kappa2.Square(&kappa)
	kappa3.Mul(&kappa2, &kappa)
	b1 := delta(sub4(&e.c, &e.d))
	b2 := delta(sub4(&e.b, &e.c))
	b2.Mul(&b2, &kappa)
	b3 := delta(sub4(&e.a, &e.b))
	b3.Mul(&b3, &kappa2)
	b4 := delta(sub4(&e.dW, &e.a))
	b4.Mul(&b4, &kappa3)
	var s fr.Element
	s.Add(&b1, &b2).Add(&s, &b3).Add(&s, &b4).Mul(&s, sep)
	m.add(s, &vk.qRange)
}

// deltaXorAnd is the logic gate's combined XOR/AND check
// (widget/logic/proverkey.rs):
//
//	F = w·(w·(4w − 18(a+b) + 81) + 18(a²+b²) − 81(a+b) + 83)
//	result = q_c·(9c − 3(a+b)) + 3(a+b+c) − 2F
func deltaXorAnd(a, b, w, c, qc *fr.Element) fr.Element {
	var ab, t, u, f fr.Element
	ab.Add(a, b)
	// 4w − 18(a+b) + 81
	t.Double(w).Double(&t)
	u.Mul(&ab, ptr(frSmall(18)))
	t.Sub(&t, &u).Add(&t, ptr(frSmall(81)))
	t.Mul(&t, w)
	// + 18(a² + b²)
	var a2, b2 fr.Element
	a2.Square(a)
	b2.Square(b)
	u.Add(&a2, &b2).Mul(&u, ptr(frSmall(18)))
	t.Add(&t, &u)
	// − 81(a+b) + 83
	u.Mul(&ab, ptr(frSmall(81)))
	t.Sub(&t, &u).Add(&t, ptr(frSmall(83)))
	f.Mul(w, &t)
	// E = 3(a+b+c) − 2F
	var eTerm fr.Element
	eTerm.Add(&ab, c).Mul(&eTerm, ptr(frSmall(3)))
	u.Double(&f)
	eTerm.Sub(&eTerm, &u)
	// B = q_c·(9c − 3(a+b))
	var bTerm fr.Element
	bTerm.Mul(c, ptr(frSmall(9)))
	u.Mul(&ab, ptr(frSmall(3)))
	bTerm.Sub(&bTerm, &u).Mul(&bTerm, qc)
	bTerm.Add(&bTerm, &eTerm)
	return bTerm
}

func ptr(e fr.Element) *fr.Element { return &e }

// logicTerm: with a' = a_ω − 4a, b' = b_ω − 4b, d' = d_ω − 4d, w = c:
// sep·(Δ(a') + Δ(b')·κ + Δ(d')·κ² + (w − a'b')·κ³ + XorAnd(a', b', w, d', q_c)·κ⁴)
// on q_logic.
func logicTerm(m *msm, vk *verifierKey, e *evaluations, sep *fr.Element) {
	var kappa, kappa2, kappa3, kappa4 fr.Element
	kappa.Square(sep)
	kappa2.Square(&kappa)
	kappa3.Mul(&kappa2, &kappa)
	kappa4.Mul(&kappa3, &kappa)
	a := sub4(&e.aW, &e.a)
	b := sub4(&e.bW, &e.b)
	d := sub4(&e.dW, &e.d)
	w := e.c
	c0 := delta(a)
	c1 := delta(b)
	c1.Mul(&c1, &kappa)
	c2 := delta(d)
	c2.Mul(&c2, &kappa2)
	var c3 fr.Element
	c3.Mul(&a, &b)
	c3.Sub(&w, &c3).Mul(&c3, &kappa3)
	c4 := deltaXorAnd(&a, &b, &w, &d, &e.qC)
	c4.Mul(&c4, &kappa4)
	var s fr.Element
	s.Add(&c0, &c1).Add(&s, &c2).Add(&s, &c3).Add(&s, &c4).Mul(&s, sep)
	m.add(s, &vk.qLogic)
}

// fixedBaseTerm is the fixed-base scalar multiplication gate
// (widget/ecc/scalar_mul/fixed_base/verifierkey.rs): with acc = (a, b),
// acc_ω = (a_ω, b_ω), xy_α = c, bit = d_ω − 2d, x_β = q_l, y_β = q_r:
//
//	bit(bit−1)(bit+1)
//	+ (bit·q_c − xy_α)·κ
//	+ (x3 + x3·xy_α·x·y·D − (x_α·y + y_α·x))·κ²
//	+ (y3 − y3·xy_α·x·y·D − (x_α·x + y_α·y))·κ³
//
// with y_α = bit²(y_β − 1) + 1 and x_α = x_β·bit, all times sep, on
// q_fixed_group_add.
func fixedBaseTerm(m *msm, vk *verifierKey, e *evaluations, sep *fr.Element) {
	var kappa, kappa2, kappa3, one fr.Element
	one.SetOne()
	kappa.Square(sep)
	kappa2.Square(&kappa)
	kappa3.Mul(&kappa2, &kappa)

	accX, accXW, accY, accYW := e.a, e.aW, e.b, e.bW
	xyAlpha := e.c
	var bit fr.Element
	bit.Sub(&e.dW, &e.d).Sub(&bit, &e.d)

	var bitCons, t fr.Element
	t.Sub(&bit, &one)
	bitCons.Mul(&bit, &t)
	t.Add(&bit, &one)
	bitCons.Mul(&bitCons, &t)

	var yAlpha, xAlpha fr.Element
	yAlpha.Square(&bit)
	t.Sub(&e.qR, &one)
	yAlpha.Mul(&yAlpha, &t).Add(&yAlpha, &one)
	xAlpha.Mul(&e.qL, &bit)

	var xyCons fr.Element
	xyCons.Mul(&bit, &e.qC).Sub(&xyCons, &xyAlpha).Mul(&xyCons, &kappa)

	// common = xy_α·x·y·D
	var common fr.Element
	common.Mul(&xyAlpha, &accX).Mul(&common, &accY).Mul(&common, &edwardsD)

	var lhs, rhs, xCons fr.Element
	lhs.Mul(&accXW, &common).Add(&lhs, &accXW)
	rhs.Mul(&xAlpha, &accY)
	t.Mul(&yAlpha, &accX)
	rhs.Add(&rhs, &t)
	xCons.Sub(&lhs, &rhs).Mul(&xCons, &kappa2)

	var yCons fr.Element
	lhs.Mul(&accYW, &common)
	lhs.Sub(&accYW, &lhs)
	rhs.Mul(&xAlpha, &accX)
	t.Mul(&yAlpha, &accY)
	rhs.Add(&rhs, &t)
	yCons.Sub(&lhs, &rhs).Mul(&yCons, &kappa3)

	var s fr.Element
	s.Add(&bitCons, &xCons).Add(&s, &yCons).Add(&s, &xyCons).Mul(&s, sep)
	m.add(s, &vk.qFixed)
}

// variableBaseTerm is the twisted-Edwards addition gate
// (widget/ecc/curve_addition/verifierkey.rs): (x1, y1) = (a, b),
// (x2, y2) = (c, d), (x3, y3) = (a_ω, b_ω), x1y2 = d_ω:
//
//	(x1·y2 − x1y2)
//	+ (x1y2 + y1x2 − (x3 + x3·D·x1y2·y1x2))·κ
//	+ (y1y2 + x1x2 − (y3 − y3·D·x1y2·y1x2))·κ²
//
// times sep, on q_variable_group_add.
func variableBaseTerm(m *msm, vk *verifierKey, e *evaluations, sep *fr.Element) {
	var kappa, kappa2 fr.Element
	kappa.Square(sep)
	kappa2.Square(&kappa)
	x1, x3, y1, y3, x2, y2, x1y2 := e.a, e.aW, e.b, e.bW, e.c, e.d, e.dW

	var xyCons, y1x2, y1y2, x1x2 fr.Element
	xyCons.Mul(&x1, &y2).Sub(&xyCons, &x1y2)
	y1x2.Mul(&y1, &x2)
	y1y2.Mul(&y1, &y2)
	x1x2.Mul(&x1, &x2)

	var dProd fr.Element // D·x1y2·y1x2
	dProd.Mul(&edwardsD, &x1y2).Mul(&dProd, &y1x2)

	var lhs, rhs, x3Cons, y3Cons fr.Element
	lhs.Add(&x1y2, &y1x2)
	rhs.Mul(&x3, &dProd).Add(&rhs, &x3)
	x3Cons.Sub(&lhs, &rhs).Mul(&x3Cons, &kappa)

	lhs.Add(&y1y2, &x1x2)
	rhs.Mul(&y3, &dProd)
	rhs.Sub(&y3, &rhs)
	y3Cons.Sub(&lhs, &rhs).Mul(&y3Cons, &kappa2)

	var s fr.Element
	s.Add(&xyCons, &x3Cons).Add(&s, &y3Cons).Mul(&s, sep)
	m.add(s, &vk.qVar)
}

// permutationTerms (widget/permutation/verifierkey.rs):
//
//	[z]·((a+βz+γ)(b+βk1z+γ)(c+βk2z+γ)(d+βk3z+γ)·α + L_1(z)·α² + u)
//	− [σ4]·(a+βσ1+γ)(b+βσ2+γ)(c+βσ3+γ)·β·z̄ω·α
func permutationTerms(m *msm, vk *verifierKey, e *evaluations, ch *challenges, l1 *fr.Element, zComm *bls12381.G1Affine) {
	var betaZ, t, x fr.Element
	betaZ.Mul(&ch.beta, &ch.z)
	x.Add(&e.a, &betaZ).Add(&x, &ch.gamma)
	for _, w := range []struct{ eval, k *fr.Element }{{&e.b, &k1}, {&e.c, &k2}, {&e.d, &k3}} {
		t.Mul(&betaZ, w.k).Add(&t, w.eval).Add(&t, &ch.gamma)
		x.Mul(&x, &t)
	}
	x.Mul(&x, &ch.alpha)
	var r fr.Element
	r.Square(&ch.alpha).Mul(&r, l1)
	x.Add(&x, &r).Add(&x, &ch.u)
	m.add(x, zComm)

	var y fr.Element
	y.SetOne()
	for _, w := range []struct{ eval, sigma *fr.Element }{{&e.a, &e.s1}, {&e.b, &e.s2}, {&e.c, &e.s3}} {
		t.Mul(&ch.beta, w.sigma).Add(&t, w.eval).Add(&t, &ch.gamma)
		y.Mul(&y, &t)
	}
	t.Mul(&ch.beta, &e.zEvl).Mul(&t, &ch.alpha)
	y.Mul(&y, &t).Neg(&y)
	m.add(y, &vk.s4)
}

// quotientTerms: −z_h(z)·([t_low] + z^n·[t_mid] + z^{2n}·[t_high] + z^{3n}·[t_fourth]).
func quotientTerms(m *msm, pr *proof, zN, zH *fr.Element) {
	var s fr.Element
	s.Neg(zH)
	m.add(s, &pr.tLow)
	s.Mul(&s, zN)
	m.add(s, &pr.tMid)
	s.Mul(&s, zN)
	m.add(s, &pr.tHigh)
	s.Mul(&s, zN)
	m.add(s, &pr.tFourth)
}
