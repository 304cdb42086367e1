package msm_test

import (
	"fmt"
	"math/big"
	"math/rand"
	"runtime"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/curves/internal/msm"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// The sizes cross every window regime (XYZZ buckets for small n, affine
// batches from c = 9) and are mostly not multiples of 8.
var sizes = []int{1, 2, 3, 7, 8, 9, 31, 64, 65, 257, 1023, 2051}

// shapes of scalars and points for the edge cases.
const (
	shapeRandom = iota
	shapeZeroScalars
	shapeRepeated // one point, random scalars
	shapeRepeatedScalar
	shapeNegPairs // P, -P with equal scalars: the sum is infinity
	shapeInfinity
	shapeSmallScalars // scalars 0 … 3: many equal buckets
	shapeMaxScalars   // r-1, r-2, …
	nShapes
)

func blsInputs(rng *rand.Rand, n, shape int) ([]bls.G1Affine, []blsfr.Element) {
	g, _, _, _ := bls.Generators()
	P := make([]bls.G1Affine, n)
	s := make([]blsfr.Element, n)
	var k blsfr.Element
	k.SetRandom()
	var q, acc bls.G1Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	J := make([]bls.G1Jac, n)
	for i := range P {
		acc.AddAssign(&q)
		J[i] = acc
		s[i].SetRandom()
	}
	P = bls.BatchJacobianToAffineG1(J)
	edge(rng, shape, P, s, func(p *bls.G1Affine) { p.Neg(p) }, func(p *bls.G1Affine) { *p = bls.G1Affine{} })
	return P, s
}

func bnInputs(rng *rand.Rand, n, shape int) ([]bn.G1Affine, []bnfr.Element) {
	g, _, _, _ := bn.Generators()
	P := make([]bn.G1Affine, n)
	s := make([]bnfr.Element, n)
	var k bnfr.Element
	k.SetRandom()
	var q, acc bn.G1Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	J := make([]bn.G1Jac, n)
	for i := range P {
		acc.AddAssign(&q)
		J[i] = acc
		s[i].SetRandom()
	}
	P = bn.BatchJacobianToAffineG1(J)
	edge(rng, shape, P, s, func(p *bn.G1Affine) { p.Neg(p) }, func(p *bn.G1Affine) { *p = bn.G1Affine{} })
	return P, s
}

// scalar is what both fr.Element types can do.
type scalar[S any] interface {
	*S
	SetZero() *S
	SetUint64(uint64) *S
	SetOne() *S
	Neg(*S) *S
	Sub(*S, *S) *S
}

func edge[T any, S any, PS scalar[S]](rng *rand.Rand, shape int, P []T, s []S, neg, inf func(*T)) {
	n := len(P)
	for i := range P {
		switch shape {
		case shapeZeroScalars:
			if rng.Intn(2) == 0 {
				PS(&s[i]).SetZero()
			}
		case shapeRepeated:
			P[i] = P[0]
		case shapeRepeatedScalar:
			P[i] = P[0]
			s[i] = s[0]
		case shapeNegPairs:
			if i%2 == 1 {
				P[i] = P[i-1]
				neg(&P[i])
				s[i] = s[i-1]
			}
		case shapeInfinity:
			if rng.Intn(3) == 0 {
				inf(&P[i])
			}
		case shapeSmallScalars:
			PS(&s[i]).SetUint64(uint64(rng.Intn(4)))
			if i > 0 && rng.Intn(2) == 0 {
				P[i] = P[i-1]
			}
		case shapeMaxScalars:
			var one S
			PS(&one).SetOne()
			PS(&s[i]).SetUint64(uint64(i + 1))
			PS(&s[i]).Neg(&s[i]) // r - i - 1
			_ = one
		}
	}
	_ = n
}

var cfg1 = ecc.MultiExpConfig{NbTasks: 1}

// msmCase is one MSM input and gnark-crypto's MultiExp of it.
type msmCase[P, S any] struct {
	P    []P
	s    []S
	want P
}

// againstGnark builds a case of every size and shape (inputs, with the
// reference sum from multiExp) and checks msm on each, byte for byte,
// under every fieldmulvec × fieldmul kernel of field and GOMAXPROCS 1 and
// 2. It returns the cases.
func againstGnark[P comparable, S any](t *testing.T, field string, rng *rand.Rand, sizes []int,
	inputs func(*rand.Rand, int, int) ([]P, []S), multiExp func([]P, []S) (*P, error), msm func([]P, []S) P) []msmCase[P, S] {
	t.Helper()
	var cases []msmCase[P, S]
	for _, n := range sizes {
		for shape := 0; shape < nShapes; shape++ {
			c := msmCase[P, S]{}
			c.P, c.s = inputs(rng, n, shape)
			w, err := multiExp(c.P, c.s)
			if err != nil {
				t.Fatal(err)
			}
			c.want = *w
			cases = append(cases, c)
		}
	}
	dispatchtest.ForEach(t, "fieldmulvec."+field, func(t *testing.T) {
		dispatchtest.ForEach(t, "fieldmul."+field, func(t *testing.T) {
			for i, c := range cases {
				procs(func(p int) {
					if got := msm(c.P, c.s); got != c.want {
						t.Errorf("n=%d shape=%d procs=%d: got %v want %v", len(c.P), i%nShapes, p, got, c.want)
					}
				})
			}
		})
	})
	return cases
}

// procs runs f with GOMAXPROCS 1 and 2: the result must not depend on it.
func procs(f func(procs int)) {
	for _, p := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(p)
		f(p)
		runtime.GOMAXPROCS(prev)
	}
}

