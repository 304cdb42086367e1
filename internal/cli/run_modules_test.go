package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
)

// TestRunImportModules: `run` serves both import modules. A contract
// importing dusk.sha256 (rusk's name) instantiates and its call writes 32
// bytes; one importing a name module dusk does not export fails to load.
func TestRunImportModules(t *testing.T) {
	dir := t.TempDir()
	run := func(wasm []byte, args ...string) (int, string) {
		path := filepath.Join(dir, "c.wasm")
		if err := os.WriteFile(path, wasm, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := cli.Main(&cli.Env{Stdout: &out, Stderr: &errb}, append([]string{"run", path}, args...))
		return code, out.String() + errb.String()
	}
	// call_0(in_ptr=0, in_len=3, out_ptr=64, out_cap=32)
	for _, m := range []string{"dusk", "hostcrypto"} {
		code, out := run(wasmtest.Module(m, "sha256"), "call_0", "0", "3", "64", "32", "--gas", "1000000")
		if code != 0 || !strings.HasPrefix(out, "result [32]\n") {
			t.Errorf("%s.sha256: exit %d\n%s", m, code, out)
		}
	}
	code, out := run(wasmtest.Module("dusk", "bls12381_verify"), "call_0", "0", "0", "0", "1")
	if code == 0 || !strings.Contains(out, "loading contract") {
		t.Errorf("dusk.bls12381_verify (not a rusk name) loaded: exit %d\n%s", code, out)
	}
}
