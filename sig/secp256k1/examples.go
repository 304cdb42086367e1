package secp256k1

import (
	"crypto/sha256"
	"strconv"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	decdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/sig/internal/sigex"
)

// Examples: valid signatures made here with the libraries' signing code
// (deterministic keys and nonces), for benchmarks, gas calibration and fuzz
// seeds. A valid signature is the worst case of a verifier: nothing exits
// early. Message length and key count are the cost dimensions.

func secpKey(i int) *dsecp.PrivateKey {
	seed := sha256.Sum256([]byte("hostcrypto secp256k1 example " + strconv.Itoa(i)))
	return dsecp.PrivKeyFromBytes(seed[:])
}

// ecdsaExamples: pk || r || s || hash for verification, or hash || r || s
// || v for recovery (decred signs with RFC 6979 nonces and low s).
func ecdsaExamples(recover bool) func() []core.Example {
	return func() []core.Example {
		k := secpKey(1)
		h := sha256.Sum256([]byte("hostcrypto ecdsa example"))
		compact := decdsa.SignCompact(k, h[:], true) // [27+recid+4] || r || s
		rs := compact[1:65]
		if recover {
			in := append(append(append([]byte(nil), h[:]...), rs...), compact[0]-27-4)
			return []core.Example{{Name: "recover", Input: in, Worst: true}}
		}
		cin := append(append(k.PubKey().SerializeCompressed(), rs...), h[:]...)
		uin := append(append(k.PubKey().SerializeUncompressed(), rs...), h[:]...)
		return []core.Example{{Name: "compressed-pk", Input: cin, Worst: true}, {Name: "uncompressed-pk", Input: uin}}
	}
}

// schnorrExamples signs per BIP-340 (default signing algorithm with a
// fixed auxiliary randomness) using decred's group arithmetic.
func schnorrExamples() []core.Example {
	var ex []core.Example
	for _, n := range []int{0, 32, 1 << 10, 256 << 10, 512 << 10} {
		ex = append(ex, core.Example{Name: sigex.SizeName(n), Input: exampleBIP340Sign(secpKey(2), sigex.Msg(n, 4)), Worst: true})
	}
	return ex
}

func exampleTaggedHash(tag string, parts ...[]byte) []byte {
	t := sha256.Sum256([]byte(tag))
	h := sha256.New()
	h.Write(t[:])
	h.Write(t[:])
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

func exampleBIP340Sign(k *dsecp.PrivateKey, m []byte) []byte {
	d := new(dsecp.ModNScalar).Set(&k.Key)
	var P dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(d, &P)
	P.ToAffine()
	if P.Y.IsOdd() {
		d.Negate()
	}
	px := P.X.Bytes()
	db := d.Bytes()
	aux := exampleTaggedHash("BIP0340/aux", make([]byte, 32))
	var t [32]byte
	for i := range t {
		t[i] = db[i] ^ aux[i]
	}
	var kk dsecp.ModNScalar
	kk.SetByteSlice(exampleTaggedHash("BIP0340/nonce", t[:], px[:], m))
	var R dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&kk, &R)
	R.ToAffine()
	if R.Y.IsOdd() {
		kk.Negate()
	}
	rx := R.X.Bytes()
	var e dsecp.ModNScalar
	e.SetByteSlice(exampleTaggedHash("BIP0340/challenge", rx[:], px[:], m))
	s := new(dsecp.ModNScalar).Mul2(&e, d).Add(&kk)
	sb := s.Bytes()
	return append(append(append(append([]byte(nil), px[:]...), rx[:]...), sb[:]...), m...)
}
