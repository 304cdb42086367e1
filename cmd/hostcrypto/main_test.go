package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/cli"
)

// TestEmbeddedDemoUpToDate rebuilds the demo contract from source and
// requires the embedded binary to match it byte for byte.
func TestEmbeddedDemoUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 guest")
	}
	out := filepath.Join(t.TempDir(), "demo.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-buildmode=c-shared", "-trimpath", "-o", out, "../../guest/examples/demo")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, demoWasm) {
		t.Fatalf("cmd/hostcrypto/demo.wasm is stale (%d bytes, fresh build %d): rebuild it as guest/examples/demo/main.go says", len(demoWasm), len(fresh))
	}
}

func TestDemoRuns(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := cli.Main(&cli.Env{Stdout: &stdout, Stderr: &stderr, DemoWasm: demoWasm}, []string{"demo"})
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"host sha256", "run: ", "exhaust: ", "out of gas"} {
		if !strings.Contains(stdout.String(), want) {
			t.Fatalf("demo output lacks %q:\n%s", want, stdout.String())
		}
	}
}
