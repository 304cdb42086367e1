package evm

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	mrand "math/rand/v2"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

// refModexpParts returns EIP-198's quantities for in in unbounded
// integers: x = max(len(B), len(M)) and the adjusted exponent length with
// perByte iterations per exponent byte beyond 32, the latter clamped to
// 2^64-1 as go-ethereum's (the prices divide after multiplying, so the
// clamp shows when mult is small).
func refModexpParts(in []byte, perByte int64) (x, iter *big.Int) {
	get := func(off, n *big.Int) []byte { // n bytes at off of in, zero-padded
		out := make([]byte, n.Int64())
		if off.IsInt64() && off.Int64() < int64(len(in)) {
			copy(out, in[off.Int64():])
		}
		return out
	}
	bl := new(big.Int).SetBytes(get(big.NewInt(0), big.NewInt(32)))
	el := new(big.Int).SetBytes(get(big.NewInt(32), big.NewInt(32)))
	ml := new(big.Int).SetBytes(get(big.NewInt(64), big.NewInt(32)))
	head := new(big.Int)
	if big.NewInt(int64(len(in))-96).Cmp(bl) > 0 {
		n := new(big.Int).Set(el)
		if n.Cmp(big.NewInt(32)) > 0 {
			n.SetInt64(32)
		}
		head.SetBytes(get(new(big.Int).Add(bl, big.NewInt(96)), n))
	}
	iter = new(big.Int)
	if el.Cmp(big.NewInt(32)) > 0 {
		iter.Sub(el, big.NewInt(32)).Mul(iter, big.NewInt(perByte))
	}
	if head.Sign() > 0 {
		iter.Add(iter, big.NewInt(int64(head.BitLen()-1)))
	}
	if iter.Sign() == 0 {
		iter.SetInt64(1)
	}
	if !iter.IsUint64() {
		iter.SetUint64(math.MaxUint64)
	}
	x = bl
	if ml.Cmp(x) > 0 {
		x = ml
	}
	return x, iter
}

func clampU64(g *big.Int) uint64 {
	if !g.IsUint64() {
		return math.MaxUint64
	}
	return g.Uint64()
}

// refModexpGasByzantium is EIP-198's price in unbounded integers, with
// go-ethereum's saturation points: 2^64-1 when x^2 (x > 1024) or
// mult*iter (before the division by 20) exceeds 2^64-1.
func refModexpGasByzantium(in []byte) uint64 {
	x, iter := refModexpParts(in, 8)
	mult := new(big.Int).Mul(x, x)
	if !mult.IsUint64() {
		return math.MaxUint64
	}
	switch {
	case x.Cmp(big.NewInt(64)) <= 0:
	case x.Cmp(big.NewInt(1024)) <= 0:
		mult.Rsh(mult, 2).Add(mult, new(big.Int).Mul(x, big.NewInt(96))).Sub(mult, big.NewInt(3072))
	default:
		mult.Rsh(mult, 4).Add(mult, new(big.Int).Mul(x, big.NewInt(480))).Sub(mult, big.NewInt(199680))
	}
	g := new(big.Int).Mul(mult, iter)
	if !g.IsUint64() || !mult.IsUint64() || mult.Uint64() == math.MaxUint64 {
		return math.MaxUint64
	}
	return g.Uint64() / 20
}

// refModexpGasBerlin is EIP-2565's price in unbounded integers, with
// go-ethereum's saturation (as refModexpGasByzantium).
func refModexpGasBerlin(in []byte) uint64 {
	x, iter := refModexpParts(in, 8)
	w := new(big.Int).Add(x, big.NewInt(7))
	w.Rsh(w, 3)
	mult := new(big.Int).Mul(w, w)
	g := new(big.Int).Mul(mult, iter)
	if !g.IsUint64() || !mult.IsUint64() {
		return math.MaxUint64
	}
	return max(g.Uint64()/3, 200)
}

