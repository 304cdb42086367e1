// Package vectors locates and reads the external test vectors, which are
// read in place and never copied into the repository: ../shared/vectors
// beside the repository root (each folder's README gives source, commit and
// licence), or the directory named by HOSTCRYPTO_VECTORS.
//
// When the vectors are absent, tests that need them skip with a message
// saying so; when HOSTCRYPTO_REQUIRE (comma-separated) lists "vectors", as
// CI's .ci/run sets it, they fail instead. Only HOSTCRYPTO_REQUIRE decides
// this (not CI=true), so one variable states what a run must have.
package vectors

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Module is the main module's path: the repository root is the directory
// whose go.mod declares it (nested modules such as fuzz/geth are passed by).
const Module = "github.com/hostcrypto/hostcrypto"

// Env names the variable that overrides where the vectors are.
const Env = "HOSTCRYPTO_VECTORS"

var root = sync.OnceValues(func() (string, error) {
	if d := os.Getenv(Env); d != "" {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return "", fmt.Errorf("%s=%s is not a directory", Env, d)
		}
		return filepath.Abs(d)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	repo, err := RepoRoot(wd)
	if err != nil {
		return "", err
	}
	d := filepath.Join(filepath.Dir(repo), "shared", "vectors")
	if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("no directory %s beside the repository root %s (set %s to use another place)", d, repo, Env)
	}
	return d, nil
})

// RepoRoot walks up from dir to the directory whose go.mod declares Module.
func RepoRoot(dir string) (string, error) {
	for d := dir; ; {
		if isMain(filepath.Join(d, "go.mod")) {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no go.mod of module %s above %s", Module, dir)
		}
		d = up
	}
}

func isMain(gomod string) bool {
	f, err := os.Open(gomod)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); strings.HasPrefix(l, "module ") {
			return strings.Trim(strings.TrimSpace(strings.TrimPrefix(l, "module")), `"`) == Module
		}
	}
	return false
}

// Root returns the directory of the external vectors, or why there is none.
func Root() (string, error) { return root() }

// Required reports whether HOSTCRYPTO_REQUIRE lists "vectors": missing
// vectors are then a test failure, not a skip.
func Required() bool {
	for _, r := range strings.Split(os.Getenv("HOSTCRYPTO_REQUIRE"), ",") {
		if strings.TrimSpace(r) == "vectors" {
			return true
		}
	}
	return false
}

// Dir returns the vector folder name (a path relative to the vectors
// root, such as "go-ethereum-precompiles" or "wycheproof/testvectors_v1").
// When the vectors or that folder are absent it skips t with a message
// that starts "../shared/vectors not found: ", or fails t when Required.
func Dir(t testing.TB, name string) string {
	t.Helper()
	r, err := root()
	d := filepath.Join(r, filepath.FromSlash(name))
	if err == nil {
		if fi, e := os.Stat(d); e != nil || !fi.IsDir() {
			err = fmt.Errorf("%s has no folder %s", r, name)
		}
	}
	if err != nil {
		missing(t, err)
	}
	return d
}

// Path returns the vector file rel (slash-separated, relative to the
// vectors root), skipping or failing t as Dir does when it is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	r, err := root()
	p := filepath.Join(r, filepath.FromSlash(rel))
	if err == nil {
		if _, e := os.Stat(p); e != nil {
			err = fmt.Errorf("%s has no file %s", r, rel)
		}
	}
	if err != nil {
		missing(t, err)
	}
	return p
}

// Read returns the contents of the vector file rel (see Path).
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// JSON decodes the vector file rel into v (see Path).
func JSON(t testing.TB, rel string, v any) {
	t.Helper()
	if err := json.Unmarshal(Read(t, rel), v); err != nil {
		t.Fatalf("vectors: %s: %v", rel, err)
	}
}

func missing(t testing.TB, err error) {
	t.Helper()
	msg := "../shared/vectors not found: " + err.Error()
	if Required() {
		t.Fatal(msg + " (required: HOSTCRYPTO_REQUIRE lists vectors)")
	}
	t.Skip(msg)
}

