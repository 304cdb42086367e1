package zk

import "encoding/binary"

// commitWeight is the gas item weight of one BSB22 commitment in the
// *_gnark functions: a commitment costs about as much as this many public
// inputs (Groth16: a G2 pair in the Pedersen pairing check and hashing;
// PLONK: an extra opening and commitment).
const commitWeight = 16

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

// gnarkGroth16Items is the gas item count of groth16_*_verify_gnark:
// public inputs + commitWeight × commitments (from the proof's header).
func gnarkGroth16Items(s *pointSizes) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		r := &reader{b: sec[1]}
		r.skipG1(s)
		r.skipG2(s)
		r.skipG1(s)
		nc := uint64(r.count(s.g1c))
		return witnessCount(sec[2]) + commitWeight*nc
	}
}

// gnarkPlonkItems is the gas item count of plonk_*_gnark_verify: public
// inputs + commitWeight × the larger of the key's Qcp count and the proof's
// commitment count (read from their headers).
func gnarkPlonkItems(s *pointSizes) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		sec := sectionsOf(in)
		r := &reader{b: sec[0]}
		if r.u64() == 0 {
			r.u64()
			r.u64()
		}
		r.next(2*s.fr + 8 + s.fr)
		for range 8 {
			r.skipG1(s)
		}
		nq := uint64(r.count(s.g1c))
		p := &reader{b: sec[1]}
		for range 8 {
			p.skipG1(s)
		}
		p.next(s.fr * p.count(s.fr))
		p.skipG1(s)
		p.next(s.fr)
		nc := uint64(p.count(s.g1c))
		return witnessCount(sec[2]) + commitWeight*max(nq, nc)
	}
}
