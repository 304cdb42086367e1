package wasmbridge_test

import (
	"context"
	"sync"
	"testing"

	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

var (
	computeOnce sync.Once
	computeWasm []byte
)

// BenchmarkMeteringOverhead runs compute-heavy guest code (Go's SHA-256,
// a sieve, a sort, compiled to wasip1; no host calls) uninstrumented and
// instrumented, on wazero's compiler. Overhead = metered/plain - 1.
func BenchmarkMeteringOverhead(b *testing.B) {
	computeOnce.Do(func() {
		computeWasm = buildGuest(b, "github.com/hostcrypto/hostcrypto/internal/testguest")
	})
	for _, w := range []struct {
		export string
		arg    uint64
	}{{"sha_loop", 16}, {"sieve", 1 << 18}, {"sort_rand", 1 << 13}} {
		for _, metered := range []bool{false, true} {
			name := w.export + "/plain"
			if metered {
				name = w.export + "/metered"
			}
			b.Run(name, func(b *testing.B) {
				sb, err := cli.NewSandbox(context.Background(), gas.Default, ^uint64(0), nil)
				if err != nil {
					b.Fatal(err)
				}
				defer sb.Close()
				if metered {
					sb.Metering = metering.DefaultTable
				}
				mod, err := sb.Load(computeWasm, nil, nil)
				if err != nil {
					b.Fatal(err)
				}
				var gasUsed uint64
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					before := sb.Meter.Left
					if _, err := sb.CallExport(mod, w.export, w.arg); err != nil {
						b.Fatal(err)
					}
					gasUsed = before - sb.Meter.Left
				}
				if metered {
					b.ReportMetric(float64(gasUsed), "gas/op")
				}
			})
		}
	}
}
