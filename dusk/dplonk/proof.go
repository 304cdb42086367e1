package dplonk

import (
	"runtime"
	"sync"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/safego"
)

// workerHook, when set (by tests only), runs at the start of every worker
// goroutine the package starts.
var workerHook func()

// ProofSize is Proof::SIZE: 11 G1 commitments and 15 scalars.
const ProofSize = 11*g1Size + 15*scalarSize

// evaluations is linearization_poly::ProofEvaluations, in serialization
// order.
type evaluations struct {
	a, b, c, d       fr.Element
	aW, bW, dW       fr.Element
	qArith, qC       fr.Element
	qL, qR           fr.Element
	s1, s2, s3, zEvl fr.Element
}

// proof is proof_system::Proof. raw keeps the encoded bytes: decoding is
// canonical, so each commitment's 48 bytes equal Commitment::to_bytes and
// each scalar's 32 bytes equal BlsScalar::to_bytes, as the transcript needs.
type proof struct {
	a, b, c, d, z              bls12381.G1Affine
	tLow, tMid, tHigh, tFourth bls12381.G1Affine
	wZ, wZW                    bls12381.G1Affine
	ev                         evaluations
	raw                        []byte
}

// Offsets of the commitments in Proof::to_bytes.
const (
	oA = iota * g1Size
	oB
	oC
	oD
	oZ
	oTLow
	oTMid
	oTHigh
	oTFourth
	oWZ
	oWZW
	oEvals
)

// parseProof decodes Proof::from_bytes; b must be ProofSize bytes.
func parseProof(b []byte) (*proof, error) {
	if len(b) != ProofSize {
		return nil, core.Errorf(core.CodeMalformed, "dplonk: proof is %d bytes, want %d", len(b), ProofSize)
	}
	p := &proof{raw: b}
	pts := [11]*bls12381.G1Affine{&p.a, &p.b, &p.c, &p.d, &p.z, &p.tLow, &p.tMid, &p.tHigh, &p.tFourth, &p.wZ, &p.wZW}
	// Decompression and subgroup checks dominate parsing: with more than
	// one P they run in two halves concurrently. The first failing point
	// in serialization order decides the error, as when decoding in order.
	var errs [11]error
	decode := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if *pts[i], errs[i] = decodeG1(b[i*g1Size:]); errs[i] != nil {
				return
			}
		}
	}
	if runtime.GOMAXPROCS(0) > 1 {
		var wg sync.WaitGroup
		var catch safego.Catcher
		safego.Go(&wg, &catch, func() {
			if workerHook != nil {
				workerHook()
			}
			decode(6, 11)
		})
		decode(0, 6)
		wg.Wait()
		catch.Check("dplonk")
	} else {
		decode(0, 11)
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	e := &p.ev
	sc := [15]*fr.Element{&e.a, &e.b, &e.c, &e.d, &e.aW, &e.bW, &e.dW, &e.qArith, &e.qC, &e.qL, &e.qR, &e.s1, &e.s2, &e.s3, &e.zEvl}
	for i, s := range sc {
		v, err := decodeScalar(b[oEvals+i*scalarSize:])
		if err != nil {
			return nil, err
		}
		*s = v
	}
	return p, nil
}

// evalRaw returns the encoded bytes of evaluation i (serialization order).
func (p *proof) evalRaw(i int) []byte {
	return p.raw[oEvals+i*scalarSize : oEvals+(i+1)*scalarSize]
}

// Indices of the evaluations in serialization order.
const (
	eA = iota
	eB
	eC
	eD
	eAW
	eBW
	eDW
	eQArith
	eQC
	eQL
	eQR
	eS1
	eS2
	eS3
	eZ
)

// challenge is TranscriptProtocol::challenge_scalar: 64 challenge bytes
// reduced wide mod r.
func challenge(t *transcript, label string) fr.Element {
	var buf [64]byte
	t.challengeBytes([]byte(label), buf[:])
	return scalarFromWide(&buf)
}

// challenges are the verifier's Fiat–Shamir challenges.
type challenges struct {
	beta, gamma, alpha                   fr.Element
	rangeSep, logicSep, fixedSep, varSep fr.Element
	z, v, vW, u                          fr.Element
}

