package geth

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// benchPair runs in at addr through hostcrypto's evm.Run and go-ethereum's
// precompile, one sub-benchmark each, reporting gas per second.
func benchPair(b *testing.B, name string, addr uint64, in []byte) {
	p := osaka[common.Address(evm.AddressOf(addr))]
	gas := p.RequiredGas(in)
	want, err := p.Run(in) // also warms go-ethereum's lazy KZG setup
	if err != nil {
		b.Fatalf("%s: go-ethereum fails: %v", name, err)
	}
	if out, _, err := evm.Run(addr, in); err != nil || !bytes.Equal(out, want) {
		b.Fatalf("%s: hostcrypto %x, %v; go-ethereum %x", name, out, err, want)
	}
	report := func(b *testing.B) {
		if ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N); ns > 0 {
			b.ReportMetric(float64(gas)/ns*1e3, "Mgas/s")
		}
	}
	b.Run(name+"/hostcrypto", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := evm.Run(addr, in); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run(name+"/geth", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Run(in); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	// Interleaved: each iteration times one call of each side, so load
	// changes on a shared machine hit both equally. x_geth is the median over
	// iterations of (hostcrypto time / go-ethereum time), robust to load
	// spikes; x_geth_cpu is total thread CPU time over total thread CPU time
	// (the goroutine is locked to its thread; per-call CPU time is too
	// coarse to take ratios of), which other processes do not inflate.
	b.Run(name+"/ratio", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var wall []float64
		var ours, theirs time.Duration
		for b.Loop() {
			c0, t0 := threadCPU(), time.Now()
			if _, _, err := evm.Run(addr, in); err != nil {
				b.Fatal(err)
			}
			c1, t1 := threadCPU(), time.Now()
			if _, err := p.Run(in); err != nil {
				b.Fatal(err)
			}
			c2, t2 := threadCPU(), time.Now()
			if d := t2.Sub(t1); d > 0 {
				wall = append(wall, float64(t1.Sub(t0))/float64(d))
			}
			ours += c1 - c0
			theirs += c2 - c1
		}
		b.ReportMetric(median(wall), "x_geth")
		if theirs > 0 {
			b.ReportMetric(float64(ours)/float64(theirs), "x_geth_cpu")
		}
	})
}

// median returns the median of xs (0 for none).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// firstInput returns the first input of file whose call succeeds with a
// non-empty output (the full computation, not an early rejection).
func firstInput(b *testing.B, file string) []byte {
	data, err := os.ReadFile(vectors.Path(b, file))
	if err != nil {
		b.Fatal(err)
	}
	var vs []struct{ Input, Expected string }
	if err := json.Unmarshal(data, &vs); err != nil {
		b.Fatal(err)
	}
	for _, v := range vs {
		if v.Expected != "" {
			in, err := hex.DecodeString(v.Input)
			if err != nil {
				b.Fatal(err)
			}
			return in
		}
	}
	b.Fatalf("%s: no successful vector", file)
	return nil
}

// BenchmarkPointEvaluation compares evm:0x0a with go-ethereum's 0x0a on
// go-ethereum's own test vector.
func BenchmarkPointEvaluation(b *testing.B) {
	benchPair(b, "kzg_point_evaluation", evm.AddrPointEval, firstInput(b, "go-ethereum-precompiles/pointEvaluation.json"))
}

// BenchmarkEcrecover and BenchmarkP256Verify compare the other precompiles
// implemented in evm/.
func BenchmarkEcrecover(b *testing.B) {
	benchPair(b, "ecrecover", evm.AddrEcrecover, firstInput(b, "go-ethereum-precompiles/ecRecover.json"))
}

func BenchmarkP256Verify(b *testing.B) {
	benchPair(b, "p256verify", evm.AddrP256Verify, firstInput(b, "go-ethereum-precompiles/p256Verify.json"))
}

// modexpCase builds a MODEXP input of all-0xff operands (the modulus's
// lowest bit cleared when even is set).
func modexpCase(bl, el, ml int, even bool) []byte {
	in := make([]byte, 96, 96+bl+el+ml)
	binary.BigEndian.PutUint64(in[24:32], uint64(bl))
	binary.BigEndian.PutUint64(in[56:64], uint64(el))
	binary.BigEndian.PutUint64(in[88:96], uint64(ml))
	in = append(in, bytes.Repeat([]byte{0xff}, bl+el+ml)...)
	if even && ml > 0 {
		in[len(in)-1] = 0xfe
	}
	return in
}

// BenchmarkModexp covers the expensive corners of EIP-7883 pricing: the
// largest operands EIP-7823 allows, odd and even moduli, and the smallest
// price per exponent bit (moduli of at most 32 bytes, long exponents).
func BenchmarkModexp(b *testing.B) {
	for _, c := range []struct {
		name       string
		bl, el, ml int
		even       bool
	}{
		{"32B_mod_32B_exp", 32, 32, 32, false},
		{"32B_mod_32B_exp_even", 32, 32, 32, true},
		{"32B_mod_1024B_exp", 32, 1024, 32, false},
		{"32B_mod_1024B_exp_even", 32, 1024, 32, true},
		{"256B_mod_256B_exp", 256, 256, 256, false},
		{"256B_mod_256B_exp_even", 256, 256, 256, true},
		{"1024B_mod_32B_exp", 1024, 32, 1024, false},
		{"1024B_mod_32B_exp_even", 1024, 32, 1024, true},
	} {
		benchPair(b, "modexp_"+c.name, evm.AddrModexp, modexpCase(c.bl, c.el, c.ml, c.even))
	}
}
