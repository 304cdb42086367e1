package poseidon

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"
)

// TestDuskAssetsMatchVectors checks the embedded constant files are the
// vector set's copies of Dusk's assets, byte for byte.
func TestDuskAssetsMatchVectors(t *testing.T) {
	for name, emb := range map[string][]byte{"arc.bin": duskArcBin, "mds.bin": duskMDSBin} {
		want, err := os.ReadFile("../../testdata/vectors/poseidon/dusk-constants/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(emb, want) {
			t.Fatalf("%s differs from the vector copy", name)
		}
	}
}

// TestDuskHadesKATs runs Poseidon252's hades.rs KATs: the dusk-safe sponge
// with tag 0 and IO pattern [Absorb(n), Absorb(1), Squeeze(1)], absorbing the
// inputs and then the padding element 1.
func TestDuskHadesKATs(t *testing.T) {
	var v struct {
		InputsPool []string `json:"inputs_pool"`
		Cases      []struct {
			FirstN   int `json:"first_n_inputs"`
			Expected string
		}
	}
	data, err := os.ReadFile("../../testdata/vectors/poseidon/dusk-poseidon252_hades_kats.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) != 6 {
		t.Fatalf("%d cases", len(v.Cases))
	}
	for _, c := range v.Cases {
		z := newDuskSponge(blsElem{})
		for _, h := range v.InputsPool[:c.FirstN] {
			b, _ := hex.DecodeString(h)
			x, err := littleEndianBLS((*[32]byte)(b))
			if err != nil {
				t.Fatal(err)
			}
			z.absorb(&x)
		}
		var one blsElem
		one.SetOne()
		z.absorb(&one)
		out := z.squeeze1()
		b := out.Bytes() // big-endian, as the Debug format prints it
		if got := "0x" + hex.EncodeToString(b[:]); got != c.Expected {
			t.Errorf("first %d inputs: got %s, want %s", c.FirstN, got, c.Expected)
		}
	}
}
