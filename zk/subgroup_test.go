package zk

import (
	"bytes"
	"runtime"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"

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
