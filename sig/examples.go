package sig

import (
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"strconv"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	decdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/sig/bls"
)

// Examples: valid signatures made here with the libraries' signing code
// (deterministic keys and nonces), for benchmarks, gas calibration and fuzz
// seeds. A valid signature is the worst case of a verifier: nothing exits
// early. Message length and key count are the cost dimensions.

func init() {
	c := core.Default
	c.SetExamples("bls12381_verify", blsVerifyExamples(false))
	c.SetExamples("bls12381_verify_dst", blsVerifyExamples(true))
	c.SetExamples("bls12381_fast_aggregate_verify", blsFastAggExamples)
	c.SetExamples("bls12381_aggregate_verify", blsAggExamples(false))
	c.SetExamples("bls12381_aggregate_verify_dst", blsAggExamples(true))
	c.SetExamples("bls12381_batch_verify", blsBatchExamples)
	c.SetExamples("ed25519_verify", edExamples)
	c.SetExamples("ed25519_verify_zip215", edExamples)
	c.SetExamples("ed25519_batch_verify_zip215", edBatchExamples)
	c.SetExamples("secp256k1_ecdsa_verify", ecdsaExamples(false))
	c.SetExamples("secp256k1_ecdsa_verify_lows", ecdsaExamples(false))
	c.SetExamples("secp256k1_recover", ecdsaExamples(true))
	c.SetExamples("schnorr_bip340_verify", schnorrExamples)
	c.SetExamples("p256_verify", p256Examples)
}

// msgSizes are the message lengths of the single-signature examples. The
// large ones (256 KiB and its double) give calibration a per-byte slope
// that does not drown in the fixed cost (a message is hashed at least once,
// ~0.5 ns/byte, next to a fixed cost of 50 µs to 1 ms); the growth test
// (growth_test.go in the root package) compares each pair n, 2n.
var msgSizes = []int{32, 1 << 10, 16 << 10, 256 << 10, 512 << 10}

// longMsgSizes are the message lengths of the one-item examples of the
// multi-item functions, whose messages are hashed too.
var longMsgSizes = []int{256 << 10, 512 << 10}

func msg(n, seed int) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(i*31 + seed*17 + 5)
	}
	return m
}

func u32(dst []byte, v int) []byte { return binary.BigEndian.AppendUint32(dst, uint32(v)) }

// blsKey returns the i-th example secret key and its compressed public key.
func blsKey(i int) (*big.Int, []byte) {
	seed := sha256.Sum256([]byte("hostcrypto bls example key " + strconv.Itoa(i)))
	sk := new(big.Int).SetBytes(seed[:])
	sk.Mod(sk, new(big.Int).Lsh(big.NewInt(1), 250))
	_, _, g1, _ := blsecc.Generators()
	var pk blsecc.G1Affine
	pk.ScalarMultiplication(&g1, sk)
	return sk, bls12381.AppendG1Compressed(nil, &pk)
}

// blsSign returns Σ sk_i·H(m_i) compressed.
func blsSign(sks []*big.Int, msgs [][]byte, dst []byte) []byte {
	var acc blsecc.G2Jac
	for i, sk := range sks {
		h, err := blsecc.HashToG2(msgs[i], dst)
		if err != nil {
			panic("sig: internal error: " + err.Error())
		}
		var s blsecc.G2Affine
		s.ScalarMultiplication(&h, sk)
		acc.AddMixed(&s)
	}
	var out blsecc.G2Affine
	out.FromJacobian(&acc)
	return bls12381.AppendG2Compressed(nil, &out)
}

func withDST(dst []byte, body []byte) []byte {
	return append(append([]byte{byte(len(dst))}, dst...), body...)
}

func blsVerifyExamples(customDST bool) func() []core.Example {
	return func() []core.Example {
		dst := []byte(bls.DSTPOP)
		if customDST {
			dst = []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_")
		}
		var ex []core.Example
		for _, n := range msgSizes {
			sk, pk := blsKey(1)
			m := msg(n, 1)
			in := append(append(append([]byte(nil), pk...), blsSign([]*big.Int{sk}, [][]byte{m}, dst)...), m...)
			if customDST {
				in = withDST(dst, in)
			}
			ex = append(ex, core.Example{Name: sizeName(n), Input: in, Worst: true})
		}
		if customDST {
			// The longest DST: expand_message_xmd hashes it in every block.
			long := make([]byte, 255)
			for i := range long {
				long[i] = 'A' + byte(i%26)
			}
			sk, pk := blsKey(1)
			m := msg(32, 1)
			in := withDST(long, append(append(append([]byte(nil), pk...), blsSign([]*big.Int{sk}, [][]byte{m}, long)...), m...))
			ex = append(ex, core.Example{Name: "dst255-32B", Input: in, Worst: true})
		}
		return ex
	}
}

var keyCounts = []int{1, 8, 64}

func blsFastAggExamples() []core.Example {
	var ex []core.Example
	for _, sh := range itemShapes() {
		k := sh.k
		m := msg(sh.n, 2)
		in := u32(nil, k)
		var sks []*big.Int
		var msgs [][]byte
		for i := 0; i < k; i++ {
			sk, pk := blsKey(i)
			sks, msgs = append(sks, sk), append(msgs, m)
			in = append(in, pk...)
		}
		in = append(append(in, blsSign(sks, msgs, []byte(bls.DSTPOP))...), m...)
		ex = append(ex, core.Example{Name: itemsName(k, "keys", sh.n), Input: in, Worst: true})
	}
	return ex
}

