package evm

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/hostcrypto/hostcrypto/core"
)

// MODEXP before Osaka: EIP-198 semantics without the EIP-7823 length limits,
// priced by EIP-198 (Byzantium, Istanbul) or EIP-2565 (Berlin to Prague).

const (
	gasModexpByzantiumDiv = 20  // EIP-198 GQUADDIVISOR
	gasModexpBerlinDiv    = 3   // EIP-2565
	gasModexpBerlinMin    = 200 // EIP-2565
	gasModexpLegacyMult   = 8   // EIP-198 adjusted exponent length, per byte beyond 32

	// modexpLegacyMaxLen bounds the modulus length, which is the output's
	// length, of the pre-Osaka MODEXP. A longer modulus is priced above
	// 8*10^11 gas under EIP-198 and EIP-2565 (x = 2^24+1: x^2/16/20 and
	// ceil(x/8)^2/3), beyond what any block can pay; the call fails with
	// CodeTooLarge instead of allocating it. go-ethereum, which has no such
	// bound, only ever reaches these inputs with that gas.
	modexpLegacyMaxLen = 1 << 24

	// modexpSquareChunk is the number of exponent zero bytes handled per
	// Exp call when a declared exponent extends past the input.
	modexpSquareChunk = 4096
)

// modexpGasByzantium is EIP-198's MODEXP price (Byzantium, Istanbul),
// saturating at math.MaxUint64 where go-ethereum's does:
//
//	x    = max(len(B), len(M))
//	mult = x^2                      if x <= 64
//	       x^2/4 + 96x - 3072       if x <= 1024
//	       x^2/16 + 480x - 199680   otherwise
//	iter = max(1, 8*(len(E)-32 if len(E) > 32) + bitlen(E_head) - 1)
//	gas  = floor(mult*iter / 20)
func modexpGasByzantium(in []byte) uint64 {
	baseLen, expLen, modLen, headBits := modexpHeader(in)
	x := max(baseLen, modLen)
	var mult uint64
	switch {
	case x <= 64:
		mult = x * x
	case x <= 1024:
		mult = x*x/4 + 96*x - 3072
	default:
		hi, sq := bits.Mul64(x, x)
		if hi != 0 {
			return math.MaxUint64
		}
		// x < 2^32 here, so 480x cannot overflow.
		s, c := bits.Add64(sq>>4, 480*x-199680, 0)
		if c != 0 {
			return math.MaxUint64
		}
		mult = s
	}
	if mult == math.MaxUint64 {
		return math.MaxUint64
	}
	iter := modexpIterations(expLen, headBits, gasModexpLegacyMult)
	hi, g := bits.Mul64(iter, mult)
	if hi != 0 {
		return math.MaxUint64
	}
	return g / gasModexpByzantiumDiv
}

// modexpGasBerlin is EIP-2565's MODEXP price (Berlin to Prague), saturating
// at math.MaxUint64 where go-ethereum's does:
//
//	mult = ceil(max(len(B), len(M))/8)^2
//	iter = as EIP-198
//	gas  = max(200, floor(mult*iter / 3))
func modexpGasBerlin(in []byte) uint64 {
	baseLen, expLen, modLen, headBits := modexpHeader(in)
	w, c := bits.Add64(max(baseLen, modLen), 7, 0)
	if c != 0 {
		return math.MaxUint64
	}
	w /= 8
	hi, mult := bits.Mul64(w, w)
	if hi != 0 || mult == math.MaxUint64 {
		return math.MaxUint64
	}
	iter := modexpIterations(expLen, headBits, gasModexpLegacyMult)
	hi, g := bits.Mul64(iter, mult)
	if hi != 0 {
		return math.MaxUint64
	}
	return max(g/gasModexpBerlinDiv, gasModexpBerlinMin)
}

// lowWord returns the low 64 bits of the 32-byte big-endian word at off of
// in (zero-padded past its end): go-ethereum's big.Int.Uint64 of a modexp
// length field, which truncates rather than fails before EIP-7823.
func lowWord(in []byte, off int) uint64 {
	var w [32]byte
	if off < len(in) {
		copy(w[:], in[off:])
	}
	var v uint64
	for _, b := range w[24:] {
		v = v<<8 | uint64(b)
	}
	return v
}

