package poseidon

import (
	"math/big"
	"testing"

	iden3 "github.com/iden3/go-iden3-crypto/poseidon"
)

func BenchmarkPoseidonBN254(b *testing.B) {
	for _, n := range []int{1, 2, 4, 16} {
		in := make([]bnElem, n)
		bi := make([]*big.Int, n)
		for i := range in {
			in[i].SetUint64(uint64(i + 1))
			bi[i] = big.NewInt(int64(i + 1))
		}
		HashBN254(in)
		b.Run(itoa(n)+"/hostcrypto", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				HashBN254(in)
			}
		})
		b.Run(itoa(n)+"/iden3", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				iden3.Hash(bi)
			}
		})
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }
