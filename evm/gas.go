package evm

import (
	"math"
	"math/bits"
)

// go-ethereum's Osaka gas constants (params/protocol_params.go).
const (
	gasEcrecover      = 3000
	gasSha256Base     = 60
	gasSha256Word     = 12
	gasRipemdBase     = 600
	gasRipemdWord     = 120
	gasIdentityBase   = 15
	gasIdentityWord   = 3
	gasBN254Add       = 150   // EIP-1108
	gasBN254Mul       = 6000  // EIP-1108
	gasBN254PairBase  = 45000 // EIP-1108
	gasBN254PairPer   = 34000 // EIP-1108
	gasPointEval      = 50000 // EIP-4844
	gasBLSG1Add       = 375   // EIP-2537
	gasBLSG1Mul       = 12000
	gasBLSG2Add       = 600
	gasBLSG2Mul       = 22500
	gasBLSPairBase    = 37700
	gasBLSPairPer     = 32600
	gasBLSMapG1       = 5500
	gasBLSMapG2       = 23800
	gasP256Verify     = 6900 // EIP-7951
	gasModexpMin      = 500  // EIP-7883
	gasModexpExpMult  = 16   // EIP-7883
	bn254PairSize     = 192
	blsG1MSMPairSize  = 160
	blsG2MSMPairSize  = 288
	blsPairingPairLen = 384
)

// EIP-2537 MSM discount tables, in thousandths, indexed by k-1 (k pairs);
// k beyond the table uses its last entry.
var (
	g1MSMDiscount = [128]uint16{1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661, 658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519}
	g2MSMDiscount = [128]uint16{1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693, 688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524}
)

// words returns ceil(n/32), the EVM word count of an n-byte input.
func words(in []byte) uint64 { return (uint64(len(in)) + 31) / 32 }

// fixedGas returns a Gas rule that ignores the input.
func fixedGas(g uint64) func([]byte) uint64 { return func([]byte) uint64 { return g } }

// wordGas returns the rule base + perWord*ceil(len/32).
func wordGas(base, perWord uint64) func([]byte) uint64 {
	return func(in []byte) uint64 { return base + perWord*words(in) }
}

// msmGas returns the EIP-2537 MSM rule for pairs of size pairLen:
//
//	k = floor(len/pairLen); gas = k * mulGas * discount[k] / 1000 (0 for k = 0)
//
// with integer division last, as go-ethereum computes it.
func msmGas(pairLen int, mulGas uint64, table *[128]uint16) func([]byte) uint64 {
	return func(in []byte) uint64 {
		k := len(in) / pairLen
		if k == 0 {
			return 0
		}
		d := uint64(table[len(table)-1])
		if k < len(table) {
			d = uint64(table[k-1])
		}
		return uint64(k) * mulGas * d / 1000
	}
}

// lenField reads the 32-byte big-endian length field at off of a modexp
// header (zero-padded past the end of in). It returns the value, or
// math.MaxUint64 and false when it does not fit in 64 bits.
func lenField(in []byte, off int) (uint64, bool) {
	var w [32]byte
	if off < len(in) {
		copy(w[:], in[off:])
	}
	for _, b := range w[:24] {
		if b != 0 {
			return math.MaxUint64, false
		}
	}
	var v uint64
	for _, b := range w[24:] {
		v = v<<8 | uint64(b)
	}
	return v, true
}

// modexpGas is the EIP-7883 (Osaka) MODEXP price, saturating at
// math.MaxUint64 exactly where go-ethereum's does:
//
//	x    = max(len(B), len(M))
//	mult = 16 if x <= 32 else 2*ceil(x/8)^2
//	iter = max(1, 16*(len(E)-32 if len(E) > 32) + bitlen(E_head) - 1)
//	gas  = max(500, mult*iter)
//
// where E_head is the first min(len(E), 32) exponent bytes, zero-padded on
// the right when the input is shorter, and read only when the input extends
// past the base.
func modexpGas(in []byte) uint64 {
	baseLen, expLen, modLen, headBits := modexpHeader(in)
	iter := modexpIterations(expLen, headBits, gasModexpExpMult)

	x := max(baseLen, modLen)
	var mult uint64 = 16
	if x > 32 {
		w, c := bits.Add64(x, 7, 0)
		if c != 0 {
			return math.MaxUint64
		}
		w /= 8
		hi, sq := bits.Mul64(w, w)
		if hi != 0 {
			return math.MaxUint64
		}
		hi, mult = bits.Mul64(sq, 2)
		if hi != 0 {
			return math.MaxUint64
		}
	}
	hi, g := bits.Mul64(iter, mult)
	if hi != 0 {
		return math.MaxUint64
	}
	return max(g, gasModexpMin)
}

// modexpHeader returns a MODEXP input's base, exponent and modulus lengths
// (lengths above 2^64-1 capped to math.MaxUint64) and the bit length of
// E_head, the first min(len(E), 32) exponent bytes (zero-padded on the
// right; 0 unless the input extends past the base). Every fork's price is a
// function of these four numbers.
func modexpHeader(in []byte) (baseLen, expLen, modLen uint64, headBits int) {
	baseLen, _ = lenField(in, 0)
	expLen, _ = lenField(in, 32)
	modLen, _ = lenField(in, 64)
	var data []byte
	if len(in) > 96 {
		data = in[96:]
	}
	if uint64(len(data)) > baseLen {
		n := min(expLen, 32)
		avail := data[baseLen:]
		if uint64(len(avail)) > n {
			avail = avail[:n]
		}
		for i, b := range avail {
			if b != 0 {
				headBits = (int(n)-i)*8 - bits.LeadingZeros8(b)
				break
			}
		}
	}
	return baseLen, expLen, modLen, headBits
}

// modexpIterations is the adjusted exponent length of EIP-198 (perByte 8)
// and EIP-7883 (perByte 16), saturating:
//
//	iter = max(1, perByte*(expLen-32 if expLen > 32) + headBits - 1)
func modexpIterations(expLen uint64, headBits int, perByte uint64) uint64 {
	var iter uint64
	if expLen > 32 {
		hi, lo := bits.Mul64(expLen-32, perByte)
		if hi != 0 {
			lo = math.MaxUint64
		}
		iter = lo
	}
	if headBits > 0 {
		s, c := bits.Add64(iter, uint64(headBits-1), 0)
		if c != 0 {
			s = math.MaxUint64
		}
		iter = s
	}
	return max(iter, 1)
}
