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

// TestMulChain checks that blst's multiplication, the project's and
// gnark-crypto's compute the same chain z = z·y on the same limbs (all three
// keep Montgomery form with R = 2^(64N)), and that the result is x·y^n mod q
// by math/big, so the benchmarks below compare the same function.
func TestMulChain(t *testing.T) {
	if !blst.Available {
		t.Skip("blst is not in this build: ", blst.Note)
	}
	t.Run("fp", func(t *testing.T) {
		q := bls12381fp.Modulus()
		for i, c := range fieldCases(q, 1) {
			var x, y bls12381fp.Element
			x.SetBigInt(c[0])
			y.SetBigInt(c[1])
			var gx, gy gfp.Element
			gx.SetBigInt(c[0])
			gy.SetBigInt(c[1])
			for _, n := range []int{1, 3} {
				ours, ref := x, gx
				for range n {
					ours.Mul(&ours, &y)
					ref.Mul(&ref, &gy)
				}
				z, yy := [6]uint64(x), [6]uint64(y)
				blst.FpMulChain(&z, &yy, n)
				want := new(big.Int).Exp(c[1], big.NewInt(int64(n)), q)
				want.Mul(want, c[0]).Mod(want, q)
				var got big.Int
				if ours.BigInt(&got).Cmp(want) != 0 {
					t.Fatalf("case %d n=%d: bls12381fp gives %x, math/big %x", i, n, &got, want)
				}
				if z != [6]uint64(ours) || z != [6]uint64(ref) {
					t.Fatalf("case %d n=%d: blst %x, bls12381fp %x, gnark %x", i, n, z, [6]uint64(ours), [6]uint64(ref))
				}
			}
		}
	})
	t.Run("fr", func(t *testing.T) {
		q := bls12381fr.Modulus()
		for i, c := range fieldCases(q, 2) {
			var x, y bls12381fr.Element
			x.SetBigInt(c[0])
			y.SetBigInt(c[1])
			var gx, gy gfr.Element
			gx.SetBigInt(c[0])
			gy.SetBigInt(c[1])
			for _, n := range []int{1, 3} {
				ours, ref := x, gx
				for range n {
					ours.Mul(&ours, &y)
					ref.Mul(&ref, &gy)
				}
				z, yy := [4]uint64(x), [4]uint64(y)
				blst.FrMulChain(&z, &yy, n)
				want := new(big.Int).Exp(c[1], big.NewInt(int64(n)), q)
				want.Mul(want, c[0]).Mod(want, q)
				var got big.Int
				if ours.BigInt(&got).Cmp(want) != 0 {
					t.Fatalf("case %d n=%d: bls12381fr gives %x, math/big %x", i, n, &got, want)
				}
				if z != [4]uint64(ours) || z != [4]uint64(ref) {
					t.Fatalf("case %d n=%d: blst %x, bls12381fr %x, gnark %x", i, n, z, [4]uint64(ours), [4]uint64(ref))
				}
			}
		}
	})
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
	type chain struct {
		name string
		run  func()
	}
	bench := func(b *testing.B, chains []chain) {
		for i := range chains {
			for j := i + 1; j < len(chains); j++ {
				a, c := chains[i], chains[j]
				b.Run(a.name+"-vs-"+c.name, func(b *testing.B) {
					b.ReportMetric(pairedRatio(b, a.run, c.run), "ratio")
				})
			}
		}
	}
	b.Run("bls12381fp", func(b *testing.B) {
		q := bls12381fp.Modulus()
		xv, yv := randBelow(rng, q), randBelow(rng, q)
		var x, y bls12381fp.Element
		x.SetBigInt(xv)
		y.SetBigInt(yv)
		var gx, gy gfp.Element
		gx.SetBigInt(xv)
		gy.SetBigInt(yv)
		z, yy := [6]uint64(x), [6]uint64(y)
		bench(b, []chain{
			{"hostcrypto", func() {
				for range block {
					x.Mul(&x, &y)
				}
			}},
			{"gnark", func() {
				for range block {
					gx.Mul(&gx, &gy)
				}
			}},
			{"blst", func() { blst.FpMulChain(&z, &yy, block) }},
		})
	})
	b.Run("bls12381fr", func(b *testing.B) {
		q := bls12381fr.Modulus()
		xv, yv := randBelow(rng, q), randBelow(rng, q)
		var x, y bls12381fr.Element
		x.SetBigInt(xv)
		y.SetBigInt(yv)
		var gx, gy gfr.Element
		gx.SetBigInt(xv)
		gy.SetBigInt(yv)
		z, yy := [4]uint64(x), [4]uint64(y)
		bench(b, []chain{
			{"hostcrypto", func() {
				for range block {
					x.Mul(&x, &y)
				}
			}},
			{"gnark", func() {
				for range block {
					gx.Mul(&gx, &gy)
				}
			}},
			{"blst", func() { blst.FrMulChain(&z, &yy, block) }},
		})
	})
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
