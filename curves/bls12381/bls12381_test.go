package bls12381

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

func randG1(t testing.TB) G1 {
	k, err := rand.Int(rand.Reader, fr.Modulus())
	if err != nil {
		t.Fatal(err)
	}
	_, _, g1, _ := bls.Generators()
	var p G1
	p.ScalarMultiplication(&g1, k)
	return p
}

func randG2(t testing.TB) G2 {
	k, err := rand.Int(rand.Reader, fr.Modulus())
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, g2 := bls.Generators()
	var p G2
	p.ScalarMultiplication(&g2, k)
	return p
}

// pointNotInG1 returns a point of E(Fp) outside G1 (x = smallest integer
// >= 1 on the curve whose point is not r-torsion).
func pointNotInG1(t testing.TB) G1 {
	var p G1
	var four fp.Element
	four.SetUint64(4)
	for x := uint64(1); ; x++ {
		p.X.SetUint64(x)
		var y2 fp.Element
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
		if p.Y.Sqrt(&y2) != nil && !p.IsInSubGroup() {
			return p
		}
	}
}

func pointNotInG2(t testing.TB) G2 {
	var p G2
	for x := uint64(1); ; x++ {
		p.X.A0.SetUint64(x)
		var y2 Fp2
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &twistB)
		if y2.Legendre() == 1 {
			p.Y.Sqrt(&y2)
			if !p.IsInSubGroup() {
				return p
			}
		}
	}
}

func wantCode(t *testing.T, what string, err error, code core.Code) {
	t.Helper()
	if got := core.CodeOf(err); got != code {
		t.Errorf("%s: got %v (%v), want %v", what, got, err, code)
	}
}

// TestRoundTripAgainstGnark cross-checks the Zcash codecs with
// gnark-crypto's own encoders (Bytes: compressed, RawBytes: uncompressed),
// which follow the same format, on random points and infinity.
func TestRoundTripAgainstGnark(t *testing.T) {
	g1s := []G1{{}}
	g2s := []G2{{}}
	for range 8 {
		g1s = append(g1s, randG1(t))
		g2s = append(g2s, randG2(t))
	}
	for _, p := range g1s {
		c, u := p.Bytes(), p.RawBytes()
		if got := AppendG1Compressed(nil, &p); !bytes.Equal(got, c[:]) {
			t.Fatalf("G1 compressed: got %x want %x", got, c)
		}
		if got := AppendG1Uncompressed(nil, &p); !bytes.Equal(got, u[:]) {
			t.Fatalf("G1 uncompressed: got %x want %x", got, u)
		}
		for _, enc := range [][]byte{c[:], u[:]} {
			q, err := DecodeG1Zcash(enc)
			if err != nil || !q.Equal(&p) {
				t.Fatalf("G1 decode %x: %v", enc, err)
			}
		}
		e := AppendG1EIP2537(nil, &p)
		q, err := DecodeG1EIP2537(e)
		if err != nil || !q.Equal(&p) {
			t.Fatalf("G1 EIP-2537 round trip: %v", err)
		}
	}
	for _, p := range g2s {
		c, u := p.Bytes(), p.RawBytes()
		if got := AppendG2Compressed(nil, &p); !bytes.Equal(got, c[:]) {
			t.Fatalf("G2 compressed: got %x want %x", got, c)
		}
		if got := AppendG2Uncompressed(nil, &p); !bytes.Equal(got, u[:]) {
			t.Fatalf("G2 uncompressed: got %x want %x", got, u)
		}
		for _, enc := range [][]byte{c[:], u[:]} {
			q, err := DecodeG2Zcash(enc)
			if err != nil || !q.Equal(&p) {
				t.Fatalf("G2 decode %x: %v", enc, err)
			}
		}
		e := AppendG2EIP2537(nil, &p)
		q, err := DecodeG2EIP2537(e)
		if err != nil || !q.Equal(&p) {
			t.Fatalf("G2 EIP-2537 round trip: %v", err)
		}
	}
}

// TestEIP2537Layout checks the EIP-2537 byte layout directly: 16 zero
// bytes, then x big-endian; G2 puts c0 before c1.
func TestEIP2537Layout(t *testing.T) {
	p := randG2(t)
	e := AppendG2EIP2537(nil, &p)
	x0, x1 := p.X.A0.Bytes(), p.X.A1.Bytes()
	if !bytes.Equal(e[:16], make([]byte, 16)) || !bytes.Equal(e[16:64], x0[:]) || !bytes.Equal(e[80:128], x1[:]) {
		t.Fatalf("layout: %x", e)
	}
}

var pBytes = fp.Modulus().FillBytes(make([]byte, 48))

