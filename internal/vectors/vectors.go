// Package vectors locates and reads the public test vectors committed under
// testdata/vectors (each folder's README gives source, commit and licence),
// for the tests and fuzz seeds that share them.
package vectors

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Dir is the repository's testdata/vectors directory.
func Dir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "testdata", "vectors")
}

// LoadGeth reads a file in go-ethereum's precompile format.
func LoadGeth(path string) ([]GethVector, error) {
	data, err := os.ReadFile(filepath.Join(Dir(), path))
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
	Path  string // under testdata/vectors
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
