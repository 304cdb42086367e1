package evm

import (
	"math/big"

	"github.com/hostcrypto/hostcrypto/core"
)

// modexpMaxLen is the EIP-7823 bound on each of the base, exponent and
// modulus lengths.
const modexpMaxLen = 1024

// modexpOutLen returns the output size of MODEXP for in: the modulus length,
// or 0 when the call fails on its lengths.
func modexpOutLen(in []byte) int {
	modLen, ok := lenField(in, 64)
	if !ok || modLen > modexpMaxLen {
		return 0
	}
	return int(modLen)
}

// slice returns the size bytes of data at off, zero-padded on the right
// where data ends (go-ethereum's getData). off and size are at most a few
// KiB here.
func slice(data []byte, off, size uint64) []byte {
	out := make([]byte, size)
	if off < uint64(len(data)) {
		copy(out, data[off:])
	}
	return out
}

// modexpRun is the MODEXP precompile (0x05, EIP-198 with EIP-7823 limits).
// The input is len(B)(32) || len(E)(32) || len(M)(32) || B || E || M, every
// field read as if the input were followed by infinitely many zero bytes.
// It appends B^E mod M as a big-endian integer of exactly len(M) bytes, with
// 0^0 = 1, x mod 1 = 0 and x mod 0 = 0 (len(M) zero bytes). A length field
// above 1024 (EIP-7823) fails with ErrTooLarge before anything else, and
// lengths len(B) = len(M) = 0 give an empty output.
//
// The arithmetic is math/big's Exp: variable time, which is acceptable for
// public inputs.
func modexpRun(dst, in []byte) ([]byte, error) {
	baseLen, ok1 := lenField(in, 0)
	expLen, ok2 := lenField(in, 32)
	modLen, ok3 := lenField(in, 64)
	if !ok1 || !ok2 || !ok3 || max(baseLen, expLen, modLen) > modexpMaxLen {
		return dst, core.Errorf(core.CodeTooLarge, "evm: modexp: base/exponent/modulus length exceeds %d bytes", modexpMaxLen)
	}
	if baseLen == 0 && modLen == 0 {
		return dst, nil
	}
	var data []byte
	if len(in) > 96 {
		data = in[96:]
	}
	m := new(big.Int).SetBytes(slice(data, baseLen+expLen, modLen))
	n := len(dst)
	dst = append(dst, make([]byte, modLen)...)
	if m.Sign() == 0 {
		return dst, nil
	}
	b := new(big.Int).SetBytes(slice(data, 0, baseLen))
	e := new(big.Int).SetBytes(slice(data, baseLen, expLen))
	b.Exp(b, e, m)
	b.FillBytes(dst[n:])
	return dst, nil
}
