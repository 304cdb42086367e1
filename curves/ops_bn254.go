package curves

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/curves/internal/msm"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BN254Scalar is an element of the BN254 scalar field Fr.
type BN254Scalar = bnfr.Element

// msmConfig lets gnark-crypto split an MSM over every CPU (its default).
var msmConfig = ecc.MultiExpConfig{}

func init() {
	// blst has no BN254: gnark-crypto is the only backend ("pairing.bn254"
	// is registered by package pairing).
	for _, prim := range []string{"subgroup.bn254", "msm.bn254g1", "g1mul.bn254", "g1add.bn254"} {
		dispatch.Register(prim, dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
			Note: "gnark-crypto v0.22.0"})
	}
}

// BN254FirstNotInG2 returns the index of the first point of Q outside G2,
// or -1. The points must be on the twist.
func BN254FirstNotInG2(Q []bn254.G2) int { return firstNotIn(Q, (*bn254.G2).IsInSubGroup, nil) }

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
	if bnMSMG1Native {
		return msm.BN254G1(P, s)
	}
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
