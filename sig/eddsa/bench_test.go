package eddsa

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

func benchCall(b *testing.B, name string, in []byte) {
	f, _ := core.Default.Lookup(name)
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	if err != nil || len(out) != 1 || out[0] != 1 {
		b.Fatalf("%s: %x %v", name, out, err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		core.Invoke(f, gas.Default, nil, out[:0], in)
	}
}

func BenchmarkEd25519(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(bytes.NewReader(make([]byte, 64)))
	msg := make([]byte, 32)
	sig := ed25519.Sign(priv, msg)
	in := triple{pub, sig, msg}.single()
	b.Run("verify/hostcrypto", func(b *testing.B) { benchCall(b, "ed25519_verify", in) })
	b.Run("verify/crypto-ed25519", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if !ed25519.Verify(pub, msg, sig) {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("verify_zip215/hostcrypto", func(b *testing.B) { benchCall(b, "ed25519_verify_zip215", in) })
	var ts []triple
	for i := 0; i < 64; i++ {
		m := []byte{byte(i), 1, 2, 3}
		ts = append(ts, triple{pub, ed25519.Sign(priv, m), m})
	}
	b.Run("batch_zip215_64/hostcrypto", func(b *testing.B) { benchCall(b, "ed25519_batch_verify_zip215", batch(ts...)) })
}
