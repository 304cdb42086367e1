// Package eddsa declares Ed25519 signature verification host functions
// (family "signature") under two rule sets:
//
//   - ed25519_verify: RFC 8032 as implemented by Go's crypto/ed25519: S must
//     be canonical (S < l), A is decoded with the usual permissive decoding
//     (non-canonical y accepted), R must equal the canonical encoding of
//     [S]B - [k]A (so a non-canonical R never verifies), and the equation is
//     the cofactorless [S]B = R + [k]A, k = SHA-512(R || A || M) mod l.
//   - ed25519_verify_zip215 and ed25519_batch_verify_zip215: ZIP-215
//     (https://zips.z.cash/zip-0215), used by Zcash and Cosmos consensus: A
//     and R may be any decodable encoding (non-canonical y, x = 0 with the
//     sign bit set), S must be canonical, and the equation is cofactored:
//     [8][S]B = [8]R + [8][k]A, where k hashes the encodings of R and A as
//     given. The cofactored equation is what makes batch and single
//     verification agree on every input.
//   - ed25519_verify_strict (strict.go): ed25519-dalek's verify_strict;
//   - ed25519_batch_verify_zip215_lists (batchlists.go): ZIP-215 batches in
//     CosmWasm's three list shapes.
//
// A failed verification returns 0x00. An A (or, for ZIP-215, R) that does
// not decode to a curve point returns CodeInvalidPoint; S >= l returns
// CodeNonCanonical; a wrong length returns CodeMalformed.
package eddsa

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"

	"filippo.io/edwards25519"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

const (
	pkSize  = ed25519.PublicKeySize // 32
	sigSize = ed25519.SignatureSize // 64
)

// Dispatch primitives.
const (
	PrimitiveRFC8032 = "ed25519.verify"
	PrimitiveZIP215  = "ed25519.zip215"
)

func init() {
	dispatch.Register(PrimitiveRFC8032, dispatch.Impl{Name: "stdlib", Available: true, Priority: 20,
		Note: "crypto/ed25519"})
	dispatch.Register(PrimitiveRFC8032, dispatch.Impl{Name: "edwards25519", Available: true, Priority: 10,
		Note: "filippo.io/edwards25519 v1.2.0, the same rules written out (differential reference)"})
	dispatch.OnSelect(PrimitiveRFC8032, func(impl string) { useStdlib = impl != "edwards25519" })
	dispatch.Register(PrimitiveZIP215, dispatch.Impl{Name: "edwards25519", Available: true, Priority: 10,
		Note: "filippo.io/edwards25519 v1.2.0 group operations"})

}

// The Ed25519 verifiers.
var (
	Ed25519Verify = &core.Func{
		Name: "ed25519_verify", Family: "signature",
		Input:    "pk (32) || sig (R 32 || S 32) || msg",
		Output:   "0x01 valid, 0x00 invalid (RFC 8032 / Go crypto/ed25519 rules)",
		FixedOut: 1, Items: one, Primitives: []string{PrimitiveRFC8032},
		Examples: edExamples,
		Run:      runVerify,
	}
	Ed25519VerifyZIP215 = &core.Func{
		Name: "ed25519_verify_zip215", Family: "signature",
		Input:    "pk (32) || sig (R 32 || S 32) || msg",
		Output:   "0x01 valid, 0x00 invalid (ZIP-215 rules: cofactored, non-canonical A and R accepted)",
		FixedOut: 1, Items: one, Primitives: []string{PrimitiveZIP215},
		Examples: edExamples,
		Run:      runVerifyZIP215,
	}
	Ed25519BatchVerifyZIP215 = &core.Func{
		Name: "ed25519_batch_verify_zip215", Family: "signature",
		Input:    "n (4, big-endian) || n x (pk (32) || sig (64) || len (4, big-endian) || msg)",
		Output:   "0x01 if every signature verifies under ZIP-215, else 0x00 (n = 0 is invalid)",
		FixedOut: 1, Primitives: []string{PrimitiveZIP215},
		Items: func(in []byte) uint64 {
			if len(in) < 4 {
				return 0
			}
			return uint64(binary.BigEndian.Uint32(in))
		},
		Examples: edBatchExamples,
		Run:      runBatchZIP215,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{Ed25519Verify, Ed25519VerifyZIP215, Ed25519BatchVerifyZIP215,
		Ed25519VerifyStrict, Ed25519BatchVerifyZIP215Lists}
}

func one([]byte) uint64 { return 1 }

// useStdlib selects crypto/ed25519 for ed25519_verify; otherwise
// verifyRFC8032 runs the same rules on filippo.io/edwards25519.
var useStdlib = true

func runVerify(dst, in []byte) ([]byte, error) {
	if len(in) < pkSize+sigSize {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: input shorter than pk || sig")
	}
	pk, sig, msg := in[:pkSize], in[pkSize:pkSize+sigSize], in[pkSize+sigSize:]
	if !useStdlib {
		return verifyRFC8032(dst, pk, sig, msg)
	}
	if ed25519.Verify(pk, msg, sig) {
		return core.Verdict(dst, true), nil
	}
	// Only a failure pays for finding out whether it was an encoding.
	if _, err := new(edwards25519.Point).SetBytes(pk); err != nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "eddsa: public key is not a curve point")
	}
	if _, err := new(edwards25519.Scalar).SetCanonicalBytes(sig[32:]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "eddsa: S >= l")
	}
	return core.Verdict(dst, false), nil
}

