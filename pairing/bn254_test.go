package pairing_test

import (
	"bytes"
	"math/big"
	"testing"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// The BN254 failure cases go-ethereum does not ship, each checked against
// the text of EIP-196 (ECADD, ECMUL) and EIP-197 (ECPAIRING):
//
//   - EIP-196: "Input ... Real numbers are encoded as 32-byte big-endian; if
//     either of the numbers is not less than p, or the point is not on the
//     curve, the call fails"; (0, 0) is the point at infinity; input shorter
//     than expected is virtually padded with zeros at the end, bytes past
//     the expected length are ignored;
//   - EIP-197: "the input must have a length that is a multiple of 192,
//     otherwise fail"; a G2 point that is not in the subgroup of order r
//     fails; an empty input returns 1.

func fpPlus(k int64) []byte {
	return new(big.Int).Add(fp.Modulus(), big.NewInt(k)).FillBytes(make([]byte, 32))
}

func g1Enc(p *bn.G1Affine) []byte { return bn254.AppendG1(nil, p) }
func g2Enc(p *bn.G2Affine) []byte { return bn254.AppendG2(nil, p) }

// twistPointNotInG2 returns a point on the twist outside G2.
func twistPointNotInG2() []byte {
	var p bn.G2Affine
	var three fp.Element
	three.SetUint64(3)
	var xi bn.E2
	xi.A0.SetUint64(9)
	xi.A1.SetOne()
	var bt bn.E2
	bt.Inverse(&xi).MulByElement(&bt, &three) // b' = 3/(9+u)
	for x := uint64(1); ; x++ {
		p.X.A0.SetUint64(x)
		var y2 bn.E2
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &bt)
		if y2.Legendre() == 1 {
			p.Y.Sqrt(&y2)
			if p.IsOnCurve() && !p.IsInSubGroup() {
				return g2Enc(&p)
			}
		}
	}
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestBN254Failures(t *testing.T) {
	_, _, g1, g2 := bn.Generators()
	G := g1Enc(&g1)
	var g1neg bn.G1Affine
	g1neg.Neg(&g1)
	var g3 bn.G1Affine
	g3.ScalarMultiplication(&g1, big.NewInt(3))
	Q := g2Enc(&g2)
	zero64 := make([]byte, 64)
	offCurve := cat(G[:32], make([]byte, 31), []byte{3}) // (1, 3)
	xIsP := cat(fpPlus(0), G[32:])                       // x = p
	xIsP1 := cat(fpPlus(1), G[32:])                      // x = p+1 ≡ 1: same residue as G's x
	yIsP2 := cat(G[:32], fpPlus(2))                      // y = p+2 ≡ 2
	badG2 := twistPointNotInG2()
	offTwist := bytes.Clone(Q)
	offTwist[127] ^= 1
	g2CoordP := cat(fpPlus(0), Q[32:]) // x.c1 = p
	rBytes := fr.Modulus().FillBytes(make([]byte, 32))
	r1Bytes := new(big.Int).Add(fr.Modulus(), big.NewInt(1)).FillBytes(make([]byte, 32))

	type tc struct {
		name, fn string
		in       []byte
		want     []byte    // on success
		code     core.Code // on failure (0: success)
	}
	cases := []tc{
		// ECADD
		{"add empty input is O+O", "bn254_g1_add", nil, zero64, 0},
		{"add G + zero padding", "bn254_g1_add", G, G, 0},
		{"add ignores bytes past 128", "bn254_g1_add", cat(G, zero64, []byte{0xff, 0xff}), G, 0},
		{"add G + (-G)", "bn254_g1_add", cat(G, g1Enc(&g1neg)), zero64, 0},
		{"add x = p", "bn254_g1_add", cat(xIsP, G), nil, core.CodeNonCanonical},
		{"add x = p+1", "bn254_g1_add", cat(G, xIsP1), nil, core.CodeNonCanonical},
		{"add y = p+2", "bn254_g1_add", cat(yIsP2, G), nil, core.CodeNonCanonical},
		{"add off curve", "bn254_g1_add", cat(G, offCurve), nil, core.CodeInvalidPoint},
		{"add padding makes (1, 0)", "bn254_g1_add", cat(G, G[:32]), nil, core.CodeInvalidPoint},
		// ECMUL
		{"mul empty input", "bn254_g1_mul", nil, zero64, 0},
		{"mul 3G", "bn254_g1_mul", cat(G, big.NewInt(3).FillBytes(make([]byte, 32))), g1Enc(&g3), 0},
		{"mul short scalar padded on the right", "bn254_g1_mul", cat(G, []byte{0}), zero64, 0},
		{"mul by r", "bn254_g1_mul", cat(G, rBytes), zero64, 0},
		{"mul by r+1", "bn254_g1_mul", cat(G, r1Bytes), G, 0},
		{"mul ignores bytes past 96", "bn254_g1_mul", cat(G, r1Bytes, []byte{1, 2, 3}), G, 0},
		{"mul x = p", "bn254_g1_mul", cat(xIsP, rBytes), nil, core.CodeNonCanonical},
		{"mul off curve", "bn254_g1_mul", cat(offCurve, rBytes), nil, core.CodeInvalidPoint},
		// MSM (strict lengths, like EIP-2537)
		{"msm empty", "bn254_g1_msm", nil, nil, core.CodeMalformed},
		{"msm 95 bytes", "bn254_g1_msm", cat(G, rBytes[:31]), nil, core.CodeMalformed},
		{"msm 97 bytes", "bn254_g1_msm", cat(G, rBytes, []byte{0}), nil, core.CodeMalformed},
		{"msm G·(r+1) + G·3", "bn254_g1_msm", cat(G, r1Bytes, G, big.NewInt(2).FillBytes(make([]byte, 32))), g1Enc(&g3), 0},
		{"msm off curve", "bn254_g1_msm", cat(G, r1Bytes, offCurve, rBytes), nil, core.CodeInvalidPoint},
		{"msm y = p+2", "bn254_g1_msm", cat(yIsP2, r1Bytes), nil, core.CodeNonCanonical},
		// ECPAIRING
		{"pairing empty is 1", "bn254_pairing_check", nil, []byte{1}, 0},
		{"pairing 1 byte", "bn254_pairing_check", []byte{0}, nil, core.CodeMalformed},
		{"pairing 191 bytes", "bn254_pairing_check", cat(G, Q)[:191], nil, core.CodeMalformed},
		{"pairing 193 bytes", "bn254_pairing_check", cat(G, Q, []byte{0}), nil, core.CodeMalformed},
		{"pairing 383 bytes", "bn254_pairing_check", cat(G, Q, G, Q)[:383], nil, core.CodeMalformed},
		{"pairing e(G,Q)", "bn254_pairing_check", cat(G, Q), []byte{0}, 0},
		{"pairing e(G,Q)e(-G,Q)", "bn254_pairing_check", cat(G, Q, g1Enc(&g1neg), Q), []byte{1}, 0},
		{"pairing e(O,Q)", "bn254_pairing_check", cat(zero64, Q), []byte{1}, 0},
		{"pairing G1 x = p", "bn254_pairing_check", cat(xIsP, Q), nil, core.CodeNonCanonical},
		{"pairing G1 off curve", "bn254_pairing_check", cat(offCurve, Q), nil, core.CodeInvalidPoint},
		{"pairing G2 x.c1 = p", "bn254_pairing_check", cat(G, g2CoordP), nil, core.CodeNonCanonical},
		{"pairing G2 off twist", "bn254_pairing_check", cat(G, offTwist), nil, core.CodeInvalidPoint},
		{"pairing G2 outside subgroup", "bn254_pairing_check", cat(G, badG2), nil, core.CodeNotInSubgroup},
		{"pairing G2 outside subgroup with G1 = O", "bn254_pairing_check", cat(zero64, badG2), nil, core.CodeNotInSubgroup},
		// Errors are reported in input order (go-ethereum's order).
		{"pairing subgroup error before later decode error", "bn254_pairing_check", cat(G, badG2, offCurve, Q), nil, core.CodeNotInSubgroup},
		{"pairing decode error before later subgroup error", "bn254_pairing_check", cat(offCurve, Q, G, badG2), nil, core.CodeInvalidPoint},
	}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for _, c := range cases {
			out, _, err := call(t, c.fn, c.in)
			if c.code != 0 {
				if got := core.CodeOf(err); got != c.code {
					t.Errorf("%s: got %v (%v, out %x), want %v", c.name, got, err, out, c.code)
				}
				continue
			}
			if err != nil || !bytes.Equal(out, c.want) {
				t.Errorf("%s: got %x, %v; want %x", c.name, out, err, c.want)
			}
		}
	})
}
