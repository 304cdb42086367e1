// Package wasmbridge exports a hostcrypto catalogue to WebAssembly guests
// running under wazero, as the host module "hostcrypto": the full catalogue
// (hostcrypto.Catalogue()) unless WithCatalogue gives another, every
// function under its own name unless WithExports picks names (a profile's,
// e.g. the Dusk profile's module "dusk"). Instantiation fails when an
// export is not in the catalogue or not priced by the schedule.
//
// Every function has one signature:
//
//	(in_ptr, in_len, out_ptr, out_cap i32) -> i32
//
// A non-negative result is the number of output bytes written at out_ptr; a
// negative one is a core.Code (malformed input, invalid point, ...). A
// failed verification is not an error: it writes one byte, 0x00.
//
// Per call, in this order: the input and output ranges are bounds-checked
// against guest memory (trap: *MemoryError); the output capacity is checked
// (returns core.CodeOutputTooSmall, no gas charged); the price is computed
// from the input alone and charged to the gas meter (trap: *OutOfGasError,
// nothing charged, nothing written); then the function runs and its output
// is copied to out_ptr. Traps surface from wazero's api.Function.Call as
// errors that errors.As matches. No panic from a function escapes; the steady
// state allocates nothing.
//
// The gas meter comes from the call's context (WithGasMeter) or the
// WithDefaultMeter option; with neither, the call traps (*MeterError): a
// consensus host must decide its budget explicitly.
//
// The bridge holds no wazero state of its own beyond the host module, so a
// second engine can be added as another thin adapter over core.
package wasmbridge

import (
	"context"
	"fmt"
	"sort"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

// ModuleName is the import module guests use.
const ModuleName = "hostcrypto"

// GasMeter is the embedder's gas meter: Remaining, and Consume which fails
// (consuming nothing) when the amount exceeds what remains.
type GasMeter = core.Meter

type meterKey struct{}

// WithGasMeter returns a context carrying m for the calls made under it.
func WithGasMeter(ctx context.Context, m GasMeter) context.Context {
	return context.WithValue(ctx, meterKey{}, m)
}

// The trap kinds, shared by every engine adapter (see package hostabi).
type (
	// OutOfGasError is the trap raised when a call, or a block of metered
	// guest code, costs more than remains.
	OutOfGasError = hostabi.OutOfGasError
	// MemoryError is the trap raised when a pointer/length pair does not lie
	// inside the guest's memory (including pairs whose sum wraps 32 bits).
	MemoryError = hostabi.MemoryError
	// MeterError is the trap raised when no gas meter is configured.
	MeterError = hostabi.MeterError
	// HostError is the trap raised when the host, not the contract, is at fault.
	HostError = hostabi.HostError
)

// Observation is what an Observer sees of one completed (non-trapping) call.
type Observation = hostabi.Observation

type config struct {
	module    string
	schedule  *core.Schedule
	catalogue *core.Catalogue
	meter     GasMeter
	exports   map[string]string // export name -> function name
	observer  func(Observation)
}

// Option configures the host module.
type Option func(*config)

// WithSchedule prices calls with s (default: gas.Default).
func WithSchedule(s *core.Schedule) Option { return func(c *config) { c.schedule = s } }

// WithCatalogue serves the functions of cat (default: the full catalogue,
// hostcrypto.Catalogue()), e.g. a profile's: dusk.Profile{...}.Catalogue(),
// core.MustCatalogue(evm.Funcs()...).
func WithCatalogue(cat *core.Catalogue) Option { return func(c *config) { c.catalogue = cat } }

// WithDefaultMeter uses m when the call's context carries no meter.
func WithDefaultMeter(m GasMeter) Option { return func(c *config) { c.meter = m } }

// WithModuleName sets the import module name (default "hostcrypto").
func WithModuleName(name string) Option { return func(c *config) { c.module = name } }

// WithExports exports exactly the given functions, under the given names
// (export name -> catalogue name), instead of the whole catalogue under its
// own names. Profiles such as Dusk's use it to export rusk's names. Every
// catalogue name must be in the catalogue.
func WithExports(m map[string]string) Option { return func(c *config) { c.exports = m } }

// WithObserver calls f after every completed call (for demos and tracing; it
// costs a clock read per call).
func WithObserver(f func(Observation)) Option { return func(c *config) { c.observer = f } }

// NewHostModuleBuilder returns a builder with every selected function
// defined, ready for Instantiate. It fails when an export names a function
// that is not in the catalogue, or when the schedule does not price an
// exported function that has no gas rule of its own: a contract would link
// and then fail every call.
func NewHostModuleBuilder(r wazero.Runtime, opts ...Option) (wazero.HostModuleBuilder, error) {
	c := config{module: ModuleName, schedule: gas.Default, catalogue: hostcrypto.Catalogue()}
	for _, o := range opts {
		o(&c)
	}
	b := r.NewHostModuleBuilder(c.module)
	exports := c.exports
	if exports == nil {
		exports = map[string]string{}
		for _, f := range c.catalogue.Funcs() {
			exports[f.Name] = f.Name
		}
	}
	if c.catalogue == nil || c.schedule == nil {
		return nil, fmt.Errorf("wasmbridge: nil catalogue or schedule")
	}
	names := make([]string, 0, len(exports))
	for export := range exports {
		names = append(names, export)
	}
	sort.Strings(names) // deterministic errors and export order
	for _, export := range names {
		name := exports[export]
		f, ok := c.catalogue.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("wasmbridge: export %q: no function %q in the catalogue", export, name)
		}
		// The price is resolved once; a schedule that does not price an
		// exported function refuses the module.
		if _, err := c.schedule.Price(f); err != nil {
			return nil, fmt.Errorf("wasmbridge: export %q: %w", export, err)
		}
		h := &hostFunc{h: hostabi.NewFunc(f, c.schedule, c.observer), cfg: &c}
		b.NewFunctionBuilder().
			WithGoModuleFunction(h, i32x4, i32x1).
			WithParameterNames("in_ptr", "in_len", "out_ptr", "out_cap").
			WithResultNames("n_or_code").
			Export(export)
	}
	return b, nil
}

