package cli

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// ownDir holds the vectors this project made itself (snarkjs-own); the
// external ones are read in place through internal/vectors.
const ownDir = "../../testdata/vectors"

type pipeCase struct {
	name  string
	fn    string
	input string
	valid bool
}

// convertFiles runs `hostcrypto convert` and returns the function name and
// hex input it printed (the last token).
func convertFiles(t *testing.T, system string, files ...string) (string, string) {
	t.Helper()
	code, out, errs := run(t, "", append([]string{"convert", system, "--from", "snarkjs"}, files...)...)
	if code != 0 {
		t.Fatalf("convert %s %v: exit %d: %s", system, files, code, errs)
	}
	f := strings.Fields(out)
	if len(f) < 2 {
		t.Fatalf("convert output %q", out)
	}
	return f[len(f)-2], f[len(f)-1]
}

// TestConvertAndCallVectors is the acceptance path: every snarkjs
// proof goes through `hostcrypto convert` and every vector (snarkjs and
// gnark) through `hostcrypto call --jsonl`; valid proofs give 01, every
// tampered one does not.
func TestConvertAndCallVectors(t *testing.T) {
	var cases []pipeCase
	tmp := t.TempDir()
	dirs, _ := filepath.Glob(filepath.Join(vectors.Dir(t, "snarkjs/generated"), "*"))
	own, _ := filepath.Glob(filepath.Join(ownDir, "snarkjs-own", "generated", "*"))
	dirs = append(dirs, own...)
	if len(dirs) < 6 {
		t.Fatalf("only %d snarkjs folders", len(dirs))
	}
	for _, dir := range dirs {
		system := strings.SplitN(filepath.Base(dir), "_", 2)[0]
		vk := filepath.Join(dir, "verification_key.json")
		proofs, _ := filepath.Glob(filepath.Join(dir, "proof_*.json"))
		for _, p := range proofs {
			n := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "proof_"), ".json")
			fn, in := convertFiles(t, system, vk, p, filepath.Join(dir, "public_"+n+".json"))
			cases = append(cases, pipeCase{filepath.Base(dir) + "/" + n, fn, in, true})
		}
		b, err := os.ReadFile(filepath.Join(dir, "invalid_cases.json"))
		if os.IsNotExist(err) {
			continue
		}
		var f struct {
			Cases []struct {
				Name   string          `json:"name"`
				Public json.RawMessage `json:"publicSignals"`
				Proof  json.RawMessage `json:"proof"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(b, &f); err != nil || len(f.Cases) == 0 {
			t.Fatalf("%s: invalid_cases.json: %v", dir, err)
		}
		for i, c := range f.Cases {
			pp := filepath.Join(tmp, filepath.Base(dir)+"_proof_"+c.Name+".json")
			pu := filepath.Join(tmp, filepath.Base(dir)+"_public_"+c.Name+".json")
			os.WriteFile(pp, c.Proof, 0o644)
			os.WriteFile(pu, c.Public, 0o644)
			fn, in := convertFiles(t, system, vk, pp, pu)
			cases = append(cases, pipeCase{filepath.Base(dir) + "/" + f.Cases[i].Name, fn, in, false})
		}
	}

	// gnark v0.16.1: three-section inputs and the EIP encodings.
	b, err := os.ReadFile(vectors.Path(t, "gnark-v0.16/cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gc []struct {
		Name, Curve, Scheme string
		VKRaw               string `json:"vk_raw"`
		ProofRaw            string `json:"proof_raw"`
		Witness             string `json:"public_witness"`
		EIP                 string `json:"eip_input"`
		Valid               bool
	}
	if err := json.Unmarshal(b, &gc); err != nil {
		t.Fatal(err)
	}
	fns := map[string]string{
		"bn254/groth16": "groth16_bn254_verify_gnark", "bn254/plonk": "plonk_bn254_gnark_verify",
		"bls12_381/plonk": "plonk_bls12381_gnark_verify", "bls12_381/groth16": "groth16_bls12381_verify_gnark",
	}
	for _, c := range gc {
		if fn := fns[c.Curve+"/"+c.Scheme]; fn != "" {
			var in []byte
			for _, s := range []string{c.VKRaw, c.ProofRaw, c.Witness} {
				p, _ := hex.DecodeString(s)
				in = binary.BigEndian.AppendUint32(in, uint32(len(p)))
				in = append(in, p...)
			}
			cases = append(cases, pipeCase{c.Name, fn, hex.EncodeToString(in), c.Valid})
		}
		if c.EIP != "" {
			fn := map[string]string{"bn254": "groth16_bn254_verify", "bls12_381": "groth16_bls12381_verify"}[c.Curve]
			cases = append(cases, pipeCase{c.Name + "/eip", fn, c.EIP, c.Valid})
		}
	}

	var stdin strings.Builder
	for _, c := range cases {
		l, _ := json.Marshal(Request{Fn: c.fn, Input: c.input})
		stdin.Write(l)
		stdin.WriteByte('\n')
	}
	code, out, errs := run(t, stdin.String(), "call", "--jsonl")
	if code != 0 {
		t.Fatalf("call --jsonl: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("%d results for %d requests", len(lines), len(cases))
	}
	nValid, nInvalid := 0, 0
	for i, l := range lines {
		var r Result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		c := cases[i]
		got := r.Error == "" && r.Output == "01"
		if got != c.valid {
			t.Errorf("%s (%s): output %q error %q, want valid=%v", c.name, c.fn, r.Output, r.Error, c.valid)
		}
		if r.Gas == 0 {
			t.Errorf("%s: no gas charged", c.name)
		}
		if c.valid {
			nValid++
		} else {
			nInvalid++
		}
	}
	if nValid < 27 || nInvalid < 43 {
		t.Fatalf("only %d valid and %d invalid cases", nValid, nInvalid)
	}
	t.Logf("%d valid, %d tampered vectors through convert + call --jsonl", nValid, nInvalid)
}

func TestConvertErrors(t *testing.T) {
	dir := vectors.Dir(t, "snarkjs/generated/groth16_multiplier1000")
	vk, pr, pub := filepath.Join(dir, "verification_key.json"), filepath.Join(dir, "proof_1.json"), filepath.Join(dir, "public_1.json")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"pi_a": ["1", "x", "1"]}`), 0o644)
	for _, args := range [][]string{
		{"convert", "groth16", "--from", "snarkjs", vk, bad, pub},
		{"convert", "plonk", "--from", "snarkjs", vk, pr, pub}, // a Groth16 key
		{"convert", "groth16", "--from", "snarkjs", vk, pr, vk},
		{"convert", "groth16", "--from", "snarkjs", vk, pr, filepath.Join(dir, "missing.json")},
		{"convert", "groth16", "--from", "gnark", "--curve", "bls12377", vk, pr, pub},
		{"convert", "groth16", "--from", "snarkjs", "--curve", "bls12381", vk, pr, pub},
		{"convert", "groth16", "--from", "gnark", vk, pr, filepath.Join(t.TempDir(), "empty")},
		{"convert", "groth16", vk, pr},
		{"convert", "stark", vk, pr, pub},
	} {
		if code, out, _ := run(t, "", args...); code == 0 {
			t.Errorf("%v: exit 0, output %q", args, out)
		}
	}
}

