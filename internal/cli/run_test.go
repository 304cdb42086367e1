package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spinWasm is (module (func (export "spin") (loop br 0))), assembled by hand.
var spinWasm = []byte{0, 'a', 's', 'm', 1, 0, 0, 0,
	1, 4, 1, 0x60, 0, 0, // type () -> ()
	3, 2, 1, 0, // one function of type 0
	7, 8, 1, 4, 's', 'p', 'i', 'n', 0, 0, // export "spin"
	10, 9, 1, 7, 0, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b} // loop br 0 end end

// TestRunLoopingContractRunsOutOfGas: metered by default, a contract that
// loops forever traps out of gas with the whole budget spent.
func TestRunLoopingContractRunsOutOfGas(t *testing.T) {
	f := filepath.Join(t.TempDir(), "spin.wasm")
	if err := os.WriteFile(f, spinWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "run", f, "spin", "--gas", "1000000")
	if code != 1 || !strings.Contains(out, "out of gas") || !strings.Contains(out, "gas used 1000000 of 1000000") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}
