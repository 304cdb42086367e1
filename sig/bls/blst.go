//go:build cgo && !purego

package bls

import (
	"runtime"
	"sync"

	blst "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/core"
)

const (
	blstAvailable = true
	blstNote      = "supranational/blst v0.3.17 (cgo)"
)

// blstEngine verifies with blst. It decompresses first (a failure there is
// an off-curve point, the shared checks having passed), runs blst's own
// verification with its subgroup checks on, and only when that fails asks
// which point, if any, is outside the subgroup, so the valid path costs
// what blst's direct call costs.
var blstEngine engine = blstImpl{}

type blstImpl struct{}

var (
	errOffCurve = core.Errorf(core.CodeInvalidPoint, "bls: point not on the curve")
	errOutside  = core.Errorf(core.CodeNotInSubgroup, "bls: point not in the order-r subgroup")
)

// blstPKs decompresses the keys, in parallel when there are several.
func blstPKs(pks [][]byte) ([]*blst.P1Affine, error) {
	if len(pks) == 1 {
		p := new(blst.P1Affine).Uncompress(pks[0])
		if p == nil {
			return nil, errOffCurve
		}
		return []*blst.P1Affine{p}, nil
	}
	pts := new(blst.P1Affine).BatchUncompress(pks)
	if pts == nil {
		return nil, errOffCurve
	}
	return pts, nil
}

func blstSig(b []byte) (*blst.P2Affine, error) {
	s := new(blst.P2Affine).Uncompress(b)
	if s == nil {
		return nil, errOffCurve
	}
	return s, nil
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
	pts, err := blstPKs(pks)
	if err != nil {
		return false, err
	}
	s, err := blstSig(sig)
	if err != nil {
		return false, err
	}
	if s.AggregateVerify(true, pts, true, msgs, dst) {
		return true, nil
	}
	return blstWhyFalse(pts, s)
}

func (blstImpl) fastAggregateVerify(pks [][]byte, sig, msg, dst []byte) (bool, error) {
	pts, err := blstPKs(pks)
	if err != nil {
		return false, err
	}
	s, err := blstSig(sig)
	if err != nil {
		return false, err
	}
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
	pts, err := blstPKs(pks)
	if err != nil {
		return false, err
	}
	var ss []*blst.P2Affine
	if len(sigs) == 1 {
		s, err := blstSig(sigs[0])
		if err != nil {
			return false, err
		}
		ss = []*blst.P2Affine{s}
	} else if ss = new(blst.P2Affine).BatchUncompress(sigs); ss == nil {
		return false, errOffCurve
	}
	n := len(pks)
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	ctxs := make([]blst.Pairing, w)
	bad := make([]bool, w)
	var wg sync.WaitGroup
	for c := 0; c < w; c++ {
		lo, hi := c*n/w, (c+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := blst.PairingCtx(true, dst)
			var k blst.Scalar
			var buf [32]byte
			for i := lo; i < hi; i++ {
				copy(buf[16:], r[i][:])
				if k.FromBEndian(buf[:]) == nil ||
					blst.PairingMulNAggregatePkInG1(ctx, pts[i], true, ss[i], true, &k, randBits, msgs[i]) != 0 {
					bad[c] = true
					return
				}
			}
			blst.PairingCommit(ctx)
			ctxs[c] = ctx
		}()
	}
	wg.Wait()
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
