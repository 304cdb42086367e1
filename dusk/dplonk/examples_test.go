package dplonk

import (
	"bytes"
	"testing"
)

// TestExamplesVerify: the trapdoor examples are accepted under V3 (the
// whole path, ending in a pairing check that holds), rejected under V2
// (another transcript, so other challenges), and flipping a bit of an
// evaluation makes them fail.
func TestExamplesVerify(t *testing.T) {
	exs := Examples()
	if len(exs) != 2 {
		t.Fatalf("%d examples", len(exs))
	}
	for _, ex := range exs {
		in := ex.Input
		if out, err := VerifyDusk(nil, in[1:], V3); err != nil || !bytes.Equal(out, []byte{1}) {
			t.Fatalf("%s: %x %v", ex.Name, out, err)
		}
		if out, err := VerifyDusk(nil, in[1:], V2); err != nil || !bytes.Equal(out, []byte{0}) {
			t.Errorf("%s under V2: %x %v", ex.Name, out, err)
		}
		bad := bytes.Clone(in)
		// The first byte of the last evaluation (z̄ω), little-endian low byte.
		nPI := map[string]int{"trapdoor-v3/1pi": 1, "trapdoor-v3/64pi": 64}[ex.Name]
		if nPI == 0 {
			t.Fatalf("unexpected example %s", ex.Name)
		}
		off := len(bad) - 32*nPI - 32
		bad[off] ^= 1
		if out, err := VerifyDusk(nil, bad[1:], V3); err != nil || !bytes.Equal(out, []byte{0}) {
			t.Errorf("%s tampered: %x %v", ex.Name, out, err)
		}
	}
	if !bytes.Equal(Examples()[0].Input, exs[0].Input) {
		t.Error("examples are not deterministic")
	}
}
