package ops

import (
	"strconv"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// GT and its parts. An Fp12 element is written as gnark-crypto's
// E12.Bytes: Fp12 = Fp6[w]/(w² − v), Fp6 = Fp2[v]/(v³ − ξ), Fp2 = Fp[u]/(u² + 1)
// (ξ = 1+u for BLS12-381, 9+u for BN254), z = C0 + C1·w, Ci = B0 + B1·v +
// B2·v², Bj = A0 + A1·u; the twelve Fp coefficients big-endian (48 bytes
// BLS12-381, 32 bytes BN254) from the highest to the lowest:
// C1.B2.A1 ‖ C1.B2.A0 ‖ C1.B1.A1 ‖ C1.B1.A0 ‖ C1.B0.A1 ‖ C1.B0.A0 ‖
// C0.B2.A1 ‖ ... ‖ C0.B0.A0. (arkworks, used by Sui and Aptos, writes the
// same coefficients little-endian from C0.B0.A0 up: the reverse byte
// string.) Coefficients must be < p (non_canonical). Elements given to
// gt_mul, gt_equal and final_exp are not checked to be in GT (a product
// of Miller-loop outputs is a valid input); final_exp rejects 0.

const (
	blsGTLen  = 576
	bnGTLen   = 384
	bnPairLen = bn254.G1Size + bn254.G2Size // 192
)

func decodeBLSGT(name string, b []byte) (bls.GT, error) {
	var z bls.GT
	if err := z.SetBytes(b); err != nil {
		return z, core.Errorf(core.CodeNonCanonical, "ops: %s: Fp12 coefficient >= p", name)
	}
	return z, nil
}

func decodeBNGT(name string, b []byte) (bn.GT, error) {
	var z bn.GT
	if err := z.SetBytes(b); err != nil {
		return z, core.Errorf(core.CodeNonCanonical, "ops: %s: Fp12 coefficient >= p", name)
	}
	return z, nil
}

// blsPairs decodes k >= 1 pairs (Zcash uncompressed G1 || G2), each
// subgroup-checked.
func blsPairs(name string, in []byte) ([]bls.G1Affine, []bls.G2Affine, error) {
	if len(in) == 0 || len(in)%blsPairLen != 0 {
		return nil, nil, malformed(name, len(in), "a positive multiple of 288")
	}
	k := len(in) / blsPairLen
	P, Q := make([]bls.G1Affine, k), make([]bls.G2Affine, k)
	for i := range k {
		e := in[i*blsPairLen : (i+1)*blsPairLen]
		var err error
		if P[i], err = decodeG1(e[:g1U], true); err != nil {
			return nil, nil, err
		}
		if Q[i], err = decodeG2(e[g1U:], true); err != nil {
			return nil, nil, err
		}
	}
	return P, Q, nil
}

// bnPairs decodes k >= 1 EIP-197 pairs (G1 64 || G2 128), G2 subgroup-checked.
func bnPairs(name string, in []byte) ([]bn.G1Affine, []bn.G2Affine, error) {
	if len(in) == 0 || len(in)%bnPairLen != 0 {
		return nil, nil, malformed(name, len(in), "a positive multiple of 192")
	}
	k := len(in) / bnPairLen
	P, Q := make([]bn.G1Affine, k), make([]bn.G2Affine, k)
	for i := range k {
		e := in[i*bnPairLen : (i+1)*bnPairLen]
		var err error
		if P[i], err = bn254.DecodeG1(e[:bn254.G1Size]); err != nil {
			return nil, nil, err
		}
		if Q[i], err = bn254.DecodeG2(e[bn254.G1Size:]); err != nil {
			return nil, nil, err
		}
		if err = bn254.SubgroupCheckG2(&Q[i]); err != nil {
			return nil, nil, err
		}
	}
	return P, Q, nil
}

func internal(err error) error { return core.Errorf(core.CodeInternal, "ops: internal error: %v", err) }

func runBLSPairing(dst, in []byte) ([]byte, error) {
	if len(in) != blsPairLen {
		return dst, malformed("bls12381_pairing", len(in), "288")
	}
	P, Q, err := blsPairs("bls12381_pairing", in)
	if err != nil {
		return dst, err
	}
	z, err := bls.Pair(P, Q)
	if err != nil {
		return dst, internal(err)
	}
	b := z.Bytes()
	return append(dst, b[:]...), nil
}

func runBLSMillerLoop(dst, in []byte) ([]byte, error) {
	P, Q, err := blsPairs("bls12381_miller_loop", in)
	if err != nil {
		return dst, err
	}
	z, err := bls.MillerLoop(P, Q)
	if err != nil {
		return dst, internal(err)
	}
	b := z.Bytes()
	return append(dst, b[:]...), nil
}

func runBLSFinalExp(dst, in []byte) ([]byte, error) {
	if len(in) != blsGTLen {
		return dst, malformed("bls12381_final_exp", len(in), "576")
	}
	z, err := decodeBLSGT("bls12381_final_exp", in)
	if err != nil {
		return dst, err
	}
	if z.IsZero() {
		return dst, core.Errorf(core.CodeInvalidPoint, "ops: bls12381_final_exp: 0 is not in Fp12*")
	}
	r := bls.FinalExponentiation(&z)
	b := r.Bytes()
	return append(dst, b[:]...), nil
}

func runBLSGTMul(dst, in []byte) ([]byte, error) {
	if len(in) != 2*blsGTLen {
		return dst, malformed("bls12381_gt_mul", len(in), "1152")
	}
	a, err := decodeBLSGT("bls12381_gt_mul", in[:blsGTLen])
	if err != nil {
		return dst, err
	}
	c, err := decodeBLSGT("bls12381_gt_mul", in[blsGTLen:])
	if err != nil {
		return dst, err
	}
	a.Mul(&a, &c)
	b := a.Bytes()
	return append(dst, b[:]...), nil
}

func runBLSGTEqual(dst, in []byte) ([]byte, error) {
	if len(in) != 2*blsGTLen {
		return dst, malformed("bls12381_gt_equal", len(in), "1152")
	}
	a, err := decodeBLSGT("bls12381_gt_equal", in[:blsGTLen])
	if err != nil {
		return dst, err
	}
	c, err := decodeBLSGT("bls12381_gt_equal", in[blsGTLen:])
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, a.Equal(&c)), nil
}

