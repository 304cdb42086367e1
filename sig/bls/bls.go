// Package bls declares BLS12-381 signature verification host functions
// (family "signature"), following draft-irtf-cfrg-bls-signature-05 in its
// minimal-pubkey-size variant: public keys are compressed G1 points (48
// bytes), signatures compressed G2 points (96 bytes), messages are hashed to
// G2 with hash_to_curve BLS12381G2_XMD:SHA-256_SSWU_RO_ (RFC 9380), and a
// signature sig on msg under pk is valid when
//
//	e(pk, H(msg)) == e(g1, sig).
//
// Without a caller-supplied DST the ciphersuite is Ethereum's
// BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_. Keys must not be the point at
// infinity; keys and signatures must be on the curve and in the order-r
// subgroup. Verification failures return 0x00; malformed encodings return a
// core error code (both mean "not valid").
//
// Two backends compute the same answers: blst (cgo, the default when
// available) and gnark-crypto (pure Go). The encoding checks shared by both
// (flags, canonical coordinates, infinity) live in encoding.go; the
// backends only decompress, check the subgroup and pair.
package bls

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// DSTPOP is the Ethereum (proof-of-possession) ciphersuite's DST.
const DSTPOP = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_"

// Primitive is the dispatch primitive of every function in this package.
const Primitive = "bls.verify"

// randBits is the size of the batch-verification coefficients. With
// coefficients derived by hashing the input (see batchScalars) an attacker
// can grind inputs offline, so the soundness error is Q/2^randBits for Q
// hash evaluations: 128 bits keeps that negligible (docs/signatures.md).
const randBits = 128

// engine is one backend. Inputs have passed the shared encoding checks
// (checkPublicKey, checkSignature); the engine decompresses, checks the
// curve (ErrInvalidPoint) and the subgroup (ErrNotInSubgroup) and verifies.
// When several points fail, any off-curve point makes the answer
// ErrInvalidPoint, otherwise any point outside the subgroup makes it
// ErrNotInSubgroup, so that both backends agree on the code.
type engine interface {
	// aggregateVerify checks prod e(pk_i, H(msg_i)) == e(g1, sig), n >= 1.
	aggregateVerify(pks [][]byte, sig []byte, msgs [][]byte, dst []byte) (bool, error)
	// fastAggregateVerify checks e(sum pk_i, H(msg)) == e(g1, sig), n >= 1;
	// an aggregate key at infinity is invalid (CoreVerify's KeyValidate).
	fastAggregateVerify(pks [][]byte, sig, msg, dst []byte) (bool, error)
	// batchVerify checks prod e(r_i pk_i, H(msg_i)) == e(g1, sum r_i sig_i)
	// with the randBits-bit coefficients r (16 bytes each, big-endian).
	batchVerify(pks, sigs, msgs [][]byte, dst []byte, r [][16]byte) (bool, error)
}

// current is the selected engine; set by dispatch.OnSelect.
var current engine = gnarkEngine{}

func init() {
	dispatch.Register(Primitive, dispatch.Impl{Name: "blst", Available: blstAvailable, Priority: 20, Note: blstNote})
	dispatch.Register(Primitive, dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
		Note: "gnark-crypto v0.22.0 ecc/bls12-381, pure Go"})
	dispatch.OnSelect(Primitive, func(impl string) {
		if impl == "blst" && blstEngine != nil {
			current = blstEngine
		} else {
			current = gnarkEngine{}
		}
	})

}

