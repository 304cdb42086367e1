package hash_test

import (
	"crypto/sha256"
	"runtime"
	"strconv"
	"testing"

	"github.com/zeebo/blake3"

	"github.com/hostcrypto/hostcrypto"
)

var sinkCall []byte

// BenchmarkHashCall measures sha256 and blake3_256 through the public
// hostcrypto.Call (catalogue lookup by name, core.Invoke, a fresh output
// slice) against the library, with thread CPU time as cpu-ns/op.
func BenchmarkHashCall(b *testing.B) {
	libs := map[string]func([]byte) []byte{
		"sha256":     func(in []byte) []byte { d := sha256.Sum256(in); return d[:] },
		"blake3_256": func(in []byte) []byte { d := blake3.Sum256(in); return d[:] },
	}
	for _, name := range []string{"sha256", "blake3_256"} {
		for _, size := range []int{32, 1024, 65536} {
			in := make([]byte, size)
			b.Run(name+"/"+strconv.Itoa(size)+"/call", func(b *testing.B) {
				b.SetBytes(int64(size))
				defer cpuMetric(b)()
				for i := 0; i < b.N; i++ {
					sinkCall, _, _ = hostcrypto.Call(name, in)
				}
			})
			b.Run(name+"/"+strconv.Itoa(size)+"/lib", func(b *testing.B) {
				b.SetBytes(int64(size))
				defer cpuMetric(b)()
				for i := 0; i < b.N; i++ {
					sinkCall = libs[name](in)
				}
			})
		}
	}
}

// cpuMetric reports thread CPU time per iteration as cpu-ns/op (Linux; a
// no-op elsewhere).
func cpuMetric(b *testing.B) func() {
	runtime.LockOSThread()
	t0 := threadNs()
	return func() {
		d := threadNs() - t0
		runtime.UnlockOSThread()
		if b.N > 0 && d > 0 {
			b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
		}
	}
}
