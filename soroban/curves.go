package soroban

import (
	"math/big"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/pairing"
)

// Soroban's scalar-multiplication, MSM, on-curve, scalar-field and BN254
// functions (soroban-env-host src/host.rs, src/crypto/bls12_381.rs,
// bn254.rs, metered_scalar.rs). A U256Val is 32 bytes big-endian here, a
// U64Val 8 bytes big-endian; Soroban reduces every U256 scalar mod r
// (from_le_bytes_mod_order), so the profile reduces it before the target,
// whose scalar-field functions take canonical elements only.
var (
	// BLS12381G1Mul is bls12_381_g1_mul(point, scalar): G1 (96, on the
	// curve and in G1) || scalar (U256), exactly bls12381_g1_mul_zcash's
	// input (the target reduces the scalar mod r, as Soroban).
	BLS12381G1Mul = alias("bls12_381_g1_mul", ops.BLS12381G1MulZcash, "point (96, Zcash uncompressed, in G1) || scalar (U256, 32 bytes big-endian)")
	// BLS12381G2Mul is bls12_381_g2_mul(point, scalar).
	BLS12381G2Mul = alias("bls12_381_g2_mul", ops.BLS12381G2MulZcash, "point (192, Zcash uncompressed, in G2) || scalar (U256, 32 bytes big-endian)")
	// BLS12381G1MSM is bls12_381_g1_msm(vp, vs): n G1 points then n
	// scalars, n >= 1, interleaved into bls12381_g1_msm_zcash's pairs.
	BLS12381G1MSM = reorder("bls12_381_g1_msm", ops.BLS12381G1MSMZcash,
		"vp (n G1 points, 96 each, in G1) || vs (n U256 scalars, 32 bytes big-endian each), n >= 1: Soroban's two vectors, "+
			"interleaved into the target's pairs (point || scalar)", vectorsToItems("bls12_381_g1_msm", g1u, 32), itemsToVectors(g1u, 32))
	// BLS12381G2MSM is bls12_381_g2_msm(vp, vs).
	BLS12381G2MSM = reorder("bls12_381_g2_msm", ops.BLS12381G2MSMZcash,
		"vp (n G2 points, 192 each, in G2) || vs (n U256 scalars, 32 bytes big-endian each), n >= 1: Soroban's two vectors, "+
			"interleaved into the target's pairs (point || scalar)", vectorsToItems("bls12_381_g2_msm", g2u, 32), itemsToVectors(g2u, 32))
	// BLS12381G1IsOnCurve is bls12_381_g1_is_on_curve(point).
	BLS12381G1IsOnCurve = alias("bls12_381_g1_is_on_curve", ops.BLS12381G1IsOnCurve, "point (96, Zcash uncompressed)")
	// BLS12381G2IsOnCurve is bls12_381_g2_is_on_curve(point).
	BLS12381G2IsOnCurve = alias("bls12_381_g2_is_on_curve", ops.BLS12381G2IsOnCurve, "point (192, Zcash uncompressed)")

	// BLS12381FrAdd is bls12_381_fr_add(lhs, rhs): two U256, reduced mod r.
	BLS12381FrAdd = frReduce("bls12_381_fr_add", ops.BLS12381FrAdd, blsR, 2)
	// BLS12381FrSub is bls12_381_fr_sub(lhs, rhs).
	BLS12381FrSub = frReduce("bls12_381_fr_sub", ops.BLS12381FrSub, blsR, 2)
	// BLS12381FrMul is bls12_381_fr_mul(lhs, rhs).
	BLS12381FrMul = frReduce("bls12_381_fr_mul", ops.BLS12381FrMul, blsR, 2)
	// BLS12381FrPow is bls12_381_fr_pow(lhs, rhs): U256 || U64 exponent.
	BLS12381FrPow = frPow("bls12_381_fr_pow", ops.BLS12381FrPow, blsR)
	// BLS12381FrInv is bls12_381_fr_inv(lhs): zero is no_result (a trap).
	BLS12381FrInv = frReduce("bls12_381_fr_inv", ops.BLS12381FrInv, blsR, 1)

	// BN254G1Add is bn254_g1_add(point1, point2): two 64-byte G1 points
	// (x || y big-endian, zeros = infinity), on the curve: EIP-196 ECADD
	// with exactly 128 bytes.
	BN254G1Add = reorder("bn254_g1_add", curves.BN254G1Add, "p0 (64) || p1 (64), BN254 G1 x || y big-endian (EIP-196; all zeros = infinity), exactly 128 bytes",
		exactly("bn254_g1_add", 2*bn254.G1Size), sameIfLen(2*bn254.G1Size))
	// BN254G1Mul is bn254_g1_mul(point, scalar): G1 (64) || U256 (32).
	BN254G1Mul = reorder("bn254_g1_mul", curves.BN254G1Mul, "point (64, EIP-196) || scalar (U256, 32 bytes big-endian), exactly 96 bytes",
		exactly("bn254_g1_mul", bn254.G1Size+32), sameIfLen(bn254.G1Size+32))
	// BN254G1MSM is bn254_g1_msm(vp, vs).
	BN254G1MSM = reorder("bn254_g1_msm", curves.BN254G1MSM,
		"vp (n G1 points, 64 each, EIP-196) || vs (n U256 scalars, 32 bytes big-endian each), n >= 1: Soroban's two vectors, "+
			"interleaved into the target's pairs", vectorsToItems("bn254_g1_msm", bn254.G1Size, 32), itemsToVectors(bn254.G1Size, 32))
	// BN254MultiPairingCheck is bn254_multi_pairing_check(vp1, vp2): n G1
	// (64) then n G2 (128, EIP-197 x.c1 || x.c0 || y.c1 || y.c0, in G2),
	// n >= 1.
	BN254MultiPairingCheck = reorder("bn254_multi_pairing_check", pairing.BN254PairingCheck,
		"vp1 (n G1 points, 64 each) || vp2 (n G2 points, 128 each: x.c1 || x.c0 || y.c1 || y.c0 big-endian, in G2), n >= 1: "+
			"Soroban's two vectors, re-interleaved into the target's pairs (G1 || G2)",
		vectorsToItems("bn254_multi_pairing_check", bn254.G1Size, 2*bn254.G1Size), itemsToVectors(bn254.G1Size, 2*bn254.G1Size))
	// BN254G1IsOnCurve is bn254_g1_is_on_curve(point).
	BN254G1IsOnCurve = alias("bn254_g1_is_on_curve", ops.BN254G1IsOnCurve, "point (64, EIP-196)")
	// BN254FrAdd is bn254_fr_add(lhs, rhs).
	BN254FrAdd = frReduce("bn254_fr_add", ops.BN254FrAdd, bnR, 2)
	// BN254FrSub is bn254_fr_sub(lhs, rhs).
	BN254FrSub = frReduce("bn254_fr_sub", ops.BN254FrSub, bnR, 2)
	// BN254FrMul is bn254_fr_mul(lhs, rhs).
	BN254FrMul = frReduce("bn254_fr_mul", ops.BN254FrMul, bnR, 2)
	// BN254FrPow is bn254_fr_pow(lhs, rhs).
	BN254FrPow = frPow("bn254_fr_pow", ops.BN254FrPow, bnR)
	// BN254FrInv is bn254_fr_inv(lhs).
	BN254FrInv = frReduce("bn254_fr_inv", ops.BN254FrInv, bnR, 1)
)

