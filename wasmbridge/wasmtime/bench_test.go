package wasmtime_test

import (
	"crypto/sha256"
	"testing"
	"time"

	wt "github.com/bytecodealliance/wasmtime-go/v39"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
	"github.com/hostcrypto/hostcrypto/wasmbridge/wasmtime"
)

// BenchmarkHostCall is wasmbridge's BenchmarkHostCall on wasmtime: one
// guest-to-host sha256 call on 32 bytes (the guest loops), the raw
// function, and wasmtime-go's bare cost of a host call that does nothing.
// Bridge overhead = bridge - raw; compare it with bare.
func BenchmarkHostCall(b *testing.B) {
	loop := func(b *testing.B, define func(*wt.Linker) error, name string) {
		e := wt.NewEngine()
		defer e.Close()
		store := wasmtime.NewStore(e, core.Unlimited{})
		defer store.Close()
		l := wt.NewLinker(e)
		defer l.Close()
		if err := define(l); err != nil {
			b.Fatal(err)
		}
		mod, err := wt.NewModule(e, wasmtest.Module("hostcrypto", name))
		if err != nil {
			b.Fatal(err)
		}
		inst, err := l.Instantiate(store, mod)
		if err != nil {
			b.Fatal(err)
		}
		wasmtime.DataOf(store).SetMemory(inst.GetExport(store, "memory").Memory())
		f := inst.GetFunc(store, "loop_0")
		b.ReportAllocs()
		b.ResetTimer()
		res, err := wasmtime.Call(store, f, uint64(b.N), 0, 32, 64, 32)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if name == "sha256" && res[0] != 32 {
			b.Fatalf("result %d", res[0])
		}
	}
	b.Run("bridge/sha256/32B", func(b *testing.B) {
		loop(b, func(l *wt.Linker) error { return wasmtime.Define(l) }, "sha256")
	})
	b.Run("raw/sha256/32B", func(b *testing.B) {
		var in [32]byte
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := sha256.Sum256(in[:])
			in[0] = d[0]
		}
	})
	b.Run("wasmtime-bare-host-call", func(b *testing.B) {
		loop(b, func(l *wt.Linker) error {
			ty := wt.NewFuncType([]*wt.ValType{wt.NewValType(wt.KindI32), wt.NewValType(wt.KindI32), wt.NewValType(wt.KindI32), wt.NewValType(wt.KindI32)},
				[]*wt.ValType{wt.NewValType(wt.KindI32)})
			return l.FuncNew("hostcrypto", "nop", ty, func(*wt.Caller, []wt.Val) ([]wt.Val, *wt.Trap) {
				return []wt.Val{wt.ValI32(0)}, nil
			})
		}, "nop")
	})
}

// BenchmarkMeteringOverhead is wasmbridge's on wasmtime: compute-heavy
// guest code (the test guest's sha_loop, sieve, sort_rand; no host calls)
// uninstrumented and instrumented, alternately in each iteration so that
// both see the same machine load; it reports the fastest of each and the
// overhead (metered/plain - 1) in percent.
func BenchmarkMeteringOverhead(b *testing.B) {
	w := buildTestGuest(b)
	for _, x := range []struct {
		export string
		arg    uint64
	}{{"sha_loop", 16}, {"sieve", 1 << 18}, {"sort_rand", 1 << 13}} {
		b.Run(x.export, func(b *testing.B) {
			var runs [2]*wasmtime.Runner
			for i := range runs {
				r, err := wasmtime.NewRunnerWith(compiler, gas.Default, ^uint64(0), nil, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				defer r.Close()
				if i == 1 {
					r.Metering = metering.DefaultTable
				}
				if err := r.Load(w); err != nil {
					b.Fatal(err)
				}
				runs[i] = r
			}
			best := [2]time.Duration{1 << 62, 1 << 62}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for k, r := range runs {
					start := time.Now()
					if _, err := r.CallExport(x.export, x.arg); err != nil {
						b.Fatal(err)
					}
					best[k] = min(best[k], time.Since(start))
				}
			}
			b.ReportMetric(float64(best[0].Nanoseconds()), "plain-ns")
			b.ReportMetric(float64(best[1].Nanoseconds()), "metered-ns")
			b.ReportMetric(100*(float64(best[1])/float64(best[0])-1), "overhead-%")
		})
	}
}
