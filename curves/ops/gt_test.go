package ops_test

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"testing"

	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfp "github.com/consensys/gnark-crypto/ecc/bn254/fp"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// gtOne is 1 in the documented order: every coefficient zero but the last
// one, C0.B0.A0.
func gtOne(n int) []byte {
	b := make([]byte, n)
	b[n-1] = 1
	return b
}

func exec(t *testing.T, f *core.Func, in []byte) []byte {
	t.Helper()
	out, err := core.Execute(f, nil, in)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return out
}

func bnG1Of(s *big.Int) bn.G1Affine {
	_, _, g, _ := bn.Generators()
	var p bn.G1Affine
	p.ScalarMultiplication(&g, s)
	return p
}

func bnG2Of(s *big.Int) bn.G2Affine {
	_, _, _, g := bn.Generators()
	var p bn.G2Affine
	p.ScalarMultiplication(&g, s)
	return p
}

// TestGT: pairing = final_exp(miller_loop) for one pair; the product of
// pairings = final_exp of the multi-Miller loop = final_exp of the product
// of Miller loops; bilinearity e(aP, bQ) = e(P, Q)^(ab) (by repeated
// gt_mul for small a·b); and the pairing checks (bls12381_pairing_check_zcash,
// and for BN254 the EIP-197 bn254_pairing_check) agree with
// gt_equal(final_exp(miller_loop), 1).
func TestGT(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	type curve struct {
		name                                 string
		pairing, miller, final, mul, eq, chk *core.Func
		pair                                 func(a, b *big.Int) []byte
		gtLen                                int
		r                                    *big.Int
	}
	curves := []curve{
		{"bls12381", ops.BLS12381Pairing, ops.BLS12381MillerLoop, ops.BLS12381FinalExp, ops.BLS12381GTMul, ops.BLS12381GTEqual, ops.BLS12381PairingCheckZcash,
			func(a, b *big.Int) []byte { p, q := g1Of(a), g2Of(b); return cat(u1(&p), u2(&q)) }, 576, fr.Modulus()},
		{"bn254", ops.BN254Pairing, ops.BN254MillerLoop, ops.BN254FinalExp, ops.BN254GTMul, ops.BN254GTEqual, nil,
			func(a, b *big.Int) []byte {
				p, q := bnG1Of(a), bnG2Of(b)
				return bn254.AppendG2(bn254.AppendG1(nil, &p), &q)
			}, 384, bnfr.Modulus()},
	}
	for _, c := range curves {
		one := gtOne(c.gtLen)
		a, b := randScalar(rng), randScalar(rng)
		x := c.pair(a, b)
		e := exec(t, c.pairing, x)
		same(t, c.name+" pairing = final_exp(miller_loop)", exec(t, c.final, exec(t, c.miller, x)), e)
		if bytes.Equal(e, one) {
			t.Fatalf("%s: e(aP, bQ) = 1", c.name)
		}
		same(t, c.name+" final_exp(1)", exec(t, c.final, one), one)

		// Bilinearity: e(3P, 2Q) = e(P, Q)^6.
		base := exec(t, c.pairing, c.pair(big.NewInt(1), big.NewInt(1)))
		acc := base
		for range 5 {
			acc = exec(t, c.mul, cat(acc, base))
		}
		same(t, c.name+" e(3P, 2Q) = e(P, Q)^6", exec(t, c.pairing, c.pair(big.NewInt(3), big.NewInt(2))), acc)
		if v := exec(t, c.eq, cat(acc, base)); v[0] != 0 {
			t.Fatalf("%s: gt_equal(e^6, e) = %x", c.name, v)
		}
		if v := exec(t, c.eq, cat(acc, acc)); v[0] != 1 {
			t.Fatalf("%s: gt_equal(x, x) = %x", c.name, v)
		}

		// Multi-pair: product of pairings and the checks.
		for _, k := range []int{2, 3} {
			for _, balanced := range []bool{false, true} {
				var in []byte
				prod := one
				var mprod []byte
				sum := new(big.Int)
				for i := range k {
					a, b := randScalar(rng), randScalar(rng)
					if balanced && i == k-1 {
						a = new(big.Int).Mod(new(big.Int).Neg(new(big.Int).Mul(sum, new(big.Int).ModInverse(b, c.r))), c.r)
					}
					sum.Add(sum, new(big.Int).Mul(a, b))
					pq := c.pair(a, b)
					in = cat(in, pq)
					prod = exec(t, c.mul, cat(prod, exec(t, c.pairing, pq)))
					ml := exec(t, c.miller, pq)
					if mprod == nil {
						mprod = ml
					} else {
						mprod = exec(t, c.mul, cat(mprod, ml))
					}
				}
				whole := exec(t, c.final, exec(t, c.miller, in))
				same(t, c.name+" Π e = final_exp(multi-Miller)", whole, prod)
				same(t, c.name+" final_exp(Π Miller)", exec(t, c.final, mprod), prod)
				isOne := exec(t, c.eq, cat(whole, one))
				if (isOne[0] == 1) != balanced {
					t.Fatalf("%s k=%d balanced=%v: product is one: %x", c.name, k, balanced, isOne)
				}
				if c.chk != nil {
					same(t, c.name+" pairing check", exec(t, c.chk, in), isOne)
				} else {
					same(t, c.name+" pairing check", call(t, "bn254_pairing_check", in), isOne)
				}
			}
		}
	}
}

