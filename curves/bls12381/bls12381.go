// Package bls12381 decodes and encodes BLS12-381 points and field elements
// in the public encodings, with precise core error codes.
//
// The curve is E: y² = x³ + 4 over Fp (p a 381-bit prime), G1 = E(Fp)[r];
// the twist E': y² = x³ + 4(1+u) over Fp2 = Fp[u]/(u²+1), G2 = E'(Fp2)[r],
// r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001.
//
// Encodings (all big-endian):
//
//	EIP-2537      Fp   64 bytes: 16 zero bytes || 48-byte value < p
//	              Fp2  128 bytes: c0 || c1
//	              G1   128 bytes: x || y;   G2 256 bytes: x || y (Fp2 each)
//	              infinity: all zero bytes
//	Zcash         G1   48 bytes compressed (x), 96 uncompressed (x || y)
//	              G2   96 bytes compressed (x.c1 || x.c0),
//	                   192 uncompressed (x.c1 || x.c0 || y.c1 || y.c0)
//	              the three top bits of the first byte are flags:
//	              0x80 compressed, 0x40 infinity, 0x20 y is the
//	              lexicographically largest root (compressed only)
//
// Decoders check lengths, flags, canonical coordinates (< p, zero padding)
// and curve membership; they never check the subgroup (see SubgroupCheckG1
// and SubgroupCheckG2). All functions are variable-time: they handle public
// data (points and encodings), never secrets.
package bls12381

import (
	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/core"
)

type (
	// G1 is an affine point of E(Fp); infinity is (0, 0).
	G1 = bls.G1Affine
	// G2 is an affine point of E'(Fp2); infinity is (0, 0).
	G2 = bls.G2Affine
	// Fp is an element of the base field (Montgomery form inside).
	Fp = fp.Element
	// Fp2 is an element c0 + c1·u of the quadratic extension.
	Fp2 = bls.E2
)

// Encoding sizes in bytes.
const (
	FpSize             = 48  // a field element
	FpSizeEIP2537      = 64  // EIP-2537 padded field element
	G1SizeEIP2537      = 128 // EIP-2537 G1 point
	G2SizeEIP2537      = 256 // EIP-2537 G2 point
	G1SizeCompressed   = 48  // Zcash compressed G1
	G1SizeUncompressed = 96  // Zcash uncompressed G1
	G2SizeCompressed   = 96  // Zcash compressed G2
	G2SizeUncompressed = 192 // Zcash uncompressed G2
)

// Zcash flag bits of the first byte.
const (
	flagCompressed = 0x80
	flagInfinity   = 0x40
	flagLargest    = 0x20
	flagMask       = flagCompressed | flagInfinity | flagLargest
)

// twistB is the coefficient b' = 4(1+u) of the twist.
var twistB Fp2

func init() {
	twistB.A0.SetUint64(4)
	twistB.A1.SetUint64(4)
}

// decodeFp48 reads a 48-byte big-endian element and fails with
// ErrNonCanonical if it is >= p.
func decodeFp48(b []byte) (Fp, error) {
	var z Fp
	if err := z.SetBytesCanonical(b[:FpSize]); err != nil {
		return z, core.Errorf(core.CodeNonCanonical, "bls12381: field element >= p")
	}
	return z, nil
}

// DecodeFpEIP2537 decodes a 64-byte EIP-2537 field element: 16 zero bytes
// then a big-endian value < p.
func DecodeFpEIP2537(b []byte) (Fp, error) {
	if len(b) != FpSizeEIP2537 {
		return Fp{}, core.Errorf(core.CodeMalformed, "bls12381: field element is %d bytes, want 64", len(b))
	}
	for _, c := range b[:16] {
		if c != 0 {
			return Fp{}, core.Errorf(core.CodeNonCanonical, "bls12381: non-zero top 16 bytes of a field element")
		}
	}
	return decodeFp48(b[16:])
}

// DecodeFp2EIP2537 decodes a 128-byte EIP-2537 Fp2 element c0 || c1.
func DecodeFp2EIP2537(b []byte) (Fp2, error) {
	var z Fp2
	if len(b) != 2*FpSizeEIP2537 {
		return z, core.Errorf(core.CodeMalformed, "bls12381: Fp2 element is %d bytes, want 128", len(b))
	}
	var err error
	if z.A0, err = DecodeFpEIP2537(b[:64]); err != nil {
		return z, err
	}
	z.A1, err = DecodeFpEIP2537(b[64:])
	return z, err
}

// DecodeG1EIP2537 decodes a 128-byte EIP-2537 G1 point x || y and checks
// that it is on the curve (all zero bytes is infinity). The order of checks
// follows go-ethereum: x padding and range, y padding and range, curve.
func DecodeG1EIP2537(b []byte) (G1, error) {
	var p G1
	if len(b) != G1SizeEIP2537 {
		return p, core.Errorf(core.CodeMalformed, "bls12381: G1 point is %d bytes, want 128", len(b))
	}
	var err error
	if p.X, err = DecodeFpEIP2537(b[:64]); err != nil {
		return p, err
	}
	if p.Y, err = DecodeFpEIP2537(b[64:]); err != nil {
		return p, err
	}
	if !p.IsOnCurve() { // (0, 0) counts as infinity
		return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G1 point not on the curve")
	}
	return p, nil
}

