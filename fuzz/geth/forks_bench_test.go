package geth

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/hostcrypto/hostcrypto/evm"
)

// BenchmarkModexpBerlin compares the pre-Osaka MODEXP (no EIP-7823 limit,
// EIP-2565 price) with go-ethereum's Berlin contract, including operands
// beyond 1024 bytes that only the older forks accept. Each iteration times
// one call of each side; x_geth is the median ratio (hostcrypto /
// go-ethereum), Mgas/s hostcrypto's gas rate.
func BenchmarkModexpBerlin(b *testing.B) {
	s, err := evm.Fork("berlin")
	if err != nil {
		b.Fatal(err)
	}
	p := gethForks["berlin"][common.Address(evm.AddressOf(evm.AddrModexp))]
	for _, c := range []struct {
		name       string
		bl, el, ml int
		even       bool
	}{
		{"32B_mod_32B_exp", 32, 32, 32, false},
		{"256B_mod_256B_exp", 256, 256, 256, false},
		{"1024B_mod_32B_exp_even", 1024, 32, 1024, true},
		{"2048B_mod_32B_exp", 2048, 32, 2048, false},
		{"32B_mod_1024B_exp", 32, 1024, 32, false},
		{"32B_mod_4096B_exp", 32, 4096, 32, false},
	} {
		in := modexpCase(c.bl, c.el, c.ml, c.even)
		for i := 96; i < 96+c.bl; i++ {
			in[i] = 0xa5 // a base below the modulus (all 0xff would be 0 mod M)
		}
		want, err := p.Run(in)
		if out, _, err2 := s.Run(evm.AddrModexp, in); err != nil || err2 != nil || !bytes.Equal(out, want) {
			b.Fatalf("%s: hostcrypto %v, go-ethereum %v, outputs equal %v", c.name, err2, err, bytes.Equal(out, want))
		}
		gas := p.RequiredGas(in)
		b.Run(c.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var ratios []float64
			var ours time.Duration
			for b.Loop() {
				t0 := time.Now()
				s.Run(evm.AddrModexp, in)
				t1 := time.Now()
				p.Run(in)
				t2 := time.Now()
				ours += t1.Sub(t0)
				if d := t2.Sub(t1); d > 0 {
					ratios = append(ratios, float64(t1.Sub(t0))/float64(d))
				}
			}
			b.ReportMetric(median(ratios), "x_geth")
			if ours > 0 {
				b.ReportMetric(float64(gas)*float64(b.N)/float64(ours.Nanoseconds())*1e3, "Mgas/s")
			}
		})
	}
}
