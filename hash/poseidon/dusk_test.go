package poseidon

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestDuskAssetsMatchVectors checks the derived constant tables are Dusk's
// assets (the vector set's copies), byte for byte.
func TestDuskAssetsMatchVectors(t *testing.T) {
	arc, mds := duskConstantBytes()
	for name, emb := range map[string][]byte{"arc.bin": arc, "mds.bin": mds} {
		want, err := os.ReadFile(vectors.Path(t, "poseidon/dusk-constants/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(emb, want) {
			t.Fatalf("%s: derived table differs from Poseidon252's", name)
		}
	}
}

// TestDuskHadesKATs runs Poseidon252's hades.rs KATs: the dusk-safe sponge
// with tag 0 and IO pattern [Absorb(n), Absorb(1), Squeeze(1)], absorbing the
// inputs and then the padding element 1.
func TestDuskHadesKATs(t *testing.T) {
	var v struct {
		InputsPool []string `json:"inputs_pool"`
		Cases      []struct {
			FirstN   int `json:"first_n_inputs"`
			Expected string
		}
	}
	data, err := os.ReadFile(vectors.Path(t, "poseidon/dusk-poseidon252_hades_kats.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) != 6 {
		t.Fatalf("%d cases", len(v.Cases))
	}
	for _, c := range v.Cases {
		z := newDuskSponge(blsElem{})
		for _, h := range v.InputsPool[:c.FirstN] {
			b, _ := hex.DecodeString(h)
			x, err := littleEndianBLS((*[32]byte)(b))
			if err != nil {
				t.Fatal(err)
			}
			z.absorb(&x)
		}
		var one blsElem
		one.SetOne()
		z.absorb(&one)
		out := z.squeeze1()
		b := out.BytesBE() // big-endian, as the Debug format prints it
		if got := "0x" + hex.EncodeToString(b[:]); got != c.Expected {
			t.Errorf("first %d inputs: got %s, want %s", c.FirstN, got, c.Expected)
		}
	}
}

// reference applies the Hades permutation exactly as Dusk specifies it
// (no appendix-B rewriting).
func (p *duskParams) reference(s *[duskWidth]blsElem) {
	for r := 0; r < duskRounds; r++ {
		for i := range s {
			s[i].Add(&s[i], &p.arc[r][i])
		}
		if r < duskFull/2 || r >= duskFull/2+duskPartial {
			for i := range s {
				pow5BLS(&s[i])
			}
		} else {
			pow5BLS(&s[duskWidth-1])
		}
		var out [duskWidth]blsElem
		for k := 0; k < duskWidth; k++ {
			for j := 0; j < duskWidth; j++ {
				var t blsElem
				t.Mul(&p.mds[k][j], &s[j])
				out[k].Add(&out[k], &t)
			}
		}
		*s = out
	}
}

func TestDuskOptimisedMatchesReference(t *testing.T) {
	p := buildDusk()
	var s [duskWidth]blsElem
	for trial := 0; trial < 20; trial++ {
		for i := range s {
			s[i].SetUint64(uint64(trial*7 + i))
			if trial%3 == 1 {
				s[i].Neg(&s[i])
			}
		}
		a, b := s, s
		p.reference(&a)
		p.permute(&b)
		if a != b {
			t.Fatalf("trial %d: optimised permutation differs from the reference", trial)
		}
	}
}
