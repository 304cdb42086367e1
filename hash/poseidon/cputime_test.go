//go:build linux

package poseidon

import (
	"math/big"
	"os"
	"runtime"
	"sort"
	"testing"

	gnarkfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	iden3 "github.com/iden3/go-iden3-crypto/poseidon"
	"golang.org/x/sys/unix"
)

// threadNs is the CPU time this OS thread has used.
func threadNs() int64 {
	var ts unix.Timespec
	unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts)
	return ts.Nano()
}

// cpuPerOp returns the median over 7 batches of the thread CPU time per call
// of f: unlike wall time it does not count time the thread is descheduled,
// so it is usable on a shared, loaded machine.
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

// TestCPUTimePoseidon prints CPU-time costs (set HOSTCRYPTO_CPUTIME=1).
func TestCPUTimePoseidon(t *testing.T) {
	if os.Getenv("HOSTCRYPTO_CPUTIME") == "" {
		t.Skip("set HOSTCRYPTO_CPUTIME=1 to measure")
	}
	for _, n := range []int{1, 2, 4, 16} {
		in := make([]bnElem, n)
		bi := make([]*big.Int, n)
		for i := range in {
			in[i].SetUint64(uint64(i + 1))
			bi[i] = big.NewInt(int64(i + 1))
		}
		HashBN254(in)
		a := cpuPerOp(2000/n, func() { HashBN254(in) })
		b := cpuPerOp(2000/n, func() { iden3.Hash(bi) })
		t.Logf("poseidon_bn254 n=%2d: hostcrypto %8.0f ns, iden3 %8.0f ns, ratio %.2f", n, a, b, a/b)
	}
	perm := poseidon2.NewPermutation(3, 8, 56)
	var s [3]gnarkfr.Element
	p2 := cpuPerOp(2000, func() { s[1].SetUint64(1); s[2].SetUint64(2); perm.Permutation(s[:]) })
	t.Logf("gnark-crypto poseidon2 t=3 (2 inputs): %8.0f ns", p2)
	for _, n := range []int{1, 4, 5, 16} {
		in := make([]byte, 32*n)
		dst := make([]byte, 0, 32)
		d := cpuPerOp(1000, func() { AppendHashDusk(dst, in) })
		t.Logf("poseidon_bls12381_dusk n=%2d: %8.0f ns", n, d)
	}
}