func TestEIP2537Errors(t *testing.T) {
	g := randG1(t)
	good := AppendG1EIP2537(nil, &g)

	_, err := DecodeG1EIP2537(good[:127])
	wantCode(t, "short G1", err, core.CodeMalformed)
	_, err = DecodeG1EIP2537(append(good, 0))
	wantCode(t, "long G1", err, core.CodeMalformed)

	bad := bytes.Clone(good)
	bad[15] = 1
	_, err = DecodeG1EIP2537(bad)
	wantCode(t, "non-zero padding", err, core.CodeNonCanonical)

	bad = bytes.Clone(good)
	copy(bad[16:64], pBytes)
	_, err = DecodeG1EIP2537(bad)
	wantCode(t, "x = p", err, core.CodeNonCanonical)

	// y + p: the same point as an integer, not canonical.
	bad = bytes.Clone(good)
	y := new(big.Int).SetBytes(good[80:128])
	y.Add(y, fp.Modulus())
	if y.BitLen() <= 384 {
		y.FillBytes(bad[80:128])
		_, err = DecodeG1EIP2537(bad)
		wantCode(t, "y + p", err, core.CodeNonCanonical)
	}

	bad = bytes.Clone(good)
	bad[127] ^= 1
	_, err = DecodeG1EIP2537(bad)
	wantCode(t, "off curve", err, core.CodeInvalidPoint)

	// Infinity is all zeros; (0, 0) with padding error is still non-canonical.
	inf, err := DecodeG1EIP2537(make([]byte, 128))
	if err != nil || !inf.IsInfinity() {
		t.Fatalf("infinity: %v", err)
	}

	// A point on the curve outside G1 decodes; the subgroup check rejects it.
	n := pointNotInG1(t)
	q, err := DecodeG1EIP2537(AppendG1EIP2537(nil, &n))
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, "G1 subgroup", SubgroupCheckG1(&q), core.CodeNotInSubgroup)
	if err := SubgroupCheckG1(&g); err != nil {
		t.Fatal(err)
	}

	n2 := pointNotInG2(t)
	q2, err := DecodeG2EIP2537(AppendG2EIP2537(nil, &n2))
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, "G2 subgroup", SubgroupCheckG2(&q2), core.CodeNotInSubgroup)

	g2 := randG2(t)
	e2 := AppendG2EIP2537(nil, &g2)
	e2[255] ^= 1
	_, err = DecodeG2EIP2537(e2)
	wantCode(t, "G2 off twist", err, core.CodeInvalidPoint)
	e2 = AppendG2EIP2537(nil, &g2)
	copy(e2[80:128], pBytes) // x.c1 = p
	_, err = DecodeG2EIP2537(e2)
	wantCode(t, "G2 x.c1 = p", err, core.CodeNonCanonical)
	_, err = DecodeFp2EIP2537(make([]byte, 127))
	wantCode(t, "short Fp2", err, core.CodeMalformed)
}

// TestZcashFlags covers the flag edge cases of the Zcash encoding.
func TestZcashFlags(t *testing.T) {
	g := randG1(t)
	c := AppendG1Compressed(nil, &g)

	cases := []struct {
		name string
		in   func() []byte
		code core.Code
	}{
		{"compression flag missing", func() []byte { b := bytes.Clone(c); b[0] &^= flagCompressed; return b }, core.CodeMalformed},
		{"infinity with x bits", func() []byte { b := make([]byte, 48); b[0] = 0xc0; b[47] = 1; return b }, core.CodeNonCanonical},
		{"infinity with low bits of byte 0", func() []byte { b := make([]byte, 48); b[0] = 0xc1; return b }, core.CodeNonCanonical},
		{"infinity with sort flag", func() []byte { b := make([]byte, 48); b[0] = 0xe0; return b }, core.CodeNonCanonical},
		{"x = p", func() []byte { b := bytes.Clone(pBytes); b[0] |= 0x80; return b }, core.CodeNonCanonical},
		{"uncompressed with compression flag", func() []byte {
			b := AppendG1Uncompressed(nil, &g)
			b[0] |= flagCompressed
			return b
		}, core.CodeMalformed},
		{"uncompressed with sort flag", func() []byte {
			b := AppendG1Uncompressed(nil, &g)
			b[0] |= flagLargest
			return b
		}, core.CodeMalformed},
		{"uncompressed infinity with y bits", func() []byte { b := make([]byte, 96); b[0] = 0x40; b[95] = 1; return b }, core.CodeNonCanonical},
		{"47 bytes", func() []byte { return c[:47] }, core.CodeMalformed},
		{"49 bytes", func() []byte { return append(bytes.Clone(c), 0) }, core.CodeMalformed},
	}
	for _, tc := range cases {
		_, err := DecodeG1Zcash(tc.in())
		wantCode(t, tc.name, err, tc.code)
	}

	// No point with this x: flip x until x³+4 is a non-square.
	for x := uint64(1); ; x++ {
		var e, y2, four fp.Element
		e.SetUint64(x)
		four.SetUint64(4)
		y2.Square(&e).Mul(&y2, &e).Add(&y2, &four)
		if y2.Legendre() == -1 {
			b := e.Bytes()
			b[0] |= 0x80
			_, err := DecodeG1Zcash(b[:])
			wantCode(t, "no square root", err, core.CodeInvalidPoint)
			break
		}
	}

	// The sort flag picks the root: flipping it negates y.
	flipped := bytes.Clone(c)
	flipped[0] ^= flagLargest
	q, err := DecodeG1Zcash(flipped)
	if err != nil {
		t.Fatal(err)
	}
	var neg G1
	neg.Neg(&g)
	if !q.Equal(&neg) {
		t.Fatal("sort flag does not select -y")
	}

	inf, err := DecodeG1Zcash(AppendG1Compressed(nil, &G1{}))
	if err != nil || !inf.IsInfinity() {
		t.Fatalf("compressed infinity: %v", err)
	}
	g2inf, err := DecodeG2Zcash(AppendG2Uncompressed(nil, &G2{}))
	if err != nil || !g2inf.IsInfinity() {
		t.Fatalf("uncompressed G2 infinity: %v", err)
	}
}

