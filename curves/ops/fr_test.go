package ops_test

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"testing"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// TestScalarFieldsAgainstBig: every scalar-field function against math/big
// on edge-biased inputs (0, 1, 2, r-1, r-2, random), and r, r+1, 2^256-1
// as non-canonical inputs.
func TestScalarFieldsAgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, c := range []struct {
		r                       *big.Int
		add, sub, mul, pow, inv *core.Func
	}{
		{blsfr.Modulus(), ops.BLS12381FrAdd, ops.BLS12381FrSub, ops.BLS12381FrMul, ops.BLS12381FrPow, ops.BLS12381FrInv},
		{bnfr.Modulus(), ops.BN254FrAdd, ops.BN254FrSub, ops.BN254FrMul, ops.BN254FrPow, ops.BN254FrInv},
	} {
		r := c.r
		be := func(x *big.Int) []byte { return x.FillBytes(make([]byte, 32)) }
		vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), new(big.Int).Sub(r, big.NewInt(1)), new(big.Int).Sub(r, big.NewInt(2))}
		for range 6 {
			var b [40]byte
			bigRand{rng}.Read(b[:])
			vals = append(vals, new(big.Int).Mod(new(big.Int).SetBytes(b[:]), r))
		}
		exps := append([]*big.Int{new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)), r, new(big.Int).Add(r, big.NewInt(5))}, vals...)
		for _, a := range vals {
			for _, b := range vals {
				in := append(be(a), be(b)...)
				for _, op := range []struct {
					f    *core.Func
					want *big.Int
				}{
					{c.add, new(big.Int).Add(a, b)}, {c.sub, new(big.Int).Sub(a, b)}, {c.mul, new(big.Int).Mul(a, b)},
				} {
					out, err := core.Execute(op.f, nil, in)
					if w := be(op.want.Mod(op.want, r)); err != nil || !bytes.Equal(out, w) {
						t.Fatalf("%s(%x, %x) = %x, %v; want %x", op.f.Name, a, b, out, err, w)
					}
				}
			}
			for _, e := range exps {
				out, err := core.Execute(c.pow, nil, append(be(a), be(e)...))
				if w := be(new(big.Int).Exp(a, e, r)); err != nil || !bytes.Equal(out, w) {
					t.Fatalf("%s(%x, %x) = %x, %v; want %x", c.pow.Name, a, e, out, err, w)
				}
			}
			out, err := core.Execute(c.inv, nil, be(a))
			if a.Sign() == 0 {
				if core.CodeOf(err) != core.CodeNoResult {
					t.Fatalf("%s(0) = %x, %v; want no_result", c.inv.Name, out, err)
				}
				continue
			}
			if w := be(new(big.Int).ModInverse(a, r)); err != nil || !bytes.Equal(out, w) {
				t.Fatalf("%s(%x) = %x, %v; want %x", c.inv.Name, a, out, err, w)
			}
		}
		for _, bad := range []*big.Int{r, new(big.Int).Add(r, big.NewInt(1)), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))} {
			for _, f := range []*core.Func{c.add, c.sub, c.mul, c.pow} {
				for _, in := range [][]byte{append(be(bad), make([]byte, 32)...), append(make([]byte, 32), be(bad)...)} {
					_, err := core.Execute(f, nil, in)
					if f == c.pow && bytes.Equal(in[32:], be(bad)) {
						if err != nil { // the exponent is any 256-bit integer
							t.Errorf("%s: exponent %x rejected: %v", f.Name, bad, err)
						}
						continue
					}
					if core.CodeOf(err) != core.CodeNonCanonical {
						t.Errorf("%s with %x: %v, want non_canonical", f.Name, bad, err)
					}
				}
			}
			if _, err := core.Execute(c.inv, nil, be(bad)); core.CodeOf(err) != core.CodeNonCanonical {
				t.Errorf("%s(%x): %v, want non_canonical", c.inv.Name, bad, err)
			}
		}
		for _, f := range []*core.Func{c.add, c.sub, c.mul, c.pow, c.inv} {
			for _, n := range []int{0, 31, 33, 63, 65} {
				if _, err := core.Execute(f, nil, make([]byte, n)); core.CodeOf(err) != core.CodeMalformed && !(f == c.inv && n == 32) {
					t.Errorf("%s(%d bytes): %v, want malformed", f.Name, n, err)
				}
			}
		}
	}
}

type bigRand struct{ r *rand.Rand }

func (b bigRand) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b.r.Uint32())
	}
	return len(p), nil
}
