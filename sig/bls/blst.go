//go:build cgo && !purego

package bls

import (
	"runtime"
	"sync"
	"sync/atomic"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blst "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/safego"
)

const (
	blstAvailable = true
	blstNote      = "supranational/blst v0.3.17 (cgo)"
)

// blstEngine verifies with blst: blst's own verification with every
// decompression and subgroup check on, as fast as calling blst directly;
// only when that fails does it work out which check failed (see
// blstDecodeFailure and blstWhyFalse), so that the status code matches the
// gnark engine's.
var blstEngine engine = blstImpl{}

type blstImpl struct{}

var (
	errOffCurve = core.Errorf(core.CodeInvalidPoint, "bls: point not on the curve")
	errOutside  = core.Errorf(core.CodeNotInSubgroup, "bls: point not in the order-r subgroup")
)

// blstPKs decompresses the keys, in parallel when there are several; nil
// if any fails.
func blstPKs(pks [][]byte) []*blst.P1Affine {
	if len(pks) == 1 {
		p := new(blst.P1Affine).Uncompress(pks[0])
		if p == nil {
			return nil
		}
		return []*blst.P1Affine{p}
	}
	return new(blst.P1Affine).BatchUncompress(pks)
}

// blstSigs decompresses the signatures; nil if any fails.
func blstSigs(sigs [][]byte) []*blst.P2Affine {
	if len(sigs) == 1 {
		s := new(blst.P2Affine).Uncompress(sigs[0])
		if s == nil {
			return nil
		}
		return []*blst.P2Affine{s}
	}
	return new(blst.P2Affine).BatchUncompress(sigs)
}

// blstDecodeFailure names the failure when blst could not decompress one of
// the points. blst's Uncompress fails on points off the curve, and also on
// the G1 points (0, +-2), which are on the curve but of order 3 (blst
// reports that as "not in group", which its Go binding folds into the same
// nil). So the curve is re-checked with the portable decompressors: any
// off-curve point gives ErrInvalidPoint, otherwise the failure was a point
// outside the subgroup.
func blstDecodeFailure(pks, sigs [][]byte) error {
	var p bls12381.G1Affine
	for _, b := range pks {
		if !g1Decompress(&p, b) {
			return errOffCurve
		}
	}
	var q bls12381.G2Affine
	for _, b := range sigs {
		if !g2Decompress(&q, b) {
			return errOffCurve
		}
	}
	return errOutside
}

// blstDecode decompresses every key and signature, or names the failure.
func blstDecode(pks, sigs [][]byte) ([]*blst.P1Affine, []*blst.P2Affine, error) {
	pts := blstPKs(pks)
	ss := blstSigs(sigs)
	if pts == nil || ss == nil {
		return nil, nil, blstDecodeFailure(pks, sigs)
	}
	return pts, ss, nil
}

// blstWhyFalse turns a failed verification into ErrNotInSubgroup when a
// point is outside the subgroup, and into a plain "invalid" otherwise.
func blstWhyFalse(pks []*blst.P1Affine, sigs ...*blst.P2Affine) (bool, error) {
	for _, p := range pks {
		if !p.KeyValidate() {
			return false, errOutside
		}
	}
	for _, s := range sigs {
		if !s.SigValidate(false) {
			return false, errOutside
		}
	}
	return false, nil
}

func (blstImpl) aggregateVerify(pks [][]byte, sig []byte, msgs [][]byte, dst []byte) (bool, error) {
	// blst's compressed-input path decompresses each key inside the worker
	// that hashes its message and runs its Miller loop, and the signature
	// on the calling goroutine meanwhile; all checks on.
	if new(blst.P2Affine).AggregateVerifyCompressed(sig, true, pks, true, msgs, dst) {
		return true, nil
	}
	pts, ss, err := blstDecode(pks, [][]byte{sig})
	if err != nil {
		return false, err
	}
	return blstWhyFalse(pts, ss[0])
}

func (blstImpl) fastAggregateVerify(pks [][]byte, sig, msg, dst []byte) (bool, error) {
	// Decompress everything, then validate the keys, both with blst's
	// work-stealing parallel loops (a static split measured 8 % slower:
	// the signature's checks on the calling goroutine unbalance it).
	pts, ss, err := blstDecode(pks, [][]byte{sig})
	if err != nil {
		return false, err
	}
	s := ss[0]
	if !blst.P1AffinesValidate(pts) {
		return blstWhyFalse(pts, s)
	}
	var agg blst.P1Aggregate
	if !agg.Aggregate(pts, false) {
		return false, errOutside
	}
	pk := agg.ToAffine()
	if pk.Compress()[0]&flagInfinity != 0 {
		if !s.SigValidate(false) {
			return false, errOutside
		}
		return false, nil
	}
	if s.Verify(true, pk, false, msg, dst) {
		return true, nil
	}
	return blstWhyFalse(nil, s)
}

func (blstImpl) batchVerify(pks, sigs, msgs [][]byte, dst []byte, r [][16]byte) (bool, error) {
	pts, ss, err := blstDecode(pks, sigs)
	if err != nil {
		return false, err
	}
	n := len(pks)
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	// Workers take items from a shared counter (work stealing); item i
	// always gets coefficient r[i], and the product of the workers'
	// partial pairings does not depend on who took what, so the verdict
	// is deterministic.
	ctxs := make([]blst.Pairing, w)
	bad := make([]bool, w)
	var next atomic.Int64
	var wg sync.WaitGroup
	var catch safego.Catcher
	for c := 0; c < w; c++ {
		safego.Go(&wg, &catch, func() {
			if workerHook != nil {
				workerHook()
			}
			ctx := blst.PairingCtx(true, dst)
			var k blst.Scalar
			var buf [32]byte
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					break
				}
				copy(buf[16:], r[i][:])
				if k.FromBEndian(buf[:]) == nil ||
					blst.PairingMulNAggregatePkInG1(ctx, pts[i], true, ss[i], true, &k, randBits, msgs[i]) != 0 {
					bad[c] = true
					return
				}
			}
			blst.PairingCommit(ctx)
			ctxs[c] = ctx
		})
	}
	wg.Wait()
	catch.Check("bls")
	for c := 0; c < w; c++ {
		if bad[c] {
			return blstWhyFalse(pts, ss...)
		}
	}
	for c := 1; c < w; c++ {
		if blst.PairingMerge(ctxs[0], ctxs[c]) != 0 {
			return false, core.Errorf(core.CodeInternal, "bls: internal error: pairing merge failed")
		}
	}
	return blst.PairingFinalVerify(ctxs[0]), nil
}
