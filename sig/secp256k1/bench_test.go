package secp256k1

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

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

	for _, impl := range []string{"decred", "gnark", "libsecp256k1"} {
		if p, _ := dispatch.Lookup(PrimitiveECDSA); !available(p, impl) {
			continue
		}
		b.Run("ecdsa_verify/"+impl+"-vs-decred", func(b *testing.B) {
			forced(b, PrimitiveECDSA, impl)
			Paired(b, st.Invoker(b, "secp256k1_ecdsa_verify", verifyIn, []byte{1}), func() {
				pk, err := dsecp.ParsePubKey(pub)
				var r, s dsecp.ModNScalar
				r.SetByteSlice(rs[:32])
				s.SetByteSlice(rs[32:])
				if err != nil || !ecdsa.NewSignature(&r, &s).Verify(hash, pk) {
					b.Fatal("invalid")
				}
			})
		})
		b.Run("recover/"+impl+"-vs-decred", func(b *testing.B) {
			forced(b, PrimitiveECDSA, impl)
			Paired(b, st.Invoker(b, "secp256k1_recover", recoverIn, pub), func() {
				pk, _, err := ecdsa.RecoverCompact(compact, hash)
				if err != nil {
					b.Fatal(err)
				}
				pk.SerializeUncompressed()
			})
		})
	}
	// BIP-340 vector 1 (valid), against our default ECDSA verification:
	// neither library has a BIP-340 verifier to compare with.
	schnorrIn := bytes.Join([][]byte{
		hexBytes("DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659"),
		hexBytes("6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A"),
		hexBytes("243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89"),
	}, nil)
	for _, impl := range []string{"decred", "gnark", "libsecp256k1"} {
		p, _ := dispatch.Lookup(PrimitiveSchnorr)
		if !available(p, impl) {
			continue
		}
		b.Run("schnorr_bip340/"+impl+"-vs-ecdsa-verify", func(b *testing.B) {
			forced(b, PrimitiveSchnorr, impl)
			Paired(b, st.Invoker(b, "schnorr_bip340_verify", schnorrIn, []byte{1}), st.Invoker(b, "secp256k1_ecdsa_verify", verifyIn, []byte{1}))
		})
		// The target: BIP-340 at or below 1.2x libsecp256k1's own
		// ECDSA verification (called directly: no key parsing in Go).
		if libsecp.Available {
			b.Run("schnorr_bip340/"+impl+"-vs-libsecp256k1-ecdsa-verify", func(b *testing.B) {
				forced(b, PrimitiveSchnorr, impl)
				Paired(b, st.Invoker(b, "schnorr_bip340_verify", schnorrIn, []byte{1}), func() {
					if !libsecp.Verify(pub, rs, hash) {
						b.Fatal("invalid")
					}
				})
			})
		}
	}
}

// BenchmarkBIP340VsECDSAMany is the issue-21 target over 64 keys and
// messages rather than one vector: libsecp256k1's multiplication costs
// depend on the scalars' digits by a few percent, so one fixed pair of
// signatures can put the ratio anywhere in a +-3 % band. Key i signs the
// same 32-byte message both ways (BIP-340 with the test signer, ECDSA with
// decred); iteration j runs pair j mod 64 on both sides.
func BenchmarkBIP340VsECDSAMany(b *testing.B) {
	if !libsecp.Available {
		b.Skip("libsecp256k1 not in this build")
	}
	p, _ := dispatch.Lookup(PrimitiveSchnorr)
	if !available(p, "libsecp256k1") {
		b.Skip("libsecp256k1 not available")
	}
	forced(b, PrimitiveSchnorr, "libsecp256k1")
	const n = 64
	type pair struct{ schnorrIn, pub, rs, hash []byte }
	pairs := make([]pair, n)
	for i := range pairs {
		sk := sha256.Sum256([]byte{'k', byte(i)})
		msg := sha256.Sum256([]byte{'m', byte(i)})
		pk, sig := bip340Sign(b, sk[:], msg[:], msg[:])
		priv := dsecp.PrivKeyFromBytes(sk[:])
		compact := ecdsa.SignCompact(priv, msg[:], false)
		pairs[i] = pair{
			schnorrIn: bytes.Join([][]byte{pk, sig, msg[:]}, nil),
			pub:       priv.PubKey().SerializeUncompressed(),
			rs:        compact[1:],
			hash:      msg[:],
		}
	}
	f, ok := core.MustCatalogue(Funcs()...).Lookup("schnorr_bip340_verify")
	if !ok {
		b.Fatal("schnorr_bip340_verify missing")
	}
	buf := make([]byte, 0, 8)
	var io, ir int
	Paired(b, func() {
		q := &pairs[io%n]
		io++
		out, _, err := core.Invoke(f, gas.Default, nil, buf[:0], q.schnorrIn)
		if err != nil || len(out) != 1 || out[0] != 1 {
			b.Fatalf("BIP-340 pair %d: %x %v", (io-1)%n, out, err)
		}
	}, func() {
		q := &pairs[ir%n]
		ir++
		if !libsecp.Verify(q.pub, q.rs, q.hash) {
			b.Fatalf("ECDSA pair %d invalid", (ir-1)%n)
		}
	})
}

func hexBytes(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// forced selects impl of primitive for the rest of the benchmark.
func forced(b *testing.B, primitive, impl string) {
	prev := dispatch.Current()
	if err := dispatch.Force(primitive + "=" + impl); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { dispatch.Force(prev) })
}

func available(p dispatch.Primitive, impl string) bool {
	for _, i := range p.Impls {
		if i.Name == impl {
			return i.Available
		}
	}
	return false
}
