package dplonk

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

func TestGLVConstants(t *testing.T) {
	// r = λ² + λ + 1
	var r big.Int
	r.Mul(&glvLambda, &glvLambda).Add(&r, &glvLambda).Add(&r, big.NewInt(1))
	if r.Cmp(fr.Modulus()) != 0 {
		t.Fatal("λ² + λ + 1 != r")
	}
}

// msmGLV against gnark-crypto's MultiExp, with edge scalars (0, 1, r−1,
// λ, λ+1, 2^128−1) and repeated and opposite points.
func TestMSMGLV(t *testing.T) {
	_, _, g1, _ := bls12381.Generators()
	var rm1, lam, lam1, big128 fr.Element
	rm1.SetOne()
	rm1.Neg(&rm1)
	lam.SetBigInt(&glvLambda)
	lam1.SetBigInt(new(big.Int).Add(&glvLambda, big.NewInt(1)))
	big128.SetBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1)))
	edges := []fr.Element{{}, rm1, lam, lam1, big128}
	edges[0].SetOne()
	for n := 1; n <= 40; n += 3 {
		points := make([]bls12381.G1Affine, n)
		scalars := make([]fr.Element, n)
		for i := range points {
			s := randFr(t)
			points[i].ScalarMultiplication(&g1, s.BigInt(new(big.Int)))
			scalars[i] = randFr(t)
			switch i % 7 {
			case 1:
				scalars[i] = edges[(i/7)%len(edges)]
			case 2:
				scalars[i].SetZero()
			case 3:
				points[i] = points[i-1]
			case 4:
				points[i].Neg(&points[i-1])
				scalars[i] = scalars[i-1]
			}
		}
		terms := make([]msmTerm, n)
		for i := range terms {
			terms[i] = msmTerm{point: &points[i], s: scalars[i], s2: scalars[(i+1)%n]}
		}
		if n > 3 {
			tabs := newOddTables(points[:2], fixedWidth)
			terms[0].table, terms[1].table = &tabs[0], &tabs[1]
		}
		got, got2 := msmGLV(terms)
		var want bls12381.G1Jac
		if _, err := want.MultiExp(points, scalars, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(&want) {
			t.Fatalf("n=%d: mismatch", n)
		}
		rot := append(append([]fr.Element{}, scalars[1:]...), scalars[0])
		if _, err := want.MultiExp(points, rot, ecc.MultiExpConfig{NbTasks: 1}); err != nil {
			t.Fatal(err)
		}
		if !got2.Equal(&want) {
			t.Fatalf("n=%d: second sum mismatch", n)
		}
	}
}

func BenchmarkMSM(b *testing.B) {
	_, _, g1, _ := bls12381.Generators()
	const n = 20
	points := make([]bls12381.G1Affine, n)
	scalars := make([]fr.Element, n)
	for i := range points {
		var s fr.Element
		s.SetRandom()
		points[i].ScalarMultiplication(&g1, s.BigInt(new(big.Int)))
		scalars[i].SetRandom()
	}
	terms := make([]msmTerm, n)
	for i := range terms {
		terms[i] = msmTerm{point: &points[i], s: scalars[i]}
	}
	b.Run("glv-straus/20", func(b *testing.B) {
		for b.Loop() {
			msmGLV(terms)
		}
	})
	b.Run("gnark-multiexp/20", func(b *testing.B) {
		var r bls12381.G1Jac
		for b.Loop() {
			r.MultiExp(points, scalars, ecc.MultiExpConfig{NbTasks: 1})
		}
	})
}
