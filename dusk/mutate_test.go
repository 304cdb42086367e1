package dusk

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// TestMutationsNeverPanic flips bits across valid inputs of every function
// and requires a verdict or a proper error code (never a recovered panic),
// with identical answers on every backend.
func TestMutationsNeverPanic(t *testing.T) {
	var gv groth16File
	loadJSON(t, "groth16_bn254_arkworks.json", &gv)
	gc := gv.Circuits[0]
	pvk, proof, inputs := unhex(t, gc.PVKUncompressed), unhex(t, gc.Cases[0].Proof), unhex(t, gc.Cases[0].Inputs)
	g16 := sections(pvk, proof, inputs)
	var cases [][2]any
	add := func(fn string, in []byte, offsets []int) {
		for _, off := range offsets {
			for _, bit := range []byte{0x01, 0x40, 0x80} {
				m := append([]byte(nil), in...)
				m[off] ^= bit
				cases = append(cases, [2]any{fn, m})
			}
		}
	}
	var offs []int
	// Framing, the vk header, the first Vec length, every 1001st byte,
	// both infinity bytes, the proof and the input point.
	for _, o := range []int{0, 3, 4, 4 + 448, 4 + 455, 4 + 18448, 4 + 18449, 4 + 18456, 4 + 35929} {
		offs = append(offs, o)
	}
	for o := 4; o < 4+len(pvk); o += 2003 {
		offs = append(offs, o)
	}
	for o := 8 + len(pvk); o < len(g16); o += 5 {
		offs = append(offs, o)
	}
	add("groth16_bn254_verify_arkworks", g16, offs)

	var bv blsFile
	loadJSON(t, "bls12_381-bls.json", &bv)
	c := bv.Single[2]
	bin := append(append(unhex(t, c.PK), unhex(t, c.Sig)...), unhex(t, c.Msg)...)
	offs = nil
	for o := 0; o < len(bin); o += 7 {
		offs = append(offs, o)
	}
	add("bls12381_verify_dusk", bin, offs)
	var sv schnorrFile
	loadJSON(t, "jubjub-schnorr.json", &sv)
	s := sv.Signatures[0]
	sin := append(append(unhex(t, s.PK), unhex(t, s.Sig)...), unhex(t, s.Msg)...)
	offs = nil
	for o := 0; o < len(sin); o += 5 {
		offs = append(offs, o)
	}
	add("schnorr_jubjub_verify_dusk", sin, offs)

	run := func(t *testing.T, only string) []string {
		var got []string
		for _, tc := range cases {
			fn, in := tc[0].(string), tc[1].([]byte)
			if only != "" && fn != only {
				continue
			}
			out, err := call(t, fn, in)
			if core.CodeOf(err) == core.CodeInternal {
				t.Fatalf("%s: internal error on %x: %v", fn, in, err)
			}
			got = append(got, string(out)+core.CodeOf(err).String())
		}
		return got
	}
	run(t, "")
	// The BLS answers must not depend on the backend.
	var ref []string
	dispatchtest.ForEach(t, "bls12381.dusk", func(t *testing.T) {
		got := run(t, "bls12381_verify_dusk")
		if ref == nil {
			ref = got
			return
		}
		for i := range got {
			if got[i] != ref[i] {
				t.Errorf("case %d: %q, other backend %q", i, got[i], ref[i])
			}
		}
	})
}
