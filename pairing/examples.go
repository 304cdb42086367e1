package pairing

import (
	"math/big"
	"strconv"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnecc "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// Examples for benchmarks, gas calibration and fuzz seeds: k independent
// pairs whose product is one, so that the final exponentiation cannot exit
// early. Points are multiples of the generators by the scalars of package
// curves' examples (the same values).

// exScalar returns the i-th example scalar: 255 bits with dense bits.
func exScalar(i int) *big.Int {
	s := new(big.Int).SetBytes([]byte{0x3f, 0xa5, byte(i), 0x5a, 0xc3, 0x3c, byte(i * 7), 0x99, 0x0f, 0xf0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc,
		0xde, 0xf1, byte(i * 13), 0x47, 0xe5, 0x6b, 0x2d, 0x81, 0x1e, 0x93, 0xa7, 0xcd, 0xfe, 0xdc, 0xba, byte(i + 1)})
	return s
}

func bnG2(s *big.Int) bnecc.G2Affine {
	_, _, _, g2 := bnecc.Generators()
	var q bnecc.G2Affine
	q.ScalarMultiplication(&g2, s)
	return q
}

func blsG1(s *big.Int) blsecc.G1Affine {
	_, _, g1, _ := blsecc.Generators()
	var p blsecc.G1Affine
	p.ScalarMultiplication(&g1, s)
	return p
}

func blsG2(s *big.Int) blsecc.G2Affine {
	_, _, _, g2 := blsecc.Generators()
	var q blsecc.G2Affine
	q.ScalarMultiplication(&g2, s)
	return q
}

// productOnePairs returns k scalar pairs (a_i, b_i) with Σ a_i·b_i = 0 mod r
// (for k = 1, a single non-degenerate pair: the check answers 0x00).
func productOnePairs(k int, r *big.Int) (as, bs []*big.Int) {
	sum := new(big.Int)
	for i := 0; i < k; i++ {
		a, b := exScalar(2*i+1), exScalar(2*i+2)
		as, bs = append(as, a), append(bs, b)
		if i < k-1 {
			sum.Add(sum, new(big.Int).Mul(a, b))
		}
	}
	if k > 1 {
		// a_k = -sum / b_k mod r.
		inv := new(big.Int).ModInverse(bs[k-1], r)
		as[k-1] = new(big.Int).Mod(new(big.Int).Neg(new(big.Int).Mul(sum, inv)), r)
	}
	return as, bs
}

func bn254PairingExamples() []core.Example {
	var ex []core.Example
	for _, k := range []int{1, 2, 4, 8} {
		as, bs := productOnePairs(k, bnfr.Modulus())
		var in []byte
		for i := 0; i < k; i++ {
			_, _, g1, _ := bnecc.Generators()
			var p bnecc.G1Affine
			p.ScalarMultiplication(&g1, as[i])
			q := bnG2(bs[i])
			in = bn254.AppendG2(bn254.AppendG1(in, &p), &q)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "pairs", Input: in, Worst: true})
	}
	return ex
}

func blsPairingExamples() []core.Example {
	var ex []core.Example
	for _, k := range []int{1, 2, 4, 8} {
		as, bs := productOnePairs(k, blsfr.Modulus())
		var in []byte
		for i := 0; i < k; i++ {
			p, q := blsG1(as[i]), blsG2(bs[i])
			in = bls12381.AppendG2EIP2537(bls12381.AppendG1EIP2537(in, &p), &q)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "pairs", Input: in, Worst: true})
	}
	return ex
}
