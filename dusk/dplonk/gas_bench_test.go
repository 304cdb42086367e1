package dplonk

import (
	"encoding/binary"
	"testing"
	"time"
)

// withPublicInputs returns the shared verifier rewritten to expect n
// public inputs and n canonical inputs: the verdict is 0x00, the work is a
// full verification. The circuit size is raised to 2^31 and the gate
// indexes are 2^31−1−i (31-bit, dense in ones): the costliest ω^(−i).
func withPublicInputs(vd []byte, n int) ([]byte, [][]byte) {
	labelLen := binary.BigEndian.Uint64(vd)
	vkLen := binary.BigEndian.Uint64(vd[8:])
	okLen := binary.BigEndian.Uint64(vd[16:])
	head := verifierHeader + int(labelLen+vkLen+okLen)
	v := append([]byte(nil), vd[:head]...)
	binary.BigEndian.PutUint64(v[24:], uint64(n))
	binary.BigEndian.PutUint64(v[32:], 1<<31)
	binary.LittleEndian.PutUint64(v[verifierHeader+int(labelLen):], 1<<31)
	pis := make([][]byte, n)
	for i := range n {
		v = binary.BigEndian.AppendUint64(v, uint64(1<<31-1-i))
		pi := make([]byte, 32)
		binary.LittleEndian.PutUint64(pi, uint64(i+1))
		pis[i] = pi
	}
	return v, pis
}

// withLabel returns the shared verifier with a label of n bytes.
func withLabel(vd []byte, n int) []byte {
	labelLen := binary.BigEndian.Uint64(vd)
	v := append([]byte(nil), vd[:verifierHeader]...)
	binary.BigEndian.PutUint64(v, uint64(n))
	v = append(v, make([]byte, n)...)
	return append(v, vd[verifierHeader+int(labelLen):]...)
}

// BenchmarkGas measures process CPU per call for the gas rule: the cached
// and uncached (every call a new verifier, the gas-neutral worst case)
// paths, the public-input slope, and the label (per-byte) slope.
func BenchmarkGas(b *testing.B) {
	vd, proof, pis := validCase(b)
	f, _ := testCatalogue.Lookup(Name)
	cpu := func(b *testing.B, mk func(i int) []byte) {
		var total time.Duration
		i := 0
		for b.Loop() {
			in := mk(i)
			i++
			t0 := processCPU()
			if _, err := f.Run(nil, in); err != nil {
				b.Fatal(err)
			}
			total += processCPU() - t0
		}
		b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.Run("cached/1pi", func(b *testing.B) {
		in := buildInput(3, vd, proof, pis)
		cpu(b, func(int) []byte { return in })
	})
	b.Run("uncached/1pi", func(b *testing.B) {
		cpu(b, func(i int) []byte {
			v := binary.BigEndian.AppendUint64(append([]byte(nil), vd...), uint64(i)+1<<40)
			return buildInput(3, v, proof, pis)
		})
	})
	for _, n := range []int{256, 1024} {
		v, p := withPublicInputs(vd, n)
		b.Run("uncached/"+itoa(n)+"pi", func(b *testing.B) {
			cpu(b, func(i int) []byte {
				v2 := binary.BigEndian.AppendUint64(append([]byte(nil), v...), uint64(i)+1<<40)
				return buildInput(3, v2, proof, p)
			})
		})
	}
	v := withLabel(vd, 1<<16)
	b.Run("uncached/label64KiB", func(b *testing.B) {
		cpu(b, func(i int) []byte {
			v2 := binary.BigEndian.AppendUint64(append([]byte(nil), v...), uint64(i)+1<<40)
			return buildInput(3, v2, proof, pis)
		})
	})
}