func blsAggExamples(customDST bool) func() []core.Example {
	return func() []core.Example {
		dst := []byte(bls.DSTPOP)
		if customDST {
			dst = []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_")
		}
		var ex []core.Example
		for _, sh := range itemShapes() {
			k := sh.k
			in := u32(nil, k)
			var sks []*big.Int
			var msgs [][]byte
			for i := 0; i < k; i++ {
				sk, pk := blsKey(i)
				sks, msgs = append(sks, sk), append(msgs, msg(sh.n, 100+i))
				in = append(in, pk...)
			}
			in = append(in, blsSign(sks, msgs, dst)...)
			for _, m := range msgs {
				in = append(u32(in, len(m)), m...)
			}
			if customDST {
				in = withDST(dst, in)
			}
			ex = append(ex, core.Example{Name: itemsName(k, "keys", sh.n), Input: in, Worst: true})
		}
		return ex
	}
}

func blsBatchExamples() []core.Example {
	var ex []core.Example
	for _, sh := range itemShapes() {
		k := sh.k
		in := u32(nil, k)
		for i := 0; i < k; i++ {
			sk, pk := blsKey(i)
			m := msg(sh.n, 200+i)
			in = append(append(in, pk...), blsSign([]*big.Int{sk}, [][]byte{m}, []byte(bls.DSTPOP))...)
			in = append(u32(in, len(m)), m...)
		}
		ex = append(ex, core.Example{Name: itemsName(k, "sigs", sh.n), Input: in, Worst: true})
	}
	return ex
}

// itemShape is one example shape of a multi-item function: k items, each
// with an n-byte message.
type itemShape struct{ k, n int }

// itemShapes: 32-byte messages at every key count, then one item with long
// messages, so that calibration separates the per-item and per-byte costs,
// and two items with long messages.
func itemShapes() []itemShape {
	var out []itemShape
	for _, k := range keyCounts {
		out = append(out, itemShape{k, 32})
	}
	for _, n := range longMsgSizes {
		out = append(out, itemShape{1, n})
	}
	// Two items with long messages: with more than one item the batch
	// verifiers also hash the whole input for their random coefficients.
	return append(out, itemShape{2, 256 << 10})
}

// itemsName names an example "8keys", or "1keys-256KiB" when its messages
// are long.
func itemsName(k int, what string, n int) string {
	if n == 32 {
		return strconv.Itoa(k) + what
	}
	return strconv.Itoa(k) + what + "-" + sizeName(n)
}

func edKey(i int) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("hostcrypto ed25519 example " + strconv.Itoa(i)))
	return ed25519.NewKeyFromSeed(seed[:])
}

func edExamples() []core.Example {
	var ex []core.Example
	for _, n := range msgSizes {
		k := edKey(1)
		m := msg(n, 3)
		in := append(append(append([]byte(nil), k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...), m...)
		ex = append(ex, core.Example{Name: sizeName(n), Input: in, Worst: true})
	}
	return ex
}

func edBatchExamples() []core.Example {
	var ex []core.Example
	for _, sh := range itemShapes() {
		c := sh.k
		in := u32(nil, c)
		for i := 0; i < c; i++ {
			k := edKey(i)
			m := msg(sh.n, 300+i)
			in = append(append(in, k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...)
			in = append(u32(in, len(m)), m...)
		}
		ex = append(ex, core.Example{Name: itemsName(c, "sigs", sh.n), Input: in, Worst: true})
	}
	return ex
}

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
		ex = append(ex, core.Example{Name: sizeName(n), Input: bip340Sign(secpKey(2), msg(n, 4)), Worst: true})
	}
	return ex
}

func taggedHash(tag string, parts ...[]byte) []byte {
	t := sha256.Sum256([]byte(tag))
	h := sha256.New()
	h.Write(t[:])
	h.Write(t[:])
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

func bip340Sign(k *dsecp.PrivateKey, m []byte) []byte {
	d := new(dsecp.ModNScalar).Set(&k.Key)
	var P dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(d, &P)
	P.ToAffine()
	if P.Y.IsOdd() {
		d.Negate()
	}
	px := P.X.Bytes()
	db := d.Bytes()
	aux := taggedHash("BIP0340/aux", make([]byte, 32))
	var t [32]byte
	for i := range t {
		t[i] = db[i] ^ aux[i]
	}
	var kk dsecp.ModNScalar
	kk.SetByteSlice(taggedHash("BIP0340/nonce", t[:], px[:], m))
	var R dsecp.JacobianPoint
	dsecp.ScalarBaseMultNonConst(&kk, &R)
	R.ToAffine()
	if R.Y.IsOdd() {
		kk.Negate()
	}
	rx := R.X.Bytes()
	var e dsecp.ModNScalar
	e.SetByteSlice(taggedHash("BIP0340/challenge", rx[:], px[:], m))
	s := new(dsecp.ModNScalar).Mul2(&e, d).Add(&kk)
	sb := s.Bytes()
	return append(append(append(append([]byte(nil), px[:]...), rx[:]...), sb[:]...), m...)
}

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

func sizeName(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}