// TestEthDeserialization runs the ethereum/bls12-381-tests deserialization
// vectors: decoding plus subgroup check must succeed exactly when the
// vector says so, with the error code the failure's name implies.
func TestEthDeserialization(t *testing.T) {
	codes := map[string][]core.Code{
		"too_few_bytes":              {core.CodeMalformed},
		"too_many_bytes":             {core.CodeMalformed},
		"wrong_c_flag":               {core.CodeMalformed},
		"infinity_with_true_b_flag":  {core.CodeNonCanonical},
		"b_flag_and_a_flag_true":     {core.CodeNonCanonical},
		"b_flag_and_x_nonzero":       {core.CodeNonCanonical},
		"equal_to_modulus":           {core.CodeNonCanonical},
		"greater_than_modulus":       {core.CodeNonCanonical},
		"not_in_curve":               {core.CodeInvalidPoint},
		"not_in_G1":                  {core.CodeNotInSubgroup},
		"not_in_G2":                  {core.CodeNotInSubgroup},
		"infinity_with_false_b_flag": {core.CodeInvalidPoint, core.CodeNotInSubgroup}, // x = 0, compressed
	}
	for _, group := range []string{"G1", "G2"} {
		files, _ := filepath.Glob(filepath.Join(vectors.Dir(t, "eth-bls12-381-tests/deserialization_"+group), "*.json"))
		if len(files) == 0 {
			t.Fatal("no deserialization vectors")
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Input  map[string]string
				Output bool
			}
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			var in []byte
			for _, h := range v.Input {
				if in, err = hex.DecodeString(h); err != nil {
					t.Fatal(err)
				}
			}
			if group == "G1" {
				var p G1
				if p, err = DecodeG1Zcash(in); err == nil {
					err = SubgroupCheckG1(&p)
				}
			} else {
				var p G2
				if p, err = DecodeG2Zcash(in); err == nil {
					err = SubgroupCheckG2(&p)
				}
			}
			name := filepath.Base(f)
			if v.Output != (err == nil) {
				t.Errorf("%s/%s: err = %v, want success %v", group, name, err, v.Output)
				continue
			}
			if err != nil {
				var want []core.Code
				for suffix, c := range codes {
					if strings.Contains(name, suffix) {
						want = c
					}
				}
				got := core.CodeOf(err)
				ok := false
				for _, c := range want {
					ok = ok || c == got
				}
				if !ok {
					t.Errorf("%s/%s: code %v (%v), want one of %v", group, name, got, err, want)
				}
			}
		}
	}
}

func FuzzDecodeG1Zcash(f *testing.F) {
	f.Add(make([]byte, 48))
	f.Add(bytes.Repeat([]byte{0xff}, 96))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodeG1Zcash(b)
		if err == nil && !p.IsOnCurve() {
			t.Fatal("accepted a point off the curve")
		}
		if err == nil && len(b) == 48 && !bytes.Equal(AppendG1Compressed(nil, &p), b) {
			t.Fatalf("non-canonical encoding accepted: %x", b)
		}
	})
}
