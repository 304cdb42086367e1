package poseidon

import (
	"math/big"
	"strconv"
	"testing"

	gnarkfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	iden3 "github.com/iden3/go-iden3-crypto/poseidon"
)

// BenchmarkPoseidonBN254 compares HashBN254 with go-iden3-crypto's
// poseidon.Hash (same function) and, for scale, gnark-crypto's Poseidon2
// permutation of the same width (a different, cheaper hash: t = n+1,
// R_F = 8, R_P = 56 for t = 3).
func BenchmarkPoseidonBN254(b *testing.B) {
	for _, n := range []int{1, 2, 4, 16} {
		in := make([]bnElem, n)
		bi := make([]*big.Int, n)
		for i := range in {
			in[i].SetUint64(uint64(i + 1))
			bi[i] = big.NewInt(int64(i + 1))
		}
		HashBN254(in)
		b.Run(strconv.Itoa(n)+"/hostcrypto", func(b *testing.B) {
			defer startCPU(b)()
			for i := 0; i < b.N; i++ {
				HashBN254(in)
			}
		})
		b.Run(strconv.Itoa(n)+"/iden3", func(b *testing.B) {
			defer startCPU(b)()
			for i := 0; i < b.N; i++ {
				iden3.Hash(bi)
			}
		})
	}
	perm := poseidon2.NewPermutation(3, 8, 56)
	b.Run("2/gnark-poseidon2-t3", func(b *testing.B) {
		var s [3]gnarkfr.Element
		defer startCPU(b)()
		for i := 0; i < b.N; i++ {
			s[1].SetUint64(1)
			s[2].SetUint64(2)
			perm.Permutation(s[:])
		}
	})
}

func BenchmarkPoseidonDusk(b *testing.B) {
	for _, n := range []int{1, 4, 5} {
		in := make([]byte, 32*n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dst := make([]byte, 0, 32)
			defer startCPU(b)()
			for i := 0; i < b.N; i++ {
				AppendHashDusk(dst, in)
			}
		})
	}
}
