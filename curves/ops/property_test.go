package ops_test

import (
	"bytes"
	"math/big"
	"math/rand/v2"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

// Property tests: the same points through the Zcash-encoded functions and
// the existing EIP-2537 ones (bls12381_g1_add, _msm, _pairing_check, map,
// hash) must give the same points after re-encoding.

func randScalar(rng *rand.Rand) *big.Int {
	var b [32]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return new(big.Int).SetBytes(b[:])
}

func g1Of(s *big.Int) bls.G1Affine {
	_, _, g, _ := bls.Generators()
	var p bls.G1Affine
	p.ScalarMultiplication(&g, s)
	return p
}

func g2Of(s *big.Int) bls.G2Affine {
	_, _, _, g := bls.Generators()
	var p bls.G2Affine
	p.ScalarMultiplication(&g, s)
	return p
}

// offSubgroupG1 returns a point of E(Fp) outside G1: the first x >= x0
// with x³ + 4 a square.
func offSubgroupG1(x0 uint64) bls.G1Affine {
	var p bls.G1Affine
	for x := x0; ; x++ {
		var y2, four fp.Element
		p.X.SetUint64(x)
		four.SetUint64(4)
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
		if p.Y.Sqrt(&y2) != nil && !p.IsInSubGroup() {
			return p
		}
	}
}

// offSubgroupG2 returns a point of E'(Fp2) outside G2.
func offSubgroupG2(x0 uint64) bls.G2Affine {
	var p bls.G2Affine
	var b bls.E2
	b.A0.SetUint64(4)
	b.A1.SetUint64(4)
	for x := x0; ; x++ {
		var y2 bls.E2
		p.X.A0.SetUint64(x)
		p.X.A1.SetUint64(1)
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &b)
		if y2.Legendre() == 1 {
			p.Y.Sqrt(&y2)
			if p.IsOnCurve() && !p.IsInSubGroup() {
				return p
			}
		}
	}
}

