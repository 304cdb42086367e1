package dusk

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/big"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// Examples: deterministic, valid inputs (a verification that runs to the
// end is the most expensive path), at several sizes for calibration.

// exScalar derives a deterministic scalar < m from a label.
func exScalar(label string, m *big.Int) *big.Int {
	h := sha256.Sum256([]byte("hostcrypto dusk example " + label))
	k := new(big.Int).SetBytes(h[:])
	k.Mod(k, m)
	if k.Sign() == 0 {
		k.SetInt64(1)
	}
	return k
}

var bn254R = bn254.ID.ScalarField()

// groth16Example builds a pvk with n gamma_abc points and a proof that
// satisfies e(A, B) = e(alpha, beta) * e(P, gamma) * e(C, delta), choosing
// A = a*G1, B = b*G2, P = p*G1, gamma = g*G2, delta = d*G2 and
// C = (a*b - alpha*beta - p*g)/d * G1.
func groth16Example(n int) []byte {
	_, _, g1, g2 := bn254.Generators()
	s := func(l string) *big.Int { return exScalar(fmt.Sprintf("groth16 %s %d", l, n), bn254R) }
	al, be, ga, de, a, b, p := s("alpha"), s("beta"), s("gamma"), s("delta"), s("a"), s("b"), s("p")
	c := new(big.Int).Mul(a, b)
	c.Sub(c, new(big.Int).Mul(al, be))
	c.Sub(c, new(big.Int).Mul(p, ga))
	c.Mul(c, new(big.Int).ModInverse(de, bn254R))
	c.Mod(c, bn254R)
	var alpha, A, P, C bn254.G1Affine
	var beta, gamma, delta, B bn254.G2Affine
	alpha.ScalarMultiplication(&g1, al)
	A.ScalarMultiplication(&g1, a)
	P.ScalarMultiplication(&g1, p)
	C.ScalarMultiplication(&g1, c)
	beta.ScalarMultiplication(&g2, be)
	gamma.ScalarMultiplication(&g2, ga)
	delta.ScalarMultiplication(&g2, de)
	B.ScalarMultiplication(&g2, b)
	abc := make([]bn254.G1Affine, n)
	for i := range abc {
		abc[i].ScalarMultiplication(&g1, s(fmt.Sprint("abc", i)))
	}
	pvk := appendPVK(nil, &alpha, &beta, &gamma, &delta, abc)
	proof := appendG1Compressed(nil, &A)
	proof = appendG2Compressed(proof, &B)
	proof = appendG1Compressed(proof, &C)
	return sections(pvk, proof, appendG1Compressed(nil, &P))
}

// sections frames byte strings as 4-byte big-endian length || bytes.
func sections(parts ...[]byte) []byte { return wire.AppendSections(nil, parts...) }

func groth16Examples() []core.Example {
	var out []core.Example
	for _, n := range []int{2, 16, 128, 1024, 4096} {
		out = append(out, core.Example{Name: fmt.Sprintf("%dabc", n), Input: groth16Example(n), Worst: true})
	}
	return out
}

var bls381R = fr381.Modulus()

// blsKey returns a deterministic BLS key pair: sk and pk = sk*G2 compressed.
func blsKey(i int) (*big.Int, []byte) {
	_, _, _, g2 := bls.Generators()
	sk := exScalar(fmt.Sprint("bls sk ", i), bls381R)
	var pk bls.G2Affine
	pk.ScalarMultiplication(&g2, sk)
	b := pk.Bytes()
	return sk, b[:]
}

// blsSign returns s*H0(msg) compressed.
func blsSign(s *big.Int, msg []byte) []byte {
	h, err := bls.HashToG1(msg, []byte(blsH0DST))
	if err != nil {
		panic("dusk: internal error: " + err.Error())
	}
	var sig bls.G1Affine
	sig.ScalarMultiplication(&h, s)
	b := sig.Bytes()
	return b[:]
}

func exMessage(n int) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(i*7 + 1)
	}
	return m
}

