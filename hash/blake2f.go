package hash

import (
	"encoding/binary"
	"math/bits"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// blake2fInputLen is the EIP-152 input size:
// rounds (4, big-endian) || h (64) || m (128) || t (16) || f (1).
const blake2fInputLen = 4 + 64 + 128 + 16 + 1

// blake2bIV is the BLAKE2b initialisation vector (RFC 7693, section 2.6):
// the first 64 bits of the fractional parts of the square roots of the
// first eight primes.
var blake2bIV = [8]uint64{
	0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
}

// blake2bSigma is the message schedule of RFC 7693, section 2.7; round i
// uses row i mod 10.
var blake2bSigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// blake2F is the BLAKE2b compression function F (RFC 7693, section 3.2)
// with a caller-chosen number of rounds, as EIP-152 defines it: it updates
// h from message block m, offset counter t and final-block flag final.
func blake2F(h *[8]uint64, m *[16]uint64, t [2]uint64, final bool, rounds uint32) {
	v0, v1, v2, v3, v4, v5, v6, v7 := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	v8, v9, v10, v11 := blake2bIV[0], blake2bIV[1], blake2bIV[2], blake2bIV[3]
	v12, v13, v14, v15 := blake2bIV[4]^t[0], blake2bIV[5]^t[1], blake2bIV[6], blake2bIV[7]
	if final {
		v14 = ^v14
	}
	for i := uint32(0); i < rounds; i++ {
		s := &blake2bSigma[i%10]
		// Column step.
		v0, v4, v8, v12 = g(v0, v4, v8, v12, m[s[0]], m[s[1]])
		v1, v5, v9, v13 = g(v1, v5, v9, v13, m[s[2]], m[s[3]])
		v2, v6, v10, v14 = g(v2, v6, v10, v14, m[s[4]], m[s[5]])
		v3, v7, v11, v15 = g(v3, v7, v11, v15, m[s[6]], m[s[7]])
		// Diagonal step.
		v0, v5, v10, v15 = g(v0, v5, v10, v15, m[s[8]], m[s[9]])
		v1, v6, v11, v12 = g(v1, v6, v11, v12, m[s[10]], m[s[11]])
		v2, v7, v8, v13 = g(v2, v7, v8, v13, m[s[12]], m[s[13]])
		v3, v4, v9, v14 = g(v3, v4, v9, v14, m[s[14]], m[s[15]])
	}
	h[0] ^= v0 ^ v8
	h[1] ^= v1 ^ v9
	h[2] ^= v2 ^ v10
	h[3] ^= v3 ^ v11
	h[4] ^= v4 ^ v12
	h[5] ^= v5 ^ v13
	h[6] ^= v6 ^ v14
	h[7] ^= v7 ^ v15
}

// g is the BLAKE2b mixing function G (RFC 7693, section 3.1) with rotation
// constants 32, 24, 16, 63.
func g(a, b, c, d, x, y uint64) (uint64, uint64, uint64, uint64) {
	a = a + b + x
	d = bits.RotateLeft64(d^a, -32)
	c = c + d
	b = bits.RotateLeft64(b^c, -24)
	a = a + b + y
	d = bits.RotateLeft64(d^a, -16)
	c = c + d
	b = bits.RotateLeft64(b^c, -63)
	return a, b, c, d
}

var (
	errBlake2fLength = core.Errorf(core.CodeMalformed, "hash: blake2f input is not %d bytes", blake2fInputLen)
	errBlake2fFlag   = core.Errorf(core.CodeMalformed, "hash: blake2f final flag is not 0 or 1")
)

// runBlake2F decodes an EIP-152 input, runs F and appends the new state h
// as 8 little-endian words. A length other than 213 bytes or a final-flag
// byte other than 0 or 1 is core.ErrMalformed.
//
// The errors are fixed values: formatting one costs ~0.5 µs, fifteen times
// the price of a 0-round call (the hostile benchmark found it).
func runBlake2F(dst, in []byte) ([]byte, error) {
	if len(in) != blake2fInputLen {
		return dst, errBlake2fLength
	}
	var final bool
	switch in[212] {
	case 0:
	case 1:
		final = true
	default:
		return dst, errBlake2fFlag
	}
	rounds := binary.BigEndian.Uint32(in[0:4])
	var h [8]uint64
	var m [16]uint64
	for i := range h {
		h[i] = binary.LittleEndian.Uint64(in[4+8*i:])
	}
	for i := range m {
		m[i] = binary.LittleEndian.Uint64(in[68+8*i:])
	}
	t := [2]uint64{binary.LittleEndian.Uint64(in[196:]), binary.LittleEndian.Uint64(in[204:])}
	blake2F(&h, &m, t, final, rounds)
	for _, w := range h {
		dst = binary.LittleEndian.AppendUint64(dst, w)
	}
	return dst, nil
}

// blake2fItems is the EIP-152 round count (the gas item), read from the
// first 4 bytes; 0 when the input is too short to carry it.
func blake2fItems(in []byte) uint64 {
	if len(in) < 4 {
		return 0
	}
	return uint64(binary.BigEndian.Uint32(in[0:4]))
}

func init() {
	dispatch.Register("blake2f", dispatch.Impl{Name: "portable", Available: true,
		Note: "own Go BLAKE2b F (EIP-152 takes a round count, which x/crypto does not expose)"})
}

// BLAKE2F is the EIP-152 BLAKE2b compression function F.
var BLAKE2F = &core.Func{
	Name:   "blake2f",
	Family: "hash",
	Input: "213 bytes (EIP-152): rounds (4-byte big-endian) || h (8 x 8-byte LE words) || " +
		"m (16 x 8-byte LE words) || t (2 x 8-byte LE words) || f (1 byte, 0 or 1)",
	Output:     "64 bytes: the compressed state h, 8 x 8-byte little-endian words",
	FixedOut:   64,
	Items:      blake2fItems,
	Examples:   blake2fExamples,
	Primitives: []string{"blake2f"},
	Run:        runBlake2F,
}
