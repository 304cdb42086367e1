package hash

import (
	"errors"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/hash/poseidon"
)

// fieldItems counts 32-byte field elements: the gas items of the Poseidon
// functions.
func fieldItems(in []byte) uint64 { return uint64(len(in) / 32) }

// permutationItems counts the Hades permutations of Dusk's sponge (rate 4):
// ceil(n/4) for n field elements, the unit its cost steps by.
func permutationItems(in []byte) uint64 { return (uint64(len(in)/32) + 3) / 4 }

// poseidonErr maps package poseidon's errors to core codes.
func poseidonErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, poseidon.ErrNonCanonical):
		return core.Errorf(core.CodeNonCanonical, "%v", err)
	case errors.Is(err, poseidon.ErrInputCount):
		return core.Errorf(core.CodeTooLarge, "%v", err)
	default:
		return core.Errorf(core.CodeMalformed, "%v", err)
	}
}

func init() {
	dispatch.Register("poseidon.bls12381_dusk", dispatch.Impl{Name: "portable", Available: true,
		Note: "own appendix-B Hades and dusk-safe sponge over field/bls12381fr (kernel: fieldmul.bls12381fr)"})
	dispatch.Register("poseidon.bn254", dispatch.Impl{Name: "portable", Available: true,
		Note: "own appendix-B Poseidon over field/bn254fr (kernel: fieldmul.bn254fr)"})
}

// PoseidonBN254 is circomlib's Poseidon over the BN254 scalar field.
var PoseidonBN254 = &core.Func{
	Name:   "poseidon_bn254",
	Family: "hash",
	Input: "n x 32-byte big-endian BN254 scalars, 1 <= n <= 16, each < r " +
		"(a length that is not a positive multiple of 32 is malformed; n > 16 is too large)",
	Output:     "32-byte big-endian circomlib Poseidon(in_1..in_n) (x^5, 8 full rounds, circomlib partial rounds, initial state 0)",
	MaxInput:   32 * poseidon.MaxInputsBN254,
	FixedOut:   32,
	Items:      fieldItems,
	Primitives: []string{"poseidon.bn254", "fieldmul.bn254fr"},
	Examples:   fieldExamples([]int{1, 2, 4, 8, 16}, true),
	Run: func(dst, in []byte) ([]byte, error) {
		out, err := poseidon.AppendHashBN254(dst, in)
		return out, poseidonErr(err)
	},
}

// PoseidonBLS12381Dusk is Dusk's Poseidon (Hades, dusk-safe sponge) over the
// BLS12-381 scalar field.
var PoseidonBLS12381Dusk = &core.Func{
	Name:   "poseidon_bls12381_dusk",
	Family: "hash",
	Input: "n x 32-byte little-endian canonical BLS12-381 scalars, n >= 1 " +
		"(a length that is not a positive multiple of 32 is malformed)",
	Output: "32-byte little-endian dusk_poseidon::Hash::digest(Domain::Other, in)[0]: Hades " +
		"(width 5, 8 full + 60 partial rounds) in the dusk-safe sponge, tag = hash_to_scalar(IO pattern || domain)",
	FixedOut:   32,
	Items:      permutationItems,
	Primitives: []string{"poseidon.bls12381_dusk", "fieldmul.bls12381fr", "blake2b_512"},
	Examples:   fieldExamples([]int{1, 2, 4, 5, 16, 64}, false),
	Run: func(dst, in []byte) ([]byte, error) {
		out, err := poseidon.AppendHashDusk(dst, in)
		return out, poseidonErr(err)
	},
}