// replay runs the prover's transcript from the seeded state t, after the
// public inputs (Proof::verify and Proof::verify_legacy append the same
// messages in the same order).
func (p *proof) replay(t *transcript) challenges {
	var ch challenges
	com := func(label string, off int) { t.appendMessage([]byte(label), p.raw[off:off+g1Size]) }
	ev := func(label string, i int) { t.appendMessage([]byte(label), p.evalRaw(i)) }

	com("a_comm", oA)
	com("b_comm", oB)
	com("c_comm", oC)
	com("d_comm", oD)
	ch.beta = challenge(t, "beta")
	var bb [scalarSize]byte
	putScalar(&bb, &ch.beta)
	t.appendMessage([]byte("beta"), bb[:])
	ch.gamma = challenge(t, "gamma")

	com("z_comm", oZ)
	ch.alpha = challenge(t, "alpha")
	ch.rangeSep = challenge(t, "range separation challenge")
	ch.logicSep = challenge(t, "logic separation challenge")
	ch.fixedSep = challenge(t, "fixed base separation challenge")
	ch.varSep = challenge(t, "variable base separation challenge")

	com("t_low_comm", oTLow)
	com("t_mid_comm", oTMid)
	com("t_high_comm", oTHigh)
	com("t_fourth_comm", oTFourth)
	ch.z = challenge(t, "z_challenge")

	ev("a_eval", eA)
	ev("b_eval", eB)
	ev("c_eval", eC)
	ev("d_eval", eD)
	ev("s_sigma_1_eval", eS1)
	ev("s_sigma_2_eval", eS2)
	ev("s_sigma_3_eval", eS3)
	ev("z_eval", eZ)
	ev("a_w_eval", eAW)
	ev("b_w_eval", eBW)
	ev("d_w_eval", eDW)
	ev("q_arith_eval", eQArith)
	ev("q_c_eval", eQC)
	ev("q_l_eval", eQL)
	ev("q_r_eval", eQR)
	ch.v = challenge(t, "v_challenge")
	ch.vW = challenge(t, "v_w_challenge")

	com("w_z_chall_comm", oWZ)
	com("w_z_chall_w_comm", oWZW)
	ch.u = challenge(t, "u_challenge")
	return ch
}

// msm accumulates the terms of one multi-scalar multiplication. Terms on
// the same point (by address) are merged and terms on the identity are
// dropped; neither changes the sum. Points of the prepared verifier bring
// their precomputed tables.
type msm struct {
	terms []msmTerm
	fixed map[*bls12381.G1Affine]*oddTable
}

func (m *msm) add(s fr.Element, p *bls12381.G1Affine) {
	if p.IsInfinity() {
		return
	}
	for i := range m.terms {
		if m.terms[i].point == p {
			m.terms[i].s.Add(&m.terms[i].s, &s)
			return
		}
	}
	m.terms = append(m.terms, msmTerm{point: p, s: s, table: m.fixed[p]})
}

// eval returns the two sums of the MSM. With more than one P and enough
// terms it splits the terms in two groups of about equal cost and runs one
// on another goroutine: each group then needs its own doubling chain (about
// 6% more work) but the call finishes sooner. The sums are the same group
// elements either way.
func (m *msm) eval() (sum, sum2 bls12381.G1Jac) {
	if runtime.GOMAXPROCS(0) < 2 || len(m.terms) < 8 {
		return msmGLV(m.terms)
	}
	// Cost in mixed additions: a fixed-table term ~32, a fresh one ~63
	// (digits and table), a second-sum term ~43 more plus its chain.
	cost := func(t *msmTerm) int {
		c := 63
		if t.table != nil {
			c = 32
		}
		if !t.s2.IsZero() {
			c += 75
		}
		return c
	}
	var a, b []msmTerm
	ca, cb := 0, 0
	for i := range m.terms {
		if c := cost(&m.terms[i]); ca <= cb {
			a, ca = append(a, m.terms[i]), ca+c
		} else {
			b, cb = append(b, m.terms[i]), cb+c
		}
	}
	var a1, a2 bls12381.G1Jac
	done := make(chan struct{})
	var catch safego.Catcher
	go func() {
		defer close(done)
		defer catch.Recover()
		if workerHook != nil {
			workerHook()
		}
		a1, a2 = msmGLV(a)
	}()
	sum, sum2 = msmGLV(b)
	<-done
	catch.Check("dplonk")
	sum.AddAssign(&a1)
	sum2.AddAssign(&a2)
	return sum, sum2
}

// setSecond sets p's scalar in the second sum (p must have been added).
func (m *msm) setSecond(s fr.Element, p *bls12381.G1Affine) {
	for i := range m.terms {
		if m.terms[i].point == p {
			m.terms[i].s2 = s
		}
	}
}

