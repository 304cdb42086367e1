package eddsa

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

var valid = []byte{1}

func BenchmarkEd25519(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	msg := make([]byte, 32)
	sig := ed25519.Sign(priv, msg)
	in := triple{pub, sig, msg}.single()
	ref := func() {
		if !ed25519.Verify(pub, msg, sig) {
			b.Fatal("invalid")
		}
	}
	b.Run("verify/vs-crypto-ed25519", func(b *testing.B) { Paired(b, st.Invoker(b, "ed25519_verify", in, valid), ref) })
	b.Run("verify_zip215/vs-crypto-ed25519", func(b *testing.B) { Paired(b, st.Invoker(b, "ed25519_verify_zip215", in, valid), ref) })
	var ts []triple
	for i := 0; i < 64; i++ {
		m := []byte{byte(i), 1, 2, 3}
		ts = append(ts, triple{pub, ed25519.Sign(priv, m), m})
	}
	b.Run("batch_zip215_64/vs-64-zip215", func(b *testing.B) {
		singles := make([]func(), len(ts))
		for i, t := range ts {
			singles[i] = st.Invoker(b, "ed25519_verify_zip215", t.single(), valid)
		}
		Paired(b, st.Invoker(b, "ed25519_batch_verify_zip215", batch(ts...), valid), func() {
			for _, f := range singles {
				f()
			}
		})
	})
}
