package evm_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/hostcrypto/hostcrypto" // the whole catalogue: named functions the precompiles delegate to
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/gas"
)

// vector is one case in go-ethereum's precompile JSON format (also used by
// the EIP-2537 assets and the derived c-kzg-4844 cases).
type vector struct {
	Input         string
	Expected      string
	ExpectedError string
	Name          string
	Gas           uint64
}

func loadVectors(t testing.TB, path string) []vector {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "vectors", path))
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

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// vectorFile maps one vector file to the mainnet precompile that runs it.
type vectorFile struct {
	path string // under ../testdata/vectors
	addr uint64
	// gas: the file's Gas is the Osaka price (false for modexp files priced
	// under older forks, whose outputs are still checked).
	gas bool
}

var vectorFiles = []vectorFile{
	{"go-ethereum-precompiles/ecRecover.json", evm.AddrEcrecover, true},
	{"go-ethereum-precompiles/modexp.json", evm.AddrModexp, false},         // EIP-198 gas
	{"go-ethereum-precompiles/modexp_eip2565.json", evm.AddrModexp, false}, // EIP-2565 gas
	{"go-ethereum-precompiles/modexp_eip7883.json", evm.AddrModexp, true},
	{"go-ethereum-precompiles/bn256Add.json", evm.AddrBN254Add, true},
	{"go-ethereum-precompiles/bn256ScalarMul.json", evm.AddrBN254Mul, true},
	{"go-ethereum-precompiles/bn256Pairing.json", evm.AddrBN254Pairing, true},
	{"go-ethereum-precompiles/blake2F.json", evm.AddrBlake2F, true},
	{"go-ethereum-precompiles/fail-blake2f.json", evm.AddrBlake2F, true},
	{"go-ethereum-precompiles/pointEvaluation.json", evm.AddrPointEval, true},
	{"go-ethereum-precompiles/p256Verify.json", evm.AddrP256Verify, true},
	{"go-ethereum-precompiles/blsG1Add.json", evm.AddrBLS12G1Add, true},
	{"go-ethereum-precompiles/fail-blsG1Add.json", evm.AddrBLS12G1Add, true},
	{"go-ethereum-precompiles/blsG1Mul.json", evm.AddrBLS12G1MSM, true},
	{"go-ethereum-precompiles/fail-blsG1Mul.json", evm.AddrBLS12G1MSM, true},
	{"go-ethereum-precompiles/blsG1MultiExp.json", evm.AddrBLS12G1MSM, true},
	{"go-ethereum-precompiles/fail-blsG1MultiExp.json", evm.AddrBLS12G1MSM, true},
	{"go-ethereum-precompiles/blsG2Add.json", evm.AddrBLS12G2Add, true},
	{"go-ethereum-precompiles/fail-blsG2Add.json", evm.AddrBLS12G2Add, true},
	{"go-ethereum-precompiles/blsG2Mul.json", evm.AddrBLS12G2MSM, true},
	{"go-ethereum-precompiles/fail-blsG2Mul.json", evm.AddrBLS12G2MSM, true},
	{"go-ethereum-precompiles/blsG2MultiExp.json", evm.AddrBLS12G2MSM, true},
	{"go-ethereum-precompiles/fail-blsG2MultiExp.json", evm.AddrBLS12G2MSM, true},
	{"go-ethereum-precompiles/blsPairing.json", evm.AddrBLS12Pairing, true},
	{"go-ethereum-precompiles/fail-blsPairing.json", evm.AddrBLS12Pairing, true},
	{"go-ethereum-precompiles/blsMapG1.json", evm.AddrBLS12MapFpToG1, true},
	{"go-ethereum-precompiles/fail-blsMapG1.json", evm.AddrBLS12MapFpToG1, true},
	{"go-ethereum-precompiles/blsMapG2.json", evm.AddrBLS12MapFp2G2, true},
	{"go-ethereum-precompiles/fail-blsMapG2.json", evm.AddrBLS12MapFp2G2, true},

	{"eip-2537/add_G1_bls.json", evm.AddrBLS12G1Add, true},
	{"eip-2537/fail-add_G1_bls.json", evm.AddrBLS12G1Add, true},
	{"eip-2537/add_G2_bls.json", evm.AddrBLS12G2Add, true},
	{"eip-2537/fail-add_G2_bls.json", evm.AddrBLS12G2Add, true},
	{"eip-2537/mul_G1_bls.json", evm.AddrBLS12G1MSM, true}, // k = 1 MSM
	{"eip-2537/fail-mul_G1_bls.json", evm.AddrBLS12G1MSM, true},
	{"eip-2537/mul_G2_bls.json", evm.AddrBLS12G2MSM, true},
	{"eip-2537/fail-mul_G2_bls.json", evm.AddrBLS12G2MSM, true},
	{"eip-2537/msm_G1_bls.json", evm.AddrBLS12G1MSM, true},
	{"eip-2537/fail-msm_G1_bls.json", evm.AddrBLS12G1MSM, true},
	{"eip-2537/fail-msm_G2_bls.json", evm.AddrBLS12G2MSM, true},
	{"eip-2537/pairing_check_bls.json", evm.AddrBLS12Pairing, true},
	{"eip-2537/fail-pairing_check_bls.json", evm.AddrBLS12Pairing, true},
	{"eip-2537/map_fp_to_G1_bls.json", evm.AddrBLS12MapFpToG1, true},
	{"eip-2537/fail-map_fp_to_G1_bls.json", evm.AddrBLS12MapFpToG1, true},
	{"eip-2537/map_fp2_to_G2_bls.json", evm.AddrBLS12MapFp2G2, true},
	{"eip-2537/fail-map_fp2_to_G2_bls.json", evm.AddrBLS12MapFp2G2, true},

	{"c-kzg-4844/derived/pointEvaluation_from_c-kzg.json", evm.AddrPointEval, true},
	{"c-kzg-4844/derived/fail-pointEvaluation_from_c-kzg.json", evm.AddrPointEval, true},
}

