package curves_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// TestMSMG2EveryImplementation: BLS12381MSMG2 gives gnark-crypto's
// MultiExp bytes under every implementation of msm.bls12381g2 (native,
// gnark, blst), at sizes on both sides of native's hand-off to the peers
// (nativeMinBLS12381G2) and on the edge shapes: infinity points, zero
// scalars, P and -P, one repeated point.
func TestMSMG2EveryImplementation(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	_, g, _, _ := bls.Generators()
	type tc struct {
		Q    []bls.G2Affine
		s    []blsfr.Element
		want bls.G2Affine
	}
	var cases []tc
	for _, n := range []int{1, 2, 4, 5, 8, 11, 12, 13, 16, 33, 64, 100} {
		for shape := 0; shape < 4; shape++ {
			var k blsfr.Element
			k.SetRandom()
			var q, acc bls.G2Jac
			q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
			c := tc{Q: make([]bls.G2Affine, n), s: make([]blsfr.Element, n)}
			for i := range c.Q {
				acc.AddAssign(&q)
				c.Q[i].FromJacobian(&acc)
				c.s[i].SetRandom()
				switch {
				case shape == 1 && rng.Intn(3) == 0:
					c.Q[i] = bls.G2Affine{}
				case shape == 1 && rng.Intn(2) == 0:
					c.s[i].SetZero()
				case shape == 2 && i%2 == 1:
					c.Q[i].Neg(&c.Q[i-1])
					c.s[i] = c.s[i-1]
				case shape == 3:
					c.Q[i] = c.Q[0]
				}
			}
			if _, err := c.want.MultiExp(c.Q, c.s, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
				t.Fatal(err)
			}
			cases = append(cases, c)
		}
	}
	dispatchtest.ForEach(t, "msm.bls12381g2", func(t *testing.T) {
		for i, c := range cases {
			if got := curves.BLS12381MSMG2(c.Q, c.s); got != c.want {
				t.Errorf("n=%d shape=%d: got %v want %v", len(c.Q), i%4, got, c.want)
			}
		}
	})
}
