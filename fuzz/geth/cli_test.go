package geth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// cliFiles maps every vector file to its mainnet precompile address.
var cliFiles = func() map[string]uint64 {
	m := map[string]uint64{
		"go-ethereum-precompiles/ecRecover.json":                  evm.AddrEcrecover,
		"go-ethereum-precompiles/modexp.json":                     evm.AddrModexp,
		"go-ethereum-precompiles/modexp_eip2565.json":             evm.AddrModexp,
		"go-ethereum-precompiles/modexp_eip7883.json":             evm.AddrModexp,
		"go-ethereum-precompiles/bn256Add.json":                   evm.AddrBN254Add,
		"go-ethereum-precompiles/bn256ScalarMul.json":             evm.AddrBN254Mul,
		"go-ethereum-precompiles/bn256Pairing.json":               evm.AddrBN254Pairing,
		"go-ethereum-precompiles/blake2F.json":                    evm.AddrBlake2F,
		"go-ethereum-precompiles/fail-blake2f.json":               evm.AddrBlake2F,
		"go-ethereum-precompiles/pointEvaluation.json":            evm.AddrPointEval,
		"go-ethereum-precompiles/p256Verify.json":                 evm.AddrP256Verify,
		"c-kzg-4844/derived/pointEvaluation_from_c-kzg.json":      evm.AddrPointEval,
		"c-kzg-4844/derived/fail-pointEvaluation_from_c-kzg.json": evm.AddrPointEval,
	}
	for base, a := range map[string]uint64{
		"blsG1Add": evm.AddrBLS12G1Add, "blsG1Mul": evm.AddrBLS12G1MSM, "blsG1MultiExp": evm.AddrBLS12G1MSM,
		"blsG2Add": evm.AddrBLS12G2Add, "blsG2Mul": evm.AddrBLS12G2MSM, "blsG2MultiExp": evm.AddrBLS12G2MSM,
		"blsPairing": evm.AddrBLS12Pairing, "blsMapG1": evm.AddrBLS12MapFpToG1, "blsMapG2": evm.AddrBLS12MapFp2G2,
	} {
		m["go-ethereum-precompiles/"+base+".json"] = a
		m["go-ethereum-precompiles/fail-"+base+".json"] = a
	}
	for base, a := range map[string]uint64{
		"add_G1_bls": evm.AddrBLS12G1Add, "add_G2_bls": evm.AddrBLS12G2Add,
		"mul_G1_bls": evm.AddrBLS12G1MSM, "mul_G2_bls": evm.AddrBLS12G2MSM,
		"msm_G1_bls": evm.AddrBLS12G1MSM, "pairing_check_bls": evm.AddrBLS12Pairing,
		"map_fp_to_G1_bls": evm.AddrBLS12MapFpToG1, "map_fp2_to_G2_bls": evm.AddrBLS12MapFp2G2,
	} {
		m["eip-2537/"+base+".json"] = a
		m["eip-2537/fail-"+base+".json"] = a
	}
	m["eip-2537/fail-msm_G2_bls.json"] = evm.AddrBLS12G2MSM
	return m
}()

// TestCLIJSONL builds cmd/hostcrypto and pipes every vector through
// `hostcrypto call --jsonl` as {"fn":"evm:0xNN","input":...}, on the
// default backend and with --backend gnark and --backend blst: outputs and
// gas (for files priced under Osaka) must match, failure cases must fail.
func TestCLIJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	bin := filepath.Join(t.TempDir(), "hostcrypto")
	build := exec.Command("go", "build", "-o", bin, "./cmd/hostcrypto")
	build.Dir = filepath.Join("..", "..") // the library's own module
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the CLI: %v\n%s", err, out)
	}
	type want struct {
		file, name, expected string
		gas                  uint64
		fail, checkGas       bool
	}
	var reqs bytes.Buffer
	var wants []want
	names := make([]string, 0, len(cliFiles))
	for n := range cliFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(vectors.Path(t, name))
		if err != nil {
			t.Fatal(err)
		}
		var vs []struct {
			Input, Expected, ExpectedError, Name string
			Gas                                  uint64
		}
		if err := json.Unmarshal(data, &vs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := filepath.Base(name)
		for _, v := range vs {
			line, _ := json.Marshal(map[string]string{"fn": evm.FuncName(cliFiles[name]), "input": v.Input})
			reqs.Write(append(line, '\n'))
			wants = append(wants, want{name, v.Name, v.Expected, v.Gas,
				strings.HasPrefix(base, "fail-") || v.ExpectedError != "",
				base != "modexp.json" && base != "modexp_eip2565.json"})
		}
	}
	for _, backend := range []string{"", "gnark", "blst"} {
		args := []string{"call", "--jsonl"}
		if backend != "" {
			args = append(args, "--backend", backend)
		}
		cmd := exec.Command(bin, args...)
		cmd.Stdin = bytes.NewReader(reqs.Bytes())
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("backend %q: %v\n%s", backend, err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<20)
		i, bad := 0, 0
		for ; sc.Scan() && i < len(wants); i++ {
			var res struct {
				Output, Error string
				Gas           uint64
			}
			if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			w := wants[i]
			got := strings.TrimPrefix(strings.ToLower(res.Output), "0x")
			switch {
			case w.fail && res.Error == "":
				t.Errorf("backend %q: %s %s: want failure, got %s", backend, w.file, w.name, got)
				bad++
			case !w.fail && res.Error != "":
				t.Errorf("backend %q: %s %s: %s", backend, w.file, w.name, res.Error)
				bad++
			case !w.fail && got != strings.ToLower(w.expected):
				t.Errorf("backend %q: %s %s: output %s, want %s", backend, w.file, w.name, got, w.expected)
				bad++
			case !w.fail && w.checkGas && res.Gas != w.gas:
				t.Errorf("backend %q: %s %s: gas %d, want %d", backend, w.file, w.name, res.Gas, w.gas)
				bad++
			}
			if bad > 20 {
				t.Fatal("too many failures")
			}
		}
		if i != len(wants) {
			t.Fatalf("backend %q: %d results for %d requests", backend, i, len(wants))
		}
		t.Logf("backend %q: %d vectors through call --jsonl", backend, len(wants))
	}
}
