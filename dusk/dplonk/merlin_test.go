package dplonk

import (
	"bytes"
	"encoding/hex"
	"testing"

	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/internal/keccak"
)

// sha3With is SHA3-256 built on keccak.F1600 (rate 136, pad 0x06),
// used to check the permutation against golang.org/x/crypto/sha3.
func sha3With(msg []byte) []byte {
	const rate = 136
	var st [25]uint64
	xor := func(i int, v byte) { st[i>>3] ^= uint64(v) << (8 * uint(i&7)) }
	pos := 0
	for _, v := range msg {
		xor(pos, v)
		pos++
		if pos == rate {
			keccak.F1600(&st)
			pos = 0
		}
	}
	xor(pos, 0x06)
	xor(rate-1, 0x80)
	keccak.F1600(&st)
	out := make([]byte, 32)
	for i := range out {
		out[i] = byte(st[i>>3] >> (8 * uint(i&7)))
	}
	return out
}

func TestKeccakF1600(t *testing.T) {
	// Keccak-f[1600] applied once to the all-zero state: the first lane of
	// the Keccak team's KeccakF-1600-IntermediateValues.txt.
	var st [25]uint64
	keccak.F1600(&st)
	if st[0] != 0xF1258F7940E1DDE7 || st[1] != 0x84D5CCF933C0478A || st[24] != 0xEAF1FF7B5CECA249 {
		t.Fatalf("zero-state permutation: %016x %016x %016x", st[0], st[1], st[24])
	}
	// Differential: SHA3-256 over the permutation equals x/crypto/sha3 on
	// lengths around the rate.
	for _, n := range []int{0, 1, 135, 136, 137, 271, 272, 273, 1000} {
		msg := make([]byte, n)
		for i := range msg {
			msg[i] = byte(i*7 + n)
		}
		want := sha3.Sum256(msg)
		if got := sha3With(msg); !bytes.Equal(got, want[:]) {
			t.Fatalf("len %d: sha3 mismatch", n)
		}
	}
}

// Merlin's published transcript vectors: the merlin crate's
// equivalence_simple and equivalence_complex tests (as printed in their
// trace and reproduced by gtank/merlin's merlin_test.go and
// curve25519-voi's primitives/merlin tests).
func TestMerlinVectors(t *testing.T) {
	tr := newTranscript([]byte("test protocol"))
	tr.appendMessage([]byte("some label"), []byte("some data"))
	var c [32]byte
	tr.challengeBytes([]byte("challenge"), c[:])
	if got := hex.EncodeToString(c[:]); got != "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615" {
		t.Fatalf("simple: %s", got)
	}

	tr = newTranscript([]byte("test protocol"))
	tr.appendMessage([]byte("step1"), []byte("some data"))
	data := bytes.Repeat([]byte{99}, 1024)
	for i := 0; i < 32; i++ {
		tr.challengeBytes([]byte("challenge"), c[:])
		tr.appendMessage([]byte("bigdata"), data)
		tr.appendMessage([]byte("challengedata"), c[:])
	}
	if got := hex.EncodeToString(c[:]); got != "a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c" {
		t.Fatalf("complex: %s", got)
	}
}

// A transcript copy is an independent fork (Merlin's Transcript::clone).
func TestTranscriptFork(t *testing.T) {
	a := newTranscript([]byte("p"))
	b := a
	a.appendMessage([]byte("l"), []byte("x"))
	var ca, cb [64]byte
	a.challengeBytes([]byte("c"), ca[:])
	b.challengeBytes([]byte("c"), cb[:])
	if ca == cb {
		t.Fatal("fork shares state")
	}
	b = newTranscript([]byte("p"))
	b.appendMessage([]byte("l"), []byte("x"))
	b.challengeBytes([]byte("c"), cb[:])
	if ca != cb {
		t.Fatal("same transcript, different challenge")
	}
}
