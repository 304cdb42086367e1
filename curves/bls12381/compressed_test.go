package bls12381_test

import (
	"bytes"
	"errors"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// TestCheckCompressed: the Zcash pre-decompression checks of sig/bls,
// pairing/kzg and dusk, on each kind of fault.
func TestCheckCompressed(t *testing.T) {
	_, _, g1, g2 := bls.Generators()
	g1b, g2b := g1.Bytes(), g2.Bytes()
	p := fp.Modulus().FillBytes(make([]byte, 48))
	inf1 := append([]byte{0xc0}, make([]byte, 47)...)
	inf2 := append([]byte{0xc0}, make([]byte, 95)...)
	with := func(b []byte, i int, v byte) []byte { c := bytes.Clone(b); c[i] = v; return c }
	pFirst := bytes.Clone(p)
	pFirst[0] |= 0x80 // x = p with the compression flag
	cases := []struct {
		name string
		b    []byte
		n    int
		inf  bool
		err  error
	}{
		{"G1 generator", g1b[:], 1, false, nil},
		{"G2 generator", g2b[:], 2, false, nil},
		{"G1 infinity", inf1, 1, true, nil},
		{"G2 infinity", inf2, 2, true, nil},
		{"G1 wrong length", g1b[:47], 1, false, core.ErrMalformed},
		{"G1 uncompressed flag", with(g1b[:], 0, g1b[0]&^0x80), 1, false, core.ErrMalformed},
		{"infinity with sign", with(inf1, 0, 0xe0), 1, false, core.ErrMalformed},
		{"infinity with x bits", with(inf1, 47, 1), 1, false, core.ErrMalformed},
		{"G1 x = p", pFirst, 1, false, core.ErrNonCanonical},
		{"G2 x.c0 = p", append(g2b[:48:48], p...), 2, false, core.ErrNonCanonical},
	}
	for _, c := range cases {
		inf, err := bls12381.CheckCompressed(c.b, c.n)
		if inf != c.inf || (c.err == nil) != (err == nil) || (c.err != nil && !errors.Is(err, c.err)) {
			t.Errorf("%s: (%v, %v), want (%v, %v)", c.name, inf, err, c.inf, c.err)
		}
	}
}
