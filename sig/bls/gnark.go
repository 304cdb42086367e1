package bls

import (
	"math/big"
	"runtime"
	"sync"
	"sync/atomic"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/safego"
)

// gnarkEngine verifies with gnark-crypto (pure Go). n items are shared by
// GOMAXPROCS workers (see steal): each decompresses, checks and hashes the
// items it takes and runs one multi-Miller loop over them, while another
// goroutine handles the signature side; the partial GT values are
// multiplied and one final exponentiation decides.
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

// workers returns how many workers share n items: GOMAXPROCS, at most n.
func workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n))
}

// steal runs w workers over the items [0, n), in parallel, each taking the
// next item from a shared counter until none is left, and returns once all
// are done. work gets its worker index (where it stores its partial
// result) and the item source. Which worker takes which item depends on
// scheduling; callers combine partial results with commutative operations
// (sums of points, products in GT), so answers do not.
//
// A panic in a worker is recorded in catch (the caller raises it with
// catch.Check once every goroutine of the call is done).
func steal(n, w int, catch *safego.Catcher, work func(c int, next func() (int, bool))) {
	var counter atomic.Int64
	next := func() (int, bool) {
		i := int(counter.Add(1) - 1)
		return i, i < n
	}
	if w <= 1 {
		work(0, next)
		return
	}
	var wg sync.WaitGroup
	for c := 0; c < w; c++ {
		safego.Go(&wg, catch, func() {
			if workerHook != nil {
				workerHook()
			}
			work(c, next)
		})
	}
	wg.Wait()
}

// workerHook, when set (by tests only), runs at the start of every worker
// goroutine the package starts: a test makes it panic to check that the
// panic becomes the call's internal_error.
var workerHook func()

// chunkResult is one worker's partial pairing product (1 when it took no
// items) and point flags.
type chunkResult struct {
	ml    bls12381.GT
	sum   bls12381.G2Jac // sum of r_i sig_i (batch only)
	flags pointFlags
	err   error
}

func (gnarkEngine) aggregateVerify(pks [][]byte, sig []byte, msgs [][]byte, dst []byte) (bool, error) {
	n := len(pks)
	// The signature side, e(-g1, sig)'s Miller loop, runs alongside the
	// workers.
	sigSide := make(chan chunkResult, 1)
	var catch safego.Catcher
	go func() {
		var r chunkResult
		defer func() { sigSide <- r }()
		defer catch.Recover()
		if workerHook != nil {
			workerHook()
		}
		var s bls12381.G2Affine
		decodeSig(&s, sig, &r.flags)
		if r.flags == (pointFlags{}) {
			r.ml, r.err = bls12381.MillerLoop([]bls12381.G1Affine{g1GenNeg}, []bls12381.G2Affine{s})
		}
	}()
	used := workers(n)
	res := make([]chunkResult, used+1)
	steal(n, used, &catch, func(c int, next func() (int, bool)) {
		r := &res[c]
		r.ml.SetOne()
		var ps []bls12381.G1Affine
		var qs []bls12381.G2Affine
		for i, ok := next(); ok; i, ok = next() {
			var p bls12381.G1Affine
			// After a failure keep decoding (every point must be seen
			// for the status code) but skip the arithmetic.
			if decodePK(&p, pks[i], &r.flags); r.flags != (pointFlags{}) || r.err != nil {
				continue
			}
			q, err := bls12381.HashToG2(msgs[i], dst)
			if err != nil {
				r.err = err
				continue
			}
			ps, qs = append(ps, p), append(qs, q)
		}
		if len(ps) > 0 && r.flags == (pointFlags{}) && r.err == nil {
			r.ml, r.err = bls12381.MillerLoop(ps, qs)
		}
	})
	res[used] = <-sigSide
	catch.Check("bls")
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
	sigDone := make(chan struct{})
	var catch safego.Catcher
	go func() {
		defer close(sigDone)
		defer catch.Recover()
		if workerHook != nil {
			workerHook()
		}
		decodeSig(&s, sig, &sf)
		h, herr = bls12381.HashToG2(msg, dst)
	}()
	steal(n, used, &catch, func(c int, next func() (int, bool)) {
		p := &parts[c]
		var pk bls12381.G1Affine
		for i, ok := next(); ok; i, ok = next() {
			if decodePK(&pk, pks[i], &p.flags); p.flags == (pointFlags{}) {
				p.sum.AddMixed(&pk)
			}
		}
	})
	<-sigDone
	catch.Check("bls")
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
	var catch safego.Catcher
	steal(n, used, &catch, func(c int, next func() (int, bool)) {
		cr := &res[c]
		cr.ml.SetOne()
		var ps []bls12381.G1Affine
		var qs []bls12381.G2Affine
		var k big.Int
		for i, ok := next(); ok; i, ok = next() {
			var pk bls12381.G1Affine
			var sg bls12381.G2Affine
			// After a failure keep decoding (every point must be seen
			// for the status code) but skip the arithmetic.
			decodePK(&pk, pks[i], &cr.flags)
			decodeSig(&sg, sigs[i], &cr.flags)
			if cr.flags != (pointFlags{}) || cr.err != nil {
				continue
			}
			k.SetBytes(r[i][:])
			var rp bls12381.G1Affine
			rp.ScalarMultiplication(&pk, &k)
			var sj, rs bls12381.G2Jac
			sj.FromAffine(&sg)
			rs.ScalarMultiplication(&sj, &k)
			cr.sum.AddAssign(&rs)
			q, err := bls12381.HashToG2(msgs[i], dst)
			if err != nil {
				cr.err = err
				continue
			}
			ps, qs = append(ps, rp), append(qs, q)
		}
		if len(ps) > 0 && cr.flags == (pointFlags{}) && cr.err == nil {
			cr.ml, cr.err = bls12381.MillerLoop(ps, qs)
		}
	})
	catch.Check("bls")
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
