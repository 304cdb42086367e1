package ops

import (
	"encoding/binary"
	"strconv"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

// Chain variants of the Zcash-encoded functions: NEAR's signed sums and
// on-curve-only decompression (nearcore bls12381.rs over blst, the
// BLS12381_NOT_IN_GROUP_FIX_VERSION rules), and hash-to-curve with any DST
// (CosmWasm's arkworks hasher).

// anyDSTMaxInput admits CosmWasm's largest call: a 5 MiB message and a
// 5 KiB DST (BLS12_381_MAX_MESSAGE_SIZE, BLS12_381_MAX_DST_SIZE) after the
// 4-byte DST length.
const anyDSTMaxInput = 4 + 5<<10 + 5<<20

const (
	g1SumLen = 1 + g1U // 97
	g2SumLen = 1 + g2U // 193
)

var (
	BLS12381G1SumZcash = &core.Func{
		Name: "bls12381_g1_sum_zcash", Family: "curve",
		Input:    "k >= 0 items (sign byte: 0 add, 1 subtract || " + zG1U + "), 97·k bytes; each on the curve, subgroup not checked (NEAR bls12381_p1_sum)",
		Output:   "96-byte uncompressed G1 point Σ ±P_i (k = 0: infinity, 0x40 then zeros)",
		FixedOut: g1U,
		Items:    itemsOf(g1SumLen),
		Examples: sumExamples(false),
		Run:      runG1Sum,
	}
	BLS12381G2SumZcash = &core.Func{
		Name: "bls12381_g2_sum_zcash", Family: "curve",
		Input:    "k >= 0 items (sign byte: 0 add, 1 subtract || " + zG2U + "), 193·k bytes; each on the twist, subgroup not checked (NEAR bls12381_p2_sum)",
		Output:   "192-byte uncompressed G2 point Σ ±Q_i (k = 0: infinity)",
		FixedOut: g2U,
		Items:    itemsOf(g2SumLen),
		Examples: sumExamples(true),
		Run:      runG2Sum,
	}
	BLS12381G1DecompressOnCurve = &core.Func{
		Name: "bls12381_g1_decompress_on_curve", Family: "curve",
		Input:    "one " + zG1C + "; on the curve, subgroup not checked (blst_p1_uncompress, NEAR bls12381_p1_decompress)",
		Output:   "the " + zG1U,
		FixedOut: g1U,
		Examples: g1OneCompressed,
		Run:      runG1DecompressOnCurve,
	}
	BLS12381G2DecompressOnCurve = &core.Func{
		Name: "bls12381_g2_decompress_on_curve", Family: "curve",
		Input:    "one " + zG2C + "; on the twist, subgroup not checked (blst_p2_uncompress, NEAR bls12381_p2_decompress)",
		Output:   "the " + zG2U,
		FixedOut: g2U,
		Examples: g2OneCompressed,
		Run:      runG2DecompressOnCurve,
	}
	BLS12381HashToG1AnyDST = &core.Func{
		Name: "bls12381_hash_to_g1_any_dst", Family: "curve",
		Input: "4-byte big-endian DST length L || DST (L bytes, any length: empty accepted, longer than 255 bytes replaced by " +
			"SHA-256(\"H2C-OVERSIZE-DST-\" || DST) as RFC 9380 section 5.3.3) || msg: RFC 9380 hash_to_curve BLS12381G1_XMD:SHA-256_SSWU_RO_ " +
			"(arkworks MapToCurveBasedHasher, CosmWasm bls12_381_hash_to_g1)",
		Output:     "96-byte uncompressed G1 point",
		MaxInput:   anyDSTMaxInput,
		FixedOut:   g1U,
		Primitives: []string{h2c.Primitive},
		Examples:   anyDSTExamples,
		Run:        runHashG1AnyDST,
	}
	BLS12381HashToG2AnyDST = &core.Func{
		Name: "bls12381_hash_to_g2_any_dst", Family: "curve",
		Input: "4-byte big-endian DST length L || DST (any length, as bls12381_hash_to_g1_any_dst) || msg: RFC 9380 hash_to_curve " +
			"BLS12381G2_XMD:SHA-256_SSWU_RO_ (CosmWasm bls12_381_hash_to_g2)",
		Output:     "192-byte uncompressed G2 point",
		MaxInput:   anyDSTMaxInput,
		FixedOut:   g2U,
		Primitives: []string{h2c.Primitive},
		Examples:   anyDSTExamples,
		Run:        runHashG2AnyDST,
	}
)

// runG1Sum is NEAR's bls12381_p1_sum: k >= 0 items (sign || point), each
// point decoded on the curve without a subgroup check (nearcore accepts
// blst's BLST_POINT_NOT_IN_GROUP, the (0, ±2) points), negated for sign 1.
func runG1Sum(dst, in []byte) ([]byte, error) {
	if len(in)%g1SumLen != 0 {
		return dst, malformed("bls12381_g1_sum_zcash", len(in), "a multiple of 97")
	}
	var acc, t bls.G1Jac
	acc.X.SetOne()
	acc.Y.SetOne() // Z = 0: infinity
	for off := 0; off < len(in); off += g1SumLen {
		sign := in[off]
		if sign > 1 {
			return dst, core.Errorf(core.CodeMalformed, "ops: bls12381_g1_sum_zcash: sign byte %d, want 0 or 1", sign)
		}
		p, err := decodeG1(in[off+1:off+g1SumLen], false)
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
	var r bls.G1Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG1Uncompressed(dst, &r), nil
}

// runG2Sum is NEAR's bls12381_p2_sum.
func runG2Sum(dst, in []byte) ([]byte, error) {
	if len(in)%g2SumLen != 0 {
		return dst, malformed("bls12381_g2_sum_zcash", len(in), "a multiple of 193")
	}
	var acc, t bls.G2Jac
	acc.X.SetOne()
	acc.Y.SetOne()
	for off := 0; off < len(in); off += g2SumLen {
		sign := in[off]
		if sign > 1 {
			return dst, core.Errorf(core.CodeMalformed, "ops: bls12381_g2_sum_zcash: sign byte %d, want 0 or 1", sign)
		}
		p, err := decodeG2(in[off+1:off+g2SumLen], false)
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
	var r bls.G2Affine
	r.FromJacobian(&acc)
	return bls12381.AppendG2Uncompressed(dst, &r), nil
}

func runG1DecompressOnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != g1C || in[0]&0x80 == 0 {
		return dst, malformed("bls12381_g1_decompress_on_curve", len(in), "48 with the compression flag 0x80")
	}
	p, err := decodeG1(in, false)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runG2DecompressOnCurve(dst, in []byte) ([]byte, error) {
	if len(in) != g2C || in[0]&0x80 == 0 {
		return dst, malformed("bls12381_g2_decompress_on_curve", len(in), "96 with the compression flag 0x80")
	}
	p, err := decodeG2(in, false)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}

// splitAnyDST splits 4-byte DST length || DST || msg.
func splitAnyDST(name string, in []byte) (tag, msg []byte, err error) {
	if len(in) < 4 {
		return nil, nil, malformed(name, len(in), "a 4-byte DST length first")
	}
	n := binary.BigEndian.Uint32(in)
	if uint64(n) > uint64(len(in)-4) {
		return nil, nil, core.Errorf(core.CodeMalformed, "ops: %s: DST length %d, only %d bytes follow", name, n, len(in)-4)
	}
	return in[4 : 4+n], in[4+n:], nil
}

func runHashG1AnyDST(dst, in []byte) ([]byte, error) {
	tag, msg, err := splitAnyDST("bls12381_hash_to_g1_any_dst", in)
	if err != nil {
		return dst, err
	}
	var buf [h2c.G1Len]byte
	out := h2c.AppendHashToG1AnyDST(buf[:0], msg, tag)
	p, err := bls12381.DecodeG1EIP2537(out)
	if err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	return bls12381.AppendG1Uncompressed(dst, &p), nil
}

func runHashG2AnyDST(dst, in []byte) ([]byte, error) {
	tag, msg, err := splitAnyDST("bls12381_hash_to_g2_any_dst", in)
	if err != nil {
		return dst, err
	}
	var buf [h2c.G2Len]byte
	out := h2c.AppendHashToG2AnyDST(buf[:0], msg, tag)
	p, err := bls12381.DecodeG2EIP2537(out)
	if err != nil {
		return dst, core.Errorf(core.CodeInternal, "ops: internal error: %v", err)
	}
	return bls12381.AppendG2Uncompressed(dst, &p), nil
}

// sumExamples: k points with alternating signs (no cancellation: distinct
// multiples of the generator).
func sumExamples(g2 bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, k := range exCounts {
			var in []byte
			for i := range k {
				in = append(in, byte(i%2))
				if g2 {
					q := exG2(exScalar(i + 1))
					in = bls12381.AppendG2Uncompressed(in, &q)
				} else {
					p := exG1(exScalar(i + 1))
					in = bls12381.AppendG1Uncompressed(in, &p)
				}
			}
			ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
		}
		return ex
	}
}

// anyDSTExamples: a 43-byte DST with growing messages, and DSTs of 0 and
// 1,024 bytes (the long one is hashed once more).
func anyDSTExamples() []core.Example {
	with := func(tag []byte, n int) []byte {
		in := binary.BigEndian.AppendUint32(nil, uint32(len(tag)))
		in = append(in, tag...)
		for i := range n {
			in = append(in, byte(i*31+7))
		}
		return in
	}
	tag := []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_")
	var ex []core.Example
	for _, n := range []int{0, 1 << 10, 16 << 10, 64 << 10} {
		ex = append(ex, core.Example{Name: strconv.Itoa(n) + "B", Input: with(tag, n), Worst: true})
	}
	long := make([]byte, 1024)
	for i := range long {
		long[i] = byte(i)
	}
	ex = append(ex, core.Example{Name: "emptydst", Input: with(nil, 32), Worst: true},
		core.Example{Name: "dst1024", Input: with(long, 32), Worst: true})
	return ex
}
