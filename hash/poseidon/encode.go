package poseidon

import "errors"

// Canonical encodings: each decoder fails on a value >= the modulus.

func littleEndianBLS(b *[32]byte) (e blsElem, err error) {
	err = e.SetBytesCanonicalLE(b[:])
	return e, err
}

func putLittleEndianBLS(b *[32]byte, e blsElem) { *b = e.BytesLE() }

func bigEndianBN(b *[32]byte) (e bnElem, err error) {
	err = e.SetBytesCanonicalBE(b[:])
	return e, err
}

func putBigEndianBN(b *[32]byte, e bnElem) { *b = e.BytesBE() }

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
