package soroban_test

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// splitVectors turns k items (a || b) into Soroban's two vectors: the k a's
// then the k b's.
func splitVectors(in []byte, a, b int) []byte {
	var as, bs []byte
	for off := 0; off+a+b <= len(in); off += a + b {
		as = append(as, in[off:off+a]...)
		bs = append(bs, in[off+a:off+a+b]...)
	}
	return cat(as, bs)
}

// TestBLSMulMSMGethVectors: go-ethereum's EIP-2537 MUL and MULTIEXP vectors
// (point || 32-byte scalar, re-encoded to Zcash) through bls12_381_g1_mul,
// _g2_mul (the single-pair ones) and _g1_msm, _g2_msm (split into Soroban's
// two vectors); adding r to a scalar (a U256 Soroban reduces) changes
// nothing.
func TestBLSMulMSMGethVectors(t *testing.T) {
	r, _ := new(big.Int).SetString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16)
	ran := map[string]int{}
	for _, g := range []struct {
		mul, msm, file string
		pt             int
		conv           func(*testing.T, []byte) []byte
	}{
		{"bls12_381_g1_mul", "bls12_381_g1_msm", "blsG1MultiExp", 128, g1Zcash},
		{"bls12_381_g2_mul", "bls12_381_g2_msm", "blsG2MultiExp", 256, g2Zcash},
		{"bls12_381_g1_mul", "bls12_381_g1_msm", "blsG1Mul", 128, g1Zcash},
		{"bls12_381_g2_mul", "bls12_381_g2_msm", "blsG2Mul", 256, g2Zcash},
	} {
		for _, v := range vectors.Geth(t, "go-ethereum-precompiles/"+g.file+".json") {
			in, want := unhex(t, v.Input), unhex(t, v.Expected)
			var items []byte
			zsize := g.pt*3/4 + 32
			for off := 0; off < len(in); off += g.pt + 32 {
				items = append(items, g.conv(t, in[off:off+g.pt])...)
				items = append(items, in[off+g.pt:off+g.pt+32]...)
			}
			wantZ := g.conv(t, want)
			out, err := call(t, g.msm, splitVectors(items, zsize-32, 32))
			if err != nil || !bytes.Equal(out, wantZ) {
				t.Errorf("%s %s via %s: %x (%v)", g.file, v.Name, g.msm, out, err)
			}
			ran[g.msm]++
			if len(items) != zsize {
				continue
			}
			out, err = call(t, g.mul, items)
			if err != nil || !bytes.Equal(out, wantZ) {
				t.Errorf("%s %s via %s: %x (%v)", g.file, v.Name, g.mul, out, err)
			}
			s := new(big.Int).SetBytes(items[zsize-32:])
			if s.Add(s, r).BitLen() <= 256 {
				out, err = call(t, g.mul, cat(items[:zsize-32], s.FillBytes(make([]byte, 32))))
				if err != nil || !bytes.Equal(out, wantZ) {
					t.Errorf("%s %s with scalar + r: %x (%v)", g.file, v.Name, out, err)
				}
			}
			ran[g.mul]++
		}
	}
	for _, k := range []string{"bls12_381_g1_mul", "bls12_381_g2_mul", "bls12_381_g1_msm", "bls12_381_g2_msm"} {
		if ran[k] == 0 {
			t.Errorf("no %s vector ran", k)
		}
	}
	for _, k := range []string{"bls12_381_g1_msm", "bls12_381_g2_msm", "bn254_g1_msm", "bn254_multi_pairing_check"} {
		if _, err := call(t, k, nil); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%s(empty vectors): %v, want malformed_input (Soroban refuses them)", k, err)
		}
	}
	// Unequal vectors: one G1 point and two scalars.
	if _, err := call(t, "bls12_381_g1_msm", make([]byte, 96+64)); core.CodeOf(err) != core.CodeMalformed {
		t.Errorf("unequal vectors: %v", err)
	}
}

// TestOnCurveChecks: generators are on their curves, a changed y is not
// (0x00, not an error), bad flags and coordinates >= p are errors (a trap
// in Soroban), infinity is on the curve.
func TestOnCurveChecks(t *testing.T) {
	g1 := g1Zcash(t, unhex(t, "0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb0000000000000000000000000000000008b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"))
	bn := make([]byte, 64)
	bn[31], bn[63] = 1, 2 // (1, 2), BN254's generator
	for _, c := range []struct {
		name string
		in   []byte
		want byte
	}{
		{"bls12_381_g1_is_on_curve", g1, 1},
		{"bls12_381_g1_is_on_curve", cat(g1[:95], []byte{g1[95] ^ 1}), 0},
		{"bls12_381_g1_is_on_curve", cat([]byte{0x40}, make([]byte, 95)), 1},
		{"bn254_g1_is_on_curve", bn, 1},
		{"bn254_g1_is_on_curve", cat(bn[:63], []byte{3}), 0},
		{"bn254_g1_is_on_curve", make([]byte, 64), 1},
	} {
		if out, err := call(t, c.name, c.in); err != nil || !bytes.Equal(out, []byte{c.want}) {
			t.Errorf("%s(%x) = %x, %v; want %02x", c.name, c.in[:4], out, err, c.want)
		}
	}
	for _, c := range []struct {
		name string
		in   []byte
	}{
		{"bls12_381_g1_is_on_curve", cat([]byte{g1[0] | 0x80}, g1[1:])}, // compression flag
		{"bls12_381_g1_is_on_curve", cat([]byte{g1[0] | 0x20}, g1[1:])}, // sort flag
		{"bls12_381_g1_is_on_curve", cat([]byte{0x40}, make([]byte, 94), []byte{1})},
		{"bls12_381_g1_is_on_curve", g1[:95]},
		{"bn254_g1_is_on_curve", bytes.Repeat([]byte{0xff}, 64)}, // x >= p
		{"bn254_g1_is_on_curve", bn[:63]},
	} {
		if out, err := call(t, c.name, c.in); err == nil {
			t.Errorf("%s(%x...): %x, want an error", c.name, c.in[:4], out)
		}
	}
	g2 := make([]byte, 192)
	g2[0] = 0x40
	if out, err := call(t, "bls12_381_g2_is_on_curve", g2); err != nil || !bytes.Equal(out, []byte{1}) {
		t.Errorf("G2 infinity: %x, %v", out, err)
	}
}

