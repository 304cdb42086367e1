package poseidon

import (
	"encoding/binary"
	"math/bits"
)

// grain is the Grain LFSR in self-shrinking mode that the Poseidon
// reference parameter script (generate_parameters_grain.sage, Poseidon paper
// appendix F) uses to draw round constants and MDS matrices.
//
// The 80-bit state b_0..b_79 is seeded with, first bit first: the field
// type (2 bits, 1 = prime field), the S-box type (4 bits, 0 = x^alpha), the
// field size n (12 bits), the width t (12 bits), R_F (10 bits), R_P
// (10 bits) and thirty 1 bits. The register steps with
// b_{i+80} = b_{i+62} ^ b_{i+51} ^ b_{i+38} ^ b_{i+23} ^ b_{i+13} ^ b_i; the
// first 160 outputs are discarded; afterwards output bits are taken in
// pairs (a, b): b is emitted when a = 1 and both are dropped when a = 0.
//
// The state is kept as an 80-bit integer with b_0 (the oldest bit) at bit
// 79: hi holds bits 64..79, lo bits 0..63.
type grain struct {
	hi, lo uint64
}

func newGrain(field, sbox, n, t, rf, rp uint) *grain {
	g := &grain{}
	put := func(v uint, width int) {
		for i := width - 1; i >= 0; i-- {
			g.push(uint64(v>>uint(i)) & 1)
		}
	}
	put(field, 2)
	put(sbox, 4)
	put(n, 12)
	put(t, 12)
	put(rf, 10)
	put(rp, 10)
	put(1<<30-1, 30)
	for i := 0; i < 160; i++ {
		g.step()
	}
	return g
}

// push shifts bit in as the newest bit b_79, dropping b_0.
func (g *grain) push(bit uint64) {
	g.hi = (g.hi<<1 | g.lo>>63) & 0xffff
	g.lo = g.lo<<1 | bit
}

// step advances the register by one and returns the new bit. b_k sits at
// integer bit 79-k: b_0 at 79, b_13 at 66, b_23 at 56, b_38 at 41, b_51 at
// 28, b_62 at 17.
func (g *grain) step() uint64 {
	b := (g.hi>>15 ^ g.hi>>2 ^ g.lo>>56 ^ g.lo>>41 ^ g.lo>>28 ^ g.lo>>17) & 1
	g.push(b)
	return b
}

// bit returns the next self-shrunk output bit.
func (g *grain) bit() uint64 {
	for {
		if g.step() == 1 {
			return g.step()
		}
		g.step()
	}
}

// bits254 returns the next 254 output bits as a little-endian limb integer,
// first bit most significant.
func (g *grain) bits254() (v [4]uint64) {
	for i := 0; i < 254; i++ {
		v[3] = v[3]<<1 | v[2]>>63
		v[2] = v[2]<<1 | v[1]>>63
		v[1] = v[1]<<1 | v[0]>>63
		v[0] = v[0]<<1 | g.bit()
	}
	return v
}

// bnFieldElement draws 254-bit integers until one is below the BN254 scalar
// modulus r (rejection sampling, as the reference script does for round
// constants).
func (g *grain) bnFieldElement() bnElem {
	for {
		if e, ok := bnFromLimbs(g.bits254()); ok {
			return e
		}
	}
}

// bnReduced draws one 254-bit integer and reduces it mod r (the reference
// script's F(x) coercion, used for the MDS points). 2^254 < 4r.
func (g *grain) bnReduced() bnElem {
	v := g.bits254()
	for {
		if e, ok := bnFromLimbs(v); ok {
			return e
		}
		var borrow uint64
		for i := range v {
			v[i], borrow = bits.Sub64(v[i], bnRLimbs[i], borrow)
		}
	}
}

var bnRLimbs = limbsOf(bnModulus.Bits())

// bnFromLimbs converts a little-endian limb integer to a field element,
// reporting false if it is not below r.
func bnFromLimbs(v [4]uint64) (bnElem, bool) {
	var b [32]byte
	for i := range v {
		binary.BigEndian.PutUint64(b[24-8*i:], v[i])
	}
	e, err := bigEndianBN(&b)
	return e, err == nil
}
