package libsecp_test

import (
	"bytes"
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