// The BLS signature verifiers (IETF BLS draft, ciphersuite
// BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_ unless the input names a DST).
var (
	BLS12381Verify = &core.Func{
		Name: "bls12381_verify", Family: "signature",
		Input:    "pk (48, compressed G1) || sig (96, compressed G2) || msg; DST " + DSTPOP,
		Output:   "0x01 valid, 0x00 invalid (IETF BLS draft Verify)",
		FixedOut: 1, Items: one, Primitives: []string{Primitive},
		Examples: blsVerifyExamples(false),
		Run:      func(dst, in []byte) ([]byte, error) { return runVerify(dst, in, []byte(DSTPOP)) },
	}
	BLS12381VerifyDST = &core.Func{
		Name: "bls12381_verify_dst", Family: "signature",
		Input:    "dst_len (1) || DST || pk (48) || sig (96) || msg",
		Output:   "0x01 valid, 0x00 invalid (Verify under the given ciphersuite DST)",
		FixedOut: 1, Items: one, Primitives: []string{Primitive},
		Examples: blsVerifyExamples(true),
		Run: func(dst, in []byte) ([]byte, error) {
			d, body, err := splitDST(in)
			if err != nil {
				return dst, err
			}
			return runVerify(dst, body, d)
		},
	}
	BLS12381FastAggregateVerify = &core.Func{
		Name: "bls12381_fast_aggregate_verify", Family: "signature",
		Input:    "n (4, big-endian) || n x pk (48) || sig (96) || msg; DST " + DSTPOP,
		Output:   "0x01 valid, 0x00 invalid (FastAggregateVerify; n = 0 is invalid)",
		FixedOut: 1, Items: countHeader, Primitives: []string{Primitive},
		Examples: blsFastAggExamples,
		Run:      runFastAggregate,
	}
	BLS12381AggregateVerify = &core.Func{
		Name: "bls12381_aggregate_verify", Family: "signature",
		Input:    "n (4) || n x pk (48) || sig (96) || n x (len (4) || msg); DST " + DSTPOP,
		Output:   "0x01 valid, 0x00 invalid (AggregateVerify, POP scheme: messages need not be distinct; n = 0 is invalid)",
		FixedOut: 1, Items: countHeader, Primitives: []string{Primitive},
		Examples: blsAggExamples(false),
		Run:      func(dst, in []byte) ([]byte, error) { return runAggregate(dst, in, []byte(DSTPOP)) },
	}
	BLS12381AggregateVerifyDST = &core.Func{
		Name: "bls12381_aggregate_verify_dst", Family: "signature",
		Input:    "dst_len (1) || DST || n (4) || n x pk (48) || sig (96) || n x (len (4) || msg)",
		Output:   "0x01 valid, 0x00 invalid (AggregateVerify; a DST ending in _NUL_ (basic scheme) requires distinct messages)",
		FixedOut: 1, Items: dstCount, Primitives: []string{Primitive},
		Examples: blsAggExamples(true),
		Run: func(dst, in []byte) ([]byte, error) {
			d, body, err := splitDST(in)
			if err != nil {
				return dst, err
			}
			return runAggregate(dst, body, d)
		},
	}
	BLS12381BatchVerify = &core.Func{
		Name: "bls12381_batch_verify", Family: "signature",
		Input:    "n (4) || n x (pk (48) || sig (96) || len (4) || msg); DST " + DSTPOP,
		Output:   "0x01 if every (pk, msg, sig) verifies, else 0x00 (n = 0 is invalid); random linear combination with coefficients hashed from the input",
		FixedOut: 1, Items: countHeader, Primitives: []string{Primitive},
		Examples: blsBatchExamples,
		Run:      runBatch,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{BLS12381Verify, BLS12381VerifyDST, BLS12381FastAggregateVerify, BLS12381AggregateVerify, BLS12381AggregateVerifyDST, BLS12381BatchVerify}
}

func one([]byte) uint64 { return 1 }

// dstCount is the count header after a dst_len || DST prefix.
func dstCount(in []byte) uint64 {
	if len(in) < 1 || len(in) < 1+int(in[0]) {
		return 0
	}
	return countHeader(in[1+int(in[0]):])
}

func runVerify(out, in, dst []byte) ([]byte, error) {
	pk, sig, msg, err := parseVerify(in)
	if err != nil {
		return out, err
	}
	ok, err := current.aggregateVerify([][]byte{pk}, sig, [][]byte{msg}, dst)
	if err != nil {
		return out, err
	}
	return core.Verdict(out, ok), nil
}

func runFastAggregate(out, in []byte) ([]byte, error) {
	pks, sig, msg, err := parseFastAggregate(in)
	if err != nil {
		return out, err
	}
	if len(pks) == 0 {
		return core.Verdict(out, false), nil
	}
	ok, err := current.fastAggregateVerify(pks, sig, msg, []byte(DSTPOP))
	if err != nil {
		return out, err
	}
	return core.Verdict(out, ok), nil
}

func runAggregate(out, in, dst []byte) ([]byte, error) {
	pks, sig, msgs, err := parseAggregate(in)
	if err != nil {
		return out, err
	}
	if len(pks) == 0 {
		return core.Verdict(out, false), nil
	}
	if isBasicScheme(dst) && !distinct(msgs) {
		return core.Verdict(out, false), nil
	}
	ok, err := current.aggregateVerify(pks, sig, msgs, dst)
	if err != nil {
		return out, err
	}
	return core.Verdict(out, ok), nil
}

func runBatch(out, in []byte) ([]byte, error) {
	pks, sigs, msgs, err := parseBatch(in)
	if err != nil {
		return out, err
	}
	if len(pks) == 0 {
		return core.Verdict(out, false), nil
	}
	ok, err := current.batchVerify(pks, sigs, msgs, []byte(DSTPOP), batchScalars(in, len(pks)))
	if err != nil {
		return out, err
	}
	return core.Verdict(out, ok), nil
}

// isBasicScheme reports whether dst names the basic scheme (draft section
// 4.2.1: the ciphersuite ID ends in _NUL_), whose AggregateVerify rejects
// repeated messages.
func isBasicScheme(dst []byte) bool {
	const suffix = "_NUL_"
	return len(dst) >= len(suffix) && string(dst[len(dst)-len(suffix):]) == suffix
}

// batchDomain separates the batch coefficients from any other use of SHA-256.
const batchDomain = "hostcrypto/bls12381_batch_verify/v1"

// batchScalars derives the n coefficients of a batch verification from the
// whole input: seed = SHA-256(batchDomain || in), and
// r_i = SHA-256(seed || i (4, big-endian))[:16], a 128-bit integer, set to 1
// if it is zero. Every byte of every (pk, sig, msg) is committed to before
// any r_i is known, so the coefficients are deterministic and, modelling
// SHA-256 as a random oracle, uniform and unpredictable to whoever chose
// the input (docs/signatures.md gives the soundness bound).
func batchScalars(in []byte, n int) [][16]byte {
	h := sha256.New()
	h.Write([]byte(batchDomain))
	h.Write(in)
	var seed [32 + 4]byte
	h.Sum(seed[:0])
	out := make([][16]byte, n)
	for i := range out {
		binary.BigEndian.PutUint32(seed[32:], uint32(i))
		d := sha256.Sum256(seed[:])
		copy(out[i][:], d[:16])
		if wire.AllZero(out[i][:]) {
			out[i][15] = 1
		}
	}
	return out
}
