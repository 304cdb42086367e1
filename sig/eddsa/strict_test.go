package eddsa

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha512"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/sig/internal/sigex"
	"path/filepath"
	"testing"

	"filippo.io/edwards25519"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// TestStrictSmallOrder: every decodable small-order encoding, as A or as
// R, is refused by ed25519_verify_strict (dalek's is_small_order check),
// whatever S and the message, while ZIP-215 accepts the S = 0 combinations.
func TestStrictSmallOrder(t *testing.T) {
	encs := smallOrderEncodings(t)
	k := edKey(7)
	msg := []byte("strict")
	good := ed25519.Sign(k, msg)
	pk := k.Public().(ed25519.PublicKey)
	zero := make([]byte, 32)
	for _, a := range encs {
		for _, r := range encs {
			in := bytes.Join([][]byte{a, r, zero, msg}, nil)
			if out, err := st.Call(t, "ed25519_verify_strict", in); err != nil || !bytes.Equal(out, []byte{0}) {
				t.Errorf("A %x R %x S 0: %x, %v; want 00", a, r, out, err)
			}
		}
		// Small-order A with a real signature's R and S.
		if b, _ := verdict(t, "ed25519_verify_strict", bytes.Join([][]byte{a, good, msg}, nil)); b != 0 {
			t.Errorf("small-order A %x accepted", a)
		}
		// Small-order R with the real key.
		if b, _ := verdict(t, "ed25519_verify_strict", bytes.Join([][]byte{pk, a, good[32:], msg}, nil)); b != 0 {
			t.Errorf("small-order R %x accepted", a)
		}
	}
	st.Verdict(t, "valid", "ed25519_verify_strict", bytes.Join([][]byte{pk, good, msg}, nil), true)
}

// TestStrictMixedOrderKey: a key with a torsion component is not of small
// order, so verify_strict accepts a signature that satisfies the
// cofactorless equation under it. With A' = A + T (T of order 8) and a
// message ground until k = H(R || A' || M) is divisible by 8, [k]A' = [k]A
// and the signer of A can answer S = r + k a.
func TestStrictMixedOrderKey(t *testing.T) {
	encs := smallOrderEncodings(t)
	var tor *edwards25519.Point
	for _, e := range encs {
		p := mustPoint(t, e)
		q := new(edwards25519.Point).Add(p, p)
		q.Add(q, q)
		if q.Equal(identity) == 0 { // [4]T != 0: order 8
			tor = p
			break
		}
	}
	if tor == nil {
		t.Fatal("no order-8 point")
	}
	var a, r edwards25519.Scalar
	seed := sha512.Sum512([]byte("mixed order key"))
	a.SetUniformBytes(seed[:])
	seed = sha512.Sum512(seed[:])
	r.SetUniformBytes(seed[:])
	A := new(edwards25519.Point).ScalarBaseMult(&a)
	mixed := new(edwards25519.Point).Add(A, tor).Bytes()
	R := new(edwards25519.Point).ScalarBaseMult(&r).Bytes()
	found := false
	for i := 0; i < 256 && !found; i++ {
		msg := []byte{byte(i), 'm'}
		h := sha512.New()
		h.Write(R)
		h.Write(mixed)
		h.Write(msg)
		var k edwards25519.Scalar
		k.SetUniformBytes(h.Sum(nil))
		if k.Bytes()[0]%8 != 0 {
			continue
		}
		found = true
		s := new(edwards25519.Scalar).MultiplyAdd(&k, &a, &r)
		in := bytes.Join([][]byte{mixed, R, s.Bytes(), msg}, nil)
		dispatchtest.Backends(t, func(t *testing.T, _ string) {
			st.Verdict(t, "mixed-order A", "ed25519_verify_strict", in, true)
			st.Verdict(t, "mixed-order A", "ed25519_verify", in, true)
			st.Verdict(t, "mixed-order A", "ed25519_verify_zip215", in, true)
		})
	}
	if !found {
		t.Fatal("no message with k = 0 mod 8 in 256 tries")
	}
}

