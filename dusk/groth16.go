package dusk

import (
	"encoding/binary"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"

	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// groth16_bn254_verify_arkworks is rusk's verify_groth16_bn254 host query:
//
//	Groth16::<Bn254>::verify_proof_with_prepared_inputs(pvk, proof, inputs)
//
// from ark-groth16 0.4.0 over ark-bn254 0.4.0, which checks
//
//	FE( ML(A, B) * ML(P, -gamma) * ML(C, -delta) ) == alpha_g1_beta_g2
//
// where ML is arkworks' BN multi-Miller loop (eprint 2013/722 lines, D-type
// twist), FE the final exponentiation, P the supplied prepared-input point,
// and the -gamma and -delta line coefficients and alpha_g1_beta_g2 are taken
// from the supplied PreparedVerifyingKey as they are: they are not
// recomputed from the vk fields (which are decoded and validated, then
// ignored). A pair whose G1 point is the identity, or whose G2Prepared has
// infinity = true, is left out of the loop. A G2Prepared with fewer line
// coefficients than the loop consumes makes arkworks panic; here it is
// "not valid". A Miller loop output of zero (arkworks: no inverse, an
// error) is "not valid".

// ateLoopCount is ark-bn254's ATE_LOOP_COUNT: 6x+2 in signed binary,
// least significant digit first.
var ateLoopCount = [...]int8{
	0, 0, 0, 1, 0, 1, 0, -1, 0, 0, 1, -1, 0, 0, 1, 0, 0, 1, 1, 0, -1, 0, 0, 1, 0, -1, 0, 0, 0,
	0, 1, 1, 1, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 1, 0, 0, -1, 0, 0, 0, 1, 1, 0,
	-1, 0, 0, 1, 0, 1, 1,
}

// numCoeffs is the number of line coefficients one pair consumes: a
// doubling per digit below the top one, an addition per non-zero digit,
// and the two Frobenius additions.
var numCoeffs = func() int {
	n := 2
	for _, d := range ateLoopCount[:len(ateLoopCount)-1] {
		n++
		if d != 0 {
			n++
		}
	}
	return n
}()

// ellCoeff is one arkworks EllCoeff: (c0, c1, c2) in Fq2.
type ellCoeff [3]bn254.E2

// g2Prepared is arkworks' G2Prepared: line coefficients and the infinity
// flag.
type g2Prepared struct {
	coeffs   []ellCoeff
	infinity bool
}

// preparedVK is the part of arkworks' PreparedVerifyingKey that the check
// uses; the vk fields are validated while decoding and dropped.
type preparedVK struct {
	alphaBeta  bn254.E12
	gammaNegPC g2Prepared
	deltaNegPC g2Prepared
}

// vkFields are the vk fields of a PreparedVerifyingKey, kept for tests.
type vkFields struct {
	alpha              bn254.G1Affine
	beta, gamma, delta bn254.G2Affine
	gammaABC           []bn254.G1Affine
}

// readPVK decodes an uncompressed PreparedVerifyingKey<Bn254>.
func readPVK(r *arkReader, keep *vkFields) (*preparedVK, error) {
	var vk vkFields
	var err error
	if vk.alpha, err = r.g1Uncompressed(); err != nil {
		return nil, err
	}
	if vk.beta, err = r.g2Uncompressed(); err != nil {
		return nil, err
	}
	if vk.gamma, err = r.g2Uncompressed(); err != nil {
		return nil, err
	}
	if vk.delta, err = r.g2Uncompressed(); err != nil {
		return nil, err
	}
	n, err := r.u64()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.b)/64) {
		return nil, errEOF
	}
	for i := uint64(0); i < n; i++ {
		p, err := r.g1Uncompressed()
		if err != nil {
			return nil, err
		}
		if keep != nil {
			vk.gammaABC = append(vk.gammaABC, p)
		}
	}
	if keep != nil {
		*keep = vk
	}
	pvk := new(preparedVK)
	for _, c6 := range []*bn254.E6{&pvk.alphaBeta.C0, &pvk.alphaBeta.C1} {
		for _, c2 := range []*bn254.E2{&c6.B0, &c6.B1, &c6.B2} {
			if *c2, err = r.fq2(); err != nil {
				return nil, err
			}
		}
	}
	if err = r.g2Prepared(&pvk.gammaNegPC); err != nil {
		return nil, err
	}
	if err = r.g2Prepared(&pvk.deltaNegPC); err != nil {
		return nil, err
	}
	return pvk, nil
}

