package pairing

import (
	bn "github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

func init() {
	// blst has no BN254: gnark-crypto is the only backend.
	dispatch.Register("pairing.bn254", dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
		Note: "gnark-crypto v0.22.0"})
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
	job := pairingJob{w: parallel.Workers(len(p), 1), n: len(p)}
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
