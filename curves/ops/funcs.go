package ops

import (
	"math/bits"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

// itemsOf counts fixed-size items: the gas item of aggregation and
// pairing checks.
func itemsOf(size int) func(in []byte) uint64 {
	return func(in []byte) uint64 { return uint64(len(in) / size) }
}

// msmItems counts the work of a k-point MSM (as package pairing does): k for
// k <= 4, then ceil(2k / floor(log2 k)), Pippenger's k/log k; the point
// count itself reaches the gas rule through the input length (per_byte).
func msmItems(size int) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		k := uint64(len(in) / size)
		if k <= 4 {
			return k
		}
		lg := uint64(bits.Len64(k) - 1)
		return (2*k + lg - 1) / lg
	}
}

const (
	zG1U = "96-byte Zcash uncompressed G1 point (x || y, big-endian, flags 0x80 and 0x20 clear; 0x40 then zeros = infinity)"
	zG2U = "192-byte Zcash uncompressed G2 point (x.c1 || x.c0 || y.c1 || y.c0; 0x40 then zeros = infinity)"
	zG1C = "48-byte Zcash compressed G1 point (x with flags 0x80 compressed, 0x40 infinity, 0x20 y largest)"
	zG2C = "96-byte Zcash compressed G2 point (x.c1 || x.c0 with the flags in byte 0)"
)

