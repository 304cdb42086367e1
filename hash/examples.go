package hash

import (
	"encoding/binary"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
)

// Examples of the structured hash functions, for benchmarks, gas
// calibration and fuzz seeds. Worst marks the costliest shape per size.

// blake2fExamples: cost is linear in the round count (the gas item); the
// other 209 bytes do not change it.
func blake2fExamples() []core.Example {
	var ex []core.Example
	for _, r := range []uint32{0, 12, 1024, 16384} {
		in := make([]byte, 213)
		binary.BigEndian.PutUint32(in, r)
		for i := 4; i < 212; i++ {
			in[i] = byte(i * 37)
		}
		in[212] = 1
		ex = append(ex, core.Example{Name: strconv.Itoa(int(r)) + "rounds", Input: in, Worst: true})
	}
	return ex
}

// h2cExamples: RFC 9380 cost is dominated by the two map-to-curve
// evaluations and cofactor clearing; the message adds SHA-256 blocks and
// the maximal 255-byte DST the most expand_message_xmd work per call.
func h2cExamples() []core.Example {
	var ex []core.Example
	for _, n := range []int{0, 32, 1 << 10, 16 << 10} {
		dst := make([]byte, 255)
		for i := range dst {
			dst[i] = 'A' + byte(i%26)
		}
		in := append([]byte{255}, dst...)
		for i := 0; i < n; i++ {
			in = append(in, byte(i))
		}
		ex = append(ex, core.Example{Name: sizeName(n), Input: in, Worst: true})
	}
	return ex
}

// scalarInputs returns n canonical 32-byte scalars (big- or little-endian),
// all close to the modulus size so that no reduction shortcut applies.
func scalarInputs(n int, littleEndian bool) []byte {
	in := make([]byte, 32*n)
	for i := 0; i < n; i++ {
		e := in[32*i : 32*i+32]
		for j := range e {
			e[j] = byte(i*7 + j*13 + 1)
		}
		// Top byte 0x1f keeps the value below both BN254 and BLS12-381 r.
		if littleEndian {
			e[31] = 0x1f
		} else {
			e[0] = 0x1f
		}
	}
	return in
}

// poseidonExamples: cost grows with the width (inputs + 1), so every count
// is its own worst case.
func poseidonExamples(counts []int, littleEndian bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, n := range counts {
			ex = append(ex, core.Example{Name: strconv.Itoa(n) + "inputs", Input: scalarInputs(n, littleEndian), Worst: true})
		}
		return ex
	}
}
