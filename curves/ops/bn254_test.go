package ops_test

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"testing"

	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfp "github.com/consensys/gnark-crypto/ecc/bn254/fp"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

func bnTwistB() bn.E2 {
	var nine, b bn.E2
	nine.A0.SetUint64(9)
	nine.A1.SetOne()
	b.Inverse(&nine)
	var three bnfp.Element
	three.SetUint64(3)
	b.MulByElement(&b, &three)
	return b
}

// bnOffG2 returns a point of the twist outside G2.
func bnOffG2(x0 uint64) bn.G2Affine {
	b := bnTwistB()
	var q bn.G2Affine
	for x := x0; ; x++ {
		var y2 bn.E2
		q.X.A0.SetUint64(x)
		q.X.A1.SetOne()
		y2.Square(&q.X).Mul(&y2, &q.X).Add(&y2, &b)
		if y2.Legendre() == 1 {
			q.Y.Sqrt(&y2)
			if q.IsOnCurve() && !q.IsInSubGroup() {
				return q
			}
		}
	}
}

func be32s(s *big.Int) []byte { return new(big.Int).Set(s).FillBytes(make([]byte, 32)) }

func b1(p *bn.G1Affine) []byte { return bn254.AppendG1(nil, p) }
func b2(q *bn.G2Affine) []byte { return bn254.AppendG2(nil, q) }

// le converts between the EIP-196/197 big-endian forms and NEAR's
// little-endian ones (its own inverse), written independently of the
// package: reverse each 32-byte word; in G2 swap c1 and c0.
func le(b []byte, g2 bool) []byte {
	out := make([]byte, len(b))
	for w := 0; w < len(b)/32; w++ {
		to := w
		if g2 {
			to = w ^ 1
		}
		for i := range 32 {
			out[to*32+i] = b[w*32+31-i]
		}
	}
	return out
}

// TestBN254G2AgainstScalars: add, mul and MSM on G2 agree with each other
// through the scalars (aG + bG = (a+b)G), edge scalars included, and add
// accepts points outside G2 while mul and MSM refuse them.
func TestBN254G2AgainstScalars(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	r := bnfr.Modulus()
	_, _, _, g := bn.Generators()
	G := b2(&g)
	mul := func(s *big.Int) []byte { return exec(t, ops.BN254G2Mul, cat(G, be32s(s))) }
	for range 4 {
		a, b := new(big.Int).Mod(randScalar(rng), r), new(big.Int).Mod(randScalar(rng), r)
		sum := new(big.Int).Mod(new(big.Int).Add(a, b), r)
		same(t, "g2 add", exec(t, ops.BN254G2Add, cat(mul(a), mul(b))), mul(sum))
		same(t, "g2 add doubling", exec(t, ops.BN254G2Add, cat(mul(a), mul(a))), mul(new(big.Int).Lsh(a, 1)))
		same(t, "g2 add inverse", exec(t, ops.BN254G2Add, cat(mul(a), mul(new(big.Int).Sub(r, a)))), make([]byte, 128))
		// MSM over G with k scalars = G·Σs (k crosses the small/Pippenger split).
		for _, k := range []int{1, 3, 6} {
			var in []byte
			tot := new(big.Int)
			for range k {
				s := randScalar(rng)
				tot.Add(tot, s)
				in = cat(in, G, be32s(s))
			}
			same(t, "g2 msm", exec(t, ops.BN254G2MSM, in), mul(tot.Mod(tot, r)))
		}
	}
	for _, s := range []*big.Int{r, new(big.Int).Add(r, big.NewInt(1)), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))} {
		same(t, "g2 mul reduces", mul(s), mul(new(big.Int).Mod(s, r)))
	}
	same(t, "g2 mul 0", mul(big.NewInt(0)), make([]byte, 128))
	off := bnOffG2(1)
	if _, err := core.Execute(ops.BN254G2Add, nil, cat(b2(&off), G)); err != nil {
		t.Errorf("g2 add outside G2: %v", err)
	}
	for _, c := range []struct {
		f  *core.Func
		in []byte
	}{{ops.BN254G2Mul, cat(b2(&off), be32s(big.NewInt(5)))}, {ops.BN254G2MSM, cat(G, be32s(big.NewInt(5)), b2(&off), be32s(big.NewInt(5)))}} {
		if _, err := core.Execute(c.f, nil, c.in); core.CodeOf(err) != core.CodeNotInSubgroup {
			t.Errorf("%s outside G2: %v, want not_in_subgroup", c.f.Name, err)
		}
	}
}

