package guestbench_test

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	guestbench "github.com/hostcrypto/hostcrypto/bench/guest"
	"github.com/hostcrypto/hostcrypto/bench/guest/ops"
)

var (
	buildOnce sync.Once
	wasm      []byte
	buildErr  error
)

func contract(tb testing.TB) *guestbench.Contract {
	tb.Helper()
	buildOnce.Do(func() { wasm, buildErr = guestbench.Build(filepath.Join(runtime.GOROOT(), "bin", "go")) })
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
	c, err := guestbench.Load(wasm)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.Close)
	return c
}

// TestNativeMatchesHost: package ops gives the host's answers natively.
func TestNativeMatchesHost(t *testing.T) {
	for _, o := range ops.List {
		in, err := guestbench.Input(o)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.Run(in)
		if err != nil {
			t.Fatalf("%s: %v", o.Name(), err)
		}
		want, _, err := hostcrypto.Call(o.Function, in)
		if err != nil || string(got) != string(want) {
			t.Fatalf("%s: native %x, host %x (%v)", o.Name(), got, want, err)
		}
		// A corrupted input must not give the same answer (the ops are not
		// constant functions): flip the last byte.
		bad := append([]byte(nil), in...)
		bad[len(bad)-1] ^= 1
		if again, err := o.Run(bad); err == nil && string(again) == string(got) {
			t.Errorf("%s: same answer for a corrupted input", o.Name())
		}
	}
}

// TestContractMatchesHost builds the contract and checks every operation
// natively, inside the contract and by host call against hostcrypto.Call.
func TestContractMatchesHost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 contract with gnark-crypto")
	}
	c := contract(t)
	for i, o := range ops.List {
		if err := c.Check(i); err != nil {
			t.Errorf("%s: %v", o.Name(), err)
		}
	}
}

// BenchmarkPremise: each operation natively, by host call from the
// contract, and inside the contract. `go run ./cmd/hostcrypto bench guest`
// reports the same with ratios, a JSON file and a plot.
func BenchmarkPremise(b *testing.B) {
	c := contract(b)
	for i, o := range ops.List {
		in, err := guestbench.Input(o)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.Check(i); err != nil {
			b.Fatal(err)
		}
		b.Run(o.Name()+"/native", func(b *testing.B) {
			for b.Loop() {
				o.Run(in)
			}
		})
		for _, mode := range []struct {
			name string
			host bool
		}{{"host_call", true}, {"in_contract", false}} {
			b.Run(o.Name()+"/"+mode.name, func(b *testing.B) {
				b.ResetTimer()
				if _, err := c.Run(i, in, b.N, mode.host); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