// TestFrArithmetic: Soroban's Fr functions on U256 values (any 256-bit
// value, reduced mod r) against math/big, for both curves, with edge
// values 0, 1, r-1, r, r+1 and 2^256-1; inverting 0 (or r) traps.
func TestFrArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 18))
	for _, c := range []struct {
		prefix string
		r      string
	}{
		{"bls12_381_fr_", "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001"},
		{"bn254_fr_", "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"},
	} {
		r, _ := new(big.Int).SetString(c.r, 16)
		max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
		vals := []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(r, big.NewInt(1)), new(big.Int).Set(r), new(big.Int).Add(r, big.NewInt(1)), max}
		for range 20 {
			b := make([]byte, 32)
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
			vals = append(vals, new(big.Int).SetBytes(b))
		}
		u256 := func(x *big.Int) []byte { return x.FillBytes(make([]byte, 32)) }
		mod := func(x *big.Int) []byte { return u256(new(big.Int).Mod(x, r)) }
		check := func(name string, in, want []byte) {
			t.Helper()
			out, err := call(t, c.prefix+name, in)
			if want == nil {
				if err == nil {
					t.Errorf("%s%s(%x): %x, want an error", c.prefix, name, in, out)
				}
				return
			}
			if err != nil || !bytes.Equal(out, want) {
				t.Errorf("%s%s(%x) = %x, %v; want %x", c.prefix, name, in, out, err, want)
			}
		}
		for i, a := range vals {
			b := vals[(i*7+3)%len(vals)]
			check("add", cat(u256(a), u256(b)), mod(new(big.Int).Add(a, b)))
			check("sub", cat(u256(a), u256(b)), mod(new(big.Int).Sub(a, b)))
			check("mul", cat(u256(a), u256(b)), mod(new(big.Int).Mul(a, b)))
			e := rng.Uint64()
			if i < 3 {
				e = []uint64{0, 1, ^uint64(0)}[i]
			}
			check("pow", cat(u256(a), binary.BigEndian.AppendUint64(nil, e)),
				u256(new(big.Int).Exp(new(big.Int).Mod(a, r), new(big.Int).SetUint64(e), r)))
			if new(big.Int).Mod(a, r).Sign() == 0 {
				check("inv", u256(a), nil)
			} else {
				check("inv", u256(a), u256(new(big.Int).ModInverse(new(big.Int).Mod(a, r), r)))
			}
		}
		check("add", make([]byte, 63), nil)
		check("pow", make([]byte, 64), nil)
	}
}

// TestBN254GethVectors: go-ethereum's bn256Add, bn256ScalarMul and
// bn256Pairing vectors of exactly Soroban's sizes through bn254_g1_add,
// bn254_g1_mul, bn254_g1_msm (one pair) and bn254_multi_pairing_check
// (split into two vectors); other sizes are refused (the EIP-196
// precompiles pad, Soroban does not).
func TestBN254GethVectors(t *testing.T) {
	ran := map[string]int{}
	for _, v := range vectors.Geth(t, "go-ethereum-precompiles/bn256Add.json") {
		in, want := unhex(t, v.Input), unhex(t, v.Expected)
		out, err := call(t, "bn254_g1_add", in)
		if len(in) != 128 {
			if err == nil {
				t.Errorf("bn256Add %s: %d bytes accepted", v.Name, len(in))
			}
			continue
		}
		if err != nil || !bytes.Equal(out, want) {
			t.Errorf("bn256Add %s: %x (%v)", v.Name, out, err)
		}
		ran["add"]++
	}
	for _, v := range vectors.Geth(t, "go-ethereum-precompiles/bn256ScalarMul.json") {
		in, want := unhex(t, v.Input), unhex(t, v.Expected)
		out, err := call(t, "bn254_g1_mul", in)
		if err != nil || !bytes.Equal(out, want) {
			t.Errorf("bn256ScalarMul %s: %x (%v)", v.Name, out, err)
		}
		out, err = call(t, "bn254_g1_msm", in)
		if err != nil || !bytes.Equal(out, want) {
			t.Errorf("bn256ScalarMul %s via msm: %x (%v)", v.Name, out, err)
		}
		ran["mul"]++
	}
	for _, v := range vectors.Geth(t, "go-ethereum-precompiles/bn256Pairing.json") {
		in, want := unhex(t, v.Input), unhex(t, v.Expected)
		out, err := call(t, "bn254_multi_pairing_check", splitVectors(in, 64, 128))
		if len(in) == 0 {
			if err == nil {
				t.Errorf("bn256Pairing %s: empty vectors accepted", v.Name)
			}
			continue
		}
		if err != nil || len(out) != 1 || out[0] != want[31] {
			t.Errorf("bn256Pairing %s: %x (%v), want %02x", v.Name, out, err, want[31])
		}
		ran["pairing"]++
	}
	for _, k := range []string{"add", "mul", "pairing"} {
		if ran[k] == 0 {
			t.Errorf("no %s vector ran", k)
		}
	}
}
