package dusk

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BenchmarkDusk measures every function of the package on its examples,
// for each implementation of its primitive.
func BenchmarkDusk(b *testing.B) {
	for _, name := range []string{"groth16_bn254_verify_arkworks", "bls12381_verify_dusk",
		"bls12381_multisig_verify_dusk", "schnorr_jubjub_verify_dusk", "kzg_verify_proof_dusk"} {
		f, _ := testCatalogue.Lookup(name)
		impls := []string{""}
		if p, ok := dispatch.Lookup("bls12381.dusk"); ok && len(f.Primitives) > 0 && f.Primitives[0] == "bls12381.dusk" {
			impls = nil
			for _, i := range p.Impls {
				if i.Available {
					impls = append(impls, "bls12381.dusk="+i.Name)
				}
			}
		}
		for _, impl := range impls {
			for _, ex := range f.Examples() {
				in := ex.Input
				b.Run(name+"/"+ex.Name+"/"+impl, func(b *testing.B) {
					prev := dispatch.Current()
					defer dispatch.Force(prev)
					if err := dispatch.Force(impl); err != nil {
						b.Fatal(err)
					}
					b.ReportAllocs()
					for i := 0; i < b.N; i++ {
						if _, err := core.Execute(f, nil, in); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
