package bls12381

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// CheckCompressed checks the encoding of a compressed Zcash point of n
// field elements (n = 1: G1, 48 bytes; n = 2: G2, 96 bytes, x.c1 || x.c0)
// without curve arithmetic, as Ethereum's consensus specs, c-kzg-4844 and
// Dusk's crates read it before decompressing: the compression flag set;
// the point at infinity only as 0xc0 followed by zero bytes; otherwise
// every coordinate < p. It reports whether b encodes infinity. Errors:
//
//	wrong length, compression flag not set, other bits
//	set with the infinity flag                         core.ErrMalformed
//	coordinate >= p                                    core.ErrNonCanonical
//
// (This package's own decoders classify a non-canonical infinity as
// core.ErrNonCanonical, as EIP-2537-era callers expect.) The curve equation
// and the subgroup are left to the caller's decoder.
func CheckCompressed(b []byte, n int) (infinity bool, err error) {
	if len(b) != n*FpSize {
		return false, core.Errorf(core.CodeMalformed, "bls12381: compressed point is %d bytes, want %d", len(b), n*FpSize)
	}
	if b[0]&flagCompressed == 0 {
		return false, core.Errorf(core.CodeMalformed, "bls12381: compression flag not set")
	}
	if b[0]&flagInfinity != 0 {
		if b[0] != flagCompressed|flagInfinity || !wire.AllZero(b[1:]) {
			return false, core.Errorf(core.CodeMalformed, "bls12381: infinity flag with non-zero bits")
		}
		return true, nil
	}
	var x [FpSize]byte
	for i := range n {
		copy(x[:], b[i*FpSize:])
		if i == 0 {
			x[0] &^= flagMask
		}
		if _, err := decodeFp48(x[:]); err != nil {
			return false, core.Errorf(core.CodeNonCanonical, "bls12381: x coordinate >= p")
		}
	}
	return false, nil
}
