package zk

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
)

// Structure scans of the gnark formats. Before any point is decoded, the
// verifiers walk every section reading only lengths, counts and each
// point's flag byte, check that every count fits in the bytes that follow
// and that the sections agree with each other (one Pedersen key per
// commitment, the proof's commitments, the witness length, the index
// ranges). A malformed input therefore fails in time proportional to its
// length, which per_byte pays for, and the counts the gas items read from
// the same headers are the counts the verifier then works on.

// g16Shape is what the scan of a gnark Groth16 input found.
type g16Shape struct {
	nK      int      // K points of the key (constant wire, public inputs, commitments)
	nInfo   int      // commitment infos (committed public-input index lists)
	nIdx    int      // committed public-input indexes, all lists together
	nKeys   int      // Pedersen verifying keys
	nCm     int      // commitments of the proof
	nPub    int      // public inputs of the witness
	indexes [][]byte // each commitment's index list (8-byte big-endian each)
}

// scanVK walks a gnark Groth16 verifying key:
//
//	[α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2 | u32 len(K) | K (G1) |
//	u32 m | m × (u32 k | k × u64 index) | u32 c | c × ([G]2 [−σG]2)
//
// With keepIndexes it keeps each index list for the range check (gas
// counting does not, so that it allocates nothing).
func (sh *g16Shape) scanVK(b []byte, s *pointSizes, keepIndexes bool) error {
	r := newReader(b)
	r.skipG1(s)
	r.skipG1(s)
	r.skipG2(s)
	r.skipG2(s)
	r.skipG1(s)
	r.skipG2(s)
	sh.nK = r.Count(s.g1c)
	for range sh.nK {
		r.skipG1(s)
	}
	sh.nInfo = r.Count(4)
	for range sh.nInfo {
		k := r.Count(8)
		if r.Err() != nil {
			break
		}
		idx := r.Next(8 * k)
		if keepIndexes {
			sh.indexes = append(sh.indexes, idx)
		}
		sh.nIdx += k
	}
	sh.nKeys = r.Count(2 * s.g2c)
	for range 2 * sh.nKeys {
		r.skipG2(s)
	}
	return r.Done()
}

// scanProof walks a gnark Groth16 proof:
//
//	[A]1 [B]2 [C]1 | u32 c | c × commitment (G1) | proof of knowledge (G1)
func (sh *g16Shape) scanProof(b []byte, s *pointSizes) error {
	r := newReader(b)
	r.skipG1(s)
	r.skipG2(s)
	r.skipG1(s)
	sh.nCm = r.Count(s.g1c)
	for range sh.nCm {
		r.skipG1(s)
	}
	r.skipG1(s)
	return r.Done()
}

// scanWitness walks a gnark public witness: u32 nbPublic | u32 nbSecret |
// u32 len | len × frBytes, with nbSecret = 0 and nbPublic = len.
func scanWitness(b []byte, frBytes int) (int, error) {
	r := newReader(b)
	nbPublic := r.U32()
	nbSecret := r.U32()
	n := r.Count(frBytes)
	r.Next(n * frBytes)
	if err := r.Done(); err != nil {
		return 0, err
	}
	if nbSecret != 0 || uint64(nbPublic) != uint64(n) {
		return 0, core.Errorf(core.CodeMalformed, "zk: gnark witness is not a public witness (%d public, %d secret, %d values)", nbPublic, nbSecret, n)
	}
	return n, nil
}

// scanGnarkGroth16 scans the three sections of a gnark Groth16 input and
// cross-checks their counts as gnark's Verify requires: one Pedersen key
// per commitment info, K holds the constant wire, the public inputs and one
// entry per commitment, the proof carries one commitment per key, and every
// committed index points at a public input or an earlier commitment's
// challenge (gnark hashes publicWitness[j−1], where the witness has grown
// by one entry per earlier commitment).
func scanGnarkGroth16(sec [][]byte, s *pointSizes, frBytes int) (*g16Shape, error) {
	sh := new(g16Shape)
	if err := sh.scanVK(sec[0], s, true); err != nil {
		return nil, err
	}
	if err := sh.scanProof(sec[1], s); err != nil {
		return nil, err
	}
	var err error
	if sh.nPub, err = scanWitness(sec[2], frBytes); err != nil {
		return nil, err
	}
	nc := sh.nInfo
	switch {
	case sh.nKeys != nc:
		return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk has %d commitment keys for %d commitments", sh.nKeys, nc)
	case sh.nK < nc+1:
		return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk K too short")
	case sh.nCm != nc:
		return nil, core.Errorf(core.CodeMalformed, "zk: proof has %d commitments, vk expects %d", sh.nCm, nc)
	case sh.nPub+nc+1 != sh.nK:
		return nil, core.Errorf(core.CodeMalformed, "zk: %d public inputs, vk expects %d", sh.nPub, sh.nK-nc-1)
	}
	nbPublic := uint64(sh.nK - nc - 1)
	for i, idx := range sh.indexes {
		for o := 0; o < len(idx); o += 8 {
			if j := binary.BigEndian.Uint64(idx[o:]); j < 1 || j > nbPublic+uint64(i) {
				return nil, core.Errorf(core.CodeMalformed, "zk: gnark vk commitment index %d out of range", j)
			}
		}
	}
	return sh, nil
}

