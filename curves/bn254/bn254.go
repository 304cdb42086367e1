// Package bn254 decodes and encodes BN254 (alt_bn128) points in the public
// encodings, with precise core error codes.
//
// The curve is E: y² = x³ + 3 over Fp (p a 254-bit prime), G1 = E(Fp) (of
// prime order r, cofactor 1); the twist E': y² = x³ + 3/(9+u) over
// Fp2 = Fp[u]/(u²+1), G2 = E'(Fp2)[r].
//
// Encodings (all big-endian, 32 bytes per Fp element):
//
//	EIP-196/197   G1  64 bytes: x || y
//	              G2 128 bytes: x.c1 || x.c0 || y.c1 || y.c0 (imaginary
//	              part first); infinity: all zero bytes.
//	              gnark-crypto's uncompressed encoding is the same.
//	gnark         G1 32 bytes compressed, G2 64 bytes (x.c1 || x.c0); the
//	compressed    two top bits of the first byte: 0b10 y is the smallest
//	              root, 0b11 the largest (y > (p-1)/2; in Fp2 compare c1,
//	              or c0 when c1 = 0), 0b01 infinity (all other bits zero).
//
// Decoders check lengths, flags, canonical coordinates (< p) and curve
// membership; G2 subgroup membership is checked separately
// (SubgroupCheckG2). Every point of E(Fp) is in G1. All functions are
// variable-time: they handle public data only.
package bn254

import (
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

type (
	// G1 is an affine point of E(Fp); infinity is (0, 0).
	G1 = bn.G1Affine
	// G2 is an affine point of E'(Fp2); infinity is (0, 0).
	G2 = bn.G2Affine
	// Fp is an element of the base field.
	Fp = fp.Element
	// Fp2 is an element c0 + c1·u of the quadratic extension.
	Fp2 = bn.E2
)

// Encoding sizes in bytes.
const (
	FpSize           = 32
	G1Size           = 64  // EIP-196 / gnark uncompressed
	G2Size           = 128 // EIP-197 / gnark uncompressed
	G1SizeCompressed = 32
	G2SizeCompressed = 64
)

const (
	flagMask     = 0b11 << 6
	flagSmallest = 0b10 << 6
	flagLargest  = 0b11 << 6
	flagInfinity = 0b01 << 6
)

// twistB is b' = 3/(9+u).
var twistB Fp2

func init() {
	var nine Fp2
	nine.A0.SetUint64(9)
	nine.A1.SetOne()
	twistB.Inverse(&nine)
	var three Fp
	three.SetUint64(3)
	twistB.MulByElement(&twistB, &three)
}

func decodeFp(b []byte) (Fp, error) {
	var z Fp
	if err := z.SetBytesCanonical(b[:FpSize]); err != nil {
		return z, core.Errorf(core.CodeNonCanonical, "bn254: field element >= p")
	}
	return z, nil
}

// DecodeG1 decodes a 64-byte EIP-196 G1 point x || y: all zero bytes is
// infinity; otherwise x and y must be < p and on the curve. The order of
// checks follows go-ethereum (x range, y range, curve).
func DecodeG1(b []byte) (G1, error) {
	var p G1
	if len(b) != G1Size {
		return p, core.Errorf(core.CodeMalformed, "bn254: G1 point is %d bytes, want 64", len(b))
	}
	if wire.AllZero(b) {
		return p, nil
	}
	var err error
	if p.X, err = decodeFp(b[:32]); err != nil {
		return p, err
	}
	if p.Y, err = decodeFp(b[32:]); err != nil {
		return p, err
	}
	if !p.IsOnCurve() {
		return p, core.Errorf(core.CodeInvalidPoint, "bn254: G1 point not on the curve")
	}
	return p, nil
}

// DecodeG2 decodes a 128-byte EIP-197 G2 point x.c1 || x.c0 || y.c1 ||
// y.c0: all zero bytes is infinity; otherwise every coordinate must be < p
// and the point on the twist. It does not check the subgroup.
func DecodeG2(b []byte) (G2, error) {
	var p G2
	if len(b) != G2Size {
		return p, core.Errorf(core.CodeMalformed, "bn254: G2 point is %d bytes, want 128", len(b))
	}
	if wire.AllZero(b) {
		return p, nil
	}
	var err error
	for i, e := range [...]*Fp{&p.X.A1, &p.X.A0, &p.Y.A1, &p.Y.A0} {
		if *e, err = decodeFp(b[32*i:]); err != nil {
			return p, err
		}
	}
	if !p.IsOnCurve() {
		return p, core.Errorf(core.CodeInvalidPoint, "bn254: G2 point not on the twist")
	}
	return p, nil
}

// AppendG1 appends the 64-byte EIP-196 encoding of p to dst.
func AppendG1(dst []byte, p *G1) []byte {
	x, y := p.X.Bytes(), p.Y.Bytes()
	dst = append(dst, x[:]...)
	return append(dst, y[:]...)
}

// AppendG2 appends the 128-byte EIP-197 encoding of p to dst.
func AppendG2(dst []byte, p *G2) []byte {
	for _, e := range [...]*Fp{&p.X.A1, &p.X.A0, &p.Y.A1, &p.Y.A0} {
		b := e.Bytes()
		dst = append(dst, b[:]...)
	}
	return dst
}

// compressedFlags reads the flag bits of a gnark compressed encoding and
// reports whether it encodes infinity.
func compressedFlags(b []byte, what string) (inf bool, err error) {
	switch b[0] & flagMask {
	case flagSmallest, flagLargest:
		return false, nil
	case flagInfinity:
		if b[0]&^flagMask != 0 || !wire.AllZero(b[1:]) {
			return true, core.Errorf(core.CodeNonCanonical, "bn254: %s: infinity with non-zero bits", what)
		}
		return true, nil
	}
	return false, core.Errorf(core.CodeMalformed, "bn254: %s: compression flag not set", what)
}

// DecodeG1Compressed decodes gnark-crypto's 32-byte compressed G1 point.
func DecodeG1Compressed(b []byte) (G1, error) {
	var p G1
	if len(b) != G1SizeCompressed {
		return p, core.Errorf(core.CodeMalformed, "bn254: compressed G1 point is %d bytes, want 32", len(b))
	}
	inf, err := compressedFlags(b, "G1")
	if err != nil || inf {
		return p, err
	}
	var xb [FpSize]byte
	copy(xb[:], b)
	xb[0] &^= flagMask
	if p.X, err = decodeFp(xb[:]); err != nil {
		return p, err
	}
	var y2, three Fp
	three.SetUint64(3)
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &three)
	if p.Y.Sqrt(&y2) == nil {
		return p, core.Errorf(core.CodeInvalidPoint, "bn254: G1 x has no point on the curve")
	}
	if p.Y.LexicographicallyLargest() != (b[0]&flagMask == flagLargest) {
		p.Y.Neg(&p.Y)
	}
	return p, nil
}

