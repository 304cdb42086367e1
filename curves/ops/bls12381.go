package ops

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

// Element sizes of the Zcash encodings and of the composite items.
const (
	g1C = bls12381.G1SizeCompressed   // 48
	g1U = bls12381.G1SizeUncompressed // 96
	g2C = bls12381.G2SizeCompressed   // 96
	g2U = bls12381.G2SizeUncompressed // 192

	scalarLen  = 32
	g1MSMLen   = g1U + scalarLen // 128
	g2MSMLen   = g2U + scalarLen // 224
	blsPairLen = g1U + g2U       // 288
)

func malformed(name string, got int, want string) error {
	return core.Errorf(core.CodeMalformed, "ops: %s input is %d bytes, want %s", name, got, want)
}

// decodeG1 decodes a Zcash G1 point of exactly len(b) bytes (48 or 96),
// on the curve, and when sub is set checks its subgroup.
func decodeG1(b []byte, sub bool) (bls.G1Affine, error) {
	p, err := bls12381.DecodeG1Zcash(b)
	if err == nil && sub {
		err = bls12381.SubgroupCheckG1(&p)
	}
	return p, err
}

func decodeG2(b []byte, sub bool) (bls.G2Affine, error) {
	p, err := bls12381.DecodeG2Zcash(b)
	if err == nil && sub {
		err = bls12381.SubgroupCheckG2(&p)
	}
	return p, err
}

// scalarOf reads a 32-byte big-endian scalar, any 256-bit value.
func scalarOf(b []byte) *big.Int { return new(big.Int).SetBytes(b[:scalarLen]) }

// runAggregateG1 is CosmWasm's bls12_381_aggregate_g1: n >= 1 compressed
// points, each decoded with on-curve and subgroup checks (arkworks'
// deserialize_compressed), infinity allowed, summed.
func runAggregateG1(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%g1C != 0 {
		return dst, malformed("bls12381_aggregate_g1", len(in), "a positive multiple of 48")
	}
	var acc, t bls.G1Jac
	acc.X.SetOne()
	acc.Y.SetOne() // Z = 0: infinity
	for off := 0; off < len(in); off += g1C {
		p, err := decodeG1(in[off:off+g1C], true)
		if err != nil {
			return dst, err
		}
		t.FromAffine(&p)
		acc.AddAssign(&t)
	}
	var r bls.G1Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG1Compressed(dst, &r), nil
}

// runAggregateG2 is CosmWasm's bls12_381_aggregate_g2.
func runAggregateG2(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%g2C != 0 {
		return dst, malformed("bls12381_aggregate_g2", len(in), "a positive multiple of 96")
	}
	var acc, t bls.G2Jac
	acc.X.SetOne()
	acc.Y.SetOne()
	for off := 0; off < len(in); off += g2C {
		p, err := decodeG2(in[off:off+g2C], true)
		if err != nil {
			return dst, err
		}
		t.FromAffine(&p)
		acc.AddAssign(&t)
	}
	var r bls.G2Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG2Compressed(dst, &r), nil
}

// addG1 decodes two uncompressed points (no subgroup check) and returns
// a + b, or a - b when sub is set.
func addG1(name string, dst, in []byte, sub bool) ([]byte, error) {
	if len(in) != 2*g1U {
		return dst, malformed(name, len(in), "192")
	}
	a, err := decodeG1(in[:g1U], false)
	if err != nil {
		return dst, err
	}
	b, err := decodeG1(in[g1U:], false)
	if err != nil {
		return dst, err
	}
	var ja, jb bls.G1Jac
	ja.FromAffine(&a)
	jb.FromAffine(&b)
	if sub {
		ja.SubAssign(&jb)
	} else {
		ja.AddAssign(&jb)
	}
	var r bls.G1Affine
	r.FromJacobian(&ja)
	return bls12381.AppendG1Uncompressed(dst, &r), nil
}

func addG2(name string, dst, in []byte, sub bool) ([]byte, error) {
	if len(in) != 2*g2U {
		return dst, malformed(name, len(in), "384")
	}
	a, err := decodeG2(in[:g2U], false)
	if err != nil {
		return dst, err
	}
	b, err := decodeG2(in[g2U:], false)
	if err != nil {
		return dst, err
	}
	var ja, jb bls.G2Jac
	ja.FromAffine(&a)
	jb.FromAffine(&b)
	if sub {
		ja.SubAssign(&jb)
	} else {
		ja.AddAssign(&jb)
	}
	var r bls.G2Affine
	r.FromJacobian(&ja)
	return bls12381.AppendG2Uncompressed(dst, &r), nil
}

func runG1Add(dst, in []byte) ([]byte, error) { return addG1("bls12381_g1_add_zcash", dst, in, false) }
func runG1Sub(dst, in []byte) ([]byte, error) { return addG1("bls12381_g1_sub_zcash", dst, in, true) }
func runG2Add(dst, in []byte) ([]byte, error) { return addG2("bls12381_g2_add_zcash", dst, in, false) }
func runG2Sub(dst, in []byte) ([]byte, error) { return addG2("bls12381_g2_sub_zcash", dst, in, true) }

