package pairing

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BN254Scalar is an element of the BN254 scalar field Fr.
type BN254Scalar = bnfr.Element

// msmConfig lets gnark-crypto split an MSM over every CPU (its default).
var msmConfig = ecc.MultiExpConfig{}

func init() {
	// blst has no BN254: gnark-crypto is the only backend.
	for _, prim := range []string{"pairing.bn254", "subgroup.bn254", "msm.bn254g1", "g1mul.bn254", "g1add.bn254"} {
		dispatch.Register(prim, dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
			Note: "gnark-crypto v0.22.0"})
	}
}

// BN254CheckPairing reports whether ∏ e(P[i], Q[i]) = 1 in GT (optimal ate
// pairing). Points must be on the curves and Q[i] in G2; pairs with a point
// at infinity contribute 1, so an empty product is 1 (as EIP-197 requires).
func BN254CheckPairing(P []bn254.G1, Q []bn254.G2) bool {
	v, _ := bn254Pairing(P, Q, false)
	return v
}

// BN254CheckPairingSubgroups is BN254CheckPairing for Q[i] on the twist but
// not yet subgroup-checked: inSubgroups reports whether every Q[i] is in G2
// (when it is false the verdict is meaningless). The checks overlap the
// final exponentiation.
func BN254CheckPairingSubgroups(P []bn254.G1, Q []bn254.G2) (verdict, inSubgroups bool) {
	return bn254Pairing(P, Q, true)
}

func bn254Pairing(P []bn254.G1, Q []bn254.G2, checks bool) (verdict, inSubgroups bool) {
	if len(P) != len(Q) {
		panic("pairing: internal error: BN254 pairing length mismatch")
	}
	p, q := make([]bn254.G1, 0, len(P)), make([]bn254.G2, 0, len(Q))
	for i := range P {
		if !P[i].IsInfinity() && !Q[i].IsInfinity() {
			p, q = append(p, P[i]), append(q, Q[i])
		}
	}
	// Concurrent Miller loops over chunks of pairs, one final exponentiation.
	job := pairingJob{w: workers(len(p), 1), n: len(p)}
	if checks {
		job.m = len(Q)
		job.check = func(j int) bool { return Q[j].IsInSubGroup() }
	}
	f := make([]bn.GT, job.w)
	errs := make([]error, job.w)
	job.miller = func(i, lo, hi int) { f[i], errs[i] = bn.MillerLoop(p[lo:hi], q[lo:hi]) }
	job.final = func(used []bool) bool {
		for i := range f {
			if !used[i] {
				continue
			}
			if errs[i] != nil {
				return false
			}
			if i > 0 {
				f[0].Mul(&f[0], &f[i]) // slot 0 is always used
			}
		}
		e := bn.FinalExponentiation(&f[0])
		return e.IsOne()
	}
	return job.run()
}

// BN254FirstNotInG2 returns the index of the first point of Q outside G2,
// or -1. The points must be on the twist.
func BN254FirstNotInG2(Q []bn254.G2) int {
	bad := make([]bool, len(Q))
	split(len(Q), workers(len(Q), 2), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			if !Q[i].IsInSubGroup() {
				bad[i] = true
				return
			}
		}
	})
	for i, b := range bad {
		if b {
			return i
		}
	}
	return -1
}

// BN254AddG1 returns a + b.
func BN254AddG1(a, b *bn254.G1) bn254.G1 {
	var r bn254.G1
	r.Add(a, b)
	return r
}

// BN254MulG1 returns s·P for a 256-bit big-endian scalar s (not reduced:
// since G1 has prime order r, s·P = (s mod r)·P).
func BN254MulG1(P *bn254.G1, s *[32]byte) bn254.G1 {
	var r bn254.G1
	r.ScalarMultiplication(P, new(big.Int).SetBytes(s[:]))
	return r
}

// BN254MSMG1 returns Σ s[i]·P[i]; len(P) = len(s) >= 1.
func BN254MSMG1(P []bn254.G1, s []BN254Scalar) bn254.G1 {
	var r bn254.G1
	if len(P) <= smallMSM {
		// gnark-crypto's MultiExp has a large fixed cost: sum GLV products.
		var acc, t bn.G1Jac
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
