package blst_test

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	gfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/field/bls12381fp"
	"github.com/hostcrypto/hostcrypto/field/bls12381fr"
	"github.com/hostcrypto/hostcrypto/internal/blst"
)

// fieldCases are the x, y pairs of TestMulChain: edge values of the field
// (0, 1, 2, q-1, q-2, (q-1)/2) crossed with each other, then random pairs.
func fieldCases(q *big.Int, seed uint64) [][2]*big.Int {
	one := big.NewInt(1)
	edges := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(2),
		new(big.Int).Sub(q, one), new(big.Int).Sub(q, big.NewInt(2)),
		new(big.Int).Rsh(q, 1),
	}
	var out [][2]*big.Int
	for _, a := range edges {
		for _, b := range edges {
			out = append(out, [2]*big.Int{a, b})
		}
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	for range 200 {
		out = append(out, [2]*big.Int{randBelow(rng, q), randBelow(rng, q)})
	}
	return out
}

// randBelow returns a pseudo-random integer in [0, q).
func randBelow(rng *rand.Rand, q *big.Int) *big.Int {
	buf := make([]byte, (q.BitLen()+7)/8+8)
	for i := range buf {
		buf[i] = byte(rng.Uint32())
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(buf), q)
}

// chains holds one dependent chain z = z·y per library, each on its own z
// starting at the same x: the project's Element.Mul (ours), gnark-crypto's
// Mul and blst's multiplication from a C loop. Each run func performs n
// products.
type chains struct {
	ours, gnark, blst func(n int)
	limbs             func() (ours, gnark, blst []uint64)
	value             func() *big.Int // ours's z
}

// blsField is one BLS12-381 field with its constructor of chains (blst has
// no BN254 fields).
type blsField struct {
	name   string
	q      *big.Int
	chains func(x, y *big.Int) chains
}

var blsFields = []blsField{
	{"bls12381fp", bls12381fp.Modulus(), func(xv, yv *big.Int) chains {
		var x, y bls12381fp.Element
		var gx, gy gfp.Element
		x.SetBigInt(xv)
		y.SetBigInt(yv)
		gx.SetBigInt(xv)
		gy.SetBigInt(yv)
		z, yy := [6]uint64(x), [6]uint64(y)
		return chains{
			ours: func(n int) {
				for range n {
					x.Mul(&x, &y)
				}
			},
			gnark: func(n int) {
				for range n {
					gx.Mul(&gx, &gy)
				}
			},
			blst:  func(n int) { blst.FpMulChain(&z, &yy, n) },
			limbs: func() (_, _, _ []uint64) { return x[:], gx[:], z[:] },
			value: func() *big.Int { return x.BigInt(new(big.Int)) },
		}
	}},
	{"bls12381fr", bls12381fr.Modulus(), func(xv, yv *big.Int) chains {
		var x, y bls12381fr.Element
		var gx, gy gfr.Element
		x.SetBigInt(xv)
		y.SetBigInt(yv)
		gx.SetBigInt(xv)
		gy.SetBigInt(yv)
		z, yy := [4]uint64(x), [4]uint64(y)
		return chains{
			ours: func(n int) {
				for range n {
					x.Mul(&x, &y)
				}
			},
			gnark: func(n int) {
				for range n {
					gx.Mul(&gx, &gy)
				}
			},
			blst:  func(n int) { blst.FrMulChain(&z, &yy, n) },
			limbs: func() (_, _, _ []uint64) { return x[:], gx[:], z[:] },
			value: func() *big.Int { return x.BigInt(new(big.Int)) },
		}
	}},
}

// TestMulChain checks that blst's multiplication, the project's and
// gnark-crypto's compute the same chain z = z·y on the same limbs (all three
// keep Montgomery form with R = 2^(64N)), and that the result is x·y^n mod q
// by math/big, so the benchmarks below compare the same function.
func TestMulChain(t *testing.T) {
	if !blst.Available {
		t.Skip("blst is not in this build: ", blst.Note)
	}
	for k, f := range blsFields {
		t.Run(f.name, func(t *testing.T) {
			for i, c := range fieldCases(f.q, uint64(k+1)) {
				for _, n := range []int{1, 3} {
					ch := f.chains(c[0], c[1])
					ch.ours(n)
					ch.gnark(n)
					ch.blst(n)
					want := new(big.Int).Exp(c[1], big.NewInt(int64(n)), f.q)
					want.Mul(want, c[0]).Mod(want, f.q)
					if got := ch.value(); got.Cmp(want) != 0 {
						t.Fatalf("case %d n=%d: %s gives %x, math/big %x", i, n, f.name, got, want)
					}
					ours, gnark, bl := ch.limbs()
					if !slices.Equal(bl, ours) || !slices.Equal(bl, gnark) {
						t.Fatalf("case %d n=%d: blst %x, %s %x, gnark %x", i, n, bl, f.name, ours, gnark)
					}
				}
			}
		})
	}
}

// BenchmarkFieldMulChain/<field>/<a>-vs-<b> times the dependent chain
// z = z·y with two libraries in alternating blocks of 512 products (the
// order swapped every iteration) and reports the median per-block time
// ratio a/b, as field's BenchmarkFieldMulPaired does for the project's
// kernels against gnark-crypto. hostcrypto is the public Element.Mul
// (dispatch switch plus the ADX kernel here), gnark is gnark-crypto's Mul,
// blst is blst_fp_mul / blst_fr_mul called from a C loop (one cgo call per
// block). BLS12-381 only: blst has no BN254 fields.
func BenchmarkFieldMulChain(b *testing.B) {
	if !blst.Available {
		b.Skip("blst is not in this build: ", blst.Note)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	const block = 512
	for _, f := range blsFields {
		b.Run(f.name, func(b *testing.B) {
			ch := f.chains(randBelow(rng, f.q), randBelow(rng, f.q))
			libs := []struct {
				name string
				run  func(int)
			}{{"hostcrypto", ch.ours}, {"gnark", ch.gnark}, {"blst", ch.blst}}
			for i := range libs {
				for j := i + 1; j < len(libs); j++ {
					a, c := libs[i], libs[j]
					b.Run(a.name+"-vs-"+c.name, func(b *testing.B) {
						r := pairedRatio(b, func() { a.run(block) }, func() { c.run(block) })
						b.ReportMetric(r, "ratio")
					})
				}
			}
		})
	}
}

// pairedRatio runs a and b alternately, b.N times each, and returns the
// median of the per-pair time ratios a/b.
func pairedRatio(b *testing.B, fa, fb func()) float64 {
	var ratios []float64
	i := 0
	for b.Loop() {
		first, second := fa, fb
		if i%2 == 1 {
			first, second = fb, fa
		}
		t0 := time.Now()
		first()
		t1 := time.Now()
		second()
		t2 := time.Now()
		da, db := t1.Sub(t0), t2.Sub(t1)
		if i%2 == 1 {
			da, db = db, da
		}
		ratios = append(ratios, float64(da)/float64(db))
		i++
	}
	slices.Sort(ratios)
	return ratios[len(ratios)/2]
}
