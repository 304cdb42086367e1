package zk

import (
	"encoding/binary"
	"math/big"
	"sync"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/keccak"
)

// plonk_bn254_snarkjs_verify: the PLONK verifier of snarkjs 0.7
// (src/plonk_verify.js and templates/verifier_plonk.sol.ejs), after
// Gabizon-Williamson-Ciobotaru, eprint 2019/953, with snarkjs's Keccak-256
// transcript. Input layout (all integers big-endian, points EIP-197):
//
//	vk:     nPublic (4) || power (4, 1..28) || k1 (32) || k2 (32) ||
//	        Qm Ql Qr Qo Qc S1 S2 S3 (8 × G1, 64 each; all-zero = infinity) ||
//	        X_2 = [τ]₂ (G2, 128)
//	proof:  A B C Z T1 T2 T3 Wxi Wxiw (9 × G1, 64 each; infinity rejected) ||
//	        eval_a eval_b eval_c eval_s1 eval_s2 eval_zw (6 × 32, each < r)
//	public: nPublic × 32, each < r
//
// The proof part is exactly the 24-word calldata of snarkjs's Solidity
// verifier. Unlike snarkjs's JavaScript verifier (which reduces them), a
// non-canonical evaluation or public input is rejected (ErrNonCanonical),
// as the Solidity verifier does.
const (
	sjVKSize    = 8 + 2*32 + 8*bnG1Size + bnG2Size // 712
	sjProofSize = 9*bnG1Size + 6*32                // 768
	sjFixed     = sjVKSize + sjProofSize
	sjTag       = "plonk_bn254_snarkjs_verify"
	sjMaxPublic = 1 << 12
)

// sjVK is a prepared snarkjs PLONK verifying key.
type sjVK struct {
	nPublic int
	power   int
	k1, k2  fr.Element
	// q holds Qm Ql Qr Qo Qc S1 S2 S3.
	q [8]bn.G1Affine
	// qBytes is the transcript encoding of q (the input bytes).
	qBytes []byte
	omega  fr.Element // primitive 2^power-th root of unity, snarkjs's Fr.w[power]
	n      fr.Element // 2^power
	// linesX2 are the Miller-loop lines of X_2.
	linesX2 [2][len(bn.LoopCounter)]bn.LineEvaluationAff
}

var sjCache = newLRU[*sjVK]()

// rootOfUnity28 generates the order-2^28 subgroup of Fr*: 5^((r-1)/2^28),
// the value snarkjs (ffjavascript Fr.w[28]) and gnark-crypto both use.
var rootOfUnity28 = func() fr.Element {
	var w fr.Element
	if _, err := w.SetString("19103219067921713944291392827692070036145651957329286315305642004821462161904"); err != nil {
		panic("zk: internal error: " + err.Error())
	}
	return w
}()

// g2Lines are the Miller-loop lines of the G2 generator.
var g2Lines = sync.OnceValue(func() [2][len(bn.LoopCounter)]bn.LineEvaluationAff {
	_, _, _, g2 := bn.Generators()
	return bn.PrecomputeLines(g2)
})

// sjItems is the gas item count: nPublic from the header, bounded by the
// input length.
func sjItems(in []byte) uint64 {
	if len(in) < 4 {
		return 0
	}
	return min(uint64(binary.BigEndian.Uint32(in)), uint64(len(in))/32)
}