// DecodeG2EIP2537 decodes a 256-byte EIP-2537 G2 point x.c0 || x.c1 ||
// y.c0 || y.c1 and checks that it is on the twist (all zero bytes is
// infinity).
func DecodeG2EIP2537(b []byte) (G2, error) {
	var p G2
	if len(b) != G2SizeEIP2537 {
		return p, core.Errorf(core.CodeMalformed, "bls12381: G2 point is %d bytes, want 256", len(b))
	}
	var err error
	if p.X, err = DecodeFp2EIP2537(b[:128]); err != nil {
		return p, err
	}
	if p.Y, err = DecodeFp2EIP2537(b[128:]); err != nil {
		return p, err
	}
	if !p.IsOnCurve() {
		return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G2 point not on the curve")
	}
	return p, nil
}

// appendFpPadded appends the 64-byte EIP-2537 encoding of x.
func appendFpPadded(dst []byte, x *Fp) []byte {
	var pad [16]byte
	dst = append(dst, pad[:]...)
	b := x.Bytes()
	return append(dst, b[:]...)
}

// AppendFpEIP2537 appends the 64-byte EIP-2537 encoding of x to dst.
func AppendFpEIP2537(dst []byte, x *Fp) []byte { return appendFpPadded(dst, x) }

// AppendG1EIP2537 appends the 128-byte EIP-2537 encoding of p to dst
// (infinity, stored as (0, 0), encodes as zero bytes).
func AppendG1EIP2537(dst []byte, p *G1) []byte {
	dst = appendFpPadded(dst, &p.X)
	return appendFpPadded(dst, &p.Y)
}

// AppendG2EIP2537 appends the 256-byte EIP-2537 encoding of p to dst.
func AppendG2EIP2537(dst []byte, p *G2) []byte {
	dst = appendFpPadded(dst, &p.X.A0)
	dst = appendFpPadded(dst, &p.X.A1)
	dst = appendFpPadded(dst, &p.Y.A0)
	return appendFpPadded(dst, &p.Y.A1)
}

// checkInfinity validates the Zcash encoding of infinity: only the
// compression and infinity flags may be set, every other bit is zero.
func checkInfinity(b []byte) error {
	if b[0]&^(flagCompressed|flagInfinity) != 0 {
		return core.Errorf(core.CodeNonCanonical, "bls12381: infinity with non-zero bits")
	}
	for _, c := range b[1:] {
		if c != 0 {
			return core.Errorf(core.CodeNonCanonical, "bls12381: infinity with non-zero bits")
		}
	}
	return nil
}

// zcashFlags checks the flag bits of a Zcash encoding of n bytes, of which
// compressedSize is the compressed size, and reports whether it encodes
// infinity.
func zcashFlags(b []byte, compressedSize int, what string) (inf bool, err error) {
	compressed := len(b) == compressedSize
	if (b[0]&flagCompressed != 0) != compressed {
		if compressed {
			return false, core.Errorf(core.CodeMalformed, "bls12381: %s: compression flag not set", what)
		}
		return false, core.Errorf(core.CodeMalformed, "bls12381: %s: compression flag set on an uncompressed point", what)
	}
	if b[0]&flagInfinity != 0 {
		return true, checkInfinity(b)
	}
	if !compressed && b[0]&flagLargest != 0 {
		return false, core.Errorf(core.CodeMalformed, "bls12381: %s: sort flag set on an uncompressed point", what)
	}
	return false, nil
}

// DecodeG1Zcash decodes a Zcash-encoded G1 point, compressed (48 bytes) or
// uncompressed (96 bytes), and checks that it is on the curve. For a
// compressed point y is the square root of x³ + 4 selected by the sort
// flag: set means y > (p-1)/2.
func DecodeG1Zcash(b []byte) (G1, error) {
	var p G1
	if len(b) != G1SizeCompressed && len(b) != G1SizeUncompressed {
		return p, core.Errorf(core.CodeMalformed, "bls12381: Zcash G1 point is %d bytes, want 48 or 96", len(b))
	}
	inf, err := zcashFlags(b, G1SizeCompressed, "G1")
	if err != nil || inf {
		return p, err
	}
	var xb [FpSize]byte
	copy(xb[:], b[:FpSize])
	xb[0] &^= flagMask
	if p.X, err = decodeFp48(xb[:]); err != nil {
		return p, err
	}
	if len(b) == G1SizeUncompressed {
		if p.Y, err = decodeFp48(b[FpSize:]); err != nil {
			return p, err
		}
		if !p.IsOnCurve() {
			return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G1 point not on the curve")
		}
		return p, nil
	}
	var y2, four Fp
	four.SetUint64(4)
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
	if p.Y.Sqrt(&y2) == nil {
		return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G1 x has no point on the curve")
	}
	if p.Y.LexicographicallyLargest() != (b[0]&flagLargest != 0) {
		p.Y.Neg(&p.Y)
	}
	return p, nil
}

