/*
 * contract.c: an example C contract calling one hostcrypto function of each
 * family, and one of module "dusk", and checking the results against values
 * published in the specifications (not computed by hostcrypto).
 *
 * Build (Debian clang and lld; no libc):
 *
 *     clang --target=wasm32 -O2 -ffreestanding -nostdlib -I guest/c \
 *         -Wl,--no-entry -o contract.wasm guest/c/examples/contract.c
 *
 * Run: hostcrypto run contract.wasm run --gas 100000000
 * The export run returns 0 when every check passes, otherwise a bit mask
 * of the failed checks (see the FAIL_* bits).
 */
#include "hostcrypto.h"

enum {
	FAIL_SHA256 = 1 << 0,          /* hash: SHA-256("abc") */
	FAIL_PAIRING_VALID = 1 << 1,   /* curve: e(G1, G2) * e(-G1, G2) == 1 */
	FAIL_PAIRING_INVALID = 1 << 2, /* curve: e(G1, G2) * e(G1, G2) != 1 */
	FAIL_ED25519_VALID = 1 << 3,   /* signature: RFC 8032 test 1 */
	FAIL_ED25519_INVALID = 1 << 4, /* signature: test 1 with a message byte added */
	FAIL_ED25519_SHORT = 1 << 5,   /* signature: truncated input is malformed */
	FAIL_GROTH16_VALID = 1 << 6,   /* zk: Groth16 proof that satisfies its key */
	FAIL_GROTH16_INVALID = 1 << 7, /* zk: the same proof with C replaced */
	FAIL_DUSK_SHA256 = 1 << 8,     /* module dusk: rusk's sha256("abc") */
};

/* FIPS 180-2, appendix B.1: SHA-256("abc"). */
static const uint8_t sha256_abc[32] = {
	0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
	0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};

/* RFC 8032 section 7.1, TEST 1: public key || signature of the empty message. */
static const uint8_t ed25519_test1[96] = {
	0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
	0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
	0xe5, 0x56, 0x43, 0x00, 0xc3, 0x60, 0xac, 0x72, 0x90, 0x86, 0xe2, 0xcc, 0x80, 0x6e, 0x82, 0x8a,
	0x84, 0x87, 0x7f, 0x1e, 0xb8, 0xe5, 0xd9, 0x74, 0xd8, 0x73, 0xe0, 0x65, 0x22, 0x49, 0x01, 0x55,
	0x5f, 0xb8, 0x82, 0x15, 0x90, 0xa3, 0x3b, 0xac, 0xc6, 0x1e, 0x39, 0x70, 0x1c, 0xf9, 0xb4, 0x6b,
	0xd2, 0x5b, 0xf5, 0xf0, 0x59, 0x5b, 0xbe, 0x24, 0x65, 0x51, 0x41, 0x43, 0x8e, 0x7a, 0x10, 0x0b};

/* BN254 (alt_bn128) generators in EIP-197 encoding: G1 = (1, 2), and G2 as
 * EIP-197 lists it (x.c1 || x.c0 || y.c1 || y.c0). -G1 = (1, p - 2). */
static const uint8_t bn254_g2[128] = {
	0x19, 0x8e, 0x93, 0x93, 0x92, 0x0d, 0x48, 0x3a, 0x72, 0x60, 0xbf, 0xb7, 0x31, 0xfb, 0x5d, 0x25,
	0xf1, 0xaa, 0x49, 0x33, 0x35, 0xa9, 0xe7, 0x12, 0x97, 0xe4, 0x85, 0xb7, 0xae, 0xf3, 0x12, 0xc2,
	0x18, 0x00, 0xde, 0xef, 0x12, 0x1f, 0x1e, 0x76, 0x42, 0x6a, 0x00, 0x66, 0x5e, 0x5c, 0x44, 0x79,
	0x67, 0x43, 0x22, 0xd4, 0xf7, 0x5e, 0xda, 0xdd, 0x46, 0xde, 0xbd, 0x5c, 0xd9, 0x92, 0xf6, 0xed,
	0x09, 0x06, 0x89, 0xd0, 0x58, 0x5f, 0xf0, 0x75, 0xec, 0x9e, 0x99, 0xad, 0x69, 0x0c, 0x33, 0x95,
	0xbc, 0x4b, 0x31, 0x33, 0x70, 0xb3, 0x8e, 0xf3, 0x55, 0xac, 0xda, 0xdc, 0xd1, 0x22, 0x97, 0x5b,
	0x12, 0xc8, 0x5e, 0xa5, 0xdb, 0x8c, 0x6d, 0xeb, 0x4a, 0xab, 0x71, 0x80, 0x8d, 0xcb, 0x40, 0x8f,
	0xe3, 0xd1, 0xe7, 0x69, 0x0c, 0x43, 0xd3, 0x7b, 0x4c, 0xe6, 0xcc, 0x01, 0x66, 0xfa, 0x7d, 0xaa};