func parseSjVK(b []byte) (*sjVK, error) {
	vk := &sjVK{nPublic: int(binary.BigEndian.Uint32(b[0:4])), power: int(binary.BigEndian.Uint32(b[4:8]))}
	if vk.power < 1 || vk.power > 28 {
		return nil, core.Errorf(core.CodeMalformed, "zk: snarkjs plonk power %d out of range 1..28", vk.power)
	}
	if err := bnFr(&vk.k1, b[8:40]); err != nil {
		return nil, err
	}
	if err := bnFr(&vk.k2, b[40:72]); err != nil {
		return nil, err
	}
	vk.qBytes = append([]byte(nil), b[72:72+8*bnG1Size]...)
	for i := range vk.q {
		if err := decodeBnG1(&vk.q[i], vk.qBytes[64*i:]); err != nil {
			return nil, err
		}
	}
	var x2 bn.G2Affine
	if err := decodeBnG2(&x2, b[72+8*bnG1Size:]); err != nil {
		return nil, err
	}
	vk.linesX2 = bn.PrecomputeLines(x2)
	vk.omega = rootOfUnity28
	for range 28 - vk.power {
		vk.omega.Square(&vk.omega)
	}
	vk.n.SetUint64(1 << vk.power)
	return vk, nil
}

// sjProof is a decoded snarkjs PLONK proof.
type sjProof struct {
	// p holds A B C Z T1 T2 T3 Wxi Wxiw.
	p [9]bn.G1Affine
	// e holds eval_a eval_b eval_c eval_s1 eval_s2 eval_zw.
	e [6]fr.Element
}

func parseSjProof(pr *sjProof, b []byte) error {
	for i := range pr.p {
		if err := decodeBnG1(&pr.p[i], b[64*i:]); err != nil {
			return err
		}
		if pr.p[i].IsInfinity() {
			return core.Errorf(core.CodeInfinity, "zk: snarkjs plonk proof commitment at infinity")
		}
	}
	for i := range pr.e {
		if err := bnFr(&pr.e[i], b[9*64+32*i:]); err != nil {
			return err
		}
	}
	return nil
}

// transcript is snarkjs's Keccak256Transcript: a challenge is
// Keccak-256 of the concatenated encodings (G1 as x || y, scalars as
// 32-byte big-endian), read big-endian and reduced mod r.
type transcript struct {
	buf []byte
}

func (t *transcript) scalar(x *fr.Element) {
	b := x.Bytes()
	t.buf = append(t.buf, b[:]...)
}

func (t *transcript) challenge() fr.Element {
	var d [32]byte
	keccak.Sum256(d[:0], t.buf)
	var c fr.Element
	c.SetBytes(d[:])
	t.buf = t.buf[:0]
	return c
}

// runSnarkjsPlonk is plonk_bn254_snarkjs_verify.
func runSnarkjsPlonk(dst, in []byte) ([]byte, error) {
	if len(in) < sjFixed {
		return dst, core.Errorf(core.CodeMalformed, "zk: snarkjs plonk input too short")
	}
	nPub := uint64(binary.BigEndian.Uint32(in))
	if nPub > sjMaxPublic || uint64(len(in)) != sjFixed+32*nPub {
		return dst, core.Errorf(core.CodeMalformed, "zk: snarkjs plonk input length %d does not match %d public inputs", len(in), nPub)
	}
	vkb, prb, pubb := in[:sjVKSize], in[sjVKSize:sjFixed], in[sjFixed:]
	var pr sjProof
	if err := parseSjProof(&pr, prb); err != nil {
		return dst, err
	}
	pub := make([]fr.Element, nPub)
	for i := range pub {
		if err := bnFr(&pub[i], pubb[32*i:]); err != nil {
			return dst, err
		}
	}
	key := keyOf(sjTag, vkb)
	vk, hit := sjCache.get(key)
	if !hit {
		var err error
		if vk, err = parseSjVK(vkb); err != nil {
			return dst, err
		}
	}
	ok := vk.verify(&pr, prb, pub)
	if ok && !hit {
		sjCache.put(key, vk, int(unsafe.Sizeof(*vk))+len(vk.qBytes))
	}
	return core.Verdict(dst, ok), nil
}

