package hash

import (
	"errors"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

// The Dusk challenge vectors (jubjub-schnorr.json) run in
// TestVectorsThroughCLI.

func TestPoseidonDuskErrors(t *testing.T) {
	r := unhex(t, "01000000fffffffffe5bfeff02a4bd5305d8a10908d83933487d9d2953a7ed73") // r, little-endian
	ok := make([]byte, 32)
	for _, c := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, core.ErrMalformed},
		{"31 bytes", ok[1:], core.ErrMalformed},
		{"33 bytes", append(append([]byte{}, ok...), 1), core.ErrMalformed},
		{"r", r, core.ErrNonCanonical},
		{"second element r", append(append([]byte{}, ok...), r...), core.ErrNonCanonical},
	} {
		if out, err := call(t, "poseidon_bls12381_dusk", c.in); !errors.Is(err, c.want) {
			t.Errorf("%s: got %x, %v; want %v", c.name, out, err, c.want)
		}
	}
	if _, err := call(t, "poseidon_bls12381_dusk", append(r[:0:0], make([]byte, 32*9)...)); err != nil {
		t.Errorf("9 zero inputs: %v", err)
	}
}