func call(t *testing.T, name string, in []byte) []byte {
	t.Helper()
	f, ok := hostcrypto.Lookup(name)
	if !ok {
		t.Fatalf("%s: not in the catalogue", name)
	}
	out, err := core.Execute(f, nil, in)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

func eipG1(t *testing.T, b []byte) bls.G1Affine {
	t.Helper()
	p, err := bls12381.DecodeG1EIP2537(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func eipG2(t *testing.T, b []byte) bls.G2Affine {
	t.Helper()
	p, err := bls12381.DecodeG2EIP2537(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func u1(p *bls.G1Affine) []byte { return bls12381.AppendG1Uncompressed(nil, p) }
func u2(p *bls.G2Affine) []byte { return bls12381.AppendG2Uncompressed(nil, p) }
func e1(p *bls.G1Affine) []byte { return bls12381.AppendG1EIP2537(nil, p) }
func e2(p *bls.G2Affine) []byte { return bls12381.AppendG2EIP2537(nil, p) }

func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

func same(t *testing.T, what string, got []byte, want []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		t.Fatalf("%s:\n got %x\nwant %x", what, got, want)
	}
}

func TestAddSubNegAgainstEIP2537(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var inf1 bls.G1Affine
	var inf2 bls.G2Affine
	for i := range 12 {
		p, q := g1Of(randScalar(rng)), g1Of(randScalar(rng))
		P, Q := g2Of(randScalar(rng)), g2Of(randScalar(rng))
		switch i {
		case 0: // outside the subgroups: add does not check it
			p, P = offSubgroupG1(uint64(i+1)), offSubgroupG2(uint64(i+1))
		case 1:
			q, Q = p, P // doubling
		case 2:
			q.Neg(&p) // sum is infinity
			Q.Neg(&P)
		case 3:
			q, Q = inf1, inf2
		}
		want1 := eipG1(t, call(t, "bls12381_g1_add", cat(e1(&p), e1(&q))))
		same(t, "g1 add", call(t, "bls12381_g1_add_zcash", cat(u1(&p), u1(&q))), u1(&want1))
		want2 := eipG2(t, call(t, "bls12381_g2_add", cat(e2(&P), e2(&Q))))
		same(t, "g2 add", call(t, "bls12381_g2_add_zcash", cat(u2(&P), u2(&Q))), u2(&want2))

		var nq bls.G1Affine
		nq.Neg(&q)
		var nQ bls.G2Affine
		nQ.Neg(&Q)
		same(t, "g1 neg", call(t, "bls12381_g1_neg_zcash", u1(&q)), u1(&nq))
		same(t, "g2 neg", call(t, "bls12381_g2_neg_zcash", u2(&Q)), u2(&nQ))
		want1 = eipG1(t, call(t, "bls12381_g1_add", cat(e1(&p), e1(&nq))))
		same(t, "g1 sub", call(t, "bls12381_g1_sub_zcash", cat(u1(&p), u1(&q))), u1(&want1))
		want2 = eipG2(t, call(t, "bls12381_g2_add", cat(e2(&P), e2(&nQ))))
		same(t, "g2 sub", call(t, "bls12381_g2_sub_zcash", cat(u2(&P), u2(&Q))), u2(&want2))
	}
}

func TestMulMSMAgainstEIP2537(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := fr.Modulus()
	edge := []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(r, big.NewInt(1)), r, new(big.Int).Add(r, big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))}
	be := func(s *big.Int) []byte {
		var b [32]byte
		s.FillBytes(b[:])
		return b[:]
	}
	for _, k := range []int{1, 2, 4, 5, 9} {
		var z1, e1s, z2, e2s []byte
		for i := range k {
			s := randScalar(rng)
			if i < len(edge) && k == 9 {
				s = edge[i]
			}
			p, P := g1Of(randScalar(rng)), g2Of(randScalar(rng))
			if i == 1 {
				p, P = bls.G1Affine{}, bls.G2Affine{} // infinity
			}
			z1, e1s = cat(z1, u1(&p), be(s)), cat(e1s, e1(&p), be(s))
			z2, e2s = cat(z2, u2(&P), be(s)), cat(e2s, e2(&P), be(s))
			if k == 1 {
				for _, s := range edge {
					w := eipG1(t, call(t, "bls12381_g1_msm", cat(e1(&p), be(s))))
					same(t, "g1 mul", call(t, "bls12381_g1_mul_zcash", cat(u1(&p), be(s))), u1(&w))
					W := eipG2(t, call(t, "bls12381_g2_msm", cat(e2(&P), be(s))))
					same(t, "g2 mul", call(t, "bls12381_g2_mul_zcash", cat(u2(&P), be(s))), u2(&W))
				}
			}
		}
		w := eipG1(t, call(t, "bls12381_g1_msm", e1s))
		same(t, "g1 msm", call(t, "bls12381_g1_msm_zcash", z1), u1(&w))
		W := eipG2(t, call(t, "bls12381_g2_msm", e2s))
		same(t, "g2 msm", call(t, "bls12381_g2_msm_zcash", z2), u2(&W))
	}
}

func TestPairingAgainstEIP2537(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	r := fr.Modulus()
	for _, k := range []int{1, 2, 3} {
		for _, balanced := range []bool{false, true} {
			var z, e []byte
			sum := new(big.Int)
			for i := range k {
				a, b := randScalar(rng), randScalar(rng)
				if balanced && i == k-1 && k > 1 {
					a = new(big.Int).Mod(new(big.Int).Neg(new(big.Int).Mul(sum, new(big.Int).ModInverse(b, r))), r)
				}
				sum.Add(sum, new(big.Int).Mul(a, b))
				p, q := g1Of(a), g2Of(b)
				z, e = cat(z, u1(&p), u2(&q)), cat(e, e1(&p), e2(&q))
			}
			same(t, "pairing", call(t, "bls12381_pairing_check_zcash", z), call(t, "bls12381_pairing_check", e))
		}
	}
}

func TestMapHashAgainstEIP2537(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 4 {
		var a, b fp.Element
		a.SetRandom()
		b.SetRandom()
		_ = rng
		ab, bb := a.Bytes(), b.Bytes()
		w := eipG1(t, call(t, "bls12381_map_fp_to_g1", bls12381.AppendFpEIP2537(nil, &a)))
		same(t, "map g1", call(t, "bls12381_map_fp_to_g1_zcash", ab[:]), u1(&w))
		W := eipG2(t, call(t, "bls12381_map_fp2_to_g2", cat(bls12381.AppendFpEIP2537(nil, &a), bls12381.AppendFpEIP2537(nil, &b))))
		// Zcash order: c1 || c0.
		same(t, "map g2", call(t, "bls12381_map_fp2_to_g2_zcash", cat(bb[:], ab[:])), u2(&W))
	}
	tag := []byte("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_")
	for _, msg := range []string{"", "abc", "a512_aaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		in := cat([]byte{byte(len(tag))}, tag, []byte(msg))
		w := eipG1(t, call(t, "bls12381_hash_to_g1", in))
		same(t, "hash g1", call(t, "bls12381_hash_to_g1_zcash", in), u1(&w))
		W := eipG2(t, call(t, "bls12381_hash_to_g2", in))
		same(t, "hash g2", call(t, "bls12381_hash_to_g2_zcash", in), u2(&W))
	}
}

func TestAggregateAgainstEIP2537(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var c1, c2 []byte
	var s1, s2 []byte
	for i := range 7 {
		p, P := g1Of(randScalar(rng)), g2Of(randScalar(rng))
		if i == 3 {
			p, P = bls.G1Affine{}, bls.G2Affine{}
		}
		c1, c2 = cat(c1, bls12381.AppendG1Compressed(nil, &p)), cat(c2, bls12381.AppendG2Compressed(nil, &P))
		if i == 0 {
			s1, s2 = e1(&p), e2(&P)
			continue
		}
		s1 = call(t, "bls12381_g1_add", cat(s1, e1(&p)))
		s2 = call(t, "bls12381_g2_add", cat(s2, e2(&P)))
		w, W := eipG1(t, s1), eipG2(t, s2)
		same(t, "aggregate g1", call(t, "bls12381_aggregate_g1", c1), bls12381.AppendG1Compressed(nil, &w))
		same(t, "aggregate g2", call(t, "bls12381_aggregate_g2", c2), bls12381.AppendG2Compressed(nil, &W))
	}
}

func TestChecksAndCodecs(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	p, P := g1Of(randScalar(rng)), g2Of(randScalar(rng))
	off, OFF := offSubgroupG1(1), offSubgroupG2(1)
	bad := u1(&p)
	bad[95] ^= 1 // y changed: off the curve
	BAD := u2(&P)
	BAD[191] ^= 1
	for _, c := range []struct {
		f    *core.Func
		in   []byte
		want byte
	}{
		{ops.BLS12381G1IsOnCurve, u1(&p), 1}, {ops.BLS12381G1IsOnCurve, u1(&off), 1}, {ops.BLS12381G1IsOnCurve, bad, 0},
		{ops.BLS12381G1IsOnCurve, u1(&bls.G1Affine{}), 1},
		{ops.BLS12381G2IsOnCurve, u2(&P), 1}, {ops.BLS12381G2IsOnCurve, u2(&OFF), 1}, {ops.BLS12381G2IsOnCurve, BAD, 0},
		{ops.BLS12381G1IsInSubgroup, u1(&p), 1}, {ops.BLS12381G1IsInSubgroup, u1(&off), 0},
		{ops.BLS12381G1IsInSubgroup, u1(&bls.G1Affine{}), 1},
		{ops.BLS12381G2IsInSubgroup, u2(&P), 1}, {ops.BLS12381G2IsInSubgroup, u2(&OFF), 0},
	} {
		out, err := core.Execute(c.f, nil, c.in)
		if err != nil || len(out) != 1 || out[0] != c.want {
			t.Errorf("%s(%x...): %x, %v; want %02x", c.f.Name, c.in[:4], out, err, c.want)
		}
	}
	// Compression round trips, and the compressed form is the one
	// gnark-crypto's (Zcash) encoder writes.
	g1c := p.Bytes()
	same(t, "g1 compress", call(t, "bls12381_g1_compress", u1(&p)), g1c[:])
	same(t, "g1 decompress", call(t, "bls12381_g1_decompress", g1c[:]), u1(&p))
	g1u := p.RawBytes()
	same(t, "g1 uncompressed is gnark's RawBytes", u1(&p), g1u[:])
	g2c := P.Bytes()
	same(t, "g2 compress", call(t, "bls12381_g2_compress", u2(&P)), g2c[:])
	same(t, "g2 decompress", call(t, "bls12381_g2_decompress", g2c[:]), u2(&P))
	g2u := P.RawBytes()
	same(t, "g2 uncompressed is gnark's RawBytes", u2(&P), g2u[:])
}

// TestErrorCodes: each fault gets its documented code (docs/curves.md).
func TestErrorCodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	p, P := g1Of(randScalar(rng)), g2Of(randScalar(rng))
	off, OFF := offSubgroupG1(1), offSubgroupG2(1)
	offC, OFFC := bls12381.AppendG1Compressed(nil, &off), bls12381.AppendG2Compressed(nil, &OFF)
	pc, Pc := bls12381.AppendG1Compressed(nil, &p), bls12381.AppendG2Compressed(nil, &P)
	s := make([]byte, 32)
	s[31] = 7
	notOnCurve := u1(&p)
	notOnCurve[95] ^= 1
	xIsP := make([]byte, 96)
	pb := fp.Modulus().FillBytes(make([]byte, 48))
	copy(xIsP, pb)
	infStray := u1(&bls.G1Affine{})
	infStray[5] = 1
	compFlagOnU := u1(&p)
	compFlagOnU[0] |= 0x80
	noCompFlag := bytes.Clone(pc)
	noCompFlag[0] &^= 0x80
	for _, c := range []struct {
		f    *core.Func
		in   []byte
		want core.Code
	}{
		{ops.BLS12381AggregateG1, nil, core.CodeMalformed},
		{ops.BLS12381AggregateG1, pc[:47], core.CodeMalformed},
		{ops.BLS12381AggregateG1, cat(pc, pc[:10]), core.CodeMalformed},
		{ops.BLS12381AggregateG1, cat(pc, offC), core.CodeNotInSubgroup},
		{ops.BLS12381AggregateG1, cat(pc, noCompFlag), core.CodeMalformed},
		{ops.BLS12381AggregateG2, nil, core.CodeMalformed},
		{ops.BLS12381AggregateG2, cat(Pc, OFFC), core.CodeNotInSubgroup},
		{ops.BLS12381G1AddZcash, u1(&p), core.CodeMalformed},
		{ops.BLS12381G1AddZcash, cat(u1(&p), notOnCurve), core.CodeInvalidPoint},
		{ops.BLS12381G1AddZcash, cat(u1(&p), xIsP), core.CodeNonCanonical},
		{ops.BLS12381G1AddZcash, cat(u1(&p), infStray), core.CodeNonCanonical},
		{ops.BLS12381G1AddZcash, cat(u1(&p), compFlagOnU), core.CodeMalformed},
		{ops.BLS12381G1MulZcash, cat(u1(&off), s), core.CodeNotInSubgroup},
		{ops.BLS12381G2MulZcash, cat(u2(&OFF), s), core.CodeNotInSubgroup},
		{ops.BLS12381G1MSMZcash, nil, core.CodeMalformed},
		{ops.BLS12381G1MSMZcash, cat(u1(&p), s, u1(&off), s), core.CodeNotInSubgroup},
		{ops.BLS12381G2MSMZcash, cat(u2(&P), s, u2(&OFF), s), core.CodeNotInSubgroup},
		{ops.BLS12381PairingCheckZcash, nil, core.CodeMalformed},
		{ops.BLS12381PairingCheckZcash, cat(u1(&p), u2(&OFF)), core.CodeNotInSubgroup},
		{ops.BLS12381PairingCheckZcash, cat(u1(&off), u2(&P)), core.CodeNotInSubgroup},
		{ops.BLS12381G1Decompress, offC, core.CodeNotInSubgroup},
		{ops.BLS12381G1Compress, u1(&off), core.CodeNotInSubgroup},
		{ops.BLS12381G1IsInSubgroup, notOnCurve, core.CodeInvalidPoint},
		{ops.BLS12381G1IsOnCurve, xIsP, core.CodeNonCanonical},
		{ops.BLS12381MapFpToG1Zcash, pb, core.CodeNonCanonical},
		{ops.BLS12381MapFp2ToG2Zcash, cat(make([]byte, 48), pb), core.CodeNonCanonical},
		{ops.BLS12381HashToG1Zcash, nil, core.CodeMalformed},
		{ops.BLS12381HashToG1Zcash, []byte{0, 'a'}, core.CodeMalformed},
		{ops.BLS12381HashToG2Zcash, []byte{5, 'a'}, core.CodeMalformed},
	} {
		out, err := core.Execute(c.f, nil, c.in)
		if core.CodeOf(err) != c.want {
			t.Errorf("%s(%d bytes): %x, %v; want %v", c.f.Name, len(c.in), out, err, c.want)
		}
	}
}

// TestHostileInputsNeverPanic: truncations and bit flips of every example
// give an output or a status code, never internal_error.
func TestHostileInputsNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, f := range ops.Funcs() {
		for _, ex := range f.Examples() {
			if len(ex.Input) > 4096 {
				continue
			}
			for i := range 24 {
				in := bytes.Clone(ex.Input)
				switch {
				case i < 4 && len(in) > 0:
					in = in[:rng.IntN(len(in))]
				case len(in) > 0:
					in[rng.IntN(len(in))] ^= byte(1 << rng.IntN(8))
				}
				_, err := core.Execute(f, nil, in)
				if core.CodeOf(err) == core.CodeInternal {
					t.Errorf("%s %s #%d: %v", f.Name, ex.Name, i, err)
				}
			}
		}
	}
}

// TestHashOnEveryBackend: the Zcash hash-to-curve functions give the same
// bytes under every implementation of the hashtocurve primitive (gnark,
// blst when built with cgo), equal to the EIP-2537-encoded functions'.
func TestHashOnEveryBackend(t *testing.T) {
	tag := []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_")
	in := cat([]byte{byte(len(tag))}, tag, []byte("hostcrypto"))
	var ref1, ref2 []byte
	dispatchtest.ForEach(t, h2c.Primitive, func(t *testing.T) {
		o1, o2 := call(t, "bls12381_hash_to_g1_zcash", in), call(t, "bls12381_hash_to_g2_zcash", in)
		w1, w2 := eipG1(t, call(t, "bls12381_hash_to_g1", in)), eipG2(t, call(t, "bls12381_hash_to_g2", in))
		same(t, "hash g1", o1, u1(&w1))
		same(t, "hash g2", o2, u2(&w2))
		if ref1 == nil {
			ref1, ref2 = o1, o2
		}
		same(t, "hash g1 across backends", o1, ref1)
		same(t, "hash g2 across backends", o2, ref2)
	})
}
