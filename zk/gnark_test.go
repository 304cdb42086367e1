package zk

import (
	"encoding/binary"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// threeSections builds the input of the *_gnark functions.
func threeSections(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = binary.BigEndian.AppendUint32(out, uint32(len(p)))
		out = append(out, p...)
	}
	return out
}

var gnarkFn = map[string]string{
	"bn254/groth16":     "groth16_bn254_verify_gnark",
	"bn254/plonk":       "plonk_bn254_gnark_verify",
	"bls12_381/plonk":   "plonk_bls12381_gnark_verify",
	"bls12_381/groth16": "groth16_bls12381_verify_gnark",
}

func TestGnarkV016Cases(t *testing.T) {
	cs := loadGnarkCases(t)
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		n := 0
		for _, c := range cs {
			fn := gnarkFn[c.Curve+"/"+c.Scheme]
			if _, ok := testCatalogue.Lookup(fn); !ok {
				continue
			}
			in := threeSections(unhex(t, c.VKRaw), unhex(t, c.ProofRaw), unhex(t, c.PublicWitness))
			for range 2 { // cold, then warm cache
				expectVerdict(t, fn, c.Name, in, c.Valid)
			}
			n++
		}
		if n < 8 {
			t.Fatalf("only %d gnark cases ran", n)
		}
	})
}

// v014Groth16 is one proof of snarkjs/gnark/groth16_bn254_cubic/proofs.json.
type v014Proof struct {
	Name            string   `json:"name"`
	PublicInputs    []string `json:"public_inputs"`
	ProofCompressed string   `json:"proof_gnark_compressed_hex"`
	ProofRaw        string   `json:"proof_gnark_raw_hex"`
	ProofHex        string   `json:"proof_gnark_hex"`
	Witness         string   `json:"public_witness_gnark_hex"`
	GnarkVerify     bool     `json:"gnark_verify"`
}

func loadV014(t *testing.T, dir string) []v014Proof {
	b, err := os.ReadFile(filepath.Join(vectors.Dir(t, "snarkjs/gnark/"+dir), "proofs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ps []v014Proof
	if err := json.Unmarshal(b, &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("no proofs")
	}
	return ps
}

func readHexFile(t *testing.T, path ...string) []byte {
	b, err := os.ReadFile(vectors.Path(t, strings.Join(path, "/")))
	if err != nil {
		t.Fatal(err)
	}
	return unhex(t, strings.TrimSpace(string(b)))
}

// bumpWitness returns a copy of a gnark public witness whose last value is
// increased by one (a wrong public input: the proof must not verify).
func bumpWitness(t *testing.T, w []byte) []byte {
	out := append([]byte(nil), w...)
	if len(out) < 12+32 {
		t.Fatal("short witness")
	}
	last := out[len(out)-32:]
	v := new(big.Int).SetBytes(last)
	v.Add(v, big.NewInt(1))
	v.FillBytes(last)
	return out
}

func TestGnarkV014Groth16(t *testing.T) {
	ps := loadV014(t, "groth16_bn254_cubic")
	vks := map[string][]byte{
		"compressed": readHexFile(t, "snarkjs", "gnark", "groth16_bn254_cubic", "vk.compressed.hex"),
		"raw":        readHexFile(t, "snarkjs", "gnark", "groth16_bn254_cubic", "vk.raw.hex"),
	}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for vkName, vk := range vks {
			for _, p := range ps {
				if !p.GnarkVerify {
					t.Fatalf("%s: not a valid proof", p.Name)
				}
				w := unhex(t, p.Witness)
				for prName, pr := range map[string]string{"compressed": p.ProofCompressed, "raw": p.ProofRaw} {
					const fn = "groth16_bn254_verify_gnark"
					name := p.Name + "/vk-" + vkName + "/proof-" + prName
					expectVerdict(t, fn, name, threeSections(vk, unhex(t, pr), w), true)
					expectVerdict(t, fn, name+"/public+1", threeSections(vk, unhex(t, pr), bumpWitness(t, w)), false)
				}
			}
		}
	})
}

func TestGnarkV014Plonk(t *testing.T) {
	ps := loadV014(t, "plonk_bn254_cubic")
	vks := map[string][]byte{
		"compressed": readHexFile(t, "snarkjs", "gnark", "plonk_bn254_cubic", "vk.gnark.hex"),
		"raw":        readHexFile(t, "snarkjs", "gnark", "plonk_bn254_cubic", "vk.gnark_raw.hex"),
	}
	const fn = "plonk_bn254_gnark_verify"
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for vkName, vk := range vks {
			for _, p := range ps {
				if !p.GnarkVerify {
					t.Fatalf("%s: not a valid proof", p.Name)
				}
				w, pr := unhex(t, p.Witness), unhex(t, p.ProofHex)
				expectVerdict(t, fn, p.Name+"/vk-"+vkName, threeSections(vk, pr, w), true)
				expectVerdict(t, fn, p.Name+"/vk-"+vkName+"/public+1", threeSections(vk, pr, bumpWitness(t, w)), false)
			}
		}
	})
}
