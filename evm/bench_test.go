package evm

import (
	"testing"
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