func runBNPairing(dst, in []byte) ([]byte, error) {
	if len(in) != bnPairLen {
		return dst, malformed("bn254_pairing", len(in), "192")
	}
	P, Q, err := bnPairs("bn254_pairing", in)
	if err != nil {
		return dst, err
	}
	z, err := bn.Pair(P, Q)
	if err != nil {
		return dst, internal(err)
	}
	b := z.Bytes()
	return append(dst, b[:]...), nil
}

func runBNMillerLoop(dst, in []byte) ([]byte, error) {
	P, Q, err := bnPairs("bn254_miller_loop", in)
	if err != nil {
		return dst, err
	}
	z, err := bn.MillerLoop(P, Q)
	if err != nil {
		return dst, internal(err)
	}
	b := z.Bytes()
	return append(dst, b[:]...), nil
}

func runBNFinalExp(dst, in []byte) ([]byte, error) {
	if len(in) != bnGTLen {
		return dst, malformed("bn254_final_exp", len(in), "384")
	}
	z, err := decodeBNGT("bn254_final_exp", in)
	if err != nil {
		return dst, err
	}
	if z.IsZero() {
		return dst, core.Errorf(core.CodeInvalidPoint, "ops: bn254_final_exp: 0 is not in Fp12*")
	}
	r := bn.FinalExponentiation(&z)
	b := r.Bytes()
	return append(dst, b[:]...), nil
}

func runBNGTMul(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bnGTLen {
		return dst, malformed("bn254_gt_mul", len(in), "768")
	}
	a, err := decodeBNGT("bn254_gt_mul", in[:bnGTLen])
	if err != nil {
		return dst, err
	}
	c, err := decodeBNGT("bn254_gt_mul", in[bnGTLen:])
	if err != nil {
		return dst, err
	}
	a.Mul(&a, &c)
	b := a.Bytes()
	return append(dst, b[:]...), nil
}

func runBNGTEqual(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bnGTLen {
		return dst, malformed("bn254_gt_equal", len(in), "768")
	}
	a, err := decodeBNGT("bn254_gt_equal", in[:bnGTLen])
	if err != nil {
		return dst, err
	}
	c, err := decodeBNGT("bn254_gt_equal", in[bnGTLen:])
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, a.Equal(&c)), nil
}

// Examples.

func bnExG1(i int) bn.G1Affine {
	_, _, g, _ := bn.Generators()
	var p bn.G1Affine
	p.ScalarMultiplication(&g, exScalar(i))
	return p
}

func bnExG2(i int) bn.G2Affine {
	_, _, _, g := bn.Generators()
	var q bn.G2Affine
	q.ScalarMultiplication(&g, exScalar(i))
	return q
}

func blsPairsInput(k int) []byte {
	var in []byte
	for i := range k {
		p, q := exG1(exScalar(2*i+1)), exG2(exScalar(2*i+2))
		in = bls12381.AppendG2Uncompressed(bls12381.AppendG1Uncompressed(in, &p), &q)
	}
	return in
}

func bnPairsInput(k int) []byte {
	var in []byte
	for i := range k {
		p, q := bnExG1(2*i+1), bnExG2(2*i+2)
		in = bn254.AppendG2(bn254.AppendG1(in, &p), &q)
	}
	return in
}

func blsPairingExamples() []core.Example {
	return []core.Example{{Name: "1pair", Input: blsPairsInput(1), Worst: true}}
}

func bnPairingExamples() []core.Example {
	return []core.Example{{Name: "1pair", Input: bnPairsInput(1), Worst: true}}
}

func millerExamples(in func(int) []byte) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, k := range []int{1, 2, 4, 8} {
			ex = append(ex, core.Example{Name: strconv.Itoa(k) + "pairs", Input: in(k), Worst: true})
		}
		return ex
	}
}