// g2Prepared decodes a G2Prepared: a Vec of (Fq2, Fq2, Fq2) and a bool.
// Only the coefficients the Miller loop can consume are kept; the others
// are still decoded (and must be canonical).
func (r *arkReader) g2Prepared(p *g2Prepared) error {
	n, err := r.u64()
	if err != nil {
		return err
	}
	if n > uint64(len(r.b)/192) {
		return errEOF
	}
	keep := min(int(n), numCoeffs)
	p.coeffs = make([]ellCoeff, keep)
	for i := 0; i < int(n); i++ {
		var c ellCoeff
		for j := range c {
			if c[j], err = r.fq2(); err != nil {
				return err
			}
		}
		if i < keep {
			p.coeffs[i] = c
		}
	}
	p.infinity, err = r.boolean()
	return err
}

// prepareG2 is arkworks' G2Prepared::from(q) for BN254: the line
// coefficients of the Miller loop of q in homogeneous projective
// coordinates (eprint 2013/722, D-type twist), in the order the loop
// consumes them.
func prepareG2(q *bn254.G2Affine) g2Prepared {
	if q.IsInfinity() {
		return g2Prepared{infinity: true}
	}
	coeffs := make([]ellCoeff, 0, numCoeffs)
	r := homG2{x: q.X, y: q.Y}
	r.z.SetOne()
	var negQ bn254.G2Affine
	negQ.Neg(q)
	for i := len(ateLoopCount) - 2; i >= 0; i-- {
		coeffs = append(coeffs, r.double())
		switch ateLoopCount[i] {
		case 1:
			coeffs = append(coeffs, r.add(q))
		case -1:
			coeffs = append(coeffs, r.add(&negQ))
		}
	}
	q1 := mulByChar(q)
	q2 := mulByChar(&q1)
	q2.Y.Neg(&q2.Y)
	coeffs = append(coeffs, r.add(&q1), r.add(&q2))
	return g2Prepared{coeffs: coeffs}
}

// homG2 is a G2 point in homogeneous projective coordinates (X:Y:Z).
type homG2 struct{ x, y, z bn254.E2 }

var twoInv = func() fp.Element {
	var t fp.Element
	t.SetUint64(2)
	return *t.Inverse(&t)
}()

// double sets r = 2r and returns the tangent line's coefficients
// (-h, 3x^2, e - y^2) as arkworks' double_in_place computes them.
func (r *homG2) double() ellCoeff {
	var a, b, c, e, f, g, h, i, j, eSq, t bn254.E2
	a.Mul(&r.x, &r.y).MulByElement(&a, &twoInv)
	b.Square(&r.y)
	c.Square(&r.z)
	t.Double(&c).Add(&t, &c)
	e.Mul(&twistB, &t)
	f.Double(&e).Add(&f, &e)
	g.Add(&b, &f).MulByElement(&g, &twoInv)
	h.Add(&r.y, &r.z).Square(&h)
	t.Add(&b, &c)
	h.Sub(&h, &t)
	i.Sub(&e, &b)
	j.Square(&r.x)
	eSq.Square(&e)

	t.Sub(&b, &f)
	r.x.Mul(&a, &t)
	t.Double(&eSq).Add(&t, &eSq)
	r.y.Square(&g).Sub(&r.y, &t)
	r.z.Mul(&b, &h)

	var out ellCoeff
	out[0].Neg(&h)
	out[1].Double(&j).Add(&out[1], &j)
	out[2] = i
	return out
}

// add sets r = r + q and returns the chord's coefficients
// (lambda, -theta, j) as arkworks' add_in_place computes them.
func (r *homG2) add(q *bn254.G2Affine) ellCoeff {
	var theta, lambda, c, d, e, f, g, h, j, t bn254.E2
	t.Mul(&q.Y, &r.z)
	theta.Sub(&r.y, &t)
	t.Mul(&q.X, &r.z)
	lambda.Sub(&r.x, &t)
	c.Square(&theta)
	d.Square(&lambda)
	e.Mul(&lambda, &d)
	f.Mul(&r.z, &c)
	g.Mul(&r.x, &d)
	t.Double(&g)
	h.Add(&e, &f).Sub(&h, &t)
	r.x.Mul(&lambda, &h)
	t.Sub(&g, &h)
	var ey bn254.E2
	ey.Mul(&e, &r.y)
	r.y.Mul(&theta, &t).Sub(&r.y, &ey)
	r.z.Mul(&r.z, &e)
	var lqy bn254.E2
	j.Mul(&theta, &q.X)
	lqy.Mul(&lambda, &q.Y)
	j.Sub(&j, &lqy)

	var out ellCoeff
	out[0] = lambda
	out[1].Neg(&theta)
	out[2] = j
	return out
}

