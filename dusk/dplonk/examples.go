package dplonk

import (
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"strconv"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// Examples returns valid inputs of plonk_bls12381_dusk_verify (PlonkVersion
// V3), made without dusk-plonk's prover, for benchmarks, gas calibration
// and fuzz seeds: a verifier for a circuit of 8 gates with one public input
// and one of 128 gates with 64. Each is accepted (0x01) by the whole
// verification path, so it costs what a real proof of its shape costs.
//
// How, without a prover: the example's opening key is made with a known
// secret x (x_h = x·h), which is exactly the trapdoor a real ceremony
// destroys. Every commitment, evaluation and public input is an arbitrary
// well-formed value; the verifier's final check is
//
//	e(−(W_z + u·W_zω), x·h) · e(R + z·W_z + u·z·ω·W_zω, h) = 1,
//	i.e. (x − z)·W_z + u·(x − z·ω)·W_zω = R = R_0 + u·R_1,
//
// where R (the rest of the verifier's multi-scalar multiplication) is
// affine in u and its parts R_0, R_1 depend only on challenges drawn
// before the openings W_z, W_zω enter the transcript. So W_z =
// R_0/(x − z) and W_zω = R_1/(x − z·ω) satisfy the check whatever u the
// transcript then yields. Deterministic: scalars are hashes of labels.
func Examples() []core.Example {
	var ex []core.Example
	for _, s := range []struct{ logSize, nPI int }{{3, 1}, {7, 64}} {
		in, err := trapdoorInput(s.logSize, s.nPI)
		if err != nil {
			panic("dplonk: internal error: example: " + err.Error())
		}
		ex = append(ex, core.Example{Name: "trapdoor-v3/" + strconv.Itoa(s.nPI) + "pi", Input: in, Worst: true})
	}
	return ex
}

// exampleScalar is a deterministic scalar for an example label.
func exampleScalar(label string, i int) fr.Element {
	h := sha256.Sum256([]byte("hostcrypto dplonk example " + label + " " + strconv.Itoa(i)))
	var e fr.Element
	e.SetBigInt(new(big.Int).SetBytes(h[:]))
	return e
}

func trapdoorInput(logSize, nPI int) ([]byte, error) {
	_, _, g1, g2 := bls12381.Generators()
	tag := strconv.Itoa(logSize)
	g1At := func(k fr.Element) bls12381.G1Affine {
		var p bls12381.G1Affine
		var b big.Int
		p.ScalarMultiplication(&g1, k.BigInt(&b))
		return p
	}
	x := exampleScalar("x "+tag, 0)
	var xh bls12381.G2Affine
	var xb big.Int
	xh.ScalarMultiplication(&g2, x.BigInt(&xb))

	size := uint64(1) << logSize
	label := []byte("hostcrypto trapdoor example")
	var vk []byte
	vk = binary.LittleEndian.AppendUint64(vk, size)
	for i := 0; i < 15; i++ { // q_m .. q_variable_group_add, s_sigma_1..4
		pt := g1At(exampleScalar("vk "+tag, i))
		b := pt.Bytes()
		vk = append(vk, b[:]...)
	}
	vk = append(vk, make([]byte, verifierKeySize-len(vk))...)
	gb, hb, xhb := g1.Bytes(), g2.Bytes(), xh.Bytes()
	ok := append(append(append([]byte(nil), gb[:]...), hb[:]...), xhb[:]...)
	var vd []byte
	for _, v := range []uint64{uint64(len(label)), uint64(len(vk)), uint64(len(ok)), uint64(nPI), size, size} {
		vd = binary.BigEndian.AppendUint64(vd, v)
	}
	vd = append(append(append(vd, label...), vk...), ok...)
	for i := 0; i < nPI; i++ {
		vd = binary.BigEndian.AppendUint64(vd, uint64(i))
	}

	// The proof: nine commitments, two openings (placeholders, replaced
	// below) and 15 evaluations.
	prb := make([]byte, 0, ProofSize)
	for i := 0; i < 11; i++ {
		pt := g1At(exampleScalar("proof "+tag, i))
		b := pt.Bytes()
		prb = append(prb, b[:]...)
	}
	for i := 0; i < 15; i++ {
		var b [scalarSize]byte
		e := exampleScalar("eval "+tag, i)
		putScalar(&b, &e)
		prb = append(prb, b[:]...)
	}
	pis := make([]fr.Element, nPI)
	var pisRaw []byte
	for i := range pis {
		pis[i] = exampleScalar("pi "+tag, i)
		var b [scalarSize]byte
		putScalar(&b, &pis[i])
		pisRaw = append(pisRaw, b[:]...)
	}

	p, err := parseVerifier(vd)
	if err != nil {
		return nil, err
	}
	pr, err := parseProof(prb)
	if err != nil {
		return nil, err
	}
	ch := p.challenges(pr, pisRaw, V3)
	// R_0 and R_1: the right point without the opening terms, at u = 0
	// and u = 1.
	noOpen := *pr
	noOpen.wZ, noOpen.wZW = bls12381.G1Affine{}, bls12381.G1Affine{}
	ch.u.SetZero()
	_, r0 := p.points(&noOpen, &ch, pis, V3)
	ch.u.SetOne()
	_, r01 := p.points(&noOpen, &ch, pis, V3)
	var r1 bls12381.G1Affine
	r1.Sub(&r01, &r0)

	var d, zw fr.Element
	var bi big.Int
	d.Sub(&x, &ch.z).Inverse(&d)
	var wz, wzw bls12381.G1Affine
	wz.ScalarMultiplication(&r0, d.BigInt(&bi))
	zw.Mul(&ch.z, &p.dom.gen)
	d.Sub(&x, &zw).Inverse(&d)
	wzw.ScalarMultiplication(&r1, d.BigInt(&bi))
	wzb, wzwb := wz.Bytes(), wzw.Bytes()
	copy(prb[oWZ:], wzb[:])
	copy(prb[oWZW:], wzwb[:])

	in := []byte{V3}
	in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
	in = append(in, vd...)
	in = binary.BigEndian.AppendUint32(in, uint32(len(prb)))
	in = append(in, prb...)
	in = append(in, pisRaw...)
	// The example must verify; anything else is a bug here.
	if out, err := VerifyDusk(nil, in[1:], V3); err != nil || len(out) != 1 || out[0] != 1 {
		return nil, core.Errorf(core.CodeInternal, "dplonk: trapdoor example does not verify (%x, %v)", out, err)
	}
	return in, nil
}
