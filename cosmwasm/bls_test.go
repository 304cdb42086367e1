package cosmwasm_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHashToCurveRFC9380: cosmwasm:bls12_381_hash_to_g1/_g2 give the
// compressed form of RFC 9380's hash_to_curve test vectors (random oracle
// suites, the RFC's DST).
func TestHashToCurveRFC9380(t *testing.T) {
	type suite struct {
		DST     string `json:"dst"`
		Vectors []struct {
			Msg string `json:"msg"`
			P   struct{ X, Y string }
		} `json:"vectors"`
	}
	for _, g := range []string{"G1", "G2"} {
		var s suite
		vectors.JSON(t, "rfc9380-hash-to-curve/BLS12381"+g+"_XMD_SHA-256_SSWU_RO_.json", &s)
		if len(s.Vectors) == 0 {
			t.Fatalf("%s: no vectors", g)
		}
		f := cosmwasm.BLS12381HashToG1
		if g == "G2" {
			f = cosmwasm.BLS12381HashToG2
		}
		for _, v := range s.Vectors {
			var want []byte
			if g == "G1" {
				p, err := bls12381.DecodeG1Zcash(append(unhex(t, v.P.X), unhex(t, v.P.Y)...))
				if err != nil {
					t.Fatal(err)
				}
				want = bls12381.AppendG1Compressed(nil, &p)
			} else {
				x, y := strings.Split(v.P.X, ","), strings.Split(v.P.Y, ",")
				// Zcash order: c1 then c0.
				p, err := bls12381.DecodeG2Zcash(cat(unhex(t, x[1]), unhex(t, x[0]), unhex(t, y[1]), unhex(t, y[0])))
				if err != nil {
					t.Fatal(err)
				}
				want = bls12381.AppendG2Compressed(nil, &p)
			}
			in := cat([]byte{0, 0, 0, 0, 0, 0, 0, byte(len(s.DST))}, []byte(s.DST), []byte(v.Msg))
			out, err := core.Execute(f, nil, in)
			if err != nil || hex.EncodeToString(out) != hex.EncodeToString(want) {
				t.Errorf("%s %q: got %x (%v), want %x", f.Name, v.Msg, out, err, want)
			}
			// Hash function ids other than 0 (SHA-256) are refused.
			binary.BigEndian.PutUint32(in, 1)
			if _, err := core.Execute(f, nil, in); core.CodeOf(err) != core.CodeMalformed {
				t.Errorf("%s: hash function 1: %v, want malformed_input", f.Name, err)
			}
		}
	}
}

// TestPairingEqualityEthHeader: a real Ethereum sync-committee signature
// (CosmWasm's eth-header test file, via peers/cases.jsonl) verifies as
// CosmWasm contracts verify it: e(apk, H(m)) = e(G1, sig), with H(m) from
// cosmwasm:bls12_381_hash_to_g2 under Ethereum's DST; a different message
// or a swapped side does not.
func TestPairingEqualityEthHeader(t *testing.T) {
	var c *peerCase
	for _, pc := range load(t, "cases.jsonl") {
		if pc.Family == "cosmwasm-eth-header" && pc.Fn == "bls12381_verify" && pc.Expect == "01" {
			c = &pc
			break
		}
	}
	if c == nil {
		t.Fatal("no cosmwasm-eth-header bls12381_verify case")
	}
	pk, sig, msg := c.in[:48], c.in[48:144], c.in[144:]
	const dst = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"
	hashG2 := func(m []byte) []byte {
		h, err := core.Execute(cosmwasm.BLS12381HashToG2, nil, cat([]byte{0, 0, 0, 0, 0, 0, 0, byte(len(dst))}, []byte(dst), m))
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	_, _, g1, _ := bls.Generators()
	gen := bls12381.AppendG1Compressed(nil, &g1)
	for _, tc := range []struct {
		name string
		in   []byte
		want byte
	}{
		{"valid", cat(pk, hashG2(msg), gen, sig), 1},
		{"other message", cat(pk, hashG2(append([]byte{1}, msg...)), gen, sig), 0},
		{"sides swapped", cat(gen, sig, pk, hashG2(msg)), 1},
		{"two pairs", cat(pk, pk, hashG2(msg), hashG2(msg), gen, sig), 0},
	} {
		out, err := core.Execute(cosmwasm.BLS12381PairingEquality, nil, tc.in)
		if err != nil || len(out) != 1 || out[0] != tc.want {
			t.Errorf("%s: got %x (%v), want %02x", tc.name, out, err, tc.want)
		}
	}
	// Lengths that are not 144·(n+1) and undecodable points are codes.
	bad := cat(pk, hashG2(msg), gen, sig)
	for _, in := range [][]byte{nil, bad[:143], append(bad, 0)} {
		if _, err := core.Execute(cosmwasm.BLS12381PairingEquality, nil, in); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("length %d: %v, want malformed_input", len(in), err)
		}
	}
	bad[0] &^= 0x80 // compression flag cleared
	if _, err := core.Execute(cosmwasm.BLS12381PairingEquality, nil, bad); core.CodeOf(err) != core.CodeMalformed {
		t.Errorf("flag cleared: %v, want malformed_input", err)
	}
}

