package bls

import (
	"math/big"
	"runtime"
	"sync"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/core"
)

// gnarkEngine verifies with gnark-crypto (pure Go). Work on n > 1 items is
// split into GOMAXPROCS contiguous chunks: each chunk decompresses, checks
// and hashes its items and runs one multi-Miller loop; the chunks' GT
// values are multiplied and one final exponentiation decides.
type gnarkEngine struct{}

var (
	g1Gen    bls12381.G1Affine // the G1 generator
	g1GenNeg bls12381.G1Affine // -g1
	twistB   bls12381.E2       // 4(1+u), the twist's curve constant
)

func init() {
	_, _, g1Gen, _ = bls12381.Generators()
	g1GenNeg.Neg(&g1Gen)
	twistB.A0.SetUint64(4)
	twistB.A1.SetUint64(4)
}

// g1Decompress sets p from a compressed G1 encoding that passed
// checkCompressed and is not infinity: x is read, y = sqrt(x^3 + 4) with the
// sign flag selecting the lexicographically larger root. It reports false
// when x^3 + 4 is not a square (x is not on the curve). No subgroup check.
func g1Decompress(p *bls12381.G1Affine, b []byte) bool {
	var buf [fpSize]byte
	copy(buf[:], b[:fpSize])
	buf[0] &^= flagMask
	if err := p.X.SetBytesCanonical(buf[:]); err != nil {
		return false
	}
	var y2, four fp.Element
	four.SetUint64(4)
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
	if p.Y.Sqrt(&y2) == nil {
		return false
	}
	if p.Y.LexicographicallyLargest() != (b[0]&flagSign != 0) {
		p.Y.Neg(&p.Y)
	}
	return true
}

// g2Decompress is g1Decompress for G2: x = x_c1 || x_c0 and
// y = sqrt(x^3 + 4(1+u)) in Fp2. The infinity encoding yields infinity.
func g2Decompress(p *bls12381.G2Affine, b []byte) bool {
	if b[0]&flagInfinity != 0 {
		p.SetInfinity()
		return true
	}
	var buf [fpSize]byte
	copy(buf[:], b[:fpSize])
	buf[0] &^= flagMask
	if p.X.A1.SetBytesCanonical(buf[:]) != nil || p.X.A0.SetBytesCanonical(b[fpSize:2*fpSize]) != nil {
		return false
	}
	var y2 bls12381.E2
	y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &twistB)
	if y2.Legendre() == -1 {
		return false
	}
	p.Y.Sqrt(&y2)
	if p.Y.LexicographicallyLargest() != (b[0]&flagSign != 0) {
		p.Y.Neg(&p.Y)
	}
	return true
}

// pointFlags accumulates the failures of a set of points; err turns them into
// the shared code (off-curve wins over outside-the-subgroup).
type pointFlags struct{ offCurve, outside bool }

func (f *pointFlags) merge(g pointFlags) {
	f.offCurve = f.offCurve || g.offCurve
	f.outside = f.outside || g.outside
}

func (f pointFlags) err() error {
	switch {
	case f.offCurve:
		return core.Errorf(core.CodeInvalidPoint, "bls: point not on the curve")
	case f.outside:
		return core.Errorf(core.CodeNotInSubgroup, "bls: point not in the order-r subgroup")
	}
	return nil
}

// decodePK decompresses and subgroup-checks a public key.
func decodePK(p *bls12381.G1Affine, b []byte, f *pointFlags) {
	if !g1Decompress(p, b) {
		f.offCurve = true
		return
	}
	if !p.IsInSubGroup() {
		f.outside = true
	}
}

// decodeSig decompresses and subgroup-checks a signature.
func decodeSig(p *bls12381.G2Affine, b []byte, f *pointFlags) {
	if !g2Decompress(p, b) {
		f.offCurve = true
		return
	}
	if !p.IsInfinity() && !p.IsInSubGroup() {
		f.outside = true
	}
}

// workers returns how many chunks n items are split into: GOMAXPROCS, at
// most n.
func workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n))
}

