package poseidon

import "math/big"

// grain is the Grain LFSR in self-shrinking mode that the Poseidon
// reference parameter script (generate_parameters_grain.sage, Poseidon paper
// appendix F) uses to draw round constants and MDS matrices.
//
// The 80-bit state is seeded with, most significant bit first: the field
// type (2 bits, 1 = prime field), the S-box type (4 bits, 0 = x^alpha), the
// field size n (12 bits), the width t (12 bits), R_F (10 bits), R_P
// (10 bits) and thirty 1 bits. The register steps with
// b[i+80] = b[i+62] ^ b[i+51] ^ b[i+38] ^ b[i+23] ^ b[i+13] ^ b[i]; the
// first 160 outputs are discarded; afterwards output bits are taken in
// pairs (a, b): b is emitted when a = 1 and both are dropped when a = 0.
type grain struct {
	bits [80]uint8
	head int // bits[head] is the oldest bit b[i]
}

func newGrain(field, sbox, n, t, rf, rp uint) *grain {
	g := &grain{}
	k := 0
	put := func(v uint, width int) {
		for i := width - 1; i >= 0; i-- {
			g.bits[k] = uint8(v>>uint(i)) & 1
			k++
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

// step advances the register by one and returns the new bit.
func (g *grain) step() uint8 {
	at := func(i int) uint8 { return g.bits[(g.head+i)%80] }
	b := at(62) ^ at(51) ^ at(38) ^ at(23) ^ at(13) ^ at(0)
	g.bits[g.head] = b
	g.head = (g.head + 1) % 80
	return b
}

// bit returns the next self-shrunk output bit.
func (g *grain) bit() uint8 {
	for {
		if g.step() == 1 {
			return g.step()
		}
		g.step()
	}
}

// bigBits returns the next n output bits as an integer, first bit most
// significant.
func (g *grain) bigBits(n int) *big.Int {
	v := new(big.Int)
	for i := 0; i < n; i++ {
		v.Lsh(v, 1)
		if g.bit() == 1 {
			v.SetBit(v, 0, 1)
		}
	}
	return v
}

// fieldElement draws n-bit integers until one is below p (rejection
// sampling, as the reference script does for round constants).
func (g *grain) fieldElement(n int, p *big.Int) *big.Int {
	for {
		if v := g.bigBits(n); v.Cmp(p) < 0 {
			return v
		}
	}
}