func runG1Neg(dst, in []byte) ([]byte, error) {
	if len(in) != g1U {
		return dst, malformed("bls12381_g1_neg_zcash", len(in), "96")
	}
	p, err := decodeG1(in, false)
	if err != nil {
		return dst, err
	}
	p.Neg(&p) // (0, 0) stays (0, 0)
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runG2Neg(dst, in []byte) ([]byte, error) {
	if len(in) != g2U {
		return dst, malformed("bls12381_g2_neg_zcash", len(in), "192")
	}
	p, err := decodeG2(in, false)
	if err != nil {
		return dst, err
	}
	p.Neg(&p)
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}

// runG1Mul: point in G1 || 32-byte big-endian scalar (reduced mod r).
func runG1Mul(dst, in []byte) ([]byte, error) {
	if len(in) != g1MSMLen {
		return dst, malformed("bls12381_g1_mul_zcash", len(in), "128")
	}
	p, err := decodeG1(in[:g1U], true)
	if err != nil {
		return dst, err
	}
	p.ScalarMultiplication(&p, scalarOf(in[g1U:]))
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runG2Mul(dst, in []byte) ([]byte, error) {
	if len(in) != g2MSMLen {
		return dst, malformed("bls12381_g2_mul_zcash", len(in), "224")
	}
	p, err := decodeG2(in[:g2U], true)
	if err != nil {
		return dst, err
	}
	p.ScalarMultiplication(&p, scalarOf(in[g2U:]))
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}

// msmSmall is the point count up to which an MSM sums GLV scalar
// multiplications: gnark-crypto's MultiExp has a fixed cost of about 200 µs.
const msmSmall = 4

var msmConfig = ecc.MultiExpConfig{}

func runG1MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%g1MSMLen != 0 {
		return dst, malformed("bls12381_g1_msm_zcash", len(in), "a positive multiple of 128")
	}
	k := len(in) / g1MSMLen
	P, s := make([]bls.G1Affine, k), make([]blsfr.Element, k)
	for i := range k {
		e := in[i*g1MSMLen : (i+1)*g1MSMLen]
		var err error
		if P[i], err = decodeG1(e[:g1U], true); err != nil {
			return dst, err
		}
		s[i].SetBytes(e[g1U:]) // reduced mod r
	}
	var acc bls.G1Jac
	if k <= msmSmall {
		acc.X.SetOne()
		acc.Y.SetOne()
		var t bls.G1Jac
		for i := range k {
			var b big.Int
			t.FromAffine(&P[i])
			t.ScalarMultiplication(&t, s[i].BigInt(&b))
			acc.AddAssign(&t)
		}
	} else if _, err := acc.MultiExp(P, s, msmConfig); err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	var r bls.G1Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG1Uncompressed(dst, &r), nil
}

func runG2MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%g2MSMLen != 0 {
		return dst, malformed("bls12381_g2_msm_zcash", len(in), "a positive multiple of 224")
	}
	k := len(in) / g2MSMLen
	Q, s := make([]bls.G2Affine, k), make([]blsfr.Element, k)
	for i := range k {
		e := in[i*g2MSMLen : (i+1)*g2MSMLen]
		var err error
		if Q[i], err = decodeG2(e[:g2U], true); err != nil {
			return dst, err
		}
		s[i].SetBytes(e[g2U:])
	}
	var acc bls.G2Jac
	if k <= msmSmall {
		acc.X.SetOne()
		acc.Y.SetOne()
		var t bls.G2Jac
		for i := range k {
			var b big.Int
			t.FromAffine(&Q[i])
			t.ScalarMultiplication(&t, s[i].BigInt(&b))
			acc.AddAssign(&t)
		}
	} else if _, err := acc.MultiExp(Q, s, msmConfig); err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	var r bls.G2Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG2Uncompressed(dst, &r), nil
}

// Compression: the input point is checked on the curve and in the subgroup.
func runG1Compress(dst, in []byte) ([]byte, error) {
	if len(in) != g1U {
		return dst, malformed("bls12381_g1_compress", len(in), "96")
	}
	p, err := decodeG1(in, true)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG1Compressed(dst, &p), nil
}

func runG1Decompress(dst, in []byte) ([]byte, error) {
	if len(in) != g1C {
		return dst, malformed("bls12381_g1_decompress", len(in), "48")
	}
	p, err := decodeG1(in, true)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runG2Compress(dst, in []byte) ([]byte, error) {
	if len(in) != g2U {
		return dst, malformed("bls12381_g2_compress", len(in), "192")
	}
	p, err := decodeG2(in, true)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG2Compressed(dst, &p), nil
}

func runG2Decompress(dst, in []byte) ([]byte, error) {
	if len(in) != g2C {
		return dst, malformed("bls12381_g2_decompress", len(in), "96")
	}
	p, err := decodeG2(in, true)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}

// On-curve checks: a well-formed encoding off the curve is the verdict
// 0x00; bad length, flags or coordinates >= p are errors.
func runG1OnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != g1U {
		return dst, malformed("bls12381_g1_is_on_curve", len(in), "96")
	}
	_, err := decodeG1(in, false)
	if core.CodeOf(err) == core.CodeInvalidPoint {
		return core.Verdict(dst, false), nil
	}
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, true), nil
}

