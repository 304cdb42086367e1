package evm

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BenchmarkPrecompiles measures the precompiles implemented in this package
// on vector inputs (go-ethereum comparisons live in fuzz/geth).
func BenchmarkPrecompiles(b *testing.B) {
	for _, c := range []struct {
		name string
		addr uint64
		file string
	}{
		{"ecrecover", AddrEcrecover, "go-ethereum-precompiles/ecRecover.json"},
		{"kzg_point_evaluation", AddrPointEval, "go-ethereum-precompiles/pointEvaluation.json"},
		{"p256verify", AddrP256Verify, "go-ethereum-precompiles/p256Verify.json"},
	} {
		in := unhex(b, loadVectors(b, c.file)[0].Input)
		ct, _ := Lookup(c.addr)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ct.Run(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPointEvaluation measures evm:0x0a per implementation.
func BenchmarkPointEvaluation(b *testing.B) {
	in := unhex(b, loadVectors(b, "go-ethereum-precompiles/pointEvaluation.json")[0].Input)
	ct, _ := Lookup(AddrPointEval)
	p, _ := dispatch.Lookup("evm.point_evaluation")
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	for _, impl := range p.Impls {
		if !impl.Available {
			continue
		}
		if err := dispatch.Force("evm.point_evaluation=" + impl.Name); err != nil {
			b.Fatal(err)
		}
		b.Run(impl.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ct.Run(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
