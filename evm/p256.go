package evm

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"math/big"
)

// p256InputLen is the only input length P256VERIFY accepts.
const p256InputLen = 160

// p256Run is the P256VERIFY precompile (0x100, EIP-7951). The input is
// hash(32) || r(32) || s(32) || qx(32) || qy(32). It appends the 32-byte word
// 1 when (r, s) is a valid ECDSA P-256 signature of hash under Q, and nothing
// otherwise: a wrong input length, r or s outside [1, n-1], Q not on the
// curve, a coordinate >= p or Q at infinity all give an empty output, not an
// error. Verification is crypto/ecdsa's (constant-time arithmetic on a public
// input).
func p256Run(dst, in []byte) ([]byte, error) {
	if len(in) != p256InputLen {
		return dst, nil
	}
	var enc [65]byte
	enc[0] = 4
	copy(enc[1:], in[96:160])
	// ParseUncompressedPublicKey rejects coordinates >= p and points off the
	// curve; (0, 0) is not on the curve.
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), enc[:])
	if err != nil {
		return dst, nil
	}
	r := new(big.Int).SetBytes(in[32:64])
	s := new(big.Int).SetBytes(in[64:96])
	// Verify rejects r, s outside [1, n-1].
	if !ecdsa.Verify(pub, in[:32], r, s) {
		return dst, nil
	}
	dst = append(dst, make([]byte, 31)...)
	return append(dst, 1), nil
}