// TestStrictErrors: the status codes of malformed and non-canonical input.
func TestStrictErrors(t *testing.T) {
	k := edKey(8)
	msg := []byte("codes")
	sig := ed25519.Sign(k, msg)
	pk := []byte(k.Public().(ed25519.PublicKey))
	l := []byte{0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10}
	notPoint := make([]byte, 32)
	notPoint[0] = 2 // y = 2 is not on the curve
	if _, err := new(edwards25519.Point).SetBytes(notPoint); err == nil {
		t.Fatal("y = 2 decodes")
	}
	cases := []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"empty", nil, core.CodeMalformed},
		{"95 bytes", bytes.Join([][]byte{pk, sig[:63]}, nil), core.CodeMalformed},
		{"S = l", bytes.Join([][]byte{pk, sig[:32], l, msg}, nil), core.CodeNonCanonical},
		{"S = 2^256-1", bytes.Join([][]byte{pk, sig[:32], bytes.Repeat([]byte{0xff}, 32), msg}, nil), core.CodeNonCanonical},
		{"A off the curve", bytes.Join([][]byte{notPoint, sig, msg}, nil), core.CodeInvalidPoint},
		{"R off the curve", bytes.Join([][]byte{pk, notPoint, sig[32:], msg}, nil), core.CodeInvalidPoint},
	}
	for _, c := range cases {
		if _, err := st.Call(t, "ed25519_verify_strict", c.in); core.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %v", c.name, err, c.code)
		}
	}
	// S + l is refused, though [S + l]B = [S]B.
	var s edwards25519.Scalar
	s.SetCanonicalBytes(sig[32:])
	sb := s.Bytes()
	carry := 0
	out := make([]byte, 32)
	for i := range out {
		v := int(sb[i]) + int(l[i]) + carry
		out[i], carry = byte(v), v>>8
	}
	if carry == 0 {
		if _, err := st.Call(t, "ed25519_verify_strict", bytes.Join([][]byte{pk, sig[:32], out, msg}, nil)); core.CodeOf(err) != core.CodeNonCanonical {
			t.Errorf("S + l: %v", err)
		}
	}
}

