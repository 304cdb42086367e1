package zk

import "encoding/binary"

// Gas items of the gnark-format verifiers. Their work grows with several
// sections of different cost per element, so Items is a weighted count in
// cost units: one unit is about the work of one public input of a plain
// Groth16 verification (a compressed G1 point decoded, one MSM term, one
// scalar). The weights below are measured ratios on the reference
// machine (docs/GAS.md, "Growing sections"); every count comes from a
// header, bounded by the bytes that follow it, read by the same structure
// scan the verifier runs before it decodes any point.
const (
	// Groth16 (gnark): a K point of the verifying key (decoded, MSM term,
	// its witness scalar).
	g16WeightK = 4
	// a Pedersen key: two compressed G2 points decompressed and
	// subgroup-checked, one pair of the Pedersen multi-pairing, one G1
	// scalar multiplication.
	g16WeightKey = 160
	// a BSB22 commitment of the proof: a G1 point decoded, hashed to the
	// field, added to the public-input combination.
	g16WeightCommit = 8
	// an index of a committed public input: 32 bytes hashed.
	g16WeightIndex = 1

	// PLONK (gnark): a public input (witness scalar, transcript, Lagrange
	// term).
	plonkWeightPub = 1
	// a BSB22 commitment: a Qcp point of the key and a commitment of the
	// proof decoded and subgroup-checked, folded in the KZG MSM, hashed, a
	// claimed value.
	plonkWeightCommit = 64
	// a commitment constraint index of the key (an exponentiation of ω).
	plonkWeightIndex = 1
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
// cost units: g16WeightK × |K| + g16WeightKey × Pedersen keys +
// g16WeightCommit × proof commitments + g16WeightIndex × committed indexes
// + public inputs, all from the headers (scanGnarkGroth16; on malformed
// input, what the scan read before it stopped).
func gnarkGroth16Items(s *pointSizes) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		var sh g16Shape
		sh.scanVK(sec[0], s)
		sh.scanProof(sec[1], s)
		return g16WeightK*uint64(sh.nK) + g16WeightKey*uint64(sh.nKeys) +
			g16WeightCommit*uint64(sh.nCm) + g16WeightIndex*uint64(sh.nIdx) + witnessCount(sec[2])
	}
}

// gnarkPlonkItems is the gas item count of plonk_*_gnark_verify, in cost
// units: plonkWeightPub × public inputs + plonkWeightCommit × the larger of
// the key's Qcp count and the proof's commitment count + plonkWeightIndex ×
// the key's commitment constraint indexes (from their headers).
func gnarkPlonkItems(s *pointSizes) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		var sh plonkShape
		sh.scanVK(sec[0], s)
		sh.scanProof(sec[1], s)
		return plonkWeightPub*witnessCount(sec[2]) +
			plonkWeightCommit*uint64(max(sh.nQcp, sh.nCm)) + plonkWeightIndex*uint64(sh.nIdx)
	}
}
