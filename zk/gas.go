package zk

import "encoding/binary"

// Gas items of the gnark-format verifiers. Their work grows with several
// sections of different cost per element, so Items is a weighted count in
// cost units, per curve (a BLS12-381 point costs several times a BN254
// one to decompress and subgroup-check). The weights are the measured
// ratios of the sections' marginal CPU costs on the reference machine
// (cold calls, docs/GAS.md "Growing sections"); the calibrated per_item
// turns units into gas. Every count comes from a header, bounded by the
// bytes that follow it, read by the same structure scan the verifier runs
// before it decodes any point.
type itemWeights struct {
	// Groth16: a K point of the key (decoded, one MSM term, its witness
	// scalar); a Pedersen key (two compressed G2 points decompressed and
	// subgroup-checked, one pair of the Pedersen multi-pairing, one G1
	// scalar multiplication); a proof commitment (decoded, hashed to the
	// field, added to the public-input combination); a committed index
	// (32 bytes hashed).
	k, key, commit, index uint64
	// PLONK: a public input (witness scalar, transcript, Lagrange term);
	// a BSB22 commitment (a Qcp point of the key and a commitment of the
	// proof decoded and subgroup-checked, hashed, folded in the MSMs, a
	// claimed value, a Lagrange evaluation at its constraint index).
	plonkPub, plonkCommit uint64
}

var (
	// One unit is about 0.1 µs on BN254 Groth16 (measured: K point 12-29
	// µs, commitment with its key and K entry 315-500 µs, index 0.3-0.5
	// µs) and about 0.5 µs on PLONK (public input 0.4-1.1 µs, commitment 15-20 µs).
	bnWeights = itemWeights{k: 200, key: 3600, commit: 200, index: 5, plonkPub: 1, plonkCommit: 40}
	// BLS12-381: K point 85-95 µs, commitment 710 µs, index 0.3-0.6 µs;
	// PLONK public input 0.16-0.17 µs, commitment 112-115 µs (cold calls
	// of the failslate examples, 16385 and 28001 inputs, 257 and 1025
	// commitments, on a quiet machine; the earlier 0.5-1.5 µs per input
	// was measured under load on 512 inputs, where the base cost hides it,
	// and with 330 here the 28001-input example came out at 0.44x the
	// schedule's most expensive ns/gas).
	blsWeights = itemWeights{k: 900, key: 5300, commit: 900, index: 5, plonkPub: 1, plonkCommit: 680}
)

// sectionsOf splits a three-section input leniently for gas counting:
// missing sections are empty.
func sectionsOf(in []byte) (s [3][]byte) {
	for i := range s {
		if len(in) < 4 {
			return
		}
		n := uint64(binary.BigEndian.Uint32(in))
		in = in[4:]
		if n > uint64(len(in)) {
			n = uint64(len(in))
		}
		s[i], in = in[:n], in[n:]
	}
	return
}

// witnessCount reads the public-input count of a gnark public witness,
// bounded by its length.
func witnessCount(w []byte) uint64 {
	if len(w) < 12 {
		return 0
	}
	return min(uint64(binary.BigEndian.Uint32(w[8:])), uint64(len(w))/32)
}

// gnarkGroth16Items is the gas item count of groth16_*_verify_gnark, in
// cost units: k × |K| + key × Pedersen keys + commit × proof commitments +
// index × committed indexes, all from the headers (g16Shape's scan; on
// malformed input, what the scan read before it stopped).
func gnarkGroth16Items(s *pointSizes, w *itemWeights) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		var sh g16Shape
		sh.scanVK(sec[0], s, false)
		sh.scanProof(sec[1], s)
		return w.k*uint64(sh.nK) + w.key*uint64(sh.nKeys) + w.commit*uint64(sh.nCm) + w.index*uint64(sh.nIdx)
	}
}

// gnarkPlonkItems is the gas item count of plonk_*_gnark_verify, in cost
// units: plonkPub × public inputs (the witness header) + plonkCommit × the
// larger of the key's Qcp count and the proof's commitment count (their
// headers).
func gnarkPlonkItems(s *pointSizes, w *itemWeights) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		var sh plonkShape
		sh.scanVK(sec[0], s)
		sh.scanProof(sec[1], s)
		return w.plonkPub*witnessCount(sec[2]) + w.plonkCommit*uint64(max(sh.nQcp, sh.nCm))
	}
}
