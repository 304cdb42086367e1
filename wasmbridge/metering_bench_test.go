package wasmbridge_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tetratelabs/wazero/api"

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
// instrumented on wazero's compiler, alternately in each iteration so that
// both see the same machine load; it reports the fastest of each, the
// overhead (metered/plain - 1) in percent and the metered gas.
func BenchmarkMeteringOverhead(b *testing.B) {
	computeOnce.Do(func() {
		computeWasm = buildGuest(b, "github.com/hostcrypto/hostcrypto/internal/testguest")
	})
	for _, w := range []struct {
		export string
		arg    uint64
	}{{"sha_loop", 16}, {"sieve", 1 << 18}, {"sort_rand", 1 << 13}} {
		b.Run(w.export, func(b *testing.B) {
			var sbs [2]*cli.Sandbox
			var mods [2]api.Module
			for i := range sbs {
				sb, err := cli.NewSandbox(context.Background(), gas.Default, ^uint64(0), nil)
				if err != nil {
					b.Fatal(err)
				}
				defer sb.Close()
				if i == 1 {
					sb.Metering = metering.DefaultTable
				}
				if mods[i], err = sb.Load(computeWasm, nil, nil); err != nil {
					b.Fatal(err)
				}
				sbs[i] = sb
			}
			best := [2]time.Duration{1 << 62, 1 << 62}
			var gasUsed uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for k, sb := range sbs {
					before := sb.Meter.Left
					start := time.Now()
					if _, err := sb.CallExport(mods[k], w.export, w.arg); err != nil {
						b.Fatal(err)
					}
					best[k] = min(best[k], time.Since(start))
					gasUsed = before - sb.Meter.Left
				}
			}
			b.ReportMetric(float64(best[0].Nanoseconds()), "plain-ns")
			b.ReportMetric(float64(best[1].Nanoseconds()), "metered-ns")
			b.ReportMetric(100*(float64(best[1])/float64(best[0])-1), "overhead-%")
			b.ReportMetric(float64(gasUsed), "gas")
		})
	}
}