// DecodeG2Compressed decodes gnark-crypto's 64-byte compressed G2 point
// (x.c1 || x.c0). It does not check the subgroup.
func DecodeG2Compressed(b []byte) (G2, error) {
	var p G2
	if len(b) != G2SizeCompressed {
		return p, core.Errorf(core.CodeMalformed, "bn254: compressed G2 point is %d bytes, want 64", len(b))
	}
	inf, err := compressedFlags(b, "G2")
	if err != nil || inf {
		return p, err
	}
	var xb [FpSize]byte
	copy(xb[:], b)
	xb[0] &^= flagMask
	if p.X.A1, err = decodeFp(xb[:]); err != nil {
		return p, err
	}
	if p.X.A0, err = decodeFp(b[FpSize:]); err != nil {
		return p, err
	}
	var y2 Fp2
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &twistB)
	if y2.Legendre() == -1 {
		return p, core.Errorf(core.CodeInvalidPoint, "bn254: G2 x has no point on the twist")
	}
	p.Y.Sqrt(&y2)
	if p.Y.LexicographicallyLargest() != (b[0]&flagMask == flagLargest) {
		p.Y.Neg(&p.Y)
	}
	return p, nil
}

// AppendG1Compressed appends gnark-crypto's 32-byte compressed encoding.
func AppendG1Compressed(dst []byte, p *G1) []byte {
	if p.IsInfinity() {
		var b [G1SizeCompressed]byte
		b[0] = flagInfinity
		return append(dst, b[:]...)
	}
	b := p.X.Bytes()
	if p.Y.LexicographicallyLargest() {
		b[0] |= flagLargest
	} else {
		b[0] |= flagSmallest
	}
	return append(dst, b[:]...)
}

// AppendG2Compressed appends gnark-crypto's 64-byte compressed encoding.
func AppendG2Compressed(dst []byte, p *G2) []byte {
	if p.IsInfinity() {
		var b [G2SizeCompressed]byte
		b[0] = flagInfinity
		return append(dst, b[:]...)
	}
	x1, x0 := p.X.A1.Bytes(), p.X.A0.Bytes()
	if p.Y.LexicographicallyLargest() {
		x1[0] |= flagLargest
	} else {
		x1[0] |= flagSmallest
	}
	dst = append(dst, x1[:]...)
	return append(dst, x0[:]...)
}

// SubgroupCheckG2 returns core.ErrNotInSubgroup unless r·p = 0 (p on the
// twist). G1 needs no check: its cofactor is 1.
func SubgroupCheckG2(p *G2) error {
	if !p.IsInSubGroup() {
		return core.Errorf(core.CodeNotInSubgroup, "bn254: G2 point not in the r-torsion subgroup")
	}
	return nil
}
