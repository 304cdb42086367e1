package p256

import (
	"bytes"
	"crypto/sha256"
	"math/big"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// TestGethEIP7951 runs go-ethereum's P256VERIFY vectors, which are in
// exactly our layout: Expected is the 32-byte word 1 or empty.
func TestGethEIP7951(t *testing.T) {
	var vs []struct{ Input, Expected, Name string }
	JSON(t, vectors.Path(t, "go-ethereum-precompiles/p256Verify.json"), &vs)
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for _, c := range vs {
			st.Verdict(t, c.Name, "p256_verify", Hex(t, c.Input), c.Expected != "")
		}
	})
	if len(vs) < 700 {
		t.Fatalf("only %d vectors", len(vs))
	}
}

type wpECDSA struct {
	TestGroups []struct {
		PublicKey struct {
			Wx string `json:"wx"`
			Wy string `json:"wy"`
		} `json:"publicKey"`
		Tests []struct {
			Comment string `json:"comment"`
			Msg     string `json:"msg"`
			Sig     string `json:"sig"`
			Result  string `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

func fixed32(t *testing.T, h string) []byte {
	return new(big.Int).SetBytes(Hex(t, h)).FillBytes(make([]byte, 32))
}

func TestWycheproofP1363(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, "wycheproof/testvectors_v1/ecdsa_secp256r1_sha256_p1363_test.json"), &v)
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		n := 0
		for _, g := range v.TestGroups {
			q := append(fixed32(t, g.PublicKey.Wx), fixed32(t, g.PublicKey.Wy)...)
			for _, c := range g.Tests {
				h := sha256.Sum256(Hex(t, c.Msg))
				in := bytes.Join([][]byte{h[:], Hex(t, c.Sig), q}, nil)
				st.Verdict(t, c.Comment, "p256_verify", in, c.Result == "valid")
				n++
			}
		}
		if n != 262 {
			t.Fatalf("ran %d vectors", n)
		}
	})
}

func TestErrors(t *testing.T) {
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) { testErrors(t) })
}

func testErrors(t *testing.T) {
	z := make([]byte, 32)
	one := append(make([]byte, 31), 1)
	ff := bytes.Repeat([]byte{0xff}, 32)
	for _, c := range []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"short", make([]byte, 159), core.CodeMalformed},
		{"r >= n", bytes.Join([][]byte{z, ff, one, one, one}, nil), core.CodeNonCanonical},
		{"qx >= p", bytes.Join([][]byte{z, one, one, ff, one}, nil), core.CodeNonCanonical},
		{"infinity", bytes.Join([][]byte{z, one, one, z, z}, nil), core.CodeInfinity},
		{"off curve", bytes.Join([][]byte{z, one, one, one, one}, nil), core.CodeInvalidPoint},
	} {
		if _, err := st.Call(t, "p256_verify", c.in); core.CodeOf(err) != c.code {
			t.Errorf("%s: got %v, want %v", c.name, err, c.code)
		}
	}
}

// FuzzImplsAgree: crypto/ecdsa and gnark-crypto give the same bytes and code.
func FuzzImplsAgree(f *testing.F) {
	var vs []struct{ Input string }
	JSON(f, vectors.Path(f, "go-ethereum-precompiles/p256Verify.json"), &vs)
	for _, v := range vs[:20] {
		f.Add(Hex(f, v.Input))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var first *string
		dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
			out, err := st.Call(t, "p256_verify", in)
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
