package dusk

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

type groth16File struct {
	TotalCases int `json:"total_cases"`
	Circuits   []struct {
		Name            string `json:"name"`
		PVKUncompressed string `json:"pvk_uncompressed"`
		PVKLayout       struct {
			GammaABCCount int `json:"gamma_abc_g1_count"`
			TotalLen      int `json:"total_len"`
		} `json:"pvk_layout"`
		Cases []struct {
			Name    string  `json:"name"`
			PVK     *string `json:"pvk"`
			Proof   string  `json:"proof"`
			Inputs  string  `json:"inputs"`
			Verdict *bool   `json:"verdict"`
			Outcome string  `json:"outcome"`
		} `json:"cases"`
	} `json:"circuits"`
}

func loadJSON(t testing.TB, name string, v any) {
	t.Helper()
	decodeJSON(t, vectors.Read(t, "dusk/"+name), v)
}

func decodeJSON(t testing.TB, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// call runs a catalogue function under the default schedule.
func call(t testing.TB, name string, in []byte) ([]byte, error) {
	t.Helper()
	f, ok := testCatalogue.Lookup(name)
	if !ok {
		t.Fatalf("%s not registered", name)
	}
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	return out, err
}

// TestGroth16ArkworksVectors runs all 79 cases that arkworks 0.4 produced
// as rusk calls it. A decode error in arkworks must be an error here; a
// decoded but failing proof, and a panic (verdict null), must be 0x00.
func TestGroth16ArkworksVectors(t *testing.T) {
	var v groth16File
	loadJSON(t, "groth16_bn254_arkworks.json", &v)
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		n := 0
		for _, c := range v.Circuits {
			for _, tc := range c.Cases {
				n++
				pvk := c.PVKUncompressed
				if tc.PVK != nil {
					pvk = *tc.PVK
				}
				in := sections(unhex(t, pvk), unhex(t, tc.Proof), unhex(t, tc.Inputs))
				out, err := call(t, "groth16_bn254_verify_arkworks", in)
				name := c.Name + "/" + tc.Name
				switch {
				case strings.HasPrefix(tc.Outcome, "decode_err:"):
					if err == nil {
						t.Errorf("%s: arkworks %q, got verdict %x", name, tc.Outcome, out)
					}
				case tc.Verdict == nil: // arkworks panicked
					if err != nil || len(out) != 1 || out[0] != 0 {
						t.Errorf("%s: panic case: got %x, %v; want 00", name, out, err)
					}
				default:
					want := byte(0)
					if *tc.Verdict {
						want = 1
					}
					if err != nil || len(out) != 1 || out[0] != want {
						t.Errorf("%s (%s): got %x, %v; want %02x", name, tc.Outcome, out, err, want)
					}
				}
			}
		}
		if n != v.TotalCases || n != 79 {
			t.Fatalf("ran %d cases, file says %d", n, v.TotalCases)
		}
	})
}

// TestPrepareG2MatchesArkworks checks prepareG2 (our port of arkworks'
// G2Prepared::from) against the coefficients arkworks itself stored in
// each circuit's pvk: gamma_g2_neg_pc = from(-gamma), delta_g2_neg_pc =
// from(-delta).
func TestPrepareG2MatchesArkworks(t *testing.T) {
	var v groth16File
	loadJSON(t, "groth16_bn254_arkworks.json", &v)
	for _, c := range v.Circuits {
		var vk vkFields
		pvk, err := readPVK(&arkReader{unhex(t, c.PVKUncompressed)}, &vk)
		if err != nil {
			t.Fatal(err)
		}
		if len(vk.gammaABC) != c.PVKLayout.GammaABCCount {
			t.Fatalf("%s: gamma_abc count %d", c.Name, len(vk.gammaABC))
		}
		// Re-serializing the decoded vk with our encoders, e(alpha, beta)
		// and our G2Prepared::from reproduces arkworks' bytes exactly.
		if enc := appendPVK(nil, &vk.alpha, &vk.beta, &vk.gamma, &vk.delta, vk.gammaABC); !bytes.Equal(enc, unhex(t, c.PVKUncompressed)) {
			t.Errorf("%s: re-serialized pvk differs from arkworks'", c.Name)
		}
		for _, k := range []struct {
			name string
			q    bn254.G2Affine
			want *g2Prepared
		}{{"gamma", vk.gamma, &pvk.gammaNegPC}, {"delta", vk.delta, &pvk.deltaNegPC}} {
			var neg bn254.G2Affine
			neg.Neg(&k.q)
			got := prepareG2(&neg)
			if len(got.coeffs) != numCoeffs || len(k.want.coeffs) != numCoeffs || k.want.infinity {
				t.Fatalf("%s/%s: %d coefficients, stored %d", c.Name, k.name, len(got.coeffs), len(k.want.coeffs))
			}
			for i := range got.coeffs {
				for j := 0; j < 3; j++ {
					if !got.coeffs[i][j].Equal(&k.want.coeffs[i][j]) {
						t.Fatalf("%s/%s: coefficient %d.%d differs", c.Name, k.name, i, j)
					}
				}
			}
		}
		// The stored e(alpha, beta) is gnark's pairing of the vk fields.
		gt, err := bn254.Pair([]bn254.G1Affine{vk.alpha}, []bn254.G2Affine{vk.beta})
		if err != nil || !gt.Equal(&pvk.alphaBeta) {
			t.Fatalf("%s: e(alpha, beta) differs from the stored value", c.Name)
		}
	}
}

func TestGroth16Framing(t *testing.T) {
	for _, in := range [][]byte{nil, {0, 0, 0}, sections(nil, nil), append(sections(nil, nil, nil), 0),
		{0, 0, 0, 9, 1}} {
		if _, err := call(t, "groth16_bn254_verify_arkworks", in); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("%x: %v", in, err)
		}
	}
}

// TestMillerLoopIsThePairing: our port of arkworks' G2Prepared::from and
// multi-Miller loop, followed by the final exponentiation, is the optimal
// ate pairing as gnark-crypto computes it, for assorted points and for
// products of pairs.
func TestMillerLoopIsThePairing(t *testing.T) {
	_, _, g1, g2 := bn254.Generators()
	var ps []bn254.G1Affine
	var qs []bn254.G2Affine
	for i := int64(1); i <= 3; i++ {
		var p bn254.G1Affine
		var q bn254.G2Affine
		p.ScalarMultiplication(&g1, big.NewInt(0x1234567+i*0x9e3779b9))
		q.ScalarMultiplication(&g2, big.NewInt(0x7654321+i*0x85ebca6b))
		ps, qs = append(ps, p), append(qs, q)
	}
	for n := 1; n <= 3; n++ {
		pairs := make([]millerPair, n)
		for i := 0; i < n; i++ {
			prep := prepareG2(&qs[i])
			pairs[i] = millerPair{&ps[i], prep.coeffs}
		}
		f := multiMillerLoop(pairs)
		got := bn254.FinalExponentiation(&f)
		want, err := bn254.Pair(ps[:n], qs[:n])
		if err != nil || !got.Equal(&want) {
			t.Fatalf("%d pairs: arkworks-style pairing differs from gnark's", n)
		}
	}
}
