package dusk

import (
	"bytes"
	"testing"
)

// TestExamplesVerify: every example of this package's functions is a valid
// instance (0x01), so that benchmarks and calibration measure the full
// verification path, and flipping a bit in it is not.
func TestExamplesVerify(t *testing.T) {
	for _, name := range []string{"groth16_bn254_verify_arkworks", "bls12381_verify_dusk",
		"bls12381_multisig_verify_dusk", "schnorr_jubjub_verify_dusk", "kzg_verify_proof_dusk"} {
		f, _ := testCatalogue.Lookup(name)
		exs := f.Examples()
		if len(exs) == 0 {
			t.Fatalf("%s: no examples", name)
		}
		for _, ex := range exs {
			out, err := call(t, name, ex.Input)
			if err != nil || !bytes.Equal(out, []byte{1}) {
				t.Errorf("%s/%s: %x %v", name, ex.Name, out, err)
			}
		}
	}
}
