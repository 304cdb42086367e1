package dplonk

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// duskVectors is ../shared/vectors/dusk/dusk-plonk.json, produced by
// dusk-plonk 0.22.0-rc.0 itself (see the folder's README).
type duskVectors struct {
	Label     string `json:"label"`
	ProofSize int    `json:"proof_size"`
	Circuits  []struct {
		Name     string     `json:"name"`
		NPI      int        `json:"n_public_inputs"`
		Verifier string     `json:"verifier"`
		Proofs   []duskCase `json:"proofs"`
		Tampered []duskCase `json:"tampered"`
	} `json:"circuits"`
}

type duskCase struct {
	Case         string            `json:"case"`
	Instance     int               `json:"instance"`
	ProvedWith   string            `json:"proved_with"`
	Proof        string            `json:"proof"`
	PublicInputs []string          `json:"public_inputs"`
	Verdicts     map[string]string `json:"verdicts"`
}

func loadDuskVectors(t testing.TB) *duskVectors {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, "dusk/dusk-plonk.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v duskVectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Circuits) == 0 {
		t.Fatal("no circuits")
	}
	return &v
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildInput assembles plonk_bls12381_dusk_verify's input.
func buildInput(version byte, vd, proof []byte, pis [][]byte) []byte {
	in := []byte{version}
	in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
	in = append(in, vd...)
	in = binary.BigEndian.AppendUint32(in, uint32(len(proof)))
	in = append(in, proof...)
	for _, p := range pis {
		in = append(in, p...)
	}
	return in
}

// checkVerdict compares one outcome with Dusk's verdict string: "ok" is
// 0x01; "err:ProofVerificationError" (decoded, did not verify) is 0x00;
// an inconsistent public-input count, a bad length and any decode_err are
// core errors with the matching code.
func checkVerdict(t *testing.T, want string, out []byte, err error) {
	t.Helper()
	switch {
	case want == "ok":
		if err != nil || len(out) != 1 || out[0] != 1 {
			t.Fatalf("want valid, got %x, %v", out, err)
		}
	case want == "err:ProofVerificationError":
		if err != nil || len(out) != 1 || out[0] != 0 {
			t.Fatalf("want invalid (0x00), got %x, %v", out, err)
		}
	case strings.HasPrefix(want, "err:InconsistentPublicInputsLen"),
		strings.HasPrefix(want, "decode_err:proof:BadLength"):
		if !errors.Is(err, core.ErrMalformed) {
			t.Fatalf("want malformed_input, got %x, %v", out, err)
		}
	case strings.HasPrefix(want, "decode_err:proof:InvalidData"):
		if !errors.Is(err, core.ErrNonCanonical) && !errors.Is(err, core.ErrInvalidPoint) &&
			!errors.Is(err, core.ErrNotInSubgroup) {
			t.Fatalf("want a decoding error, got %x, %v", out, err)
		}
	default:
		t.Fatalf("verdict %q not understood", want)
	}
}

func TestDuskVectors(t *testing.T) {
	v := loadDuskVectors(t)
	f, ok := testCatalogue.Lookup(Name)
	if !ok {
		t.Fatal("not registered")
	}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		n := 0
		for _, c := range v.Circuits {
			vd := unhex(t, c.Verifier)
			cases := append(append([]duskCase{}, c.Proofs...), c.Tampered...)
			for _, tc := range cases {
				var pis [][]byte
				for _, p := range tc.PublicInputs {
					pis = append(pis, unhex(t, p))
				}
				for ver := V1; ver <= V3; ver++ {
					want, ok := tc.Verdicts["V"+string('0'+ver)]
					if !ok {
						t.Fatalf("%s/%s: no verdict for V%d", c.Name, tc.Case, ver)
					}
					name := tc.Case
					if name == "" {
						name = "instance" + string('0'+byte(tc.Instance)) + "-" + tc.ProvedWith
					}
					t.Run(c.Name+"/"+name+"/V"+string('0'+ver), func(t *testing.T) {
						in := buildInput(ver, vd, unhex(t, tc.Proof), pis)
						out, g, err := core.Invoke(f, gas.Default, nil, nil, in)
						if g == 0 {
							t.Fatal("no gas charged")
						}
						checkVerdict(t, want, out, err)
						// The same input through VerifyDusk, the entry of
						// dusk:verify_plonk.
						out2, err2 := VerifyDusk(nil, in[1:], ver)
						if core.CodeOf(err2) != core.CodeOf(err) || string(out2) != string(out) {
							t.Fatalf("VerifyDusk differs: %x %v vs %x %v", out2, err2, out, err)
						}
					})
					n++
				}
			}
		}
		if n != 3*18 {
			t.Fatalf("ran %d verdicts, want 54", n)
		}
	})
}
