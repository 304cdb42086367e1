//go:build cgo && !purego

package bls

import (
	"crypto/rand"
	"fmt"
	"testing"
	"time"

	blst "github.com/supranational/blst/bindings/go"

	"github.com/hostcrypto/hostcrypto/dispatch"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// benchSet is n keys, each signing its own 32-byte message, plus every key's
// signature on one common message.
type benchSet struct {
	pks, sigs, msgs [][]byte
	common          []byte
	commonSigs      []*blst.P2Affine
}

func newBenchSet(n int) *benchSet {
	s := &benchSet{common: []byte("common message signed by every key")}
	dst := []byte(DSTPOP)
	for i := 0; i < n; i++ {
		ikm := make([]byte, 32)
		ikm[0], ikm[1] = byte(i), byte(i>>8)
		sk := blst.KeyGen(ikm)
		msg := make([]byte, 32)
		msg[0], msg[1], msg[31] = byte(i), byte(i>>8), 0x5a
		s.pks = append(s.pks, new(blst.P1Affine).From(sk).Compress())
		s.sigs = append(s.sigs, new(blst.P2Affine).Sign(sk, msg, dst).Compress())
		s.msgs = append(s.msgs, msg)
		s.commonSigs = append(s.commonSigs, new(blst.P2Affine).Sign(sk, s.common, dst))
	}
	return s
}

func forced(b *testing.B, impl string, f func(b *testing.B)) {
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	if err := dispatch.Force(Primitive + "=" + impl); err != nil {
		b.Fatal(err)
	}
	f(b)
}

var valid = []byte{1}

func BenchmarkBLS(b *testing.B) {
	const n = 64
	s := newBenchSet(n)
	dst := []byte(DSTPOP)

	// Each benchmark runs our function (blst, then gnark, forced) paired
	// with blst called directly with the same checks: decompression,
	// key validation and signature subgroup check.
	verifyIn := cat(s.pks[0], s.sigs[0], s.msgs[0])
	verifyRef := func() {
		pk := new(blst.P1Affine).Uncompress(s.pks[0])
		sig := new(blst.P2Affine).Uncompress(s.sigs[0])
		if pk == nil || sig == nil || !sig.Verify(true, pk, true, s.msgs[0], dst) {
			b.Fatal("blst verify failed")
		}
	}

	var agg blst.P2Aggregate
	agg.Aggregate(s.commonSigs, false)
	fastSig := agg.ToAffine().Compress()
	fastIn := U32(nil, n)
	for _, pk := range s.pks {
		fastIn = append(fastIn, pk...)
	}
	fastIn = cat(fastIn, fastSig, s.common)
	fastRef := func() {
		pks := new(blst.P1Affine).BatchUncompress(s.pks)
		sig := new(blst.P2Affine).Uncompress(fastSig)
		if pks == nil || sig == nil || !blst.P1AffinesValidate(pks) ||
			!sig.FastAggregateVerify(true, pks, s.common, dst) {
			b.Fatal("blst fast aggregate failed")
		}
	}

	sigs := make([]*blst.P2Affine, n)
	for i := range sigs {
		sigs[i] = new(blst.P2Affine).Uncompress(s.sigs[i])
	}
	var agg2 blst.P2Aggregate
	agg2.Aggregate(sigs, false)
	aggSig := agg2.ToAffine().Compress()
	aggIn := U32(nil, n)
	for _, pk := range s.pks {
		aggIn = append(aggIn, pk...)
	}
	aggIn = append(aggIn, aggSig...)
	for _, m := range s.msgs {
		aggIn = cat(U32(aggIn, len(m)), m)
	}
	aggRef := func() {
		pks := new(blst.P1Affine).BatchUncompress(s.pks)
		sig := new(blst.P2Affine).Uncompress(aggSig)
		if pks == nil || sig == nil || !sig.AggregateVerify(true, pks, true, s.msgs, dst) {
			b.Fatal("blst aggregate failed")
		}
	}

	batchIn := batchInput(s.pks, s.sigs, s.msgs)
	// blst's own multiple-aggregate verification with 128-bit random
	// coefficients (crypto/rand), the same checks, and its own threads.
	batchRef := func() {
		pks := new(blst.P1Affine).BatchUncompress(s.pks)
		ss := new(blst.P2Affine).BatchUncompress(s.sigs)
		randFn := func(k *blst.Scalar) {
			var r [32]byte
			rand.Read(r[16:])
			k.FromBEndian(r[:])
		}
		if pks == nil || ss == nil || !new(blst.P2Affine).MultipleAggregateVerify(ss, true, pks, true, s.msgs, dst, randFn, 128) {
			b.Fatal("blst batch failed")
		}
	}

	// cores reports CPU time / wall time of our aggregate verification:
	// about 2 on two cores when both are used.
	for _, impl := range []string{"blst", "gnark"} {
		b.Run(fmt.Sprintf("aggregate_%d/cores/%s", n, impl), func(b *testing.B) {
			forced(b, impl, func(b *testing.B) {
				call := st.Invoker(b, "bls12381_aggregate_verify", aggIn, valid)
				c0, t0 := cpuTime(), time.Now()
				for i := 0; i < b.N; i++ {
					call()
				}
				if c := cpuTime() - c0; c > 0 {
					b.ReportMetric(float64(c)/float64(time.Since(t0)), "cores")
				}
			})
		})
	}

	// blst's compressed-input entry points, which decompress inside the
	// parallel pipeline: the fastest way to call blst.
	verifyRefZ := func() {
		if !new(blst.P2Affine).VerifyCompressed(s.sigs[0], true, s.pks[0], true, s.msgs[0], dst) {
			b.Fatal("blst verify failed")
		}
	}
	aggRefZ := func() {
		if !new(blst.P2Affine).AggregateVerifyCompressed(aggSig, true, s.pks, true, s.msgs, dst) {
			b.Fatal("blst aggregate failed")
		}
	}

	for _, c := range []struct {
		name string
		fn   string
		in   []byte
		ref  func()
		vs   string
	}{
		{"verify", "bls12381_verify", verifyIn, verifyRef, "blst"},
		{"verify", "bls12381_verify", verifyIn, verifyRefZ, "blst-compressed"},
		{fmt.Sprintf("fast_aggregate_%d", n), "bls12381_fast_aggregate_verify", fastIn, fastRef, "blst"},
		{fmt.Sprintf("aggregate_%d", n), "bls12381_aggregate_verify", aggIn, aggRef, "blst"},
		{fmt.Sprintf("aggregate_%d", n), "bls12381_aggregate_verify", aggIn, aggRefZ, "blst-compressed"},
		{fmt.Sprintf("batch_%d", n), "bls12381_batch_verify", batchIn, batchRef, "blst"},
	} {
		for _, impl := range []string{"blst", "gnark"} {
			if impl == "gnark" && c.vs != "blst" {
				continue
			}
			b.Run(c.name+"/"+impl+"-vs-"+c.vs, func(b *testing.B) {
				forced(b, impl, func(b *testing.B) { Paired(b, st.Invoker(b, c.fn, c.in, valid), c.ref) })
			})
		}
	}
}
