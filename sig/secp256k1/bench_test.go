package secp256k1

import (
	"bytes"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

func benchCall(b *testing.B, name string, in []byte) {
	f, _ := core.Default.Lookup(name)
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	if err != nil || len(out) == 0 || (len(out) == 1 && out[0] != 1) {
		b.Fatalf("%s: %x %v", name, out, err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		core.Invoke(f, gas.Default, nil, out[:0], in)
	}
}

func BenchmarkSecp256k1(b *testing.B) {
	var kb [32]byte
	kb[31] = 7
	kb[0] = 0x3c
	priv := dsecp.PrivKeyFromBytes(kb[:])
	hash := bytes.Repeat([]byte{0xab}, 32)
	compact := ecdsa.SignCompact(priv, hash, false) // 27 + recid || r || s
	rs := compact[1:]
	pub := priv.PubKey().SerializeUncompressed()
	verifyIn := bytes.Join([][]byte{pub, rs, hash}, nil)
	recoverIn := bytes.Join([][]byte{hash, rs, {compact[0] - 27}}, nil)

	b.Run("ecdsa_verify/hostcrypto", func(b *testing.B) { benchCall(b, "secp256k1_ecdsa_verify", verifyIn) })
	b.Run("ecdsa_verify/decred", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			pk, err := dsecp.ParsePubKey(pub)
			var r, s dsecp.ModNScalar
			r.SetByteSlice(rs[:32])
			s.SetByteSlice(rs[32:])
			if err != nil || !ecdsa.NewSignature(&r, &s).Verify(hash, pk) {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("recover/hostcrypto", func(b *testing.B) { benchCall(b, "secp256k1_recover", recoverIn) })
	b.Run("recover/decred", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, _, err := ecdsa.RecoverCompact(compact, hash); err != nil {
				b.Fatal(err)
			}
		}
	})
}
