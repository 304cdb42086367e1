package soroban_test

import (
	"bytes"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/soroban"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

// BenchmarkReorderedCall is one guest call (hostabi.Func.Call, the path
// of both engine adapters) of soroban:bls12_381_g1_msm on its largest
// input, 8192 points (1 MiB, the target's limit), whose two vectors the
// profile interleaves into the target's pairs: a valid MSM, an input whose
// first point is off the curve (the target fails at once, so the
// rearranging dominates), and a call that runs out of gas (only what
// happens before the charge).
func BenchmarkReorderedCall(b *testing.B) {
	var ex []byte
	for _, e := range ops.BLS12381G1MSMZcash.Examples() {
		if len(e.Input) > len(ex) {
			ex = e.Input
		}
	}
	const n = 8192
	items := bytes.Repeat(ex, n*128/len(ex))
	valid := splitVectors(items, 96, 32)
	bad := bytes.Clone(valid)
	bad[95] ^= 1 // y of the first point: off the curve
	f := soroban.BLS12381G1MSM
	h := hostabi.NewFunc(f, gas.Default, nil)
	price, err := gas.Default.Gas(f, valid)
	if err != nil || len(valid) != n*128 {
		b.Fatal(err, len(valid))
	}
	for _, c := range []struct {
		name string
		in   []byte
		gas  uint64
		want func(int32, error) bool
	}{
		{"valid", valid, price, func(r int32, err error) bool { return err == nil && r == 96 }},
		{"offcurve", bad, price, func(r int32, err error) bool { return err == nil && core.Code(r) == core.CodeInvalidPoint }},
		{"outofgas", valid, price - 1, func(r int32, err error) bool { return err != nil }},
	} {
		mem := make([]byte, len(c.in)+96)
		copy(mem, c.in)
		b.Run(c.name+"/8192points", func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			for b.Loop() {
				m := &core.Budget{Left: c.gas}
				if r, err := h.Call(mem, 0, uint32(len(c.in)), uint32(len(c.in)), 96, m); !c.want(r, err) {
					b.Fatal(r, err)
				}
			}
		})
	}
}
