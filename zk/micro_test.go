package zk

import (
	"math/big"
	"testing"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
)

func BenchmarkMicroBN(b *testing.B) {
	_, _, g1, g2 := bn.Generators()
	var P bn.G1Affine
	P.ScalarMultiplication(&g1, big.NewInt(123456789))
	var Q bn.G2Affine
	Q.ScalarMultiplication(&g2, big.NewInt(987654321))
	lines := bn.PrecomputeLines(Q)
	b.Run("subgroupG2", func(b *testing.B) {
		for b.Loop() {
			Q.IsInSubGroup()
		}
	})
	b.Run("ML1", func(b *testing.B) {
		for b.Loop() {
			bn.MillerLoop([]bn.G1Affine{P}, []bn.G2Affine{Q})
		}
	})
	b.Run("ML3", func(b *testing.B) {
		for b.Loop() {
			bn.MillerLoop([]bn.G1Affine{P, P, P}, []bn.G2Affine{Q, Q, Q})
		}
	})
	b.Run("lines", func(b *testing.B) {
		for b.Loop() {
			bn.PrecomputeLines(Q)
		}
	})
	b.Run("MLfixed2", func(b *testing.B) {
		for b.Loop() {
			l := [][2][len(bn.LoopCounter)]bn.LineEvaluationAff{lines, lines}
			bn.MillerLoopFixedQ([]bn.G1Affine{P, P}, l)
		}
	})
	b.Run("MLfixed3", func(b *testing.B) {
		for b.Loop() {
			l := [][2][len(bn.LoopCounter)]bn.LineEvaluationAff{lines, lines, lines}
			bn.MillerLoopFixedQ([]bn.G1Affine{P, P, P}, l)
		}
	})
	f, _ := bn.MillerLoop([]bn.G1Affine{P}, []bn.G2Affine{Q})
	b.Run("FE", func(b *testing.B) {
		for b.Loop() {
			bn.FinalExponentiation(&f)
		}
	})
	k := new(big.Int).SetBytes([]byte("0123456789012345678901234567890"))
	b.Run("scalarmul", func(b *testing.B) {
		var j bn.G1Jac
		for b.Loop() {
			j.FromAffine(&P)
			j.ScalarMultiplication(&j, k)
		}
	})
}
