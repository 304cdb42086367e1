package hash

import (
	"bytes"
	"math/big"
	"testing"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"golang.org/x/crypto/blake2b"
)

// TestHashToScalar compares hash_to_scalar_bls12381 with the definition
// evaluated in math/big: int_le(BLAKE2b-512(m)) mod r, 32 bytes LE.
func TestHashToScalar(t *testing.T) {
	r := blsfr.Modulus()
	for n := 0; n < 300; n += 7 {
		msg := bytes.Repeat([]byte{byte(n), 0xff}, n)
		d := blake2b.Sum512(msg)
		be := make([]byte, 64)
		for i := range d {
			be[63-i] = d[i]
		}
		v := new(big.Int).Mod(new(big.Int).SetBytes(be), r)
		want := make([]byte, 32)
		v.FillBytes(want)
		for i, j := 0, 31; i < j; i, j = i+1, j-1 {
			want[i], want[j] = want[j], want[i]
		}
		got, err := call(t, "hash_to_scalar_bls12381", msg)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("len %d: got %x, %v; want %x", len(msg), got, err, want)
		}
	}
}
