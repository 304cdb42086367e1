// Command hostcrypto is the hostcrypto CLI with the wasmtime engine built in
// besides wazero: `hostcrypto run --engine wasmtime CONTRACT.wasm EXPORT`.
// (It embeds no demo contract: run the demo's exports with
// `run --engine wasmtime cmd/hostcrypto/demo.wasm run`.)
package main

import (
	"context"
	"os"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
	"github.com/hostcrypto/hostcrypto/wasmbridge/wasmtime"
)

func main() {
	env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Engines: map[string]cli.EngineFactory{"wasmtime": openWasmtime}}
	os.Exit(cli.Main(env, os.Args[1:]))
}

// engine runs one contract on wasmtime; the Runner is made at Load, when
// the output files are known.
type engine struct {
	sched    *core.Schedule
	gasLimit uint64
	observe  func(wasmbridge.Observation)
	metered  bool
	r        *wasmtime.Runner
}

func openWasmtime(_ context.Context, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation), metered bool) (cli.Engine, error) {
	return &engine{sched: s, gasLimit: gasLimit, observe: observe, metered: metered}, nil
}

func (e *engine) Load(wasm []byte, stdout, stderr *os.File) error {
	r, err := wasmtime.NewRunner(e.sched, e.gasLimit, e.observe, writer(stdout), writer(stderr))
	if err != nil {
		return err
	}
	e.r = r
	if e.metered {
		r.Metering = metering.DefaultTable
	}
	return r.Load(wasm)
}

func writer(f *os.File) interface{ Write([]byte) (int, error) } {
	if f == nil {
		return nil
	}
	return f
}

func (e *engine) CallExport(name string, args ...uint64) ([]uint64, error) {
	return e.r.CallExport(name, args...)
}

func (e *engine) GasLeft() uint64 {
	if e.r == nil {
		return e.gasLimit
	}
	return e.r.Meter.Left
}

func (e *engine) Close() {
	if e.r != nil {
		e.r.Close()
	}
}
