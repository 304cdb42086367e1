package dusk

import (
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// scalarFromWideLE reduces a 512-bit little-endian integer mod r, the
// BLS12-381 scalar field order, and returns it as 32 little-endian bytes
// (dusk-bls12_381's BlsScalar::from_bytes_wide).
func scalarFromWideLE(wide *[64]byte) [32]byte {
	var be [64]byte
	for i := range wide {
		be[63-i] = wide[i]
	}
	var s fr381.Element
	s.SetBytes(be[:])
	var out [32]byte
	fr381.LittleEndian.PutElement(&out, s)
	return out
}
