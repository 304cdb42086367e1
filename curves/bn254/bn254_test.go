package bn254

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"testing"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

func randScalar(t testing.TB) *big.Int {
	k, err := rand.Int(rand.Reader, fr.Modulus())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func wantCode(t *testing.T, what string, err error, code core.Code) {
	t.Helper()
	if got := core.CodeOf(err); got != code {
		t.Errorf("%s: got %v (%v), want %v", what, got, err, code)
	}
}

// TestRoundTripAgainstGnark cross-checks both encodings with gnark-crypto's
// encoders: RawBytes (uncompressed, which is the EIP-196/197 layout) and
// Bytes (compressed).
func TestRoundTripAgainstGnark(t *testing.T) {
	_, _, g1, g2 := bn.Generators()
	g1s, g2s := []G1{{}}, []G2{{}}
	for range 8 {
		var p G1
		var q G2
		p.ScalarMultiplication(&g1, randScalar(t))
		q.ScalarMultiplication(&g2, randScalar(t))
		g1s, g2s = append(g1s, p), append(g2s, q)
	}
	for _, p := range g1s {
		raw, c := p.RawBytes(), p.Bytes()
		if got := AppendG1(nil, &p); !bytes.Equal(got, raw[:]) {
			t.Fatalf("G1: got %x want %x", got, raw)
		}
		if got := AppendG1Compressed(nil, &p); !bytes.Equal(got, c[:]) {
			t.Fatalf("G1 compressed: got %x want %x", got, c)
		}
		if q, err := DecodeG1(raw[:]); err != nil || !q.Equal(&p) {
			t.Fatalf("DecodeG1: %v", err)
		}
		if q, err := DecodeG1Compressed(c[:]); err != nil || !q.Equal(&p) {
			t.Fatalf("DecodeG1Compressed: %v", err)
		}
	}
	for _, p := range g2s {
		raw, c := p.RawBytes(), p.Bytes()
		if got := AppendG2(nil, &p); !bytes.Equal(got, raw[:]) {
			t.Fatalf("G2: got %x want %x", got, raw)
		}
		if got := AppendG2Compressed(nil, &p); !bytes.Equal(got, c[:]) {
			t.Fatalf("G2 compressed: got %x want %x", got, c)
		}
		if q, err := DecodeG2(raw[:]); err != nil || !q.Equal(&p) {
			t.Fatalf("DecodeG2: %v", err)
		}
		if q, err := DecodeG2Compressed(c[:]); err != nil || !q.Equal(&p) {
			t.Fatalf("DecodeG2Compressed: %v", err)
		}
	}
}

// TestEIP197Layout checks the imaginary-part-first order of G2 against the
// generator given in EIP-197.
func TestEIP197Layout(t *testing.T) {
	_, _, _, g2 := bn.Generators()
	e := AppendG2(nil, &g2)
	// EIP-197: x = 11559732032986387107991004021392285783925812861821192530917403151452391805634 * i + 10857046999023057135944570762232829481370756359578518086990519993285655852781
	want, _ := new(big.Int).SetString("11559732032986387107991004021392285783925812861821192530917403151452391805634", 10)
	if new(big.Int).SetBytes(e[:32]).Cmp(want) != 0 {
		t.Fatalf("x.c1 first: %x", e[:32])
	}
}

var pBytes = fp.Modulus().FillBytes(make([]byte, 32))

func TestDecodeErrors(t *testing.T) {
	_, _, g1, g2 := bn.Generators()
	enc := AppendG1(nil, &g1) // (1, 2)

	_, err := DecodeG1(enc[:63])
	wantCode(t, "short G1", err, core.CodeMalformed)

	bad := bytes.Clone(enc)
	copy(bad[:32], pBytes)
	_, err = DecodeG1(bad)
	wantCode(t, "x = p", err, core.CodeNonCanonical)

	// x = p + 1 is the generator's x plus p: same residue, still rejected.
	bad = bytes.Clone(enc)
	new(big.Int).Add(fp.Modulus(), big.NewInt(1)).FillBytes(bad[:32])
	_, err = DecodeG1(bad)
	wantCode(t, "x = p + 1", err, core.CodeNonCanonical)

	bad = bytes.Clone(enc)
	new(big.Int).Add(fp.Modulus(), big.NewInt(2)).FillBytes(bad[32:])
	_, err = DecodeG1(bad)
	wantCode(t, "y = p + 2", err, core.CodeNonCanonical)

	bad = bytes.Clone(enc)
	bad[63] = 3
	_, err = DecodeG1(bad)
	wantCode(t, "(1, 3) off curve", err, core.CodeInvalidPoint)

	e2 := AppendG2(nil, &g2)
	for i := range 4 {
		bad = bytes.Clone(e2)
		copy(bad[32*i:], pBytes)
		_, err = DecodeG2(bad)
		wantCode(t, "G2 coordinate = p", err, core.CodeNonCanonical)
	}
	bad = bytes.Clone(e2)
	bad[127] ^= 1
	_, err = DecodeG2(bad)
	wantCode(t, "G2 off twist", err, core.CodeInvalidPoint)

	// Compressed flags.
	c := AppendG1Compressed(nil, &g1)
	bad = bytes.Clone(c)
	bad[0] &^= flagMask
	_, err = DecodeG1Compressed(bad)
	wantCode(t, "compression flag missing", err, core.CodeMalformed)
	bad = make([]byte, 32)
	bad[0], bad[31] = flagInfinity, 1
	_, err = DecodeG1Compressed(bad)
	wantCode(t, "infinity with non-zero bits", err, core.CodeNonCanonical)
	bad = bytes.Clone(pBytes)
	bad[0] |= flagSmallest
	_, err = DecodeG1Compressed(bad)
	wantCode(t, "compressed x = p", err, core.CodeNonCanonical)
	bad = make([]byte, 64)
	bad[0] = flagInfinity | 1
	_, err = DecodeG2Compressed(bad)
	wantCode(t, "G2 infinity with non-zero bits", err, core.CodeNonCanonical)
	_, err = DecodeG2Compressed(bad[:63])
	wantCode(t, "G2 compressed 63 bytes", err, core.CodeMalformed)
}

func TestSubgroupG2(t *testing.T) {
	var p G2
	for x := uint64(1); ; x++ {
		p.X.A0.SetUint64(x)
		var y2 Fp2
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &twistB)
		if y2.Legendre() == 1 {
			p.Y.Sqrt(&y2)
			break
		}
	}
	q, err := DecodeG2(AppendG2(nil, &p))
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, "G2 outside subgroup", SubgroupCheckG2(&q), core.CodeNotInSubgroup)
	_, _, _, g2 := bn.Generators()
	if err := SubgroupCheckG2(&g2); err != nil {
		t.Fatal(err)
	}
}

func FuzzDecodeG2(f *testing.F) {
	f.Add(make([]byte, 128))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodeG2(b)
		if err == nil && !bytes.Equal(AppendG2(nil, &p), b) {
			t.Fatalf("non-canonical encoding accepted: %x", b)
		}
	})
}