var (
	blsR, _ = new(big.Int).SetString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16)
	bnR, _  = new(big.Int).SetString("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16)
)

// vectorsToItems turns n elements of size a then n of size b into n items
// (a || b); a length that is not (a+b)·n is malformed_input (Soroban:
// vectors of unequal length). n = 0 is malformed_input (Soroban refuses
// empty vectors; some targets would accept them).
func vectorsToItems(name string, a, b int) func([]byte) ([]byte, error) {
	return func(in []byte) ([]byte, error) {
		if len(in) == 0 || len(in)%(a+b) != 0 {
			return nil, core.Errorf(core.CodeMalformed, "soroban: %s input is %d bytes, want n·%d || n·%d, n >= 1", name, len(in), a, b)
		}
		n := len(in) / (a + b)
		out := make([]byte, 0, len(in))
		for i := 0; i < n; i++ {
			out = append(out, in[a*i:a*(i+1)]...)
			out = append(out, in[a*n+b*i:a*n+b*(i+1)]...)
		}
		return out, nil
	}
}

// itemsToVectors is the inverse of vectorsToItems (examples).
func itemsToVectors(a, b int) func([]byte) []byte {
	return func(in []byte) []byte {
		if len(in) == 0 || len(in)%(a+b) != 0 {
			return nil
		}
		n := len(in) / (a + b)
		out := make([]byte, 0, len(in))
		for i := 0; i < n; i++ {
			out = append(out, in[(a+b)*i:(a+b)*i+a]...)
		}
		for i := 0; i < n; i++ {
			out = append(out, in[(a+b)*i+a:(a+b)*(i+1)]...)
		}
		return out
	}
}

