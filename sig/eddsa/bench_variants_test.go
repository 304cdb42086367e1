package eddsa

import (
	"crypto/ed25519"
	"testing"

	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// BenchmarkVariants: ed25519_verify_strict against crypto/ed25519.Verify
// (the same equation; strict adds two cofactor multiplications), and the
// three batch shapes of ed25519_batch_verify_zip215_lists against the
// existing ZIP-215 batch on the same 64 signatures.
func BenchmarkVariants(b *testing.B) {
	k := edKey(40)
	pub := k.Public().(ed25519.PublicKey)
	msg := make([]byte, 32)
	sig := ed25519.Sign(k, msg)
	in := triple{pub, sig, msg}.single()
	b.Run("verify_strict/vs-crypto-ed25519", func(b *testing.B) {
		Paired(b, st.Invoker(b, Ed25519VerifyStrict.Name, in, valid), func() {
			if !ed25519.Verify(pub, msg, sig) {
				b.Fatal("invalid")
			}
		})
	})
	var ts []triple
	var msgs, sigs, pks [][]byte
	for i := 0; i < 64; i++ {
		ki := edKey(100 + i)
		m := []byte{byte(i), 1, 2, 3}
		s := ed25519.Sign(ki, m)
		ts = append(ts, triple{ki.Public().(ed25519.PublicKey), s, m})
		msgs, sigs, pks = append(msgs, m), append(sigs, s), append(pks, ki.Public().(ed25519.PublicKey))
	}
	ref := st.Invoker(b, "ed25519_batch_verify_zip215", batch(ts...), valid)
	b.Run("batch_lists_nnn_64/vs-batch_zip215_64", func(b *testing.B) {
		Paired(b, st.Invoker(b, Ed25519BatchVerifyZIP215Lists.Name, AppendBatchLists(nil, msgs, sigs, pks), valid), ref)
	})
}
