package dplonk

import (
	"testing"
	"time"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// BenchmarkVerify times plonk_bls12381_dusk_verify on the shared circuit
// next to a two-pair BLS12-381 pairing check (gnark-crypto PairingCheck),
// the yardstick (target: at most 3x).
func BenchmarkVerify(b *testing.B) {
	vd, proof, pis := validCase(b)
	f, _ := core.Default.Lookup(Name)
	in := buildInput(3, vd, proof, pis)
	b.Run("plonk_bls12381_dusk_verify/V3", func(b *testing.B) {
		dst := make([]byte, 0, 1)
		for b.Loop() {
			out, err := f.Run(dst[:0], in)
			if err != nil || out[0] != 1 {
				b.Fatal(out, err)
			}
		}
	})
	b.Run("plonk_bls12381_dusk_verify/V3-uncached", func(b *testing.B) {
		prb, pisRaw := in[5+len(vd)+4:5+len(vd)+4+ProofSize], in[5+len(vd)+4+ProofSize:]
		for b.Loop() {
			p, err := parseVerifier(vd)
			if err != nil {
				b.Fatal(err)
			}
			pr, err := parseProof(prb)
			if err != nil {
				b.Fatal(err)
			}
			pi, _ := decodeScalar(pisRaw)
			if !p.verify(pr, []fr.Element{pi}, pisRaw, 3) {
				b.Fatal("rejected")
			}
		}
	})
	b.Run("parse_proof", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseProof(proof); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pairing_check_2_pairs", func(b *testing.B) {
		_, _, g1, g2 := bls12381.Generators()
		var ng1 bls12381.G1Affine
		ng1.Neg(&g1)
		P := []bls12381.G1Affine{g1, ng1}
		Q := []bls12381.G2Affine{g2, g2}
		for b.Loop() {
			ok, err := bls12381.PairingCheck(P, Q)
			if err != nil || !ok {
				b.Fatal(ok, err)
			}
		}
	})
}

// BenchmarkRatio interleaves one verification and one two-pair pairing
// check per iteration and reports their CPU-time ratio (thread CPU time on
// Linux), which stays meaningful on a loaded machine where wall-clock
// times drift.
func BenchmarkRatio(b *testing.B) {
	vd, proof, pis := validCase(b)
	f, _ := core.Default.Lookup(Name)
	in := buildInput(3, vd, proof, pis)
	_, _, g1, g2 := bls12381.Generators()
	var ng1 bls12381.G1Affine
	ng1.Neg(&g1)
	P := []bls12381.G1Affine{g1, ng1}
	Q := []bls12381.G2Affine{g2, g2}
	defer lockThread()()
	var tv, tp time.Duration
	for b.Loop() {
		t0 := threadCPU()
		if out, err := f.Run(nil, in); err != nil || out[0] != 1 {
			b.Fatal(out, err)
		}
		t1 := threadCPU()
		if ok, err := bls12381.PairingCheck(P, Q); err != nil || !ok {
			b.Fatal(ok, err)
		}
		tp += threadCPU() - t1
		tv += t1 - t0
	}
	b.ReportMetric(float64(tv.Nanoseconds())/float64(b.N), "verify-cpu-ns/op")
	b.ReportMetric(float64(tp.Nanoseconds())/float64(b.N), "pairing2-cpu-ns/op")
	b.ReportMetric(float64(tv)/float64(tp), "verify/pairing2")
}