// TestExportsResolve: every CosmWasm name maps to a function of the
// profile's catalogue, and every function has an export.
func TestExportsResolve(t *testing.T) {
	c, err := cosmwasm.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	ex := cosmwasm.Exports()
	if len(ex) != len(cosmwasm.Funcs()) || len(ex) != 11 {
		t.Fatalf("%d exports, %d functions, want 11", len(ex), len(cosmwasm.Funcs()))
	}
	for name, full := range ex {
		f, ok := c.Lookup(full)
		if !ok || full != "cosmwasm:"+name || len(f.Targets) != 1 {
			t.Errorf("%s -> %s: not a cosmwasm function with one target", name, full)
		}
	}
}

// TestHashToCurveAnyDST: CosmWasm's hasher (arkworks ExpanderXmd) takes any
// DST: one longer than 255 bytes hashes as SHA-256("H2C-OVERSIZE-DST-" ||
// DST) (RFC 9380 section 5.3.3), an empty one is used as is (a point, not
// an error); over CosmWasm's 5 KiB region limit is malformed_input.
func TestHashToCurveAnyDST(t *testing.T) {
	in := func(dst, msg []byte) []byte {
		return cat([]byte{0, 0, 0, 0}, binary.BigEndian.AppendUint32(nil, uint32(len(dst))), dst, msg)
	}
	msg := []byte("abc")
	long := bytes.Repeat([]byte("QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"), 6) // 300 bytes
	h := sha256.Sum256(cat([]byte("H2C-OVERSIZE-DST-"), long))
	for _, f := range []*core.Func{cosmwasm.BLS12381HashToG1, cosmwasm.BLS12381HashToG2} {
		a, err1 := core.Execute(f, nil, in(long, msg))
		b, err2 := core.Execute(f, nil, in(h[:], msg))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: 300-byte DST %x (%v), its reduced DST %x (%v)", f.Name, a, err1, b, err2)
		}
		e, err := core.Execute(f, nil, in(nil, msg))
		if err != nil || len(e) != f.FixedOut || bytes.Equal(e, b) {
			t.Errorf("%s: empty DST: %x, %v", f.Name, e, err)
		}
		if _, err := core.Execute(f, nil, in(make([]byte, 5<<10+1), msg)); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%s: DST over 5 KiB: %v, want malformed_input", f.Name, err)
		}
		if _, err := core.Execute(f, nil, in(make([]byte, 5<<10), msg)); err != nil {
			t.Errorf("%s: 5 KiB DST: %v", f.Name, err)
		}
	}
}

// TestHashToCurveLongMessage: CosmWasm reads messages up to 5 MiB
// (BLS12_381_MAX_MESSAGE_SIZE) with a 5 KiB DST; the profile takes them.
func TestHashToCurveLongMessage(t *testing.T) {
	in := cat([]byte{0, 0, 0, 0}, binary.BigEndian.AppendUint32(nil, 5<<10), make([]byte, 5<<10), make([]byte, 5<<20))
	if out, err := core.Execute(cosmwasm.BLS12381HashToG1, nil, in); err != nil || len(out) != 48 {
		t.Fatalf("5 MiB message: %x, %v", out, err)
	}
}