// TestVectors runs every vector file through its catalogue function
// evm:0xNN (core.Invoke under the default schedule, which applies the
// function's own go-ethereum gas rule), on the default and each forced
// backend: a success case must produce Expected and charge Gas, a failure
// case must fail. A precompile whose named function is not linked in
// (CodeUnsupported) fails the test: it never skips.
func TestVectors(t *testing.T) {
	for _, vf := range vectorFiles {
		t.Run(filepath.Base(vf.path), func(t *testing.T) {
			vs := loadVectors(t, vf.path)
			f, ok := core.Default.Lookup(evm.FuncName(vf.addr))
			if !ok {
				t.Fatalf("%s not registered", evm.FuncName(vf.addr))
			}
			fail := filepath.Base(vf.path)[:5] == "fail-"
			relevant := map[string]bool{}
			for _, b := range core.Default.Backends(f) {
				relevant[b] = true
			}
			dispatchtest.Backends(t, func(t *testing.T, backend string) {
				if backend != "default" && !relevant[backend] {
					t.Skipf("no primitive of %s has a %s implementation", f.Name, backend)
				}
				bad := 0
				for _, v := range vs {
					in := unhex(t, v.Input)
					out, g, err := core.Invoke(f, gas.Default, nil, nil, in)
					if errors.Is(err, core.ErrUnsupported) {
						t.Fatalf("%s: %s is unsupported in this build: %v", v.Name, f.Name, err)
					}
					if fail || v.ExpectedError != "" {
						if err == nil {
							bad++
							t.Errorf("%s: want error (%s), got %x", v.Name, v.ExpectedError, out)
						}
						continue
					}
					if err != nil {
						bad++
						t.Errorf("%s: %v", v.Name, err)
						continue
					}
					if want := unhex(t, v.Expected); !bytes.Equal(out, want) {
						bad++
						t.Errorf("%s: output\n got %x\nwant %x", v.Name, out, want)
					}
					if vf.gas && g != v.Gas {
						bad++
						t.Errorf("%s: gas %d, want %d", v.Name, g, v.Gas)
					}
					if bad > 10 {
						t.Fatalf("too many failures")
					}
				}
			})
		})
	}
}

// TestContractsMatchCatalogue checks that Run, Contract and the catalogue
// agree on every vector input (gas and output), so the Go API carries the
// tested semantics.
func TestContractsMatchCatalogue(t *testing.T) {
	for _, vf := range vectorFiles {
		vs := loadVectors(t, vf.path)
		c, ok := evm.Lookup(vf.addr)
		if !ok {
			t.Fatalf("no contract at %#x", vf.addr)
		}
		for i, v := range vs {
			if i >= 8 {
				break
			}
			in := unhex(t, v.Input)
			out1, g1, err1 := evm.Run(vf.addr, in)
			out2, g2, err2 := core.Invoke(c.Func(), gas.Default, nil, nil, in)
			if g1 != g2 || g1 != c.RequiredGas(in) || (err1 == nil) != (err2 == nil) || !bytes.Equal(out1, out2) {
				t.Errorf("%s %s: Run (%x, %d, %v) != Invoke (%x, %d, %v)", vf.path, v.Name, out1, g1, err1, out2, g2, err2)
			}
			out3, g3, err3 := evm.RunAddress(evm.AddressOf(vf.addr), in)
			if g3 != g1 || (err3 == nil) != (err1 == nil) || !bytes.Equal(out3, out1) {
				t.Errorf("%s %s: RunAddress differs from Run", vf.path, v.Name)
			}
		}
	}
}
