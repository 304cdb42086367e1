package msm

import (
	"math/big"
	"math/bits"

	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// Scalar bit lengths: every scalar handed to the MSMs is reduced mod r,
// so below 2^bits.
const (
	bls12381ScalarBits = 255
	bn254ScalarBits    = 254
)

// Straus's method (one chain of doublings, a table per point) serves MSMs
// of at most <curve>StrausMax points (glv.go), with strausC-bit signed
// digits.
const strausC = 5

// forceC, when set (by benchmarks only), overrides the window width.
var forceC int

// maxC bounds the window width (digits are int32, bucket counts 2^(c-1)).
const maxC = 16

// params returns the window width c and the number of windows for n points
// of scalars below 2^bits. The cost model counts, per window, one addition
// per point and two per bucket (the running sums, batched too); the windows number
// ceil((bits+1)/c) so that the signed recoding never carries out of the
// top one.
func params(n, bits int) (c, windows int) {
	if forceC > 0 {
		return forceC, (bits + forceC) / forceC
	}
	best := -1
	for cc := 2; cc <= maxC; cc++ {
		w := (bits + cc) / cc // ceil((bits+1)/cc)
		cost := (w - 1) * (n + 2<<(cc-1))
		// The top window holds the t = bits+1-(w-1)c top bits, so its
		// digits use about 2^(t-1) buckets: when that is a small share of
		// the 2^(c-1), its additions keep meeting buckets already in the
		// batch and mostly run as XYZZ additions, about three times the
		// cost of a batched one (measured: 2n = 2048 points of 128 bits
		// run fastest at c = 10, whose top window holds 9 bits, not at
		// c = 9 with 3).
		if t := bits + 1 - (w-1)*cc; t >= cc-1 {
			cost += n + 2<<(cc-1)
		} else {
			cost += 3*n + 2<<(t-1)
		}
		if best < 0 || cost < best {
			best, c, windows = cost, cc, w
		}
	}
	return c, windows
}

// batchSize is the number of affine additions collected before one batch
// inversion, for nb buckets: a quarter of them (so that few points meet a
// bucket already in the batch), a multiple of 8, from 8 to 512.
func batchSize(nb int) int {
	k := nb / 4
	if k > 512 {
		k = 512
	}
	if k < 8 {
		k = 8
	}
	return k &^ 7
}

// maxBuckets bounds the buckets a worker keeps at once (96 or 64 bytes
// each): its windows are processed in groups of at most that many buckets.
const maxBuckets = 8192

// groupWindows returns how many of nw windows of width c form a group.
func groupWindows(c, nw int) int {
	g := maxBuckets >> (c - 1)
	return max(1, min(g, nw))
}

// segments returns the number S of running-sum chains per window for a
// worker of nw windows of width c: enough chains in all (about 256) for
// the reduction's batches to amortise their inversions, at most a quarter
// of the buckets, a power of two.
func segments(nw, c int) int {
	nb := 1 << (c - 1)
	S := 1
	for S*nw < 256 && S*8 <= nb {
		S *= 2
	}
	return S
}

// recode writes the signed c-bit digits of the scalars sc (regular form,
// little-endian limbs, below 2^bits) scalar by scalar: out[i*windows+w] is
// the digit of scalar i in window w, in [-2^(c-1), 2^(c-1)], with
// Σ_w out[w*n+i]·2^(c·w) = sc[i].
func recode(out []int32, sc [][4]uint64, c, windows int) {
	half, full, mask := int32(1)<<(c-1), int32(1)<<c, uint64(1)<<c-1
	for i := range sc {
		s := &sc[i]
		carry := int32(0)
		for w := 0; w < windows; w++ {
			bit := w * c
			limb, off := bit/64, uint(bit%64)
			var v uint64
			if limb < 4 {
				v = s[limb] >> off
				if off+uint(c) > 64 && limb+1 < 4 {
					v |= s[limb+1] << (64 - off)
				}
			}
			d := int32(v&mask) + carry
			carry = 0
			if d > half {
				d -= full
				carry = 1
			}
			out[i*windows+w] = d
		}
	}
}

// workers returns how many goroutines share the windows of an MSM of n
// points: one per CPU up to the number of windows, and one for small n
// (where a goroutine costs more than it saves).
func workers(n, windows int) int {
	if n < 64 {
		return 1
	}
	w := parallel.Workers(windows, 1)
	return w
}

// wordsOf returns the limbs of s as big.Word (64-bit platforms: the same;
// 32-bit: split).
func wordsOf(s *[4]uint64) []big.Word {
	if bits.UintSize == 64 {
		return []big.Word{big.Word(s[0]), big.Word(s[1]), big.Word(s[2]), big.Word(s[3])}
	}
	w := make([]big.Word, 8)
	for i, l := range s {
		w[2*i], w[2*i+1] = big.Word(l), big.Word(l>>32)
	}
	return w
}
