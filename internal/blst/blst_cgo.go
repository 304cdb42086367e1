//go:build cgo && !purego && (amd64 || arm64)

package blst

// The blst backend calls supranational/blst's C functions directly. The C
// library itself is compiled and linked by its Go bindings package (imported
// below for that side effect); this file only declares the few functions it
// calls, with their blst.h prototypes, and wraps whole operations (a
// multi-Miller loop plus final exponentiation, a batch of subgroup checks,
// one Pippenger MSM) in single cgo calls. No C type leaves this file.
//
// Points cross the boundary without conversion: blst's affine points and
// gnark-crypto's are both two (or four) Fp elements of six little-endian
// 64-bit limbs in Montgomery form with R = 2^384, in the same order (x, y;
// c0 before c1). init verifies this on the generators and leaves blst
// unavailable if it ever stops being true.

/*
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t byte;
typedef uint64_t limb_t;
typedef struct { limb_t l[6]; } blst_fp;
typedef struct { limb_t l[4]; } blst_fr;
typedef struct { blst_fp fp[2]; } blst_fp2;
typedef struct { blst_fp2 fp2[3]; } blst_fp6;
typedef struct { blst_fp6 fp6[2]; } blst_fp12;
typedef struct { blst_fp x, y, z; } blst_p1;
typedef struct { blst_fp x, y; } blst_p1_affine;
typedef struct { blst_fp2 x, y, z; } blst_p2;
typedef struct { blst_fp2 x, y; } blst_p2_affine;

// Prototypes from blst.h (v0.3.17).
void blst_miller_loop_n(blst_fp12 *ret, const blst_p2_affine *const Qs[],
                        const blst_p1_affine *const Ps[], size_t n);
void blst_final_exp(blst_fp12 *ret, const blst_fp12 *f);
void blst_fp12_mul(blst_fp12 *ret, const blst_fp12 *a, const blst_fp12 *b);
bool blst_fp12_is_one(const blst_fp12 *a);
bool blst_p1_affine_in_g1(const blst_p1_affine *p);
bool blst_p2_affine_in_g2(const blst_p2_affine *p);
void blst_map_to_g1(blst_p1 *out, const blst_fp *u, const blst_fp *v);
void blst_map_to_g2(blst_p2 *out, const blst_fp2 *u, const blst_fp2 *v);
void blst_p1_to_affine(blst_p1_affine *out, const blst_p1 *in);
void blst_p2_to_affine(blst_p2_affine *out, const blst_p2 *in);
void blst_p1_from_affine(blst_p1 *out, const blst_p1_affine *in);
void blst_p2_from_affine(blst_p2 *out, const blst_p2_affine *in);
void blst_p1_add_or_double(blst_p1 *out, const blst_p1 *a, const blst_p1 *b);
void blst_p2_add_or_double(blst_p2 *out, const blst_p2 *a, const blst_p2 *b);
void blst_p1_add_or_double_affine(blst_p1 *out, const blst_p1 *a, const blst_p1_affine *b);
void blst_p2_add_or_double_affine(blst_p2 *out, const blst_p2 *a, const blst_p2_affine *b);
size_t blst_p1s_mult_pippenger_scratch_sizeof(size_t npoints);
size_t blst_p2s_mult_pippenger_scratch_sizeof(size_t npoints);
void blst_p1s_mult_pippenger(blst_p1 *ret, const blst_p1_affine *const points[],
                             size_t npoints, const byte *const scalars[],
                             size_t nbits, limb_t *scratch);
void blst_p2s_mult_pippenger(blst_p2 *ret, const blst_p2_affine *const points[],
                             size_t npoints, const byte *const scalars[],
                             size_t nbits, limb_t *scratch);
void blst_fp_mul(blst_fp *ret, const blst_fp *a, const blst_fp *b);
void blst_fr_mul(blst_fr *ret, const blst_fr *a, const blst_fr *b);
const blst_p1_affine *blst_p1_affine_generator(void);
const blst_p2_affine *blst_p2_affine_generator(void);

// hc_miller_loop sets f to the product of the Miller loops of the n pairs
// (P[i], Q[i]), none of them infinity, n >= 1.
static void hc_miller_loop(blst_fp12 *f, const blst_p1_affine *P,
                           const blst_p2_affine *Q, size_t n) {
	const blst_p1_affine *ps[2] = { P, NULL };
	const blst_p2_affine *qs[2] = { Q, NULL };
	blst_miller_loop_n(f, qs, ps, n);
}

// hc_final_is_one multiplies the m Miller-loop values f[i], applies the final
// exponentiation and reports whether the result is one.
static int hc_final_is_one(const blst_fp12 *f, size_t m) {
	blst_fp12 acc = f[0];
	for (size_t i = 1; i < m; i++) blst_fp12_mul(&acc, &acc, &f[i]);
	blst_final_exp(&acc, &acc);
	return blst_fp12_is_one(&acc);
}

// hc_pairing_check is hc_miller_loop then hc_final_is_one in one call.
static int hc_pairing_check(const blst_p1_affine *P, const blst_p2_affine *Q, size_t n) {
	blst_fp12 f;
	hc_miller_loop(&f, P, Q, n);
	return hc_final_is_one(&f, 1);
}

// hc_p1s_first_not_in_g1 returns the index of the first of the n points
// outside G1, or n.
static size_t hc_p1s_first_not_in_g1(const blst_p1_affine *P, size_t n) {
	for (size_t i = 0; i < n; i++) if (!blst_p1_affine_in_g1(&P[i])) return i;
	return n;
}

static size_t hc_p2s_first_not_in_g2(const blst_p2_affine *Q, size_t n) {
	for (size_t i = 0; i < n; i++) if (!blst_p2_affine_in_g2(&Q[i])) return i;
	return n;
}

static void hc_map_g1(blst_p1_affine *out, const blst_fp *u) {
	blst_p1 t;
	blst_map_to_g1(&t, u, NULL);
	blst_p1_to_affine(out, &t);
}

static void hc_map_g2(blst_p2_affine *out, const blst_fp2 *u) {
	blst_p2 t;
	blst_map_to_g2(&t, u, NULL);
	blst_p2_to_affine(out, &t);
}

static void hc_p1_add(blst_p1_affine *out, const blst_p1_affine *a, const blst_p1_affine *b) {
	blst_p1 t;
	blst_p1_from_affine(&t, a);
	blst_p1_add_or_double_affine(&t, &t, b);
	blst_p1_to_affine(out, &t);
}

static void hc_p2_add(blst_p2_affine *out, const blst_p2_affine *a, const blst_p2_affine *b) {
	blst_p2 t;
	blst_p2_from_affine(&t, a);
	blst_p2_add_or_double_affine(&t, &t, b);
	blst_p2_to_affine(out, &t);
}

// hc_p1s_msm sets out = sum s[i]·P[i] over n >= 1 points, the scalars being
// 32-byte little-endian integers of nbits bits; scratch holds
// blst_p1s_mult_pippenger_scratch_sizeof(n) bytes.
static void hc_p1s_msm(blst_p1 *out, const blst_p1_affine *P, const byte *s,
                       size_t n, size_t nbits, limb_t *scratch) {
	const blst_p1_affine *ps[2] = { P, NULL };
	const byte *ss[2] = { s, NULL };
	blst_p1s_mult_pippenger(out, ps, n, ss, nbits, scratch);
}

static void hc_p2s_msm(blst_p2 *out, const blst_p2_affine *Q, const byte *s,
                       size_t n, size_t nbits, limb_t *scratch) {
	const blst_p2_affine *qs[2] = { Q, NULL };
	const byte *ss[2] = { s, NULL };
	blst_p2s_mult_pippenger(out, qs, n, ss, nbits, scratch);
}

// hc_p1s_sum_affine sets out to the affine sum of m Jacobian points.
static void hc_p1s_sum_affine(blst_p1_affine *out, const blst_p1 *parts, size_t m) {
	blst_p1 acc = parts[0];
	for (size_t i = 1; i < m; i++) blst_p1_add_or_double(&acc, &acc, &parts[i]);
	blst_p1_to_affine(out, &acc);
}

static void hc_p2s_sum_affine(blst_p2_affine *out, const blst_p2 *parts, size_t m) {
	blst_p2 acc = parts[0];
	for (size_t i = 1; i < m; i++) blst_p2_add_or_double(&acc, &acc, &parts[i]);
	blst_p2_to_affine(out, &acc);
}

// hc_fp_mul_chain and hc_fr_mul_chain set z = z·y (Montgomery products)
// n times over: the dependent chain the field benchmarks time, in one call.
static void hc_fp_mul_chain(blst_fp *z, const blst_fp *y, size_t n) {
	for (size_t i = 0; i < n; i++) blst_fp_mul(z, z, y);
}

static void hc_fr_mul_chain(blst_fr *z, const blst_fr *y, size_t n) {
	for (size_t i = 0; i < n; i++) blst_fr_mul(z, z, y);
}

static int hc_layout_ok(const void *g1, const void *g2) {
	const byte *a = (const byte *)blst_p1_affine_generator(), *b = g1;
	for (size_t i = 0; i < sizeof(blst_p1_affine); i++) if (a[i] != b[i]) return 0;
	a = (const byte *)blst_p2_affine_generator(); b = g2;
	for (size_t i = 0; i < sizeof(blst_p2_affine); i++) if (a[i] != b[i]) return 0;
	return 1;
}
*/
import "C"