// verify is Proof::verify (version 2 or 3, batching that binds q_arith,
// q_c, q_l and q_r) or Proof::verify_legacy (version 1), with the seeded
// transcript t and the public inputs pis (one per verifier index). It
// reports whether the KZG pairing check holds.
//
// dusk-plonk computes [D] (the linearization commitment) with one MSM, then
// F = D + Σ v-weighted commitments, E = e·G, and checks
//
//	e(-(W_z + u·W_zω), x·h) · e(z·W_z + u·z·ω·W_zω + F − E, h) = 1.
//
// Here [D], F, E and both G1 points are one GLV/Straus MSM with two sums
// (the same group elements, so the same verdict).
func (p *prepared) verify(pr *proof, pis []fr.Element, pisRaw []byte, version byte) bool {
	ch := p.challenges(pr, pisRaw, version)
	left, right := p.points(pr, &ch, pis, version)
	return p.pairingCheck(&left, &right)
}

// challenges replays the transcript of version over the public inputs and
// the proof.
func (p *prepared) challenges(pr *proof, pisRaw []byte, version byte) challenges {
	var t transcript
	if version == 3 {
		t = p.tV3
	} else {
		t = p.tLegacy
	}
	for i := 0; i+scalarSize <= len(pisRaw); i += scalarSize {
		t.appendMessage([]byte("pi"), pisRaw[i:i+scalarSize])
	}
	return pr.replay(&t)
}

// points returns the two G1 points of the final check e(left, x·h)·e(right, h) = 1.
func (p *prepared) points(pr *proof, ch *challenges, pis []fr.Element, version byte) (left, right bls12381.G1Affine) {
	e := &pr.ev
	vk := &p.vk
	dom := &p.dom

	// z_h(z) = z^n − 1 and L_1(z) = z_h(z) / (n·(z − 1)).
	zN := dom.powSize(&ch.z)
	var one, zH, l1, tmp fr.Element
	one.SetOne()
	zH.Sub(&zN, &one)
	tmp.Sub(&ch.z, &one).Mul(&tmp, &dom.sizeFr)
	tmp.Inverse(&tmp) // z = 1 (negligible): dusk-plonk panics, here 0⁻¹ = 0.
	l1.Mul(&zH, &tmp)

	m := msm{terms: make([]msmTerm, 0, 32), fixed: p.fixed}

	// [D]: the gate widgets, the permutation argument and the quotient.
	arithmeticTerms(&m, vk, e)
	rangeTerm(&m, vk, e, &ch.rangeSep)
	logicTerm(&m, vk, e, &ch.logicSep)
	fixedBaseTerm(&m, vk, e, &ch.fixedSep)
	variableBaseTerm(&m, vk, e, &ch.varSep)
	permutationTerms(&m, vk, e, ch, &l1, &pr.z)
	quotientTerms(&m, pr, &zN, &zH)

	// r_0 = PI(z) − L_1(z)·α² − α·(a+β·σ1+γ)(b+β·σ2+γ)(c+β·σ3+γ)(d+γ)·z̄ω
	pi := p.publicInputEval(pis, &ch.z, &zH)
	var r0, alphaSq, acc, f fr.Element
	alphaSq.Square(&ch.alpha)
	acc.Mul(&ch.beta, &e.s1).Add(&acc, &e.a).Add(&acc, &ch.gamma)
	f.Mul(&ch.beta, &e.s2).Add(&f, &e.b).Add(&f, &ch.gamma)
	acc.Mul(&acc, &f)
	f.Mul(&ch.beta, &e.s3).Add(&f, &e.c).Add(&f, &ch.gamma)
	acc.Mul(&acc, &f)
	f.Add(&e.d, &ch.gamma)
	acc.Mul(&acc, &f).Mul(&acc, &e.zEvl).Mul(&acc, &ch.alpha)
	tmp.Mul(&l1, &alphaSq)
	r0.Sub(&pi, &tmp).Sub(&r0, &acc)

	// Batched opening at z: v, v², ... on the unshifted evaluations, and
	// u·v_w, u·v_w², u·v_w³ on the shifted ones.
	type opening struct {
		eval  *fr.Element
		point *bls12381.G1Affine
	}
	atZ := []opening{{&e.a, &pr.a}, {&e.b, &pr.b}, {&e.c, &pr.c}, {&e.d, &pr.d},
		{&e.s1, &vk.s1}, {&e.s2, &vk.s2}, {&e.s3, &vk.s3}}
	if version != 1 {
		atZ = append(atZ, opening{&e.qArith, &vk.qArith}, opening{&e.qC, &vk.qC},
			opening{&e.qL, &vk.qL}, opening{&e.qR, &vk.qR})
	}
	var eScalar, vPow fr.Element
	vPow = ch.v
	for i, o := range atZ {
		if i > 0 {
			vPow.Mul(&vPow, &ch.v)
		}
		tmp.Mul(o.eval, &vPow)
		eScalar.Add(&eScalar, &tmp)
		m.add(vPow, o.point)
	}
	var wPow fr.Element
	wPow.Mul(&ch.vW, &ch.u)
	for _, o := range []opening{{&e.aW, &pr.a}, {&e.bW, &pr.b}, {&e.dW, &pr.d}} {
		tmp.Mul(o.eval, &wPow)
		eScalar.Add(&eScalar, &tmp)
		m.add(wPow, o.point)
		wPow.Mul(&wPow, &ch.vW)
	}
	// E = Σ ... − r_0 + u·z̄ω, subtracted from the right point as −E·G.
	eScalar.Sub(&eScalar, &r0)
	tmp.Mul(&ch.u, &e.zEvl)
	eScalar.Add(&eScalar, &tmp)
	eScalar.Neg(&eScalar)
	m.add(eScalar, &p.g)

	// z·W_z + u·z·ω·W_zω
	m.add(ch.z, &pr.wZ)
	tmp.Mul(&ch.u, &ch.z).Mul(&tmp, &dom.gen)
	m.add(tmp, &pr.wZW)
	// left = −(W_z + u·W_zω), as the second sum of the same MSM.
	m.setSecond(one, &pr.wZ)
	m.setSecond(ch.u, &pr.wZW)
	rj, lj := m.eval()
	right.FromJacobian(&rj)
	left.FromJacobian(&lj)
	left.Neg(&left)
	return left, right
}

