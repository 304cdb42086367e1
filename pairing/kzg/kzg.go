// Package kzg is the one KZG opening check of the library (EIP-4844 /
// c-kzg-4844 verify_kzg_proof with the Ethereum mainnet trusted setup),
// shared by the EVM point evaluation (evm:0x0a, kzg_point_evaluation) and
// Dusk's verify_kzg_proof (kzg_verify_proof_dusk):
//
//	e(C - [y]G1, G2) = e(pi, [tau]G2 - [z]G2)
//
// C and pi are 48-byte compressed G1 points (Zcash encoding, subgroup-
// checked, the identity allowed), z and y scalars < r. DecodePoint gives the
// status codes of a bad point; Verify (gnark-crypto or blst) and VerifyPoints
// (gnark-crypto, decoded points) evaluate the check. Callers keep their own
// dispatch primitive and validation order.
package kzg

import (
	"encoding/hex"
	"math/big"
	"sync"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	zcash "github.com/hostcrypto/hostcrypto/curves/bls12381"
)

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
			panic("kzg: internal error: trusted setup: " + err.Error())
		}
		if _, err := p.dst.SetBytes(b); err != nil {
			panic("kzg: internal error: trusted setup: " + err.Error())
		}
	}
	tau.Neg(&tau)
	s := new(kzgSetup)
	s.lines[0] = bls12381.PrecomputeLines(gen)
	s.lines[1] = bls12381.PrecomputeLines(tau)
	return s
})

var (
	errKZGNotOnCurve    = core.Errorf(core.CodeInvalidPoint, "kzg: G1 point not on curve")
	errKZGNotInSubgroup = core.Errorf(core.CodeNotInSubgroup, "kzg: G1 point not in subgroup")
)

// DecodePoint decodes a 48-byte compressed G1 point (commitment or proof)
// with gnark-crypto: flags and x as curves/bls12381.CheckCompressed checks them
// (core.ErrMalformed, core.ErrNonCanonical), x the abscissa of a curve point
// (core.ErrInvalidPoint), the point in the prime-order subgroup
// (core.ErrNotInSubgroup). The identity is allowed, as (0, 0).
func DecodePoint(b []byte) (bls12381.G1Affine, error) {
	var p bls12381.G1Affine
	if inf, err := zcash.CheckCompressed(b, 1); err != nil || inf {
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

// Verify decodes the commitment C and then the proof pi (DecodePoint) and
// reports whether the opening p(z) = y holds, with blst when useBlst is set
// (a build without blst answers core.ErrUnsupported; see BlstAvailable),
// else with gnark-crypto.
func Verify(commitment, proof []byte, z, y *fr.Element, useBlst bool) (bool, error) {
	if useBlst {
		return verifyBlst(commitment, proof, z, y)
	}
	c, err := DecodePoint(commitment)
	if err != nil {
		return false, err
	}
	pi, err := DecodePoint(proof)
	if err != nil {
		return false, err
	}
	return VerifyPoints(&c, &pi, z, y)
}

// VerifyPoints reports whether the opening p(z) = y holds for decoded
// points with gnark-crypto, evaluated as the two-pair product with fixed G2
// arguments
//
//	e(C + [r-y]G1 + [z]pi, G2) * e(pi, -[tau]G2) = 1
//
// whose Miller-loop lines are precomputed.
func VerifyPoints(c, pi *bls12381.G1Affine, z, y *fr.Element) (bool, error) {

	// P = C + [r - y]G1 + [z]pi.
	var negY fr.Element
	negY.Neg(y)
	var sY, sZ big.Int
	negY.BigInt(&sY)
	z.BigInt(&sZ)
	var acc, cj bls12381.G1Jac
	acc.JointScalarMultiplicationBase(pi, &sY, &sZ)
	cj.FromAffine(c)
	acc.AddAssign(&cj)
	var p bls12381.G1Affine
	p.FromJacobian(&acc)

	setup := loadKZGSetup()
	// MillerLoopFixedQ scales the lines it is given in place: work on a
	// pooled copy.
	buf := linesPool.Get().(*kzgLines)
	defer linesPool.Put(buf)
	*buf = setup.lines
	ok, err := bls12381.PairingCheckFixedQ([]bls12381.G1Affine{p, *pi}, buf[:])
	if err != nil {
		return false, core.Errorf(core.CodeInternal, "kzg: pairing: %v", err)
	}
	return ok, nil
}
