// Package secp256k1 declares signature host functions over the secp256k1
// curve y^2 = x^3 + 7 over F_p, p = 2^256 - 2^32 - 977, group order n
// (family "signature"):
//
//   - secp256k1_ecdsa_verify: ECDSA (SEC 1 section 4.1.4) on a 32-byte
//     hash: with w = s^-1, X = [h w]G + [r w]Q, valid iff X is not infinity
//     and X.x mod n == r. High s (s > n/2) is accepted.
//   - secp256k1_ecdsa_verify_lows: the same with s <= n/2 required (BIP-62
//     / BIP-146 low-s rule, as Bitcoin policy and Ethereum transactions).
//   - secp256k1_recover: public-key recovery (SEC 1 section 4.1.6) from
//     hash || r || s || v, v in {0, 1, 27, 28} giving the parity of R.y.
//   - schnorr_bip340_verify: BIP-340 Schnorr with x-only keys and messages
//     of any length (the 2022 amendment);
//   - variants.go: recovery with recovery ids 0..3 in the output forms the
//     chains use (secp256k1_recover_rid, _lows, _compressed, _xy,
//     _xy_lows) and secp256k1_decompress.
//
// Three implementations compute the same answers (all variable time: these
// verify public data): libsecp256k1 compiled from the C sources of the
// github.com/erigontech/secp256k1 module (internal/libsecp; the default
// wherever cgo is on without the purego tag, no system library needed),
// gnark-crypto (the default without cgo) and decred's secp256k1/v4.
//
// Encodings: public keys 33 bytes (0x02/0x03 || x) or 65 bytes
// (0x04 || x || y), hybrid 0x06/0x07 forms rejected; scalars and
// coordinates 32-byte big-endian. A coordinate
// >= p or a scalar >= n returns CodeNonCanonical, an off-curve key
// CodeInvalidPoint, a wrong length or prefix CodeMalformed; a signature that
// does not verify returns 0x00.
package secp256k1

import (
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
)

// Dispatch primitives.
const (
	PrimitiveECDSA   = "secp256k1.ecdsa"
	PrimitiveSchnorr = "secp256k1.schnorr"
)

// Implementations, selected by dispatch into ecdsaImpl (verification and
// recovery) and schnorrImpl (BIP-340).
const (
	implDecred = iota
	implGnark
	implLibsecp
)

var ecdsaImpl, schnorrImpl = implGnark, implGnark

func implByName(name string) int {
	switch name {
	case "gnark":
		return implGnark
	case "libsecp256k1":
		return implLibsecp
	}
	return implDecred
}

const gnarkNote = "gnark-crypto v0.22.0 ecc/secp256k1 (Straus-Shamir joint multiplication)"

const decredNote = "github.com/decred/dcrd/dcrec/secp256k1/v4 v4.4.1"

func init() {
	// libsecp256k1 (with cgo) is the fastest by about 3x; without it
	// gnark-crypto's joint multiplication measured 0.83x (verify) and 0.73x
	// (recover) of decred's time here, so it is the pure-Go default.
	dispatch.Register(PrimitiveECDSA, dispatch.Impl{Name: "libsecp256k1", Available: libsecp.Available, Priority: 30, Note: libsecp.Note})
	dispatch.Register(PrimitiveSchnorr, dispatch.Impl{Name: "libsecp256k1", Available: libsecp.Available, Priority: 30,
		Note: libsecp.Note + "; BIP-340 through its public-key recovery (schnorrLibsecp)"})
	dispatch.Register(PrimitiveECDSA, dispatch.Impl{Name: "gnark", Available: true, Priority: 20, Note: gnarkNote})
	dispatch.Register(PrimitiveECDSA, dispatch.Impl{Name: "decred", Available: true, Priority: 10, Note: decredNote})
	dispatch.OnSelect(PrimitiveECDSA, func(impl string) { ecdsaImpl = implByName(impl) })
	dispatch.Register(PrimitiveSchnorr, dispatch.Impl{Name: "gnark", Available: true, Priority: 20,
		Note: gnarkNote + "; BIP-340 verification is ours"})
	dispatch.Register(PrimitiveSchnorr, dispatch.Impl{Name: "decred", Available: true, Priority: 10,
		Note: decredNote + " group operations; BIP-340 verification is ours"})
	dispatch.OnSelect(PrimitiveSchnorr, func(impl string) { schnorrImpl = implByName(impl) })

}

