package hash

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/hash/poseidon"
)

// HashToScalarBLS12381 is Dusk's BlsScalar::hash.
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
