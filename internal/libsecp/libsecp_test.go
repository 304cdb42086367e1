package libsecp_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/big"
	"sort"
	"testing"
	"time"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
)

// signed returns a key, a hash and decred's recoverable signature of it
// (low s, RFC 6979 nonce): compact[0] = 27 + rid, then r || s.
func signed() (pub, hash, rs []byte, rid byte) {
	var kb [32]byte
	kb[0], kb[31] = 0x3c, 7
	priv := dsecp.PrivKeyFromBytes(kb[:])
	hash = bytes.Repeat([]byte{0xab}, 32)
	compact := ecdsa.SignCompact(priv, hash, false)
	return priv.PubKey().SerializeUncompressed(), hash, compact[1:], compact[0] - 27
}

// TestRoundTrip checks Recover and Verify on a decred signature, the other
// recovery ids, a flipped hash, and that neither allocates.
func TestRoundTrip(t *testing.T) {
	if !dispatchtest.Require(t, "libsecp256k1", libsecp.Available) {
		t.Skip("libsecp256k1 not in this build (needs cgo without purego)")
	}
	pub, hash, rs, rid := signed()
	var out [65]byte
	if !libsecp.Recover(&out, hash, rs, rid) || !bytes.Equal(out[:], pub) {
		t.Fatalf("recovered %x, want %x", out, pub)
	}
	if libsecp.Recover(&out, hash, rs, rid^1) && bytes.Equal(out[:], pub) {
		t.Fatal("the other parity recovered the same key")
	}
	if !libsecp.Verify(pub, rs, hash) {
		t.Fatal("signature does not verify")
	}
	bad := bytes.Clone(hash)
	bad[0] ^= 1
	if libsecp.Verify(pub, rs, bad) {
		t.Fatal("signature verifies a different hash")
	}
	if n := testing.AllocsPerRun(10, func() {
		libsecp.Recover(&out, hash, rs, rid)
		libsecp.Verify(pub, rs, hash)
	}); n != 0 {
		t.Errorf("%v allocations per Recover+Verify", n)
	}
}

func BenchmarkLibsecp(b *testing.B) {
	if !libsecp.Available {
		b.Skip("libsecp256k1 not in this build")
	}
	pub, hash, rs, rid := signed()
	b.Run("verify", func(b *testing.B) {
		for b.Loop() {
			libsecp.Verify(pub, rs, hash)
		}
	})
	b.Run("recover", func(b *testing.B) {
		var out [65]byte
		for b.Loop() {
			libsecp.Recover(&out, hash, rs, rid)
		}
	})
}

// BenchmarkRecoverVsVerify times one recovery and one verification per
// iteration and reports the median ratio (a shared machine's load hits both).
func BenchmarkRecoverVsVerify(b *testing.B) {
	if !libsecp.Available {
		b.Skip("libsecp256k1 not in this build")
	}
	pub, hash, rs, rid := signed()
	var out [65]byte
	var ratios []float64
	for b.Loop() {
		t0 := time.Now()
		libsecp.Recover(&out, hash, rs, rid)
		t1 := time.Now()
		libsecp.Verify(pub, rs, hash)
		t2 := time.Now()
		ratios = append(ratios, float64(t1.Sub(t0))/float64(t2.Sub(t1)))
	}
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "recover/verify")
}

// combineWant is a·G − b·R with decred's group law, R = (x, y) of parity
// odd; ok is false when the result is infinity.
func combineWant(t *testing.T, x *dsecp.FieldVal, odd bool, a, b *dsecp.ModNScalar) (want [65]byte, ok bool) {
	t.Helper()
	var y dsecp.FieldVal
	if !dsecp.DecompressY(x, odd, &y) {
		t.Fatal("combineWant: x is not on the curve")
	}
	var r, aG, bR, sum dsecp.JacobianPoint
	r.X.Set(x)
	r.Y.Set(&y)
	r.Z.SetInt(1)
	nb := *b
	nb.Negate()
	dsecp.ScalarBaseMultNonConst(a, &aG)
	dsecp.ScalarMultNonConst(&nb, &r, &bR)
	dsecp.AddNonConst(&aG, &bR, &sum)
	if (sum.X.IsZero() && sum.Y.IsZero()) || sum.Z.IsZero() {
		return want, false
	}
	sum.ToAffine()
	copy(want[:], dsecp.NewPublicKey(&sum.X, &sum.Y).SerializeUncompressed())
	return want, true
}

