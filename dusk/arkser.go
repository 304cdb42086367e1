package dusk

import (
	"encoding/binary"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"

	"github.com/hostcrypto/hostcrypto/core"
)

// This file decodes BN254 values in arkworks 0.4's canonical serialization
// (ark-serialize 0.4.2, ark-ff 0.4.2, ark-ec 0.4.2 short Weierstrass
// models), with Validate::Yes, as rusk's verify_groth16_bn254 receives them:
//
//   - Fq: 32 bytes little-endian, the integer must be < p (InvalidData
//     otherwise). Without flags the top bits are part of the integer.
//   - Fq with SWFlags: the top two bits of the last byte are flags:
//     0x80 "y negative", 0x40 "infinity", both set is UnexpectedFlags;
//     they are masked off before the < p check.
//   - Fq2 = c0 || c1; when flagged, the flags live in c1's last byte.
//   - Affine point, uncompressed: x (no flags) || y (flagged). The
//     infinity flag makes the point the identity whatever x and y are
//     (both still have to be canonical); the sign flag is ignored.
//     Otherwise the point must be on the curve and, for G2, in the
//     order-r subgroup.
//   - Affine point, compressed: x (flagged). Infinity: identity. Else y is
//     the square root of x^3 + b that is the smaller (flag clear) or the
//     larger (flag 0x80) of {y, -y}, comparing Fq as integers and Fq2 by c1
//     first, then c0; no square root is InvalidData.
//
// Readers consume a prefix of their input: trailing bytes are ignored, as
// arkworks' deserializers ignore them when reading from a &[u8].

// arkReader reads arkworks values from the front of a byte slice.
type arkReader struct{ b []byte }

var errEOF = core.Errorf(core.CodeMalformed, "dusk: arkworks: unexpected end of input")

