//go:generate go run ./internal/genexamples

package zk

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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

// Examples of the zk verifiers (benchmarks, gas calibration, fuzz seeds).
//
// The two EIP-encoded Groth16 verifiers get synthetic valid proofs with 1
// to 64 public inputs: choose the verifying key's discrete logs a, b, g, d,
// k_i and A = s·G1, B = t·G2, then solve the verification equation
//
//	e(A, B) = e(α, β) · e(IC_0 + Σ x_i·IC_i, γ) · e(C, δ)
//
// for C = c·G1 with c = (s·t − a·b − l·g) / d mod r, l = k_0 + Σ x_i·k_i.
// Such a proof verifies exactly as a prover's would (the verifier cannot
// tell), and the public-input count scales the MSM as real circuits do.
// The gnark formats also get proofs made by gnark's own prover at first
// use (examples_prover.go), snarkjs PLONK the proof this project made with
// snarkjs (examples_own.go, generated), dusk-plonk valid proofs made with a
// known SRS trapdoor (dplonk.Examples). No example is taken from public
// vectors.

// ownExamplesOf returns the examples of function fn taken from
// ownExamples.
func ownExamplesOf(fn string) func() []core.Example {
	return func() []core.Example {
		var ex []core.Example
		for _, v := range ownExamples {
			if v.fn != fn {
				continue
			}
			in, err := hex.DecodeString(v.input)
			if err != nil {
				panic("zk: internal error: " + err.Error())
			}
			ex = append(ex, core.Example{Name: v.name, Input: in, Worst: true})
		}
		return ex
	}
}

// withExtra returns sized's examples followed by extra's.
func withExtra(sized, extra func() []core.Example) func() []core.Example {
	return func() []core.Example { return append(sized(), extra()...) }
}

func exScalar(label string, i int, r *big.Int) *big.Int {
	h := sha256.Sum256([]byte("hostcrypto zk example " + label + strconv.Itoa(i)))
	return new(big.Int).Mod(new(big.Int).SetBytes(h[:]), r)
}

func groth16Examples(bls bool) []core.Example {
	var ex []core.Example
	for _, nPub := range []int{1, 4, 16, 64} {
		ex = append(ex, core.Example{Name: strconv.Itoa(nPub) + "inputs", Input: groth16Example(bls, nPub), Worst: true})
	}
	return ex
}

// groth16Example returns a valid groth16_*_verify input with nPub public
// inputs (see Examples).
func groth16Example(bls bool, nPub int) []byte {
	r := bnfr.Modulus()
	if bls {
		r = blsfr.Modulus()
	}
	{
		sc := func(l string, i int) *big.Int { return exScalar(l, i, r) }
		a, b, g, d, s, t := sc("a", 0), sc("b", 0), sc("g", 0), sc("d", 0), sc("s", nPub), sc("t", nPub)
		ks := make([]*big.Int, nPub+1)
		xs := make([]*big.Int, nPub)
		l := new(big.Int)
		for i := range ks {
			ks[i] = sc("k", i)
			if i == 0 {
				l.Set(ks[0])
			} else {
				xs[i-1] = sc("x", i)
				l.Add(l, new(big.Int).Mul(xs[i-1], ks[i]))
			}
		}
		c := new(big.Int).Mul(s, t)
		c.Sub(c, new(big.Int).Mul(a, b))
		c.Sub(c, new(big.Int).Mul(l, g))
		c.Mul(c, new(big.Int).ModInverse(d, r))
		c.Mod(c, r)

		var in []byte
		g1s := append([]*big.Int{a}, append(ks, s, c)...)
		g2s := []*big.Int{b, g, d, t}
		var p1 [][]byte
		var p2 [][]byte
		if bls {
			_, _, G1, G2 := blsecc.Generators()
			for _, k := range g1s {
				var p blsecc.G1Affine
				p.ScalarMultiplication(&G1, k)
				p1 = append(p1, bls12381.AppendG1EIP2537(nil, &p))
			}
			for _, k := range g2s {
				var q blsecc.G2Affine
				q.ScalarMultiplication(&G2, k)
				p2 = append(p2, bls12381.AppendG2EIP2537(nil, &q))
			}
		} else {
			_, _, G1, G2 := bnecc.Generators()
			for _, k := range g1s {
				var p bnecc.G1Affine
				p.ScalarMultiplication(&G1, k)
				p1 = append(p1, bn254.AppendG1(nil, &p))
			}
			for _, k := range g2s {
				var q bnecc.G2Affine
				q.ScalarMultiplication(&G2, k)
				p2 = append(p2, bn254.AppendG2(nil, &q))
			}
		}
		// vk = alpha || beta || gamma || delta || n || IC_0..IC_nPub
		in = append(in, p1[0]...)
		in = append(append(append(in, p2[0]...), p2[1]...), p2[2]...)
		in = binary.BigEndian.AppendUint32(in, uint32(nPub+1))
		for i := range ks {
			in = append(in, p1[1+i]...)
		}
		// proof = A || B || C
		in = append(append(append(in, p1[len(p1)-2]...), p2[3]...), p1[len(p1)-1]...)
		for _, x := range xs {
			var w [32]byte
			x.FillBytes(w[:])
			in = append(in, w[:]...)
		}
		return in
	}
}