// TestConvertGnark: gnark binaries (and hex text) become the three-section
// input of the *_gnark functions.
func TestConvertGnark(t *testing.T) {
	b, err := os.ReadFile(vectors.Path(t, "gnark-v0.16/cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gc []struct {
		Name, Curve, Scheme string
		VKRaw               string `json:"vk_raw"`
		ProofRaw            string `json:"proof_raw"`
		Witness             string `json:"public_witness"`
		Valid               bool
	}
	if err := json.Unmarshal(b, &gc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, c := range gc {
		var files []string
		for j, h := range []string{c.VKRaw, c.ProofRaw, c.Witness} {
			data := []byte(h) // hex text for even cases, binary for odd ones
			if i%2 == 1 {
				data, _ = hex.DecodeString(h)
			}
			f := filepath.Join(dir, c.Name+string(rune('a'+j)))
			os.WriteFile(f, data, 0o644)
			files = append(files, f)
		}
		curve := map[string]string{"bn254": "bn254", "bls12_381": "bls12381"}[c.Curve]
		code, out, errs := run(t, "", append([]string{"convert", c.Scheme, "--from", "gnark", "--curve", curve}, files...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.Name, code, errs)
		}
		f := strings.Fields(out)
		code, out, errs = run(t, "", "call", f[len(f)-2], f[len(f)-1])
		var r Result
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
			t.Fatalf("%s: call: exit %d %s %s", c.Name, code, out, errs)
		}
		if got := r.Error == "" && r.Output == "01"; got != c.Valid {
			t.Errorf("%s: %+v, want valid=%v", c.Name, r, c.Valid)
		}
	}
}
