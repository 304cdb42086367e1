//go:build cgo && !purego

package libsecp

/*
#cgo noescape hc_recover
#cgo nocallback hc_recover
#cgo noescape hc_verify
#cgo nocallback hc_verify
#cgo noescape hc_combine
#cgo nocallback hc_combine
#include <stddef.h>
#include <string.h>

// Declarations from libsecp256k1's secp256k1.h and secp256k1_recovery.h
// (the API, unchanged since its first release): the structures are opaque
// byte arrays of these sizes.
typedef struct secp256k1_context_struct secp256k1_context;
typedef struct { unsigned char data[64]; } secp256k1_pubkey;
typedef struct { unsigned char data[64]; } secp256k1_ecdsa_signature;
typedef struct { unsigned char data[65]; } secp256k1_ecdsa_recoverable_signature;

#define HC_CONTEXT_VERIFY ((1 << 0) | (1 << 8)) // SECP256K1_CONTEXT_VERIFY
#define HC_EC_UNCOMPRESSED (1 << 1)            // SECP256K1_EC_UNCOMPRESSED

secp256k1_context *secp256k1_context_create(unsigned int flags);
int secp256k1_ec_pubkey_parse(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
	const unsigned char *input, size_t inputlen);
int secp256k1_ec_pubkey_serialize(const secp256k1_context *ctx, unsigned char *output,
	size_t *outputlen, const secp256k1_pubkey *pubkey, unsigned int flags);
int secp256k1_ecdsa_signature_parse_compact(const secp256k1_context *ctx,
	secp256k1_ecdsa_signature *sig, const unsigned char *input64);
int secp256k1_ecdsa_verify(const secp256k1_context *ctx, const secp256k1_ecdsa_signature *sig,
	const unsigned char *msghash32, const secp256k1_pubkey *pubkey);
int secp256k1_ecdsa_recoverable_signature_parse_compact(const secp256k1_context *ctx,
	secp256k1_ecdsa_recoverable_signature *sig, const unsigned char *input64, int recid);
int secp256k1_ecdsa_recover(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
	const secp256k1_ecdsa_recoverable_signature *sig, const unsigned char *msghash32);
int secp256k1_ec_seckey_negate(const secp256k1_context *ctx, unsigned char *seckey);
int secp256k1_ec_seckey_tweak_mul(const secp256k1_context *ctx, unsigned char *seckey,
	const unsigned char *tweak32);

// hc_ctx is created once; verification and recovery only read it, so it is
// shared by all threads (libsecp256k1's documented rule for const contexts).
static secp256k1_context *hc_ctx;

static int hc_init(void) {
	hc_ctx = secp256k1_context_create(HC_CONTEXT_VERIFY);
	return hc_ctx != NULL;
}

// hc_recover writes 0x04 || x || y to out65 and returns 1, or returns 0
// when no key recovers (r or s zero or >= n, no point R, Q at infinity).
static int hc_recover(unsigned char *out65, const unsigned char *rs64, int recid, const unsigned char *h32) {
	secp256k1_ecdsa_recoverable_signature sig;
	secp256k1_pubkey pk;
	size_t n = 65;
	if (!secp256k1_ecdsa_recoverable_signature_parse_compact(hc_ctx, &sig, rs64, recid)) return 0;
	if (!secp256k1_ecdsa_recover(hc_ctx, &pk, &sig, h32)) return 0;
	return secp256k1_ec_pubkey_serialize(hc_ctx, out65, &n, &pk, HC_EC_UNCOMPRESSED) && n == 65;
}

// hc_combine writes 0x04 || x || y of a G - b R to out65 and returns 1,
// where R is the point with x(R) = k (+ n when recid&2) and y of parity
// recid&1; it returns 0 when there is no such R or the result is infinity,
// and -1 (nothing computed) when k or b is not in [1, n-1] or a is not in
// [0, n-1]. It is recovery of (r', s', h') = (k, -b k, -a k):
// k^-1 (s' R - h' G) = a G - b R. The scalar arithmetic is the library's
// own: -k once (seckey_negate, which also refuses k = 0 or k >= n), then
// the two products by -k (seckey_tweak_mul, which refuses a zero or
// out-of-range operand); a = 0 gives h' = 0, which recovery accepts.
static int hc_combine(unsigned char *out65, const unsigned char *k32, const unsigned char *a32,
		const unsigned char *b32, int recid) {
	static const unsigned char zero[32];
	unsigned char nk[32], rs[64], h[32];
	memcpy(nk, k32, 32);
	if (!secp256k1_ec_seckey_negate(hc_ctx, nk)) return -1; // k not in [1, n-1]
	memcpy(rs, k32, 32);
	memcpy(rs + 32, b32, 32);
	if (!secp256k1_ec_seckey_tweak_mul(hc_ctx, rs + 32, nk)) return -1; // b not in [1, n-1]
	memcpy(h, a32, 32);
	if (memcmp(a32, zero, 32) != 0 && !secp256k1_ec_seckey_tweak_mul(hc_ctx, h, nk)) return -1; // a >= n
	return hc_recover(out65, rs, recid, h);
}

// hc_verify: 1 valid, 0 invalid, -1 when the key or signature does not parse.
static int hc_verify(const unsigned char *pk65, const unsigned char *rs64, const unsigned char *h32) {
	secp256k1_pubkey pk;
	secp256k1_ecdsa_signature sig;
	if (!secp256k1_ec_pubkey_parse(hc_ctx, &pk, pk65, 65)) return -1;
	if (!secp256k1_ecdsa_signature_parse_compact(hc_ctx, &sig, rs64)) return -1;
	return secp256k1_ecdsa_verify(hc_ctx, &sig, h32, &pk);
}
*/
import "C"