// exactly refuses any length but n (the EIP-196 targets pad short input).
func exactly(name string, n int) func([]byte) ([]byte, error) {
	return func(in []byte) ([]byte, error) {
		if len(in) != n {
			return nil, core.Errorf(core.CodeMalformed, "soroban: %s input is %d bytes, want %d", name, len(in), n)
		}
		return in, nil
	}
}

func sameIfLen(n int) func([]byte) []byte {
	return func(in []byte) []byte {
		if len(in) != n {
			return nil
		}
		return in
	}
}

// reduceAll reduces each 32-byte U256 of in mod r.
func reduceAll(in []byte, r *big.Int) []byte {
	out := make([]byte, len(in))
	for off := 0; off < len(in); off += 32 {
		v := new(big.Int).SetBytes(in[off : off+32])
		v.Mod(v, r).FillBytes(out[off : off+32])
	}
	return out
}

// frReduce is a Soroban scalar-field function of k U256 arguments (32
// bytes big-endian each), each reduced mod r (Soroban's
// from_le_bytes_mod_order) into target's canonical input.
func frReduce(name string, target *core.Func, r *big.Int, k int) *core.Func {
	return reorder(name, target, itoa(k)+" x U256 (32 bytes big-endian each, any value: reduced mod r as Soroban does)",
		func(in []byte) ([]byte, error) {
			if len(in) != 32*k {
				return nil, core.Errorf(core.CodeMalformed, "soroban: %s input is %d bytes, want %d", name, len(in), 32*k)
			}
			return reduceAll(in, r), nil
		}, sameIfLen(32*k))
}

// frPow is bls12_381_fr_pow/bn254_fr_pow(lhs, rhs): U256 (reduced mod r)
// || U64 exponent (8 bytes big-endian), widened to the target's 32-byte
// exponent.
func frPow(name string, target *core.Func, r *big.Int) *core.Func {
	return reorder(name, target, "lhs (U256, 32 bytes big-endian, reduced mod r) || rhs (U64 exponent, 8 bytes big-endian), "+
		"widened to the target's 32-byte exponent",
		func(in []byte) ([]byte, error) {
			if len(in) != 40 {
				return nil, core.Errorf(core.CodeMalformed, "soroban: %s input is %d bytes, want lhs (32) || rhs (8)", name, len(in))
			}
			out := reduceAll(in[:32], r)
			out = append(out, make([]byte, 24)...)
			return append(out, in[32:]...), nil
		},
		func(in []byte) []byte {
			if len(in) != 64 {
				return nil
			}
			// The largest u64 exponent: 64 squarings and multiplications.
			return append(append([]byte{}, in[:32]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
		})
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
