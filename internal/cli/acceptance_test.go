package cli

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// gethVector is go-ethereum's precompile test format (also the EIP-2537
// assets' and the derived c-kzg-4844 cases').
type gethVector struct {
	Input, Expected, ExpectedError, Name string
	Gas                                  uint64
}

// acceptanceFiles maps each vector file to the EVM precompile that runs it
// and to the named function that takes the same input (output adapted as
// the named function defines it). gas: the file's Gas is the Osaka price.
var acceptanceFiles = []struct {
	path, evm, named string
	gas              bool
	adapt            func(want []byte) []byte // precompile output -> named output; nil: identical
}{
	{"go-ethereum-precompiles/ecRecover.json", "evm:0x01", "", true, nil},
	{"go-ethereum-precompiles/modexp_eip7883.json", "evm:0x05", "", true, nil},
	{"go-ethereum-precompiles/modexp.json", "evm:0x05", "", false, nil},
	{"go-ethereum-precompiles/modexp_eip2565.json", "evm:0x05", "", false, nil},
	{"go-ethereum-precompiles/bn256Add.json", "evm:0x06", "bn254_g1_add", true, nil},
	{"go-ethereum-precompiles/bn256ScalarMul.json", "evm:0x07", "bn254_g1_mul", true, nil},
	{"go-ethereum-precompiles/bn256Pairing.json", "evm:0x08", "bn254_pairing_check", true, lastByte},
	{"go-ethereum-precompiles/blake2F.json", "evm:0x09", "blake2f", true, nil},
	{"go-ethereum-precompiles/fail-blake2f.json", "evm:0x09", "blake2f", true, nil},
	{"go-ethereum-precompiles/pointEvaluation.json", "evm:0x0a", "kzg_point_evaluation", true, one},
	{"c-kzg-4844/derived/pointEvaluation_from_c-kzg.json", "evm:0x0a", "kzg_point_evaluation", true, one},
	{"c-kzg-4844/derived/fail-pointEvaluation_from_c-kzg.json", "evm:0x0a", "", true, nil},
	{"go-ethereum-precompiles/p256Verify.json", "evm:0x100", "", true, nil},
	{"go-ethereum-precompiles/blsG1Add.json", "evm:0x0b", "bls12381_g1_add", true, nil},
	{"go-ethereum-precompiles/fail-blsG1Add.json", "evm:0x0b", "bls12381_g1_add", true, nil},
	{"go-ethereum-precompiles/blsG1Mul.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"go-ethereum-precompiles/fail-blsG1Mul.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"go-ethereum-precompiles/blsG1MultiExp.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"go-ethereum-precompiles/fail-blsG1MultiExp.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"go-ethereum-precompiles/blsG2Add.json", "evm:0x0d", "bls12381_g2_add", true, nil},
	{"go-ethereum-precompiles/fail-blsG2Add.json", "evm:0x0d", "bls12381_g2_add", true, nil},
	{"go-ethereum-precompiles/blsG2Mul.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"go-ethereum-precompiles/fail-blsG2Mul.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"go-ethereum-precompiles/blsG2MultiExp.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"go-ethereum-precompiles/fail-blsG2MultiExp.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"go-ethereum-precompiles/blsPairing.json", "evm:0x0f", "bls12381_pairing_check", true, lastByte},
	{"go-ethereum-precompiles/fail-blsPairing.json", "evm:0x0f", "bls12381_pairing_check", true, nil},
	{"go-ethereum-precompiles/blsMapG1.json", "evm:0x10", "bls12381_map_fp_to_g1", true, nil},
	{"go-ethereum-precompiles/fail-blsMapG1.json", "evm:0x10", "bls12381_map_fp_to_g1", true, nil},
	{"go-ethereum-precompiles/blsMapG2.json", "evm:0x11", "bls12381_map_fp2_to_g2", true, nil},
	{"go-ethereum-precompiles/fail-blsMapG2.json", "evm:0x11", "bls12381_map_fp2_to_g2", true, nil},
	{"eip-2537/add_G1_bls.json", "evm:0x0b", "bls12381_g1_add", true, nil},
	{"eip-2537/fail-add_G1_bls.json", "evm:0x0b", "bls12381_g1_add", true, nil},
	{"eip-2537/add_G2_bls.json", "evm:0x0d", "bls12381_g2_add", true, nil},
	{"eip-2537/fail-add_G2_bls.json", "evm:0x0d", "bls12381_g2_add", true, nil},
	{"eip-2537/mul_G1_bls.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"eip-2537/fail-mul_G1_bls.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"eip-2537/mul_G2_bls.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"eip-2537/fail-mul_G2_bls.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"eip-2537/msm_G1_bls.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"eip-2537/fail-msm_G1_bls.json", "evm:0x0c", "bls12381_g1_msm", true, nil},
	{"eip-2537/fail-msm_G2_bls.json", "evm:0x0e", "bls12381_g2_msm", true, nil},
	{"eip-2537/pairing_check_bls.json", "evm:0x0f", "bls12381_pairing_check", true, lastByte},
	{"eip-2537/fail-pairing_check_bls.json", "evm:0x0f", "bls12381_pairing_check", true, nil},
	{"eip-2537/map_fp_to_G1_bls.json", "evm:0x10", "bls12381_map_fp_to_g1", true, nil},
	{"eip-2537/fail-map_fp_to_G1_bls.json", "evm:0x10", "bls12381_map_fp_to_g1", true, nil},
	{"eip-2537/map_fp2_to_G2_bls.json", "evm:0x11", "bls12381_map_fp2_to_g2", true, nil},
	{"eip-2537/fail-map_fp2_to_G2_bls.json", "evm:0x11", "bls12381_map_fp2_to_g2", true, nil},
}

// lastByte: a 32-byte pairing result word becomes the named function's one
// byte; one: a successful precompile becomes 0x01.
func lastByte(w []byte) []byte { return w[len(w)-1:] }
func one([]byte) []byte        { return []byte{1} }

// runJSONL sends requests through `hostcrypto call --jsonl [--backend b]`
// in-process and returns the parsed result lines.
func runJSONL(t *testing.T, backend string, reqs []Request) []Result {
	t.Helper()
	var in strings.Builder
	for _, r := range reqs {
		b, _ := json.Marshal(r)
		in.Write(append(b, '\n'))
	}
	args := []string{"call", "--jsonl"}
	if backend != "default" {
		args = append(args, "--backend", backend)
	}
	var out, errb strings.Builder
	if code := Main(&Env{Stdin: strings.NewReader(in.String()), Stdout: &out, Stderr: &errb}, args); code != 0 {
		t.Fatalf("call --jsonl %v: exit %d: %s", args, code, errb.String())
	}
	var res []Result
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad result line: %v", err)
		}
		res = append(res, r)
	}
	if len(res) != len(reqs) {
		t.Fatalf("%d results for %d requests", len(res), len(reqs))
	}
	return res
}