// verifyRFC8032 is RFC 8032 section 5.1.7 with Go's decoding rules, on
// filippo.io/edwards25519: A decodes (non-canonical y accepted), S < l,
// k = SHA-512(R || A || M) mod l, and the canonical encoding of
// [S]B - [k]A must equal the R bytes (so a non-canonical R never verifies).
func verifyRFC8032(dst, pk, sig, msg []byte) ([]byte, error) {
	var a edwards25519.Point
	if _, err := a.SetBytes(pk); err != nil {
		return dst, core.Errorf(core.CodeInvalidPoint, "eddsa: public key is not a curve point")
	}
	var s, k edwards25519.Scalar
	if _, err := s.SetCanonicalBytes(sig[32:]); err != nil {
		return dst, core.Errorf(core.CodeNonCanonical, "eddsa: S >= l")
	}
	h := sha512.New()
	h.Write(sig[:32])
	h.Write(pk)
	h.Write(msg)
	var d [64]byte
	if _, err := k.SetUniformBytes(h.Sum(d[:0])); err != nil {
		panic("eddsa: internal error: " + err.Error())
	}
	var negA, r edwards25519.Point
	negA.Negate(&a)
	r.VarTimeDoubleScalarBaseMult(&k, &negA, &s)
	return core.Verdict(dst, string(r.Bytes()) == string(sig[:32])), nil
}

// item is one decoded ZIP-215 signature: A, R, S and k = H(R || A || M).
type item struct {
	a, r edwards25519.Point
	s, k edwards25519.Scalar
}

// decodeZIP215 decodes pk and sig under ZIP-215 rules and hashes k.
func decodeZIP215(it *item, pk, sig, msg []byte) error {
	if _, err := it.a.SetBytes(pk); err != nil {
		return core.Errorf(core.CodeInvalidPoint, "eddsa: public key is not a curve point")
	}
	if _, err := it.r.SetBytes(sig[:32]); err != nil {
		return core.Errorf(core.CodeInvalidPoint, "eddsa: R is not a curve point")
	}
	if _, err := it.s.SetCanonicalBytes(sig[32:]); err != nil {
		return core.Errorf(core.CodeNonCanonical, "eddsa: S >= l")
	}
	h := sha512.New()
	h.Write(sig[:32])
	h.Write(pk)
	h.Write(msg)
	var d [64]byte
	if _, err := it.k.SetUniformBytes(h.Sum(d[:0])); err != nil {
		panic("eddsa: internal error: " + err.Error())
	}
	return nil
}

var identity = edwards25519.NewIdentityPoint()

// verifyZIP215 checks [8]([S]B - [k]A - R) == 0.
func verifyZIP215(it *item) bool {
	var negA, p edwards25519.Point
	negA.Negate(&it.a)
	p.VarTimeDoubleScalarBaseMult(&it.k, &negA, &it.s)
	p.Subtract(&p, &it.r)
	p.MultByCofactor(&p)
	return p.Equal(identity) == 1
}

func runVerifyZIP215(dst, in []byte) ([]byte, error) {
	if len(in) < pkSize+sigSize {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: input shorter than pk || sig")
	}
	var it item
	if err := decodeZIP215(&it, in[:pkSize], in[pkSize:pkSize+sigSize], in[pkSize+sigSize:]); err != nil {
		return dst, err
	}
	return core.Verdict(dst, verifyZIP215(&it)), nil
}

