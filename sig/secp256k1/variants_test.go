package secp256k1

import (
	"bytes"
	"crypto/sha256"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"math/big"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// TestRecoverRidWycheproof: every valid Wycheproof P1363 vector recovers
// its key with exactly one recovery id 0..3, on every implementation; the
// two vectors with x(R) = r + n (which secp256k1_recover cannot name) need
// rid 2 or 3. The output forms agree with each other, and the low-s
// variants refuse exactly the high-s vectors.
func TestRecoverRidWycheproof(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, wpDir+"ecdsa_secp256k1_sha256_p1363_test.json"), &v)
	dispatchtest.ForEach(t, PrimitiveECDSA, func(t *testing.T) {
		found, overflow := 0, 0
		for _, g := range v.TestGroups {
			unc, comp := keys(t, g.PublicKey.Wx, g.PublicKey.Wy)
			for _, c := range g.Tests {
				if c.Result != "valid" {
					continue
				}
				h := sha256.Sum256(Hex(t, c.Msg))
				sig := Hex(t, c.Sig)
				highS := new(big.Int).SetBytes(sig[32:]).Cmp(halfN) > 0
				hits := 0
				for rid := byte(0); rid < 4; rid++ {
					in := append(append(h[:], sig...), rid)
					out, err := st.Call(t, Secp256k1RecoverRid.Name, in)
					if err != nil {
						if core.CodeOf(err) != core.CodeNoResult {
							t.Errorf("%d: rid %d: %v", c.TcID, rid, err)
						}
						continue
					}
					if !bytes.Equal(out, unc) {
						continue
					}
					hits++
					if rid >= 2 {
						overflow++
					}
					for _, f := range []struct {
						fn   *core.Func
						want []byte
					}{
						{Secp256k1RecoverRidCompressed, comp}, {Secp256k1RecoverRidXY, unc[1:]},
					} {
						if got, err := st.Call(t, f.fn.Name, in); err != nil || !bytes.Equal(got, f.want) {
							t.Errorf("%d: %s = %x, %v", c.TcID, f.fn.Name, got, err)
						}
					}
					for _, f := range []struct {
						fn   *core.Func
						want []byte
					}{{Secp256k1RecoverRidLowS, unc}, {Secp256k1RecoverRidXYLowS, unc[1:]}} {
						got, err := st.Call(t, f.fn.Name, in)
						switch {
						case highS && core.CodeOf(err) != core.CodeNonCanonical:
							t.Errorf("%d: %s accepted high s: %x, %v", c.TcID, f.fn.Name, got, err)
						case !highS && (err != nil || !bytes.Equal(got, f.want)):
							t.Errorf("%d: %s = %x, %v", c.TcID, f.fn.Name, got, err)
						}
					}
				}
				if hits != 1 {
					t.Errorf("%d %s: recovered by %d recovery ids, want 1", c.TcID, c.Comment, hits)
				}
				found++
			}
		}
		t.Logf("%d valid vectors, %d need rid 2/3", found, overflow)
		if found < 160 || overflow != 2 {
			t.Fatalf("%d vectors, %d with x(R) = r + n; want >= 160 and 2", found, overflow)
		}
	})
}

