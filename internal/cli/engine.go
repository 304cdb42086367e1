package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// Engine is one contract instance for `run` and `demo`, on some WebAssembly
// engine, with the host functions and (if asked) instruction metering.
type Engine interface {
	// Load instantiates the contract (a reactor's _initialize runs).
	Load(wasm []byte, stdout, stderr *os.File) error
	// CallExport runs an export with integer arguments; exit(0) is success.
	CallExport(name string, args ...uint64) ([]uint64, error)
	// GasLeft is what remains of the budget.
	GasLeft() uint64
	Close()
}

// EngineFactory opens an Engine whose host calls are priced by s and, with
// metered, whose own instructions are charged too (metering.DefaultTable),
// all against one budget of gasLimit. An engine that can should stop the
// contract when ctx ends (the --timeout safety net).
type EngineFactory func(ctx context.Context, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation), metered bool) (Engine, error)

// wazeroEngine is the built-in engine: a Sandbox and its one contract.
type wazeroEngine struct {
	sb  *Sandbox
	mod api.Module
}

func openWazero(ctx context.Context, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation), metered bool) (Engine, error) {
	sb, err := NewSandbox(ctx, s, gasLimit, observe)
	if err != nil {
		return nil, err
	}
	if metered {
		sb.Metering = metering.DefaultTable
	}
	return &wazeroEngine{sb: sb}, nil
}

func (e *wazeroEngine) Load(wasm []byte, stdout, stderr *os.File) (err error) {
	e.mod, err = e.sb.Load(wasm, stdout, stderr)
	return err
}

func (e *wazeroEngine) CallExport(name string, args ...uint64) ([]uint64, error) {
	return e.sb.CallExport(e.mod, name, args...)
}

func (e *wazeroEngine) GasLeft() uint64 { return e.sb.Meter.Left }
func (e *wazeroEngine) Close()          { e.sb.Close() }

// openEngine opens the engine named by --engine: wazero, or one the build
// added to Env.Engines.
func openEngine(ctx context.Context, env *Env, name string, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation), metered bool) (Engine, error) {
	if name == "" || name == "wazero" {
		return openWazero(ctx, s, gasLimit, observe, metered)
	}
	if f, ok := env.Engines[name]; ok {
		return f(ctx, s, gasLimit, observe, metered)
	}
	names := []string{"wazero"}
	for n := range env.Engines {
		names = append(names, n)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("engine %q is not built into this binary (have: %s; wasmtime: go build ./wasmbridge/wasmtime/cmd/hostcrypto)", name, strings.Join(names, ", "))
}
