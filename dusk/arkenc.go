package dusk

import (
	"encoding/binary"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

// Encoders for arkworks 0.4's canonical serialization (the inverse of
// arkser.go), used to build examples and test inputs.

func appendFq(dst []byte, e *fp.Element, flags swFlags) []byte {
	var b [32]byte
	fp.LittleEndian.PutElement(&b, *e)
	b[31] |= byte(flags)
	return append(dst, b[:]...)
}

func appendFq2(dst []byte, e *bn254.E2, flags swFlags) []byte {
	dst = appendFq(dst, &e.A0, 0)
	return appendFq(dst, &e.A1, flags)
}

// yFlag is the arkworks flag of an affine y: negative iff y > -y.
func yFlagFq(y *fp.Element) swFlags {
	var n fp.Element
	n.Neg(y)
	if y.Cmp(&n) > 0 {
		return flagNegative
	}
	return flagPositive
}

func yFlagFq2(y *bn254.E2) swFlags {
	var n bn254.E2
	n.Neg(y)
	if cmpFq2(y, &n) > 0 {
		return flagNegative
	}
	return flagPositive
}

func appendG1Uncompressed(dst []byte, p *bn254.G1Affine) []byte {
	if p.IsInfinity() {
		var z fp.Element
		return appendFq(appendFq(dst, &z, 0), &z, flagInfinity)
	}
	return appendFq(appendFq(dst, &p.X, 0), &p.Y, yFlagFq(&p.Y))
}

func appendG2Uncompressed(dst []byte, p *bn254.G2Affine) []byte {
	if p.IsInfinity() {
		var z bn254.E2
		return appendFq2(appendFq2(dst, &z, 0), &z, flagInfinity)
	}
	return appendFq2(appendFq2(dst, &p.X, 0), &p.Y, yFlagFq2(&p.Y))
}

func appendG1Compressed(dst []byte, p *bn254.G1Affine) []byte {
	if p.IsInfinity() {
		var z fp.Element
		return appendFq(dst, &z, flagInfinity)
	}
	return appendFq(dst, &p.X, yFlagFq(&p.Y))
}

func appendG2Compressed(dst []byte, p *bn254.G2Affine) []byte {
	if p.IsInfinity() {
		var z bn254.E2
		return appendFq2(dst, &z, flagInfinity)
	}
	return appendFq2(dst, &p.X, yFlagFq2(&p.Y))
}

func appendG2Prepared(dst []byte, p *g2Prepared) []byte {
	dst = binary.LittleEndian.AppendUint64(dst, uint64(len(p.coeffs)))
	for i := range p.coeffs {
		for j := range p.coeffs[i] {
			dst = appendFq2(dst, &p.coeffs[i][j], 0)
		}
	}
	if p.infinity {
		return append(dst, 1)
	}
	return append(dst, 0)
}

// appendPVK serializes a PreparedVerifyingKey<Bn254> uncompressed, with
// alpha_g1_beta_g2 = e(alpha, beta) and the prepared -gamma, -delta.
func appendPVK(dst []byte, alpha *bn254.G1Affine, beta, gamma, delta *bn254.G2Affine, abc []bn254.G1Affine) []byte {
	dst = appendG1Uncompressed(dst, alpha)
	dst = appendG2Uncompressed(dst, beta)
	dst = appendG2Uncompressed(dst, gamma)
	dst = appendG2Uncompressed(dst, delta)
	dst = binary.LittleEndian.AppendUint64(dst, uint64(len(abc)))
	for i := range abc {
		dst = appendG1Uncompressed(dst, &abc[i])
	}
	ab, err := bn254.Pair([]bn254.G1Affine{*alpha}, []bn254.G2Affine{*beta})
	if err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	for _, c6 := range []*bn254.E6{&ab.C0, &ab.C1} {
		for _, c2 := range []*bn254.E2{&c6.B0, &c6.B1, &c6.B2} {
			dst = appendFq2(dst, c2, 0)
		}
	}
	var ng, nd bn254.G2Affine
	ng.Neg(gamma)
	nd.Neg(delta)
	gp, dp := prepareG2(&ng), prepareG2(&nd)
	dst = appendG2Prepared(dst, &gp)
	return appendG2Prepared(dst, &dp)
}