func TestBLS12381G1AgainstGnark(t *testing.T) {
	againstGnark(t, "bls12381fp", rand.New(rand.NewSource(1)), sizes, blsInputs,
		func(P []bls.G1Affine, s []blsfr.Element) (*bls.G1Affine, error) {
			return new(bls.G1Affine).MultiExp(P, s, cfg1)
		}, msm.BLS12381G1)
}

func TestBN254G1AgainstGnark(t *testing.T) {
	againstGnark(t, "bn254fp", rand.New(rand.NewSource(2)), sizes, bnInputs,
		func(P []bn.G1Affine, s []bnfr.Element) (*bn.G1Affine, error) {
			return new(bn.G1Affine).MultiExp(P, s, cfg1)
		}, msm.BN254G1)
}

// TestMismatchedLengths: no panic, infinity.
func TestMismatchedLengths(t *testing.T) {
	P, s := blsInputs(rand.New(rand.NewSource(3)), 3, shapeRandom)
	if got := msm.BLS12381G1(P, s[:2]); !got.IsInfinity() {
		t.Errorf("mismatched lengths: %v", got)
	}
	if got := msm.BLS12381G1(nil, nil); !got.IsInfinity() {
		t.Errorf("empty: %v", got)
	}
	_ = fmt.Sprint
}

// g2Sizes: 1 … ~600, crossing the window regimes, mostly not multiples of 8.
var g2Sizes = []int{1, 2, 3, 5, 8, 9, 15, 17, 33, 63, 64, 65, 129, 255, 257, 513, 601}

func blsG2Inputs(rng *rand.Rand, n, shape int) ([]bls.G2Affine, []blsfr.Element) {
	_, g, _, _ := bls.Generators()
	P := make([]bls.G2Affine, n)
	s := make([]blsfr.Element, n)
	var k blsfr.Element
	k.SetRandom()
	var q, acc bls.G2Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	for i := range P {
		acc.AddAssign(&q)
		P[i].FromJacobian(&acc)
		s[i].SetRandom()
	}
	edge(rng, shape, P, s, func(p *bls.G2Affine) { p.Neg(p) }, func(p *bls.G2Affine) { *p = bls.G2Affine{} })
	return P, s
}

func TestBLS12381G2AgainstGnark(t *testing.T) {
	cases := againstGnark(t, "bls12381fp", rand.New(rand.NewSource(5)), g2Sizes, blsG2Inputs,
		func(P []bls.G2Affine, s []blsfr.Element) (*bls.G2Affine, error) {
			return new(bls.G2Affine).MultiExp(P, s, cfg1)
		}, msm.BLS12381G2)
	if got := msm.BLS12381G2(cases[0].P, cases[0].s[:0]); !got.IsInfinity() {
		t.Errorf("mismatched lengths: %v", got)
	}
	if got := msm.BLS12381G2(nil, nil); !got.IsInfinity() {
		t.Errorf("empty: %v", got)
	}
}

// TestG2NotInSubgroup: no endomorphism is used, so the sum is right for
// any points of the twist E'(Fp2), in G2 or not.
func TestG2NotInSubgroup(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	for _, n := range []int{3, 40} {
		P, s := blsG2Inputs(rng, n, shapeRandom)
		x := uint64(1)
		for i := range P {
			if i%3 != 0 {
				continue
			}
			for ; ; x++ { // the next x = x + u with x³ + 4(1+u) a square
				var X, rhs, Y bls.E2
				X.A0.SetUint64(x)
				X.A1.SetOne()
				rhs.Square(&X).Mul(&rhs, &X)
				var b bls.E2
				b.A0.SetUint64(4)
				b.A1.SetUint64(4)
				rhs.Add(&rhs, &b)
				if rhs.Legendre() == 1 {
					Y.Sqrt(&rhs)
					P[i] = bls.G2Affine{X: X, Y: Y}
					x++
					break
				}
			}
			if !P[i].IsOnCurve() {
				t.Fatal("test point off the twist")
			}
		}
		if P[0].IsInSubGroup() {
			t.Fatal("test point in G2")
		}
		var want bls.G2Jac
		for i := range P {
			var p, acc bls.G2Jac
			p.FromAffine(&P[i])
			k := s[i].BigInt(new(big.Int))
			for b := k.BitLen() - 1; b >= 0; b-- {
				acc.DoubleAssign()
				if k.Bit(b) == 1 {
					acc.AddAssign(&p)
				}
			}
			want.AddAssign(&acc)
		}
		var w bls.G2Affine
		w.FromJacobian(&want)
		procs(func(p int) {
			if got := msm.BLS12381G2(P, s); got != w {
				t.Errorf("n=%d procs=%d: got %v want %v", n, p, got, w)
			}
		})
	}
}
