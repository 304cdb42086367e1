package dplonk

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/internal/keccak"
)

// STROBE-128 as Merlin uses it (strobe.rs of the merlin crate, STROBE
// v1.0.2 restricted to the operations Merlin needs): a Keccak-f[1600]
// duplex with rate R = 166 bytes.
const strobeR = 166

// STROBE operation flags (STROBE spec, section 6.2).
const (
	flagI = 1 << 0
	flagA = 1 << 1
	flagC = 1 << 2
	flagM = 1 << 4
	flagK = 1 << 5
)

// strobe128 is a STROBE-128 state. It is a plain value: copying it forks
// the transcript (Merlin's Transcript::clone).
type strobe128 struct {
	st       [25]uint64
	pos      uint8
	posBegin uint8
	curFlags uint8
}

// xorByte sets byte i of the 200-byte state (lanes little-endian) to
// itself XOR v.
func (s *strobe128) xorByte(i int, v byte) {
	s.st[i>>3] ^= uint64(v) << (8 * uint(i&7))
}

// takeByte returns byte i of the state and zeroes it (STROBE squeeze).
func (s *strobe128) takeByte(i int) byte {
	sh := 8 * uint(i&7)
	v := byte(s.st[i>>3] >> sh)
	s.st[i>>3] &^= 0xff << sh
	return v
}

func newStrobe128(protocolLabel []byte) strobe128 {
	var s strobe128
	var init [18]byte
	copy(init[:], []byte{1, strobeR + 2, 1, 0, 1, 96})
	copy(init[6:], "STROBEv1.0.2")
	for i, v := range init {
		s.xorByte(i, v)
	}
	keccak.F1600(&s.st)
	s.metaAD(protocolLabel, false)
	return s
}

func (s *strobe128) runF() {
	s.xorByte(int(s.pos), s.posBegin)
	s.xorByte(int(s.pos)+1, 0x04)
	s.xorByte(strobeR+1, 0x80)
	keccak.F1600(&s.st)
	s.pos = 0
	s.posBegin = 0
}

func (s *strobe128) absorb(data []byte) {
	for len(data) > 0 {
		// A whole lane when aligned and short of the rate (R = 166 is not
		// a multiple of 8, so a lane never ends exactly at R).
		if s.pos%8 == 0 && len(data) >= 8 && int(s.pos)+8 < strobeR {
			s.st[s.pos>>3] ^= binary.LittleEndian.Uint64(data)
			s.pos += 8
			data = data[8:]
			continue
		}
		s.xorByte(int(s.pos), data[0])
		data = data[1:]
		s.pos++
		if s.pos == strobeR {
			s.runF()
		}
	}
}

func (s *strobe128) squeeze(out []byte) {
	for i := range out {
		out[i] = s.takeByte(int(s.pos))
		s.pos++
		if s.pos == strobeR {
			s.runF()
		}
	}
}

// beginOp starts a new operation with flags, or continues the current
// one when more is set (callers here only continue with the same flags).
func (s *strobe128) beginOp(flags uint8, more bool) {
	if more {
		if flags != s.curFlags {
			panic("dplonk: internal error: strobe continued with other flags")
		}
		return
	}
	oldBegin := s.posBegin
	s.posBegin = s.pos + 1
	s.curFlags = flags
	s.absorb([]byte{oldBegin, flags})
	if flags&(flagC|flagK) != 0 && s.pos != 0 {
		s.runF()
	}
}

func (s *strobe128) metaAD(data []byte, more bool) {
	s.beginOp(flagM|flagA, more)
	s.absorb(data)
}

func (s *strobe128) ad(data []byte, more bool) {
	s.beginOp(flagA, more)
	s.absorb(data)
}

func (s *strobe128) prf(out []byte, more bool) {
	s.beginOp(flagI|flagA|flagC, more)
	s.squeeze(out)
}

// transcript is a Merlin transcript ("Merlin v1.0", merlin crate 2.x/3.x):
// every message is framed as meta-AD(label) meta-AD(le32(len)) AD(msg) and
// challenges as meta-AD(label) meta-AD(le32(len)) PRF(len). A transcript is
// a value; assigning it forks it.
type transcript struct {
	s strobe128
}

// newTranscript returns Transcript::new(label): the STROBE state seeded
// with "Merlin v1.0" and the application label appended as "dom-sep".
func newTranscript(label []byte) transcript {
	t := transcript{s: newStrobe128([]byte("Merlin v1.0"))}
	t.appendMessage([]byte("dom-sep"), label)
	return t
}

func (t *transcript) appendMessage(label, msg []byte) {
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(msg)))
	t.s.metaAD(label, false)
	t.s.metaAD(n[:], true)
	t.s.ad(msg, false)
}

// appendU64 appends x as 8 little-endian bytes.
func (t *transcript) appendU64(label []byte, x uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	t.appendMessage(label, b[:])
}

// challengeBytes fills out with challenge bytes bound to label.
func (t *transcript) challengeBytes(label []byte, out []byte) {
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(out)))
	t.s.metaAD(label, false)
	t.s.metaAD(n[:], true)
	t.s.prf(out, false)
}
