package ops

import (
	"math/big"
	"strconv"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfp "github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// Examples for benchmarks, gas calibration and fuzz seeds: multiples of
// the generators by fixed dense scalars (deterministic), full-width
// scalars, and pairing inputs whose product is one (no early exit).

// exScalar returns the i-th example scalar: 254 bits with dense bits.
func exScalar(i int) *big.Int {
	return new(big.Int).SetBytes([]byte{0x3f, 0xa5, byte(i), 0x5a, 0xc3, 0x3c, byte(i * 7), 0x99, 0x0f, 0xf0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc,
		0xde, 0xf1, byte(i * 13), 0x47, 0xe5, 0x6b, 0x2d, 0x81, 0x1e, 0x93, 0xa7, 0xcd, 0xfe, 0xdc, 0xba, byte(i + 1)})
}

func be32(s *big.Int) []byte {
	var b [32]byte
	new(big.Int).Mod(s, new(big.Int).Lsh(big.NewInt(1), 256)).FillBytes(b[:])
	return b[:]
}

func exG1(s *big.Int) bls.G1Affine {
	_, _, g1, _ := bls.Generators()
	var p bls.G1Affine
	p.ScalarMultiplication(&g1, s)
	return p
}

func exG2(s *big.Int) bls.G2Affine {
	_, _, _, g2 := bls.Generators()
	var q bls.G2Affine
	q.ScalarMultiplication(&g2, s)
	return q
}

// exCounts are the item counts of the growing examples.
var exCounts = []int{1, 2, 8, 32, 128}

func aggregateExamples(g2 bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, k := range exCounts {
			var in []byte
			for i := range k {
				if g2 {
					q := exG2(exScalar(i + 1))
					in = bls12381.AppendG2Compressed(in, &q)
				} else {
					p := exG1(exScalar(i + 1))
					in = bls12381.AppendG1Compressed(in, &p)
				}
			}
			ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
		}
		return ex
	}
}

func g1Pair() []core.Example {
	p, q := exG1(exScalar(1)), exG1(exScalar(2))
	return []core.Example{{Name: "2points", Input: bls12381.AppendG1Uncompressed(bls12381.AppendG1Uncompressed(nil, &p), &q), Worst: true}}
}

func g2Pair() []core.Example {
	p, q := exG2(exScalar(1)), exG2(exScalar(2))
	return []core.Example{{Name: "2points", Input: bls12381.AppendG2Uncompressed(bls12381.AppendG2Uncompressed(nil, &p), &q), Worst: true}}
}

func g1One() []core.Example {
	p := exG1(exScalar(3))
	return []core.Example{{Name: "point", Input: bls12381.AppendG1Uncompressed(nil, &p), Worst: true}}
}

func g2One() []core.Example {
	p := exG2(exScalar(3))
	return []core.Example{{Name: "point", Input: bls12381.AppendG2Uncompressed(nil, &p), Worst: true}}
}

func g1OneCompressed() []core.Example {
	p := exG1(exScalar(3))
	return []core.Example{{Name: "point", Input: bls12381.AppendG1Compressed(nil, &p), Worst: true}}
}

func g2OneCompressed() []core.Example {
	p := exG2(exScalar(3))
	return []core.Example{{Name: "point", Input: bls12381.AppendG2Compressed(nil, &p), Worst: true}}
}

// ones is the all-ones 256-bit scalar: reduced mod r, still full width.
func ones() []byte {
	b := make([]byte, 32)
	for i := range b {
		b[i] = 0xff
	}
	return b
}

func g1MulExamples() []core.Example {
	p := exG1(exScalar(1))
	return []core.Example{
		{Name: "255bit", Input: append(bls12381.AppendG1Uncompressed(nil, &p), be32(exScalar(3))...)},
		{Name: "256bit-ones", Input: append(bls12381.AppendG1Uncompressed(nil, &p), ones()...), Worst: true},
	}
}

func g2MulExamples() []core.Example {
	p := exG2(exScalar(1))
	return []core.Example{
		{Name: "255bit", Input: append(bls12381.AppendG2Uncompressed(nil, &p), be32(exScalar(3))...)},
		{Name: "256bit-ones", Input: append(bls12381.AppendG2Uncompressed(nil, &p), ones()...), Worst: true},
	}
}

func msmExamples(g2 bool) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, k := range exCounts {
			var in []byte
			for i := range k {
				if g2 {
					q := exG2(exScalar(i + 1))
					in = bls12381.AppendG2Uncompressed(in, &q)
				} else {
					p := exG1(exScalar(i + 1))
					in = bls12381.AppendG1Uncompressed(in, &p)
				}
				in = append(in, be32(exScalar(i+100))...)
			}
			ex = append(ex, core.Example{Name: strconv.Itoa(k) + "points", Input: in, Worst: true})
		}
		return ex
	}
}

// productOnePairs returns k scalar pairs (a_i, b_i) with Σ a_i·b_i = 0 mod
// r (for k = 1, one non-degenerate pair: the check answers 0x00).
func productOnePairs(k int) (as, bs []*big.Int) {
	r := blsfr.Modulus()
	sum := new(big.Int)
	for i := range k {
		a, b := exScalar(2*i+1), exScalar(2*i+2)
		as, bs = append(as, a), append(bs, b)
		if i < k-1 {
			sum.Add(sum, new(big.Int).Mul(a, b))
		}
	}
	if k > 1 {
		inv := new(big.Int).ModInverse(bs[k-1], r)
		as[k-1] = new(big.Int).Mod(new(big.Int).Neg(new(big.Int).Mul(sum, inv)), r)
	}
	return as, bs
}

func pairingExamples() []core.Example {
	var ex []core.Example
	for _, k := range []int{1, 2, 4, 8} {
		as, bs := productOnePairs(k)
		var in []byte
		for i := range k {
			p, q := exG1(as[i]), exG2(bs[i])
			in = bls12381.AppendG2Uncompressed(bls12381.AppendG1Uncompressed(in, &p), &q)
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(k) + "pairs", Input: in, Worst: true})
	}
	return ex
}

func exFp(i int) []byte {
	var u blsfp.Element
	u.SetBigInt(new(big.Int).Lsh(exScalar(i), 120))
	b := u.Bytes()
	return b[:]
}

func mapG1Examples() []core.Example {
	return []core.Example{{Name: "fp", Input: exFp(5), Worst: true}}
}

func mapG2Examples() []core.Example {
	return []core.Example{{Name: "fp2", Input: append(exFp(6), exFp(7)...), Worst: true}}
}

// hashExamples: the DST is 43 bytes (the Ethereum POP tag's length); the
// message grows (expand_message_xmd hashes it once) far enough for the
// per-byte cost to stand out of the noise.
func hashExamples() []core.Example {
	tag := []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_")
	var ex []core.Example
	for _, n := range []int{0, 1 << 10, 16 << 10, 64 << 10} {
		in := append([]byte{byte(len(tag))}, tag...)
		for i := range n {
			in = append(in, byte(i*31+7))
		}
		ex = append(ex, core.Example{Name: strconv.Itoa(n) + "B", Input: in, Worst: true})
	}
	return ex
}
