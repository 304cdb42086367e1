package near

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// NEAR's bls12381_* host functions (nearcore runtime/near-vm-runner
// src/logic/bls12381.rs, blst, BLS12381_NOT_IN_GROUP_FIX_VERSION rules).
// Each takes one value of k >= 0 fixed-size items; NEAR answers a host
// error (BLS12381InvalidInput) when the length is not a multiple of the
// item, 1 for any other bad input and 0 with the result in the register
// (the pairing check: 0 one, 2 not one). docs/profiles.md maps the status
// codes.
var (
	// BLS12381P1Sum is bls12381_p1_sum(value): k items (sign byte 0/1 ||
	// G1 96), exactly bls12381_g1_sum_zcash's input.
	BLS12381P1Sum = alias("bls12381_p1_sum", ops.BLS12381G1SumZcash, "k x (sign (1: 0 add, 1 subtract) || G1 96, Zcash uncompressed)")
	// BLS12381P2Sum is bls12381_p2_sum(value).
	BLS12381P2Sum = alias("bls12381_p2_sum", ops.BLS12381G2SumZcash, "k x (sign (1: 0 add, 1 subtract) || G2 192, Zcash uncompressed)")
	// BLS12381G1Multiexp is bls12381_g1_multiexp(value): k items (G1 96 ||
	// scalar 32 little-endian), each scalar reversed into
	// bls12381_g1_msm_zcash's big-endian; k = 0 is infinity.
	BLS12381G1Multiexp = multiexp("bls12381_g1_multiexp", ops.BLS12381G1MSMZcash, bls12381.G1SizeUncompressed)
	// BLS12381G2Multiexp is bls12381_g2_multiexp(value).
	BLS12381G2Multiexp = multiexp("bls12381_g2_multiexp", ops.BLS12381G2MSMZcash, bls12381.G2SizeUncompressed)
	// BLS12381MapFpToG1 is bls12381_map_fp_to_g1(value): k Fp elements (48,
	// big-endian, < p), each mapped by bls12381_map_fp_to_g1_zcash; the k
	// points concatenated.
	BLS12381MapFpToG1 = each("bls12381_map_fp_to_g1", ops.BLS12381MapFpToG1Zcash, bls12381.FpSize, bls12381.G1SizeUncompressed,
		"k x Fp (48, big-endian, < p)")
	// BLS12381MapFp2ToG2 is bls12381_map_fp2_to_g2(value): k Fp2 elements
	// (c1 || c0, 96).
	BLS12381MapFp2ToG2 = each("bls12381_map_fp2_to_g2", ops.BLS12381MapFp2ToG2Zcash, 2*bls12381.FpSize, bls12381.G2SizeUncompressed,
		"k x Fp2 (96: c1 || c0, big-endian, each < p)")
	// BLS12381P1Decompress is bls12381_p1_decompress(value): k compressed
	// G1 points (48), each decompressed by bls12381_g1_decompress_on_curve
	// (no subgroup check); the k uncompressed points concatenated.
	BLS12381P1Decompress = each("bls12381_p1_decompress", ops.BLS12381G1DecompressOnCurve, bls12381.G1SizeCompressed,
		bls12381.G1SizeUncompressed, "k x G1 (48, Zcash compressed)")
	// BLS12381P2Decompress is bls12381_p2_decompress(value).
	BLS12381P2Decompress = each("bls12381_p2_decompress", ops.BLS12381G2DecompressOnCurve, bls12381.G2SizeCompressed,
		bls12381.G2SizeUncompressed, "k x G2 (96, Zcash compressed)")
	// BLS12381PairingCheck is bls12381_pairing_check(value): k pairs (G1 96
	// || G2 192), exactly bls12381_pairing_check_zcash's input; k = 0 is
	// 0x01 (the empty product, NEAR's 0).
	BLS12381PairingCheck = pairingCheck()
)

const scalarLen = 32

// infinity returns the Zcash uncompressed point at infinity of size n.
func infinity(dst []byte, n int) []byte {
	dst = append(dst, 0x40)
	return append(dst, make([]byte, n-1)...)
}

// reverseScalars turns k items (point || 32-byte scalar) from one scalar
// byte order to the other; a length that is not a multiple of the item is
// malformed_input.
func reverseScalars(name string, pointLen int, in []byte) ([]byte, error) {
	item := pointLen + scalarLen
	if len(in)%item != 0 {
		return nil, core.Errorf(core.CodeMalformed, "near: %s input is %d bytes, not a multiple of %d", name, len(in), item)
	}
	out := append([]byte(nil), in...)
	for off := 0; off < len(out); off += item {
		s := out[off+pointLen : off+item]
		for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
			s[i], s[j] = s[j], s[i]
		}
	}
	return out, nil
}

