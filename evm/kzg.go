package evm

import (
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"sync"

	"github.com/hostcrypto/hostcrypto/dispatch"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
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

// The two G2 points of the Ethereum mainnet KZG ceremony (c-kzg-4844
// trusted_setup.txt, monomial G2 points 0 and 1) that point evaluation uses:
// [1]G2 (the generator) and [tau]G2, compressed (ZCash encoding).
const (
	setupG2Gen = "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
	setupG2Tau = "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2"
)

// kzgLines are the Miller-loop lines of [1]G2 and -[tau]G2.
type kzgLines = [2][2][len(bls12381.LoopCounter) - 1]bls12381.LineEvaluationAff

// linesPool recycles the scratch copies of the lines (48 KiB each).
var linesPool = sync.Pool{New: func() any { return new(kzgLines) }}

// kzgSetup holds the Miller-loop lines of the two fixed G2 arguments of the
// verification equation, [1]G2 and -[tau]G2.
type kzgSetup struct {
	lines kzgLines
}

var loadKZGSetup = sync.OnceValue(func() *kzgSetup {
	var gen, tau bls12381.G2Affine
	for _, p := range []struct {
		dst *bls12381.G2Affine
		hex string
	}{{&gen, setupG2Gen}, {&tau, setupG2Tau}} {
		b, err := hex.DecodeString(p.hex)
		if err != nil {
			panic("evm: internal error: trusted setup: " + err.Error())
		}
		if _, err := p.dst.SetBytes(b); err != nil {
			panic("evm: internal error: trusted setup: " + err.Error())
		}
	}
	tau.Neg(&tau)
	s := new(kzgSetup)
	s.lines[0] = bls12381.PrecomputeLines(gen)
	s.lines[1] = bls12381.PrecomputeLines(tau)
	return s
})

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
	dispatch.Register("evm.point_evaluation", dispatch.Impl{Name: "blst", Available: blstAvailable, Priority: 10,
		Note: blstNote})
	dispatch.OnSelect("evm.point_evaluation", func(impl string) { useBlstKZG = impl == "blst" })
}

// kzgToVersionedHash returns 0x01 || sha256(commitment)[1:] (EIP-4844).
func kzgToVersionedHash(commitment []byte) [32]byte {
	h := sha256.Sum256(commitment)
	h[0] = 0x01
	return h
}

// checkKZGPointEncoding checks the parts of a 48-byte compressed G1
// encoding that need no curve arithmetic, as the KZG spec's
// bytes_to_kzg_commitment / bytes_to_kzg_proof (ZCash format): the
// compression flag set, the point at infinity only as 0xc0 || 47 zero bytes,
// x canonical (< p). It reports whether the encoding is the point at
// infinity.
func checkKZGPointEncoding(b []byte) (infinity bool, err error) {
	flags := b[0] & 0xe0
	if flags&0x80 == 0 {
		return false, core.Errorf(core.CodeMalformed, "evm: point evaluation: G1 point is not compressed")
	}
	if flags&0x40 != 0 {
		if flags&0x20 != 0 || b[0]&0x1f != 0 {
			return false, core.Errorf(core.CodeMalformed, "evm: point evaluation: bad infinity encoding")
		}
		for _, c := range b[1:] {
			if c != 0 {
				return false, core.Errorf(core.CodeMalformed, "evm: point evaluation: bad infinity encoding")
			}
		}
		return true, nil
	}
	var xb [fp.Bytes]byte
	copy(xb[:], b)
	xb[0] &= 0x1f
	var x fp.Element
	if err := x.SetBytesCanonical(xb[:]); err != nil {
		return false, core.Errorf(core.CodeNonCanonical, "evm: point evaluation: G1 x-coordinate >= p")
	}
	return false, nil
}

var (
	errKZGNotOnCurve    = core.Errorf(core.CodeInvalidPoint, "evm: point evaluation: G1 point not on curve")
	errKZGNotInSubgroup = core.Errorf(core.CodeNotInSubgroup, "evm: point evaluation: G1 point not in subgroup")
)

// decodeKZGPoint decodes a 48-byte compressed G1 point that passed
// checkKZGPointEncoding with gnark-crypto: x must be the abscissa of a curve
// point and the point must lie in the prime-order subgroup.
func decodeKZGPoint(b []byte) (bls12381.G1Affine, error) {
	var p bls12381.G1Affine
	if inf, err := checkKZGPointEncoding(b); err != nil || inf {
		return p, err // (0, 0) is gnark-crypto's affine infinity
	}
	if _, err := p.SetBytes(b); err != nil {
		// Flags and x are valid: either x^3 + 4 is not a square (no curve
		// point) or the point is outside the prime-order subgroup.
		var xb [fp.Bytes]byte
		copy(xb[:], b)
		xb[0] &= 0x1f
		var x, rhs, four fp.Element
		x.SetBytes(xb[:])
		rhs.Square(&x).Mul(&rhs, &x)
		four.SetUint64(4)
		rhs.Add(&rhs, &four)
		if rhs.Legendre() == -1 {
			return p, errKZGNotOnCurve
		}
		return p, errKZGNotInSubgroup
	}
	return p, nil
}

// pointEvalRun is the point evaluation precompile (0x0a, EIP-4844). It checks
// that versioned_hash = 0x01 || sha256(commitment)[1:], that z and y are
// canonical scalars (< r), that commitment C and proof pi decode (see
// decodeKZGPoint), and that the KZG opening holds:
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
	if useBlstKZG {
		return verifyKZGBlst(commitment, in[144:192], &z, &y)
	}
	return verifyKZGGnark(commitment, in[144:192], &z, &y)
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

// verifyKZGGnark decodes C and pi and evaluates the opening check with
// gnark-crypto (see pointEvalRun).
func verifyKZGGnark(commitment, proof []byte, z, y *fr.Element) (bool, error) {
	c, err := decodeKZGPoint(commitment)
	if err != nil {
		return false, err
	}
	pi, err := decodeKZGPoint(proof)
	if err != nil {
		return false, err
	}

	// P = C + [r - y]G1 + [z]pi.
	var negY fr.Element
	negY.Neg(y)
	var sY, sZ big.Int
	negY.BigInt(&sY)
	z.BigInt(&sZ)
	var acc, cj bls12381.G1Jac
	acc.JointScalarMultiplicationBase(&pi, &sY, &sZ)
	cj.FromAffine(&c)
	acc.AddAssign(&cj)
	var p bls12381.G1Affine
	p.FromJacobian(&acc)

	setup := loadKZGSetup()
	// MillerLoopFixedQ scales the lines it is given in place: work on a
	// pooled copy.
	buf := linesPool.Get().(*kzgLines)
	defer linesPool.Put(buf)
	*buf = setup.lines
	ok, err := bls12381.PairingCheckFixedQ([]bls12381.G1Affine{p, pi}, buf[:])
	if err != nil {
		return false, core.Errorf(core.CodeInternal, "evm: point evaluation: %v", err)
	}
	return ok, nil
}
