package p256

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

func BenchmarkP256(b *testing.B) {
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	hash := bytes.Repeat([]byte{0x42}, 32)
	r, s, _ := ecdsa.Sign(rand.Reader, priv, hash)
	enc, _ := priv.PublicKey.Bytes()
	in := bytes.Join([][]byte{hash, r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32)), enc[1:]}, nil)
	for _, impl := range []string{"stdlib", "gnark"} {
		b.Run("verify/"+impl+"-vs-crypto-ecdsa", func(b *testing.B) {
			prev := dispatch.Current()
			defer dispatch.Force(prev)
			if err := dispatch.Force(Primitive + "=" + impl); err != nil {
				b.Fatal(err)
			}
			Paired(b, st.Invoker(b, "p256_verify", in, []byte{1}), func() {
				pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), enc)
				if err != nil || !ecdsa.Verify(pub, hash, new(big.Int).SetBytes(in[32:64]), new(big.Int).SetBytes(in[64:96])) {
					b.Fatal("invalid")
				}
			})
		})
	}
}
