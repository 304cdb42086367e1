package p256

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

// TestWycheproofSEC1: every Wycheproof P-256 P1363 vector through
// p256_verify_sec1 with the key compressed and uncompressed gives the
// vector's verdict; the _lows variant the same except that a valid
// signature with s > n/2 is refused.
func TestWycheproofSEC1(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"), &v)
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		n, high := 0, 0
		for _, g := range v.TestGroups {
			x, y := fixed32(t, g.PublicKey.Wx), fixed32(t, g.PublicKey.Wy)
			unc := append(append([]byte{4}, x...), y...)
			comp := append([]byte{2 | y[31]&1}, x...)
			for _, c := range g.Tests {
				h := sha256.Sum256(Hex(t, c.Msg))
				sig := Hex(t, c.Sig)
				valid := c.Result == "valid"
				isHigh := len(sig) == 64 && bytes.Compare(sig[32:], halfN[:]) > 0
				if valid && isHigh {
					high++
				}
				for _, pk := range [][]byte{unc, comp} {
					in := bytes.Join([][]byte{h[:], sig, pk}, nil)
					st.Verdict(t, c.Comment, P256VerifySEC1.Name, in, valid)
					st.Verdict(t, c.Comment, P256VerifySEC1LowS.Name, in, valid && !isHigh)
				}
				n++
			}
		}
		if n != 262 || high == 0 {
			t.Fatalf("ran %d vectors, %d valid with high s", n, high)
		}
	})
}

// TestRecoverWycheproof: every valid Wycheproof P-256 vector recovers its
// key with exactly one recovery id, on both implementations.
func TestRecoverWycheproof(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"), &v)
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		n := 0
		for _, g := range v.TestGroups {
			key := append(append([]byte{4}, fixed32(t, g.PublicKey.Wx)...), fixed32(t, g.PublicKey.Wy)...)
			for _, c := range g.Tests {
				if c.Result != "valid" {
					continue
				}
				h := sha256.Sum256(Hex(t, c.Msg))
				hits := 0
				for rid := byte(0); rid < 4; rid++ {
					out, err := st.Call(t, P256RecoverRid.Name, bytes.Join([][]byte{h[:], Hex(t, c.Sig), {rid}}, nil))
					if err != nil && core.CodeOf(err) != core.CodeNoResult {
						t.Errorf("%s rid %d: %v", c.Comment, rid, err)
					}
					if err == nil && bytes.Equal(out, key) {
						hits++
					}
				}
				if hits != 1 {
					t.Errorf("%s: recovered by %d recovery ids", c.Comment, hits)
				}
				n++
			}
		}
		if n < 50 {
			t.Fatalf("%d valid vectors", n)
		}
	})
}