// TestStrictWycheproof: on every Wycheproof Ed25519 vector, strict accepts
// only what ed25519_verify accepts, and accepts every valid vector whose A
// and R are not of small order.
func TestStrictWycheproof(t *testing.T) {
	var v wpEdDSA
	JSON(t, vectors.Path(t, "wycheproof/testvectors_v1/ed25519_test.json"), &v)
	n := 0
	for _, g := range v.TestGroups {
		for _, c := range g.Tests {
			in := bytes.Join([][]byte{Hex(t, g.PublicKey.Pk), Hex(t, c.Sig), Hex(t, c.Msg)}, nil)
			label := filepath.Join("tc", c.Comment)
			s, _ := verdict(t, "ed25519_verify_strict", in)
			r, _ := verdict(t, "ed25519_verify", in)
			if s == 1 && r != 1 {
				t.Errorf("%s: strict accepts what RFC 8032 rejects", label)
			}
			if c.Result == "valid" && len(in) >= 96 {
				a, errA := new(edwards25519.Point).SetBytes(in[:32])
				rr, errR := new(edwards25519.Point).SetBytes(in[32:64])
				if errA == nil && errR == nil && !isSmallOrder(a) && !isSmallOrder(rr) && s != 1 {
					t.Errorf("%s: valid vector refused", label)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no valid vectors")
	}
}

// lists builds an ed25519_batch_verify_zip215_lists input.
func lists(msgs, sigs, pks [][]byte) []byte { return AppendBatchLists(nil, msgs, sigs, pks) }

// TestBatchListsShapes: the three shapes, the empty batches, and that the
// answer equals single ZIP-215 verification of each signature.
func TestBatchListsShapes(t *testing.T) {
	var keys []ed25519.PrivateKey
	var pks [][]byte
	for i := 0; i < 5; i++ {
		keys = append(keys, edKey(20+i))
		pks = append(pks, keys[i].Public().(ed25519.PublicKey))
	}
	var msgs [][]byte
	for i := 0; i < 5; i++ {
		msgs = append(msgs, sigex.Msg(10*i, i))
	}
	shared := []byte("one message, many keys")
	var sigsN, sigsShared, sigsOneKey [][]byte
	for i := range keys {
		sigsN = append(sigsN, ed25519.Sign(keys[i], msgs[i]))
		sigsShared = append(sigsShared, ed25519.Sign(keys[i], shared))
		sigsOneKey = append(sigsOneKey, ed25519.Sign(keys[0], msgs[i]))
	}
	bad := func(s [][]byte, i int) [][]byte {
		c := make([][]byte, len(s))
		copy(c, s)
		c[i] = bytes.Clone(s[i])
		c[i][40] ^= 1 // S changes, stays canonical
		return c
	}
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		for _, c := range []struct {
			name string
			in   []byte
			want bool
		}{
			{"empty", lists(nil, nil, nil), true},
			{"1,0,0", lists(msgs[:1], nil, nil), true},
			{"0,0,1", lists(nil, nil, pks[:1]), true},
			{"nnn", lists(msgs, sigsN, pks), true},
			{"nnn one", lists(msgs[:1], sigsN[:1], pks[:1]), true},
			{"1nn", lists([][]byte{shared}, sigsShared, pks), true},
			{"nn1", lists(msgs, sigsOneKey, pks[:1]), true},
			{"nnn bad", lists(msgs, bad(sigsN, 3), pks), false},
			{"1nn bad", lists([][]byte{shared}, bad(sigsShared, 0), pks), false},
			{"nn1 bad", lists(msgs, bad(sigsOneKey, 4), pks[:1]), false},
			{"nnn swapped messages", lists([][]byte{msgs[1], msgs[0], msgs[2], msgs[3], msgs[4]}, sigsN, pks), false},
		} {
			out, err := st.Call(t, Ed25519BatchVerifyZIP215Lists.Name, c.in)
			if err != nil || len(out) != 1 || (out[0] == 1) != c.want {
				t.Errorf("%s: %x, %v; want %v", c.name, out, err, c.want)
			}
		}
	})
	// Each item alone through ed25519_verify_zip215 agrees.
	for i := range keys {
		for _, sig := range [][]byte{sigsN[i], bad(sigsN, i)[i]} {
			single, _ := verdict(t, "ed25519_verify_zip215", bytes.Join([][]byte{pks[i], sig, msgs[i]}, nil))
			b, _ := verdict(t, Ed25519BatchVerifyZIP215Lists.Name, lists(msgs[i:i+1], [][]byte{sig}, pks[i:i+1]))
			if single != b {
				t.Errorf("item %d: batch %d, single %d", i, b, single)
			}
		}
	}
}

// TestBatchListsSmallOrder: ZIP-215 rules, so the 14x14 small-order
// combinations with S = 0 all pass, batched in every shape.
func TestBatchListsSmallOrder(t *testing.T) {
	encs := smallOrderEncodings(t)
	zero := make([]byte, 32)
	msg := []byte("Zcash")
	var sigs, pks, msgs [][]byte
	for _, a := range encs {
		for _, r := range encs {
			sigs = append(sigs, append(bytes.Clone(r), zero...))
			pks = append(pks, a)
			msgs = append(msgs, msg)
		}
	}
	st.Verdict(t, "small order nnn", Ed25519BatchVerifyZIP215Lists.Name, lists(msgs, sigs, pks), true)
	st.Verdict(t, "small order 1nn", Ed25519BatchVerifyZIP215Lists.Name, lists(msgs[:1], sigs, pks), true)
	st.Verdict(t, "small order nn1", Ed25519BatchVerifyZIP215Lists.Name, lists(msgs, sigs, pks[:1]), true)
}

// TestBatchListsErrors: shapes that are none of the three, truncation,
// trailing bytes and bad encodings get their codes, before any work.
func TestBatchListsErrors(t *testing.T) {
	k := edKey(30)
	pk := []byte(k.Public().(ed25519.PublicKey))
	m := []byte("m")
	sig := ed25519.Sign(k, m)
	notPoint := make([]byte, 32)
	notPoint[0] = 2
	hdr := func(a, b, c uint32) []byte {
		return U32(U32(U32(nil, int(a)), int(b)), int(c))
	}
	good := lists([][]byte{m, m}, [][]byte{sig, sig}, [][]byte{pk, pk})
	cases := []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"short header", []byte{0, 0, 0, 0, 0}, core.CodeMalformed},
		{"2,2,3", lists([][]byte{m, m}, [][]byte{sig, sig}, [][]byte{pk, pk, pk}), core.CodeMalformed},
		{"2,1,1", lists([][]byte{m, m}, [][]byte{sig}, [][]byte{pk}), core.CodeMalformed},
		{"1,2,1", lists([][]byte{m}, [][]byte{sig, sig}, [][]byte{pk}), core.CodeMalformed},
		{"0,1,1", lists(nil, [][]byte{sig}, [][]byte{pk}), core.CodeMalformed},
		{"huge counts", hdr(1<<32-1, 1<<32-1, 1<<32-1), core.CodeMalformed},
		{"truncated", good[:len(good)-1], core.CodeMalformed},
		{"trailing", append(bytes.Clone(good), 0), core.CodeMalformed},
		{"message length past the end", append(hdr(1, 1, 1), append(append(bytes.Clone(sig), pk...), 0, 0, 0, 9, 'x')...), core.CodeMalformed},
		{"bad A", lists([][]byte{m}, [][]byte{sig}, [][]byte{notPoint}), core.CodeInvalidPoint},
		{"bad R", lists([][]byte{m}, [][]byte{append(bytes.Clone(notPoint), sig[32:]...)}, [][]byte{pk}), core.CodeInvalidPoint},
		{"S >= l", lists([][]byte{m}, [][]byte{append(bytes.Clone(sig[:32]), bytes.Repeat([]byte{0xff}, 32)...)}, [][]byte{pk}), core.CodeNonCanonical},
	}
	for _, c := range cases {
		if _, err := st.Call(t, Ed25519BatchVerifyZIP215Lists.Name, c.in); core.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %v", c.name, err, c.code)
		}
	}
}

// TestBatchListsItems: the gas items grow with the signatures and, in the
// shared-message shape, with the message hashed once per signature.
func TestBatchListsItems(t *testing.T) {
	k := edKey(31)
	pk := []byte(k.Public().(ed25519.PublicKey))
	big := make([]byte, 64<<10)
	sig := ed25519.Sign(k, big)
	one := lists([][]byte{big}, [][]byte{sig}, [][]byte{pk})
	var sigs, pks [][]byte
	for i := 0; i < 100; i++ {
		sigs, pks = append(sigs, sig), append(pks, pk)
	}
	many := lists([][]byte{big}, sigs, pks)
	if got, want := batchListsItems(one), uint64(BatchSigWeight); got != want {
		t.Errorf("one signature: %d items, want %d", got, want)
	}
	if got, want := batchListsItems(many), uint64(100*BatchSigWeight+99*((len(big)+64+127)/128)); got != want {
		t.Errorf("100 signatures on one 64 KiB message: %d items, want %d", got, want)
	}
	for _, in := range [][]byte{nil, {1}, many[:20], many[:len(many)-5]} {
		batchListsItems(in) // total: no panic on any prefix
	}
}
