package zk

import (
	"bytes"
	"testing"

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
