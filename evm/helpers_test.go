package evm

import (
	"encoding/hex"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// loadVectors reads a go-ethereum-format vector file under testdata/vectors.
func loadVectors(t testing.TB, path string) []vectors.GethVector {
	t.Helper()
	vs, err := vectors.LoadGeth(path)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
