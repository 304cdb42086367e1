package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// trace runs a demo contract's "run" export and records every host call.
func trace(t *testing.T, wasm []byte) []string {
	t.Helper()
	var calls []string
	observe := func(o wasmbridge.Observation) {
		calls = append(calls, fmt.Sprintf("%s in=%d gas=%d code=%d out=%s", o.Function, o.InLen, o.Gas, o.Code, hex.EncodeToString(o.Output)))
	}
	sb, err := cli.NewSandbox(context.Background(), gas.Default, 1<<40, observe)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	mod, err := sb.Load(wasm, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sb.CallExport(mod, "run"); err != nil {
		t.Fatal(err)
	}
	return calls
}

// TestEmbeddedDemoUpToDate rebuilds the demo contract from source and
// requires the embedded binary to make exactly the same host calls with the
// same results. (Bytes are not compared: the binary's line table moves
// whenever the generated guest SDK grows.)
func TestEmbeddedDemoUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 guest")
	}
	out := filepath.Join(t.TempDir(), "demo.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-buildmode=c-shared", "-trimpath", "-ldflags=-buildid=", "-o", out, "../../guest/examples/demo")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, got := trace(t, fresh), trace(t, demoWasm)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Fatalf("cmd/hostcrypto/demo.wasm is stale: rebuild it as guest/examples/demo/main.go says\nfresh build:\n%s\nembedded:\n%s",
			strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	if len(want) < 3 {
		t.Fatalf("the demo made only %d host calls", len(want))
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
