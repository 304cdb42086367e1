package pairing_test

import (
	"bytes"
	"math/big"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

// blsPointsNotInSubgroup returns points on E and E' outside G1 and G2.
func blsPointsNotInSubgroup() (bls.G1Affine, bls.G2Affine) {
	var p bls.G1Affine
	var four fp.Element
	four.SetUint64(4)
	for x := uint64(1); ; x++ {
		p.X.SetUint64(x)
		var y2 fp.Element
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
		if p.Y.Sqrt(&y2) != nil && !p.IsInSubGroup() {
			break
		}
	}
	var q bls.G2Affine
	var b bls.E2
	b.A0.SetUint64(4)
	b.A1.SetUint64(4)
	for x := uint64(1); ; x++ {
		q.X.A0.SetUint64(x)
		var y2 bls.E2
		y2.Square(&q.X).Mul(&y2, &q.X).Add(&y2, &b)
		if y2.Legendre() == 1 {
			q.Y.Sqrt(&y2)
			if !q.IsInSubGroup() {
				break
			}
		}
	}
	return p, q
}

// TestBLSEdgeCases checks EIP-2537 rules the vector files exercise thinly:
// lengths, the subgroup rule (checked by MSM and pairing, not by addition)
// and the order in which errors are reported.
func TestBLSEdgeCases(t *testing.T) {
	_, _, g1, g2 := bls.Generators()
	G := bls12381.AppendG1EIP2537(nil, &g1)
	Q := bls12381.AppendG2EIP2537(nil, &g2)
	bad1, bad2 := blsPointsNotInSubgroup()
	B1 := bls12381.AppendG1EIP2537(nil, &bad1)
	B2 := bls12381.AppendG2EIP2537(nil, &bad2)
	off := bytes.Clone(G)
	off[127] ^= 1
	one := big.NewInt(1).FillBytes(make([]byte, 32))
	var sum1 bls.G1Affine
	sum1.Add(&g1, &bad1)
	var sum2 bls.G2Affine
	sum2.Add(&g2, &bad2)

	type tc struct {
		name, fn string
		in       []byte
		want     []byte
		code     core.Code
	}
	cases := []tc{
		{"pairing empty", "bls12381_pairing_check", nil, nil, core.CodeMalformed},
		{"pairing 383 bytes", "bls12381_pairing_check", cat(G, Q)[:383], nil, core.CodeMalformed},
		{"pairing e(O, O)", "bls12381_pairing_check", make([]byte, 384), []byte{1}, 0},
		{"pairing G1 outside subgroup", "bls12381_pairing_check", cat(B1, Q), nil, core.CodeNotInSubgroup},
		{"pairing G2 outside subgroup", "bls12381_pairing_check", cat(G, B2), nil, core.CodeNotInSubgroup},
		{"pairing subgroup error before later decode error", "bls12381_pairing_check", cat(B1, Q, off, Q), nil, core.CodeNotInSubgroup},
		{"pairing decode error before later subgroup error", "bls12381_pairing_check", cat(G, Q, off, B2, B1, Q), nil, core.CodeInvalidPoint},
		{"msm empty", "bls12381_g1_msm", nil, nil, core.CodeMalformed},
		{"msm G1 outside subgroup", "bls12381_g1_msm", cat(G, one, B1, one), nil, core.CodeNotInSubgroup},
		{"msm subgroup error before later decode error", "bls12381_g1_msm", cat(B1, one, off, one), nil, core.CodeNotInSubgroup},
		{"msm decode error before later subgroup error", "bls12381_g1_msm", cat(off, one, B1, one), nil, core.CodeInvalidPoint},
		{"msm G2 outside subgroup", "bls12381_g2_msm", cat(Q, one, B2, one), nil, core.CodeNotInSubgroup},
		{"add outside subgroup is allowed", "bls12381_g1_add", cat(G, B1), bls12381.AppendG1EIP2537(nil, &sum1), 0},
		{"g2 add outside subgroup is allowed", "bls12381_g2_add", cat(Q, B2), bls12381.AppendG2EIP2537(nil, &sum2), 0},
		{"add 255 bytes", "bls12381_g1_add", cat(G, G)[:255], nil, core.CodeMalformed},
		{"map 63 bytes", "bls12381_map_fp_to_g1", make([]byte, 63), nil, core.CodeMalformed},
		{"map2 129 bytes", "bls12381_map_fp2_to_g2", make([]byte, 129), nil, core.CodeMalformed},
	}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for _, c := range cases {
			out, _, err := call(t, c.fn, c.in)
			if c.code != 0 {
				if got := core.CodeOf(err); got != c.code {
					t.Errorf("%s: got %v (%v, out %x), want %v", c.name, got, err, out, c.code)
				}
				continue
			}
			if err != nil || !bytes.Equal(out, c.want) {
				t.Errorf("%s: got %x, %v; want %x", c.name, out, err, c.want)
			}
		}
	})
}

// TestAllImplementations runs, for each BLS12-381 primitive, the vectors of
// the functions that use it with each implementation forced in turn.
func TestAllImplementations(t *testing.T) {
	uses := map[string][]string{
		"pairing.bls12381":    {"bls12381_pairing_check"},
		"subgroup.bls12381g1": {"bls12381_pairing_check", "bls12381_g1_msm"},
		"subgroup.bls12381g2": {"bls12381_pairing_check", "bls12381_g2_msm"},
		"msm.bls12381g1":      {"bls12381_g1_msm"},
		"msm.bls12381g2":      {"bls12381_g2_msm"},
		"g1add.bls12381":      {"bls12381_g1_add"},
		"g2add.bls12381":      {"bls12381_g2_add"},
		"map.bls12381g1":      {"bls12381_map_fp_to_g1"},
		"map.bls12381g2":      {"bls12381_map_fp2_to_g2"},
	}
	for prim, fns := range uses {
		t.Run(prim, func(t *testing.T) {
			dispatchtest.ForEach(t, prim, func(t *testing.T) {
				n := 0
				for _, vf := range vectorFiles {
					if !contains(fns, vf.fn) {
						continue
					}
					vs := loadVectors(t, vf.path)
					if len(vs) > 24 {
						vs = vs[:24] // TestVectors runs them all under each backend
					}
					for _, v := range vs {
						out, _, err := call(t, vf.fn, mustHex(t, v.Input))
						if v.ExpectedError != "" {
							if err == nil {
								t.Errorf("%s %s: want error", vf.path, v.Name)
							}
							continue
						}
						want := mustHex(t, v.Expected)
						if vf.pairing {
							want = want[31:]
						}
						if err != nil || !bytes.Equal(out, want) {
							t.Errorf("%s %s: got %x, %v", vf.path, v.Name, out, err)
						}
						n++
					}
				}
				if n == 0 {
					t.Fatal("no vectors ran")
				}
			})
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
