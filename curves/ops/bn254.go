package ops

import (
	"math/big"
	"strconv"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfp "github.com/consensys/gnark-crypto/ecc/bn254/fp"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// BN254 beyond the EVM precompiles: G2 arithmetic (EIP-197 encoding),
// Solana's point compression, NEAR's little-endian alt_bn128 functions and
// on-curve checks.

const (
	bnG1 = bn254.G1Size // 64
	bnG2 = bn254.G2Size // 128

	bnG2MulLen = bnG2 + scalarLen // 160
	bnMSMLen   = bnG1 + scalarLen // 96 (NEAR multiexp item)
	bnSumLen   = 1 + bnG1         // 65 (NEAR sum item)

	solanaLargest  = 0x80 // y > (p-1)/2 (arkworks' "negative" y)
	solanaInfinity = 0x40
)

// bnTwistB is b' = 3/(9+u).
var bnTwistB = func() bn.E2 {
	var nine, b bn.E2
	nine.A0.SetUint64(9)
	nine.A1.SetOne()
	b.Inverse(&nine)
	var three bnfp.Element
	three.SetUint64(3)
	b.MulByElement(&b, &three)
	return b
}()

func decodeBNG2(b []byte, sub bool) (bn.G2Affine, error) {
	q, err := bn254.DecodeG2(b)
	if err == nil && sub {
		err = bn254.SubgroupCheckG2(&q)
	}
	return q, err
}

func runBNG2Add(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bnG2 {
		return dst, malformed("bn254_g2_add", len(in), "256")
	}
	a, err := decodeBNG2(in[:bnG2], false)
	if err != nil {
		return dst, err
	}
	b, err := decodeBNG2(in[bnG2:], false)
	if err != nil {
		return dst, err
	}
	var ja, jb bn.G2Jac
	ja.FromAffine(&a)
	jb.FromAffine(&b)
	ja.AddAssign(&jb)
	var r bn.G2Affine
	r.FromJacobian(&ja)
	return bn254.AppendG2(dst, &r), nil
}

func runBNG2Mul(dst, in []byte) ([]byte, error) {
	if len(in) != bnG2MulLen {
		return dst, malformed("bn254_g2_mul", len(in), "160")
	}
	q, err := decodeBNG2(in[:bnG2], true)
	if err != nil {
		return dst, err
	}
	q.ScalarMultiplication(&q, scalarOf(in[bnG2:]))
	return bn254.AppendG2(dst, &q), nil
}

func runBNG2MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%bnG2MulLen != 0 {
		return dst, malformed("bn254_g2_msm", len(in), "a positive multiple of 160")
	}
	k := len(in) / bnG2MulLen
	Q, s := make([]bn.G2Affine, k), make([]bnfr.Element, k)
	for i := range k {
		e := in[i*bnG2MulLen : (i+1)*bnG2MulLen]
		var err error
		if Q[i], err = decodeBNG2(e[:bnG2], true); err != nil {
			return dst, err
		}
		s[i].SetBytes(e[bnG2:])
	}
	var acc bn.G2Jac
	if k <= msmSmall {
		acc.X.SetOne()
		acc.Y.SetOne()
		var t bn.G2Jac
		for i := range k {
			var b big.Int
			t.FromAffine(&Q[i])
			t.ScalarMultiplication(&t, s[i].BigInt(&b))
			acc.AddAssign(&t)
		}
	} else if _, err := acc.MultiExp(Q, s, msmConfig); err != nil {
		return dst, internal(err)
	}
	var r bn.G2Affine
	r.FromJacobian(&acc)
	return bn254.AppendG2(dst, &r), nil
}

// Solana's compressed form (sol_alt_bn128_compression): x big-endian (G2:
// x.c1 || x.c0), byte 0 carrying 0x80 when y is the larger root and 0x40
// for infinity; all zero bytes is infinity too (and is what compressing
// infinity gives).

func solanaFlags(b []byte) (inf bool, err error) {
	switch b[0] & (solanaLargest | solanaInfinity) {
	case solanaLargest | solanaInfinity:
		return false, core.Errorf(core.CodeMalformed, "ops: bn254 compressed point with both flags")
	case solanaInfinity:
		if b[0] != solanaInfinity || !wire.AllZero(b[1:]) {
			return false, core.Errorf(core.CodeNonCanonical, "ops: bn254 compressed infinity with non-zero bits")
		}
		return true, nil
	}
	return wire.AllZero(b), nil
}