// verify runs snarkjs's plonkVerify: challenges from the transcript, the
// Lagrange evaluations L₁..L_max(1,ℓ) at ξ, PI(ξ), r₀, the linearisation
// commitment D, F = D + Σ vⁱ·[A B C S1 S2], E = e·[1]₁, and the final check
//
//	e(−(Wξ + u·Wξω), [τ]₂) · e(ξ·Wξ + uξω·Wξω + F − E, [1]₂) = 1.
//
// The commitments are combined in one multi-scalar multiplication.
// prb is the proof's encoding (its point bytes feed the transcript).
// Variable time.
func (vk *sjVK) verify(pr *sjProof, prb []byte, pub []fr.Element) bool {
	ev := &pr.e
	evA, evB, evC, evS1, evS2, evZw := &ev[0], &ev[1], &ev[2], &ev[3], &ev[4], &ev[5]
	pt := func(i int) []byte { return prb[64*i : 64*i+64] }

	// Challenges.
	t := transcript{buf: make([]byte, 0, 8*64+32*len(pub)+3*64)}
	t.buf = append(t.buf, vk.qBytes...)
	for i := range pub {
		t.scalar(&pub[i])
	}
	t.buf = append(t.buf, prb[:3*64]...) // A B C
	beta := t.challenge()
	t.scalar(&beta)
	gamma := t.challenge()
	t.scalar(&beta)
	t.scalar(&gamma)
	t.buf = append(t.buf, pt(3)...) // Z
	alpha := t.challenge()
	t.scalar(&alpha)
	t.buf = append(t.buf, prb[4*64:7*64]...) // T1 T2 T3
	xi := t.challenge()
	t.scalar(&xi)
	for i := range ev {
		t.scalar(&ev[i])
	}
	var v [6]fr.Element
	v[1] = t.challenge()
	for i := 2; i < 6; i++ {
		v[i].Mul(&v[i-1], &v[1])
	}
	t.buf = append(t.buf, prb[7*64:9*64]...) // Wxi Wxiw
	u := t.challenge()

	// ξⁿ, Z_H(ξ) = ξⁿ − 1, Lᵢ(ξ) = ωⁱ⁻¹·Z_H(ξ) / (n·(ξ − ωⁱ⁻¹)).
	var xin, zh fr.Element
	xin.Set(&xi)
	for range vk.power {
		xin.Square(&xin)
	}
	one := fr.One()
	zh.Sub(&xin, &one)
	nL := max(1, len(pub))
	den := make([]fr.Element, nL)
	wi := make([]fr.Element, nL)
	wi[0].SetOne()
	for i := range nL {
		if i > 0 {
			wi[i].Mul(&wi[i-1], &vk.omega)
		}
		den[i].Sub(&xi, &wi[i]).Mul(&den[i], &vk.n)
	}
	inv := fr.BatchInvert(den) // 1/0 = 0, as ffjavascript's Fr.div
	L := make([]fr.Element, nL)
	for i := range L {
		L[i].Mul(&wi[i], &zh).Mul(&L[i], &inv[i])
	}
	l1 := &L[0]

	// PI(ξ) = −Σ xᵢ·Lᵢ₊₁(ξ).
	var pi, tmp fr.Element
	for i := range pub {
		tmp.Mul(&pub[i], &L[i])
		pi.Sub(&pi, &tmp)
	}

	// r₀ = PI − L₁α² − (a + βs₁ + γ)(b + βs₂ + γ)(c + γ)·zω·α.
	var alpha2, e2, e3a, e3b, e3c, e3, r0 fr.Element
	alpha2.Square(&alpha)
	e2.Mul(l1, &alpha2)
	e3a.Mul(&beta, evS1).Add(&e3a, evA).Add(&e3a, &gamma)
	e3b.Mul(&beta, evS2).Add(&e3b, evB).Add(&e3b, &gamma)
	e3c.Add(evC, &gamma)
	e3.Mul(&e3a, &e3b).Mul(&e3, &e3c).Mul(&e3, evZw).Mul(&e3, &alpha)
	r0.Sub(&pi, &e2).Sub(&r0, &e3)

	// D's scalars.
	var betaXi, d2a1, d2a2, d2a3, cZ, cS3 fr.Element
	betaXi.Mul(&beta, &xi)
	d2a1.Add(evA, &betaXi).Add(&d2a1, &gamma)
	d2a2.Mul(&betaXi, &vk.k1).Add(&d2a2, evB).Add(&d2a2, &gamma)
	d2a3.Mul(&betaXi, &vk.k2).Add(&d2a3, evC).Add(&d2a3, &gamma)
	cZ.Mul(&d2a1, &d2a2).Mul(&cZ, &d2a3).Mul(&cZ, &alpha).Add(&cZ, &e2).Add(&cZ, &u)
	cS3.Mul(&e3a, &e3b).Mul(&cS3, &alpha).Mul(&cS3, &beta).Mul(&cS3, evZw)

	// E's scalar: e = −r₀ + v₁a + v₂b + v₃c + v₄s₁ + v₅s₂ + u·zω.
	var e fr.Element
	e.Neg(&r0)
	for i := 1; i <= 5; i++ {
		tmp.Mul(&v[i], &ev[i-1])
		e.Add(&e, &tmp)
	}
	tmp.Mul(&u, evZw)
	e.Add(&e, &tmp)

	// B₁ = ξ·Wξ + uξω·Wξω + D + v₁A + v₂B + v₃C + v₄S₁ + v₅S₂ − e·[1]₁
	// with D = ab·Qm + a·Ql + b·Qr + c·Qo + Qc + cZ·Z − cS3·S3
	//          − Z_H·(T₁ + ξⁿ·T₂ + ξ²ⁿ·T₃).
	_, _, g1, _ := bn.Generators()
	var pts [18]bn.G1Affine
	var sc [18]fr.Element
	q := &vk.q // Qm Ql Qr Qo Qc S1 S2 S3
	p := &pr.p // A B C Z T1 T2 T3 Wxi Wxiw
	pts[0], sc[0] = q[0], *new(fr.Element).Mul(evA, evB)
	pts[1], sc[1] = q[1], *evA
	pts[2], sc[2] = q[2], *evB
	pts[3], sc[3] = q[3], *evC
	pts[4], sc[4] = q[4], one
	pts[5], sc[5] = p[3], cZ
	pts[6], sc[6] = q[7], *new(fr.Element).Neg(&cS3)
	pts[7], sc[7] = p[4], *new(fr.Element).Neg(&zh)
	var zx fr.Element
	zx.Mul(&zh, &xin)
	pts[8], sc[8] = p[5], *new(fr.Element).Neg(&zx)
	zx.Mul(&zx, &xin)
	pts[9], sc[9] = p[6], *new(fr.Element).Neg(&zx)
	pts[10], sc[10] = p[0], v[1]
	pts[11], sc[11] = p[1], v[2]
	pts[12], sc[12] = p[2], v[3]
	pts[13], sc[13] = q[5], v[4]
	pts[14], sc[14] = q[6], v[5]
	pts[15], sc[15] = g1, *new(fr.Element).Neg(&e)
	pts[16], sc[16] = p[7], xi
	var s fr.Element
	s.Mul(&u, &xi).Mul(&s, &vk.omega)
	pts[17], sc[17] = p[8], s

	cfg := ecc.MultiExpConfig{NbTasks: 1}
	var b1 bn.G1Affine
	if _, err := b1.MultiExp(pts[:], sc[:], cfg); err != nil {
		return false
	}
	// A₁ = Wξ + u·Wξω, negated.
	var a1 bn.G1Jac
	var ub big.Int
	u.BigInt(&ub)
	a1.FromAffine(&p[8])
	a1.ScalarMultiplication(&a1, &ub)
	a1.AddMixed(&p[7])
	var g1s [2]bn.G1Affine
	g1s[0].FromJacobian(&a1)
	g1s[0].Neg(&g1s[0])
	g1s[1] = b1

	// PairingCheckFixedQ evaluates the lines in place: give it copies.
	lines := [2][2][len(bn.LoopCounter)]bn.LineEvaluationAff{vk.linesX2, g2Lines()}
	ok, err := bn.PairingCheckFixedQ(g1s[:], lines[:])
	return err == nil && ok
}