// multiexp is near:bls12381_g1_multiexp/_g2_multiexp: little-endian
// scalars reversed into target's big-endian ones, k = 0 the point at
// infinity (nearcore starts from blst's identity and adds nothing).
func multiexp(name string, target *core.Func, pointLen int) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "near",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input: "k >= 0 items (point, Zcash uncompressed || scalar 32 little-endian, any 256-bit value), each point in its subgroup: " +
			"each scalar reversed into " + target.Name + "'s big-endian (NEAR " + name + "); k = 0 gives the point at infinity",
		Output:   "as " + target.Name,
		FixedOut: pointLen,
		// Reversing the scalars keeps the length, and the target counts
		// its items from the length alone (msmItems), so pricing needs no
		// copy of the input.
		Items: func(in []byte) uint64 {
			if len(in) == 0 || len(in)%(pointLen+scalarLen) != 0 {
				return 0
			}
			return target.ItemCount(in)
		},
		Examples: func() []core.Example {
			var ex []core.Example
			for _, e := range target.Examples() {
				in, err := reverseScalars(name, pointLen, e.Input)
				if err == nil {
					ex = append(ex, core.Example{Name: e.Name, Input: in, Worst: e.Worst})
				}
			}
			return ex
		},
		Run: func(dst, in []byte) ([]byte, error) {
			t, err := reverseScalars(name, pointLen, in)
			if err != nil {
				return dst, err
			}
			if len(t) == 0 {
				return infinity(dst, pointLen), nil
			}
			return core.Execute(target, dst, t)
		},
	}
}

// each is a NEAR function over k >= 0 items of size in, each run through
// target (whose output has size out), the outputs concatenated; the first
// failing item's status is the answer (NEAR: 1).
func each(name string, target *core.Func, in, out int, layout string) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "near",
		MaxInput: core.DefaultMaxInput,
		Targets:  []*core.Func{target},
		Input:    layout + ", k >= 0: each item through " + target.Name + " (NEAR " + name + ")",
		Output:   "k outputs of " + target.Name + " concatenated (" + itoa(out) + "·k bytes; k = 0: empty)",
		OutLen:   func(b []byte) int { return len(b) / in * out },
		Items:    func(b []byte) uint64 { return uint64(len(b) / in) },
		Examples: func() []core.Example {
			var ex []core.Example
			for _, e := range target.Examples() {
				if len(e.Input) != in {
					continue
				}
				for _, k := range []int{1, 8, 32} {
					var b []byte
					for range k {
						b = append(b, e.Input...)
					}
					ex = append(ex, core.Example{Name: itoa(k) + "x" + e.Name, Input: b, Worst: e.Worst})
				}
			}
			return ex
		},
		Run: func(dst, b []byte) ([]byte, error) {
			if len(b)%in != 0 {
				return dst, core.Errorf(core.CodeMalformed, "near: %s input is %d bytes, not a multiple of %d", name, len(b), in)
			}
			start := len(dst)
			for off := 0; off < len(b); off += in {
				var err error
				if dst, err = core.Execute(target, dst, b[off:off+in]); err != nil {
					return dst[:start], err
				}
			}
			return dst, nil
		},
	}
}

// pairingCheck is near:bls12381_pairing_check.
func pairingCheck() *core.Func {
	target := ops.BLS12381PairingCheckZcash
	const pair = bls12381.G1SizeUncompressed + bls12381.G2SizeUncompressed
	return &core.Func{
		Name:     prefix + "bls12381_pairing_check",
		Family:   "near",
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input: "k >= 0 pairs (G1 96 || G2 192, Zcash uncompressed, each in its subgroup): " + target.Name +
			"'s input, k = 0 accepted (NEAR bls12381_pairing_check)",
		Output:   "one byte: 0x01 if Π e(P_i, Q_i) = 1 (k = 0 included; NEAR 0), else 0x00 (NEAR 2)",
		FixedOut: 1,
		Items:    func(b []byte) uint64 { return uint64(len(b) / pair) },
		Examples: target.Examples,
		Run: func(dst, b []byte) ([]byte, error) {
			if len(b)%pair != 0 {
				return dst, core.Errorf(core.CodeMalformed, "near: bls12381_pairing_check input is %d bytes, not a multiple of %d", len(b), pair)
			}
			if len(b) == 0 {
				return core.Verdict(dst, true), nil
			}
			return core.Execute(target, dst, b)
		},
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
