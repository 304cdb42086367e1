package metering_test

import (
	"errors"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// FuzzInstrument: Instrument never panics, fails only with ErrUnsupported or
// ErrMalformed, and its output parses again as a metered module. (Compiling
// arbitrary inputs with wazero is left out: a huge declared vector count
// makes wazero allocate for it and exhausts memory. The rewrite's validity
// is checked on real modules by the other tests, with wasm-validate and
// both engines.)
func FuzzInstrument(f *testing.F) {
	f.Add(wasmtest.Module("hostcrypto", "sha256", "keccak256"))
	f.Add([]byte{0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 's', 'p', 'i', 'n', 0, 0,
		10, 9, 1, 7, 0, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b})
	f.Fuzz(func(t *testing.T, wasm []byte) {
		out, err := metering.Instrument(wasm, nil)
		if err != nil {
			if !errors.Is(err, metering.ErrUnsupported) && !errors.Is(err, metering.ErrMalformed) {
				t.Fatalf("error outside ErrUnsupported/ErrMalformed: %v", err)
			}
			return
		}
		if _, err := metering.Instrument(out, nil); !errors.Is(err, metering.ErrUnsupported) {
			t.Fatalf("instrumenting the output again: %v, want the already-metered error", err)
		}
	})
}
