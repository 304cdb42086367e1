package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// Sandbox is a wazero runtime with WASI and the hostcrypto module, ready
// for contracts.
type Sandbox struct {
	Ctx     context.Context
	Runtime wazero.Runtime
	Meter   *core.Budget
	// Metering, when set, makes Load instrument contracts so that their own
	// instructions are charged to Meter too (package metering).
	Metering *metering.Table

	gm *metering.Meter // Meter as host calls and metered guest code see it
}

// compiled is shared by every Sandbox of the process, so a contract loaded
// again (tests, benchmarks) is compiled once.
var compiled = wazero.NewCompilationCache()

// NewSandbox builds a runtime whose hostcrypto calls are priced by s and
// charged to a budget of gasLimit; observe may be nil.
func NewSandbox(ctx context.Context, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation)) (*Sandbox, error) {
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCompilationCache(compiled))
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		r.Close(ctx)
		return nil, err
	}
	opts := []wasmbridge.Option{wasmbridge.WithSchedule(s)}
	if observe != nil {
		opts = append(opts, wasmbridge.WithObserver(observe))
	}
	if _, err := wasmbridge.Instantiate(ctx, r, opts...); err != nil {
		r.Close(ctx)
		return nil, err
	}
	if _, err := wasmbridge.InstantiateMetering(ctx, r); err != nil {
		r.Close(ctx)
		return nil, err
	}
	m := &core.Budget{Left: gasLimit}
	gm := metering.NewMeter(m)
	return &Sandbox{Ctx: wasmbridge.WithGasMeter(ctx, gm), Runtime: r, Meter: m, gm: gm}, nil
}

// Load instantiates a contract. A reactor (exporting _initialize, as Go's
// -buildmode=c-shared writes) is initialised; a command's _start is left
// for the caller to run as an export.
func (s *Sandbox) Load(wasm []byte, stdout, stderr *os.File) (api.Module, error) {
	if s.Metering != nil {
		var err error
		if wasm, err = metering.Instrument(wasm, s.Metering); err != nil {
			return nil, err
		}
	}
	cfg := wazero.NewModuleConfig().WithStartFunctions().WithName("")
	// Plain writers, not the *os.File: the contract then sees the same
	// stdio (devices, wazero's default) whatever the files are, and takes
	// the same path, and gas, on every machine and engine.
	if stdout != nil {
		cfg = cfg.WithStdout(struct{ io.Writer }{stdout})
	}
	if stderr != nil {
		cfg = cfg.WithStderr(struct{ io.Writer }{stderr})
	}
	mod, err := s.Runtime.InstantiateWithConfig(s.Ctx, wasm, cfg)
	err = s.gm.Done(err)
	if err != nil {
		return nil, err
	}
	if s.Metering != nil {
		if err := wasmbridge.BindMeter(s.gm, mod); err != nil {
			return nil, err
		}
	}
	if init := mod.ExportedFunction("_initialize"); init != nil {
		_, err := init.Call(s.Ctx)
		if err = s.gm.Done(err); err != nil {
			return nil, fmt.Errorf("_initialize: %w", err)
		}
	}
	return mod, nil
}

// Close releases the runtime.
func (s *Sandbox) Close() { s.Runtime.Close(s.Ctx) }

// CallExport runs one export with integer arguments. A command's exit(0)
// is success.
func (s *Sandbox) CallExport(mod api.Module, name string, args ...uint64) ([]uint64, error) {
	fn := mod.ExportedFunction(name)
	if fn == nil {
		return nil, fmt.Errorf("contract has no export %q", name)
	}
	res, err := fn.Call(s.Ctx, args...)
	err = s.gm.Done(err)
	var exit *sys.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 0 {
		err = nil
	}
	return res, err
}