import "unsafe"

// Available: this build links libsecp256k1 and its context was created.
var Available = C.hc_init() == 1

// Recover is SEC 1 section 4.1.6 public-key recovery with libsecp256k1's
// secp256k1_ecdsa_recover: out receives 0x04 || x || y of
// Q = r^-1 (s R - e G), where e = hash mod n and R is the point with
// x(R) = r (r + n when rid&2) and y of the parity rid&1. hash is 32 bytes,
// rs is r || s (32 bytes each, big-endian), rid is in 0..3. It returns false
// when no key recovers: r or s zero or >= n, r + n >= p with rid&2, no curve
// point with that x, or Q at infinity. High s is accepted.
func Recover(out *[65]byte, hash, rs []byte, rid byte) bool {
	if len(hash) != 32 || len(rs) != 64 || rid > 3 {
		panic("libsecp: internal error: bad Recover arguments")
	}
	return C.hc_recover((*C.uchar)(unsafe.Pointer(&out[0])), (*C.uchar)(unsafe.Pointer(&rs[0])), C.int(rid),
		(*C.uchar)(unsafe.Pointer(&hash[0]))) == 1
}

// Combine computes a·G - b·R through recovery (one cgo crossing, the
// scalar arithmetic in the library): out receives 0x04 || x || y, where R
// is the point with x(R) = k (k + n when rid&2) and y of the parity rid&1.
// k, a and b are 32-byte big-endian scalars: k and b in [1, n-1], a in
// [0, n-1], rid in 0..3. It returns 1 on success, 0 when no R exists (k,
// or k + n, not an x-coordinate; k + n >= p) or the result is infinity,
// and -1 when k or b is zero or >= n, or a >= n (recovery cannot express
// b = 0).
// BIP-340 uses it with k = px mod n, a = s, b = e: R = lift_x(px) = P.
func Combine(out *[65]byte, k, a, b *[32]byte, rid byte) int {
	if rid > 3 {
		panic("libsecp: internal error: bad Combine arguments")
	}
	return int(C.hc_combine((*C.uchar)(unsafe.Pointer(&out[0])), (*C.uchar)(unsafe.Pointer(&k[0])),
		(*C.uchar)(unsafe.Pointer(&a[0])), (*C.uchar)(unsafe.Pointer(&b[0])), C.int(rid)))
}

// Verify is ECDSA verification (SEC 1 section 4.1.4) with libsecp256k1's
// secp256k1_ecdsa_verify. pk65 is 0x04 || x || y of a checked key, rs is
// r || s with r, s in [1, n-1] and s <= n/2 (libsecp256k1 refuses high s;
// verifying (r, n - s) is equivalent and the caller normalises), hash is 32
// bytes.
func Verify(pk65, rs, hash []byte) bool {
	if len(pk65) != 65 || len(rs) != 64 || len(hash) != 32 {
		panic("libsecp: internal error: bad Verify arguments")
	}
	switch C.hc_verify((*C.uchar)(unsafe.Pointer(&pk65[0])), (*C.uchar)(unsafe.Pointer(&rs[0])),
		(*C.uchar)(unsafe.Pointer(&hash[0]))) {
	case 1:
		return true
	case 0:
		return false
	}
	panic("libsecp: internal error: libsecp256k1 refused a checked key or signature")
}
