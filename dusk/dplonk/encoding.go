package dplonk

import (
	"bytes"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// Encodings of dusk-bls12_381 0.14 (the zkcrypto serialization, see its
// notes::serialization): scalars are 32 bytes little-endian and must be
// canonical; G1 and G2 points are Zcash-compressed, big-endian, with the
// flags in the top three bits of byte 0: 0x80 compressed (required), 0x40
// infinity (only as 0xC0 followed by zeros), 0x20 "y is the larger root".

const (
	scalarSize = 32
	g1Size     = 48
	g2Size     = 96
)

// decodeScalar parses a canonical little-endian scalar (BlsScalar::from_bytes).
func decodeScalar(b []byte) (fr.Element, error) {
	e, err := fr.LittleEndian.Element((*[scalarSize]byte)(b[:scalarSize]))
	if err != nil {
		return fr.Element{}, core.Errorf(core.CodeNonCanonical, "dplonk: scalar not below the modulus")
	}
	return e, nil
}

// putScalar writes e as 32 little-endian bytes (BlsScalar::to_bytes).
func putScalar(b *[scalarSize]byte, e *fr.Element) {
	fr.LittleEndian.PutElement(b, *e)
}

// scalarFromWide returns the 512-bit little-endian integer b reduced mod r
// (BlsScalar::from_bytes_wide).
func scalarFromWide(b *[64]byte) fr.Element {
	var be [64]byte
	for i := range b {
		be[63-i] = b[i]
	}
	var e fr.Element
	e.SetBytes(be[:])
	return e
}

// decodeFlags checks the flag bits shared by G1 and G2 encodings. It
// reports whether buf encodes the identity (0xC0 then zeros), and returns a
// core error for an uncompressed or non-canonical infinity encoding.
func decodeFlags(buf []byte) (infinity bool, err error) {
	if buf[0]&0x80 == 0 {
		return false, core.Errorf(core.CodeMalformed, "dplonk: point not in compressed form")
	}
	if buf[0]&0x40 != 0 {
		if buf[0] != 0xC0 || !wire.AllZero(buf[1:]) {
			return false, core.Errorf(core.CodeNonCanonical, "dplonk: non-canonical point at infinity")
		}
		return true, nil
	}
	return false, nil
}

// decodeG1 parses a compressed G1 point (G1Affine::from_bytes of
// dusk-bls12_381): canonical x, y = ±sqrt(x³+4) chosen by the sort flag,
// and the point in the prime-order subgroup. The identity is allowed.
func decodeG1(buf []byte) (bls12381.G1Affine, error) {
	var p bls12381.G1Affine
	inf, err := decodeFlags(buf[:g1Size])
	if err != nil || inf {
		return p, err
	}
	var xb [fp.Bytes]byte
	copy(xb[:], buf[:g1Size])
	xb[0] &= 0x1f
	if err := p.X.SetBytesCanonical(xb[:]); err != nil {
		return p, core.Errorf(core.CodeNonCanonical, "dplonk: G1 x not below the modulus")
	}
	var y2, four fp.Element
	four.SetUint64(4)
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
	if p.Y.Sqrt(&y2) == nil {
		return p, core.Errorf(core.CodeInvalidPoint, "dplonk: G1 point not on the curve")
	}
	if p.Y.LexicographicallyLargest() != (buf[0]&0x20 != 0) {
		p.Y.Neg(&p.Y)
	}
	if !p.IsInSubGroup() {
		return p, core.Errorf(core.CodeNotInSubgroup, "dplonk: G1 point not in the subgroup")
	}
	return p, nil
}

// decodeG2 parses a compressed G2 point (x.c1 || x.c0) with the same rules
// as decodeG1 on the twist y² = x³ + 4(1+u).
func decodeG2(buf []byte) (bls12381.G2Affine, error) {
	var q bls12381.G2Affine
	inf, err := decodeFlags(buf[:g2Size])
	if err != nil || inf {
		return q, err
	}
	var c1, c0 fp.Element
	var xb [fp.Bytes]byte
	copy(xb[:], buf[:fp.Bytes])
	xb[0] &= 0x1f
	if c1.SetBytesCanonical(xb[:]) != nil || c0.SetBytesCanonical(buf[fp.Bytes:g2Size]) != nil {
		return q, core.Errorf(core.CodeNonCanonical, "dplonk: G2 x not below the modulus")
	}
	// Flags and canonical coordinates are checked; gnark-crypto recovers y
	// with the same sort rule (Fp2 lexicographic order: c1 first, then c0).
	dec := bls12381.NewDecoder(bytes.NewReader(buf[:g2Size]), bls12381.NoSubgroupChecks())
	if err := dec.Decode(&q); err != nil {
		return q, core.Errorf(core.CodeInvalidPoint, "dplonk: G2 point not on the curve")
	}
	if !q.IsInSubGroup() {
		return q, core.Errorf(core.CodeNotInSubgroup, "dplonk: G2 point not in the subgroup")
	}
	return q, nil
}

// frPow returns x^k by square-and-multiply (variable time in k).
func frPow(x *fr.Element, k uint64) fr.Element {
	var r fr.Element
	r.SetOne()
	b := *x
	for ; k != 0; k >>= 1 {
		if k&1 == 1 {
			r.Mul(&r, &b)
		}
		b.Square(&b)
	}
	return r
}
