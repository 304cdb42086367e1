package dplonk

import (
	"math/big"
	"math/bits"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// A small-MSM kernel for the verifier's ~20-term multi-scalar
// multiplication, where gnark-crypto's Pippenger pays a large fixed cost.
// It is the interleaved (Straus) method over GLV-split scalars with width-5
// NAF digits and affine tables of odd multiples:
//
//	Σ kᵢ·Pᵢ = Σ (kᵢ₁·Pᵢ + kᵢ₂·φ(Pᵢ)),  kᵢ = kᵢ₁ + kᵢ₂·λ,  0 <= kᵢ₁, kᵢ₂ < 2^128
//
// where φ(x, y) = (β·x, y) acts on G1 as multiplication by λ = z² − 1
// (z = −0xd201000000010000, the BLS parameter), so that r = λ² + λ + 1 and
// long division of k by λ gives the split directly. Variable time: the
// verifier's scalars are public.

// Digit widths: variable points get width-5 NAF digits over a table of 8
// odd multiples built per call; the verifier key's fixed points get width 7
// over 32 precomputed odd multiples (built once per prepared verifier).
const (
	wnafWidth  = 5
	fixedWidth = 7
)

var (
	glvLambda big.Int    // λ = z² − 1, a cube root of unity mod r
	glvBeta   fp.Element // β with φ(P) = λ·P on G1
)

func init() {
	z := new(big.Int).SetUint64(0xd201000000010000)
	glvLambda.Mul(z, z).Sub(&glvLambda, big.NewInt(1))
	// β = g^((p−1)/3) for the first g that is not a cube, then β or β²,
	// whichever matches λ on the generator.
	e := fp.Modulus()
	e.Sub(e, big.NewInt(1)).Div(e, big.NewInt(3))
	var one fp.Element
	one.SetOne()
	for g := uint64(2); ; g++ {
		var base fp.Element
		base.SetUint64(g)
		glvBeta.Exp(base, e)
		if !glvBeta.Equal(&one) {
			break
		}
	}
	_, _, g1, _ := bls12381.Generators()
	var want bls12381.G1Affine
	want.ScalarMultiplication(&g1, &glvLambda)
	got := g1
	got.X.Mul(&got.X, &glvBeta)
	if !got.Equal(&want) {
		glvBeta.Square(&glvBeta)
		got = g1
		got.X.Mul(&got.X, &glvBeta)
		if !got.Equal(&want) {
			panic("dplonk: internal error: no GLV endomorphism matches λ")
		}
	}
}

// glvSplit returns k1, k2 < 2^128 with k = k1 + k2·λ (k canonical, < r).
func glvSplit(k *fr.Element) (k1, k2 [2]uint64) {
	var kb, q, r big.Int
	k.BigInt(&kb)
	q.DivMod(&kb, &glvLambda, &r)
	toLimbs := func(x *big.Int) (l [2]uint64) {
		w := x.Bits()
		for i := 0; i < len(w) && i < 2; i++ {
			l[i] = uint64(w[i])
		}
		return
	}
	return toLimbs(&r), toLimbs(&q)
}

// wnaf writes the width-w NAF of the 128-bit k (k[0] low) into d, one
// digit per bit position (odd digits in (−2^(w−1), 2^(w−1)) or 0), and
// returns the number of positions used.
func wnaf(k [2]uint64, w uint, d *[130]int8) int {
	// Three limbs: adding a negative digit's magnitude can carry past bit 127.
	lo, mid, hi := k[0], k[1], uint64(0)
	n := 0
	for lo|mid|hi != 0 {
		var digit int8
		if lo&1 == 1 {
			m := int(lo & (1<<w - 1))
			if m >= 1<<(w-1) {
				m -= 1 << w
			}
			digit = int8(m)
			if m > 0 {
				var b uint64
				lo, b = bits.Sub64(lo, uint64(m), 0)
				mid, b = bits.Sub64(mid, 0, b)
				hi -= b
			} else {
				var c uint64
				lo, c = bits.Add64(lo, uint64(-m), 0)
				mid, c = bits.Add64(mid, 0, c)
				hi += c
			}
		}
		d[n] = digit
		n++
		lo = lo>>1 | mid<<63
		mid = mid>>1 | hi<<63
		hi >>= 1
	}
	return n
}

// oddTable holds P, 3P, ..., (2^(w−1)−1)P and the same multiples of φ(P),
// in affine form.
type oddTable struct {
	w      uint
	p, phi []bls12381.G1Affine
}

// newOddTables builds the width-w tables of points (none the identity)
// with one batch normalization.
func newOddTables(points []bls12381.G1Affine, w uint) []oddTable {
	half := 1 << (w - 2)
	jac := make([]bls12381.G1Jac, len(points)*half)
	for i := range points {
		var twoP bls12381.G1Jac
		twoP.FromAffine(&points[i])
		twoP.DoubleAssign()
		t := jac[i*half : (i+1)*half]
		t[0].FromAffine(&points[i])
		for j := 1; j < half; j++ {
			t[j] = t[j-1]
			t[j].AddAssign(&twoP)
		}
	}
	aff := bls12381.BatchJacobianToAffineG1(jac)
	phi := make([]bls12381.G1Affine, len(aff))
	for i := range aff {
		phi[i].X.Mul(&aff[i].X, &glvBeta) // φ(jP) = jφ(P) = (β·x, y)
		phi[i].Y = aff[i].Y
	}
	tabs := make([]oddTable, len(points))
	for i := range tabs {
		tabs[i] = oddTable{w: w, p: aff[i*half : (i+1)*half], phi: phi[i*half : (i+1)*half]}
	}
	return tabs
}

// msmTerm is one point with its scalar for the main sum and for the
// optional second sum, and its table (nil: built by msmGLV).
type msmTerm struct {
	point *bls12381.G1Affine
	s, s2 fr.Element
	table *oddTable
}

// msmGLV returns Σ sᵢ·Pᵢ and Σ s2ᵢ·Pᵢ over terms (points not the
// identity), sharing the tables, GLV splits and loop between the two sums.
func msmGLV(terms []msmTerm) (acc, acc2 bls12381.G1Jac) {
	// Tables for the terms that bring none.
	var fresh []bls12381.G1Affine
	for _, t := range terms {
		if t.table == nil {
			fresh = append(fresh, *t.point)
		}
	}
	var built []oddTable
	if len(fresh) > 0 {
		built = newOddTables(fresh, wnafWidth)
	}
	type lane struct {
		tab  []bls12381.G1Affine
		dig  [130]int8
		into *bls12381.G1Jac
	}
	lanes := make([]lane, 0, 4*len(terms))
	top := 0
	addLanes := func(tab *oddTable, s *fr.Element, into *bls12381.G1Jac) {
		if s.IsZero() {
			return
		}
		k1, k2 := glvSplit(s)
		lanes = append(lanes, lane{tab: tab.p, into: into}, lane{tab: tab.phi, into: into})
		l := &lanes[len(lanes)-2]
		if n := wnaf(k1, tab.w, &l.dig); n > top {
			top = n
		}
		l = &lanes[len(lanes)-1]
		if n := wnaf(k2, tab.w, &l.dig); n > top {
			top = n
		}
	}
	nb := 0
	for i := range terms {
		tab := terms[i].table
		if tab == nil {
			tab = &built[nb]
			nb++
		}
		addLanes(tab, &terms[i].s, &acc)
		addLanes(tab, &terms[i].s2, &acc2)
	}

	for _, a := range []*bls12381.G1Jac{&acc, &acc2} {
		a.X.SetOne()
		a.Y.SetOne()
		a.Z.SetZero()
	}
	var neg bls12381.G1Affine
	for b := top - 1; b >= 0; b-- {
		// Doubling the identity (Z = 0) is skipped: the top of the chain.
		if !acc.Z.IsZero() {
			acc.DoubleAssign()
		}
		if !acc2.Z.IsZero() {
			acc2.DoubleAssign()
		}
		for j := range lanes {
			d := lanes[j].dig[b]
			if d == 0 {
				continue
			}
			if d > 0 {
				lanes[j].into.AddMixed(&lanes[j].tab[d/2])
			} else {
				neg.Neg(&lanes[j].tab[(-d)/2])
				lanes[j].into.AddMixed(&neg)
			}
		}
	}
	return acc, acc2
}