import (
	"unsafe"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	// The blst bindings compile and link the blst C library this file calls.
	_ "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// Compile-time checks that the Go and C layouts have the same size.
var (
	_ [unsafe.Sizeof(bls12381.G1{}) - unsafe.Sizeof(C.blst_p1_affine{})]byte
	_ [unsafe.Sizeof(C.blst_p1_affine{}) - unsafe.Sizeof(bls12381.G1{})]byte
	_ [unsafe.Sizeof(bls12381.G2{}) - unsafe.Sizeof(C.blst_p2_affine{})]byte
	_ [unsafe.Sizeof(C.blst_p2_affine{}) - unsafe.Sizeof(bls12381.G2{})]byte
)

var Available, Note = check()

func check() (bool, string) {
	_, _, g1, g2 := bls.Generators()
	if C.hc_layout_ok(unsafe.Pointer(&g1), unsafe.Pointer(&g2)) == 0 {
		return false, "blst v0.3.17: point layout differs from gnark-crypto's on this platform"
	}
	return true, "supranational/blst v0.3.17 (cgo)"
}

func cp1(p *bls12381.G1) *C.blst_p1_affine { return (*C.blst_p1_affine)(unsafe.Pointer(p)) }
func cp2(p *bls12381.G2) *C.blst_p2_affine { return (*C.blst_p2_affine)(unsafe.Pointer(p)) }

// MillerLoop sets *f (an opaque Fp12 of 72 limbs) to the product of the
// Miller loops of the pairs; P, Q non-empty, no infinity.
func MillerLoop(f *Fp12, P []bls12381.G1, Q []bls12381.G2) {
	C.hc_miller_loop((*C.blst_fp12)(unsafe.Pointer(f)), cp1(&P[0]), cp2(&Q[0]), C.size_t(len(P)))
}

// FinalIsOne reports whether FinalExp(f[0]·…·f[m-1]) = 1.
func FinalIsOne(f []Fp12) bool {
	return C.hc_final_is_one((*C.blst_fp12)(unsafe.Pointer(&f[0])), C.size_t(len(f))) != 0
}

func PairingCheck(P []bls12381.G1, Q []bls12381.G2) bool {
	return C.hc_pairing_check(cp1(&P[0]), cp2(&Q[0]), C.size_t(len(P))) != 0
}

func FirstNotInG1(P []bls12381.G1) int {
	if len(P) == 0 {
		return 0
	}
	return int(C.hc_p1s_first_not_in_g1(cp1(&P[0]), C.size_t(len(P))))
}

func FirstNotInG2(Q []bls12381.G2) int {
	if len(Q) == 0 {
		return 0
	}
	return int(C.hc_p2s_first_not_in_g2(cp2(&Q[0]), C.size_t(len(Q))))
}

func MapG1(u *bls12381.Fp) (r bls12381.G1) {
	C.hc_map_g1(cp1(&r), (*C.blst_fp)(unsafe.Pointer(u)))
	return r
}

func MapG2(u *bls12381.Fp2) (r bls12381.G2) {
	C.hc_map_g2(cp2(&r), (*C.blst_fp2)(unsafe.Pointer(u)))
	return r
}

func G1Add(a, b *bls12381.G1) (r bls12381.G1) {
	C.hc_p1_add(cp1(&r), cp1(a), cp1(b))
	return r
}

func G2Add(a, b *bls12381.G2) (r bls12381.G2) {
	C.hc_p2_add(cp2(&r), cp2(a), cp2(b))
	return r
}

// G1MSMPart sets *out = Σ s[i]·P[i] (Jacobian), s holding 32-byte
// little-endian scalars of nbits bits.
func G1MSMPart(out *JacG1, P []bls12381.G1, s []byte, nbits int) {
	n := C.size_t(len(P))
	scratch := make([]uint64, (C.blst_p1s_mult_pippenger_scratch_sizeof(n)+7)/8+1)
	C.hc_p1s_msm((*C.blst_p1)(unsafe.Pointer(out)), cp1(&P[0]), (*C.byte)(unsafe.Pointer(&s[0])),
		n, C.size_t(nbits), (*C.limb_t)(unsafe.Pointer(&scratch[0])))
}

func G2MSMPart(out *JacG2, Q []bls12381.G2, s []byte, nbits int) {
	n := C.size_t(len(Q))
	scratch := make([]uint64, (C.blst_p2s_mult_pippenger_scratch_sizeof(n)+7)/8+1)
	C.hc_p2s_msm((*C.blst_p2)(unsafe.Pointer(out)), cp2(&Q[0]), (*C.byte)(unsafe.Pointer(&s[0])),
		n, C.size_t(nbits), (*C.limb_t)(unsafe.Pointer(&scratch[0])))
}

func G1Sum(parts []JacG1) (r bls12381.G1) {
	C.hc_p1s_sum_affine(cp1(&r), (*C.blst_p1)(unsafe.Pointer(&parts[0])), C.size_t(len(parts)))
	return r
}

func G2Sum(parts []JacG2) (r bls12381.G2) {
	C.hc_p2s_sum_affine(cp2(&r), (*C.blst_p2)(unsafe.Pointer(&parts[0])), C.size_t(len(parts)))
	return r
}

// FpMulChain sets z = z·y·2^-384 mod p n times over (BLS12-381 Fp, elements
// as six little-endian limbs in Montgomery form, the layout of gnark-crypto
// and field/bls12381fp) with blst's multiplication, in one cgo call. It
// exists for the field benchmarks, which compare the project's kernels with
// blst's on the same dependent chain.
func FpMulChain(z, y *[6]uint64, n int) {
	C.hc_fp_mul_chain((*C.blst_fp)(unsafe.Pointer(z)), (*C.blst_fp)(unsafe.Pointer(y)), C.size_t(n))
}

// FrMulChain is FpMulChain for the scalar field (four limbs, R = 2^256).
func FrMulChain(z, y *[4]uint64, n int) {
	C.hc_fr_mul_chain((*C.blst_fr)(unsafe.Pointer(z)), (*C.blst_fr)(unsafe.Pointer(y)), C.size_t(n))
}
