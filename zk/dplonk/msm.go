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

const wnafWidth = 5

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

// wnaf writes the width-5 NAF of the 128-bit k (k[0] low) into d, one
// digit per bit position (odd digits in [−15, 15] or 0), and returns the
// number of positions used.
func wnaf(k [2]uint64, d *[130]int8) int {
	// Three limbs: adding a negative digit's magnitude can carry past bit 127.
	lo, mid, hi := k[0], k[1], uint64(0)
	n := 0
	for lo|mid|hi != 0 {
		var digit int8
		if lo&1 == 1 {
			m := int(lo & (1<<wnafWidth - 1))
			if m >= 1<<(wnafWidth-1) {
				m -= 1 << wnafWidth
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

// msmGLV returns Σ scalars[i]·points[i]. Points must not be the identity.
func msmGLV(points []bls12381.G1Affine, scalars []fr.Element) bls12381.G1Jac {
	n := len(points)
	const half = 1 << (wnafWidth - 2) // odd multiples 1, 3, ..., 15
	// Tables of odd multiples of each point in Jacobian form, normalized
	// to affine together.
	jac := make([]bls12381.G1Jac, n*half)
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
	// φ-tables: φ(jP) = (β·x, y).
	phi := make([]bls12381.G1Affine, len(aff))
	for i := range aff {
		phi[i].X.Mul(&aff[i].X, &glvBeta)
		phi[i].Y = aff[i].Y
	}

	digits := make([][130]int8, 2*n)
	top := 0
	for i := range scalars {
		k1, k2 := glvSplit(&scalars[i])
		if l := wnaf(k1, &digits[2*i]); l > top {
			top = l
		}
		if l := wnaf(k2, &digits[2*i+1]); l > top {
			top = l
		}
	}

	var acc bls12381.G1Jac
	acc.Z.SetZero()
	acc.X.SetOne()
	acc.Y.SetOne()
	var neg bls12381.G1Affine
	for b := top - 1; b >= 0; b-- {
		acc.DoubleAssign()
		for j := 0; j < 2*n; j++ {
			d := digits[j][b]
			if d == 0 {
				continue
			}
			tab := aff
			if j&1 == 1 {
				tab = phi
			}
			base := (j / 2) * half
			if d > 0 {
				acc.AddMixed(&tab[base+int(d)/2])
			} else {
				neg.Neg(&tab[base+int(-d)/2])
				acc.AddMixed(&neg)
			}
		}
	}
	return acc
}
