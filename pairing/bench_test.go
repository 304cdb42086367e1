package pairing_test

import (
	"fmt"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BenchmarkCurve times each curve function on vector inputs, under each
// forced backend (go test -run XXX -bench Curve -benchtime=200ms ./pairing).
func BenchmarkCurve(b *testing.B) {
	inputs := []struct {
		name, fn, file string
		index          int
	}{
		{"bn254_g1_add", "bn254_g1_add", geth + "bn256Add.json", 0},
		{"bn254_g1_mul", "bn254_g1_mul", geth + "bn256ScalarMul.json", 0},
		{"bn254_pairing_check/2", "bn254_pairing_check", geth + "bn256Pairing.json", 0},
		{"bls12381_g1_add", "bls12381_g1_add", eip + "add_G1_bls.json", 0},
		{"bls12381_g2_add", "bls12381_g2_add", eip + "add_G2_bls.json", 0},
		{"bls12381_g1_msm/1", "bls12381_g1_msm", eip + "mul_G1_bls.json", 1},
		{"bls12381_g2_msm/1", "bls12381_g2_msm", eip + "mul_G2_bls.json", 1},
		{"bls12381_pairing_check", "bls12381_pairing_check", eip + "pairing_check_bls.json", 1},
		{"bls12381_map_fp_to_g1", "bls12381_map_fp_to_g1", eip + "map_fp_to_G1_bls.json", 0},
		{"bls12381_map_fp2_to_g2", "bls12381_map_fp2_to_g2", eip + "map_fp2_to_G2_bls.json", 0},
	}
	defer dispatch.Force("")
	for _, x := range inputs {
		in := mustHex(b, loadVectors(b, x.file)[x.index].Input)
		f, _ := testCatalogue.Lookup(x.fn)
		for _, be := range []string{"gnark", "blst"} {
			b.Run(fmt.Sprintf("%s/%s", x.name, be), func(b *testing.B) {
				if err := dispatch.Force(be); err != nil {
					b.Skip(err)
				}
				if _, err := f.Run(nil, in); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					f.Run(nil, in)
				}
			})
		}
	}
}
