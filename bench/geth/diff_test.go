package geth

import (
	"bytes"
	"crypto/rand"
	mrand "math/rand/v2"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// TestDifferential feeds the same inputs to hostcrypto's curve functions
// and go-ethereum's precompiles, on every backend: well-formed inputs and
// mutations of them (flipped bytes, truncation, extension). Both must fail,
// or both succeed with the same output (the pairing checks compare
// hostcrypto's byte with geth's last byte).
func TestDifferential(t *testing.T) {
	rng := mrand.New(mrand.NewPCG(1, 2))
	_, _, b1, b2 := bn.Generators()
	_, _, g1, g2 := bls.Generators()
	bnG1 := func() []byte {
		var p bn.G1Affine
		p.ScalarMultiplication(&b1, randScalar(t, bnfr.Modulus()))
		return bn254.AppendG1(nil, &p)
	}
	bnG2 := func() []byte {
		var p bn.G2Affine
		p.ScalarMultiplication(&b2, randScalar(t, bnfr.Modulus()))
		return bn254.AppendG2(nil, &p)
	}
	blsG1 := func() []byte {
		var p bls.G1Affine
		p.ScalarMultiplication(&g1, randScalar(t, blsfr.Modulus()))
		return bls12381.AppendG1EIP2537(nil, &p)
	}
	blsG2 := func() []byte {
		var p bls.G2Affine
		p.ScalarMultiplication(&g2, randScalar(t, blsfr.Modulus()))
		return bls12381.AppendG2EIP2537(nil, &p)
	}
	scalar := func() []byte {
		s := make([]byte, 32)
		rand.Read(s)
		return s
	}
	rep := func(k int, f func() []byte) []byte {
		var out []byte
		for range k {
			out = append(out, f()...)
		}
		return out
	}
	type gen struct {
		fn   string
		addr byte
		in   func() []byte
	}
	gens := []gen{
		{"bn254_g1_add", 0x06, func() []byte { return append(bnG1(), bnG1()...) }},
		{"bn254_g1_mul", 0x07, func() []byte { return append(bnG1(), scalar()...) }},
		{"bn254_pairing_check", 0x08, func() []byte { return rep(1+rng.IntN(3), func() []byte { return append(bnG1(), bnG2()...) }) }},
		{"bn254_pairing_check", 0x08, func() []byte { return bn254PairingInput(t) }},
		{"bls12381_g1_add", 0x0b, func() []byte { return append(blsG1(), blsG1()...) }},
		{"bls12381_g1_msm", 0x0c, func() []byte { return rep(1+rng.IntN(6), func() []byte { return append(blsG1(), scalar()...) }) }},
		{"bls12381_g2_add", 0x0d, func() []byte { return append(blsG2(), blsG2()...) }},
		{"bls12381_g2_msm", 0x0e, func() []byte { return rep(1+rng.IntN(4), func() []byte { return append(blsG2(), scalar()...) }) }},
		{"bls12381_pairing_check", 0x0f, func() []byte { return rep(1+rng.IntN(3), func() []byte { return append(blsG1(), blsG2()...) }) }},
		{"bls12381_pairing_check", 0x0f, func() []byte { return blsPairingInput(t) }},
		{"bls12381_map_fp_to_g1", 0x10, func() []byte { return append(make([]byte, 16), scalar()[:16]...) }},
		{"bls12381_map_fp2_to_g2", 0x11, func() []byte {
			b := make([]byte, 128)
			rand.Read(b[16+8 : 64])
			rand.Read(b[64+16+8:])
			return b
		}},
	}
	mutate := func(in []byte) []byte {
		b := bytes.Clone(in)
		switch rng.IntN(5) {
		case 0: // flip a byte
			if len(b) > 0 {
				b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
			}
		case 1: // truncate
			if len(b) > 0 {
				b = b[:rng.IntN(len(b))]
			}
		case 2: // extend
			b = append(b, make([]byte, 1+rng.IntN(64))...)
		case 3: // a coordinate set to the field modulus or above
			if len(b) >= 64 {
				o := 32 * rng.IntN(len(b)/32)
				for i := o; i < o+32 && i < len(b); i++ {
					b[i] = 0xff
				}
			}
		}
		return b
	}
	var inputs []struct {
		fn   string
		addr byte
		in   []byte
	}
	for _, g := range gens {
		for i := range 24 {
			in := g.in()
			if i%2 == 1 {
				in = mutate(in)
			}
			inputs = append(inputs, struct {
				fn   string
				addr byte
				in   []byte
			}{g.fn, g.addr, in})
		}
	}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for _, x := range inputs {
			ours, _, err := hostcrypto.Call(x.fn, x.in)
			theirs, gerr := precompile(x.addr).Run(x.in)
			if (err == nil) != (gerr == nil) {
				t.Errorf("%s(%x): hostcrypto err %v, geth err %v", x.fn, x.in, err, gerr)
				continue
			}
			if err != nil {
				continue
			}
			if len(ours) == 1 && len(theirs) == 32 {
				theirs = theirs[31:]
			}
			if !bytes.Equal(ours, theirs) {
				t.Errorf("%s(%x): hostcrypto %x, geth %x", x.fn, x.in, ours, theirs)
			}
		}
	})
}
