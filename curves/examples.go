package curves

import (
	"math/big"
	"strconv"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	bnecc "github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// Examples for benchmarks, gas calibration and fuzz seeds. Points are
// multiples of the generators by fixed scalars (deterministic), scalars are
// full-width (the worst case for double-and-add and MSM windows).

// exScalar returns the i-th example scalar: 255 bits with dense bits.
func exScalar(i int) *big.Int {
	s := new(big.Int).SetBytes([]byte{0x3f, 0xa5, byte(i), 0x5a, 0xc3, 0x3c, byte(i * 7), 0x99, 0x0f, 0xf0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc,
		0xde, 0xf1, byte(i * 13), 0x47, 0xe5, 0x6b, 0x2d, 0x81, 0x1e, 0x93, 0xa7, 0xcd, 0xfe, 0xdc, 0xba, byte(i + 1)})
	return s
}

func be32(s *big.Int) []byte {
	var b [32]byte
	s.FillBytes(b[:])
	return b[:]
}

var exCounts = []int{1, 2, 8, 32, 128}

func bnG1(i int) bnecc.G1Affine {
	_, _, g1, _ := bnecc.Generators()
	var p bnecc.G1Affine
	p.ScalarMultiplication(&g1, exScalar(i))
	return p
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

func bn254AddExamples() []core.Example {
	p, q := bnG1(1), bnG1(2)
	in := bn254.AppendG1(bn254.AppendG1(nil, &p), &q)
	return []core.Example{{Name: "2points", Input: in, Worst: true}}
}

func bn254MulExamples() []core.Example {
	p := bnG1(1)
	in := append(bn254.AppendG1(nil, &p), be32(exScalar(3))...)
	full := append(bn254.AppendG1(nil, &p), make([]byte, 32)...)
	for i := 64; i < 96; i++ {
		full[i] = 0xff // the largest 256-bit scalar: EIP-196 accepts it unreduced
	}
	return []core.Example{{Name: "255bit", Input: in}, {Name: "256bit-ones", Input: full, Worst: true}}
}

func bn254MSMExamples() []core.Example {
	var ex []core.Example
	for _, k := range exCounts {
		var in []byte
		for i := 0; i < k; i++ {
			p := bnG1(i + 1)
			in = append(bn254.AppendG1(in, &p), be32(exScalar(i+100))...)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
	}
	return ex
}

func blsG1AddExamples() []core.Example {
	p, q := blsG1(exScalar(1)), blsG1(exScalar(2))
	return []core.Example{{Name: "2points", Input: bls12381.AppendG1EIP2537(bls12381.AppendG1EIP2537(nil, &p), &q), Worst: true}}
}

func blsG2AddExamples() []core.Example {
	p, q := blsG2(exScalar(1)), blsG2(exScalar(2))
	return []core.Example{{Name: "2points", Input: bls12381.AppendG2EIP2537(bls12381.AppendG2EIP2537(nil, &p), &q), Worst: true}}
}

func blsMSMExamples(g2 bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, k := range exCounts {
			var in []byte
			for i := 0; i < k; i++ {
				if g2 {
					q := blsG2(exScalar(i + 1))
					in = bls12381.AppendG2EIP2537(in, &q)
				} else {
					p := blsG1(exScalar(i + 1))
					in = bls12381.AppendG1EIP2537(in, &p)
				}
				in = append(in, be32(exScalar(i+100))...)
			}
			ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
		}
		return ex
	}
}

func exFp(i int) blsfp.Element {
	var u blsfp.Element
	u.SetBigInt(new(big.Int).Lsh(exScalar(i), 120))
	return u
}

func blsMapG1Examples() []core.Example {
	u := exFp(5)
	return []core.Example{{Name: "fp", Input: bls12381.AppendFpEIP2537(nil, &u), Worst: true}}
}

func blsMapG2Examples() []core.Example {
	a, b := exFp(6), exFp(7)
	return []core.Example{{Name: "fp2", Input: bls12381.AppendFpEIP2537(bls12381.AppendFpEIP2537(nil, &a), &b), Worst: true}}
}
