// Package msm is hostcrypto's own multi-scalar multiplication, built on the
// project's field kernels (field/bls12381fp, field/bn254fp: ADX, MULQ, IFMA,
// arm64 or portable Go, chosen by package dispatch). It is the "native"
// implementation of the dispatch primitives msm.bls12381g1, msm.bn254g1
// and msm.bls12381g2 (registered by package curves).
//
// Algorithm: Pippenger's bucket method with signed c-bit digits (buckets
// 1 … 2^(c-1), a negative digit adds -P), c chosen per size by a cost model
// that counts bucket additions and charges a narrow top window (few
// buckets, so most of its additions collide) about three times. Buckets
// are accumulated in affine coordinates in batches: a batch collects up to
// K additions into distinct buckets, the K denominators are inverted with
// one inversion (Montgomery's trick, run as 8 interleaved chains; the
// inversion itself is gnark-crypto's binary GCD on the same limbs), and the
// K additions are evaluated with the vector multiply MulVec (8 products at
// a time on AVX-512 IFMA, the scalar kernel elsewhere). An addition into a
// bucket already in the current batch waits in a queue for the next batch
// (up to K/2 of them; beyond, and for doublings, it goes to a second,
// extended-Jacobian (XYZZ) bucket). Buckets are summed with the running-sum
// method, windows with c doublings each (Horner). Scratch space is pooled
// between calls.
//
// GLV: on G1 both curves have an endomorphism φ(x, y) = (β·x, y) = λ·P.
// For a few points (up to 8 on BN254, 2 on BLS12-381), Straus's method
// runs on the 2n points P, φ(P) with the ~128-bit halves of a lattice
// split of each scalar. On BLS12-381,
// r = λ² + λ + 1 as integers, so k = ⌊k/λ⌋·λ + (k mod λ) is a split with
// two non-negative halves below 2^128, one two-limb division (glv.go); the
// Pippenger path uses it up to 256 points, where half the windows outweigh
// twice the points. Every point must be in G1 (the callers check).
//
// The windows are independent: with GOMAXPROCS > 1 they are split into
// contiguous ranges over goroutines and the window sums combined in a
// fixed order. Field arithmetic is exact, so the result is the same point
// whatever the split and core count, and is returned in the same affine
// encoding as gnark-crypto and blst.
//
// BLS12-381 G2 (bls12381g2.go) is the same Pippenger over Fp2 =
// Fp[u]/(u²+1), written by hand: in the batch flush the Fp2 products run
// as MulVec over the arrays of components (Karatsuba: three Fp products
// per Fp2 product, two per square), and each denominator d = d0 + d1·u is
// inverted through its norm, 1/d = (d0 - d1·u)/(d0² + d1²), so Montgomery's
// trick and the one inversion (gnark-crypto's Fp inverse, same Montgomery
// layout) run over Fp. As an XYZZ operation over Fp2 costs about four
// batched affine additions, G2 avoids them further: an addition deferred
// to the next batch that meets a bucket of it again is deferred again
// while that batch has 16 entries, and P + P joins the batch as an affine
// doubling, so one point repeated costs 1.5-1.7x random inputs, not
// 2.4x. No endomorphism is used on G2 (no Straus/GLV for small sizes:
// package curves hands those to gnark or blst), so the sum is right for
// any points of the twist.
//
// Variable time: for public inputs only (verification, EVM precompiles).
//
// bn254g1.go is generated from bls12381g1.go by ./internal/gen
// (`go generate ./curves/internal/msm`).
package msm

//go:generate go run ./internal/gen
