//go:build cgo && !purego && libsecp256k1

package secp256k1

/*
#cgo pkg-config: libsecp256k1
#include <stddef.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

static secp256k1_context *hc_ctx;

static int hc_init(void) {
	hc_ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
	return hc_ctx != NULL;
}

// hc_ecdsa_verify: pk65 is a validated uncompressed key, rs64 = r || s
// with r, s < n; high s is normalised first (the caller applies the
// low-s rule). One cgo crossing per verification.
static int hc_ecdsa_verify(const unsigned char *pk65, const unsigned char *rs64, const unsigned char *h32) {
	secp256k1_pubkey pk;
	secp256k1_ecdsa_signature sig;
	if (!secp256k1_ec_pubkey_parse(hc_ctx, &pk, pk65, 65)) return -1;
	if (!secp256k1_ecdsa_signature_parse_compact(hc_ctx, &sig, rs64)) return -1;
	secp256k1_ecdsa_signature_normalize(hc_ctx, &sig, &sig);
	return secp256k1_ecdsa_verify(hc_ctx, &sig, h32, &pk);
}

// hc_ecdsa_recover writes the 65-byte uncompressed key; 0 when none.
static int hc_ecdsa_recover(unsigned char *out65, const unsigned char *rs64, int recid, const unsigned char *h32) {
	secp256k1_ecdsa_recoverable_signature sig;
	secp256k1_pubkey pk;
	size_t n = 65;
	if (!secp256k1_ecdsa_recoverable_signature_parse_compact(hc_ctx, &sig, rs64, recid)) return -1;
	if (!secp256k1_ecdsa_recover(hc_ctx, &pk, &sig, h32)) return 0;
	return secp256k1_ec_pubkey_serialize(hc_ctx, out65, &n, &pk, SECP256K1_EC_UNCOMPRESSED) && n == 65;
}

// hc_schnorr_verify: -2 when pk32 is not an x-only key, else the verdict.
static int hc_schnorr_verify(const unsigned char *pk32, const unsigned char *sig64, const unsigned char *msg, size_t len) {
	secp256k1_xonly_pubkey pk;
	if (!secp256k1_xonly_pubkey_parse(hc_ctx, &pk, pk32)) return -2;
	return secp256k1_schnorrsig_verify(hc_ctx, sig64, msg, len, &pk);
}
*/
import "C"

import (
	"unsafe"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/core"
)

var libsecpAvailable = C.hc_init() == 1

const libsecpNote = "libsecp256k1 (system library, cgo; build tag libsecp256k1)"

func ptr(b []byte) *C.uchar {
	if len(b) == 0 {
		return nil
	}
	return (*C.uchar)(unsafe.Pointer(&b[0]))
}

// verifyLibsecp verifies with libsecp256k1; x, y are a validated key and r,
// s in [1, n-1].
func verifyLibsecp(x, y *dsecp.FieldVal, rs, hash []byte) bool {
	var pk [65]byte
	pk[0] = 4
	x.PutBytesUnchecked(pk[1:33])
	y.PutBytesUnchecked(pk[33:65])
	return C.hc_ecdsa_verify(ptr(pk[:]), ptr(rs), ptr(hash)) == 1
}

// recoverLibsecp recovers with libsecp256k1 for recovery id rid in 0..3;
// r, s in [1, n-1].
func recoverLibsecp(dst, hash, rs []byte, rid byte) ([]byte, error) {
	var out [65]byte
	if C.hc_ecdsa_recover(ptr(out[:]), ptr(rs), C.int(rid), ptr(hash)) != 1 {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: no public key recovers")
	}
	return append(dst, out[:]...), nil
}

// schnorrLibsecp is BIP-340 verification with libsecp256k1; encoding
// failures are classified by the portable code so the codes match.
func schnorrLibsecp(dst, in []byte) ([]byte, error) {
	pkb, rb, sb, msg := in[:32], in[32:64], in[64:96], in[96:]
	var r dsecp.FieldVal
	var s dsecp.ModNScalar
	if r.SetByteSlice(rb) || s.SetByteSlice(sb) {
		// r >= p or s >= n; the pk is checked first, as in runSchnorr.
		if _, err := liftX(pkb); err != nil {
			return dst, err
		}
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: r >= p or s >= n")
	}
	switch C.hc_schnorr_verify(ptr(pkb), ptr(in[32:96]), ptr(msg), C.size_t(len(msg))) {
	case 1:
		return core.Verdict(dst, true), nil
	case -2:
		if _, err := liftX(pkb); err != nil {
			return dst, err
		}
		return dst, core.Errorf(core.CodeInternal, "secp256k1: internal error: libsecp256k1 refused a valid x-only key")
	}
	return core.Verdict(dst, false), nil
}
