package msm

import (
	"math/bits"

	bls12381fp "github.com/hostcrypto/hostcrypto/field/bls12381fp"
	bn254fp "github.com/hostcrypto/hostcrypto/field/bn254fp"
)

// Unrolled modular addition and subtraction for the two base fields: the
// bucket accumulation does about as many of them as multiplications.

var (
	bls12381Q = bls12381fp.Modulus()
	bn254Q    = bn254fp.Modulus()
)

// bls12381Limbs is the bls12381 base field modulus q, little-endian limbs.
var bls12381QLimbs = func() (q [6]uint64) {
	for i, w := range bls12381Q.Bits() {
		q[i] = uint64(w)
	}
	return q
}()

// bls12381Sub sets z = x - y mod q (unrolled; the field's Sub, inlined).
func bls12381Sub(z, x, y *bls12381fp.Element) {
	var b, c uint64
	t0, b := bits.Sub64(x[0], y[0], 0)
	t1, b := bits.Sub64(x[1], y[1], b)
	t2, b := bits.Sub64(x[2], y[2], b)
	t3, b := bits.Sub64(x[3], y[3], b)
	t4, b := bits.Sub64(x[4], y[4], b)
	t5, b := bits.Sub64(x[5], y[5], b)
	m := -b
	q := &bls12381QLimbs
	z[0], c = bits.Add64(t0, q[0]&m, c)
	z[1], c = bits.Add64(t1, q[1]&m, c)
	z[2], c = bits.Add64(t2, q[2]&m, c)
	z[3], c = bits.Add64(t3, q[3]&m, c)
	z[4], c = bits.Add64(t4, q[4]&m, c)
	z[5], c = bits.Add64(t5, q[5]&m, c)
	_ = c
}

// bls12381Add sets z = x + y mod q (x + y < 2q < 2^(64N): no carry out).
func bls12381Add(z, x, y *bls12381fp.Element) {
	var c, b uint64
	t0, c := bits.Add64(x[0], y[0], 0)
	t1, c := bits.Add64(x[1], y[1], c)
	t2, c := bits.Add64(x[2], y[2], c)
	t3, c := bits.Add64(x[3], y[3], c)
	t4, c := bits.Add64(x[4], y[4], c)
	t5, c := bits.Add64(x[5], y[5], c)
	_ = c
	q := &bls12381QLimbs
	s0, b := bits.Sub64(t0, q[0], 0)
	s1, b := bits.Sub64(t1, q[1], b)
	s2, b := bits.Sub64(t2, q[2], b)
	s3, b := bits.Sub64(t3, q[3], b)
	s4, b := bits.Sub64(t4, q[4], b)
	s5, b := bits.Sub64(t5, q[5], b)
	m := -b // all ones: t < q, keep t
	z[0] = (t0 & m) | (s0 &^ m)
	z[1] = (t1 & m) | (s1 &^ m)
	z[2] = (t2 & m) | (s2 &^ m)
	z[3] = (t3 & m) | (s3 &^ m)
	z[4] = (t4 & m) | (s4 &^ m)
	z[5] = (t5 & m) | (s5 &^ m)
}

// bn254Limbs is the bn254 base field modulus q, little-endian limbs.
var bn254QLimbs = func() (q [4]uint64) {
	for i, w := range bn254Q.Bits() {
		q[i] = uint64(w)
	}
	return q
}()

// bn254Sub sets z = x - y mod q (unrolled; the field's Sub, inlined).
func bn254Sub(z, x, y *bn254fp.Element) {
	var b, c uint64
	t0, b := bits.Sub64(x[0], y[0], 0)
	t1, b := bits.Sub64(x[1], y[1], b)
	t2, b := bits.Sub64(x[2], y[2], b)
	t3, b := bits.Sub64(x[3], y[3], b)
	m := -b
	q := &bn254QLimbs
	z[0], c = bits.Add64(t0, q[0]&m, c)
	z[1], c = bits.Add64(t1, q[1]&m, c)
	z[2], c = bits.Add64(t2, q[2]&m, c)
	z[3], c = bits.Add64(t3, q[3]&m, c)
	_ = c
}

// bn254Add sets z = x + y mod q (x + y < 2q < 2^(64N): no carry out).
func bn254Add(z, x, y *bn254fp.Element) {
	var c, b uint64
	t0, c := bits.Add64(x[0], y[0], 0)
	t1, c := bits.Add64(x[1], y[1], c)
	t2, c := bits.Add64(x[2], y[2], c)
	t3, c := bits.Add64(x[3], y[3], c)
	_ = c
	q := &bn254QLimbs
	s0, b := bits.Sub64(t0, q[0], 0)
	s1, b := bits.Sub64(t1, q[1], b)
	s2, b := bits.Sub64(t2, q[2], b)
	s3, b := bits.Sub64(t3, q[3], b)
	m := -b // all ones: t < q, keep t
	z[0] = (t0 & m) | (s0 &^ m)
	z[1] = (t1 & m) | (s1 &^ m)
	z[2] = (t2 & m) | (s2 &^ m)
	z[3] = (t3 & m) | (s3 &^ m)
}
