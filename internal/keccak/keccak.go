// Package keccak is the library's one Keccak: Sum256, Keccak-256 as
// Ethereum uses it (golang.org/x/crypto/sha3's legacy Keccak, pooled so a
// call allocates nothing; hash's keccak256, evm's ecrecover, the snarkjs
// PLONK transcript), and F1600, the Keccak-f[1600] permutation itself (our
// own: neither x/crypto nor the standard library exports theirs), under
// dusk-plonk's Merlin/STROBE transcript.
package keccak

import (
	"hash"
	"math/bits"
	"sync"

	"golang.org/x/crypto/sha3"
)

var pool = sync.Pool{New: func() any { return sha3.NewLegacyKeccak256() }}

// Sum256 appends Keccak-256(in) (the original Keccak padding, not SHA-3's)
// to dst.
func Sum256(dst, in []byte) []byte {
	h := pool.Get().(hash.Hash)
	h.Reset()
	h.Write(in)
	dst = h.Sum(dst)
	pool.Put(h)
	return dst
}

// keccakRC are the 24 round constants of Keccak-f[1600] (FIPS 202, 3.2.5).
var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
	0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
	0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

// F1600 applies the Keccak-f[1600] permutation (FIPS 202,
// Algorithm 7: 24 rounds of theta, rho, pi, chi, iota) to the state a,
// lane x+5y holding A[x,y] as a little-endian 64-bit word. The steps are
// written out per lane (rho offsets from FIPS 202 Table 2; pi moves lane
// (x, y) to (y, 2x+3y)). Constant time.
func F1600(a *[25]uint64) {
	for round := 0; round < 24; round++ {
		c0 := a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20]
		c1 := a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21]
		c2 := a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22]
		c3 := a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23]
		c4 := a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24]
		d0 := c4 ^ bits.RotateLeft64(c1, 1)
		d1 := c0 ^ bits.RotateLeft64(c2, 1)
		d2 := c1 ^ bits.RotateLeft64(c3, 1)
		d3 := c2 ^ bits.RotateLeft64(c4, 1)
		d4 := c3 ^ bits.RotateLeft64(c0, 1)
		// rho and pi: b[y, 2x+3y] = rot(A[x,y] ^ d[x], r[x,y])
		b0 := a[0] ^ d0
		b10 := bits.RotateLeft64(a[1]^d1, 1)
		b20 := bits.RotateLeft64(a[2]^d2, 62)
		b5 := bits.RotateLeft64(a[3]^d3, 28)
		b15 := bits.RotateLeft64(a[4]^d4, 27)
		b16 := bits.RotateLeft64(a[5]^d0, 36)
		b1 := bits.RotateLeft64(a[6]^d1, 44)
		b11 := bits.RotateLeft64(a[7]^d2, 6)
		b21 := bits.RotateLeft64(a[8]^d3, 55)
		b6 := bits.RotateLeft64(a[9]^d4, 20)
		b7 := bits.RotateLeft64(a[10]^d0, 3)
		b17 := bits.RotateLeft64(a[11]^d1, 10)
		b2 := bits.RotateLeft64(a[12]^d2, 43)
		b12 := bits.RotateLeft64(a[13]^d3, 25)
		b22 := bits.RotateLeft64(a[14]^d4, 39)
		b23 := bits.RotateLeft64(a[15]^d0, 41)
		b8 := bits.RotateLeft64(a[16]^d1, 45)
		b18 := bits.RotateLeft64(a[17]^d2, 15)
		b3 := bits.RotateLeft64(a[18]^d3, 21)
		b13 := bits.RotateLeft64(a[19]^d4, 8)
		b14 := bits.RotateLeft64(a[20]^d0, 18)
		b24 := bits.RotateLeft64(a[21]^d1, 2)
		b9 := bits.RotateLeft64(a[22]^d2, 61)
		b19 := bits.RotateLeft64(a[23]^d3, 56)
		b4 := bits.RotateLeft64(a[24]^d4, 14)
		// chi and iota
		a[0] = b0 ^ (^b1 & b2)
		a[1] = b1 ^ (^b2 & b3)
		a[2] = b2 ^ (^b3 & b4)
		a[3] = b3 ^ (^b4 & b0)
		a[4] = b4 ^ (^b0 & b1)
		a[5] = b5 ^ (^b6 & b7)
		a[6] = b6 ^ (^b7 & b8)
		a[7] = b7 ^ (^b8 & b9)
		a[8] = b8 ^ (^b9 & b5)
		a[9] = b9 ^ (^b5 & b6)
		a[10] = b10 ^ (^b11 & b12)
		a[11] = b11 ^ (^b12 & b13)
		a[12] = b12 ^ (^b13 & b14)
		a[13] = b13 ^ (^b14 & b10)
		a[14] = b14 ^ (^b10 & b11)
		a[15] = b15 ^ (^b16 & b17)
		a[16] = b16 ^ (^b17 & b18)
		a[17] = b17 ^ (^b18 & b19)
		a[18] = b18 ^ (^b19 & b15)
		a[19] = b19 ^ (^b15 & b16)
		a[20] = b20 ^ (^b21 & b22)
		a[21] = b21 ^ (^b22 & b23)
		a[22] = b22 ^ (^b23 & b24)
		a[23] = b23 ^ (^b24 & b20)
		a[24] = b24 ^ (^b20 & b21)
		a[0] ^= keccakRC[round]
	}
}
