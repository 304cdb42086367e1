package poseidon

import (
	"errors"

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

// ErrNonCanonical reports an input element >= the field modulus.
var ErrNonCanonical = errors.New("poseidon: field element not canonical")

// ErrLength reports an input whose length is not a positive multiple of 32.
var ErrLength = errors.New("poseidon: input length is not a positive multiple of 32")

// AppendHashBN254 decodes in as n = len(in)/32 big-endian BN254 scalars,
// each < r, and appends the 32-byte big-endian circomlib Poseidon(in_1..in_n).
// It returns ErrLength if len(in) is not a positive multiple of 32,
// ErrInputCount if n > 16 and ErrNonCanonical if an element is >= r.
func AppendHashBN254(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%32 != 0 {
		return dst, ErrLength
	}
	n := len(in) / 32
	if n > MaxInputsBN254 {
		return dst, ErrInputCount
	}
	var s [circomMaxWidth]bnElem
	for i := 0; i < n; i++ {
		e, err := bigEndianBN((*[32]byte)(in[32*i:]))
		if err != nil {
			return dst, ErrNonCanonical
		}
		s[i+1] = e
	}
	h := circom(n + 1).permute(&s)
	var b [32]byte
	putBigEndianBN(&b, h)
	return append(dst, b[:]...), nil
}