func cmdRun(env *Env, args []string) int {
	fs := newFlags(env, "run")
	var c common
	c.add(fs)
	gasLimit := fs.Uint64("gas", 10_000_000_000, "gas budget for the whole run")
	trace := fs.Bool("trace", false, "print every host call")
	meter := fs.Bool("meter", true, "charge the contract's own instructions too (docs/metering.md), so a looping contract runs out of gas")
	engine := fs.String("engine", "wazero", "WebAssembly engine: wazero, or wasmtime in the wasmtime build")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) < 2 {
		fmt.Fprintln(env.Stderr, "usage: hostcrypto run CONTRACT.wasm EXPORT [ARGS...] [--gas N]")
		return 2
	}
	sched, ok := c.apply(env)
	if !ok {
		return 2
	}
	wasm, err := os.ReadFile(pos[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	var params []uint64
	for _, a := range pos[2:] {
		v, err := strconv.ParseInt(a, 0, 64)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hostcrypto: argument %q is not an integer\n", a)
			return 2
		}
		params = append(params, uint64(v))
	}
	var observe func(wasmbridge.Observation)
	if *trace {
		observe = func(o wasmbridge.Observation) { printObservation(env, o) }
	}
	eng, err := openEngine(env, *engine, sched, *gasLimit, observe, *meter)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	defer eng.Close()
	if err := eng.Load(wasm, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: loading contract:", err)
		return 1
	}
	start := time.Now()
	res, err := eng.CallExport(pos[1], params...)
	used := *gasLimit - eng.GasLeft()
	if err != nil {
		fmt.Fprintf(env.Stdout, "trap: %v\n", firstLine(err))
		fmt.Fprintf(env.Stdout, "gas used %d of %d, %v\n", used, *gasLimit, time.Since(start).Round(time.Microsecond))
		return 1
	}
	fmt.Fprintf(env.Stdout, "result %v\ngas used %d of %d, %v\n", res, used, *gasLimit, time.Since(start).Round(time.Microsecond))
	return 0
}

func printObservation(env *Env, o wasmbridge.Observation) {
	status := "ok " + shortHex(o.Output)
	if o.Code != 0 {
		status = fmt.Sprintf("status %d (%s)", int32(o.Code), o.Code)
	}
	fmt.Fprintf(env.Stdout, "  host %-24s in %6d B  gas %10d  %9v  %s\n", o.Function, o.InLen, o.Gas, o.Duration.Round(100*time.Nanosecond), status)
}

func shortHex(b []byte) string {
	if len(b) > 24 {
		return hex.EncodeToString(b[:24]) + "..."
	}
	return hex.EncodeToString(b)
}

func firstLine(err error) string {
	s := err.Error()
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}

func cmdDemo(env *Env, args []string) int {
	fs := newFlags(env, "demo")
	gasLimit := fs.Uint64("gas", 50_000_000, "gas budget for the demo's main run")
	engine := fs.String("engine", "wazero", "WebAssembly engine: wazero, or wasmtime in the wasmtime build")
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if len(env.DemoWasm) == 0 {
		fmt.Fprintln(env.Stderr, "hostcrypto: no demo contract embedded")
		return 1
	}
	sched, _ := (&common{schedule: "default"}).apply(env)
	fmt.Fprintf(env.Stdout, "hostcrypto demo: a Go wasip1 contract (%d KiB, embedded) calls host functions under %s.\n", len(env.DemoWasm)>>10, *engine)
	fmt.Fprintf(env.Stdout, "schedule %q, gas budget %d for host calls and the contract's own instructions (metered);\neach host call shows: function, input size, gas, time, result.\n\n", sched.Name, *gasLimit)
	observe := func(o wasmbridge.Observation) { printObservation(env, o) }
	eng, err := openEngine(env, *engine, sched, *gasLimit, observe, true)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	defer eng.Close()
	if err := eng.Load(env.DemoWasm, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: loading demo:", err)
		return 1
	}
	start := time.Now()
	res, err := eng.CallExport("run")
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: demo run:", firstLine(err))
		return 1
	}
	used := *gasLimit - eng.GasLeft()
	fmt.Fprintf(env.Stdout, "\nrun: %d calls succeeded; gas used %d of %d; %v\n", res[0], used, *gasLimit, time.Since(start).Round(time.Microsecond))

	// The same contract hashing 32 KiB blocks in a loop, with a small budget:
	// the host traps the call that would overdraw, before doing its work.
	const small = 5_000_000 // the Go runtime's own start-up takes about 2 million
	eng2, err := openEngine(env, *engine, sched, small, nil, true)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	defer eng2.Close()
	if err := eng2.Load(env.DemoWasm, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: loading demo:", err)
		return 1
	}
	_, err = eng2.CallExport("exhaust")
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) {
		fmt.Fprintln(env.Stderr, "hostcrypto: exhaust did not run out of gas:", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "exhaust: hashing 32 KiB blocks with a budget of %d: trapped after %d gas: %v\n", small, small-eng2.GasLeft(), oog)
	return 0
}
