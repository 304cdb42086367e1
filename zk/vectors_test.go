package zk

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// ownDir holds the vectors this project made itself (snarkjs-own); the
// external ones are read in place through internal/vectors.
const ownDir = "../testdata/vectors"

// gnarkCase is one entry of gnark-v0.16/cases.json.
type gnarkCase struct {
	Name          string   `json:"name"`
	Curve         string   `json:"curve"`
	Scheme        string   `json:"scheme"`
	Circuit       string   `json:"circuit"`
	PublicInputs  []string `json:"public_inputs"`
	VKRaw         string   `json:"vk_raw"`
	ProofRaw      string   `json:"proof_raw"`
	PublicWitness string   `json:"public_witness"`
	EIPInput      string   `json:"eip_input"`
	Valid         bool     `json:"valid"`
}

func loadGnarkCases(t testing.TB) []gnarkCase {
	t.Helper()
	b, err := os.ReadFile(vectors.Path(t, "gnark-v0.16/cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []gnarkCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 {
		t.Fatal("no cases")
	}
	return cs
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// call runs a catalogue function through core.Invoke under the default schedule.
func call(t testing.TB, name string, in []byte) ([]byte, uint64, error) {
	t.Helper()
	f, ok := testCatalogue.Lookup(name)
	if !ok {
		t.Fatalf("%s not registered", name)
	}
	return core.Invoke(f, gas.Default, nil, nil, in)
}

// expectVerdict checks that a valid proof returns 0x01 and an invalid one
// anything else (0x00 or an error code).
func expectVerdict(t *testing.T, fn, name string, in []byte, valid bool) {
	t.Helper()
	out, g, err := call(t, fn, in)
	if g == 0 {
		t.Errorf("%s: zero gas", name)
	}
	ok := err == nil && len(out) == 1 && out[0] == 1
	if ok != valid {
		t.Errorf("%s: got out=%x err=%v, want valid=%v", name, out, err, valid)
	}
	if err == nil && (len(out) != 1 || out[0] > 1) {
		t.Errorf("%s: output %x is not a verdict byte", name, out)
	}
}

func TestGnarkV016EIPInputs(t *testing.T) {
	cs := loadGnarkCases(t)
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		n := 0
		for _, c := range cs {
			if c.EIPInput == "" {
				continue
			}
			fn := map[string]string{"bn254": "groth16_bn254_verify", "bls12_381": "groth16_bls12381_verify"}[c.Curve]
			in := unhex(t, c.EIPInput)
			for pass := 0; pass < 2; pass++ { // cold, then warm cache
				expectVerdict(t, fn, c.Name, in, c.Valid)
			}
			n++
		}
		if n < 4 {
			t.Fatalf("only %d eip cases", n)
		}
	})
}

func mustLookup(t testing.TB, name string) *core.Func {
	t.Helper()
	f, ok := testCatalogue.Lookup(name)
	if !ok {
		t.Fatalf("%s not registered", name)
	}
	return f
}
