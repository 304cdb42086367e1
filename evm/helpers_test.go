package evm

import (
	"encoding/hex"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// loadVectors reads a go-ethereum-format vector file of ../shared/vectors
// (skipping when the vectors are absent; see internal/vectors).
func loadVectors(t testing.TB, path string) []vectors.GethVector {
	t.Helper()
	return vectors.Geth(t, path)
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