/* p - 2, p the BN254 base field modulus. */
static const uint8_t bn254_p_minus_2[32] = {
	0x30, 0x64, 0x4e, 0x72, 0xe1, 0x31, 0xa0, 0x29, 0xb8, 0x50, 0x45, 0xb6, 0x81, 0x81, 0x58, 0x5d,
	0x97, 0x81, 0x6a, 0x91, 0x68, 0x71, 0xca, 0x8d, 0x3c, 0x20, 0x8c, 0x16, 0xd8, 0x7c, 0xfd, 0x45};

static uint8_t buf[1024];
static uint8_t out[64];

static uint32_t put(uint32_t at, const uint8_t *b, uint32_t n) {
	for (uint32_t i = 0; i < n; i++)
		buf[at + i] = b[i];
	return at + n;
}

static uint32_t put_g1(uint32_t at, int negate) {
	for (uint32_t i = 0; i < 64; i++)
		buf[at + i] = 0;
	buf[at + 31] = 1;
	if (negate)
		put(at + 32, bn254_p_minus_2, 32);
	else
		buf[at + 63] = 2;
	return at + 64;
}

static int equal(const uint8_t *a, const uint8_t *b, uint32_t n) {
	uint8_t d = 0;
	for (uint32_t i = 0; i < n; i++)
		d |= a[i] ^ b[i];
	return d == 0;
}

/* verdict returns 1 for a valid result, 0 for invalid, -1 for an error. */
static int verdict(int32_t r) {
	if (r != 1)
		return -1;
	return out[0] == 1;
}

/* groth16 writes a Groth16 BN254 input: a verifying key with alpha = IC_0 =
 * G1 and beta = gamma = delta = G2, no public inputs, and the proof A = G1,
 * B = G2, C = -G1 (valid: e(G1,G2) = e(G1,G2) e(G1,G2) e(-G1,G2)) or C = G1. */
static uint32_t groth16(int valid) {
	static const uint8_t one[4] = {0, 0, 0, 1};
	uint32_t n = put_g1(0, 0);
	n = put(n, bn254_g2, 128);
	n = put(n, bn254_g2, 128);
	n = put(n, bn254_g2, 128);
	n = put(n, one, 4);
	n = put_g1(n, 0);
	n = put_g1(n, 0);
	n = put(n, bn254_g2, 128);
	return put_g1(n, valid);
}

static uint32_t pairing(int valid) {
	uint32_t n = put_g1(0, 0);
	n = put(n, bn254_g2, 128);
	n = put_g1(n, valid);
	return put(n, bn254_g2, 128);
}

__attribute__((export_name("run"))) int32_t run(void) {
	static const uint8_t abc[3] = {'a', 'b', 'c'};
	int32_t fail = 0;
	uint32_t n;

	if (hostcrypto_sha256(abc, 3, out, HOSTCRYPTO_SHA256_OUT) != 32 || !equal(out, sha256_abc, 32))
		fail |= FAIL_SHA256;

	n = pairing(1);
	if (verdict(hostcrypto_bn254_pairing_check(buf, n, out, HOSTCRYPTO_BN254_PAIRING_CHECK_OUT)) != 1)
		fail |= FAIL_PAIRING_VALID;
	n = pairing(0);
	if (verdict(hostcrypto_bn254_pairing_check(buf, n, out, HOSTCRYPTO_BN254_PAIRING_CHECK_OUT)) != 0)
		fail |= FAIL_PAIRING_INVALID;

	n = put(0, ed25519_test1, 96);
	if (verdict(hostcrypto_ed25519_verify(buf, n, out, HOSTCRYPTO_ED25519_VERIFY_OUT)) != 1)
		fail |= FAIL_ED25519_VALID;
	buf[n] = 'x';
	if (verdict(hostcrypto_ed25519_verify(buf, n + 1, out, HOSTCRYPTO_ED25519_VERIFY_OUT)) != 0)
		fail |= FAIL_ED25519_INVALID;
	if (hostcrypto_ed25519_verify(buf, 95, out, HOSTCRYPTO_ED25519_VERIFY_OUT) != HOSTCRYPTO_ERR_MALFORMED_INPUT)
		fail |= FAIL_ED25519_SHORT;

	n = groth16(1);
	if (verdict(hostcrypto_groth16_bn254_verify(buf, n, out, HOSTCRYPTO_GROTH16_BN254_VERIFY_OUT)) != 1)
		fail |= FAIL_GROTH16_VALID;
	n = groth16(0);
	if (verdict(hostcrypto_groth16_bn254_verify(buf, n, out, HOSTCRYPTO_GROTH16_BN254_VERIFY_OUT)) != 0)
		fail |= FAIL_GROTH16_INVALID;

	for (uint32_t i = 0; i < 32; i++)
		out[i] = 0;
	if (dusk_sha256(abc, 3, out, DUSK_SHA256_OUT) != 32 || !equal(out, sha256_abc, 32))
		fail |= FAIL_DUSK_SHA256;
	return fail;
}