// TestCombine checks Combine (a·G − b·R by recovery, as BIP-340 uses it)
// against decred: random scalars for both parities, a = 0, R.x = k + n
// (rid 2 and 3), k not an x-coordinate, k + n >= p, a result at infinity,
// and the refused ranges.
func TestCombine(t *testing.T) {
	if !dispatchtest.Require(t, "libsecp256k1", libsecp.Available) {
		t.Skip("libsecp256k1 not in this build (needs cgo without purego)")
	}
	scalar := func(tag string, i int) (s dsecp.ModNScalar) {
		d := sha256.Sum256([]byte(fmt.Sprintf("%s %d", tag, i)))
		s.SetBytes(&d)
		return s
	}
	n := dsecp.Params().N
	var out [65]byte
	checked, notX := 0, 0
	for i := 0; checked < 200; i++ {
		k, a, b := scalar("k", i), scalar("a", i), scalar("b", i)
		if i == 0 {
			a.SetInt(0)
		}
		kb, ab, bb := k.Bytes(), a.Bytes(), b.Bytes()
		var x dsecp.FieldVal
		x.SetBytes(&kb)
		var y dsecp.FieldVal
		if !dsecp.DecompressY(&x, false, &y) {
			notX++
			for rid := byte(0); rid < 2; rid++ {
				if got := libsecp.Combine(&out, &kb, &ab, &bb, rid); got != 0 {
					t.Fatalf("k = %x is not an x-coordinate: Combine = %d, want 0", kb, got)
				}
			}
			continue
		}
		for rid := byte(0); rid < 2; rid++ {
			want, ok := combineWant(t, &x, rid == 1, &a, &b)
			if got := libsecp.Combine(&out, &kb, &ab, &bb, rid); got != 1 || !ok || out != want {
				t.Fatalf("k %x a %x b %x rid %d: got %d %x, want %x", kb, ab, bb, rid, got, out, want)
			}
		}
		checked++
	}
	if notX == 0 {
		t.Fatal("no k was off the curve: the 0 case went untested")
	}

	// x(R) = k + n (rid 2, 3): k below p - n.
	pMinusN := new(big.Int).Sub(dsecp.Params().P, n)
	high := 0
	for i := 0; high < 20; i++ {
		hk := sha256.Sum256([]byte(fmt.Sprintf("high %d", i)))
		kk := new(big.Int).SetBytes(hk[:])
		kk.Mod(kk, pMinusN)
		if kk.Sign() == 0 {
			continue
		}
		var kb [32]byte
		kk.FillBytes(kb[:])
		var x dsecp.FieldVal
		x.SetByteSlice(new(big.Int).Add(kk, n).Bytes())
		var y dsecp.FieldVal
		if !dsecp.DecompressY(&x, false, &y) {
			continue
		}
		a, b := scalar("ha", i), scalar("hb", i)
		ab, bb := a.Bytes(), b.Bytes()
		for rid := byte(2); rid < 4; rid++ {
			want, ok := combineWant(t, &x, rid == 3, &a, &b)
			if got := libsecp.Combine(&out, &kb, &ab, &bb, rid); got != 1 || !ok || out != want {
				t.Fatalf("x = k + n, k %x rid %d: got %d %x, want %x", kb, rid, got, out, want)
			}
		}
		high++
	}
	// k + n >= p with rid 2: no such R.
	var kTop [32]byte
	pMinusN.FillBytes(kTop[:])
	one := [32]byte{31: 1}
	if got := libsecp.Combine(&out, &kTop, &one, &one, 2); got != 0 {
		t.Errorf("k = p - n, rid 2: Combine = %d, want 0", got)
	}

	// Infinity: R = d G with even y and x(R) < n, a = b d: a G - b R = 0.
	for i := 0; ; i++ {
		d := scalar("d", i)
		var r dsecp.JacobianPoint
		dsecp.ScalarBaseMultNonConst(&d, &r)
		r.ToAffine()
		if r.Y.IsOdd() {
			d.Negate()
		}
		kb := r.X.Bytes()
		if new(big.Int).SetBytes(kb[:]).Cmp(n) >= 0 {
			continue
		}
		b := scalar("ib", i)
		var a dsecp.ModNScalar
		a.Mul2(&b, &d)
		ab, bb := a.Bytes(), b.Bytes()
		if got := libsecp.Combine(&out, kb, &ab, &bb, 0); got != 0 {
			t.Errorf("a G - b R = infinity: Combine = %d, want 0", got)
		}
		if got := libsecp.Combine(&out, kb, &ab, &bb, 1); got != 1 {
			t.Errorf("a G - b (-R) = 2 a G: Combine = %d, want 1", got)
		}
		break
	}

	// Refused ranges: k = 0, k = n, b = 0, b = n, a = n.
	var zero, nb [32]byte
	n.FillBytes(nb[:])
	k := scalar("k", 1)
	kb := k.Bytes()
	for _, c := range []struct {
		name    string
		k, a, b *[32]byte
	}{
		{"k = 0", &zero, &one, &one},
		{"k = n", &nb, &one, &one},
		{"b = 0", &kb, &one, &zero},
		{"b = n", &kb, &one, &nb},
		{"a = n", &kb, &nb, &one},
	} {
		if got := libsecp.Combine(&out, c.k, c.a, c.b, 0); got != -1 {
			t.Errorf("%s: Combine = %d, want -1", c.name, got)
		}
	}
	if n := testing.AllocsPerRun(10, func() { libsecp.Combine(&out, &kb, &one, &one, 0) }); n != 0 {
		t.Errorf("%v allocations per Combine", n)
	}
}
