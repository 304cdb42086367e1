package h2c

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestReduceDSTRFC9380: RFC 9380 appendix K.1's long-DST expand_message_xmd
// vectors give DST_prime = ReduceDST(DST) || I2OSP(len, 1).
func TestReduceDSTRFC9380(t *testing.T) {
	var f struct {
		DST   string
		Tests []struct {
			DSTPrime string `json:"DST_prime"`
		}
	}
	vectors.JSON(t, "rfc9380-hash-to-curve/expand_message_xmd_SHA256_256.json", &f)
	if len(f.DST) <= 255 || len(f.Tests) == 0 {
		t.Fatalf("want the long-DST file: DST of %d bytes, %d tests", len(f.DST), len(f.Tests))
	}
	r := ReduceDST([]byte(f.DST))
	got := hex.EncodeToString(append(append([]byte{}, r...), byte(len(r))))
	for _, c := range f.Tests {
		if got != c.DSTPrime {
			t.Fatalf("DST_prime %s, want %s", got, c.DSTPrime)
		}
	}
	short := []byte("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_")
	if !bytes.Equal(ReduceDST(short), short) || !bytes.Equal(ReduceDST(bytes.Repeat([]byte{1}, 255)), bytes.Repeat([]byte{1}, 255)) {
		t.Fatal("a DST of at most 255 bytes must be used as is")
	}
}

// TestAnyDSTBackends: every backend gives the same points for an empty DST,
// one of 255 and 256 bytes and a long one; up to 255 bytes the result is
// AppendHashToG1/G2's, beyond it that of the reduced DST.
func TestAnyDSTBackends(t *testing.T) {
	dsts := [][]byte{nil, []byte("D"), bytes.Repeat([]byte{'D'}, 255), bytes.Repeat([]byte{'D'}, 256), bytes.Repeat([]byte{7}, 5000)}
	msg := []byte("abc")
	results := map[string][][]byte{}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		var outs [][]byte
		for _, d := range dsts {
			g1 := AppendHashToG1AnyDST(nil, msg, d)
			g2 := AppendHashToG2AnyDST(nil, msg, d)
			if len(g1) != G1Len || len(g2) != G2Len {
				t.Fatalf("DST of %d bytes: %d and %d bytes out", len(d), len(g1), len(g2))
			}
			if r := ReduceDST(d); len(r) > 0 {
				w1, err1 := AppendHashToG1(nil, msg, r)
				w2, err2 := AppendHashToG2(nil, msg, r)
				if err1 != nil || err2 != nil || !bytes.Equal(w1, g1) || !bytes.Equal(w2, g2) {
					t.Fatalf("DST of %d bytes differs from the reduced DST's hash (%v, %v)", len(d), err1, err2)
				}
			}
			outs = append(outs, g1, g2)
		}
		results[t.Name()] = outs
	})
	var first [][]byte
	for name, outs := range results {
		if first == nil {
			first = outs
			continue
		}
		for i := range outs {
			if !bytes.Equal(outs[i], first[i]) {
				t.Errorf("%s: output %d differs between backends", name, i)
			}
		}
	}
}
