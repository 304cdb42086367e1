package zk

import (
	"bytes"
	"slices"
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
				for b.Loop() {
					if cold {
						purge[fn]()
					}
					out, err := f.Run(dst, in)
					if err != nil || out[0] != 1 {
						b.Fatal(out, err)
					}
				}
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
	var ours, theirs, cold []time.Duration
	dst := make([]byte, 0, 1)
	for b.Loop() {
		t0 := time.Now()
		if out, err := f.Run(dst, in); err != nil || out[0] != 1 {
			b.Fatal(out, err)
		}
		t1 := time.Now()
		if err := groth16.Verify(pr, vk, w); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
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
	b.ReportMetric(om/tm, "ratio-min")
	b.ReportMetric(omed/tmed, "ratio-med")
}
