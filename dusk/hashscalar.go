package dusk

import (
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/hash/poseidon"
)

// HashToScalarBLS12381 is Dusk's BlsScalar::hash (dusk:hash forwards to
// it). Its family stays "hash", as its catalogue name and gas rule.
var HashToScalarBLS12381 = &core.Func{
	Name:       "hash_to_scalar_bls12381",
	Family:     "hash",
	Input:      "raw bytes (any length up to the limit)",
	Output:     "32-byte little-endian BLS12-381 scalar: BLAKE2b-512(input) read little-endian, mod r (Dusk's BlsScalar::hash)",
	FixedOut:   32,
	Primitives: []string{"blake2b_512"},
	Examples:   sizeExamples,
	Run: func(dst, in []byte) ([]byte, error) {
		return poseidon.AppendScalarLE(dst, poseidon.HashToScalarBLS12381(in)), nil
	},
}

// sizeExamples returns inputs of 0 B to 64 KiB. For a byte hash every input
// of a given length costs the same, so each is also the worst case.
func sizeExamples() []core.Example {
	var ex []core.Example
	for _, n := range []int{0, 32, 1 << 10, 16 << 10, 64 << 10} {
		in := make([]byte, n)
		for i := range in {
			in[i] = byte(i*131 + 7)
		}
		name := strconv.Itoa(n) + "B"
		if n >= 1<<10 {
			name = strconv.Itoa(n>>10) + "KiB"
		}
		ex = append(ex, core.Example{Name: name, Input: in, Worst: true})
	}
	return ex
}
