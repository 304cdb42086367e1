package dusk_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestRuskVerifyPlonkAlias runs dusk-plonk's own vectors (proofs and
// tampered cases, each under PlonkVersion V1, V2, V3) through
// dusk:verify_plonk: "ok" must answer 0x01, anything else must not. It needs
// plonk_bls12381_dusk_verify (the dusk-plonk verifier work) in the
// catalogue and fails without it.
func TestRuskVerifyPlonkAlias(t *testing.T) {
	if _, ok := core.Default.Lookup("plonk_bls12381_dusk_verify"); !ok {
		t.Fatal("plonk_bls12381_dusk_verify is not in the catalogue: this test runs once the dusk-plonk verifier is merged")
	}
	data := vectors.Read(t, "dusk/dusk-plonk.json")
	type plonkCase struct {
		Proof        string            `json:"proof"`
		PublicInputs []string          `json:"public_inputs"`
		Verdicts     map[string]string `json:"verdicts"`
	}
	var v struct {
		Circuits []struct {
			Verifier string      `json:"verifier"`
			Proofs   []plonkCase `json:"proofs"`
			Tampered []plonkCase `json:"tampered"`
		} `json:"circuits"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	dec := func(s string) []byte {
		b, err := hex.DecodeString(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	n := 0
	for _, c := range v.Circuits {
		vd := dec(c.Verifier)
		for _, pc := range append(append([]plonkCase{}, c.Proofs...), c.Tampered...) {
			for ver, verdict := range map[byte]string{1: pc.Verdicts["V1"], 2: pc.Verdicts["V2"], 3: pc.Verdicts["V3"]} {
				in := []byte{ver}
				in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
				in = append(in, vd...)
				proof := dec(pc.Proof)
				in = binary.BigEndian.AppendUint32(in, uint32(len(proof)))
				in = append(in, proof...)
				for _, pi := range pc.PublicInputs {
					in = append(in, dec(pi)...)
				}
				out, _, err := hostcrypto.Call("dusk:verify_plonk", in)
				valid := err == nil && bytes.Equal(out, []byte{1})
				if valid != (verdict == "ok") {
					t.Errorf("V%d: got %x, %v; dusk-plonk %q", ver, out, err, verdict)
				}
				n++
			}
		}
	}
	if n != 3*18 {
		t.Fatalf("%d cases", n)
	}
}