func decodeFpMasked(b []byte) (bnfp.Element, error) {
	var buf [bnfp.Bytes]byte
	copy(buf[:], b[:bnfp.Bytes])
	buf[0] &^= solanaLargest | solanaInfinity
	var x bnfp.Element
	if err := x.SetBytesCanonical(buf[:]); err != nil {
		return x, core.Errorf(core.CodeNonCanonical, "ops: bn254 coordinate >= p")
	}
	return x, nil
}

func runBNG1Decompress(dst, in []byte) ([]byte, error) {
	if len(in) != bn254.G1SizeCompressed {
		return dst, malformed("bn254_g1_decompress", len(in), "32")
	}
	var p bn.G1Affine
	inf, err := solanaFlags(in)
	if err != nil || inf {
		if err != nil {
			return dst, err
		}
		return bn254.AppendG1(dst, &p), nil
	}
	if p.X, err = decodeFpMasked(in); err != nil {
		return dst, err
	}
	var y2, three bnfp.Element
	three.SetUint64(3)
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &three)
	if p.Y.Sqrt(&y2) == nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "ops: bn254 G1 x has no point on the curve")
	}
	if p.Y.LexicographicallyLargest() != (in[0]&solanaLargest != 0) {
		p.Y.Neg(&p.Y)
	}
	return bn254.AppendG1(dst, &p), nil
}

func runBNG2Decompress(dst, in []byte) ([]byte, error) {
	if len(in) != bn254.G2SizeCompressed {
		return dst, malformed("bn254_g2_decompress", len(in), "64")
	}
	var q bn.G2Affine
	inf, err := solanaFlags(in)
	if err != nil || inf {
		if err != nil {
			return dst, err
		}
		return bn254.AppendG2(dst, &q), nil
	}
	if q.X.A1, err = decodeFpMasked(in[:32]); err != nil {
		return dst, err
	}
	if err := q.X.A0.SetBytesCanonical(in[32:]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "ops: bn254 coordinate >= p")
	}
	var y2 bn.E2
	y2.Square(&q.X).Mul(&y2, &q.X).Add(&y2, &bnTwistB)
	if y2.Legendre() == -1 {
		return dst, core.Errorf(core.CodeInvalidPoint, "ops: bn254 G2 x has no point on the twist")
	}
	q.Y.Sqrt(&y2)
	if q.Y.LexicographicallyLargest() != (in[0]&solanaLargest != 0) {
		q.Y.Neg(&q.Y)
	}
	return bn254.AppendG2(dst, &q), nil
}

func runBNG1Compress(dst, in []byte) ([]byte, error) {
	if len(in) != bnG1 {
		return dst, malformed("bn254_g1_compress", len(in), "64")
	}
	p, err := bn254.DecodeG1(in)
	if err != nil {
		return dst, err
	}
	if p.IsInfinity() {
		return append(dst, make([]byte, 32)...), nil
	}
	x := p.X.Bytes()
	if p.Y.LexicographicallyLargest() {
		x[0] |= solanaLargest
	}
	return append(dst, x[:]...), nil
}

func runBNG2Compress(dst, in []byte) ([]byte, error) {
	if len(in) != bnG2 {
		return dst, malformed("bn254_g2_compress", len(in), "128")
	}
	q, err := decodeBNG2(in, false)
	if err != nil {
		return dst, err
	}
	if q.IsInfinity() {
		return append(dst, make([]byte, 64)...), nil
	}
	x1, x0 := q.X.A1.Bytes(), q.X.A0.Bytes()
	if q.Y.LexicographicallyLargest() {
		x1[0] |= solanaLargest
	}
	dst = append(dst, x1[:]...)
	return append(dst, x0[:]...), nil
}

func runBNG1OnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != bnG1 {
		return dst, malformed("bn254_g1_is_on_curve", len(in), "64")
	}
	_, err := bn254.DecodeG1(in)
	if core.CodeOf(err) == core.CodeInvalidPoint {
		return core.Verdict(dst, false), nil
	}
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, true), nil
}

func runBNG2OnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != bnG2 {
		return dst, malformed("bn254_g2_is_on_curve", len(in), "128")
	}
	_, err := bn254.DecodeG2(in)
	if core.CodeOf(err) == core.CodeInvalidPoint {
		return core.Verdict(dst, false), nil
	}
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, true), nil
}

// NEAR's little-endian forms (nearcore alt_bn128.rs): Fq and Fr as 32-byte
// little-endian integers (Fr < r, Fq < p), G1 = x || y, G2 = x.c0 || x.c1
// || y.c0 || y.c1, (0, 0) = infinity; G2 points must be in the subgroup
// (the bn crate's AffineG2::new).