// modexpOutLenLegacy returns the output size of the pre-Osaka MODEXP: the
// modulus length (0 when the call returns nothing or fails on it).
func modexpOutLenLegacy(in []byte) int {
	baseLen, modLen := lowWord(in, 0), lowWord(in, 64)
	if (baseLen == 0 && modLen == 0) || modLen > modexpLegacyMaxLen {
		return 0
	}
	return int(modLen)
}

// operand returns the bytes go-ethereum's getData(data, off, size) takes
// from data, and how many zero bytes it appends: data[min(off, len):end]
// with end = min(off+size, len) in wrapping 64-bit arithmetic, right-padded
// to size bytes unless size does not fit in an int (go-ethereum's
// RightPadBytes then pads nothing). ok is false where go-ethereum's slice
// expression would panic (off+size wraps below off), which no payable input
// reaches.
func operand(data []byte, off, size uint64) (avail []byte, pad uint64, ok bool) {
	n := uint64(len(data))
	start := min(off, n)
	end := start + size
	if end > n {
		end = n
	}
	if end < start {
		return nil, 0, false
	}
	avail = data[start:end]
	if size <= math.MaxInt && size > uint64(len(avail)) {
		pad = size - uint64(len(avail))
	}
	return avail, pad, true
}

// modexpRunLegacy is the MODEXP precompile before Osaka (EIP-198 without
// EIP-7823): the input is len(B)(32) || len(E)(32) || len(M)(32) || B || E
// || M, each length read as its low 64 bits and each operand read as
// go-ethereum's getData reads it (zero-padded past the input, offsets in
// wrapping 64-bit arithmetic). It appends B^E mod M in exactly len(M) bytes
// (x mod 0 = 0, 0^0 = 1), nothing when len(B) = len(M) = 0.
//
// Only the modulus is allocated at its declared length (it is the output's
// length): a base or exponent declared longer than the input is its present
// bytes times a power of 256, reduced modulo M without being built. A
// modulus length above modexpLegacyMaxLen fails with CodeTooLarge (see
// there).
//
// The arithmetic is math/big's: variable time, acceptable for public
// inputs.
func modexpRunLegacy(dst, in []byte) ([]byte, error) {
	baseLen, expLen, modLen := lowWord(in, 0), lowWord(in, 32), lowWord(in, 64)
	if baseLen == 0 && modLen == 0 {
		return dst, nil
	}
	if modLen > modexpLegacyMaxLen {
		return dst, core.Errorf(core.CodeTooLarge, "evm: modexp: modulus length exceeds %d bytes", modexpLegacyMaxLen)
	}
	var data []byte
	if len(in) > 96 {
		data = in[96:]
	}
	bb, bpad, ok1 := operand(data, 0, baseLen)
	eb, epad, ok2 := operand(data, baseLen, expLen)
	mb, mpad, ok3 := operand(data, baseLen+expLen, modLen)
	if !ok1 || !ok2 || !ok3 {
		return dst, core.Errorf(core.CodeTooLarge, "evm: modexp: operand bounds overflow")
	}
	m := new(big.Int).SetBytes(mb)
	m.Lsh(m, uint(8*mpad))
	n := len(dst)
	dst = append(dst, make([]byte, modLen)...)
	if m.Sign() == 0 {
		return dst, nil
	}
	b := mulPow256(new(big.Int).SetBytes(bb), bpad, m)
	powPadded(b, new(big.Int).SetBytes(eb), epad, m).FillBytes(dst[n:])
	return dst, nil
}

// mulPow256 sets x = x * 256^k mod m and returns x (m > 0).
func mulPow256(x *big.Int, k uint64, m *big.Int) *big.Int {
	if k == 0 {
		return x.Mod(x, m)
	}
	f := new(big.Int).Exp(big.NewInt(256), new(big.Int).SetUint64(k), m)
	return x.Mod(x.Mul(x, f), m)
}

// powPadded sets b = b^(e * 256^k) mod m and returns b (m > 0): b^e, then
// 8k squarings, a chunk at a time, stopping early at the fixed points 0 and
// 1. An exponent that is zero stays zero whatever k (b^0 = 1, 0^0 = 1).
func powPadded(b, e *big.Int, k uint64, m *big.Int) *big.Int {
	b.Exp(b, e, m)
	if e.Sign() == 0 {
		return b
	}
	var sq big.Int
	for k > 0 && b.Cmp(bigOne) > 0 {
		c := min(k, modexpSquareChunk)
		sq.Lsh(bigOne, uint(8*c))
		b.Exp(b, &sq, m)
		k -= c
	}
	return b
}

var bigOne = big.NewInt(1)
