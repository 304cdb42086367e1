package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
)

// TestRunTimeout: a contract that never returns is stopped by --timeout
// (the module is closed when the context ends), and a contract that
// returns is not disturbed by it.
func TestRunTimeout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spin.wasm")
	if err := os.WriteFile(path, wasmtest.Spin(), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	code, out, errs := run(t, "", "run", path, "spin", "--timeout", "300ms")
	el := time.Since(start)
	if code != 1 || !strings.Contains(out, "--timeout of 300ms") {
		t.Fatalf("looping contract: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if el > 20*time.Second {
		t.Fatalf("looping contract ran %v past a 300ms timeout", el)
	}
	code, out, errs = run(t, "", "run", path, "add", "2", "40", "--timeout", "10s")
	if code != 0 || !strings.Contains(out, "result [42]") {
		t.Fatalf("returning contract: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