func (r *arkReader) take(n int) ([]byte, error) {
	if len(r.b) < n {
		return nil, errEOF
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out, nil
}

// u64 reads a little-endian u64 (Vec lengths).
func (r *arkReader) u64() (uint64, error) {
	b, err := r.take(8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// boolean reads arkworks' bool: one byte, 0 or 1.
func (r *arkReader) boolean() (bool, error) {
	b, err := r.take(1)
	if err != nil {
		return false, err
	}
	switch b[0] {
	case 0:
		return false, nil
	case 1:
		return true, nil
	}
	return false, core.Errorf(core.CodeMalformed, "dusk: arkworks: bool byte %d", b[0])
}

// swFlags are arkworks' short Weierstrass point flags.
type swFlags uint8

const (
	flagPositive swFlags = 0
	flagInfinity swFlags = 0x40
	flagNegative swFlags = 0x80
)

// fqBytes converts 32 little-endian bytes to a field element, rejecting
// values >= p.
func fqBytes(b []byte) (fp.Element, error) {
	var buf [fp.Bytes]byte
	copy(buf[:], b)
	e, err := fp.LittleEndian.Element(&buf)
	if err != nil {
		return e, core.Errorf(core.CodeNonCanonical, "dusk: arkworks: Fq element >= p")
	}
	return e, nil
}

// fq reads an Fq without flags.
func (r *arkReader) fq() (fp.Element, error) {
	b, err := r.take(32)
	if err != nil {
		return fp.Element{}, err
	}
	return fqBytes(b)
}

// fqFlags reads an Fq carrying SWFlags in the top two bits of its last byte.
func (r *arkReader) fqFlags() (fp.Element, swFlags, error) {
	b, err := r.take(32)
	if err != nil {
		return fp.Element{}, 0, err
	}
	f := swFlags(b[31] & 0xc0)
	if f == flagInfinity|flagNegative {
		return fp.Element{}, 0, core.Errorf(core.CodeMalformed, "dusk: arkworks: both point flags set")
	}
	var buf [32]byte
	copy(buf[:], b)
	buf[31] &= 0x3f
	e, err := fqBytes(buf[:])
	return e, f, err
}

// fq2 reads c0 || c1 without flags.
func (r *arkReader) fq2() (bn254.E2, error) {
	var z bn254.E2
	var err error
	if z.A0, err = r.fq(); err != nil {
		return z, err
	}
	z.A1, err = r.fq()
	return z, err
}

// fq2Flags reads c0 || c1 with the flags in c1.
func (r *arkReader) fq2Flags() (bn254.E2, swFlags, error) {
	var z bn254.E2
	var err error
	var f swFlags
	if z.A0, err = r.fq(); err != nil {
		return z, 0, err
	}
	z.A1, f, err = r.fqFlags()
	return z, f, err
}

// g1Uncompressed reads an uncompressed, validated G1 point (64 bytes).
func (r *arkReader) g1Uncompressed() (bn254.G1Affine, error) {
	var p bn254.G1Affine
	x, err := r.fq()
	if err != nil {
		return p, err
	}
	y, f, err := r.fqFlags()
	if err != nil {
		return p, err
	}
	if f == flagInfinity {
		return p, nil // (0, 0) is gnark's identity
	}
	p.X, p.Y = x, y
	if !p.IsOnCurve() || p.IsInfinity() {
		return p, core.Errorf(core.CodeInvalidPoint, "dusk: arkworks: G1 point not on curve")
	}
	return p, nil
}

// g2Uncompressed reads an uncompressed, validated G2 point (128 bytes).
func (r *arkReader) g2Uncompressed() (bn254.G2Affine, error) {
	var p bn254.G2Affine
	x, err := r.fq2()
	if err != nil {
		return p, err
	}
	y, f, err := r.fq2Flags()
	if err != nil {
		return p, err
	}
	if f == flagInfinity {
		return p, nil
	}
	p.X, p.Y = x, y
	return p, checkG2(&p)
}

func checkG2(p *bn254.G2Affine) error {
	if !p.IsOnCurve() || p.IsInfinity() {
		return core.Errorf(core.CodeInvalidPoint, "dusk: arkworks: G2 point not on curve")
	}
	if !p.IsInSubGroup() {
		return core.Errorf(core.CodeNotInSubgroup, "dusk: arkworks: G2 point not in the r-torsion subgroup")
	}
	return nil
}

// g1Compressed reads a compressed, validated G1 point (32 bytes).
func (r *arkReader) g1Compressed() (bn254.G1Affine, error) {
	var p bn254.G1Affine
	x, f, err := r.fqFlags()
	if err != nil {
		return p, err
	}
	if f == flagInfinity {
		return p, nil
	}
	// y^2 = x^3 + 3
	var rhs, three, y, ny fp.Element
	three.SetUint64(3)
	rhs.Square(&x).Mul(&rhs, &x).Add(&rhs, &three)
	if y.Sqrt(&rhs) == nil {
		return p, core.Errorf(core.CodeInvalidPoint, "dusk: arkworks: G1 x has no curve point")
	}
	ny.Neg(&y)
	if y.Cmp(&ny) > 0 { // y := min(y, -y)
		y, ny = ny, y
	}
	p.X = x
	if f == flagNegative {
		p.Y = ny
	} else {
		p.Y = y
	}
	return p, nil
}

// g2Compressed reads a compressed, validated G2 point (64 bytes).
func (r *arkReader) g2Compressed() (bn254.G2Affine, error) {
	var p bn254.G2Affine
	x, f, err := r.fq2Flags()
	if err != nil {
		return p, err
	}
	if f == flagInfinity {
		return p, nil
	}
	// y^2 = x^3 + b', b' = 3/(9+u)
	var rhs, y, ny, chk bn254.E2
	rhs.Square(&x).Mul(&rhs, &x).Add(&rhs, &twistB)
	if rhs.Legendre() < 0 {
		return p, core.Errorf(core.CodeInvalidPoint, "dusk: arkworks: G2 x has no curve point")
	}
	y.Sqrt(&rhs)
	if !chk.Square(&y).Equal(&rhs) {
		return p, core.Errorf(core.CodeInvalidPoint, "dusk: arkworks: G2 x has no curve point")
	}
	ny.Neg(&y)
	if cmpFq2(&y, &ny) > 0 {
		y, ny = ny, y
	}
	p.X = x
	if f == flagNegative {
		p.Y = ny
	} else {
		p.Y = y
	}
	return p, checkG2(&p)
}

// cmpFq2 orders Fq2 elements as arkworks does: by c1, then by c0, each as
// an integer in [0, p).
func cmpFq2(a, b *bn254.E2) int {
	if c := a.A1.Cmp(&b.A1); c != 0 {
		return c
	}
	return a.A0.Cmp(&b.A0)
}

// twistB is the G2 curve constant b' = 3/(9+u).
var twistB = func() bn254.E2 {
	var b, xi bn254.E2
	b.A0.SetUint64(3)
	xi.A0.SetUint64(9)
	xi.A1.SetUint64(1)
	xi.Inverse(&xi)
	return *b.Mul(&b, &xi)
}()