// randomModexpHeader returns a MODEXP input with edge-biased length fields
// (including values wider than 64 bits) and random operand bytes.
func randomModexpHeader(r *mrand.Rand) []byte {
	lens := []uint64{0, 1, 7, 8, 31, 32, 33, 64, 65, 1024, 1025, 1 << 20, 1<<32 - 1, 1 << 32, 1 << 60, math.MaxUint64 - 7, math.MaxUint64}
	word := func(b []byte, v uint64, wide bool) {
		for i := range 8 {
			b[31-i] = byte(v >> (8 * i))
		}
		if wide {
			b[r.IntN(24)] = 1
		}
	}
	in := make([]byte, 96+r.IntN(200))
	word(in[0:32], lens[r.IntN(len(lens))]%uint64(1+r.IntN(300)), r.IntN(50) == 0)
	if r.IntN(3) == 0 {
		word(in[0:32], lens[r.IntN(len(lens))], false)
	}
	word(in[32:64], lens[r.IntN(len(lens))], r.IntN(50) == 0)
	if r.IntN(2) == 0 {
		word(in[32:64], uint64(r.IntN(70)), false)
	}
	word(in[64:96], lens[r.IntN(len(lens))], r.IntN(50) == 0)
	if r.IntN(2) == 0 {
		word(in[64:96], uint64(r.IntN(1200)), false)
	}
	for j := 96; j < len(in); j++ {
		if r.IntN(4) != 0 {
			in[j] = byte(r.Uint32() >> r.IntN(8))
		}
	}
	if r.IntN(10) == 0 {
		in = in[:r.IntN(len(in))]
	}
	return in
}

func TestModexpLegacyGasProperty(t *testing.T) {
	r := mrand.New(mrand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		in := randomModexpHeader(r)
		if got, want := modexpGasByzantium(in), refModexpGasByzantium(in); got != want {
			t.Fatalf("modexpGasByzantium(%x) = %d, want %d", in, got, want)
		}
		if got, want := modexpGasBerlin(in), refModexpGasBerlin(in); got != want {
			t.Fatalf("modexpGasBerlin(%x) = %d, want %d", in, got, want)
		}
	}
	// EIP-198's worked example: 3^(2^256-2^32-978) mod (2^256-2^32-977)
	// (Fermat) costs 13056 gas under EIP-198 and 1360 under EIP-2565
	// (EIP-2565's test vector list gives 1360 for this input).
	in := modexpIn(1, 32, 32, append(append([]byte{3}, fermatExp...), fermatMod...)...)
	if g := modexpGasByzantium(in); g != 13056 {
		t.Errorf("EIP-198 example: %d gas, want 13056", g)
	}
	if g := modexpGasBerlin(in); g != 1360 {
		t.Errorf("EIP-2565 example: %d gas, want 1360", g)
	}
}

var (
	fermatMod = mustHex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")
	fermatExp = mustHex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e")
)

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// refModexpPadded computes MODEXP by the definition: every operand
// allocated at its declared length (zero-padded), then math/big's Exp.
func refModexpPadded(in []byte) []byte {
	word := func(off int) uint64 {
		w := make([]byte, 32)
		if off < len(in) {
			copy(w, in[off:])
		}
		return new(big.Int).SetBytes(w).Uint64() // low 64 bits
	}
	bl, el, ml := word(0), word(32), word(64)
	if bl == 0 && ml == 0 {
		return []byte{}
	}
	var data []byte
	if len(in) > 96 {
		data = in[96:]
	}
	get := func(off, n uint64) []byte {
		out := make([]byte, n)
		if off < uint64(len(data)) {
			copy(out, data[off:])
		}
		return out
	}
	b := new(big.Int).SetBytes(get(0, bl))
	e := new(big.Int).SetBytes(get(bl, el))
	m := new(big.Int).SetBytes(get(bl+el, ml))
	out := make([]byte, ml)
	if m.Sign() == 0 {
		return out
	}
	return b.Exp(b, e, m).FillBytes(out)
}