func TestGTErrors(t *testing.T) {
	pBLS := blsfp.Modulus().FillBytes(make([]byte, 48))
	pBN := bnfp.Modulus().FillBytes(make([]byte, 32))
	_, _, _, g2 := bn.Generators()
	var off bn.G2Affine // on the twist, outside G2: found by search
	for x := uint64(1); ; x++ {
		var y2, b bn.E2
		off.X.A0.SetUint64(x)
		off.X.A1.SetUint64(1)
		b.A0.SetString("19485874751759354771024239261021720505790618469301721065564631296452457478373")
		b.A1.SetString("266929791119991161246907387137283842545076965332900288569378510910307636690")
		y2.Square(&off.X).Mul(&y2, &off.X).Add(&y2, &b)
		if y2.Legendre() == 1 {
			off.Y.Sqrt(&y2)
			if off.IsOnCurve() && !off.IsInSubGroup() {
				break
			}
		}
	}
	_, _, g1, _ := bn.Generators()
	for _, c := range []struct {
		f    *core.Func
		in   []byte
		want core.Code
	}{
		{ops.BLS12381FinalExp, make([]byte, 576), core.CodeInvalidPoint},
		{ops.BLS12381FinalExp, cat(pBLS, make([]byte, 528)), core.CodeNonCanonical},
		{ops.BLS12381FinalExp, make([]byte, 575), core.CodeMalformed},
		{ops.BLS12381GTMul, make([]byte, 576), core.CodeMalformed},
		{ops.BLS12381GTEqual, cat(make([]byte, 576), pBLS, make([]byte, 528)), core.CodeNonCanonical},
		{ops.BLS12381MillerLoop, nil, core.CodeMalformed},
		{ops.BLS12381Pairing, make([]byte, 576), core.CodeMalformed},
		{ops.BN254FinalExp, make([]byte, 384), core.CodeInvalidPoint},
		{ops.BN254FinalExp, cat(make([]byte, 352), pBN), core.CodeNonCanonical},
		{ops.BN254GTMul, make([]byte, 767), core.CodeMalformed},
		{ops.BN254MillerLoop, nil, core.CodeMalformed},
		{ops.BN254Pairing, bn254.AppendG2(bn254.AppendG1(nil, &g1), &off), core.CodeNotInSubgroup},
		{ops.BN254MillerLoop, cat(bn254.AppendG2(bn254.AppendG1(nil, &g1), &g2), bn254.AppendG2(bn254.AppendG1(nil, &g1), &off)), core.CodeNotInSubgroup},
	} {
		out, err := core.Execute(c.f, nil, c.in)
		if core.CodeOf(err) != c.want {
			t.Errorf("%s(%d bytes): %x, %v; want %v", c.f.Name, len(c.in), out, err, c.want)
		}
	}
}