// LoadGeth reads a file in go-ethereum's precompile format (path relative
// to the vectors root). Tests use Geth instead, which skips or fails.
func LoadGeth(path string) ([]GethVector, error) {
	d, err := root()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(path)))
	if err != nil {
		return nil, err
	}
	var vs []GethVector
	if err := json.Unmarshal(data, &vs); err != nil {
		return nil, fmt.Errorf("vectors: %s: %w", path, err)
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("vectors: %s: no vectors", path)
	}
	return vs, nil
}

// Geth reads a go-ethereum-format vector file (see Path and LoadGeth).
func Geth(t testing.TB, path string) []GethVector {
	t.Helper()
	Path(t, path)
	vs, err := LoadGeth(path)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// Fail reports whether the file holds failure cases (go-ethereum's fail-*).
func (f GethFile) Fail() bool { return strings.HasPrefix(filepath.Base(f.Path), "fail-") }

// GethVector is go-ethereum's precompile test format (also the EIP-2537
// assets' and the derived c-kzg-4844 cases').
type GethVector struct {
	Input, Expected, ExpectedError, Name string
	Gas                                  uint64
}

// GethFile maps one vector file (go-ethereum's format) to the EVM
// precompile that runs it and to the named function that takes the same
// input.
type GethFile struct {
	Path  string // relative to the vectors root
	EVM   string // "evm:0xNN"
	Named string // "" when no named function takes this input
	// Gas: the file's Gas is the Osaka price (false for modexp files priced
	// under older forks, whose outputs are still checked).
	Gas bool
	// Adapt turns the precompile's output into the named function's; nil:
	// identical.
	Adapt func(want []byte) []byte
}

// GethFiles maps each vector file to the EVM precompile that runs it
// and to the named function that takes the same input (output adapted as
// the named function defines it). gas: the file's Gas is the Osaka price.
var GethFiles = []GethFile{
	{Path: "go-ethereum-precompiles/ecRecover.json", EVM: "evm:0x01", Gas: true},
	{Path: "go-ethereum-precompiles/modexp_eip7883.json", EVM: "evm:0x05", Gas: true},
	{Path: "go-ethereum-precompiles/modexp.json", EVM: "evm:0x05"},
	{Path: "go-ethereum-precompiles/modexp_eip2565.json", EVM: "evm:0x05"},
	{Path: "go-ethereum-precompiles/bn256Add.json", EVM: "evm:0x06", Named: "bn254_g1_add", Gas: true},
	{Path: "go-ethereum-precompiles/bn256ScalarMul.json", EVM: "evm:0x07", Named: "bn254_g1_mul", Gas: true},
	{Path: "go-ethereum-precompiles/bn256Pairing.json", EVM: "evm:0x08", Named: "bn254_pairing_check", Gas: true, Adapt: LastByte},
	{Path: "go-ethereum-precompiles/blake2F.json", EVM: "evm:0x09", Named: "blake2f", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blake2f.json", EVM: "evm:0x09", Named: "blake2f", Gas: true},
	{Path: "go-ethereum-precompiles/pointEvaluation.json", EVM: "evm:0x0a", Named: "kzg_point_evaluation", Gas: true, Adapt: One},
	{Path: "c-kzg-4844/derived/pointEvaluation_from_c-kzg.json", EVM: "evm:0x0a", Named: "kzg_point_evaluation", Gas: true, Adapt: One},
	{Path: "c-kzg-4844/derived/fail-pointEvaluation_from_c-kzg.json", EVM: "evm:0x0a", Gas: true},
	{Path: "go-ethereum-precompiles/p256Verify.json", EVM: "evm:0x100", Named: "p256_verify", Gas: true, Adapt: P256},
	{Path: "go-ethereum-precompiles/blsG1Add.json", EVM: "evm:0x0b", Named: "bls12381_g1_add", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG1Add.json", EVM: "evm:0x0b", Named: "bls12381_g1_add", Gas: true},
	{Path: "go-ethereum-precompiles/blsG1Mul.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG1Mul.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "go-ethereum-precompiles/blsG1MultiExp.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG1MultiExp.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "go-ethereum-precompiles/blsG2Add.json", EVM: "evm:0x0d", Named: "bls12381_g2_add", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG2Add.json", EVM: "evm:0x0d", Named: "bls12381_g2_add", Gas: true},
	{Path: "go-ethereum-precompiles/blsG2Mul.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG2Mul.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "go-ethereum-precompiles/blsG2MultiExp.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsG2MultiExp.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "go-ethereum-precompiles/blsPairing.json", EVM: "evm:0x0f", Named: "bls12381_pairing_check", Gas: true, Adapt: LastByte},
	{Path: "go-ethereum-precompiles/fail-blsPairing.json", EVM: "evm:0x0f", Named: "bls12381_pairing_check", Gas: true},
	{Path: "go-ethereum-precompiles/blsMapG1.json", EVM: "evm:0x10", Named: "bls12381_map_fp_to_g1", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsMapG1.json", EVM: "evm:0x10", Named: "bls12381_map_fp_to_g1", Gas: true},
	{Path: "go-ethereum-precompiles/blsMapG2.json", EVM: "evm:0x11", Named: "bls12381_map_fp2_to_g2", Gas: true},
	{Path: "go-ethereum-precompiles/fail-blsMapG2.json", EVM: "evm:0x11", Named: "bls12381_map_fp2_to_g2", Gas: true},
	{Path: "eip-2537/add_G1_bls.json", EVM: "evm:0x0b", Named: "bls12381_g1_add", Gas: true},
	{Path: "eip-2537/fail-add_G1_bls.json", EVM: "evm:0x0b", Named: "bls12381_g1_add", Gas: true},
	{Path: "eip-2537/add_G2_bls.json", EVM: "evm:0x0d", Named: "bls12381_g2_add", Gas: true},
	{Path: "eip-2537/fail-add_G2_bls.json", EVM: "evm:0x0d", Named: "bls12381_g2_add", Gas: true},
	{Path: "eip-2537/mul_G1_bls.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "eip-2537/fail-mul_G1_bls.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "eip-2537/mul_G2_bls.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "eip-2537/fail-mul_G2_bls.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "eip-2537/msm_G1_bls.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "eip-2537/fail-msm_G1_bls.json", EVM: "evm:0x0c", Named: "bls12381_g1_msm", Gas: true},
	{Path: "eip-2537/fail-msm_G2_bls.json", EVM: "evm:0x0e", Named: "bls12381_g2_msm", Gas: true},
	{Path: "eip-2537/pairing_check_bls.json", EVM: "evm:0x0f", Named: "bls12381_pairing_check", Gas: true, Adapt: LastByte},
	{Path: "eip-2537/fail-pairing_check_bls.json", EVM: "evm:0x0f", Named: "bls12381_pairing_check", Gas: true},
	{Path: "eip-2537/map_fp_to_G1_bls.json", EVM: "evm:0x10", Named: "bls12381_map_fp_to_g1", Gas: true},
	{Path: "eip-2537/fail-map_fp_to_G1_bls.json", EVM: "evm:0x10", Named: "bls12381_map_fp_to_g1", Gas: true},
	{Path: "eip-2537/map_fp2_to_G2_bls.json", EVM: "evm:0x11", Named: "bls12381_map_fp2_to_g2", Gas: true},
	{Path: "eip-2537/fail-map_fp2_to_G2_bls.json", EVM: "evm:0x11", Named: "bls12381_map_fp2_to_g2", Gas: true},
}

// LastByte turns a 32-byte pairing result word into the named function's
// one byte.
func LastByte(w []byte) []byte { return w[len(w)-1:] }

// One: a successful precompile is the named function's 0x01.
func One([]byte) []byte { return []byte{1} }

// P256: P256VERIFY answers a 32-byte 1 for a valid signature and empty
// output otherwise; p256_verify answers 0x01 or 0x00.
func P256(want []byte) []byte {
	if len(want) == 0 {
		return []byte{0}
	}
	return []byte{1}
}
