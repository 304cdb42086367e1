package msm

import (
	"encoding/binary"
	"math/big"
	"math/bits"
)

// GLV (Gallant-Lambert-Vanstone): both curves have j = 0, so
// φ(x, y) = (β·x, y), β a cube root of unity in Fp, acts on G1 as
// multiplication by λ, a cube root of unity mod r. A scalar k splits as
// k = k1 + k2·λ mod r with |k1|, |k2| about √r, halving the doublings of
// Straus's method. The (λ, β) pairs were computed from the moduli (roots
// of x²+x+1 mod r and of x³ = 1 mod p, matched on the generator); the
// tests check φ(P) = λ·P against gnark-crypto.
const (
	bls12381LambdaHex = "ac45a4010001a40200000000ffffffff"
	bls12381BetaHex   = "1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaac"
	bn254LambdaHex    = "b3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd"
	bn254BetaHex      = "59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe"
)

func hexInt(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 16)
	if !ok {
		panic("msm: internal error: bad constant " + s)
	}
	return v
}

// glv holds r, λ and a short basis (a1, b1), (a2, b2) of the lattice
// {(x, y): x + y·λ = 0 mod r} (Guide to ECC, algorithm 3.74).
type glv struct {
	r, lam         *big.Int
	a1, b1, a2, b2 *big.Int
}

func newGLV(r *big.Int, lamHex string) *glv {
	g := &glv{r: r, lam: hexInt(lamHex)}
	// Extended Euclid on (r, λ): s·r + t·λ = rem; stop at the first
	// remainder below √r.
	sqrt := new(big.Int).Sqrt(r)
	r0, r1 := new(big.Int).Set(r), new(big.Int).Set(g.lam)
	t0, t1 := big.NewInt(0), big.NewInt(1)
	var rl, tl *big.Int // last remainder ≥ √r and its t
	for r1.Cmp(sqrt) >= 0 {
		q := new(big.Int).Div(r0, r1)
		r0, r1 = r1, new(big.Int).Sub(r0, new(big.Int).Mul(q, r1))
		t0, t1 = t1, new(big.Int).Sub(t0, new(big.Int).Mul(q, t1))
	}
	rl, tl = r0, t0
	// (a1, b1) = (r_{l+1}, -t_{l+1}); (a2, b2) the shorter of
	// (r_l, -t_l) and (r_{l+2}, -t_{l+2}).
	g.a1, g.b1 = new(big.Int).Set(r1), new(big.Int).Neg(t1)
	q := new(big.Int).Div(r0, r1)
	r2 := new(big.Int).Sub(r0, new(big.Int).Mul(q, r1))
	t2 := new(big.Int).Sub(t0, new(big.Int).Mul(q, t1))
	n := func(a, b *big.Int) *big.Int {
		return new(big.Int).Add(new(big.Int).Mul(a, a), new(big.Int).Mul(b, b))
	}
	if n(rl, tl).Cmp(n(r2, t2)) <= 0 {
		g.a2, g.b2 = rl, new(big.Int).Neg(tl)
	} else {
		g.a2, g.b2 = r2, new(big.Int).Neg(t2)
	}
	return g
}

// split returns k1, k2 with k = k1 + k2·λ mod r (either may be negative).
func (g *glv) split(k *big.Int) (k1, k2 *big.Int) {
	round := func(num *big.Int) *big.Int { // round(num / r)
		t := new(big.Int).Lsh(num, 1)
		t.Add(t, g.r)
		d := new(big.Int).Lsh(g.r, 1)
		return t.Div(t, d) // floor((2num + r) / 2r), Euclidean for negative num
	}
	c1 := round(new(big.Int).Mul(g.b2, k))
	c2 := round(new(big.Int).Neg(new(big.Int).Mul(g.b1, k)))
	k1 = new(big.Int).Sub(k, new(big.Int).Mul(c1, g.a1))
	k1.Sub(k1, new(big.Int).Mul(c2, g.a2))
	k2 = new(big.Int).Mul(c1, g.b1)
	k2.Add(k2, new(big.Int).Mul(c2, g.b2))
	k2.Neg(k2)
	return k1, k2
}

// limbs4 returns |v| as four little-endian limbs (|v| < 2^256).
func limbs4(v *big.Int) (l [4]uint64) {
	var b [32]byte
	new(big.Int).Abs(v).FillBytes(b[:])
	for i := range l {
		l[i] = binary.BigEndian.Uint64(b[24-8*i:])
	}
	return l
}

