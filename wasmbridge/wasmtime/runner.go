package wasmtime

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	wt "github.com/bytecodealliance/wasmtime-go/v39"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// Runner is one contract instance under wasmtime with deterministic WASI
// (DefineWASI), the host module and metering: the wasmtime counterpart of
// the CLI's wazero Sandbox.
type Runner struct {
	Engine   *wt.Engine
	Store    *wt.Store
	Linker   *wt.Linker
	Instance *wt.Instance
	// Meter is the budget host calls and metered guest code draw on.
	Meter *core.Budget
	// Metering, when set before Load, instruments the contract so that its
	// own instructions are charged too.
	Metering *metering.Table

	gm        *metering.Meter
	ownEngine bool
	cache     map[[32]byte]*wt.Module
}

// Compiler is a wasmtime engine with the modules it has compiled, to share
// between runners (compiling a Go contract takes seconds).
type Compiler struct {
	Engine  *wt.Engine
	modules map[[32]byte]*wt.Module
}

// NewCompiler returns a compiler with a fresh default engine.
func NewCompiler() *Compiler {
	return &Compiler{Engine: wt.NewEngine(), modules: map[[32]byte]*wt.Module{}}
}

// NewRunner returns a runner whose calls are priced by s and charged to a
// budget of gasLimit. stdout and stderr may be nil (discard).
func NewRunner(s *core.Schedule, gasLimit uint64, observe func(hostabi.Observation), stdout, stderr io.Writer, opts ...Option) (*Runner, error) {
	r, err := NewRunnerWith(nil, s, gasLimit, observe, stdout, stderr, opts...)
	if r != nil {
		r.ownEngine = true
	}
	return r, err
}

// NewRunnerWith is NewRunner on a shared Compiler (nil: a new engine of its
// own).
func NewRunnerWith(c *Compiler, s *core.Schedule, gasLimit uint64, observe func(hostabi.Observation), stdout, stderr io.Writer, opts ...Option) (*Runner, error) {
	if c == nil {
		c = NewCompiler()
	}
	e := c.Engine
	b := &core.Budget{Left: gasLimit}
	gm := metering.NewMeter(b)
	store := NewStore(e, gm)
	l := wt.NewLinker(e)
	DefineWASI(l, store, stdout, stderr)
	opts = append([]Option{WithSchedule(s)}, opts...)
	if observe != nil {
		opts = append(opts, WithObserver(observe))
	}
	if err := Define(l, opts...); err != nil {
		return nil, err
	}
	return &Runner{Engine: e, Store: store, Linker: l, Meter: b, gm: gm, cache: c.modules}, nil
}

// Load compiles and instantiates a contract, instrumenting it first if
// Metering is set, and runs a reactor's _initialize.
func (r *Runner) Load(wasm []byte) error {
	if r.Metering != nil {
		var err error
		if wasm, err = metering.Instrument(wasm, r.Metering); err != nil {
			return err
		}
	}
	key := sha256.Sum256(wasm)
	mod := r.cache[key]
	if mod == nil {
		var err error
		if mod, err = wt.NewModule(r.Engine, wasm); err != nil {
			return err
		}
		r.cache[key] = mod
	}
	d := DataOf(r.Store)
	d.trap, d.exit = nil, nil
	inst, err := r.Linker.Instantiate(r.Store, mod)
	if err = finish(d, err); err != nil {
		return err
	}
	r.Instance = inst
	if ext := inst.GetExport(r.Store, "memory"); ext != nil && ext.Memory() != nil {
		d.SetMemory(ext.Memory())
	}
	if r.Metering != nil {
		if err := BindMeter(r.Store, r.gm, inst); err != nil {
			return err
		}
	}
	if f := inst.GetFunc(r.Store, "_initialize"); f != nil {
		if _, err := Call(r.Store, f); err != nil {
			return fmt.Errorf("_initialize: %w", err)
		}
	}
	return nil
}

// CallExport runs one export with integer arguments; proc_exit(0) is
// success.
func (r *Runner) CallExport(name string, args ...uint64) ([]uint64, error) {
	f := r.Instance.GetFunc(r.Store, name)
	if f == nil {
		return nil, fmt.Errorf("contract has no export %q", name)
	}
	res, err := Call(r.Store, f, args...)
	var exit *ExitError
	if errors.As(err, &exit) && exit.Code == 0 {
		err = nil
	}
	return res, err
}

// Memory returns the contract's exported memory (a view; nil if none).
func (r *Runner) Memory() []byte {
	ext := r.Instance.GetExport(r.Store, "memory")
	if ext == nil || ext.Memory() == nil {
		return nil
	}
	return ext.Memory().UnsafeData(r.Store)
}

// Close releases the store and engine.
func (r *Runner) Close() {
	r.Linker.Close()
	r.Store.Close()
	if r.ownEngine {
		r.Engine.Close()
	}
}
