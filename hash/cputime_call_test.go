//go:build linux

package hash_test

import (
	"crypto/sha256"
	"os"
	"runtime"
	"sort"
	"testing"

	"github.com/zeebo/blake3"
	"golang.org/x/sys/unix"

	"github.com/hostcrypto/hostcrypto"
)

// TestCPUTimeThroughCall measures sha256 and blake3_256 through the public
// hostcrypto.Call (catalogue lookup by name, Invoke, a fresh output slice)
// against the library, in thread CPU time (set HOSTCRYPTO_CPUTIME=1).
func TestCPUTimeThroughCall(t *testing.T) {
	if os.Getenv("HOSTCRYPTO_CPUTIME") == "" {
		t.Skip("set HOSTCRYPTO_CPUTIME=1 to measure")
	}
	per := func(n int, f func()) float64 {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var rs []float64
		for k := 0; k < 7; k++ {
			var a, b unix.Timespec
			unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &a)
			for i := 0; i < n; i++ {
				f()
			}
			unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &b)
			rs = append(rs, float64(b.Nano()-a.Nano())/float64(n))
		}
		sort.Float64s(rs)
		return rs[3]
	}
	var sink []byte
	for _, size := range []int{32, 1024, 65536} {
		in := make([]byte, size)
		n := 2000000 / (size + 200)
		c := per(n, func() { sink, _, _ = hostcrypto.Call("sha256", in) })
		l := per(n, func() { d := sha256.Sum256(in); sink = d[:] })
		c3 := per(n, func() { sink, _, _ = hostcrypto.Call("blake3_256", in) })
		l3 := per(n, func() { d := blake3.Sum256(in); sink = d[:] })
		t.Logf("%6d B: sha256 Call %.0f / lib %.0f ns = %.2fx; blake3_256 Call %.0f / lib %.0f ns = %.2fx", size, c, l, c/l, c3, l3, c3/l3)
	}
	_ = sink
}