// chunks runs work over [0, n) split into w contiguous ranges, in
// parallel, and returns once all are done. work gets the chunk index,
// which callers use to store per-chunk results deterministically.
func chunks(n, w int, work func(c, lo, hi int)) {
	if w <= 1 {
		work(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for c := 0; c < w; c++ {
		lo, hi := c*n/w, (c+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(c, lo, hi)
		}()
	}
	wg.Wait()
}

// chunkResult is one chunk's partial pairing product and point flags.
type chunkResult struct {
	ml    bls12381.GT
	sum   bls12381.G2Jac // sum of r_i sig_i (batch only)
	flags pointFlags
	err   error
}

func (gnarkEngine) aggregateVerify(pks [][]byte, sig []byte, msgs [][]byte, dst []byte) (bool, error) {
	n := len(pks)
	// The signature side, e(-g1, sig)'s Miller loop, runs alongside the
	// chunks.
	sigSide := make(chan chunkResult, 1)
	go func() {
		var r chunkResult
		var s bls12381.G2Affine
		decodeSig(&s, sig, &r.flags)
		if r.flags == (pointFlags{}) {
			r.ml, r.err = bls12381.MillerLoop([]bls12381.G1Affine{g1GenNeg}, []bls12381.G2Affine{s})
		}
		sigSide <- r
	}()
	used := workers(n)
	res := make([]chunkResult, used+1)
	chunks(n, used, func(c, lo, hi int) {
		r := &res[c]
		ps := make([]bls12381.G1Affine, hi-lo)
		qs := make([]bls12381.G2Affine, hi-lo)
		for i := lo; i < hi; i++ {
			decodePK(&ps[i-lo], pks[i], &r.flags)
		}
		if r.flags != (pointFlags{}) {
			return
		}
		for i := lo; i < hi; i++ {
			q, err := bls12381.HashToG2(msgs[i], dst)
			if err != nil {
				r.err = err
				return
			}
			qs[i-lo] = q
		}
		r.ml, r.err = bls12381.MillerLoop(ps, qs)
	})
	res[used] = <-sigSide
	return finish(res[:used+1])
}

// finish multiplies the partial Miller loops (one of which is the
// signature side's e(-g1, sig)), applies the final exponentiation and
// compares with 1. It reports point failures first.
func finish(res []chunkResult) (bool, error) {
	var flags pointFlags
	for i := range res {
		flags.merge(res[i].flags)
	}
	if err := flags.err(); err != nil {
		return false, err
	}
	for i := range res {
		if res[i].err != nil {
			return false, core.Errorf(core.CodeMalformed, "bls: %v", res[i].err)
		}
	}
	acc := res[0].ml
	for i := 1; i < len(res); i++ {
		acc.Mul(&acc, &res[i].ml)
	}
	acc = bls12381.FinalExponentiation(&acc)
	return acc.IsOne(), nil
}

func (gnarkEngine) fastAggregateVerify(pks [][]byte, sig, msg, dst []byte) (bool, error) {
	n := len(pks)
	type part struct {
		sum   bls12381.G1Jac
		flags pointFlags
	}
	used := workers(n)
	parts := make([]part, used)
	var s bls12381.G2Affine
	var sf pointFlags
	var h bls12381.G2Affine
	var herr error
	chunks(n, used, func(c, lo, hi int) {
		p := &parts[c]
		if c == 0 {
			decodeSig(&s, sig, &sf)
			h, herr = bls12381.HashToG2(msg, dst)
		}
		var pk bls12381.G1Affine
		for i := lo; i < hi; i++ {
			decodePK(&pk, pks[i], &p.flags)
			p.sum.AddMixed(&pk)
		}
	})
	flags := sf
	var agg bls12381.G1Jac
	for i := 0; i < used; i++ {
		flags.merge(parts[i].flags)
		agg.AddAssign(&parts[i].sum)
	}
	if err := flags.err(); err != nil {
		return false, err
	}
	if herr != nil {
		return false, core.Errorf(core.CodeMalformed, "bls: %v", herr)
	}
	var aggAff bls12381.G1Affine
	aggAff.FromJacobian(&agg)
	if aggAff.IsInfinity() {
		return false, nil
	}
	ok, err := bls12381.PairingCheck([]bls12381.G1Affine{aggAff, g1GenNeg}, []bls12381.G2Affine{h, s})
	if err != nil {
		return false, core.Errorf(core.CodeMalformed, "bls: %v", err)
	}
	return ok, nil
}

func (gnarkEngine) batchVerify(pks, sigs, msgs [][]byte, dst []byte, r [][16]byte) (bool, error) {
	n := len(pks)
	used := workers(n)
	res := make([]chunkResult, used+1)
	chunks(n, used, func(c, lo, hi int) {
		cr := &res[c]
		pk := make([]bls12381.G1Affine, hi-lo)
		sg := make([]bls12381.G2Affine, hi-lo)
		// Decode every point of the chunk before giving up, so that an
		// off-curve point after one outside the subgroup is still seen.
		for i := lo; i < hi; i++ {
			decodePK(&pk[i-lo], pks[i], &cr.flags)
			decodeSig(&sg[i-lo], sigs[i], &cr.flags)
		}
		if cr.flags != (pointFlags{}) {
			return
		}
		ps := make([]bls12381.G1Affine, hi-lo)
		qs := make([]bls12381.G2Affine, hi-lo)
		var k big.Int
		for i := lo; i < hi; i++ {
			k.SetBytes(r[i][:])
			ps[i-lo].ScalarMultiplication(&pk[i-lo], &k)
			var sj, rs bls12381.G2Jac
			sj.FromAffine(&sg[i-lo])
			rs.ScalarMultiplication(&sj, &k)
			cr.sum.AddAssign(&rs)
			q, err := bls12381.HashToG2(msgs[i], dst)
			if err != nil {
				cr.err = err
				return
			}
			qs[i-lo] = q
		}
		cr.ml, cr.err = bls12381.MillerLoop(ps, qs)
	})
	var sum bls12381.G2Jac
	for i := 0; i < used; i++ {
		sum.AddAssign(&res[i].sum)
	}
	var s bls12381.G2Affine
	s.FromJacobian(&sum)
	last := &res[used]
	last.ml, last.err = bls12381.MillerLoop([]bls12381.G1Affine{g1GenNeg}, []bls12381.G2Affine{s})
	return finish(res[:used+1])
}