// TestRecoverRidErrors: the status codes, the same on every implementation.
func TestRecoverRidErrors(t *testing.T) {
	h := sha256.Sum256([]byte("codes"))
	n := Hex(t, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
	one := append(make([]byte, 31), 1)
	pmn := pMinusN.FillBytes(make([]byte, 32))
	good := recoverRidExamples()[0].Input
	cases := []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"empty", nil, core.CodeMalformed},
		{"96 bytes", good[:96], core.CodeMalformed},
		{"98 bytes", append(bytes.Clone(good), 0), core.CodeMalformed},
		{"rid 4", append(bytes.Clone(good[:96]), 4), core.CodeMalformed},
		{"rid 27", append(bytes.Clone(good[:96]), 27), core.CodeMalformed},
		{"r = n", bytes.Join([][]byte{h[:], n, one, {0}}, nil), core.CodeNonCanonical},
		{"s = n", bytes.Join([][]byte{h[:], one, n, {0}}, nil), core.CodeNonCanonical},
		{"r = 0", bytes.Join([][]byte{h[:], make([]byte, 32), one, {0}}, nil), core.CodeNoResult},
		{"s = 0", bytes.Join([][]byte{h[:], one, make([]byte, 32), {1}}, nil), core.CodeNoResult},
		{"r = p - n, rid 2", bytes.Join([][]byte{h[:], pmn, one, {2}}, nil), core.CodeNoResult},
		{"r = p - n, rid 3", bytes.Join([][]byte{h[:], pmn, one, {3}}, nil), core.CodeNoResult},
	}
	dispatchtest.ForEach(t, PrimitiveECDSA, func(t *testing.T) {
		for _, f := range []*core.Func{Secp256k1RecoverRid, Secp256k1RecoverRidLowS, Secp256k1RecoverRidCompressed, Secp256k1RecoverRidXY, Secp256k1RecoverRidXYLowS} {
			for _, c := range cases {
				if _, err := st.Call(t, f.Name, c.in); core.CodeOf(err) != c.code {
					t.Errorf("%s %s: %v, want %v", f.Name, c.name, err, c.code)
				}
			}
			// x(R) = r with no curve point: the smallest r whose x^3 + 7
			// is not a square mod p (Euler's criterion in math/big).
			p := new(big.Int).Add(pMinusN, new(big.Int).SetBytes(n))
			for x := int64(1); ; x++ {
				v := new(big.Int).Exp(big.NewInt(x), big.NewInt(3), p)
				v.Add(v, big.NewInt(7))
				if new(big.Int).Exp(v, new(big.Int).Rsh(p, 1), p).Cmp(big.NewInt(1)) != 0 {
					r := big.NewInt(x).FillBytes(make([]byte, 32))
					if _, err := st.Call(t, f.Name, bytes.Join([][]byte{h[:], r, one, {0}}, nil)); core.CodeOf(err) != core.CodeNoResult {
						t.Errorf("%s: r = %d off the curve: %v", f.Name, x, err)
					}
					break
				}
			}
		}
	})
}

// TestDecompress: every Wycheproof key, compressed, decompresses to its
// uncompressed form (and that form passes through), and the bad encodings
// get their codes.
func TestDecompress(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, wpDir+"ecdsa_secp256k1_sha256_p1363_test.json"), &v)
	n := 0
	for _, g := range v.TestGroups {
		unc, comp := keys(t, g.PublicKey.Wx, g.PublicKey.Wy)
		for _, in := range [][]byte{comp, unc} {
			if out, err := st.Call(t, Secp256k1Decompress.Name, in); err != nil || !bytes.Equal(out, unc) {
				t.Errorf("decompress(%x) = %x, %v", in, out, err)
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("no keys")
	}
	p := new(big.Int).Add(pMinusN, new(big.Int).SetBytes(Hex(t, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")))
	g := Hex(t, "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
	hybrid := append([]byte{6}, make([]byte, 64)...)
	offCurve := append([]byte{4}, make([]byte, 64)...)
	cases := []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"empty", nil, core.CodeMalformed},
		{"32 bytes", g[1:], core.CodeMalformed},
		{"prefix 05", append([]byte{5}, g[1:]...), core.CodeMalformed},
		{"hybrid", hybrid, core.CodeMalformed},
		{"x = p", append([]byte{2}, p.FillBytes(make([]byte, 32))...), core.CodeNonCanonical},
		{"(0, 0)", offCurve, core.CodeInvalidPoint},
	}
	for _, c := range cases {
		if _, err := st.Call(t, Secp256k1Decompress.Name, c.in); core.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %v", c.name, err, c.code)
		}
	}
	// x = 5 is not on the curve (5^3 + 7 = 132 is a non-residue mod p?):
	// checked with Euler's criterion rather than assumed.
	x := big.NewInt(5)
	v3 := new(big.Int).Add(new(big.Int).Exp(x, big.NewInt(3), p), big.NewInt(7))
	onCurve := new(big.Int).Exp(v3, new(big.Int).Rsh(p, 1), p).Cmp(big.NewInt(1)) == 0
	_, err := st.Call(t, Secp256k1Decompress.Name, append([]byte{2}, x.FillBytes(make([]byte, 32))...))
	if onCurve != (err == nil) || (!onCurve && core.CodeOf(err) != core.CodeInvalidPoint) {
		t.Errorf("x = 5 (on curve: %v): %v", onCurve, err)
	}
}
