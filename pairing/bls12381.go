package pairing

import (
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/blst"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// blsPairingBlst is set by dispatch (OnSelect) and read by the hot path.
var blsPairingBlst bool

// workerHook, when set (by tests only), runs at the start of every worker
// goroutine the package starts (pairingJob's helpers; package curves'
// workers have internal/parallel.WorkerHook): a test makes it panic to
// check that the panic becomes the call's internal_error.
var workerHook func()

func init() {
	// Single-core CPU time on the reference machine (docs/curves.md):
	// gnark-crypto's pairing is ~10% faster than blst's. The subgroup checks
	// the pairing check runs are package curves' primitives.
	dispatch.Register("pairing.bls12381", dispatch.Impl{Name: "gnark", Available: true, Priority: 20,
		Note: "gnark-crypto v0.22.0"})
	dispatch.Register("pairing.bls12381", dispatch.Impl{Name: "blst", Available: blst.Available, Priority: 10,
		Note: blst.Note})
	dispatch.OnSelect("pairing.bls12381", func(impl string) { blsPairingBlst = impl == "blst" })
}

// BLS12381CheckPairing reports whether ∏ e(P[i], Q[i]) = 1 in GT, where e is
// the optimal ate pairing. The points must be on the curves and in G1, G2
// (see bls12381.SubgroupCheckG1/G2); pairs with a point at infinity
// contribute 1, so an empty product is 1. len(P) must equal len(Q).
func BLS12381CheckPairing(P []bls12381.G1, Q []bls12381.G2) bool {
	v, _ := blsPairing(P, Q, false)
	return v
}

// BLS12381CheckPairingSubgroups is BLS12381CheckPairing for points that are
// on the curves but not yet subgroup-checked: inSubgroups reports whether
// every P[i] is in G1 and every Q[i] in G2 (when it is false the verdict is
// meaningless). The subgroup checks overlap the final exponentiation.
func BLS12381CheckPairingSubgroups(P []bls12381.G1, Q []bls12381.G2) (verdict, inSubgroups bool) {
	return blsPairing(P, Q, true)
}

func blsPairing(P []bls12381.G1, Q []bls12381.G2, checks bool) (verdict, inSubgroups bool) {
	if len(P) != len(Q) {
		panic("pairing: internal error: BLS12-381 pairing length mismatch")
	}
	p, q := make([]bls12381.G1, 0, len(P)), make([]bls12381.G2, 0, len(Q))
	for i := range P {
		if !P[i].IsInfinity() && !Q[i].IsInfinity() {
			p, q = append(p, P[i]), append(q, Q[i])
		}
	}
	// The Miller loops of disjoint chunks of pairs run concurrently; their
	// product goes through one final exponentiation.
	job := pairingJob{w: parallel.Workers(len(p), 1), n: len(p)}
	if checks {
		job.m = 2 * len(P)
		job.check = func(j int) bool {
			if j < len(P) {
				return curves.BLS12381InG1(&P[j])
			}
			return curves.BLS12381InG2(&Q[j-len(P)])
		}
	}
	if blsPairingBlst {
		f := make([]blst.Fp12, job.w)
		job.miller = func(i, lo, hi int) { blst.MillerLoop(&f[i], p[lo:hi], q[lo:hi]) }
		job.final = func(used []bool) bool {
			g := f[:0:0]
			for i := range f {
				if used[i] {
					g = append(g, f[i])
				}
			}
			return blst.FinalIsOne(g)
		}
		return job.run()
	}
	f := make([]bls.GT, job.w)
	errs := make([]error, job.w)
	job.miller = func(i, lo, hi int) { f[i], errs[i] = bls.MillerLoop(p[lo:hi], q[lo:hi]) }
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
		e := bls.FinalExponentiation(&f[0])
		return e.IsOne()
	}
	return job.run()
}
