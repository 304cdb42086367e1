package eddsa

import (
	"bytes"
	"crypto/ed25519"
	"path/filepath"
	"testing"

	"filippo.io/edwards25519"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

type wpEdDSA struct {
	TestGroups []struct {
		PublicKey struct {
			Pk string `json:"pk"`
		} `json:"publicKey"`
		Tests []struct {
			TcID    int    `json:"tcId"`
			Comment string `json:"comment"`
			Msg     string `json:"msg"`
			Sig     string `json:"sig"`
			Result  string `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

type triple struct{ pk, sig, msg []byte }

func (c triple) single() []byte { return bytes.Join([][]byte{c.pk, c.sig, c.msg}, nil) }

func batch(cs ...triple) []byte {
	in := U32(nil, len(cs))
	for _, c := range cs {
		in = append(in, c.pk...)
		in = append(in, c.sig...)
		in = U32(in, len(c.msg))
		in = append(in, c.msg...)
	}
	return in
}

func verdict(t *testing.T, name string, in []byte) (byte, core.Code) {
	t.Helper()
	out, err := st.Call(t, name, in)
	if err != nil {
		if core.CodeOf(err) == core.CodeInternal {
			t.Fatalf("%s: %v", name, err)
		}
		return 0xff, core.CodeOf(err)
	}
	if len(out) != 1 || out[0] > 1 {
		t.Fatalf("%s: output %x", name, out)
	}
	return out[0], 0
}

// TestWycheproof: ed25519_verify must match Wycheproof exactly; ZIP-215 must
// accept every valid vector (they are canonical), and its batch form must
// agree with its single form on every vector, alone and next to a valid one.
func TestWycheproof(t *testing.T) {
	var v wpEdDSA
	JSON(t, vectors.Path(t, "wycheproof/testvectors_v1/ed25519_test.json"), &v)
	var good triple
	n := 0
	for _, g := range v.TestGroups {
		for _, c := range g.Tests {
			tr := triple{Hex(t, g.PublicKey.Pk), Hex(t, c.Sig), Hex(t, c.Msg)}
			if c.Result == "valid" && good.pk == nil && len(tr.sig) == 64 {
				good = tr
			}
		}
	}
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		for _, g := range v.TestGroups {
			for _, c := range g.Tests {
				label := filepath.Join("tc", c.Comment)
				tr := triple{Hex(t, g.PublicKey.Pk), Hex(t, c.Sig), Hex(t, c.Msg)}
				valid := c.Result == "valid"
				st.Verdict(t, label, "ed25519_verify", tr.single(), valid)
				// crypto/ed25519 itself is the reference for the RFC rules.
				if got := len(tr.sig) == 64 && ed25519.Verify(tr.pk, tr.msg, tr.sig); got != valid {
					t.Errorf("%d %s: crypto/ed25519 says %v", c.TcID, c.Comment, got)
				}
				if valid {
					st.Verdict(t, label, "ed25519_verify_zip215", tr.single(), true)
				}
				if len(tr.sig) != 64 || len(tr.pk) != 32 {
					continue
				}
				s, sc := verdict(t, "ed25519_verify_zip215", tr.single())
				b1, bc1 := verdict(t, "ed25519_batch_verify_zip215", batch(tr))
				b2, bc2 := verdict(t, "ed25519_batch_verify_zip215", batch(good, tr, good))
				if s != b1 || sc != bc1 || s != b2 || sc != bc2 {
					t.Errorf("%d %s: single %d/%v, batch %d/%v, batch of 3 %d/%v", c.TcID, c.Comment, s, sc, b1, bc1, b2, bc2)
				}
				n++
			}
		}
	})
	if n < 100 {
		t.Fatalf("only %d vectors ran", n)
	}
}

// smallOrderEncodings returns every 32-byte encoding of a point of order
// dividing 8 that SetBytes accepts: the canonical encodings of the eight
// torsion points, found as multiples of a generator of the torsion
// subgroup, and their non-canonical variants (y + p where that fits in 255
// bits, and the sign bit set where x = 0), as in ZIP-215's rationale.
func smallOrderEncodings(t *testing.T) [][]byte {
	// A point with a full-order torsion component: decode candidates until
	// [l]P has order 8.
	var lBytes = edwards25519.NewScalar() // l - 1, then add the point once more
	minusOne := make([]byte, 32)
	minusOne[0] = 1
	one, _ := edwards25519.NewScalar().SetCanonicalBytes(minusOne)
	lBytes.Negate(one) // l - 1
	var tgen *edwards25519.Point
	for y := byte(2); y < 200 && tgen == nil; y++ {
		enc := make([]byte, 32)
		enc[0] = y
		p, err := new(edwards25519.Point).SetBytes(enc)
		if err != nil {
			continue
		}
		tp := new(edwards25519.Point).ScalarMult(lBytes, p) // [l-1]P
		tp.Add(tp, p)                                       // [l]P: the torsion part
		q := new(edwards25519.Point).Set(tp)
		order := 1
		for q.Equal(edwards25519.NewIdentityPoint()) == 0 {
			q.Add(q, tp)
			order++
		}
		if order == 8 {
			tgen = tp
		}
	}
	if tgen == nil {
		t.Fatal("no order-8 point found")
	}
	seen := map[string]bool{}
	var out [][]byte
	add := func(e []byte) {
		if !seen[string(e)] {
			if _, err := new(edwards25519.Point).SetBytes(e); err == nil {
				seen[string(e)] = true
				out = append(out, e)
			}
		}
	}
	q := edwards25519.NewIdentityPoint()
	for i := 0; i < 8; i++ {
		e := q.Bytes()
		add(e)
		// x = 0 (y = +-1): the sign bit set is a non-canonical encoding.
		if e[31]&0x80 == 0 {
			f := bytes.Clone(e)
			f[31] |= 0x80
			if p, err := new(edwards25519.Point).SetBytes(f); err == nil && p.Equal(q) == 1 {
				add(f)
			}
		}
		// y + p < 2^255 when y < 19.
		if e[0] < 19 && allZero(e[1:31]) && e[31]&0x7f == 0 {
			f := bytes.Clone(e)
			f[0] += 0xed
			for j := 1; j < 31; j++ {
				f[j] = 0xff
			}
			f[31] = 0x7f | (e[31] & 0x80)
			add(f)
			g := bytes.Clone(f)
			g[31] |= 0x80
			add(g)
		}
		q.Add(q, tgen)
	}
	return out
}

func allZero(b []byte) bool {
	for _, v := range b {
		if v != 0 {
			return false
		}
	}
	return true
}

// TestZIP215SmallOrder: with A and R of small order and S = 0 the cofactored
// equation holds for every message, so ZIP-215 must accept every
// combination (canonical or not), single and batched; the RFC rules must
// never accept a non-canonical R.
func TestZIP215SmallOrder(t *testing.T) {
	encs := smallOrderEncodings(t)
	if len(encs) < 12 {
		t.Fatalf("only %d small-order encodings", len(encs))
	}
	msg := []byte("Zcash")
	zero := make([]byte, 32)
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		var all []triple
		for _, a := range encs {
			for _, r := range encs {
				tr := triple{a, append(bytes.Clone(r), zero...), msg}
				all = append(all, tr)
				st.Verdict(t, "small order", "ed25519_verify_zip215", tr.single(), true)
				out, err := st.Call(t, "ed25519_verify", tr.single())
				canonicalR := bytes.Equal(new(edwards25519.Point).Set(mustPoint(t, r)).Bytes(), r)
				if !canonicalR && err == nil && out[0] == 1 {
					t.Errorf("RFC 8032 accepted non-canonical R %x", r)
				}
			}
		}
		st.Verdict(t, "small order batch", "ed25519_batch_verify_zip215", batch(all...), true)
	})
	t.Logf("%d encodings, %d combinations", len(encs), len(encs)*len(encs))
}

func mustPoint(t *testing.T, b []byte) *edwards25519.Point {
	p, err := new(edwards25519.Point).SetBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestZIP215Errors covers the error codes: non-canonical S, undecodable A
// and R, truncation, and that a mixed torsion component changes nothing for
// ZIP-215 but fails the cofactorless RFC check.
func TestZIP215Errors(t *testing.T) {
	dispatchtest.Backends(t, func(t *testing.T, _ string) { testErrors(t) })
}

func testErrors(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	msg := []byte("message")
	sig := ed25519.Sign(priv, msg)
	good := triple{pub, sig, msg}
	st.Verdict(t, "good", "ed25519_verify_zip215", good.single(), true)
	st.Verdict(t, "good", "ed25519_verify", good.single(), true)

	badS := bytes.Clone(sig)
	badS[63] |= 0xf0 // S >= 2^252 + ... > l
	for _, fn := range []string{"ed25519_verify", "ed25519_verify_zip215"} {
		_, err := st.Call(t, fn, triple{pub, badS, msg}.single())
		if core.CodeOf(err) != core.CodeNonCanonical {
			t.Errorf("%s: S >= l gave %v", fn, err)
		}
	}
	// y = 2 is not the y of any curve point.
	badA := make([]byte, 32)
	badA[0] = 2
	for _, fn := range []string{"ed25519_verify", "ed25519_verify_zip215"} {
		_, err := st.Call(t, fn, triple{badA, sig, msg}.single())
		if core.CodeOf(err) != core.CodeInvalidPoint {
			t.Errorf("%s: bad A gave %v", fn, err)
		}
		if _, err := st.Call(t, fn, good.single()[:95]); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%s: truncated gave %v", fn, err)
		}
	}
	badR := bytes.Clone(sig)
	copy(badR, badA)
	if _, err := st.Call(t, "ed25519_verify_zip215", triple{pub, badR, msg}.single()); core.CodeOf(err) != core.CodeInvalidPoint {
		t.Errorf("zip215: bad R gave %v", err)
	}
	if _, err := st.Call(t, "ed25519_batch_verify_zip215", batch(good, triple{pub, badR, msg})); core.CodeOf(err) != core.CodeInvalidPoint {
		t.Errorf("batch: bad R gave %v", err)
	}
	// Batch framing.
	b := batch(good, good)
	for _, in := range [][]byte{b[:len(b)-1], append(bytes.Clone(b), 0), b[:3]} {
		if _, err := st.Call(t, "ed25519_batch_verify_zip215", in); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("batch framing %d bytes: %v", len(in), err)
		}
	}
	if out, err := st.Call(t, "ed25519_batch_verify_zip215", U32(nil, 0)); err != nil || out[0] != 0 {
		t.Errorf("empty batch: %x %v", out, err)
	}
	// Swap S between two signatures: each fails alone, the batch must fail.
	sig2 := ed25519.Sign(priv, []byte("other"))
	x1, x2 := bytes.Clone(sig), bytes.Clone(sig2)
	copy(x1[32:], sig2[32:])
	copy(x2[32:], sig[32:])
	st.Verdict(t, "swapped S", "ed25519_batch_verify_zip215", batch(triple{pub, x1, msg}, triple{pub, x2, []byte("other")}), false)
}

// FuzzBatchAgreesWithSingle: for any two (pk, sig, msg) triples the ZIP-215
// batch answers 0x01 iff both single verifications do, and fails with the
// first item's error code when an item does not decode.
func FuzzBatchAgreesWithSingle(f *testing.F) {
	pub, priv, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	m := []byte("fuzz")
	s := ed25519.Sign(priv, m)
	f.Add([]byte(pub), s, m, []byte(pub), s, m)
	f.Add([]byte(pub), s, m, make([]byte, 32), make([]byte, 64), []byte{})
	f.Fuzz(func(t *testing.T, pk1, sig1, msg1, pk2, sig2, msg2 []byte) {
		if len(pk1) != 32 || len(pk2) != 32 || len(sig1) != 64 || len(sig2) != 64 {
			return
		}
		a, b := triple{pk1, sig1, msg1}, triple{pk2, sig2, msg2}
		v1, c1 := verdict(t, "ed25519_verify_zip215", a.single())
		v2, c2 := verdict(t, "ed25519_verify_zip215", b.single())
		vb, cb := verdict(t, "ed25519_batch_verify_zip215", batch(a, b))
		switch {
		case c1 != 0:
			if cb != c1 {
				t.Fatalf("batch code %v, first item %v", cb, c1)
			}
		case c2 != 0:
			if cb != c2 {
				t.Fatalf("batch code %v, second item %v", cb, c2)
			}
		default:
			if cb != 0 || (vb == 1) != (v1 == 1 && v2 == 1) {
				t.Fatalf("batch %d/%v, singles %d %d", vb, cb, v1, v2)
			}
		}
	})
}

// FuzzRFC8032Impls: crypto/ed25519 and the edwards25519 rendering of the
// same rules agree on every input, and both agree with crypto/ed25519.Verify.
func FuzzRFC8032Impls(f *testing.F) {
	pub, priv, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	m := []byte("fuzz")
	f.Add(bytes.Join([][]byte{pub, ed25519.Sign(priv, m), m}, nil))
	for _, e := range [][]byte{make([]byte, 32), bytes.Repeat([]byte{0xff}, 32)} {
		f.Add(bytes.Join([][]byte{e, e, make([]byte, 32), m}, nil))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var first *string
		dispatchtest.ForEach(t, PrimitiveRFC8032, func(t *testing.T) {
			out, err := st.Call(t, "ed25519_verify", in)
			if core.CodeOf(err) == core.CodeInternal {
				t.Fatal(err)
			}
			if len(in) >= 96 && (err == nil && out[0] == 1) != ed25519.Verify(in[:32], in[96:], in[32:96]) {
				t.Fatalf("disagrees with crypto/ed25519: %x %v", out, err)
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
