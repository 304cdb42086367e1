package keccak_test

import (
	"bytes"
	"encoding/hex"
	"testing"

	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/internal/keccak"
)

func TestSum256(t *testing.T) {
	// Keccak-256 of the empty string (the Keccak team's known answer).
	empty, _ := hex.DecodeString("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
	if got := keccak.Sum256(nil, nil); !bytes.Equal(got, empty) {
		t.Fatalf("Keccak-256(\"\") = %x", got)
	}
	for n := 0; n < 300; n += 17 {
		in := bytes.Repeat([]byte{byte(n)}, n)
		h := sha3.NewLegacyKeccak256()
		h.Write(in)
		want := h.Sum([]byte{0xee})
		if got := keccak.Sum256([]byte{0xee}, in); !bytes.Equal(got, want) {
			t.Fatalf("len %d: %x, want %x", n, got, want)
		}
	}
}

// TestF1600 checks the permutation through a SHA3-256 built on it, against
// golang.org/x/crypto/sha3, over inputs of 0 to 3 blocks.
func TestF1600(t *testing.T) {
	for n := 0; n < 3*136+5; n += 29 {
		in := bytes.Repeat([]byte{byte(n + 1)}, n)
		var st [25]uint64
		buf := append(bytes.Clone(in), 0x06)
		for len(buf)%136 != 0 {
			buf = append(buf, 0)
		}
		buf[len(buf)-1] |= 0x80
		for off := 0; off < len(buf); off += 136 {
			for i := 0; i < 17; i++ {
				for j := 0; j < 8; j++ {
					st[i] ^= uint64(buf[off+8*i+j]) << (8 * j)
				}
			}
			keccak.F1600(&st)
		}
		var got [32]byte
		for i := range got {
			got[i] = byte(st[i/8] >> (8 * (i % 8)))
		}
		if want := sha3.Sum256(in); got != want {
			t.Fatalf("len %d: %x, want %x", n, got, want)
		}
	}
}
