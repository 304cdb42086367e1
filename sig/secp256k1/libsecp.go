package secp256k1

import (
	"bytes"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
)

// The libsecp256k1 implementation (internal/libsecp: the C library compiled
// from the sources of the github.com/erigontech/secp256k1 module, whenever
// cgo is on without purego). Keys, scalars and lengths are checked by the
// portable code before the call, so the status codes are the same as the
// other implementations'.

// verifyLibsecp verifies with libsecp256k1; x, y are a validated key and r,
// s in [1, n-1]. libsecp256k1 accepts only s <= n/2, and (r, s) verifies iff
// (r, n - s) does (w = s^-1 turns into -w, the point X into -X, x(X) is the
// same), so high s is replaced by n - s: the low-s rule stays the caller's.
func verifyLibsecp(x, y *dsecp.FieldVal, r, s *dsecp.ModNScalar, hash []byte) bool {
	var pk [65]byte
	pk[0] = 4
	x.PutBytesUnchecked(pk[1:33])
	y.PutBytesUnchecked(pk[33:65])
	var rs [64]byte
	r.PutBytesUnchecked(rs[:32])
	if s.IsOverHalfOrder() {
		var ns dsecp.ModNScalar
		ns.NegateVal(s).PutBytesUnchecked(rs[32:])
	} else {
		s.PutBytesUnchecked(rs[32:])
	}
	return libsecp.Verify(pk[:], rs[:], hash)
}

// recoverLibsecp recovers with libsecp256k1 for recovery id rid in 0..3;
// r, s in [1, n-1].
func recoverLibsecp(dst, hash, rs []byte, rid byte) ([]byte, error) {
	var out [65]byte
	if !libsecp.Recover(&out, hash, rs, rid) {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: no public key recovers")
	}
	return append(dst, out[:]...), nil
}

// schnorrLibsecp is BIP-340 verification (runSchnorr) through libsecp256k1's
// ECDSA public-key recovery, which the library exposes where BIP-340 is not
// compiled in. Recovery of (h', r', s') with recovery id v returns
//
//	Q = r'^-1 (s' R' - h' G)
//
// where R' is the point with x(R') = r' (+ n when v&2) and y of parity v&1.
// BIP-340 needs R = s G - e P for P = lift_x(px), the point with x = px and
// even y. Take R' = P: v&1 = 0; r' = px mod n, with v&2 set when px >= n
// (then x(R') = r' + n = px, and px < p was checked, so libsecp256k1's
// r' + n < p test passes). With h' = -s px mod n and s' = -e px mod n:
//
//	Q = r'^-1 (-e px P + s px G) = -e P + s G = R   (r' = px mod n).
//
// Edge cases, in BIP-340's order:
//   - px >= p: CodeNonCanonical before anything (as lift_x).
//   - r >= p, s >= n: CodeNonCanonical, after the key is checked (liftX,
//     so an off-curve key still answers CodeInvalidPoint first).
//   - px not an x-coordinate: no R' exists and recovery fails; every failed
//     recovery re-runs liftX, which then answers CodeInvalidPoint.
//   - R at infinity: recovery fails (libsecp256k1 refuses Q = infinity) and
//     liftX succeeds, so the answer is 0x00, as BIP-340 requires.
//   - r' = 0 would make recovery refuse the signature: px mod n = 0 means
//     px = 0, no key (7 is not a square mod p), or px = n, which IS a key
//     (n^3 + 7 is a square mod p; TestSchnorrRecoveryEdges checks both).
//     Both go to the portable path, which answers exactly.
//   - s' = 0 (e = 0 mod n, as px mod n != 0) would also be refused: then
//     R = s G, and the portable path answers exactly. h' = 0 (s = 0) is
//     fine: recovery takes any message.
//
// The result is R's uncompressed encoding: valid iff y is even and x = r
// (both canonical 32-byte big-endian, r < p checked).
func schnorrLibsecp(dst, in []byte) ([]byte, error) {
	pkb, rb, sb, msg := in[:32], in[32:64], in[64:96], in[96:]
	var px dsecp.FieldVal
	if px.SetByteSlice(pkb) {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: x >= p")
	}
	var r dsecp.FieldVal
	var s dsecp.ModNScalar
	if rOver, sOver := r.SetByteSlice(rb), s.SetByteSlice(sb); rOver || sOver {
		if _, err := liftX(pkb); err != nil {
			return dst, err
		}
		if rOver {
			return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: r >= p")
		}
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: s >= n")
	}
	d := challenge(rb, pkb, msg)
	var e dsecp.ModNScalar
	e.SetBytes(&d) // reduces mod n
	q, ok, usable := bip340RLibsecp(pkb, &s, &e)
	if !usable {
		return schnorrGnark(dst, in)
	}
	if !ok {
		if _, err := liftX(pkb); err != nil {
			return dst, err
		}
		return core.Verdict(dst, false), nil
	}
	return core.Verdict(dst, q[64]&1 == 0 && bytes.Equal(q[1:33], rb)), nil
}

// bip340RLibsecp computes R = s G - e P for P = lift_x(pkb), pkb < p, by
// recovery as schnorrLibsecp explains (libsecp.Combine with k = px mod n,
// a = s, b = e: the scalar products are the library's): q is R uncompressed
// when ok; ok is false when pkb is not an x-coordinate or R is infinity;
// usable is false (and nothing was computed) when r' = px mod n or
// s' = -e px mod n is zero.
func bip340RLibsecp(pkb []byte, s, e *dsecp.ModNScalar) (q [65]byte, ok, usable bool) {
	var k [32]byte
	copy(k[:], pkb)
	var pxn dsecp.ModNScalar
	rid := byte(0) // even y
	if pxn.SetBytes(&k) != 0 {
		rid = 2 // px >= n: x(R') = r' + n
		pxn.PutBytes(&k)
	}
	if pxn.IsZero() || e.IsZero() {
		return q, false, false
	}
	a, b := s.Bytes(), e.Bytes()
	switch libsecp.Combine(&q, &k, &a, &b, rid) {
	case 1:
		return q, true, true
	case 0:
		return q, false, true
	}
	// -1: the library refused a scalar. k and e are nonzero and below n
	// and s is below n, so this cannot happen; if it did, the portable
	// path answers exactly rather than the call panicking.
	return q, false, false
}