// plonkShape is what the scan of a gnark PLONK input found.
type plonkShape struct {
	size, nbPublic uint64 // domain size and public inputs, from the key
	nQcp           int    // BSB22 commitment selectors of the key
	nIdx           int    // commitment constraint indexes of the key
	nClaimed       int    // claimed values of the batched opening
	nCm            int    // BSB22 commitments of the proof
}

// scanVK walks a gnark PLONK verifying key (v0.16.1 versioned format, or
// the legacy unversioned one):
//
//	[u64 0 | u64 version=1 |] u64 size | fr sizeInv | fr ω | u64 nbPublic |
//	fr cosetShift | S₁ S₂ S₃ Ql Qr Qm Qo Qk (G1) | u32 k | k × Qcp (G1) |
//	[1]G1 | [1]G2 | [α]G2 | KZG lines (raw limbs) | u32 m | m × u64
func (sh *plonkShape) scanVK(b []byte, s *pointSizes) error {
	r := newReader(b)
	sh.size = r.U64()
	if sh.size == 0 { // versioned format
		if v := r.U64(); r.Err() == nil && v != 1 {
			return core.Errorf(core.CodeMalformed, "zk: gnark plonk vk version %d unsupported", v)
		}
		sh.size = r.U64()
	}
	r.Next(2 * s.fr)
	sh.nbPublic = r.U64()
	r.Next(s.fr)
	for range 8 {
		r.skipG1(s)
	}
	sh.nQcp = r.Count(s.g1c)
	for range sh.nQcp {
		r.skipG1(s)
	}
	r.skipG1(s)
	r.skipG2(s)
	r.skipG2(s)
	r.Next(s.lines)
	sh.nIdx = r.Count(8)
	r.Next(8 * sh.nIdx)
	return r.Done()
}

// scanProof walks a gnark PLONK proof:
//
//	L R O Z H₀ H₁ H₂ (G1) | batched opening H (G1) | u32 k | k × fr |
//	shifted opening H (G1) | fr | u32 c | c × BSB22 commitment (G1)
func (sh *plonkShape) scanProof(b []byte, s *pointSizes) error {
	r := newReader(b)
	for range 8 {
		r.skipG1(s)
	}
	sh.nClaimed = r.Count(s.fr)
	r.Next(s.fr * sh.nClaimed)
	r.skipG1(s)
	r.Next(s.fr)
	sh.nCm = r.Count(s.g1c)
	for range sh.nCm {
		r.skipG1(s)
	}
	return r.Done()
}

// scanGnarkPlonk scans the three sections of a gnark PLONK input and
// cross-checks them before anything is decoded: the domain size is a power
// of two with room for the public inputs, one constraint index per Qcp,
// the witness matches the key's public-input count, one proof commitment
// per Qcp and 6 + |Qcp| claimed values (gnark reports the last ones as
// verification errors; here they are ErrMalformed).
func scanGnarkPlonk(sec [][]byte, s *pointSizes) (*plonkShape, error) {
	sh := new(plonkShape)
	if err := sh.scanProof(sec[1], s); err != nil {
		return nil, err
	}
	nPub, err := scanWitness(sec[2], s.fr)
	if err != nil {
		return nil, err
	}
	if err := sh.scanVK(sec[0], s); err != nil {
		return nil, err
	}
	if err := checkPlonkShape(sh.nbPublic, sh.size, sh.nQcp, sh.nIdx); err != nil {
		return nil, err
	}
	if err := checkPlonkCounts(nPub, sh.nbPublic, sh.nCm, sh.nClaimed, sh.nQcp); err != nil {
		return nil, err
	}
	return sh, nil
}
