package evm

import (
	"crypto/sha256"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/pairing/kzg"
)

// pointEvalInputLen is the only input length of the point evaluation
// precompile: versioned_hash(32) || z(32) || y(32) || commitment(48) ||
// proof(48).
const pointEvalInputLen = 192

// pointEvalOutput is the precompile's success output:
// uint256(FIELD_ELEMENTS_PER_BLOB = 4096) || uint256(BLS_MODULUS).
var pointEvalOutput = [64]byte{
	30: 0x10,
	32: 0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
	0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
}

// useBlstKZG selects the blst implementation of the opening check
// (dispatch primitive "evm.point_evaluation").
var useBlstKZG bool

func init() {
	// gnark-crypto is the default: with precomputed G2 lines its check costs
	// about 590 us of CPU on the reference machine, blst's (two Miller loops
	// and a shared final exponentiation, no precomputed-lines API in its Go
	// binding) about 850 us.
	dispatch.Register("evm.point_evaluation", dispatch.Impl{Name: "gnark", Available: true, Priority: 20,
		Note: "gnark-crypto BLS12-381, fixed-G2 Miller loop lines"})
	dispatch.Register("evm.point_evaluation", dispatch.Impl{Name: "blst", Available: kzg.BlstAvailable, Priority: 10,
		Note: kzg.BlstNote})
	dispatch.OnSelect("evm.point_evaluation", func(impl string) { useBlstKZG = impl == "blst" })
}

// kzgToVersionedHash returns 0x01 || sha256(commitment)[1:] (EIP-4844).
func kzgToVersionedHash(commitment []byte) [32]byte {
	h := sha256.Sum256(commitment)
	h[0] = 0x01
	return h
}

// pointEvalRun is the point evaluation precompile (0x0a, EIP-4844). It checks
// that versioned_hash = 0x01 || sha256(commitment)[1:], that z and y are
// canonical scalars (< r), that commitment C and proof pi decode (see
// kzg.DecodePoint), and that the KZG opening holds (kzg.Verify):
//
//	e(C - [y]G1, G2) = e(pi, [tau]G2 - [z]G2)
//
// evaluated as the equivalent two-pair product with fixed G2 arguments
//
//	e(C + [r-y]G1 + [z]pi, G2) * e(pi, -[tau]G2) = 1
//
// whose Miller-loop lines are precomputed. On success it appends
// uint256(4096) || uint256(BLS_MODULUS); every failure is an error, as in
// go-ethereum (a proof that does not verify is CodeNoResult).
func pointEvalRun(dst, in []byte) ([]byte, error) {
	ok, err := checkPointEval(in, true)
	if err != nil {
		return dst, err
	}
	if !ok {
		return dst, core.Errorf(core.CodeNoResult, "evm: point evaluation: kzg proof does not verify")
	}
	return append(dst, pointEvalOutput[:]...), nil
}

// checkPointEval runs the checks of pointEvalRun and reports whether the
// opening holds. With checkHash it first requires the versioned hash to
// match (an error otherwise, as go-ethereum fails); without, it ignores it.
func checkPointEval(in []byte, checkHash bool) (bool, error) {
	if len(in) != pointEvalInputLen {
		return false, core.Errorf(core.CodeMalformed, "evm: point evaluation: input is %d bytes, want 192", len(in))
	}
	commitment := in[96:144]
	if checkHash && !versionedHashMatches(in) {
		return false, core.Errorf(core.CodeMalformed, "evm: point evaluation: versioned hash does not match commitment")
	}
	var z, y fr.Element
	if err := z.SetBytesCanonical(in[32:64]); err != nil {
		return false, core.Errorf(core.CodeNonCanonical, "evm: point evaluation: z >= BLS_MODULUS")
	}
	if err := y.SetBytesCanonical(in[64:96]); err != nil {
		return false, core.Errorf(core.CodeNonCanonical, "evm: point evaluation: y >= BLS_MODULUS")
	}
	return kzg.Verify(commitment, in[144:192], &z, &y, useBlstKZG)
}

func versionedHashMatches(in []byte) bool {
	vh := kzgToVersionedHash(in[96:144])
	return string(vh[:]) == string(in[:32])
}

// kzgPointEvaluationRun is the named function kzg_point_evaluation: the
// precompile's input and checks, answering one byte. Malformed encodings
// (length, scalars >= r, points off the curve or outside the subgroup) are
// errors; a well-formed input whose versioned hash does not match the
// commitment, or whose opening does not hold, is 0x00.
func kzgPointEvaluationRun(dst, in []byte) ([]byte, error) {
	ok, err := checkPointEval(in, false)
	if err != nil {
		return dst, err
	}
	return core.Verdict(dst, ok && versionedHashMatches(in)), nil
}

// KZGPointEvaluation is the EIP-4844 point evaluation as a verification
// function (one verdict byte instead of the precompile's output words).
var KZGPointEvaluation = &core.Func{
	Name:   "kzg_point_evaluation",
	Family: "zk",
	Input: "192 bytes (EIP-4844): versioned_hash (32) || z (32, BE < r) || y (32, BE < r) || " +
		"commitment (48, compressed G1) || proof (48, compressed G1)",
	Output: "0x01 if versioned_hash = 0x01 || sha256(commitment)[1:] and the KZG opening p(z) = y holds " +
		"under the Ethereum mainnet trusted setup, else 0x00",
	FixedOut:   1,
	Primitives: []string{"evm.point_evaluation"},
	Examples:   pointEvalExamples,
	Run:        kzgPointEvaluationRun,
}