// TestVariantErrors: status codes of the SEC 1 verifiers and of recovery,
// the same on both implementations.
func TestVariantErrors(t *testing.T) {
	z := make([]byte, 32)
	one := append(make([]byte, 31), 1)
	ff := bytes.Repeat([]byte{0xff}, 32)
	ex := verifySEC1Examples()
	comp, unc := ex[0].Input, ex[1].Input
	rec := recoverExamples()[0].Input
	p := new(big.Int).SetBytes(fieldP)
	// The smallest x with no curve point (Euler's criterion in math/big).
	var offX []byte
	b, _ := new(big.Int).SetString("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16)
	for x := int64(1); offX == nil; x++ {
		bx := big.NewInt(x)
		v := new(big.Int).Exp(bx, big.NewInt(3), p)
		v.Sub(v, new(big.Int).Mul(bx, big.NewInt(3))).Add(v, b).Mod(v, p)
		if new(big.Int).Exp(v, new(big.Int).Rsh(p, 1), p).Cmp(big.NewInt(1)) != 0 {
			offX = bx.FillBytes(make([]byte, 32))
		}
	}
	cases := []struct {
		fn   string
		name string
		in   []byte
		code core.Code
	}{
		{P256VerifySEC1.Name, "empty", nil, core.CodeMalformed},
		{P256VerifySEC1.Name, "pk 32 bytes", comp[:128], core.CodeMalformed},
		{P256VerifySEC1.Name, "prefix 04 on 33 bytes", append(bytes.Clone(comp[:96]), append([]byte{4}, comp[97:]...)...), core.CodeMalformed},
		{P256VerifySEC1.Name, "prefix 02 on 65 bytes", append(bytes.Clone(unc[:96]), append([]byte{2}, unc[97:]...)...), core.CodeMalformed},
		{P256VerifySEC1.Name, "hybrid 06", append(bytes.Clone(unc[:96]), append([]byte{6}, unc[97:]...)...), core.CodeMalformed},
		{P256VerifySEC1.Name, "r = 2^256-1", bytes.Join([][]byte{z, ff, one, comp[96:]}, nil), core.CodeNonCanonical},
		{P256VerifySEC1.Name, "x >= p", bytes.Join([][]byte{z, one, one, {2}, ff}, nil), core.CodeNonCanonical},
		{P256VerifySEC1.Name, "x off the curve", bytes.Join([][]byte{z, one, one, {3}, offX}, nil), core.CodeInvalidPoint},
		{P256VerifySEC1.Name, "(0, 0)", bytes.Join([][]byte{z, one, one, {4}, z, z}, nil), core.CodeInfinity},
		{P256VerifySEC1.Name, "uncompressed off the curve", bytes.Join([][]byte{z, one, one, {4}, one, one}, nil), core.CodeInvalidPoint},
		{P256VerifySEC1LowS.Name, "off the curve, high s", bytes.Join([][]byte{z, one, append([]byte{0x80}, z[1:]...), {4}, one, one}, nil), core.CodeInvalidPoint},
		{P256VerifySEC1LowS.Name, "(0, 0), high s", bytes.Join([][]byte{z, one, append([]byte{0x80}, z[1:]...), {4}, z, z}, nil), core.CodeInfinity},
		{P256VerifySEC1LowS.Name, "y >= p, high s", bytes.Join([][]byte{z, one, append([]byte{0x80}, z[1:]...), {4}, one, ff}, nil), core.CodeNonCanonical},
		{P256RecoverRid.Name, "empty", nil, core.CodeMalformed},
		{P256RecoverRid.Name, "96 bytes", rec[:96], core.CodeMalformed},
		{P256RecoverRid.Name, "rid 4", append(bytes.Clone(rec[:96]), 4), core.CodeMalformed},
		{P256RecoverRid.Name, "s = n", bytes.Join([][]byte{z, one, orderN, {0}}, nil), core.CodeNonCanonical},
		{P256RecoverRid.Name, "r = 0", bytes.Join([][]byte{z, z, one, {0}}, nil), core.CodeNoResult},
		{P256RecoverRid.Name, "s = 0", bytes.Join([][]byte{z, one, z, {0}}, nil), core.CodeNoResult},
		{P256RecoverRid.Name, "r + n >= p", bytes.Join([][]byte{z, pMinusN[:], one, {2}}, nil), core.CodeNoResult},
		{P256RecoverRid.Name, "x off the curve", bytes.Join([][]byte{z, offX, one, {1}}, nil), core.CodeNoResult},
	}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for _, c := range cases {
			if _, err := st.Call(t, c.fn, c.in); core.CodeOf(err) != c.code {
				t.Errorf("%s %s: %v, want %v", c.fn, c.name, err, c.code)
			}
		}
		for _, e := range append(verifySEC1Examples(), recoverExamples()...) {
			if e.Name == "recover" {
				if out, err := st.Call(t, P256RecoverRid.Name, e.Input); err != nil || len(out) != 65 {
					t.Errorf("recover example: %x, %v", out, err)
				}
				continue
			}
			st.Verdict(t, e.Name, P256VerifySEC1.Name, e.Input, true)
			st.Verdict(t, e.Name, P256VerifySEC1LowS.Name, e.Input, true)
		}
	})
}

// FuzzRecoverImplsAgree: crypto/elliptic and gnark-crypto recover the same
// key, or fail with the same code, on any input.
func FuzzRecoverImplsAgree(f *testing.F) {
	f.Add(recoverExamples()[0].Input)
	f.Add(append(bytes.Repeat([]byte{0x11}, 96), 3))
	f.Fuzz(func(t *testing.T, in []byte) {
		var first *string
		dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
			out, err := st.Call(t, P256RecoverRid.Name, in)
			if core.CodeOf(err) == core.CodeInternal {
				t.Fatal(err)
			}
			r := string(out) + "|" + core.CodeOf(err).String()
			if first == nil {
				first = &r
			} else if *first != r {
				t.Fatalf("implementations disagree: %q vs %q", *first, r)
			}
		})
	})
}