// Instantiate defines and instantiates the host module in r.
func Instantiate(ctx context.Context, r wazero.Runtime, opts ...Option) (api.Module, error) {
	b, err := NewHostModuleBuilder(r, opts...)
	if err != nil {
		return nil, err
	}
	return b.Instantiate(ctx)
}

var (
	i32x4 = []api.ValueType{api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32}
	i32x1 = []api.ValueType{api.ValueTypeI32}
)

type hostFunc struct {
	h   *hostabi.Func
	cfg *config
}

// Call implements api.GoModuleFunction: decode, then the engine-neutral
// steps of hostabi.Func.Call; a trap is raised as a panic, which wazero
// returns from api.Function.Call as an error that errors.As matches.
func (h *hostFunc) Call(ctx context.Context, mod api.Module, stack []uint64) {
	m, _ := ctx.Value(meterKey{}).(GasMeter)
	if m == nil {
		m = h.cfg.meter
	}
	res, err := h.h.Call(memoryView(mod), api.DecodeU32(stack[0]), api.DecodeU32(stack[1]),
		api.DecodeU32(stack[2]), api.DecodeU32(stack[3]), m)
	if err != nil {
		panic(err)
	}
	stack[0] = api.EncodeI32(res)
}

// memoryView returns the guest's whole linear memory (no copy), or nil.
func memoryView(mod api.Module) []byte {
	mem := mod.Memory()
	if mem == nil {
		return nil
	}
	size := mem.Size()
	if size == 0 {
		// Size is a uint32: a full 4 GiB memory reports 0. Serve all but
		// its last byte rather than nothing.
		if pages, ok := mem.Grow(0); ok && pages != 0 {
			size = 1<<32 - 1
		}
	}
	view, _ := mem.Read(0, size)
	if view == nil {
		view = []byte{}
	}
	return view
}
