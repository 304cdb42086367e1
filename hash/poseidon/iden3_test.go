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