// leToBE reverses each 32-byte word of src into dst; for G2 it also swaps
// c0 and c1 within each Fp2 (NEAR c0 || c1 -> EIP-197 c1 || c0).
func leToBE(dst, src []byte, g2 bool) {
	for w := 0; w < len(src)/32; w++ {
		to := w
		if g2 {
			to = w ^ 1
		}
		for i := range 32 {
			dst[to*32+31-i] = src[w*32+i]
		}
	}
}

func decodeG1LE(b []byte) (bn.G1Affine, error) {
	var be [bnG1]byte
	leToBE(be[:], b[:bnG1], false)
	return bn254.DecodeG1(be[:])
}

func appendG1LE(dst []byte, p *bn.G1Affine) []byte {
	var be, le [bnG1]byte
	copy(be[:], bn254.AppendG1(nil, p))
	leToBE(le[:], be[:], false) // the reversal is its own inverse
	return append(dst, le[:]...)
}

func decodeFrLE(b []byte) (bnfr.Element, error) {
	var be [32]byte
	leToBE(be[:], b[:32], false)
	var s bnfr.Element
	if err := s.SetBytesCanonical(be[:]); err != nil {
		return s, core.Errorf(core.CodeNonCanonical, "ops: bn254 scalar >= r")
	}
	return s, nil
}

// runBNMSMLE is NEAR's alt_bn128_g1_multiexp: k >= 0 items (G1 LE 64 ||
// Fr LE 32); the empty sum is infinity.
func runBNMSMLE(dst, in []byte) ([]byte, error) {
	if len(in)%bnMSMLen != 0 {
		return dst, malformed("bn254_g1_msm_le", len(in), "a multiple of 96")
	}
	k := len(in) / bnMSMLen
	P, s := make([]bn.G1Affine, k), make([]bnfr.Element, k)
	for i := range k {
		e := in[i*bnMSMLen : (i+1)*bnMSMLen]
		var err error
		if P[i], err = decodeG1LE(e); err != nil {
			return dst, err
		}
		if s[i], err = decodeFrLE(e[bnG1:]); err != nil {
			return dst, err
		}
	}
	var acc bn.G1Jac
	acc.X.SetOne()
	acc.Y.SetOne()
	if k <= msmSmall {
		var t bn.G1Jac
		for i := range k {
			var b big.Int
			t.FromAffine(&P[i])
			t.ScalarMultiplication(&t, s[i].BigInt(&b))
			acc.AddAssign(&t)
		}
	} else if _, err := acc.MultiExp(P, s, msmConfig); err != nil {
		return dst, internal(err)
	}
	var r bn.G1Affine
	r.FromJacobian(&acc)
	return appendG1LE(dst, &r), nil
}

// runBNSumLE is NEAR's alt_bn128_g1_sum: k >= 0 items (sign byte 0 = add,
// 1 = subtract || G1 LE 64).
func runBNSumLE(dst, in []byte) ([]byte, error) {
	if len(in)%bnSumLen != 0 {
		return dst, malformed("bn254_g1_sum_le", len(in), "a multiple of 65")
	}
	var acc, t bn.G1Jac
	acc.X.SetOne()
	acc.Y.SetOne()
	for off := 0; off < len(in); off += bnSumLen {
		sign := in[off]
		if sign > 1 {
			return dst, core.Errorf(core.CodeMalformed, "ops: bn254_g1_sum_le: sign byte %d, want 0 or 1", sign)
		}
		p, err := decodeG1LE(in[off+1 : off+bnSumLen])
		if err != nil {
			return dst, err
		}
		t.FromAffine(&p)
		if sign == 1 {
			acc.SubAssign(&t)
		} else {
			acc.AddAssign(&t)
		}
	}
	var r bn.G1Affine
	r.FromJacobian(&acc)
	return appendG1LE(dst, &r), nil
}

// runBNPairingLE is NEAR's alt_bn128_pairing_check: k >= 0 items (G1 LE 64
// || G2 LE 128, G2 in the subgroup); 0x01 if the product is one (k = 0
// included).
func runBNPairingLE(dst, in []byte) ([]byte, error) {
	if len(in)%bnPairLen != 0 {
		return dst, malformed("bn254_pairing_check_le", len(in), "a multiple of 192")
	}
	k := len(in) / bnPairLen
	if k == 0 {
		return core.Verdict(dst, true), nil
	}
	P, Q := make([]bn.G1Affine, k), make([]bn.G2Affine, k)
	var be [bnG2]byte
	for i := range k {
		e := in[i*bnPairLen : (i+1)*bnPairLen]
		var err error
		if P[i], err = decodeG1LE(e); err != nil {
			return dst, err
		}
		leToBE(be[:], e[bnG1:bnPairLen], true)
		if Q[i], err = decodeBNG2(be[:], true); err != nil {
			return dst, err
		}
	}
	ok, err := bn.PairingCheck(P, Q)
	if err != nil {
		return dst, internal(err)
	}
	return core.Verdict(dst, ok), nil
}

