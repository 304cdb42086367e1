package cli

import (
	"strings"
	"testing"
)

// TestBenchHostile runs the hostile-input benchmark on two functions, with
// a tiny measuring time: both the worst-case reference rows and the
// hostile inputs (generic, and the format-aware longest message of the
// Ed25519 batch) appear, and the summary table is printed.
func TestBenchHostile(t *testing.T) {
	code, out, errs := run(t, "", "bench", "--hostile", "--benchtime", "2ms", "--filter", "^(sha256|ed25519_batch_verify_zip215)$")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"[worst] 64KiB", "64KiB/padded-to-limit", "1item-longest-message-bad-sig", "| `ed25519_batch_verify_zip215` |", "Median over the worst-case examples"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