// BLS12-381 in the Zcash encodings (docs/curves.md, "Chain encodings").
var (
	BLS12381AggregateG1 = &core.Func{
		Name: "bls12381_aggregate_g1", Family: "curve",
		Input:    "n >= 1 concatenated " + zG1C + "s, 48·n bytes; each on the curve and in G1 (infinity allowed), as CosmWasm's bls12_381_aggregate_g1",
		Output:   "48-byte compressed G1 point: the sum",
		FixedOut: g1C,
		Items:    itemsOf(g1C),
		Examples: aggregateExamples(false),
		Run:      runAggregateG1,
	}
	BLS12381AggregateG2 = &core.Func{
		Name: "bls12381_aggregate_g2", Family: "curve",
		Input:    "n >= 1 concatenated " + zG2C + "s, 96·n bytes; each on the twist and in G2 (infinity allowed), as CosmWasm's bls12_381_aggregate_g2",
		Output:   "96-byte compressed G2 point: the sum",
		FixedOut: g2C,
		Items:    itemsOf(g2C),
		Examples: aggregateExamples(true),
		Run:      runAggregateG2,
	}
	BLS12381G1AddZcash = &core.Func{
		Name: "bls12381_g1_add_zcash", Family: "curve",
		Input:    "two " + zG1U + "s, 192 bytes; on the curve, subgroup not checked",
		Output:   "96-byte uncompressed G1 point P + Q",
		FixedOut: g1U,
		Examples: g1Pair,
		Run:      runG1Add,
	}
	BLS12381G2AddZcash = &core.Func{
		Name: "bls12381_g2_add_zcash", Family: "curve",
		Input:    "two " + zG2U + "s, 384 bytes; on the twist, subgroup not checked",
		Output:   "192-byte uncompressed G2 point P + Q",
		FixedOut: g2U,
		Examples: g2Pair,
		Run:      runG2Add,
	}
	BLS12381G1SubZcash = &core.Func{
		Name: "bls12381_g1_sub_zcash", Family: "curve",
		Input:    "two " + zG1U + "s, 192 bytes; on the curve, subgroup not checked",
		Output:   "96-byte uncompressed G1 point P - Q",
		FixedOut: g1U,
		Examples: g1Pair,
		Run:      runG1Sub,
	}
	BLS12381G2SubZcash = &core.Func{
		Name: "bls12381_g2_sub_zcash", Family: "curve",
		Input:    "two " + zG2U + "s, 384 bytes; on the twist, subgroup not checked",
		Output:   "192-byte uncompressed G2 point P - Q",
		FixedOut: g2U,
		Examples: g2Pair,
		Run:      runG2Sub,
	}
	BLS12381G1NegZcash = &core.Func{
		Name: "bls12381_g1_neg_zcash", Family: "curve",
		Input:    "one " + zG1U + "; on the curve, subgroup not checked",
		Output:   "96-byte uncompressed G1 point -P",
		FixedOut: g1U,
		Examples: g1One,
		Run:      runG1Neg,
	}
	BLS12381G2NegZcash = &core.Func{
		Name: "bls12381_g2_neg_zcash", Family: "curve",
		Input:    "one " + zG2U + "; on the twist, subgroup not checked",
		Output:   "192-byte uncompressed G2 point -P",
		FixedOut: g2U,
		Examples: g2One,
		Run:      runG2Neg,
	}
	BLS12381G1MulZcash = &core.Func{
		Name: "bls12381_g1_mul_zcash", Family: "curve",
		Input:    zG1U + " in G1 || 32-byte big-endian scalar (any 256-bit value, reduced mod r), 128 bytes",
		Output:   "96-byte uncompressed G1 point s·P",
		FixedOut: g1U,
		Examples: g1MulExamples,
		Run:      runG1Mul,
	}
	BLS12381G2MulZcash = &core.Func{
		Name: "bls12381_g2_mul_zcash", Family: "curve",
		Input:    zG2U + " in G2 || 32-byte big-endian scalar (any 256-bit value, reduced mod r), 224 bytes",
		Output:   "192-byte uncompressed G2 point s·P",
		FixedOut: g2U,
		Examples: g2MulExamples,
		Run:      runG2Mul,
	}
	BLS12381G1MSMZcash = &core.Func{
		Name: "bls12381_g1_msm_zcash", Family: "curve",
		Input:    "k >= 1 pairs (" + zG1U + " in G1 || 32-byte big-endian scalar), 128·k bytes",
		Output:   "96-byte uncompressed G1 point Σ s_i·P_i",
		FixedOut: g1U,
		Items:    msmItems(g1MSMLen),
		Examples: msmExamples(false),
		Run:      runG1MSM,
	}
	BLS12381G2MSMZcash = &core.Func{
		Name: "bls12381_g2_msm_zcash", Family: "curve",
		Input:    "k >= 1 pairs (" + zG2U + " in G2 || 32-byte big-endian scalar), 224·k bytes",
		Output:   "192-byte uncompressed G2 point Σ s_i·Q_i",
		FixedOut: g2U,
		Items:    msmItems(g2MSMLen),
		Examples: msmExamples(true),
		Run:      runG2MSM,
	}
	BLS12381G1Compress = &core.Func{
		Name: "bls12381_g1_compress", Family: "curve",
		Input:    "one " + zG1U + " in G1",
		Output:   "the " + zG1C,
		FixedOut: g1C,
		Examples: g1One,
		Run:      runG1Compress,
	}
	BLS12381G1Decompress = &core.Func{
		Name: "bls12381_g1_decompress", Family: "curve",
		Input:    "one " + zG1C + " in G1",
		Output:   "the " + zG1U,
		FixedOut: g1U,
		Examples: g1OneCompressed,
		Run:      runG1Decompress,
	}
	BLS12381G2Compress = &core.Func{
		Name: "bls12381_g2_compress", Family: "curve",
		Input:    "one " + zG2U + " in G2",
		Output:   "the " + zG2C,
		FixedOut: g2C,
		Examples: g2One,
		Run:      runG2Compress,
	}
	BLS12381G2Decompress = &core.Func{
		Name: "bls12381_g2_decompress", Family: "curve",
		Input:    "one " + zG2C + " in G2",
		Output:   "the " + zG2U,
		FixedOut: g2U,
		Examples: g2OneCompressed,
		Run:      runG2Decompress,
	}
	BLS12381G1IsOnCurve = &core.Func{
		Name: "bls12381_g1_is_on_curve", Family: "curve",
		Input:    "one " + zG1U + " (flags and coordinates < p are checked: errors)",
		Output:   "one byte: 0x01 if the point is on E (infinity included), else 0x00",
		FixedOut: 1,
		Examples: g1One,
		Run:      runG1OnCurve,
	}
	BLS12381G2IsOnCurve = &core.Func{
		Name: "bls12381_g2_is_on_curve", Family: "curve",
		Input:    "one " + zG2U + " (flags and coordinates < p are checked: errors)",
		Output:   "one byte: 0x01 if the point is on the twist E' (infinity included), else 0x00",
		FixedOut: 1,
		Examples: g2One,
		Run:      runG2OnCurve,
	}
	BLS12381G1IsInSubgroup = &core.Func{
		Name: "bls12381_g1_is_in_subgroup", Family: "curve",
		Input:    "one " + zG1U + " on the curve (else invalid_point)",
		Output:   "one byte: 0x01 if r·P = 0, else 0x00",
		FixedOut: 1,
		Examples: g1One,
		Run:      runG1InSubgroup,
	}
	BLS12381G2IsInSubgroup = &core.Func{
		Name: "bls12381_g2_is_in_subgroup", Family: "curve",
		Input:    "one " + zG2U + " on the twist (else invalid_point)",
		Output:   "one byte: 0x01 if r·Q = 0, else 0x00",
		FixedOut: 1,
		Examples: g2One,
		Run:      runG2InSubgroup,
	}
	BLS12381PairingCheckZcash = &core.Func{
		Name: "bls12381_pairing_check_zcash", Family: "curve",
		Input:    "k >= 1 pairs (" + zG1U + " in G1 || " + zG2U + " in G2), 288·k bytes; pairs with an infinity contribute 1",
		Output:   "one byte: 0x01 if Π e(P_i, Q_i) = 1, else 0x00",
		FixedOut: 1,
		Items:    itemsOf(blsPairLen),
		Examples: pairingExamples,
		Run:      runPairingCheck,
	}
	BLS12381MapFpToG1Zcash = &core.Func{
		Name: "bls12381_map_fp_to_g1_zcash", Family: "curve",
		Input:    "one 48-byte big-endian Fp element u < p",
		Output:   "96-byte uncompressed G1 point: RFC 9380 SSWU map + 11-isogeny + cofactor clearing of u (EIP-2537 MAP_FP_TO_G1)",
		FixedOut: g1U,
		Examples: mapG1Examples,
		Run:      runMapG1,
	}
	BLS12381MapFp2ToG2Zcash = &core.Func{
		Name: "bls12381_map_fp2_to_g2_zcash", Family: "curve",
		Input:    "one 96-byte Fp2 element u = c1 || c0 (Zcash order, 48-byte big-endian each, < p)",
		Output:   "192-byte uncompressed G2 point: RFC 9380 SSWU map + 3-isogeny + cofactor clearing of u (EIP-2537 MAP_FP2_TO_G2)",
		FixedOut: g2U,
		Examples: mapG2Examples,
		Run:      runMapG2,
	}
	BLS12381HashToG1Zcash = &core.Func{
		Name: "bls12381_hash_to_g1_zcash", Family: "curve",
		Input:      "1-byte DST length L (1..255) || DST (L bytes) || msg: RFC 9380 hash_to_curve BLS12381G1_XMD:SHA-256_SSWU_RO_ with the caller's DST",
		Output:     "96-byte uncompressed G1 point",
		FixedOut:   g1U,
		Primitives: []string{h2c.Primitive},
		Examples:   hashExamples,
		Run:        runHashG1,
	}
	BLS12381HashToG2Zcash = &core.Func{
		Name: "bls12381_hash_to_g2_zcash", Family: "curve",
		Input:      "1-byte DST length L (1..255) || DST (L bytes) || msg: RFC 9380 hash_to_curve BLS12381G2_XMD:SHA-256_SSWU_RO_ with the caller's DST",
		Output:     "192-byte uncompressed G2 point",
		FixedOut:   g2U,
		Primitives: []string{h2c.Primitive},
		Examples:   hashExamples,
		Run:        runHashG2,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{
		BLS12381AggregateG1, BLS12381AggregateG2,
		BLS12381G1AddZcash, BLS12381G2AddZcash, BLS12381G1SubZcash, BLS12381G2SubZcash,
		BLS12381G1NegZcash, BLS12381G2NegZcash, BLS12381G1MulZcash, BLS12381G2MulZcash,
		BLS12381G1MSMZcash, BLS12381G2MSMZcash,
		BLS12381G1Compress, BLS12381G1Decompress, BLS12381G2Compress, BLS12381G2Decompress,
		BLS12381G1IsOnCurve, BLS12381G2IsOnCurve, BLS12381G1IsInSubgroup, BLS12381G2IsInSubgroup,
		BLS12381PairingCheckZcash, BLS12381MapFpToG1Zcash, BLS12381MapFp2ToG2Zcash,
		BLS12381HashToG1Zcash, BLS12381HashToG2Zcash,
		BLS12381FrAdd, BLS12381FrSub, BLS12381FrMul, BLS12381FrPow, BLS12381FrInv,
		BN254FrAdd, BN254FrSub, BN254FrMul, BN254FrPow, BN254FrInv,
		BLS12381Pairing, BLS12381MillerLoop, BLS12381FinalExp, BLS12381GTMul, BLS12381GTEqual,
		BN254Pairing, BN254MillerLoop, BN254FinalExp, BN254GTMul, BN254GTEqual,
		BN254G2Add, BN254G2Mul, BN254G2MSM, BN254G1Compress, BN254G1Decompress, BN254G2Compress, BN254G2Decompress,
		BN254G1IsOnCurve, BN254G2IsOnCurve, BN254G1MSMLE, BN254G1SumLE, BN254PairingCheckLE,
		BLS12381G1SumZcash, BLS12381G2SumZcash, BLS12381G1DecompressOnCurve, BLS12381G2DecompressOnCurve,
		BLS12381HashToG1AnyDST, BLS12381HashToG2AnyDST,
	}
}