// TestBN254Compression: Solana's form is gnark-crypto's compressed
// encoding with the flags renamed (gnark 0b10 smallest -> 0b00, 0b11
// largest -> 0b10, 0b01 infinity -> all zero); round trips; error codes.
func TestBN254Compression(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	solana := func(gnark []byte) []byte {
		out := bytes.Clone(gnark)
		switch gnark[0] >> 6 {
		case 0b10:
			out[0] &^= 0xc0
		case 0b11:
			out[0] = out[0]&^0xc0 | 0x80
		case 0b01:
			clear(out)
		}
		return out
	}
	for i := range 8 {
		s := randScalar(rng)
		p, q := bnG1Of(s), bnG2Of(s)
		if i%2 == 1 {
			p.Neg(&p)
			q.Neg(&q)
		}
		if i == 7 {
			p, q = bn.G1Affine{}, bn.G2Affine{}
		}
		gc1, gc2 := p.Bytes(), q.Bytes()
		c1, c2 := exec(t, ops.BN254G1Compress, b1(&p)), exec(t, ops.BN254G2Compress, b2(&q))
		same(t, "g1 compress", c1, solana(gc1[:]))
		same(t, "g2 compress", c2, solana(gc2[:]))
		same(t, "g1 decompress", exec(t, ops.BN254G1Decompress, c1), b1(&p))
		same(t, "g2 decompress", exec(t, ops.BN254G2Decompress, c2), b2(&q))
	}
	inf1 := make([]byte, 32)
	inf1[0] = 0x40
	same(t, "g1 decompress 0x40", exec(t, ops.BN254G1Decompress, inf1), make([]byte, 64))
	pBE := bnfp.Modulus().FillBytes(make([]byte, 32))
	var noRoot []byte
	for x := int64(1); noRoot == nil; x++ {
		var y2, three, xe bnfp.Element
		xe.SetInt64(x)
		three.SetUint64(3)
		y2.Square(&xe).Mul(&y2, &xe).Add(&y2, &three)
		if y2.Legendre() == -1 {
			b := xe.Bytes()
			noRoot = b[:]
		}
	}
	offCurve := b1(ptr(bnG1Of(big.NewInt(7))))
	offCurve[63] ^= 1
	stray := bytes.Clone(inf1)
	stray[31] = 1
	both := bytes.Clone(noRoot)
	both[0] |= 0xc0
	off := bnOffG2(1)
	for _, c := range []struct {
		f    *core.Func
		in   []byte
		want core.Code
	}{
		{ops.BN254G1Decompress, both, core.CodeMalformed},
		{ops.BN254G1Decompress, stray, core.CodeNonCanonical},
		{ops.BN254G1Decompress, pBE, core.CodeNonCanonical},
		{ops.BN254G1Decompress, noRoot, core.CodeInvalidPoint},
		{ops.BN254G1Decompress, make([]byte, 31), core.CodeMalformed},
		{ops.BN254G1Compress, offCurve, core.CodeInvalidPoint},
		{ops.BN254G2Decompress, cat(make([]byte, 32), pBE), core.CodeNonCanonical},
		{ops.BN254G2Compress, make([]byte, 127), core.CodeMalformed},
	} {
		out, err := core.Execute(c.f, nil, c.in)
		if core.CodeOf(err) != c.want {
			t.Errorf("%s(%x): %x, %v; want %v", c.f.Name, c.in, out, err, c.want)
		}
	}
	// G2 compression does not check the subgroup (Solana).
	c := exec(t, ops.BN254G2Compress, b2(&off))
	same(t, "g2 off-subgroup round trip", exec(t, ops.BN254G2Decompress, c), b2(&off))
	// On-curve verdicts.
	for _, v := range []struct {
		f    *core.Func
		in   []byte
		want byte
	}{
		{ops.BN254G1IsOnCurve, b1(ptr(bnG1Of(big.NewInt(9)))), 1}, {ops.BN254G1IsOnCurve, offCurve, 0}, {ops.BN254G1IsOnCurve, make([]byte, 64), 1},
		{ops.BN254G2IsOnCurve, b2(&off), 1}, {ops.BN254G2IsOnCurve, func() []byte { b := b2(&off); b[127] ^= 1; return b }(), 0},
	} {
		if out := exec(t, v.f, v.in); out[0] != v.want {
			t.Errorf("%s: %x, want %02x", v.f.Name, out, v.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestBN254NEARForms: NEAR's little-endian multiexp, sum and pairing check
// against the EIP-196/197 functions (bn254_g1_msm, bn254_g1_add,
// bn254_pairing_check) after conversion.
func TestBN254NEARForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	r := bnfr.Modulus()
	for _, k := range []int{1, 2, 5, 7} {
		var lin, bin, sumIn []byte
		acc := make([]byte, 64)
		for i := range k {
			p := bnG1Of(randScalar(rng))
			if i == 1 {
				p = bn.G1Affine{}
			}
			s := new(big.Int).Mod(randScalar(rng), r)
			lin = cat(lin, le(b1(&p), false), le(be32s(s), false))
			bin = cat(bin, b1(&p), be32s(s))
			sign := byte(i % 2)
			sumIn = cat(sumIn, []byte{sign}, le(b1(&p), false))
			term := b1(&p)
			if sign == 1 {
				var n bn.G1Affine
				n.Neg(&p)
				term = b1(&n)
			}
			acc = call(t, "bn254_g1_add", cat(acc, term))
		}
		same(t, "msm_le", exec(t, ops.BN254G1MSMLE, lin), le(call(t, "bn254_g1_msm", bin), false))
		same(t, "sum_le", exec(t, ops.BN254G1SumLE, sumIn), le(acc, false))
	}
	same(t, "msm_le empty", exec(t, ops.BN254G1MSMLE, nil), make([]byte, 64))
	same(t, "sum_le empty", exec(t, ops.BN254G1SumLE, nil), make([]byte, 64))
	same(t, "pairing_le empty", exec(t, ops.BN254PairingCheckLE, nil), []byte{1})
	for _, k := range []int{1, 2, 3} {
		for _, balanced := range []bool{false, true} {
			var lin, bin []byte
			sum := new(big.Int)
			for i := range k {
				a, b := randScalar(rng), randScalar(rng)
				if balanced && i == k-1 && k > 1 {
					a = new(big.Int).Mod(new(big.Int).Neg(new(big.Int).Mul(sum, new(big.Int).ModInverse(b, r))), r)
				}
				sum.Add(sum, new(big.Int).Mul(a, b))
				p, q := bnG1Of(a), bnG2Of(b)
				lin, bin = cat(lin, le(b1(&p), false), le(b2(&q), true)), cat(bin, b1(&p), b2(&q))
			}
			same(t, "pairing_le", exec(t, ops.BN254PairingCheckLE, lin), call(t, "bn254_pairing_check", bin))
		}
	}
	off := bnOffG2(1)
	g := bnG1Of(big.NewInt(1))
	for _, c := range []struct {
		f    *core.Func
		in   []byte
		want core.Code
	}{
		{ops.BN254G1MSMLE, cat(le(b1(&g), false), le(be32s(r), false)), core.CodeNonCanonical},
		{ops.BN254G1MSMLE, make([]byte, 95), core.CodeMalformed},
		{ops.BN254G1SumLE, cat([]byte{2}, le(b1(&g), false)), core.CodeMalformed},
		{ops.BN254G1SumLE, cat([]byte{0}, le(bnfp.Modulus().FillBytes(make([]byte, 32)), false), make([]byte, 32)), core.CodeNonCanonical},
		{ops.BN254PairingCheckLE, cat(le(b1(&g), false), le(b2(&off), true)), core.CodeNotInSubgroup},
		{ops.BN254PairingCheckLE, make([]byte, 191), core.CodeMalformed},
	} {
		out, err := core.Execute(c.f, nil, c.in)
		if core.CodeOf(err) != c.want {
			t.Errorf("%s(%d bytes): %x, %v; want %v", c.f.Name, len(c.in), out, err, c.want)
		}
	}
}
