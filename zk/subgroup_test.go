package zk

import (
	"bytes"
	"math/big"
	"runtime"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// twistPointBN returns a point on BN254's twist outside the order-r
// subgroup: the first x = 1, 2, ... with x³ + b' a square in Fp2.
func twistPointBN(t *testing.T) bn.G2Affine {
	_, _, _, g := bn.Generators()
	var b, t3 bn.E2 // b' = y_g² − x_g³
	b.Square(&g.Y)
	t3.Square(&g.X).Mul(&t3, &g.X)
	b.Sub(&b, &t3)
	var p bn.G2Affine
	for x := uint64(1); x < 100; x++ {
		p.X.A0.SetUint64(x)
		p.X.A1.SetOne()
		var r bn.E2
		r.Square(&p.X).Mul(&r, &p.X).Add(&r, &b)
		if r.Legendre() == 1 {
			p.Y.Sqrt(&r)
			if p.IsOnCurve() && !p.IsInSubGroup() {
				return p
			}
		}
	}
	t.Fatal("no point found")
	return p
}

func twistPointBLS(t *testing.T) bls.G2Affine {
	_, _, _, g := bls.Generators()
	var b, t3 bls.E2
	b.Square(&g.Y)
	t3.Square(&g.X).Mul(&t3, &g.X)
	b.Sub(&b, &t3)
	var p bls.G2Affine
	for x := uint64(1); x < 100; x++ {
		p.X.A0.SetUint64(x)
		p.X.A1.SetOne()
		var r bls.E2
		r.Square(&p.X).Mul(&r, &p.X).Add(&r, &b)
		if r.Legendre() == 1 {
			p.Y.Sqrt(&r)
			if p.IsOnCurve() && !p.IsInSubGroup() {
				return p
			}
		}
	}
	t.Fatal("no point found")
	return p
}

func bnG2Bytes(p *bn.G2Affine) []byte {
	var out []byte
	for _, e := range []*[32]byte{ptr(p.X.A1.Bytes()), ptr(p.X.A0.Bytes()), ptr(p.Y.A1.Bytes()), ptr(p.Y.A0.Bytes())} {
		out = append(out, e[:]...)
	}
	return out
}

func blsG2Bytes(p *bls.G2Affine) []byte {
	var out []byte
	for _, e := range []*[48]byte{ptr(p.X.A0.Bytes()), ptr(p.X.A1.Bytes()), ptr(p.Y.A0.Bytes()), ptr(p.Y.A1.Bytes())} {
		out = append(out, make([]byte, 16)...)
		out = append(out, e[:]...)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// TestG2Subgroup: a proof's B or a key's γ on the twist but outside the
// subgroup gives ErrNotInSubgroup, with and without the parallel Miller
// loop.
func TestG2Subgroup(t *testing.T) {
	ins := validInputs(t)
	pb, pl := twistPointBN(t), twistPointBLS(t)
	type place struct {
		fn  string
		off int
		pt  []byte
	}
	bnIn, blsIn := ins["groth16_bn254_verify"], ins["groth16_bls12381_verify"]
	bnN, blsN := int(bnGroth16Count(bnIn)), int(blsGroth16Count(blsIn))
	places := []place{
		{"groth16_bn254_verify", bnVKFixed + 64*bnN + 64, bnG2Bytes(&pb)},         // B
		{"groth16_bn254_verify", 64 + 128, bnG2Bytes(&pb)},                        // γ
		{"groth16_bls12381_verify", blsVKFixed + 128*blsN + 128, blsG2Bytes(&pl)}, // B
		{"groth16_bls12381_verify", 128 + 256, blsG2Bytes(&pl)},                   // γ
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		for _, p := range places {
			in := bytes.Clone(ins[p.fn])
			copy(in[p.off:], p.pt)
			for range 2 {
				_, err := run1(mustLookup(t, p.fn), in)
				if core.CodeOf(err) != core.CodeNotInSubgroup {
					t.Errorf("%s offset %d, GOMAXPROCS %d: %v, want not_in_subgroup", p.fn, p.off, procs, err)
				}
			}
		}
	}
}

// TestLinComb: the GLV loop and the multi-scalar multiplication give the
// same IC_0 + Σ xᵢ·IC_{i+1}, on both curves, for 0..9 inputs (including
// zero and r−1 scalars).
func TestLinComb(t *testing.T) {
	_, _, g1, _ := bn.Generators()
	_, _, h1, _ := bls.Generators()
	for n := range 10 {
		icBn := make([]bn.G1Affine, n+1)
		icBls := make([]bls.G1Affine, n+1)
		inBn := make([]bnfr.Element, n)
		inBls := make([]blsfr.Element, n)
		for i := range icBn {
			icBn[i].ScalarMultiplication(&g1, big.NewInt(int64(1000*i+7)))
			icBls[i].ScalarMultiplication(&h1, big.NewInt(int64(1000*i+7)))
		}
		for i := range inBn {
			switch i % 3 {
			case 0:
				inBn[i].SetRandom()
				inBls[i].SetRandom()
			case 1:
				inBn[i].SetOne().Neg(&inBn[i]) // r − 1
				inBls[i].SetOne().Neg(&inBls[i])
			}
		}
		a, b := linCombBn(icBn, inBn, 100), linCombBn(icBn, inBn, -1)
		if !a.Equal(&b) {
			t.Errorf("bn254, %d inputs: GLV and MSM differ", n)
		}
		c, d := linCombBls(icBls, inBls, 100), linCombBls(icBls, inBls, -1)
		if !c.Equal(&d) {
			t.Errorf("bls12-381, %d inputs: GLV and MSM differ", n)
		}
	}
}
