// Command hostcrypto inspects, runs and measures the host-function catalogue:
//
//	hostcrypto demo                      run the embedded demo contract
//	hostcrypto cpu                       CPU features and selected implementations
//	hostcrypto list [--json]             the catalogue
//	hostcrypto call NAME HEX             one call; --jsonl for a stream
//	hostcrypto run CONTRACT.wasm EXPORT  run a contract export under wazero
//
// Run `hostcrypto help` for every command and flag.
package main

import (
	_ "embed"
	"os"

	"github.com/hostcrypto/hostcrypto/internal/cli"
)

// demo.wasm is built from ./guest/examples/demo (see its doc comment);
// TestEmbeddedDemoUpToDate checks it against the source.
//
//go:embed demo.wasm
var demoWasm []byte

func main() {
	os.Exit(cli.Main(&cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, DemoWasm: demoWasm}, os.Args[1:]))
}