// pairingCheck reports whether e(left, x·h)·e(right, h) = 1, dropping
// pairs with an identity argument (their pairing is 1). gnark-crypto's
// MillerLoopFixedQ scales the lines it is given in place, so it gets a
// copy of the prepared verifier's lines.
func (p *prepared) pairingCheck(left, right *bls12381.G1Affine) bool {
	var ps [2]bls12381.G1Affine
	var ls [2][2][len(bls12381.LoopCounter) - 1]bls12381.LineEvaluationAff
	n := 0
	if !left.IsInfinity() && !p.xh.IsInfinity() {
		ps[n], ls[n] = *left, p.lines[0]
		n++
	}
	if !right.IsInfinity() && !p.h.IsInfinity() {
		ps[n], ls[n] = *right, p.lines[1]
		n++
	}
	if n == 0 {
		return true
	}
	ok, err := bls12381.PairingCheckFixedQ(ps[:n], ls[:n])
	return err == nil && ok
}

// publicInputEval is compute_barycentric_eval over the dense public-input
// vector (Composer::dense_public_inputs: zeros with pis[i] at
// piIndexes[i], a later input overwriting an earlier one at the same
// index):
//
//	PI(z) = (z^n − 1)/n · Σ_{i: v_i ≠ 0} v_i / (ω^{-i}·z − 1)
//
// with ω^{-i} precomputed per verifier and one batch inversion. A zero
// denominator contributes zero, as dusk-plonk's batch_inversion leaves
// zeros in place.
func (p *prepared) publicInputEval(pis []fr.Element, z, zH *fr.Element) fr.Element {
	last := lastWriter(p.piIndexes)
	var one fr.Element
	one.SetOne()
	dens := make([]fr.Element, 0, len(pis))
	vals := make([]*fr.Element, 0, len(pis))
	for i := range pis {
		if !last(i) || pis[i].IsZero() {
			continue
		}
		var den fr.Element
		den.Mul(&p.piOmegaInv[i], z).Sub(&den, &one)
		dens = append(dens, den)
		vals = append(vals, &pis[i])
	}
	inv := fr.BatchInvert(dens)
	var sum, term fr.Element
	for i := range inv {
		term.Mul(&inv[i], vals[i])
		sum.Add(&sum, &term)
	}
	var numerator fr.Element
	numerator.Mul(zH, &p.dom.sizeInv)
	sum.Mul(&sum, &numerator)
	return sum
}

// lastWriter returns a predicate telling whether input i is the last one
// written to its index.
func lastWriter(idx []uint64) func(int) bool {
	if len(idx) <= 16 {
		return func(i int) bool {
			for j := i + 1; j < len(idx); j++ {
				if idx[j] == idx[i] {
					return false
				}
			}
			return true
		}
	}
	lastAt := make(map[uint64]int, len(idx))
	for i, v := range idx {
		lastAt[v] = i
	}
	return func(i int) bool { return lastAt[idx[i]] == i }
}
