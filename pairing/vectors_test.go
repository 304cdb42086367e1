package pairing_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// vector is one case of the go-ethereum / EIP-2537 JSON files.
type vector struct {
	Input, Expected, ExpectedError, Name string
}

// vectorFile maps a vector file to the named function that must pass it.
// pairing marks the pairing checks, whose precompile returns a 32-byte word
// where the named function returns its last byte.
type vectorFile struct {
	path, fn string
	pairing  bool
}

const (
	geth = "go-ethereum-precompiles/"
	eip  = "eip-2537/"
)

var vectorFiles = []vectorFile{
	{geth + "bn256Add.json", "bn254_g1_add", false},
	{geth + "bn256ScalarMul.json", "bn254_g1_mul", false},
	{geth + "bn256Pairing.json", "bn254_pairing_check", true},
	{geth + "blsG1Add.json", "bls12381_g1_add", false},
	{geth + "blsG1Mul.json", "bls12381_g1_msm", false},
	{geth + "blsG1MultiExp.json", "bls12381_g1_msm", false},
	{geth + "blsG2Add.json", "bls12381_g2_add", false},
	{geth + "blsG2Mul.json", "bls12381_g2_msm", false},
	{geth + "blsG2MultiExp.json", "bls12381_g2_msm", false},
	{geth + "blsPairing.json", "bls12381_pairing_check", true},
	{geth + "blsMapG1.json", "bls12381_map_fp_to_g1", false},
	{geth + "blsMapG2.json", "bls12381_map_fp2_to_g2", false},
	{geth + "fail-blsG1Add.json", "bls12381_g1_add", false},
	{geth + "fail-blsG1Mul.json", "bls12381_g1_msm", false},
	{geth + "fail-blsG1MultiExp.json", "bls12381_g1_msm", false},
	{geth + "fail-blsG2Add.json", "bls12381_g2_add", false},
	{geth + "fail-blsG2Mul.json", "bls12381_g2_msm", false},
	{geth + "fail-blsG2MultiExp.json", "bls12381_g2_msm", false},
	{geth + "fail-blsPairing.json", "bls12381_pairing_check", true},
	{geth + "fail-blsMapG1.json", "bls12381_map_fp_to_g1", false},
	{geth + "fail-blsMapG2.json", "bls12381_map_fp2_to_g2", false},
	{eip + "add_G1_bls.json", "bls12381_g1_add", false},
	{eip + "add_G2_bls.json", "bls12381_g2_add", false},
	{eip + "mul_G1_bls.json", "bls12381_g1_msm", false},
	{eip + "mul_G2_bls.json", "bls12381_g2_msm", false},
	{eip + "msm_G1_bls.json", "bls12381_g1_msm", false},
	{eip + "pairing_check_bls.json", "bls12381_pairing_check", true},
	{eip + "map_fp_to_G1_bls.json", "bls12381_map_fp_to_g1", false},
	{eip + "map_fp2_to_G2_bls.json", "bls12381_map_fp2_to_g2", false},
	{eip + "fail-add_G1_bls.json", "bls12381_g1_add", false},
	{eip + "fail-add_G2_bls.json", "bls12381_g2_add", false},
	{eip + "fail-mul_G1_bls.json", "bls12381_g1_msm", false},
	{eip + "fail-mul_G2_bls.json", "bls12381_g2_msm", false},
	{eip + "fail-msm_G1_bls.json", "bls12381_g1_msm", false},
	{eip + "fail-msm_G2_bls.json", "bls12381_g2_msm", false},
	{eip + "fail-pairing_check_bls.json", "bls12381_pairing_check", true},
	{eip + "fail-map_fp_to_G1_bls.json", "bls12381_map_fp_to_g1", false},
	{eip + "fail-map_fp2_to_G2_bls.json", "bls12381_map_fp2_to_g2", false},
}

func loadVectors(t testing.TB, path string) []vector {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, path))
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(data, &vs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(vs) == 0 {
		t.Fatalf("%s: no vectors", path)
	}
	return vs
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func call(t testing.TB, fn string, in []byte) ([]byte, uint64, error) {
	t.Helper()
	f, ok := testCatalogue.Lookup(fn)
	if !ok {
		t.Fatalf("%s is not registered", fn)
	}
	return core.Invoke(f, gas.Default, nil, nil, in)
}

// TestVectors runs every go-ethereum and EIP-2537 vector through the named
// functions on the default and each forced backend. Gas and outputs must be
// the same on every backend.
func TestVectors(t *testing.T) {
	type result struct {
		out  []byte
		gas  uint64
		code core.Code
	}
	seen := map[string]result{}
	ran := map[string]string{}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		if prev, ok := ran[selection()]; ok {
			t.Skipf("same implementations as backend %s", prev)
		}
		ran[selection()] = backend
		total := 0
		for _, vf := range vectorFiles {
			vs := loadVectors(t, vf.path)
			fail := vs[0].ExpectedError != ""
			for i, v := range vs {
				in := mustHex(t, v.Input)
				out, g, err := call(t, vf.fn, in)
				key := fmt.Sprintf("%s/%d/%s", vf.path, i, v.Name)
				if fail {
					if err == nil {
						t.Errorf("%s: %s: want error (%s), got %x", key, vf.fn, v.ExpectedError, out)
					}
				} else {
					want := mustHex(t, v.Expected)
					if vf.pairing {
						if len(want) != 32 || !bytes.Equal(want[:31], make([]byte, 31)) {
							t.Fatalf("%s: unexpected pairing output %x", key, want)
						}
						want = want[31:]
					}
					if err != nil {
						t.Errorf("%s: %s: %v", key, vf.fn, err)
					} else if !bytes.Equal(out, want) {
						t.Errorf("%s: %s:\n got %x\nwant %x", key, vf.fn, out, want)
					}
				}
				r := result{out: out, gas: g, code: core.CodeOf(err)}
				if prev, ok := seen[key]; ok {
					if !bytes.Equal(prev.out, r.out) || prev.gas != r.gas || prev.code != r.code {
						t.Errorf("%s: backend %s differs: %x/%d/%v vs %x/%d/%v", key, backend,
							r.out, r.gas, r.code, prev.out, prev.gas, prev.code)
					}
				} else {
					seen[key] = r
				}
				total++
			}
		}
		t.Logf("%d vectors on backend %s", total, backend)
	})
}

// selection describes the implementation selected for each curve primitive,
// so that a forced backend that changes none of them (blst in a build
// without cgo) is not run twice.
func selection() string {
	var b strings.Builder
	for _, p := range dispatch.Primitives() {
		if strings.Contains(p.Name, "bls12381") || strings.Contains(p.Name, "bn254") {
			b.WriteString(p.Name + "=" + p.Selected + ",")
		}
	}
	return b.String()
}
