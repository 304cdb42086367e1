package hash

import (
	"encoding/binary"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
)

// blake2fExamples: F costs the same for every input with the same round
// count, so each example is a worst case for its gas items.
func blake2fExamples() []core.Example {
	var ex []core.Example
	for _, rounds := range []uint32{0, 12, 1024, 65536} {
		in := make([]byte, blake2fInputLen)
		binary.BigEndian.PutUint32(in, rounds)
		for i := 4; i < 212; i++ {
			in[i] = byte(i * 37)
		}
		in[212] = 1
		ex = append(ex, core.Example{Name: strconv.Itoa(int(rounds)) + "rounds", Input: in, Worst: true})
	}
	return ex
}

// fieldExamples returns n-element inputs for the Poseidon functions: every
// element is a canonical value with all limbs populated (the cost does not
// depend on the values), big- or little-endian as the function reads them.
func fieldExamples(counts []int, bigEndian bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, n := range counts {
			in := make([]byte, 32*n)
			for i := 0; i < n; i++ {
				e := in[32*i : 32*i+32]
				for j := range e {
					e[j] = byte(i*29 + j*7 + 1)
				}
				// Clear the top bits so the value is below both moduli
				// (r > 2^253 for BN254 and BLS12-381).
				if bigEndian {
					e[0] &= 0x0f
				} else {
					e[31] &= 0x0f
				}
			}
			ex = append(ex, core.Example{Name: strconv.Itoa(n) + "elems", Input: in, Worst: true})
		}
		return ex
	}
}

// h2cExamples: the RFC 9380 test DST with messages of 0 B to 512 KiB, and
// the longest DST (255 bytes, hashed in every block of expand_message_xmd);
// the cost is the fixed map-to-curve and cofactor work plus SHA-256 over
// the message.
func h2cExamples() []core.Example {
	dst := "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"
	msg := func(n int) []byte {
		m := make([]byte, n)
		for i := range m {
			m[i] = byte(i*131 + 7)
		}
		return m
	}
	var ex []core.Example
	for _, n := range []int{0, 32, 1 << 10, 16 << 10, 256 << 10, 512 << 10} {
		ex = append(ex, core.Example{Name: sizeName(n), Input: h2cInput(dst, msg(n)), Worst: true})
	}
	long := make([]byte, 255)
	for i := range long {
		long[i] = 'A' + byte(i%26)
	}
	ex = append(ex, core.Example{Name: "dst255-32B", Input: h2cInput(string(long), msg(32)), Worst: true})
	return ex
}

// h2cInput encodes the hash-to-curve input: 1-byte DST length || DST || msg.
func h2cInput(dst string, msg []byte) []byte {
	return append(append([]byte{byte(len(dst))}, dst...), msg...)
}