// TestAcceptanceEVMVectorsJSONL is issue 3's acceptance check: every
// go-ethereum, EIP-2537 and derived c-kzg-4844 vector through `call --jsonl`
// as evm:0xNN (output and Osaka gas exactly; an error exactly on failure
// vectors) and through the named function with the same input, on the
// default selection and on each backend that can serve the function.
func TestAcceptanceEVMVectorsJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every EVM vector on every backend")
	}
	prev := dispatch.Current()
	defer dispatch.Force(prev) // --backend forces globally, in-process
	for _, af := range acceptanceFiles {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "vectors", af.path))
		if err != nil {
			t.Fatal(err)
		}
		var vs []gethVector
		if err := json.Unmarshal(data, &vs); err != nil || len(vs) == 0 {
			t.Fatalf("%s: %v (%d vectors)", af.path, err, len(vs))
		}
		fail := strings.HasPrefix(filepath.Base(af.path), "fail-")
		for _, fn := range []string{af.evm, af.named} {
			if fn == "" {
				continue
			}
			f, ok := core.Default.Lookup(fn)
			if !ok {
				t.Fatalf("%s is not in the catalogue", fn)
			}
			backends := append([]string{"default"}, core.Default.Backends(f)...)
			var reqs []Request
			for _, v := range vs {
				reqs = append(reqs, Request{Fn: fn, Input: v.Input})
			}
			for _, b := range backends {
				t.Run(filepath.Base(af.path)+"/"+fn+"/"+b, func(t *testing.T) {
					res := runJSONL(t, b, reqs)
					bad := 0
					for i, v := range vs {
						r := res[i]
						switch {
						case fail || v.ExpectedError != "":
							// The precompile must fail; the named function must
							// not answer a valid result (an error, or 0x00 from
							// a verification function).
							if r.Error == "" && (fn == af.evm || r.Output != "00") {
								bad++
								t.Errorf("%s: want failure (%s), got %s", v.Name, v.ExpectedError, r.Output)
							}
						case r.Error != "":
							bad++
							t.Errorf("%s: %s", v.Name, r.Error)
						default:
							want, _ := hex.DecodeString(v.Expected)
							if fn == af.named && af.adapt != nil {
								want = af.adapt(want)
							}
							if r.Output != hex.EncodeToString(want) {
								bad++
								t.Errorf("%s: output %s, want %x", v.Name, r.Output, want)
							}
							if fn == af.evm && af.gas && r.Gas != v.Gas {
								bad++
								t.Errorf("%s: gas %d, want %d", v.Name, r.Gas, v.Gas)
							}
						}
						if bad > 5 {
							t.Fatal("too many failures")
						}
					}
				})
			}
		}
	}
}