func blsExamples() []core.Example {
	var out []core.Example
	sk, pk := blsKey(0)
	// The message is hashed to G1 (SHA-256, ~0.5 ns/byte): the long ones
	// give calibration a per-byte slope above the noise of the fixed cost.
	for _, n := range []int{0, 256, 4096, 256 << 10, 512 << 10} {
		msg := exMessage(n)
		in := append(append(append([]byte(nil), pk...), blsSign(sk, msg)...), msg...)
		out = append(out, core.Example{Name: fmt.Sprintf("%dB", n), Input: in, Worst: true})
	}
	return out
}

func multisigExamples() []core.Example {
	var out []core.Example
	type shape struct{ keys, msgLen int }
	shapes := []shape{{1, 32}, {4, 32}, {16, 32}, {64, 32}, {1, 256 << 10}, {1, 512 << 10}}
	for _, sh := range shapes {
		n, msg := sh.keys, exMessage(sh.msgLen)
		in := binary.BigEndian.AppendUint32(nil, uint32(n))
		s := new(big.Int)
		for i := 0; i < n; i++ {
			sk, pk := blsKey(i)
			in = append(in, pk...)
			t := blsH1(pk)
			var te fr381.Element
			te, _ = fr381.LittleEndian.Element(&t)
			var tb big.Int
			te.BigInt(&tb)
			s.Add(s, tb.Mul(&tb, sk))
		}
		s.Mod(s, bls381R)
		in = append(append(in, blsSign(s, msg)...), msg...)
		name := fmt.Sprintf("%dkeys", n)
		if sh.msgLen != 32 {
			name += fmt.Sprintf("-%dKiB", sh.msgLen>>10)
		}
		out = append(out, core.Example{Name: name, Input: in, Worst: true})
	}
	return out
}

// schnorrExample signs msg with a deterministic key: R = r*G,
// u = r - c*sk mod rJ, so that u*G + c*PK = R. It needs the catalogue's
// Poseidon; without it there is no example.
func schnorrExamples() []core.Example {
	rj := new(big.Int).SetBytes(reverse32(jjOrder))
	sk := exScalar("schnorr sk", rj)
	r := exScalar("schnorr r", rj)
	var pk, R jjPoint
	pk.scalarMul(&jjGen, le32(sk))
	R.scalarMul(&jjGen, le32(r))
	var msg [32]byte
	copy(msg[:], le32(exScalar("schnorr msg", bls381R)))
	c, err := schnorrChallenge(&R, &pk, &msg)
	if err != nil {
		return []core.Example{}
	}
	u := new(big.Int).Mul(new(big.Int).SetBytes(reverse32(c)), sk)
	u.Sub(r, u)
	u.Mod(u, rj)
	pkB, rB := encodeJubJub(&pk), encodeJubJub(&R)
	in := append(append(append(pkB[:], le32(u)...), rB[:]...), msg[:]...)
	return []core.Example{{Name: "128B", Input: in, Worst: true}}
}

func le32(k *big.Int) []byte {
	var be [32]byte
	k.FillBytes(be[:])
	return reverse32(be)
}

func reverse32(b [32]byte) []byte {
	out := make([]byte, 32)
	for i := range b {
		out[31-i] = b[i]
	}
	return out
}

// kzgExamples: a constant polynomial p = y opens at any z with the
// identity as proof; the commitment is [y]G1.
func kzgExamples() []core.Example {
	_, _, g1, _ := bls.Generators()
	y := exScalar("kzg y", bls381R)
	z := exScalar("kzg z", bls381R)
	var c bls.G1Affine
	c.ScalarMultiplication(&g1, y)
	cb := c.Bytes()
	in := append([]byte(nil), cb[:]...)
	in = append(in, z.FillBytes(make([]byte, 32))...)
	in = append(in, y.FillBytes(make([]byte, 32))...)
	in = append(in, 0xc0)
	in = append(in, make([]byte, 47)...)
	return []core.Example{{Name: "160B", Input: in, Worst: true}}
}
