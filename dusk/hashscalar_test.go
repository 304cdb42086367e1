package dusk

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

// TestHashToScalarDusk checks the multisig coefficients H1(pk) =
// BlsScalar::hash_to_scalar(H1_DST || pk) produced by Dusk's bls12_381-bls.
func TestHashToScalarDusk(t *testing.T) {
	var v struct {
		Scheme struct {
			H1DST string `json:"h1_dst"`
		}
		Single []struct {
			PK   string `json:"pk"`
			H1PK string `json:"h1_pk"`
		}
	}
	loadJSON(t, "bls12_381-bls.json", &v)
	if len(v.Single) == 0 || v.Scheme.H1DST == "" {
		t.Fatal("no vectors")
	}
	for _, c := range v.Single {
		in := append([]byte(v.Scheme.H1DST), unhex(t, c.PK)...)
		got, err := call(t, "hash_to_scalar_bls12381", in)
		if err != nil || !bytes.Equal(got, unhex(t, c.H1PK)) {
			t.Errorf("pk %s: got %x, %v; want %s", c.PK[:16], got, err, c.H1PK)
		}
	}
}
