//go:build linux

package hash

import (
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
)

func threadNs() int64 {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
	return ts.Nano()
}

// cpuPerOp returns the median over 7 batches of the thread CPU time per call
// of f (robust to the thread being descheduled on a loaded machine).
func cpuPerOp(n int, f func()) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var rs []float64
	for k := 0; k < 7; k++ {
		t0 := threadNs()
		for i := 0; i < n; i++ {
			f()
		}
		rs = append(rs, float64(threadNs()-t0)/float64(n))
	}
	sort.Float64s(rs)
	return rs[len(rs)/2]
}

// TestCPUTimeReport prints, in thread CPU time, each byte hash through
// core.Invoke against the library it wraps, and the cost of the other
// functions (set HOSTCRYPTO_CPUTIME=1). BenchmarkHash measures the same in
// wall time.
func TestCPUTimeReport(t *testing.T) {
	if os.Getenv("HOSTCRYPTO_CPUTIME") == "" {
		t.Skip("set HOSTCRYPTO_CPUTIME=1 to measure")
	}
	for _, name := range []string{"sha256", "sha3_256", "keccak256", "blake2b_256", "blake2b_512", "blake3_256", "ripemd160"} {
		f, _ := core.Default.Lookup(name)
		lib := libraries[name]
		var line []string
		for _, size := range []int{32, 1024, 65536} {
			in := make([]byte, size)
			dst := make([]byte, 0, 64)
			n := 2000000 / (size + 200)
			a := cpuPerOp(n, func() { sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], in) })
			b := cpuPerOp(n, func() { sink = lib(in) })
			line = append(line, sizeName(size)+": "+ftoa(a)+" / "+ftoa(b)+" ns = "+ratio(a, b))
		}
		t.Logf("%-12s invoke / library  %s", name, strings.Join(line, ";  "))
	}
	ex := func(name string) {
		f, _ := core.Default.Lookup(name)
		for _, e := range f.Examples() {
			dst := make([]byte, 0, 256)
			n := 200
			a := cpuPerOp(n, func() { sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], e.Input) })
			g, _ := gas.Default.Gas(f, e.Input)
			t.Logf("%-26s %-10s %10s ns  gas %8d (= %.2fx the measured 0.1 ns units)", name, e.Name, ftoa(a), g, float64(g)/(10*a))
		}
	}
	for _, name := range []string{"blake2f", "hash_to_scalar_bls12381", "poseidon_bn254", "poseidon_bls12381_dusk"} {
		ex(name)
	}
	for _, b := range []string{"gnark", "blst"} {
		if err := dispatch.Force("hashtocurve.bls12381=" + b); err != nil {
			t.Log(err)
			continue
		}
		t.Logf("hash-to-curve backend %s", b)
		ex("bls12381_hash_to_g1")
		ex("bls12381_hash_to_g2")
	}
	dispatch.Force("")
}

func ftoa(x float64) string {
	return strings.TrimRight(strings.TrimRight(formatFloat(x), "0"), ".")
}

func formatFloat(x float64) string {
	s := []byte{}
	v := int64(x*10 + 0.5)
	s = append(s, []byte(itoa64(v/10))...)
	s = append(s, '.', byte('0'+v%10))
	return string(s)
}

func itoa64(v int64) string {
	if v == 0 {
		return "0"
	}
	var b []byte
	for v > 0 {
		b = append([]byte{byte('0' + v%10)}, b...)
		v /= 10
	}
	return string(b)
}

func ratio(a, b float64) string {
	r := int64(a/b*100 + 0.5)
	return itoa64(r/100) + "." + string([]byte{byte('0' + r/10%10), byte('0' + r%10)}) + "x"
}
