package p256

import (
	"crypto/elliptic"
	"crypto/sha256"
	"math/big"

	"github.com/hostcrypto/hostcrypto/core"
)

// Examples: valid signatures made here with the libraries' signing code
// (deterministic keys and nonces), for benchmarks, gas calibration and fuzz
// seeds. A valid signature is the worst case of a verifier: nothing exits
// early. Message length and key count are the cost dimensions.

// p256Examples: hash || r || s || qx || qy (EIP-7951), signed with a fixed
// nonce (crypto/ecdsa would use fresh randomness).
func p256Examples() []core.Example {
	c := elliptic.P256()
	n := c.Params().N
	dh := sha256.Sum256([]byte("hostcrypto p256 example key"))
	d := new(big.Int).Mod(new(big.Int).SetBytes(dh[:]), n)
	qx, qy := c.ScalarBaseMult(d.Bytes())
	h := sha256.Sum256([]byte("hostcrypto p256 example message"))
	kh := sha256.Sum256([]byte("hostcrypto p256 example nonce"))
	k := new(big.Int).Mod(new(big.Int).SetBytes(kh[:]), n)
	rx, _ := c.ScalarBaseMult(k.Bytes())
	r := new(big.Int).Mod(rx, n)
	s := new(big.Int).Mul(r, d)
	s.Add(s, new(big.Int).SetBytes(h[:]))
	s.Mul(s, new(big.Int).ModInverse(k, n))
	s.Mod(s, n)
	in := append([]byte(nil), h[:]...)
	for _, v := range []*big.Int{r, s, qx, qy} {
		var b [32]byte
		v.FillBytes(b[:])
		in = append(in, b[:]...)
	}
	return []core.Example{{Name: "valid", Input: in, Worst: true}}
}
