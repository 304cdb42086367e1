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

// BenchmarkPointEvaluation and BenchmarkEcrecover measure evm:0x0a and
// evm:0x01 per implementation.
func BenchmarkPointEvaluation(b *testing.B) {
	benchImpls(b, AddrPointEval, "evm.point_evaluation", "go-ethereum-precompiles/pointEvaluation.json")
}

func BenchmarkEcrecover(b *testing.B) {
	benchImpls(b, AddrEcrecover, "evm.ecrecover", "go-ethereum-precompiles/ecRecover.json")
}

func benchImpls(b *testing.B, addr uint64, prim, file string) {
	var in []byte
	for _, v := range loadVectors(b, file) {
		if v.Expected != "" { // a call that does the whole computation
			in = unhex(b, v.Input)
			break
		}
	}
	ct, _ := Lookup(addr)
	p, _ := dispatch.Lookup(prim)
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	for _, impl := range p.Impls {
		if !impl.Available {
			continue
		}
		if err := dispatch.Force(prim + "=" + impl.Name); err != nil {
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
