package poseidon

import (
	"math/big"
	"math/rand"
	"testing"

	iden3 "github.com/iden3/go-iden3-crypto/poseidon"
)

// TestCircomAgainstIden3 compares HashBN254 with go-iden3-crypto's
// poseidon.Hash (test-only dependency) on edge and pseudo-random inputs of
// every width.
func TestCircomAgainstIden3(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	rMinus1 := new(big.Int).Sub(bnModulus, big.NewInt(1))
	for n := 1; n <= MaxInputsBN254; n++ {
		for trial := 0; trial < 3; trial++ {
			bi := make([]*big.Int, n)
			in := make([]bnElem, n)
			for i := range bi {
				switch trial {
				case 0:
					bi[i] = new(big.Int).Set(rMinus1)
				case 1:
					bi[i] = big.NewInt(int64(i))
				default:
					bi[i] = new(big.Int).Rand(rng, bnModulus)
				}
				in[i].SetBigInt(bi[i])
			}
			want, err := iden3.Hash(bi)
			if err != nil {
				t.Fatal(err)
			}
			got, err := HashBN254(in)
			var g big.Int
			if err != nil || got.BigInt(&g).Cmp(want) != 0 {
				t.Fatalf("n=%d trial %d: got %s, %v; want %s", n, trial, got.String(), err, want)
			}
		}
	}
}

// TestCircomFullStateAgainstIden3 checks the Grain-generated constants of
// every width against go-iden3-crypto's own constants table: the specified
// permutation (no rewriting) must give the same whole final state as
// poseidon.HashWithStateEx with nOuts = t, for a nonzero initial state.
func TestCircomFullStateAgainstIden3(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := 1; n <= MaxInputsBN254; n++ {
		bi := make([]*big.Int, n)
		in := make([]bnElem, n)
		for i := range bi {
			bi[i] = new(big.Int).Rand(rng, bnModulus)
			in[i].SetBigInt(bi[i])
		}
		initBig := new(big.Int).Rand(rng, bnModulus)
		var init bnElem
		init.SetBigInt(initBig)
		want, err := iden3.HashWithStateEx(bi, initBig, n+1)
		if err != nil {
			t.Fatal(err)
		}
		got := builtCircom(n+1).reference(init, in)
		for i := range want {
			var g big.Int
			if got[i].BigInt(&g).Cmp(want[i]) != 0 {
				t.Fatalf("t=%d: state word %d = %s, go-iden3-crypto %s", n+1, i, g.String(), want[i])
			}
		}
	}
}
