package dplonk_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// Every shared Dusk verdict, under every version, through
// `hostcrypto call --jsonl` (the CLI's own code path).
func TestDuskVectorsJSONL(t *testing.T) {
	data, err := os.ReadFile(vectors.Path(t, "dusk/dusk-plonk.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Circuits []struct {
			Verifier string `json:"verifier"`
			Proofs   []struct {
				Proof        string            `json:"proof"`
				PublicInputs []string          `json:"public_inputs"`
				Verdicts     map[string]string `json:"verdicts"`
			} `json:"proofs"`
			Tampered []struct {
				Proof        string            `json:"proof"`
				PublicInputs []string          `json:"public_inputs"`
				Verdicts     map[string]string `json:"verdicts"`
			} `json:"tampered"`
		} `json:"circuits"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var reqs strings.Builder
	var want []string
	for _, c := range v.Circuits {
		cases := append(v.Circuits[0].Proofs[:0:0], c.Proofs...)
		cases = append(cases, c.Tampered...)
		for _, tc := range cases {
			for ver := byte(1); ver <= 3; ver++ {
				vd, _ := hex.DecodeString(c.Verifier)
				pr, _ := hex.DecodeString(tc.Proof)
				in := []byte{ver}
				in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
				in = append(in, vd...)
				in = binary.BigEndian.AppendUint32(in, uint32(len(pr)))
				in = append(in, pr...)
				for _, p := range tc.PublicInputs {
					b, _ := hex.DecodeString(p)
					in = append(in, b...)
				}
				line, _ := json.Marshal(cli.Request{Fn: "plonk_bls12381_dusk_verify", Input: hex.EncodeToString(in)})
				reqs.Write(line)
				reqs.WriteByte('\n')
				want = append(want, tc.Verdicts["V"+string('0'+ver)])
			}
		}
	}
	var out, errb bytes.Buffer
	if code := cli.Main(&cli.Env{Stdin: strings.NewReader(reqs.String()), Stdout: &out, Stderr: &errb},
		[]string{"call", "--jsonl"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(want) || len(want) != 54 {
		t.Fatalf("%d results for %d requests", len(lines), len(want))
	}
	for i, l := range lines {
		var r cli.Result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		var ok bool
		switch w := want[i]; {
		case w == "ok":
			ok = r.Output == "01" && r.Error == ""
		case w == "err:ProofVerificationError":
			ok = r.Output == "00" && r.Error == ""
		case strings.HasPrefix(w, "err:InconsistentPublicInputsLen"), strings.HasPrefix(w, "decode_err:proof:BadLength"):
			ok = r.Error == "malformed_input"
		case strings.HasPrefix(w, "decode_err:proof:InvalidData"):
			ok = r.Error == "non_canonical" || r.Error == "invalid_point" || r.Error == "not_in_subgroup"
		}
		if !ok || r.Gas == 0 {
			t.Errorf("request %d: Dusk says %q, got %+v", i, want[i], r)
		}
	}
}