// Examples.

func bnG2Pair() []core.Example {
	p, q := bnExG2(1), bnExG2(2)
	return []core.Example{{Name: "2points", Input: bn254.AppendG2(bn254.AppendG2(nil, &p), &q), Worst: true}}
}

func bnG2MulExamples() []core.Example {
	q := bnExG2(1)
	return []core.Example{
		{Name: "254bit", Input: append(bn254.AppendG2(nil, &q), be32(new(big.Int).Mod(exScalar(3), bnfr.Modulus()))...)},
		{Name: "256bit-ones", Input: append(bn254.AppendG2(nil, &q), ones()...), Worst: true},
	}
}

func bnG2MSMExamples() []core.Example {
	var ex []core.Example
	for _, k := range exCounts {
		var in []byte
		for i := range k {
			q := bnExG2(i + 1)
			in = append(bn254.AppendG2(in, &q), be32(exScalar(i+100))...)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
	}
	return ex
}

func bnG1One() []core.Example {
	p := bnExG1(3)
	return []core.Example{{Name: "point", Input: bn254.AppendG1(nil, &p), Worst: true}}
}

func bnG2One() []core.Example {
	q := bnExG2(3)
	return []core.Example{{Name: "point", Input: bn254.AppendG2(nil, &q), Worst: true}}
}

func bnG1Compressed() []core.Example {
	out, _ := runBNG1Compress(nil, bnG1One()[0].Input)
	return []core.Example{{Name: "point", Input: out, Worst: true}}
}

func bnG2Compressed() []core.Example {
	out, _ := runBNG2Compress(nil, bnG2One()[0].Input)
	return []core.Example{{Name: "point", Input: out, Worst: true}}
}

func bnMSMLEExamples() []core.Example {
	var ex []core.Example
	r := bnfr.Modulus()
	for _, k := range exCounts {
		var in []byte
		for i := range k {
			p := bnExG1(i + 1)
			in = appendG1LE(in, &p)
			var le [32]byte
			leToBE(le[:], be32(new(big.Int).Mod(exScalar(i+100), r)), false)
			in = append(in, le[:]...)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
	}
	return ex
}

func bnSumLEExamples() []core.Example {
	var ex []core.Example
	for _, k := range exCounts {
		var in []byte
		for i := range k {
			p := bnExG1(i + 1)
			in = appendG1LE(append(in, byte(i&1)), &p)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
	}
	return ex
}

func bnPairingLEExamples() []core.Example {
	var ex []core.Example
	for _, k := range []int{1, 2, 4, 8} {
		be := bnPairsInput(k)
		in := make([]byte, len(be))
		for i := 0; i < k; i++ {
			e := be[i*bnPairLen:]
			leToBE(in[i*bnPairLen:], e[:bnG1], false)
			leToBE(in[i*bnPairLen+bnG1:], e[bnG1:bnPairLen], true)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "pairs", Input: in, Worst: true})
	}
	return ex
}

const (
	bnG1Doc   = "64-byte EIP-196 G1 point (x || y big-endian; zero bytes = infinity)"
	bnG2Doc   = "128-byte EIP-197 G2 point (x.c1 || x.c0 || y.c1 || y.c0 big-endian; zero bytes = infinity)"
	bnG1CDoc  = "32-byte Solana compressed G1 point (x big-endian, byte 0 flags: 0x80 y > (p-1)/2, 0x40 infinity; zero bytes = infinity)"
	bnG2CDoc  = "64-byte Solana compressed G2 point (x.c1 || x.c0 big-endian, byte 0 flags: 0x80 y largest, 0x40 infinity; zero bytes = infinity)"
	bnG1LEDoc = "64-byte NEAR G1 point (x || y, 32-byte little-endian each < p; (0, 0) = infinity)"
)

// BN254 functions.
var (
	BN254G2Add = &core.Func{
		Name: "bn254_g2_add", Family: "curve",
		Input: "two " + bnG2Doc + "s, 256 bytes; on the twist, subgroup not checked", Output: "128-byte G2 point P + Q",
		FixedOut: bnG2, Examples: bnG2Pair, Run: runBNG2Add,
	}
	BN254G2Mul = &core.Func{
		Name: "bn254_g2_mul", Family: "curve",
		Input: bnG2Doc + " in G2 || 32-byte big-endian scalar (any 256-bit value, reduced mod r), 160 bytes", Output: "128-byte G2 point s·Q",
		FixedOut: bnG2, Examples: bnG2MulExamples, Run: runBNG2Mul,
	}
	BN254G2MSM = &core.Func{
		Name: "bn254_g2_msm", Family: "curve",
		Input: "k >= 1 pairs (" + bnG2Doc + " in G2 || 32-byte big-endian scalar), 160·k bytes", Output: "128-byte G2 point Σ s_i·Q_i",
		FixedOut: bnG2, Items: msmItems(bnG2MulLen), Examples: bnG2MSMExamples, Run: runBNG2MSM,
	}
	BN254G1Compress = &core.Func{
		Name: "bn254_g1_compress", Family: "curve",
		Input: "one " + bnG1Doc + " on the curve", Output: "the " + bnG1CDoc + " (Solana's sol_alt_bn128_compression G1_COMPRESS)",
		FixedOut: 32, Examples: bnG1One, Run: runBNG1Compress,
	}
	BN254G1Decompress = &core.Func{
		Name: "bn254_g1_decompress", Family: "curve",
		Input: "one " + bnG1CDoc, Output: "the " + bnG1Doc + " (Solana's G1_DECOMPRESS)",
		FixedOut: bnG1, Examples: bnG1Compressed, Run: runBNG1Decompress,
	}
	BN254G2Compress = &core.Func{
		Name: "bn254_g2_compress", Family: "curve",
		Input: "one " + bnG2Doc + " on the twist (subgroup not checked, as Solana)", Output: "the " + bnG2CDoc + " (Solana's G2_COMPRESS)",
		FixedOut: 64, Examples: bnG2One, Run: runBNG2Compress,
	}
	BN254G2Decompress = &core.Func{
		Name: "bn254_g2_decompress", Family: "curve",
		Input: "one " + bnG2CDoc + " (subgroup not checked, as Solana)", Output: "the " + bnG2Doc + " (Solana's G2_DECOMPRESS)",
		FixedOut: bnG2, Examples: bnG2Compressed, Run: runBNG2Decompress,
	}
	BN254G1IsOnCurve = &core.Func{
		Name: "bn254_g1_is_on_curve", Family: "curve",
		Input: "one " + bnG1Doc + " (coordinates >= p: non_canonical)", Output: "one byte: 0x01 if on the curve (infinity included), else 0x00",
		FixedOut: 1, Examples: bnG1One, Run: runBNG1OnCurve,
	}
	BN254G2IsOnCurve = &core.Func{
		Name: "bn254_g2_is_on_curve", Family: "curve",
		Input: "one " + bnG2Doc + " (coordinates >= p: non_canonical)", Output: "one byte: 0x01 if on the twist (infinity included), else 0x00",
		FixedOut: 1, Examples: bnG2One, Run: runBNG2OnCurve,
	}
	BN254G1MSMLE = &core.Func{
		Name: "bn254_g1_msm_le", Family: "curve",
		Input: "k >= 0 items (" + bnG1LEDoc + " || 32-byte little-endian scalar < r), 96·k bytes (NEAR alt_bn128_g1_multiexp)", Output: "64-byte NEAR G1 point Σ s_i·P_i (infinity for k = 0)",
		FixedOut: bnG1, Items: msmItems(bnMSMLen), Examples: bnMSMLEExamples, Run: runBNMSMLE,
	}
	BN254G1SumLE = &core.Func{
		Name: "bn254_g1_sum_le", Family: "curve",
		Input: "k >= 0 items (sign byte: 0 add, 1 subtract || " + bnG1LEDoc + "), 65·k bytes (NEAR alt_bn128_g1_sum)", Output: "64-byte NEAR G1 point Σ ±P_i",
		FixedOut: bnG1, Items: itemsOf(bnSumLen), Examples: bnSumLEExamples, Run: runBNSumLE,
	}
	BN254PairingCheckLE = &core.Func{
		Name: "bn254_pairing_check_le", Family: "curve",
		Input: "k >= 0 items (" + bnG1LEDoc + " || 128-byte NEAR G2 point x.c0 || x.c1 || y.c0 || y.c1 little-endian, in G2), 192·k bytes (NEAR alt_bn128_pairing_check)", Output: "one byte: 0x01 if Π e(P_i, Q_i) = 1 (also for k = 0), else 0x00",
		FixedOut: 1, Items: itemsOf(bnPairLen), Examples: bnPairingLEExamples, Run: runBNPairingLE,
	}
)
