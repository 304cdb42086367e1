package dplonk

import (
	"testing"
	"time"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// BenchmarkVerify times plonk_bls12381_dusk_verify on the shared circuit
// next to a two-pair BLS12-381 pairing check (gnark-crypto PairingCheck),
// the yardstick (target: at most 3x).
func BenchmarkVerify(b *testing.B) {
	vd, proof, pis := validCase(b)
	f, _ := testCatalogue.Lookup(Name)
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

// BenchmarkRatio interleaves, per iteration, one verification, one bare
// two-pair gnark-crypto PairingCheck, and a stand-in for the
// bls12381_pairing_check host function (decoding two uncompressed G1 and
// two uncompressed G2 points with their subgroup checks, then the same
// PairingCheck). It reports process CPU time per operation (all threads:
// this machine is shared and oversubscribed, so wall-clock drifts), the
// ratios, and the wall-clock ratio of verify to the bare check (which
// credits verify's two-goroutine decoding and MSM on an idle machine).
func BenchmarkRatio(b *testing.B) {
	vd, proof, pis := validCase(b)
	f, _ := testCatalogue.Lookup(Name)
	in := buildInput(3, vd, proof, pis)
	_, _, g1, g2 := bls12381.Generators()
	var ng1 bls12381.G1Affine
	ng1.Neg(&g1)
	P := []bls12381.G1Affine{g1, ng1}
	Q := []bls12381.G2Affine{g2, g2}
	var encP [2][bls12381.SizeOfG1AffineUncompressed]byte
	var encQ [2][bls12381.SizeOfG2AffineUncompressed]byte
	for i := range 2 {
		encP[i] = P[i].RawBytes()
		encQ[i] = Q[i].RawBytes()
	}
	var tv, tp, th, wv, wp time.Duration
	for b.Loop() {
		w0 := time.Now()
		t0 := processCPU()
		if out, err := f.Run(nil, in); err != nil || out[0] != 1 {
			b.Fatal(out, err)
		}
		t1 := processCPU()
		w1 := time.Now()
		if ok, err := bls12381.PairingCheck(P, Q); err != nil || !ok {
			b.Fatal(ok, err)
		}
		t2 := processCPU()
		wv += w1.Sub(w0)
		wp += time.Since(w1)
		var dp [2]bls12381.G1Affine
		var dq [2]bls12381.G2Affine
		for i := range 2 {
			if _, err := dp[i].SetBytes(encP[i][:]); err != nil {
				b.Fatal(err)
			}
			if _, err := dq[i].SetBytes(encQ[i][:]); err != nil {
				b.Fatal(err)
			}
		}
		if ok, err := bls12381.PairingCheck(dp[:], dq[:]); err != nil || !ok {
			b.Fatal(ok, err)
		}
		t3 := processCPU()
		tv += t1 - t0
		tp += t2 - t1
		th += t3 - t2
	}
	n := float64(b.N)
	b.ReportMetric(float64(tv.Nanoseconds())/n, "verify-cpu-ns/op")
	b.ReportMetric(float64(tp.Nanoseconds())/n, "pairing2-cpu-ns/op")
	b.ReportMetric(float64(th.Nanoseconds())/n, "pairing2+decode-cpu-ns/op")
	b.ReportMetric(float64(tv)/float64(tp), "verify/pairing2")
	b.ReportMetric(float64(tv)/float64(th), "verify/pairing2+decode")
	b.ReportMetric(float64(wv)/float64(wp), "wall-verify/pairing2")
}