// Frobenius twist constants of ark-bn254: xi^((p-1)/3) and xi^((p-1)/2),
// xi = 9 + u.
var twistMulByQX, twistMulByQY = fq2Dec(
	"21575463638280843010398324269430826099269044274347216827212613867836435027261",
	"10307601595873709700152284273816112264069230130616436755625194854815875713954",
), fq2Dec(
	"2821565182194536844548159561693502659359617185244120367078079554186484126554",
	"3505843767911556378687030309984248845540243509899259641013678093033130930403",
)

func fq2Dec(c0, c1 string) bn254.E2 {
	var z bn254.E2
	if _, err := z.A0.SetString(c0); err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	if _, err := z.A1.SetString(c1); err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	return z
}

// mulByChar returns the untwist-Frobenius-twist endomorphism of q:
// (conj(x) * xi^((p-1)/3), conj(y) * xi^((p-1)/2)).
func mulByChar(q *bn254.G2Affine) bn254.G2Affine {
	var s bn254.G2Affine
	s.X.Conjugate(&q.X).Mul(&s.X, &twistMulByQX)
	s.Y.Conjugate(&q.Y).Mul(&s.Y, &twistMulByQY)
	return s
}

// millerPair is one pair of the multi-Miller loop.
type millerPair struct {
	p      *bn254.G1Affine
	coeffs []ellCoeff
}

// ell multiplies f by the line (c0*py) + (c1*px) w + c2 v w, arkworks'
// Bn::ell for a D-type twist (mul_by_034).
func ell(f *bn254.E12, c *ellCoeff, p *bn254.G1Affine) {
	var c0, c1 bn254.E2
	c0.MulByElement(&c[0], &p.Y)
	c1.MulByElement(&c[1], &p.X)
	f.MulBy034(&c0, &c1, &c[2])
}

// multiMillerLoop is arkworks' Bn::multi_miller_loop over pairs whose
// coefficient lists are at least numCoeffs long. (x is positive for BN254,
// so no final conjugation.)
func multiMillerLoop(pairs []millerPair) bn254.E12 {
	var f bn254.E12
	f.SetOne()
	k := 0
	next := func() {
		for _, pr := range pairs {
			ell(&f, &pr.coeffs[k], pr.p)
		}
		k++
	}
	for i := len(ateLoopCount) - 1; i >= 1; i-- {
		if i != len(ateLoopCount)-1 {
			f.Square(&f)
		}
		next()
		if d := ateLoopCount[i-1]; d == 1 || d == -1 {
			next()
		}
	}
	next()
	next()
	return f
}

// groth16Input splits the three 4-byte big-endian length-prefixed sections.
func groth16Input(in []byte) (pvk, proof, inputs []byte, err error) {
	secs, err := wire.Sections(in, 3, "dusk: groth16")
	if err != nil {
		return nil, nil, nil, err
	}
	return secs[0], secs[1], secs[2], nil
}

// verifyGroth16Arkworks decodes the three sections and runs the check.
func verifyGroth16Arkworks(in []byte) (bool, error) {
	pvkB, proofB, inputsB, err := groth16Input(in)
	if err != nil {
		return false, err
	}
	pvk, err := readPVK(&arkReader{pvkB}, nil)
	if err != nil {
		return false, err
	}
	pr := arkReader{proofB}
	a, err := pr.g1Compressed()
	if err != nil {
		return false, err
	}
	b, err := pr.g2Compressed()
	if err != nil {
		return false, err
	}
	c, err := pr.g1Compressed()
	if err != nil {
		return false, err
	}
	ir := arkReader{inputsB}
	prep, err := ir.g1Compressed()
	if err != nil {
		return false, err
	}
	bPrep := prepareG2(&b)
	pairs := make([]millerPair, 0, 3)
	for _, pq := range []struct {
		p *bn254.G1Affine
		q *g2Prepared
	}{{&a, &bPrep}, {&prep, &pvk.gammaNegPC}, {&c, &pvk.deltaNegPC}} {
		if pq.p.IsInfinity() || pq.q.infinity {
			continue
		}
		if len(pq.q.coeffs) < numCoeffs {
			return false, nil // arkworks: unwrap on None, a panic
		}
		pairs = append(pairs, millerPair{pq.p, pq.q.coeffs})
	}
	f := multiMillerLoop(pairs)
	if f.IsZero() {
		return false, nil // arkworks: final_exponentiation returns None
	}
	gt := bn254.FinalExponentiation(&f)
	return gt.Equal(&pvk.alphaBeta), nil
}

// groth16Items counts the gamma_abc_g1 points and line coefficients of the
// pvk from its length alone: (len(pvk) - fixed part) / 64, a best effort.
func groth16Items(in []byte) uint64 {
	if len(in) < 4 {
		return 0
	}
	n := uint64(binary.BigEndian.Uint32(in))
	if n > 35866 {
		return (n - 35866) / 64
	}
	return 0
}
