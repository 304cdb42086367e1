package cosmwasm

import (
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// pairingEqualityExamples: n = 0, 1, 3, 7 pairs besides (r, s), all
// points multiples of the generators (none at infinity), the true equation
// e([a]G1, [b]G2)^n... built so that the first example holds.
func pairingEqualityExamples() []core.Example {
	_, _, g1, g2 := bls.Generators()
	var ex []core.Example
	for _, n := range []int{0, 1, 3, 7} {
		var in []byte
		var sum big.Int
		ps := make([]bls12381.G1, n)
		for i := range ps {
			ps[i].ScalarMultiplication(&g1, big.NewInt(int64(i+2)))
			in = bls12381.AppendG1Compressed(in, &ps[i])
			sum.Add(&sum, big.NewInt(int64(i+2)))
		}
		for range n {
			in = bls12381.AppendG2Compressed(in, &g2)
		}
		// e(Σ p_i, G2) = e([sum]G1, G2): the equation holds.
		var r bls12381.G1
		r.ScalarMultiplication(&g1, &sum)
		in = bls12381.AppendG1Compressed(in, &r)
		in = bls12381.AppendG2Compressed(in, &g2)
		ex = append(ex, core.Example{Name: itoa(n+1) + "pairs", Input: in, Worst: n > 0})
	}
	return ex
}