// batchDomain separates the batch coefficients from other uses of SHA-256.
const batchDomain = "hostcrypto/ed25519_batch_verify_zip215/v1"

// runBatchZIP215 checks every signature with one multi-scalar
// multiplication: with z_i 128-bit coefficients hashed from the whole input
// (as in the BLS batch, docs/signatures.md),
//
//	[8]( [-sum z_i S_i]B + sum [z_i]R_i + sum [z_i k_i]A_i ) == 0.
//
// If every signature satisfies its cofactored equation, so does the sum, so
// a batch of valid signatures always passes; if one does not, the sum
// vanishes with probability at most 2^-128 per choice of coefficients,
// because [8] kills every torsion component and leaves a prime-order
// element scaled by a uniform z_i. A failed batch is answered 0x00 without
// fallback: it proves some signature is invalid.
func runBatchZIP215(dst, in []byte) ([]byte, error) {
	if len(in) < 4 {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: missing count")
	}
	n := int(binary.BigEndian.Uint32(in))
	rest := in[4:]
	if n > len(rest)/(pkSize+sigSize+4) {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: %d signatures do not fit the input", n)
	}
	// The layout is checked whole before any point is decoded or message
	// hashed, so that malformed input fails in time proportional to its
	// length, not after the work (docs/GAS.md).
	type entry struct{ pk, sig, msg []byte }
	entries := make([]entry, n)
	for i := range entries {
		if len(rest) < pkSize+sigSize+4 {
			return dst, core.Errorf(core.CodeMalformed, "eddsa: input truncated")
		}
		pk, sig := rest[:pkSize], rest[pkSize:pkSize+sigSize]
		l := binary.BigEndian.Uint32(rest[pkSize+sigSize:])
		rest = rest[pkSize+sigSize+4:]
		if uint64(l) > uint64(len(rest)) {
			return dst, core.Errorf(core.CodeMalformed, "eddsa: message length %d exceeds the input", l)
		}
		entries[i] = entry{pk, sig, rest[:l]}
		rest = rest[l:]
	}
	if len(rest) != 0 {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: %d trailing bytes", len(rest))
	}
	items := make([]item, n)
	for i, e := range entries {
		if err := decodeZIP215(&items[i], e.pk, e.sig, e.msg); err != nil {
			return dst, err
		}
	}
	if n == 0 {
		return core.Verdict(dst, false), nil
	}
	return core.Verdict(dst, batchEquation(items, batchDomain, in)), nil
}

// batchEquation checks that every item satisfies its ZIP-215 equation:
// with one item directly, else with one multi-scalar multiplication
// (coefficients z_i hashed from domain and the whole input in, as
// runBatchZIP215 describes). items must not be empty.
func batchEquation(items []item, domain string, in []byte) bool {
	n := len(items)
	if n == 1 {
		return verifyZIP215(&items[0])
	}
	seed := sha256.New()
	seed.Write([]byte(domain))
	seed.Write(in)
	var buf [32 + 4]byte
	seed.Sum(buf[:0])

	scalars := make([]*edwards25519.Scalar, 0, 2*n+1)
	points := make([]*edwards25519.Point, 0, 2*n+1)
	var sumS edwards25519.Scalar
	zs := make([]edwards25519.Scalar, 2*n)
	for i := range items {
		binary.BigEndian.PutUint32(buf[32:], uint32(i))
		d := sha256.Sum256(buf[:])
		var zb [32]byte
		copy(zb[:16], d[:16]) // little-endian 128-bit z_i < l
		if zb == ([32]byte{}) {
			zb[0] = 1
		}
		z, zk := &zs[2*i], &zs[2*i+1]
		if _, err := z.SetCanonicalBytes(zb[:]); err != nil {
			panic("eddsa: internal error: " + err.Error())
		}
		sumS.MultiplyAdd(z, &items[i].s, &sumS)
		zk.Multiply(z, &items[i].k)
		scalars = append(scalars, z, zk)
		points = append(points, &items[i].r, &items[i].a)
	}
	sumS.Negate(&sumS)
	scalars = append(scalars, &sumS)
	points = append(points, edwards25519.NewGeneratorPoint())
	var p edwards25519.Point
	p.VarTimeMultiScalarMult(scalars, points)
	p.MultByCofactor(&p)
	return p.Equal(identity) == 1
}
