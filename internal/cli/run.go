package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// Sandbox is a wazero runtime with WASI and the import modules "hostcrypto"
// (the catalogue under its own names) and "dusk" (rusk's host queries,
// dusk.Exports), ready for contracts.
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
//
// The runtime closes a module when ctx ends (wazero's
// WithCloseOnContextDone): give ctx a deadline to stop a contract that
// loops. Host calls are priced, guest instructions are not metered yet, so
// this wall-clock limit is the safety net against a guest that spins.
func NewSandbox(ctx context.Context, s *core.Schedule, gasLimit uint64, observe func(wasmbridge.Observation)) (*Sandbox, error) {
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCloseOnContextDone(true).WithCompilationCache(compiled))
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		r.Close(ctx)
		return nil, err
	}
	// Export what s prices (a partial schedule such as "dusk" leaves the
	// functions it does not price unexported).
	exports := map[string]string{}
	for _, f := range hostcrypto.Functions() {
		if _, err := s.Price(f); err == nil {
			exports[f.Name] = f.Name
		}
	}
	opts := []wasmbridge.Option{wasmbridge.WithSchedule(s), wasmbridge.WithExports(exports)}
	if observe != nil {
		opts = append(opts, wasmbridge.WithObserver(observe))
	}
	if _, err := wasmbridge.Instantiate(ctx, r, opts...); err != nil {
		r.Close(ctx)
		return nil, err
	}
	duskOpts := append(opts[:len(opts):len(opts)], wasmbridge.WithModuleName("dusk"), wasmbridge.WithExports(dusk.Exports()))
	if _, err := wasmbridge.Instantiate(ctx, r, duskOpts...); err != nil {
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
	c.add(fs.FlagSet)
	gasLimit := fs.Uint64("gas", 10_000_000_000, "gas budget for the whole run")
	timeout := fs.Duration("timeout", DefaultRunTimeout, "wall-clock limit for loading and running the contract (0: none); guest instructions are not metered, so this stops a contract that loops")
	trace := fs.Bool("trace", false, "print every host call")
	meter := fs.Bool("meter", true, "charge the contract's own instructions too (docs/metering.md), so a looping contract runs out of gas")
	engine := fs.String("engine", "wazero", "WebAssembly engine: wazero, or wasmtime in the wasmtime build")
	pos, err := fs.parse(args)
	if err != nil {
		return exitCode(err)
	}
	if len(pos) < 2 {
		fmt.Fprintln(env.Stderr, "hostcrypto: run takes CONTRACT.wasm and EXPORT")
		fs.usage()
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
	var observe func(wasmbridge.Observation)
	if *trace {
		observe = func(o wasmbridge.Observation) { printObservation(env, o) }
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	eng, err := openEngine(ctx, env, *engine, sched, *gasLimit, observe, *meter)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	defer eng.Close()
	if err := eng.Load(wasm, os.Stdout, os.Stderr); err != nil {
		if timedOut(err) {
			fmt.Fprintf(env.Stderr, "hostcrypto: loading contract: stopped after the --timeout of %v\n", *timeout)
			return 1
		}
		fmt.Fprintln(env.Stderr, "hostcrypto: loading contract:", err)
		return 1
	}
	paramTypes, resultTypes, ok := exportTypes(wasm, pos[1])
	if !ok {
		fmt.Fprintf(env.Stderr, "hostcrypto: contract has no export %q\n", pos[1])
		return 1
	}
	params, err := encodeArgs(paramTypes, pos[2:])
	if err != nil {
		fmt.Fprintf(env.Stderr, "hostcrypto: %s: %v\n", pos[1], err)
		return 2
	}
	start := time.Now()
	res, err := eng.CallExport(pos[1], params...)
	used := *gasLimit - eng.GasLeft()
	if err != nil {
		if timedOut(err) {
			fmt.Fprintf(env.Stdout, "trap: stopped after the --timeout of %v (the module was closed)\n", *timeout)
		} else {
			fmt.Fprintf(env.Stdout, "trap: %v\n", firstLine(err))
		}
		fmt.Fprintf(env.Stdout, "gas used %d of %d, %v\n", used, *gasLimit, time.Since(start).Round(time.Microsecond))
		return 1
	}
	fmt.Fprintf(env.Stdout, "result %s\ngas used %d of %d, %v\n", formatResults(resultTypes, res), used, *gasLimit, time.Since(start).Round(time.Microsecond))
	return 0
}

// DefaultRunTimeout is `hostcrypto run`'s wall-clock limit unless --timeout
// says otherwise.
const DefaultRunTimeout = 10 * time.Second

// timedOut reports whether err is wazero closing a module because its
// context's deadline passed.
func timedOut(err error) bool {
	var exit *sys.ExitError
	return errors.As(err, &exit) && exit.ExitCode() == sys.ExitCodeDeadlineExceeded
}

// encodeArgs turns the command-line arguments into an export's parameters
// by type: i32 accepts -2^31 .. 2^32-1 (so both signed and unsigned
// spellings work), i64 -2^63 .. 2^64-1, f32/f64 decimal numbers.
func encodeArgs(types []api.ValueType, args []string) ([]uint64, error) {
	if len(args) != len(types) {
		return nil, fmt.Errorf("takes %d arguments, got %d", len(types), len(args))
	}
	out := make([]uint64, len(args))
	for i, a := range args {
		t := types[i]
		switch t {
		case api.ValueTypeI32, api.ValueTypeI64:
			bits := 32
			if t == api.ValueTypeI64 {
				bits = 64
			}
			if v, err := strconv.ParseInt(a, 0, bits); err == nil {
				out[i] = uint64(v)
				if bits == 32 {
					out[i] = api.EncodeI32(int32(v))
				}
			} else if u, err := strconv.ParseUint(a, 0, bits); err == nil {
				out[i] = u
			} else {
				return nil, fmt.Errorf("argument %d (%s): %q is not a %d-bit integer", i+1, api.ValueTypeName(t), a, bits)
			}
		case api.ValueTypeF32:
			v, err := strconv.ParseFloat(a, 32)
			if err != nil {
				return nil, fmt.Errorf("argument %d (f32): %q is not a number", i+1, a)
			}
			out[i] = api.EncodeF32(float32(v))
		case api.ValueTypeF64:
			v, err := strconv.ParseFloat(a, 64)
			if err != nil {
				return nil, fmt.Errorf("argument %d (f64): %q is not a number", i+1, a)
			}
			out[i] = api.EncodeF64(v)
		default:
			return nil, fmt.Errorf("argument %d has type %s, which the command line cannot pass", i+1, api.ValueTypeName(t))
		}
	}
	return out, nil
}

// formatResults prints an export's results as it declares them: i32 and
// i64 as signed integers (wazero hands them over as raw uint64 bits).
func formatResults(types []api.ValueType, res []uint64) string {
	parts := make([]string, len(res))
	for i, v := range res {
		t := api.ValueTypeI64
		if i < len(types) {
			t = types[i]
		}
		switch t {
		case api.ValueTypeI32:
			parts[i] = strconv.FormatInt(int64(api.DecodeI32(v)), 10)
		case api.ValueTypeI64:
			parts[i] = strconv.FormatInt(int64(v), 10)
		case api.ValueTypeF32:
			parts[i] = strconv.FormatFloat(float64(api.DecodeF32(v)), 'g', -1, 32)
		case api.ValueTypeF64:
			parts[i] = strconv.FormatFloat(api.DecodeF64(v), 'g', -1, 64)
		default:
			parts[i] = fmt.Sprintf("%#x", v)
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
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
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	if len(env.DemoWasm) == 0 {
		fmt.Fprintln(env.Stderr, "hostcrypto: no demo contract embedded")
		return 1
	}
	sched, _ := (&common{schedule: "default"}).apply(env)
	fmt.Fprintf(env.Stdout, "hostcrypto demo: a Go wasip1 contract (%d KiB, embedded) calls host functions under %s.\n", len(env.DemoWasm)>>10, *engine)
	fmt.Fprintf(env.Stdout, "schedule %q, gas budget %d for host calls and the contract's own instructions (metered);\neach host call shows: function, input size, gas, time, result.\n\n", sched.Name, *gasLimit)
	observe := func(o wasmbridge.Observation) { printObservation(env, o) }
	eng, err := openEngine(context.Background(), env, *engine, sched, *gasLimit, observe, true)
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
	eng2, err := openEngine(context.Background(), env, *engine, sched, small, nil, true)
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

// exportTypes reads the parameter and result types of the contract's
// exported function name from the module itself (compiled, not run, by a
// throwaway wazero interpreter), whatever engine then runs it.
func exportTypes(wasm []byte, name string) (params, results []api.ValueType, ok bool) {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer r.Close(ctx)
	m, err := r.CompileModule(ctx, wasm)
	if err != nil {
		return nil, nil, false
	}
	d, ok := m.ExportedFunctions()[name]
	if !ok {
		return nil, nil, false
	}
	return d.ParamTypes(), d.ResultTypes(), true
}