// The secp256k1 verifiers and key recovery.
var (
	Secp256k1ECDSAVerify = &core.Func{
		Name: "secp256k1_ecdsa_verify", Family: "signature",
		Input:    "pk (33 compressed or 65 uncompressed) || r (32) || s (32) || hash (32)",
		Output:   "0x01 valid, 0x00 invalid (high s accepted)",
		FixedOut: 1, Items: one, Primitives: []string{PrimitiveECDSA},
		Examples: ecdsaExamples(false),
		Run:      func(dst, in []byte) ([]byte, error) { return runVerify(dst, in, false) },
	}
	Secp256k1ECDSAVerifyLowS = &core.Func{
		Name: "secp256k1_ecdsa_verify_lows", Family: "signature",
		Input:    "pk (33 or 65) || r (32) || s (32) || hash (32)",
		Output:   "0x01 valid, 0x00 invalid (s > n/2 is invalid)",
		FixedOut: 1, Items: one, Primitives: []string{PrimitiveECDSA},
		Examples: ecdsaExamples(false),
		Run:      func(dst, in []byte) ([]byte, error) { return runVerify(dst, in, true) },
	}
	Secp256k1Recover = &core.Func{
		Name: "secp256k1_recover", Family: "signature",
		Input:    "hash (32) || r (32) || s (32) || v (1: 0, 1, 27 or 28)",
		Output:   "65-byte uncompressed public key 0x04 || x || y; CodeNoResult when no key recovers",
		FixedOut: 65, Items: one, Primitives: []string{PrimitiveECDSA},
		Examples: ecdsaExamples(true),
		Run:      runRecover,
	}
	SchnorrBIP340Verify = &core.Func{
		Name: "schnorr_bip340_verify", Family: "signature",
		Input:    "pk (32, x-only) || sig (r 32 || s 32) || msg (any length)",
		Output:   "0x01 valid, 0x00 invalid (BIP-340)",
		FixedOut: 1, Items: one, Primitives: []string{PrimitiveSchnorr},
		Examples: schnorrExamples,
		Run:      runSchnorr,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{Secp256k1ECDSAVerify, Secp256k1ECDSAVerifyLowS, Secp256k1Recover, SchnorrBIP340Verify,
		Secp256k1RecoverRid, Secp256k1RecoverRidLowS, Secp256k1RecoverRidCompressed, Secp256k1RecoverRidXY, Secp256k1RecoverRidXYLowS, Secp256k1Decompress}
}

func one([]byte) uint64 { return 1 }

// parsePubKey decodes a SEC 1 compressed (0x02/0x03 || x) or uncompressed
// (0x04 || x || y) public key into normalized affine coordinates, requiring
// coordinates < p and the point on the curve.
func parsePubKey(b []byte) (x, y dsecp.FieldVal, err error) {
	switch {
	case len(b) == 33 && (b[0] == 0x02 || b[0] == 0x03):
		if x.SetByteSlice(b[1:33]) {
			return x, y, core.Errorf(core.CodeNonCanonical, "secp256k1: x >= p")
		}
		if !dsecp.DecompressY(&x, b[0] == 0x03, &y) {
			return x, y, core.Errorf(core.CodeInvalidPoint, "secp256k1: x is not on the curve")
		}
		y.Normalize()
	case len(b) == 65 && b[0] == 0x04:
		if x.SetByteSlice(b[1:33]) || y.SetByteSlice(b[33:65]) {
			return x, y, core.Errorf(core.CodeNonCanonical, "secp256k1: coordinate >= p")
		}
		if !dsecp.NewPublicKey(&x, &y).IsOnCurve() {
			return x, y, core.Errorf(core.CodeInvalidPoint, "secp256k1: point not on the curve")
		}
	default:
		return x, y, core.Errorf(core.CodeMalformed, "secp256k1: bad public key prefix or length")
	}
	return x, y, nil
}

// parseRS decodes r and s, each 32-byte big-endian, requiring < n. Zero is
// accepted here (it is a well-formed but never-valid signature).
func parseRS(b []byte) (r, s dsecp.ModNScalar, err error) {
	if r.SetByteSlice(b[:32]) || s.SetByteSlice(b[32:64]) {
		return r, s, core.Errorf(core.CodeNonCanonical, "secp256k1: r or s >= n")
	}
	return r, s, nil
}

func runVerify(dst, in []byte, lowS bool) ([]byte, error) {
	var pkLen int
	switch len(in) {
	case 33 + 96:
		pkLen = 33
	case 65 + 96:
		pkLen = 65
	default:
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: input is %d bytes, want 129 or 161", len(in))
	}
	x, y, err := parsePubKey(in[:pkLen])
	if err != nil {
		return dst, err
	}
	r, s, err := parseRS(in[pkLen : pkLen+64])
	if err != nil {
		return dst, err
	}
	hash := in[pkLen+64:]
	if (lowS && s.IsOverHalfOrder()) || r.IsZero() || s.IsZero() {
		return core.Verdict(dst, false), nil
	}
	switch ecdsaImpl {
	case implGnark:
		return core.Verdict(dst, verifyGnark(&x, &y, in[pkLen:pkLen+32], in[pkLen+32:pkLen+64], hash)), nil
	case implLibsecp:
		return core.Verdict(dst, verifyLibsecp(&x, &y, &r, &s, hash)), nil
	}
	return core.Verdict(dst, ecdsa.NewSignature(&r, &s).Verify(hash, dsecp.NewPublicKey(&x, &y))), nil
}

func runRecover(dst, in []byte) ([]byte, error) {
	if len(in) != 97 {
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: recover input is %d bytes, want 97", len(in))
	}
	v := in[96]
	switch v {
	case 0, 1:
	case 27, 28:
		v -= 27
	default:
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: v = %d, want 0, 1, 27 or 28", in[96])
	}
	r, s, err := parseRS(in[32:96])
	if err != nil {
		return dst, err
	}
	if r.IsZero() || s.IsZero() {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: r or s is zero")
	}
	switch ecdsaImpl {
	case implGnark:
		return recoverGnark(dst, in[:32], in[32:64], in[64:96], v)
	case implLibsecp:
		return recoverLibsecp(dst, in[:32], in[32:96], v)
	}
	// decred's compact format: 27 + recovery id || r || s (uncompressed key).
	var compact [65]byte
	compact[0] = 27 + v
	copy(compact[1:], in[32:96])
	pk, _, err := ecdsa.RecoverCompact(compact[:], in[:32])
	if err != nil {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: no public key recovers")
	}
	return append(dst, pk.SerializeUncompressed()...), nil
}