// The Pippenger path splits every scalar too where the split is cheap
// (pippengerGLV): 2n points of about half the bits make fewer windows,
// fewer bucket additions for n below a few thousand, and half the
// doublings of the final combination.
//
// BLS12-381: λ = z² - 1 for the curve parameter z, and r = λ² + λ + 1 as
// integers, so k = q·λ + m (m < λ, q ≤ (r-1)/λ = λ + 1) is already a
// split with both halves non-negative and below 2^128: one division by a
// two-limb constant, no lattice. BN254 has no such form: its split is the
// lattice one on math/big (glv.split), about a microsecond a scalar, which
// costs more than the windows save, so BN254 keeps the plain path.
//
// Up to pippengerGLVMax points only: above, 2n points of 128 bits ran
// slower than n of 255 in the same runs (1024 points: 1.04x, 4096: 1.2x;
// 16 to 256 points: 0.67-0.92x). The cost model counts additions, not
// the cache misses of twice the points and digits.
const (
	bls12381PippengerGLV = true
	bn254PippengerGLV    = false
	pippengerGLVMax      = 256
)

// Straus's method serves up to <curve>StrausMax points. With the GLV
// split the Pippenger path overtakes it early on BLS12-381 (same run, one
// core: 8 points 368 µs against Straus's 686 µs and blst's 586 µs; 4
// points 254 µs against blst's 274 µs); on BN254, without it, Straus
// stays ahead up to 8 points (Pippenger: 2 points 2.2x gnark, 4 points
// 1.3x).
const (
	bls12381StrausMax = 2
	bn254StrausMax    = 8
)

// bls12381Lambda1, bls12381Lambda0 are λ's two little-endian limbs (the
// top bit is set: the divisor of bls12381G1Split is normalised).
const bls12381Lambda1, bls12381Lambda0 = 0xac45a4010001a402, 0x00000000ffffffff

// bls12381G1Split returns k1 = k mod λ and k2 = ⌊k/λ⌋ (k = k1 + k2·λ as
// integers, so k·P = k1·P + k2·φ(P) on G1), for k < 2^255; both are
// non-negative (neg1, neg2 false). Long division (Knuth's algorithm D) of
// four limbs by two: k's top limb is below 2^63 < λ's, so the first
// partial remainder (k3, k2) is already below λ and two quotient digits
// follow.
func bls12381G1Split(k *[4]uint64) (k1, k2 [4]uint64, neg1, neg2 bool) {
	const v1, v0 = bls12381Lambda1, bls12381Lambda0
	r1, r0 := k[3], k[2]
	var q [2]uint64
	for j := 1; j >= 0; j-- {
		u := k[j]
		// (r1, r0, u) / (v1, v0) with (r1, r0) < (v1, v0): the estimate
		// ⌊(r1, r0)/v1⌋ (all ones when r1 = v1) is at most 2 too large
		// (Knuth, TAOCP 4.3.1, Theorem B: v1 is normalised).
		qh := ^uint64(0)
		if r1 < v1 {
			qh, _ = bits.Div64(r1, r0, v1)
		}
		h0, t0 := bits.Mul64(qh, v0)
		h1, l1 := bits.Mul64(qh, v1)
		t1, c := bits.Add64(l1, h0, 0)
		t2 := h1 + c
		s0, b := bits.Sub64(u, t0, 0)
		s1, b := bits.Sub64(r0, t1, b)
		s2, b := bits.Sub64(r1, t2, b)
		for b != 0 { // negative: add λ back until the top limb wraps to 0
			var c uint64
			s0, c = bits.Add64(s0, v0, 0)
			s1, c = bits.Add64(s1, v1, c)
			s2, c = bits.Add64(s2, 0, c)
			qh--
			b &^= c
		}
		q[j], r1, r0 = qh, s1, s0
	}
	return [4]uint64{r0, r1}, [4]uint64{q[0], q[1]}, false, false
}

// bn254G1Split returns |k1|, |k2| and their signs with k = k1 + k2·λ mod
// r, from the lattice split (math/big). Unused by the Pippenger path
// (bn254PippengerGLV), kept so that both curves share its source.
func bn254G1Split(k *[4]uint64) (k1, k2 [4]uint64, neg1, neg2 bool) {
	a, b := bn254G1GLV.split(new(big.Int).SetBits(wordsOf(k)))
	return limbs4(a), limbs4(b), a.Sign() < 0, b.Sign() < 0
}
