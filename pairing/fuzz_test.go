package pairing_test

import (
	"bytes"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

var fuzzFuncs = []string{
	"bn254_g1_add", "bn254_g1_mul", "bn254_g1_msm", "bn254_pairing_check",
	"bls12381_g1_add", "bls12381_g2_add", "bls12381_g1_msm", "bls12381_g2_msm",
	"bls12381_pairing_check", "bls12381_map_fp_to_g1", "bls12381_map_fp2_to_g2",
}

// FuzzBackends runs every curve function on arbitrary input under the gnark
// and (when available) blst backends: no panic, and the same output bytes
// and status code on both. Seeds are the go-ethereum and EIP-2537 vectors,
// whose inputs the fuzzer mutates.
func FuzzBackends(f *testing.F) {
	for _, vf := range vectorFiles {
		for i, v := range loadVectors(f, vf.path) {
			if i%8 != 0 {
				continue
			}
			for j, fn := range fuzzFuncs {
				if fn == vf.fn {
					f.Add(uint8(j), mustHex(f, v.Input))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		fn, _ := testCatalogue.Lookup(fuzzFuncs[int(which)%len(fuzzFuncs)])
		defer dispatch.Force("")
		var outs [][]byte
		var codes []core.Code
		for _, be := range []string{"gnark", "blst"} {
			if err := dispatch.Force(be); err != nil {
				t.Fatal(err)
			}
			out, err := fn.Run(nil, in)
			outs, codes = append(outs, out), append(codes, core.CodeOf(err))
		}
		if !bytes.Equal(outs[0], outs[1]) || codes[0] != codes[1] {
			t.Fatalf("%s(%x): gnark %x/%v, blst %x/%v", fn.Name, in, outs[0], codes[0], outs[1], codes[1])
		}
		if codes[0] == core.CodeInternal {
			t.Fatalf("%s(%x): internal error", fn.Name, in)
		}
	})
}
