package eddsa

import (
	"crypto/ed25519"
	"crypto/sha256"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
)

// Examples of the functions declared in this package's own files (the
// older ones get theirs from package sig): valid signatures, the worst case
// of a verifier, at message sizes that separate the per-byte cost.

// The message sizes reach 128 KiB so that hashing (about 1 ns per byte)
// stands out of the verification's fixed cost and its noise.
var exampleMsgSizes = []int{32, 16 << 10, 128 << 10}

func exampleKey(i int) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("hostcrypto ed25519 example " + strconv.Itoa(i)))
	return ed25519.NewKeyFromSeed(seed[:])
}

func exampleMsg(n, seed int) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(i*31 + seed*17 + 5)
	}
	return m
}

func sizeName(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}

func strictExamples() []core.Example {
	var ex []core.Example
	for _, n := range exampleMsgSizes {
		k := exampleKey(1)
		m := exampleMsg(n, 3)
		in := append(append(append([]byte(nil), k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...), m...)
		ex = append(ex, core.Example{Name: sizeName(n), Input: in, Worst: true})
	}
	return ex
}
