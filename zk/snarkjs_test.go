package zk

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/zk/convert"
)

// generatedDirs are the snarkjs-made vector roots: the shared set and the
// many-public-input set made for these tests.
func generatedDirs(t testing.TB) []string {
	return []string{vectors.Dir(t, "snarkjs/generated"), filepath.Join(ownDir, "snarkjs-own", "generated")}
}

func readFile(t testing.TB, path ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(path...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snarkjsFolders lists generated/<protocol>_* folders of every root.
func snarkjsFolders(t testing.TB, protocol string) []string {
	var all []string
	for _, root := range generatedDirs(t) {
		m, err := filepath.Glob(filepath.Join(root, protocol+"_*"))
		if err != nil || len(m) == 0 {
			t.Fatalf("no %s folders in %s: %v", protocol, root, err)
		}
		all = append(all, m...)
	}
	return all
}

// validProofs returns the N of every proof_N.json in dir.
func validProofs(t testing.TB, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "proof_*.json"))
	if len(m) == 0 {
		t.Fatalf("no proofs in %s", dir)
	}
	var ns []string
	for _, p := range m {
		ns = append(ns, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "proof_"), ".json"))
	}
	return ns
}

type invalidCase struct {
	Name    string          `json:"name"`
	Public  json.RawMessage `json:"publicSignals"`
	Proof   json.RawMessage `json:"proof"`
	Expects bool            `json:"expected"`
}

func invalidCases(t testing.TB, dir string) []invalidCase {
	b, err := os.ReadFile(filepath.Join(dir, "invalid_cases.json"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []invalidCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Cases
}

var converters = map[string]struct {
	fn      string
	convert func(vk, proof, public []byte) ([]byte, error)
	words   int // calldata words of the proof before the public inputs
}{
	"groth16": {"groth16_bn254_verify", convert.SnarkjsGroth16, 8},
	"plonk":   {"plonk_bn254_snarkjs_verify", convert.SnarkjsPlonk, 24},
}

var hexWord = regexp.MustCompile(`0x[0-9a-fA-F]{64}`)

// calldataBytes concatenates the 32-byte words of a snarkjs
// `zkey export soliditycalldata` output.
func calldataBytes(t testing.TB, s []byte) []byte {
	var out []byte
	for _, w := range hexWord.FindAllString(string(s), -1) {
		b, err := hex.DecodeString(w[2:])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b...)
	}
	return out
}

// TestSnarkjsGenerated runs every snarkjs 0.7.6 proof through the converter
// and the catalogue function: valid proofs give 0x01, each tampered case of
// invalid_cases.json does not. The converted proof and public inputs must
// equal snarkjs's own Solidity calldata for the same proof.
func TestSnarkjsGenerated(t *testing.T) {
	for _, protocol := range []string{"groth16", "plonk"} {
		cv := converters[protocol]
		for _, dir := range snarkjsFolders(t, protocol) {
			vk := readFile(t, dir, "verification_key.json")
			dispatchtest.Backends(t, func(t *testing.T, backend string) {
				for _, n := range validProofs(t, dir) {
					name := filepath.Base(dir) + "/proof_" + n
					pr, pub := readFile(t, dir, "proof_"+n+".json"), readFile(t, dir, "public_"+n+".json")
					in, err := cv.convert(vk, pr, pub)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					cd := calldataBytes(t, readFile(t, dir, "calldata_"+n+".txt"))
					if tail := in[len(in)-len(cd):]; !bytes.Equal(tail, cd) {
						t.Errorf("%s: converted proof differs from snarkjs calldata\n got %x\nwant %x", name, tail, cd)
					}
					expectVerdict(t, cv.fn, name, in, true)
					expectVerdict(t, cv.fn, name+" (warm)", in, true)
				}
				for _, c := range invalidCases(t, dir) {
					if c.Expects {
						t.Fatalf("%s: expected valid", c.Name)
					}
					in, err := cv.convert(vk, c.Proof, c.Public)
					if err != nil {
						t.Fatalf("%s/%s: converter: %v", filepath.Base(dir), c.Name, err)
					}
					expectVerdict(t, cv.fn, filepath.Base(dir)+"/"+c.Name, in, false)
				}
			})
		}
	}
}

// TestSnarkjsGnarkCrossProofs converts the gnark v0.14 Groth16 proofs that
// were re-expressed as snarkjs JSON (and verified by snarkjs 0.7.6).
func TestSnarkjsGnarkCrossProofs(t *testing.T) {
	dir := vectors.Dir(t, "snarkjs/gnark/groth16_bn254_cubic")
	vk := readFile(t, dir, "verification_key.snarkjs.json")
	var ps []struct {
		Name   string          `json:"name"`
		Public []string        `json:"public_inputs"`
		Proof  json.RawMessage `json:"proof_snarkjs"`
		Sol    string          `json:"proof_solidity_hex"`
	}
	if err := json.Unmarshal(readFile(t, dir, "proofs.json"), &ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		pub, _ := json.Marshal(p.Public)
		in, err := convert.SnarkjsGroth16(vk, p.Proof, pub)
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		// gnark's MarshalSolidity is A || B (EIP-197) || C.
		if sol := unhex(t, p.Sol); !bytes.Equal(in[len(in)-256-32*len(p.Public):len(in)-32*len(p.Public)], sol) {
			t.Errorf("%s: converted proof differs from gnark's MarshalSolidity", p.Name)
		}
		expectVerdict(t, "groth16_bn254_verify", p.Name, in, true)
		v, _ := new(big.Int).SetString(p.Public[0], 10)
		bad, _ := json.Marshal([]string{v.Add(v, big.NewInt(1)).String()})
		in, err = convert.SnarkjsGroth16(vk, p.Proof, bad)
		if err != nil {
			t.Fatal(err)
		}
		expectVerdict(t, "groth16_bn254_verify", p.Name+"/public+1", in, false)
	}
}

// TestRootOfUnity checks the constant against its definition 5^((r-1)/2^28)
// and every generated vk's w against the converter's root.
func TestRootOfUnity(t *testing.T) {
	r := fr.Modulus()
	e := new(big.Int).Rsh(new(big.Int).Sub(r, big.NewInt(1)), 28)
	want := new(big.Int).Exp(big.NewInt(5), e, r)
	if got := rootOfUnity28.BigInt(new(big.Int)); got.Cmp(want) != 0 {
		t.Fatalf("root of unity %s, want %s", got, want)
	}
	for _, dir := range snarkjsFolders(t, "plonk") {
		var vk struct {
			Power int    `json:"power"`
			W     string `json:"w"`
		}
		if err := json.Unmarshal(readFile(t, dir, "verification_key.json"), &vk); err != nil {
			t.Fatal(err)
		}
		w := rootOfUnity28
		for range 28 - vk.Power {
			w.Square(&w)
		}
		if got := w.BigInt(new(big.Int)).String(); got != vk.W {
			t.Errorf("%s: w = %s, snarkjs has %s", dir, got, vk.W)
		}
	}
}