func blsGTExample(i int) []byte {
	z, _ := bls.MillerLoop([]bls.G1Affine{exG1(exScalar(i))}, []bls.G2Affine{exG2(exScalar(i + 1))})
	b := z.Bytes()
	return b[:]
}

func bnGTExample(i int) []byte {
	z, _ := bn.MillerLoop([]bn.G1Affine{bnExG1(i)}, []bn.G2Affine{bnExG2(i + 1)})
	b := z.Bytes()
	return b[:]
}

func gtExamples(el func(int) []byte, n int) func() []core.Example {
	return func() []core.Example {
		var in []byte
		for i := range n {
			in = append(in, el(i+1)...)
		}
		return []core.Example{{Name: strconv.Itoa(n) + "elements", Input: in, Worst: true}}
	}
}

const (
	blsGTDoc = "576-byte Fp12 element (gnark-crypto E12.Bytes order: C1.B2.A1 first ... C0.B0.A0 last, 48-byte big-endian coefficients < p)"
	bnGTDoc  = "384-byte Fp12 element (gnark-crypto E12.Bytes order: C1.B2.A1 first ... C0.B0.A0 last, 32-byte big-endian coefficients < p)"
	blsPair  = "(" + zG1U + " in G1 || " + zG2U + " in G2)"
	bnPair   = "(64-byte EIP-196 G1 point || 128-byte EIP-197 G2 point in G2)"
)

// GT functions of both curves.
var (
	BLS12381Pairing = &core.Func{
		Name: "bls12381_pairing", Family: "curve",
		Input: "one pair " + blsPair + ", 288 bytes", Output: "e(P, Q) as a " + blsGTDoc, FixedOut: blsGTLen,
		Examples: blsPairingExamples, Run: runBLSPairing,
	}
	BLS12381MillerLoop = &core.Func{
		Name: "bls12381_miller_loop", Family: "curve",
		Input: "k >= 1 pairs " + blsPair + ", 288·k bytes", Output: "Π f(P_i, Q_i), the multi-Miller loop before the final exponentiation, as a " + blsGTDoc,
		FixedOut: blsGTLen, Items: itemsOf(blsPairLen), Examples: millerExamples(blsPairsInput), Run: runBLSMillerLoop,
	}
	BLS12381FinalExp = &core.Func{
		Name: "bls12381_final_exp", Family: "curve",
		Input: "one non-zero " + blsGTDoc, Output: "z^((p¹²−1)/r), a " + blsGTDoc, FixedOut: blsGTLen,
		Examples: gtExamples(blsGTExample, 1), Run: runBLSFinalExp,
	}
	BLS12381GTMul = &core.Func{
		Name: "bls12381_gt_mul", Family: "curve",
		Input: "two " + blsGTDoc + "s", Output: "their product, a " + blsGTDoc, FixedOut: blsGTLen,
		Examples: gtExamples(blsGTExample, 2), Run: runBLSGTMul,
	}
	BLS12381GTEqual = &core.Func{
		Name: "bls12381_gt_equal", Family: "curve",
		Input: "two " + blsGTDoc + "s", Output: "one byte: 0x01 if equal, else 0x00", FixedOut: 1,
		Examples: gtExamples(blsGTExample, 2), Run: runBLSGTEqual,
	}
	BN254Pairing = &core.Func{
		Name: "bn254_pairing", Family: "curve",
		Input: "one pair " + bnPair + ", 192 bytes", Output: "e(P, Q) as a " + bnGTDoc, FixedOut: bnGTLen,
		Examples: bnPairingExamples, Run: runBNPairing,
	}
	BN254MillerLoop = &core.Func{
		Name: "bn254_miller_loop", Family: "curve",
		Input: "k >= 1 pairs " + bnPair + ", 192·k bytes", Output: "Π f(P_i, Q_i), the multi-Miller loop before the final exponentiation, as a " + bnGTDoc,
		FixedOut: bnGTLen, Items: itemsOf(bnPairLen), Examples: millerExamples(bnPairsInput), Run: runBNMillerLoop,
	}
	BN254FinalExp = &core.Func{
		Name: "bn254_final_exp", Family: "curve",
		Input: "one non-zero " + bnGTDoc, Output: "z^((p¹²−1)/r), a " + bnGTDoc, FixedOut: bnGTLen,
		Examples: gtExamples(bnGTExample, 1), Run: runBNFinalExp,
	}
	BN254GTMul = &core.Func{
		Name: "bn254_gt_mul", Family: "curve",
		Input: "two " + bnGTDoc + "s", Output: "their product, a " + bnGTDoc, FixedOut: bnGTLen,
		Examples: gtExamples(bnGTExample, 2), Run: runBNGTMul,
	}
	BN254GTEqual = &core.Func{
		Name: "bn254_gt_equal", Family: "curve",
		Input: "two " + bnGTDoc + "s", Output: "one byte: 0x01 if equal, else 0x00", FixedOut: 1,
		Examples: gtExamples(bnGTExample, 2), Run: runBNGTEqual,
	}
)
