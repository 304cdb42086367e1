package msm

import (
	"math/big"
	"math/rand"
	"testing"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// TestSplit checks the Pippenger path's scalar splits against math/big:
// k = k1 + k2·λ as integers with 0 ≤ k1 < λ (BLS12-381), k = ±k1 ± k2·λ
// mod r (BN254), on random scalars below 2^255 and the edges around
// multiples of λ and r.
func TestSplit(t *testing.T) {
	lam := hexInt(bls12381LambdaHex)
	r := blsfr.Modulus()
	if new(big.Int).Add(new(big.Int).Add(new(big.Int).Mul(lam, lam), lam), big.NewInt(1)).Cmp(r) != 0 {
		t.Fatal("BLS12-381: r != λ² + λ + 1")
	}
	if l := new(big.Int).SetUint64(bls12381Lambda1); l.Lsh(l, 64).Add(l, new(big.Int).SetUint64(bls12381Lambda0)).Cmp(lam) != 0 {
		t.Fatal("bls12381Lambda limbs differ from λ")
	}
	rng := rand.New(rand.NewSource(1))
	var ks []*big.Int
	top := new(big.Int).Lsh(big.NewInt(1), 255)
	for i := 0; i < 20000; i++ {
		ks = append(ks, new(big.Int).Rand(rng, top))
	}
	one := big.NewInt(1)
	for _, base := range []*big.Int{big.NewInt(0), lam, new(big.Int).Mul(lam, lam), r, new(big.Int).Sub(top, one),
		new(big.Int).Mul(lam, new(big.Int).Add(lam, one)), new(big.Int).Lsh(lam, 64), new(big.Int).Lsh(lam, 127)} {
		for d := int64(-3); d <= 3; d++ {
			k := new(big.Int).Add(base, big.NewInt(d))
			if k.Sign() >= 0 && k.Cmp(top) < 0 {
				ks = append(ks, k)
			}
		}
	}
	for _, k := range ks {
		l := limbs4(k)
		k1, k2, n1, n2 := bls12381G1Split(&l)
		a, b := new(big.Int).SetBits(wordsOf(&k1)), new(big.Int).SetBits(wordsOf(&k2))
		q, m := new(big.Int).QuoRem(k, lam, new(big.Int))
		if n1 || n2 || a.Cmp(m) != 0 || b.Cmp(q) != 0 {
			t.Fatalf("bls12381G1Split(%x) = %x, %x; want %x, %x", k, a, b, m, q)
		}
	}
	rb := bnfr.Modulus()
	lb := hexInt(bn254LambdaHex)
	for _, k := range ks[:2000] {
		k.Mod(k, rb)
		l := limbs4(k)
		k1, k2, n1, n2 := bn254G1Split(&l)
		a, b := new(big.Int).SetBits(wordsOf(&k1)), new(big.Int).SetBits(wordsOf(&k2))
		if n1 {
			a.Neg(a)
		}
		if n2 {
			b.Neg(b)
		}
		got := new(big.Int).Add(a, b.Mul(b, lb))
		if got.Mod(got, rb).Cmp(k) != 0 {
			t.Fatalf("bn254G1Split(%x): k1 + k2·λ != k mod r", k)
		}
	}
}
