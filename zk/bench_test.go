package zk

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
)

func findCase(b testing.TB, name string) gnarkCase {
	for _, c := range loadGnarkCases(b) {
		if c.Name == name {
			return c
		}
	}
	b.Fatalf("no case %s", name)
	return gnarkCase{}
}

// BenchmarkGroth16BN254 compares groth16_bn254_verify (1 public input) with
// gnark's groth16.Verify on the same proof.
func BenchmarkGroth16BN254(b *testing.B) {
	c := findCase(b, "bn254_groth16_cubic_0")
	in := unhex(b, c.EIPInput)
	f := mustLookup(b, "groth16_bn254_verify")
	b.Run("warm", func(b *testing.B) {
		dst := make([]byte, 0, 1)
		for b.Loop() {
			out, err := f.Run(dst, in)
			if err != nil || out[0] != 1 {
				b.Fatal(out, err)
			}
		}
	})
	b.Run("cold", func(b *testing.B) {
		dst := make([]byte, 0, 1)
		for b.Loop() {
			bnEIPCache.purge()
			out, err := f.Run(dst, in)
			if err != nil || out[0] != 1 {
				b.Fatal(out, err)
			}
		}
	})
	b.Run("gnark", func(b *testing.B) {
		vk := groth16.NewVerifyingKey(ecc.BN254)
		if _, err := vk.ReadFrom(bytes.NewReader(unhex(b, c.VKRaw))); err != nil {
			b.Fatal(err)
		}
		pr := groth16.NewProof(ecc.BN254)
		if _, err := pr.ReadFrom(bytes.NewReader(unhex(b, c.ProofRaw))); err != nil {
			b.Fatal(err)
		}
		w, _ := witness.New(ecc.BN254.ScalarField())
		if err := w.UnmarshalBinary(unhex(b, c.PublicWitness)); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := groth16.Verify(pr, vk, w); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkZK measures every function on a valid vector input, with a warm
// verifying-key cache and cold (cache purged before each call).
func BenchmarkZK(b *testing.B) {
	ins := validInputs(b)
	purge := map[string]func(){
		"groth16_bn254_verify":          bnEIPCache.purge,
		"groth16_bls12381_verify":       blsEIPCache.purge,
		"groth16_bn254_verify_gnark":    gnarkBnG16Cache.purge,
		"groth16_bls12381_verify_gnark": gnarkBlsG16Cache.purge,
		"plonk_bn254_gnark_verify":      gnarkBnPlonkCache.purge,
		"plonk_bls12381_gnark_verify":   gnarkBlsPlonkCache.purge,
		"plonk_bn254_snarkjs_verify":    sjCache.purge,
	}
	for _, fn := range []string{"groth16_bn254_verify", "groth16_bls12381_verify", "groth16_bn254_verify_gnark",
		"groth16_bls12381_verify_gnark", "plonk_bn254_snarkjs_verify", "plonk_bn254_gnark_verify", "plonk_bls12381_gnark_verify"} {
		f, in := mustLookup(b, fn), ins[fn]
		for _, cold := range []bool{false, true} {
			name := fn + "/warm"
			if cold {
				name = fn + "/cold"
			}
			b.Run(name, func(b *testing.B) {
				dst := make([]byte, 0, 1)
				var cpu []time.Duration
				for b.Loop() {
					if cold {
						purge[fn]()
					}
					c0 := cpuTime()
					out, err := f.Run(dst, in)
					cpu = append(cpu, cpuTime()-c0)
					if err != nil || out[0] != 1 {
						b.Fatal(out, err)
					}
				}
				// Process CPU time per call (median): steadier than wall
				// time on a loaded machine.
				slices.Sort(cpu)
				b.ReportMetric(float64(cpu[len(cpu)/2].Nanoseconds()), "cpu-med-ns")
			})
		}
	}
}

// BenchmarkGroth16BN254Interleaved alternates groth16_bn254_verify (warm
// cache) and gnark's groth16.Verify on the same proof, one call each per
// round, and reports the minimum and median latency of each: on a shared,
// loaded machine that is a steadier comparison than two separate loops.
func BenchmarkGroth16BN254Interleaved(b *testing.B) {
	c := findCase(b, "bn254_groth16_cubic_0")
	in := unhex(b, c.EIPInput)
	f := mustLookup(b, "groth16_bn254_verify")
	vk := groth16.NewVerifyingKey(ecc.BN254)
	if _, err := vk.ReadFrom(bytes.NewReader(unhex(b, c.VKRaw))); err != nil {
		b.Fatal(err)
	}
	pr := groth16.NewProof(ecc.BN254)
	if _, err := pr.ReadFrom(bytes.NewReader(unhex(b, c.ProofRaw))); err != nil {
		b.Fatal(err)
	}
	w, _ := witness.New(ecc.BN254.ScalarField())
	if err := w.UnmarshalBinary(unhex(b, c.PublicWitness)); err != nil {
		b.Fatal(err)
	}
	var ours, theirs, cold, oursCPU, theirsCPU []time.Duration
	dst := make([]byte, 0, 1)
	for b.Loop() {
		c0 := cpuTime()
		t0 := time.Now()
		if out, err := f.Run(dst, in); err != nil || out[0] != 1 {
			b.Fatal(out, err)
		}
		t1 := time.Now()
		c1 := cpuTime()
		if err := groth16.Verify(pr, vk, w); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		c2 := cpuTime()
		oursCPU, theirsCPU = append(oursCPU, c1-c0), append(theirsCPU, c2-c1)
		bnEIPCache.purge()
		if out, err := f.Run(dst, in); err != nil || out[0] != 1 {
			b.Fatal(out, err)
		}
		t3 := time.Now()
		ours, theirs, cold = append(ours, t1.Sub(t0)), append(theirs, t2.Sub(t1)), append(cold, t3.Sub(t2))
	}
	stat := func(d []time.Duration) (float64, float64) {
		slices.Sort(d)
		return float64(d[0].Nanoseconds()), float64(d[len(d)/2].Nanoseconds())
	}
	om, omed := stat(ours)
	tm, tmed := stat(theirs)
	cm, cmed := stat(cold)
	b.ReportMetric(om, "ours-min-ns")
	b.ReportMetric(omed, "ours-med-ns")
	b.ReportMetric(cm, "cold-min-ns")
	b.ReportMetric(cmed, "cold-med-ns")
	b.ReportMetric(tm, "gnark-min-ns")
	b.ReportMetric(tmed, "gnark-med-ns")
	_, ocpu := stat(oursCPU)
	_, tcpu := stat(theirsCPU)
	b.ReportMetric(ocpu, "ours-cpu-med-ns")
	b.ReportMetric(tcpu, "gnark-cpu-med-ns")
	b.ReportMetric(om/tm, "ratio-min")
	b.ReportMetric(omed/tmed, "ratio-med")
}

// cpuTime returns the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// widenGroth16 returns a groth16_*_verify input with k public inputs made
// from a 1-input vector (IC_1 repeated, inputs i+1): it does not verify
// but costs a full verification, for the per-input gas rule.
func widenGroth16(in []byte, vkFixed, g1 int, k int) []byte {
	n := int(binary.BigEndian.Uint32(in[vkFixed-4:]))
	vkLen := vkFixed + n*g1
	proof := in[vkLen : len(in)-32*(n-1)]
	out := append([]byte(nil), in[:vkFixed-4]...)
	out = binary.BigEndian.AppendUint32(out, uint32(k+1))
	out = append(out, in[vkFixed:vkFixed+g1]...)
	for range k {
		out = append(out, in[vkFixed+g1:vkFixed+2*g1]...)
	}
	out = append(out, proof...)
	for i := range k {
		x := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
		x[0] &= 0x0f // full-width scalar below both curves' r
		out = append(out, x[:]...)
	}
	return out
}

// BenchmarkGroth16Inputs measures the cold cost as the number of public
// inputs grows (gas per_item).
func BenchmarkGroth16Inputs(b *testing.B) {
	ins := validInputs(b)
	for _, c := range []struct {
		fn          string
		vkFixed, g1 int
		purge       func()
	}{
		{"groth16_bn254_verify", bnVKFixed, bnG1Size, bnEIPCache.purge},
		{"groth16_bls12381_verify", blsVKFixed, blsG1Size, blsEIPCache.purge},
	} {
		f := mustLookup(b, c.fn)
		for _, k := range []int{1, 4, 16, 64} {
			in := widenGroth16(ins[c.fn], c.vkFixed, c.g1, k)
			b.Run(fmt.Sprintf("%s/inputs=%d", c.fn, k), func(b *testing.B) {
				var cpu []time.Duration
				for b.Loop() {
					c.purge()
					c0 := cpuTime()
					out, err := f.Run(nil, in)
					cpu = append(cpu, cpuTime()-c0)
					if err != nil || out[0] != 0 {
						b.Fatal(out, err)
					}
				}
				slices.Sort(cpu)
				b.ReportMetric(float64(cpu[len(cpu)/2].Nanoseconds()), "cpu-med-ns")
			})
		}
	}
}

// BenchmarkGnarkCases measures the cold cost of every valid gnark-v0.16
// vector (cubic vs committed: the price of a BSB22 commitment).
func BenchmarkGnarkCases(b *testing.B) {
	purge := func() {
		gnarkBnG16Cache.purge()
		gnarkBlsG16Cache.purge()
		gnarkBnPlonkCache.purge()
		gnarkBlsPlonkCache.purge()
	}
	for _, c := range loadGnarkCases(b) {
		if !c.Valid {
			continue
		}
		f := mustLookup(b, gnarkFn[c.Curve+"/"+c.Scheme])
		in := threeSections(unhex(b, c.VKRaw), unhex(b, c.ProofRaw), unhex(b, c.PublicWitness))
		b.Run(c.Name, func(b *testing.B) {
			var cpu []time.Duration
			for b.Loop() {
				purge()
				c0 := cpuTime()
				out, err := f.Run(nil, in)
				cpu = append(cpu, cpuTime()-c0)
				if err != nil || out[0] != 1 {
					b.Fatal(out, err)
				}
			}
			slices.Sort(cpu)
			b.ReportMetric(float64(cpu[len(cpu)/2].Nanoseconds()), "cpu-med-ns")
			b.ReportMetric(float64(len(in)), "bytes")
		})
	}
}
