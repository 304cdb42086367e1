package zk

import (
	"bytes"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// TestSynthGnarkGroth16: gnark's own Groth16 verifier (v0.16.1) accepts the
// synthetic inputs the examples and hostile inputs are built from, and so
// does ours; a wrong public input is rejected by both.
func TestSynthGnarkGroth16(t *testing.T) {
	for _, c := range []struct {
		fn    string
		curve ecc.ID
		cv    *g16Curve
	}{
		{"groth16_bn254_verify_gnark", ecc.BN254, &bnG16Curve},
		{"groth16_bls12381_verify_gnark", ecc.BLS12_381, &blsG16Curve},
	} {
		f := mustLookup(t, c.fn)
		for _, sp := range []g16Spec{{}, {nPub: 3}, {nPub: 1, nc: 1}, {nPub: 3, nc: 3, nIdx: 4}} {
			p := c.cv.synth(sp)
			for _, bad := range []bool{false, true} {
				if bad {
					if sp.nPub == 0 {
						continue
					}
					p.witness = bytes.Clone(p.witness)
					p.witness[len(p.witness)-1] ^= 1
				}
				vk := groth16.NewVerifyingKey(c.curve)
				if _, err := vk.ReadFrom(bytes.NewReader(p.vk)); err != nil {
					t.Fatalf("%s %+v: gnark reads the key: %v", c.fn, sp, err)
				}
				pr := groth16.NewProof(c.curve)
				if _, err := pr.ReadFrom(bytes.NewReader(p.proof)); err != nil {
					t.Fatalf("%s %+v: gnark reads the proof: %v", c.fn, sp, err)
				}
				w, _ := witness.New(c.curve.ScalarField())
				if err := w.UnmarshalBinary(p.witness); err != nil {
					t.Fatalf("%s %+v: gnark reads the witness: %v", c.fn, sp, err)
				}
				gnarkOK := groth16.Verify(pr, vk, w) == nil
				out, err := f.Run(nil, p.input())
				if err != nil || gnarkOK == bad || out[0] != map[bool]byte{false: 1, true: 0}[bad] {
					t.Errorf("%s %+v bad=%v: gnark %v, ours %x %v", c.fn, sp, bad, gnarkOK, out, err)
				}
			}
		}
	}
}

// TestExamples: every example is accepted; the synthetic and generated
// gnark inputs and the vectors' inputs verify (0x01); the grown ones
// (named -failslate) are rejected (0x00) by the verifier's last check.
func TestExamples(t *testing.T) {
	for _, f := range append(Funcs(), dplonk.Funcs()...) {
		fn := f.Name
		exs := f.Examples()
		if len(exs) < 3 {
			t.Errorf("%s: %d examples, want sizes of every growing section", fn, len(exs))
		}
		for _, ex := range exs {
			want := byte(1)
			if strings.HasSuffix(ex.Name, "-failslate") {
				want = 0
			}
			out, err := f.Run(nil, ex.Input)
			if err != nil || len(out) != 1 || out[0] != want {
				t.Errorf("%s/%s: %x %v, want %02x", fn, ex.Name, out, err, want)
			}
		}
	}
}

// TestCacheBudget: many distinct valid keys keep the shared cache within
// its byte budget, and only verifying calls add entries.
func TestCacheBudget(t *testing.T) {
	vkcache.Purge()
	defer vkcache.Purge()
	const budget = 256 << 10
	old := vkcache.SetBudget(budget)
	defer vkcache.SetBudget(old)
	f := mustLookup(t, "groth16_bn254_verify_gnark")
	for n := range 40 {
		in := bnG16Curve.synth(g16Spec{nPub: n}).input() // a distinct key each
		if out, err := f.Run(nil, in); err != nil || out[0] != 1 {
			t.Fatalf("%d inputs: %x %v", n, out, err)
		}
		entries, bytes := vkcache.Used()
		if bytes > budget || entries == 0 {
			t.Fatalf("after %d keys: %d entries, %d bytes, budget %d", n+1, entries, bytes, budget)
		}
	}
	if entries, _ := vkcache.Used(); entries >= 40 {
		t.Fatalf("%d entries: nothing was evicted", entries)
	}
}

// TestHostileCountsFirst: the shapes of issue 14's review (a key of
// Pedersen keys or K points, a proof of commitments, indexes without
// inputs), whose counts disagree, are malformed_input, found by the
// structure scans before any point is decoded.
func TestHostileCountsFirst(t *testing.T) {
	n := 0
	for fn, exs := range Hostile() {
		for _, ex := range exs {
			if !strings.HasPrefix(ex.Name, "vk-") && !strings.HasPrefix(ex.Name, "proof-") && !strings.HasPrefix(ex.Name, "indexes-") {
				continue
			}
			n++
			out, err := mustLookup(t, fn).Run(nil, ex.Input)
			if core.CodeOf(err) != core.CodeMalformed {
				t.Errorf("%s/%s: %x %v, want malformed_input", fn, ex.Name, out, err)
			}
		}
	}
	if n < 9 {
		t.Fatalf("only %d early-failing hostile inputs", n)
	}
}