func runG2OnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != g2U {
		return dst, malformed("bls12381_g2_is_on_curve", len(in), "192")
	}
	_, err := decodeG2(in, false)
	if core.CodeOf(err) == core.CodeInvalidPoint {
		return core.Verdict(dst, false), nil
	}
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, true), nil
}

// Subgroup checks: the point must be on the curve (else invalid_point);
// the verdict says whether it is in the r-torsion subgroup.
func runG1InSubgroup(dst, in []byte) ([]byte, error) {
	if len(in) != g1U {
		return dst, malformed("bls12381_g1_is_in_subgroup", len(in), "96")
	}
	p, err := decodeG1(in, false)
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, p.IsInSubGroup()), nil
}

func runG2InSubgroup(dst, in []byte) ([]byte, error) {
	if len(in) != g2U {
		return dst, malformed("bls12381_g2_is_in_subgroup", len(in), "192")
	}
	p, err := decodeG2(in, false)
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, p.IsInSubGroup()), nil
}

// runPairingCheck: k >= 1 pairs (G1 96 || G2 192), both subgroup-checked
// in reading order; 0x01 if the product of the pairings is one.
func runPairingCheck(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%blsPairLen != 0 {
		return dst, malformed("bls12381_pairing_check_zcash", len(in), "a positive multiple of 288")
	}
	k := len(in) / blsPairLen
	P, Q := make([]bls.G1Affine, k), make([]bls.G2Affine, k)
	for i := range k {
		e := in[i*blsPairLen : (i+1)*blsPairLen]
		var err error
		if P[i], err = decodeG1(e[:g1U], true); err != nil {
			return dst, err
		}
		if Q[i], err = decodeG2(e[g1U:], true); err != nil {
			return dst, err
		}
	}
	ok, err := bls.PairingCheck(P, Q)
	if err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	return core.Verdict(dst, ok), nil
}

// runMapG1: a 48-byte big-endian Fp element u < p to the uncompressed G1
// point of RFC 9380's map_to_curve (SSWU, 11-isogeny) and clear_cofactor,
// as EIP-2537's MAP_FP_TO_G1.
func runMapG1(dst, in []byte) ([]byte, error) {
	if len(in) != blsfp.Bytes {
		return dst, malformed("bls12381_map_fp_to_g1_zcash", len(in), "48")
	}
	var u blsfp.Element
	if err := u.SetBytesCanonical(in); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "ops: field element >= p")
	}
	r := bls.MapToG1(u)
	return bls12381.AppendG1Uncompressed(dst, &r), nil
}

// runMapG2: a 96-byte Fp2 element c1 || c0 (Zcash order) to the
// uncompressed G2 point of map_to_curve (SSWU, 3-isogeny) and
// clear_cofactor, as EIP-2537's MAP_FP2_TO_G2.
func runMapG2(dst, in []byte) ([]byte, error) {
	if len(in) != 2*blsfp.Bytes {
		return dst, malformed("bls12381_map_fp2_to_g2_zcash", len(in), "96")
	}
	var u bls.E2
	if err := u.A1.SetBytesCanonical(in[:blsfp.Bytes]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "ops: field element >= p")
	}
	if err := u.A0.SetBytesCanonical(in[blsfp.Bytes:]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "ops: field element >= p")
	}
	r := bls.MapToG2(u)
	return bls12381.AppendG2Uncompressed(dst, &r), nil
}

// Hash to curve: h2c's input layout (1-byte DST length L in 1..255 || DST
// || msg), RFC 9380 BLS12381G1/G2_XMD:SHA-256_SSWU_RO_, output uncompressed.
func runHashG1(dst, in []byte) ([]byte, error) {
	tag, msg, err := h2c.SplitInput(in)
	if err != nil {
		return dst, core.Errorf(core.CodeMalformed, "ops: %v", err)
	}
	var buf [h2c.G1Len]byte
	out, err := h2c.AppendHashToG1(buf[:0], msg, tag)
	if err != nil {
		return dst, core.Errorf(core.CodeMalformed, "ops: %v", err)
	}
	p, err := bls12381.DecodeG1EIP2537(out)
	if err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runHashG2(dst, in []byte) ([]byte, error) {
	tag, msg, err := h2c.SplitInput(in)
	if err != nil {
		return dst, core.Errorf(core.CodeMalformed, "ops: %v", err)
	}
	var buf [h2c.G2Len]byte
	out, err := h2c.AppendHashToG2(buf[:0], msg, tag)
	if err != nil {
		return dst, core.Errorf(core.CodeMalformed, "ops: %v", err)
	}
	p, err := bls12381.DecodeG2EIP2537(out)
	if err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}
