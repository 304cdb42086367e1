package poseidon

import (
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Canonical encodings: each decoder fails on a value >= the modulus.

func littleEndianBLS(b *[32]byte) (blsElem, error) { return blsfr.LittleEndian.Element(b) }

func putLittleEndianBLS(b *[32]byte, e blsElem) { blsfr.LittleEndian.PutElement(b, e) }

func bigEndianBN(b *[32]byte) (bnElem, error) { return bnfr.BigEndian.Element(b) }

func putBigEndianBN(b *[32]byte, e bnElem) { bnfr.BigEndian.PutElement(b, e) }

// AppendScalarLE appends the 32-byte little-endian encoding of e.
func AppendScalarLE(dst []byte, e blsElem) []byte {
	var b [32]byte
	putLittleEndianBLS(&b, e)
	return append(dst, b[:]...)
}
