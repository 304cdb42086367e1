// Package wasmbridge exports the hostcrypto catalogue to WebAssembly guests
// running under wazero, as the host module "hostcrypto".
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
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

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
type Observation struct {
	Function string
	InLen    int
	Output   []byte // valid only during the callback
	Gas      uint64
	Code     core.Code // 0 on success
	Duration time.Duration
}

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

// WithCatalogue serves c instead of core.Default.
func WithCatalogue(cat *core.Catalogue) Option { return func(c *config) { c.catalogue = cat } }

// WithDefaultMeter uses m when the call's context carries no meter.
func WithDefaultMeter(m GasMeter) Option { return func(c *config) { c.meter = m } }

// WithModuleName sets the import module name (default "hostcrypto").
func WithModuleName(name string) Option { return func(c *config) { c.module = name } }

// WithExports exports exactly the given functions, under the given names
// (export name -> catalogue name), instead of the whole catalogue under its
// own names. Profiles such as Dusk's use it to export rusk's names.
func WithExports(m map[string]string) Option { return func(c *config) { c.exports = m } }

// WithObserver calls f after every completed call (for demos and tracing; it
// costs a clock read per call).
func WithObserver(f func(Observation)) Option { return func(c *config) { c.observer = f } }

// NewHostModuleBuilder returns a builder with every selected function
// defined, ready for Instantiate.
func NewHostModuleBuilder(r wazero.Runtime, opts ...Option) (wazero.HostModuleBuilder, error) {
	c := config{module: ModuleName, schedule: gas.Default, catalogue: core.Default}
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
	for export, name := range exports {
		f, ok := c.catalogue.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("wasmbridge: export %q: no function %q", export, name)
		}
		h := &hostFunc{f: f, cfg: &c}
		// Resolve the price once. A function the schedule does not price
		// is still exported; its calls return CodeUnsupported.
		h.price, h.priceErr = c.schedule.Pricer(f)
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

// scratch holds output buffers between calls, so that the function never
// writes guest memory directly (input and output may overlap) and the
// steady state does not allocate.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxPooled bounds the buffers kept for reuse.
const maxPooled = 1 << 16

type hostFunc struct {
	f        *core.Func
	cfg      *config
	price    func(in []byte) uint64
	priceErr error
}

// Call implements api.GoModuleFunction.
func (h *hostFunc) Call(ctx context.Context, mod api.Module, stack []uint64) {
	inPtr, inLen := api.DecodeU32(stack[0]), api.DecodeU32(stack[1])
	outPtr, outCap := api.DecodeU32(stack[2]), api.DecodeU32(stack[3])
	mem := mod.Memory()
	if mem == nil {
		panic(&MemoryError{Function: h.f.Name, What: "memory"})
	}
	in, ok := mem.Read(inPtr, inLen)
	if !ok {
		panic(&MemoryError{Function: h.f.Name, What: "input", Ptr: inPtr, Len: inLen})
	}
	outView, ok := mem.Read(outPtr, outCap)
	if !ok {
		panic(&MemoryError{Function: h.f.Name, What: "output", Ptr: outPtr, Len: outCap})
	}
	if h.f.OutSize(in) > int(outCap) {
		stack[0] = api.EncodeI32(int32(core.CodeOutputTooSmall))
		return
	}
	m, _ := ctx.Value(meterKey{}).(GasMeter)
	if m == nil {
		m = h.cfg.meter
		if m == nil {
			panic(&MeterError{Function: h.f.Name})
		}
	}
	if h.priceErr != nil {
		stack[0] = api.EncodeI32(int32(core.CodeOf(h.priceErr)))
		return
	}
	price := h.price(in)
	if m.Consume(price) != nil {
		panic(&OutOfGasError{Function: h.f.Name, Price: price, Remaining: m.Remaining()})
	}
	var start time.Time
	if h.cfg.observer != nil {
		start = time.Now()
	}
	bp := scratch.Get().(*[]byte)
	out, err := core.Execute(h.f, (*bp)[:0], in)
	var res int32
	if err != nil {
		res = int32(core.CodeOf(err))
	} else if len(out) > int(outCap) {
		// OutLen under-estimated: a bug in the descriptor, never a partial write.
		res = int32(core.CodeInternal)
	} else {
		res = int32(copy(outView, out))
	}
	if h.cfg.observer != nil {
		code := core.Code(0)
		if res < 0 {
			code = core.Code(res)
		}
		h.cfg.observer(Observation{Function: h.f.Name, InLen: len(in), Output: out, Gas: price, Code: code, Duration: time.Since(start)})
	}
	if cap(out) <= maxPooled {
		*bp = out[:0]
		scratch.Put(bp)
	}
	stack[0] = api.EncodeI32(res)
}