// DecodeG2Zcash decodes a Zcash-encoded G2 point, compressed (96 bytes) or
// uncompressed (192 bytes), and checks that it is on the twist. The sort
// flag compares y.c1 with (p-1)/2, or y.c0 when y.c1 = 0.
func DecodeG2Zcash(b []byte) (G2, error) {
	var p G2
	if len(b) != G2SizeCompressed && len(b) != G2SizeUncompressed {
		return p, core.Errorf(core.CodeMalformed, "bls12381: Zcash G2 point is %d bytes, want 96 or 192", len(b))
	}
	inf, err := zcashFlags(b, G2SizeCompressed, "G2")
	if err != nil || inf {
		return p, err
	}
	var xb [FpSize]byte
	copy(xb[:], b[:FpSize])
	xb[0] &^= flagMask
	if p.X.A1, err = decodeFp48(xb[:]); err != nil {
		return p, err
	}
	if p.X.A0, err = decodeFp48(b[FpSize:]); err != nil {
		return p, err
	}
	if len(b) == G2SizeUncompressed {
		if p.Y.A1, err = decodeFp48(b[2*FpSize:]); err != nil {
			return p, err
		}
		if p.Y.A0, err = decodeFp48(b[3*FpSize:]); err != nil {
			return p, err
		}
		if !p.IsOnCurve() {
			return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G2 point not on the twist")
		}
		return p, nil
	}
	var y2 Fp2
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &twistB)
	if y2.Legendre() == -1 {
		return p, core.Errorf(core.CodeInvalidPoint, "bls12381: G2 x has no point on the twist")
	}
	p.Y.Sqrt(&y2)
	if p.Y.LexicographicallyLargest() != (b[0]&flagLargest != 0) {
		p.Y.Neg(&p.Y)
	}
	return p, nil
}

// AppendG1Compressed appends the 48-byte Zcash compressed encoding of p.
func AppendG1Compressed(dst []byte, p *G1) []byte {
	if p.IsInfinity() {
		var b [G1SizeCompressed]byte
		b[0] = flagCompressed | flagInfinity
		return append(dst, b[:]...)
	}
	b := p.X.Bytes()
	b[0] |= flagCompressed
	if p.Y.LexicographicallyLargest() {
		b[0] |= flagLargest
	}
	return append(dst, b[:]...)
}

// AppendG1Uncompressed appends the 96-byte Zcash uncompressed encoding of p.
func AppendG1Uncompressed(dst []byte, p *G1) []byte {
	if p.IsInfinity() {
		var b [G1SizeUncompressed]byte
		b[0] = flagInfinity
		return append(dst, b[:]...)
	}
	x, y := p.X.Bytes(), p.Y.Bytes()
	dst = append(dst, x[:]...)
	return append(dst, y[:]...)
}

// AppendG2Compressed appends the 96-byte Zcash compressed encoding of p.
func AppendG2Compressed(dst []byte, p *G2) []byte {
	if p.IsInfinity() {
		var b [G2SizeCompressed]byte
		b[0] = flagCompressed | flagInfinity
		return append(dst, b[:]...)
	}
	x1, x0 := p.X.A1.Bytes(), p.X.A0.Bytes()
	x1[0] |= flagCompressed
	if p.Y.LexicographicallyLargest() {
		x1[0] |= flagLargest
	}
	dst = append(dst, x1[:]...)
	return append(dst, x0[:]...)
}

// AppendG2Uncompressed appends the 192-byte Zcash uncompressed encoding of p.
func AppendG2Uncompressed(dst []byte, p *G2) []byte {
	if p.IsInfinity() {
		var b [G2SizeUncompressed]byte
		b[0] = flagInfinity
		return append(dst, b[:]...)
	}
	for _, e := range [...]*Fp{&p.X.A1, &p.X.A0, &p.Y.A1, &p.Y.A0} {
		b := e.Bytes()
		dst = append(dst, b[:]...)
	}
	return dst
}

// SubgroupCheckG1 returns core.ErrNotInSubgroup unless r·p = 0 (p on the
// curve). It uses gnark-crypto's endomorphism test (Scott, ePrint 2021/1130).
func SubgroupCheckG1(p *G1) error {
	if !p.IsInSubGroup() {
		return core.Errorf(core.CodeNotInSubgroup, "bls12381: G1 point not in the r-torsion subgroup")
	}
	return nil
}

// SubgroupCheckG2 returns core.ErrNotInSubgroup unless r·p = 0 (p on the
// twist), using the ψ endomorphism test.
func SubgroupCheckG2(p *G2) error {
	if !p.IsInSubGroup() {
		return core.Errorf(core.CodeNotInSubgroup, "bls12381: G2 point not in the r-torsion subgroup")
	}
	return nil
}
