package hash

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

// pad64 returns a 0x-prefixed big-endian base-field element as 64 bytes.
func pad64(t testing.TB, h string) []byte {
	b := unhex(t, h)
	if len(b) > 64 {
		t.Fatalf("field element too long: %s", h)
	}
	return append(make([]byte, 64-len(b)), b...)
}

// TestHashToCurveRFC9380 runs the RFC 9380 random-oracle suites for G1 and
// G2 through bls12381_hash_to_g1/g2 under every backend.
func TestHashToCurveRFC9380(t *testing.T) {
	for _, c := range []struct{ file, fn string }{
		{"BLS12381G1_XMD_SHA-256_SSWU_RO_.json", "bls12381_hash_to_g1"},
		{"BLS12381G2_XMD_SHA-256_SSWU_RO_.json", "bls12381_hash_to_g2"},
	} {
		var v struct {
			DST     string
			Vectors []struct {
				Msg string
				P   struct{ X, Y string }
			}
		}
		readJSON(t, "rfc9380-hash-to-curve/"+c.file, &v)
		if len(v.Vectors) == 0 {
			t.Fatal("no vectors")
		}
		t.Run(c.fn, func(t *testing.T) {
			dispatchtest.ForEach(t, h2c.Primitive, func(t *testing.T) {
				for _, vec := range v.Vectors {
					var want []byte
					for _, coord := range []string{vec.P.X, vec.P.Y} {
						for _, part := range strings.Split(coord, ",") {
							want = append(want, pad64(t, part)...)
						}
					}
					got, err := call(t, c.fn, h2cInput(v.DST, []byte(vec.Msg)))
					if err != nil || !bytes.Equal(got, want) {
						t.Errorf("msg %.20q: got %x, %v\nwant %x", vec.Msg, got, err, want)
					}
				}
			})
		})
	}
}

// TestHashToG1Dusk checks H0(msg) of Dusk's bls12_381-bls V2 scheme
// (hash_to_curve on G1 with Dusk's DST), given there in compressed form.
func TestHashToG1Dusk(t *testing.T) {
	var v struct {
		Scheme struct {
			H0DST string `json:"h0_dst"`
		}
		Single []struct {
			Msg   string `json:"msg"`
			H0Msg string `json:"h0_msg"`
		}
	}
	readJSON(t, "dusk/bls12_381-bls.json", &v)
	if len(v.Single) == 0 {
		t.Fatal("no vectors")
	}
	dispatchtest.ForEach(t, h2c.Primitive, func(t *testing.T) {
		for _, c := range v.Single {
			got, err := call(t, "bls12381_hash_to_g1", h2cInput(v.Scheme.H0DST, unhex(t, c.Msg)))
			if err != nil {
				t.Fatal(err)
			}
			var p bls.G1Affine
			p.X.SetBytes(got[16:64])
			p.Y.SetBytes(got[80:128])
			if comp := p.Bytes(); !bytes.Equal(comp[:], unhex(t, c.H0Msg)) {
				t.Errorf("msg %s: compressed %x, want %s", c.Msg, comp, c.H0Msg)
			}
		}
	})
}

func TestHashToCurveMalformed(t *testing.T) {
	for _, fn := range []string{"bls12381_hash_to_g1", "bls12381_hash_to_g2"} {
		for _, in := range [][]byte{nil, {0}, {0, 'a', 'b'}, {3, 'a', 'b'}, {255}} {
			if out, err := call(t, fn, in); !errors.Is(err, core.ErrMalformed) {
				t.Errorf("%s(%x): got %x, %v; want malformed", fn, in, out, err)
			}
		}
		// A 255-byte DST and an empty message are fine.
		in := h2cInput(strings.Repeat("D", 255), nil)
		if _, err := call(t, fn, in); err != nil {
			t.Errorf("%s: 255-byte DST: %v", fn, err)
		}
	}
}

// TestHashToCurveBackendsAgree compares gnark and blst on many messages and
// tags (blst only where it is built in).
func TestHashToCurveBackendsAgree(t *testing.T) {
	var ins [][]byte
	for i := 0; i < 20; i++ {
		ins = append(ins, h2cInput(strings.Repeat("T", 1+i*13), bytes.Repeat([]byte{byte(i)}, i*7)))
	}
	results := map[string][][]byte{}
	dispatchtest.ForEach(t, h2c.Primitive, func(t *testing.T) {
		var outs [][]byte
		for _, fn := range []string{"bls12381_hash_to_g1", "bls12381_hash_to_g2"} {
			for _, in := range ins {
				out, err := call(t, fn, in)
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, out)
			}
		}
		results[t.Name()] = outs
	})
	var ref [][]byte
	for name, outs := range results {
		if ref == nil {
			ref = outs
			continue
		}
		for i := range outs {
			if !bytes.Equal(outs[i], ref[i]) {
				t.Fatalf("%s differs on case %d", name, i)
			}
		}
	}
}