// TestModexpLegacySemantics checks the pre-Osaka MODEXP against the
// definition computed with every operand allocated, on random small inputs
// whose declared exponent extends past the input (so the squaring path
// runs), and on the edge cases EIP-198 names.
func TestModexpLegacySemantics(t *testing.T) {
	r := mrand.New(mrand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		bl, el, ml := r.IntN(70), r.IntN(600), r.IntN(70)
		data := make([]byte, r.IntN(bl+el+ml+2))
		for j := range data {
			if r.IntN(3) != 0 {
				data[j] = byte(r.Uint32())
			}
		}
		in := modexpIn(bl, el, ml, data...)
		got, err := modexpRunLegacy(nil, in)
		if err != nil {
			t.Fatalf("%x: %v", in, err)
		}
		if want := refModexpPadded(in); !bytes.Equal(got, want) {
			t.Fatalf("%x:\n got %x\nwant %x", in, got, want)
		}
		if modexpOutLenLegacy(in) != len(got) {
			t.Fatalf("%x: OutLen %d, output %d bytes", in, modexpOutLenLegacy(in), len(got))
		}
	}
	for _, c := range []struct {
		name string
		in   []byte
		want string // hex; "err" for ErrTooLarge
	}{
		{"3^5 mod 7", modexpIn(1, 1, 1, 3, 5, 7), "05"},
		{"mod 0", modexpIn(1, 1, 2, 3, 5, 0, 0), "0000"},
		{"0^0 mod 7", modexpIn(1, 1, 1, 0, 0, 7), "01"},
		{"no base, no modulus, any exponent length", modexpIn(0, 1<<40, 0), ""},
		{"exponent length 1025 (no EIP-7823 limit)", modexpIn(1, 1025, 1, 2, 1), "00"},
		{"base length 1025", modexpIn(1025, 0, 1), "00"},
		{"modulus length 2^24", modexpIn(0, 0, 1<<24), "zeros"},
		{"modulus length 2^24+1", modexpIn(0, 0, 1<<24+1), "err"},
		{"base length 2^40, input ends in it", modexpIn(1<<40, 0, 1, 5), "00"},
	} {
		out, err := modexpRunLegacy(nil, c.in)
		switch {
		case c.want == "err":
			if !errors.Is(err, core.ErrTooLarge) {
				t.Errorf("%s: err %v, want ErrTooLarge", c.name, err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want == "zeros":
			if len(out) != 1<<24 || !bytes.Equal(out, make([]byte, 1<<24)) {
				t.Errorf("%s: %d bytes", c.name, len(out))
			}
		case hex.EncodeToString(out) != c.want:
			t.Errorf("%s: got %x, want %s", c.name, out, c.want)
		}
	}

	// Operands declared longer than the input are their bytes times a power
	// of 256. The modulus then lies past the input (zero) unless the
	// offsets wrap, as go-ethereum's 64-bit arithmetic lets them: base
	// length 100 and exponent length 2^64-90 put the modulus at offset 10
	// of a 50-byte input, the base is data[0:50]*256^50 and the exponent
	// is empty (its length does not fit an int: unpadded), so the output
	// is 1 mod M.
	wrap := modexpIn(100, 0, 1)
	for i := 56; i < 64; i++ {
		wrap[i] = 0xff
	}
	wrap[63] -= 89 // 2^64 - 90
	data := make([]byte, 50)
	data[10] = 9 // M = 9
	wrap = append(wrap, data...)
	if out, err := modexpRunLegacy(nil, wrap); err != nil || hex.EncodeToString(out) != "01" {
		t.Errorf("wrapped offsets: %x, %v", out, err)
	}

	// Lengths wider than 64 bits are read as their low 64 bits, as
	// go-ethereum's big.Int.Uint64 does before EIP-7823.
	wide := modexpIn(1, 1, 1, 3, 5, 7)
	wide[0], wide[40], wide[70] = 1, 9, 0x80
	if out, err := modexpRunLegacy(nil, wide); err != nil || hex.EncodeToString(out) != "05" {
		t.Errorf("wide lengths: %x, %v", out, err)
	}
}

// TestModexpPaddedOperands checks the helpers that reduce operands declared
// longer than the input without building them, against the definition
// (small k) and against Fermat's little theorem (large k, prime modulus).
func TestModexpPaddedOperands(t *testing.T) {
	r := mrand.New(mrand.NewPCG(7, 8))
	for i := 0; i < 300; i++ {
		m := new(big.Int).SetUint64(1 + r.Uint64()>>r.IntN(64))
		x := new(big.Int).SetUint64(r.Uint64())
		e := new(big.Int).SetUint64(r.Uint64() >> r.IntN(64))
		k := uint64(r.IntN(40))
		shift := new(big.Int).Lsh(bigOne, uint(8*k))
		if got, want := mulPow256(new(big.Int).Set(x), k, m), new(big.Int).Mod(new(big.Int).Mul(x, shift), m); got.Cmp(want) != 0 {
			t.Fatalf("%v*256^%d mod %v = %v, want %v", x, k, m, got, want)
		}
		want := new(big.Int).Exp(x, new(big.Int).Mul(e, shift), m)
		if got := powPadded(new(big.Int).Set(x), e, k, m); got.Cmp(want) != 0 {
			t.Fatalf("%v^(%v*256^%d) mod %v = %v, want %v", x, e, k, m, got, want)
		}
	}
	p := big.NewInt(1000003)
	pm1 := new(big.Int).Sub(p, bigOne)
	for _, k := range []uint64{4095, 4096, 4097, 200000} {
		e := new(big.Int).Exp(big.NewInt(256), new(big.Int).SetUint64(k), pm1)
		e.Mul(e, big.NewInt(5)).Mod(e, pm1)
		want := new(big.Int).Exp(big.NewInt(7), e, p)
		if got := powPadded(big.NewInt(7), big.NewInt(5), k, p); got.Cmp(want) != 0 {
			t.Errorf("7^(5*256^%d) mod %v = %v, want %v", k, p, got, want)
		}
	}
}
