package curves

import (
	"math/big"
	"sync"
	"unsafe"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/internal/msm"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/blst"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// Scalar is an element of the BLS12-381 scalar field Fr (Montgomery form).
type Scalar = fr.Element

// BLS12-381 primitives and the backend each one runs on. The bools are set
// by dispatch (OnSelect) and read by the hot paths.
var (
	blsSubG1Blst, blsSubG2Blst bool
	blsMSMG1Blst, blsMSMG2Blst bool
	blsG1AddBlst, blsG2AddBlst bool
	blsMapG1Blst, blsMapG2Blst bool
)

// blsPrims lists the BLS12-381 primitives with the priorities of their
// gnark and blst implementations (the higher wins; chosen by measurement on
// the reference machine, see docs/curves.md).
var blsPrims = []struct {
	name        string
	gnark, blst int
	flag        *bool
}{
	// Single-core CPU time on the reference machine (docs/curves.md):
	// gnark-crypto's G2 subgroup check is ~10% faster than blst's (the
	// pairing, "pairing.bls12381", is registered by package pairing);
	// blst's G1 subgroup check is ~10% faster than gnark's; blst's
	// Pippenger wins G1 MSMs of 8 points and more, gnark's MultiExp wins G2
	// MSMs of 32 and more; blst's map to G2 is ~25% faster; the cgo
	// crossing makes blst's additions slower.
	{"subgroup.bls12381g1", 10, 20, &blsSubG1Blst},
	{"subgroup.bls12381g2", 20, 10, &blsSubG2Blst},
	{"msm.bls12381g1", 10, 20, &blsMSMG1Blst},
	{"msm.bls12381g2", 20, 10, &blsMSMG2Blst},
	{"g1add.bls12381", 20, 10, &blsG1AddBlst},
	{"g2add.bls12381", 20, 10, &blsG2AddBlst},
	{"map.bls12381g1", 20, 10, &blsMapG1Blst},
	{"map.bls12381g2", 10, 20, &blsMapG2Blst},
}

func init() {
	for _, p := range blsPrims {
		flag := p.flag
		dispatch.Register(p.name, dispatch.Impl{Name: "gnark", Available: true, Priority: p.gnark,
			Note: "gnark-crypto v0.22.0"})
		dispatch.Register(p.name, dispatch.Impl{Name: "blst", Available: blst.Available, Priority: p.blst,
			Note: blst.Note})
		dispatch.OnSelect(p.name, func(impl string) { *flag = impl == "blst" })
	}
}

// BLS12381InG1 reports whether p, a point on the curve, is in G1.
func BLS12381InG1(p *bls12381.G1) bool {
	if blsSubG1Blst {
		return blst.FirstNotInG1(unsafe.Slice(p, 1)) == 1
	}
	return p.IsInSubGroup()
}

// BLS12381InG2 reports whether q, a point on the twist, is in G2.
func BLS12381InG2(q *bls12381.G2) bool {
	if blsSubG2Blst {
		return blst.FirstNotInG2(unsafe.Slice(q, 1)) == 1
	}
	return q.IsInSubGroup()
}

// BLS12381FirstNotInG1 returns the index of the first point of P outside G1,
// or -1. The points must be on the curve.
func BLS12381FirstNotInG1(P []bls12381.G1) int {
	if blsSubG1Blst {
		return firstNotIn(P, nil, blst.FirstNotInG1)
	}
	return firstNotIn(P, (*bls12381.G1).IsInSubGroup, nil)
}

// BLS12381FirstNotInG2 returns the index of the first point of Q outside G2,
// or -1. The points must be on the twist.
func BLS12381FirstNotInG2(Q []bls12381.G2) int {
	if blsSubG2Blst {
		return firstNotIn(Q, nil, blst.FirstNotInG2)
	}
	return firstNotIn(Q, (*bls12381.G2).IsInSubGroup, nil)
}

// firstNotIn returns the index of the first point of P for which in is
// false, or -1, checking contiguous chunks of P on parallel goroutines
// (at least two points each). With batch set it checks a whole chunk
// instead, returning the index of the first failure within it or the
// chunk's length.
func firstNotIn[T any](P []T, in func(*T) bool, batch func([]T) int) int {
	first := len(P)
	var mu sync.Mutex
	parallel.Split(len(P), parallel.Workers(len(P), 2), "curves", func(_, lo, hi int) {
		j := hi
		if batch != nil {
			j = lo + batch(P[lo:hi])
		} else {
			for i := lo; i < hi; i++ {
				if !in(&P[i]) {
					j = i
					break
				}
			}
		}
		mu.Lock()
		if j < hi && j < first {
			first = j
		}
		mu.Unlock()
	})
	if first == len(P) {
		return -1
	}
	return first
}

// scalarsLE writes the canonical 32-byte little-endian form of each scalar.
func scalarsLE(s []Scalar) []byte {
	out := make([]byte, 32*len(s))
	for i := range s {
		b := s[i].Bits() // regular (non-Montgomery) limbs, least significant first
		for j, l := range b {
			o := out[32*i+8*j:]
			o[0], o[1], o[2], o[3] = byte(l), byte(l>>8), byte(l>>16), byte(l>>24)
			o[4], o[5], o[6], o[7] = byte(l>>32), byte(l>>40), byte(l>>48), byte(l>>56)
		}
	}
	return out
}

// BLS12381MSMG1 returns Σ s[i]·P[i] (P[i] in G1, so s[i] may be taken mod r).
// len(P) must equal len(s) and be at least 1.
func BLS12381MSMG1(P []bls12381.G1, s []Scalar) bls12381.G1 {
	if blsMSMG1Native && len(P) >= nativeMinBLS12381G1 {
		return msm.BLS12381G1(P, s)
	}
	// Below nativeMinBLS12381G1 points the native backend hands the MSM to
	// the fastest peer at that size: gnark's GLV sum up to smallMSM, blst's
	// Pippenger above (when built in).
	if blsMSMG1Blst || (blsMSMG1Native && blst.Available && len(P) > smallMSM) {
		sb := scalarsLE(s)
		w := parallel.Workers(len(P), 32)
		parts := make([]blst.JacG1, w)
		parallel.Split(len(P), w, "curves", func(i, lo, hi int) { blst.G1MSMPart(&parts[i], P[lo:hi], sb[32*lo:32*hi], fr.Bits) })
		return blst.G1Sum(parts)
	}
	var r bls12381.G1
	if len(P) <= smallMSM {
		// gnark-crypto's MultiExp has a large fixed cost: sum GLV products.
		var acc, t bls.G1Jac
		for i := range P {
			t.FromAffine(&P[i])
			t.ScalarMultiplication(&t, s[i].BigInt(new(big.Int)))
			acc.AddAssign(&t)
		}
		r.FromJacobian(&acc)
		return r
	}
	r.MultiExp(P, s, msmConfig)
	return r
}

// smallMSM is the size up to which the gnark backend sums scalar
// multiplications instead of running gnark-crypto's MultiExp (measured).
const smallMSM = 4

// BLS12381MSMG2 returns Σ s[i]·Q[i] (Q[i] in G2). len(Q) = len(s) >= 1.
func BLS12381MSMG2(Q []bls12381.G2, s []Scalar) bls12381.G2 {
	if blsMSMG2Native && len(Q) >= nativeMinBLS12381G2 {
		return msm.BLS12381G2(Q, s)
	}
	// Below nativeMinBLS12381G2 points the native backend hands the MSM to
	// the faster peer at that size: gnark's sum of scalar multiplications
	// up to smallMSM, blst's Pippenger above (when built in).
	if blsMSMG2Blst || (blsMSMG2Native && blst.Available && len(Q) > smallMSM) {
		sb := scalarsLE(s)
		w := parallel.Workers(len(Q), 16)
		parts := make([]blst.JacG2, w)
		parallel.Split(len(Q), w, "curves", func(i, lo, hi int) { blst.G2MSMPart(&parts[i], Q[lo:hi], sb[32*lo:32*hi], fr.Bits) })
		return blst.G2Sum(parts)
	}
	var r bls12381.G2
	if len(Q) <= smallMSM {
		var acc, t bls.G2Jac
		for i := range Q {
			t.FromAffine(&Q[i])
			t.ScalarMultiplication(&t, s[i].BigInt(new(big.Int)))
			acc.AddAssign(&t)
		}
		r.FromJacobian(&acc)
		return r
	}
	r.MultiExp(Q, s, msmConfig)
	return r
}

// BLS12381AddG1 returns a + b for points on the curve (any subgroup).
func BLS12381AddG1(a, b *bls12381.G1) bls12381.G1 {
	if blsG1AddBlst {
		return blst.G1Add(a, b)
	}
	var r bls12381.G1
	r.Add(a, b)
	return r
}

// BLS12381AddG2 returns a + b for points on the twist (any subgroup).
func BLS12381AddG2(a, b *bls12381.G2) bls12381.G2 {
	if blsG2AddBlst {
		return blst.G2Add(a, b)
	}
	var r bls12381.G2
	r.Add(a, b)
	return r
}

// BLS12381MapToG1 maps u to G1 as RFC 9380 map_to_curve then
// clear_cofactor for BLS12381G1_XMD:SHA-256_SSWU_RO_ (simplified SWU on the
// 11-isogenous curve, the 11-isogeny, then multiplication by h_eff =
// 1 - z): EIP-2537's MAP_FP_TO_G1.
func BLS12381MapToG1(u *bls12381.Fp) bls12381.G1 {
	if blsMapG1Blst {
		return blst.MapG1(u)
	}
	return bls.MapToG1(*u)
}

// BLS12381MapToG2 maps u to G2 as RFC 9380 map_to_curve (simplified SWU
// on the 3-isogenous twist, the 3-isogeny) then clear_cofactor (Budroni-
// Pintore ψ method, h_eff): EIP-2537's MAP_FP2_TO_G2.
func BLS12381MapToG2(u *bls12381.Fp2) bls12381.G2 {
	if blsMapG2Blst {
		return blst.MapG2(u)
	}
	return bls.MapToG2(*u)
}
