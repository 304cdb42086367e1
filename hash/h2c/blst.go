//go:build cgo && !purego

package h2c

import blst "github.com/supranational/blst/bindings/go"

const (
	blstAvailable = true
	blstNote      = "supranational/blst v0.3.17 via cgo"
)

// blstHashToG1 appends the EIP-2537 encoding of blst's hash_to_g1. blst
// serialises an affine G1 point as x || y, 48 bytes big-endian each, with
// flag bits in the top of x: only the infinity flag (0x40) can be set,
// and the identity encodes as all zeros in EIP-2537.
func blstHashToG1(out, msg, dst []byte) []byte {
	b := blst.HashToG1(msg, dst).Serialize()
	if b[0]&0x40 != 0 {
		var zero [G1Len]byte
		return append(out, zero[:]...)
	}
	out = appendPadded48(out, b[0:48])
	return appendPadded48(out, b[48:96])
}

// blstHashToG2 appends the EIP-2537 encoding of blst's hash_to_g2. blst
// serialises an affine G2 point as x.c1 || x.c0 || y.c1 || y.c0 (the
// Zcash order), 48 bytes each; EIP-2537 wants c0 before c1.
func blstHashToG2(out, msg, dst []byte) []byte {
	b := blst.HashToG2(msg, dst).Serialize()
	if b[0]&0x40 != 0 {
		var zero [G2Len]byte
		return append(out, zero[:]...)
	}
	out = appendPadded48(out, b[48:96])
	out = appendPadded48(out, b[0:48])
	out = appendPadded48(out, b[144:192])
	return appendPadded48(out, b[96:144])
}
