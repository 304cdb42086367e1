// Package wasmtime serves the hostcrypto catalogue to WebAssembly guests
// running under wasmtime (github.com/bytecodealliance/wasmtime-go, cgo),
// with the same import modules ("hostcrypto", or a profile's such as
// "dusk"), ABI, answers, gas and traps as package wasmbridge does under
// wazero: both adapters decode the four i32 arguments and hand the rest to
// wasmbridge/hostabi.
//
// It lives in its own Go module so that the main module stays free of cgo
// and of wasmtime's static library.
//
// wasmtime reports a host trap to the embedder as text. The adapter keeps
// the typed error (*hostabi.OutOfGasError, *hostabi.MemoryError, ...) in the
// store's data and Call returns it, so errors.As works as with wazero.
// Engine fuel and epoch deadlines are not the gas unit: instruction gas
// comes from package metering, identical on both engines; an embedder may
// still set an epoch deadline as a wall-clock safety net.
package wasmtime

import (
	"errors"
	"fmt"
	"strings"

	wt "github.com/bytecodealliance/wasmtime-go/v39"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// ModuleName is the default import module.
const ModuleName = "hostcrypto"

// Data is the store data the adapter uses: create stores with NewStore.
type Data struct {
	// Meter is charged by host calls. A *metering.Meter also serves the
	// metered guest code of the instance it is bound to (BindMeter).
	Meter core.Meter

	memory *wt.Memory // the contract's memory, when the store serves one instance

	trap   error      // the typed trap of the last failed call
	exit   *ExitError // proc_exit
	caller *wt.Caller // the current host call's caller, for global access
	store  *wt.Store  // the store, for global access outside host calls
	wasi   *wasiState
}

// NewStore returns a store whose data is a *Data charging m.
func NewStore(e *wt.Engine, m core.Meter) *wt.Store {
	d := &Data{Meter: m}
	s := wt.NewStoreWithData(e, d)
	d.store = s
	return s
}

// DataOf returns the adapter's data of a store made by NewStore.
func DataOf(s wt.Storelike) *Data {
	d, _ := s.Data().(*Data)
	return d
}

// SetMemory tells the adapter which memory the store's (one) contract
// exports, sparing a look-up of the export, which allocates, on every call.
// Leave it unset when one store serves several instances. Runner sets it.
func (d *Data) SetMemory(m *wt.Memory) { d.memory = m }

// guestMemory returns the calling guest's memory (no copy), or nil.
func guestMemory(c *wt.Caller, d *Data) []byte {
	if d != nil && d.memory != nil {
		if b := d.memory.UnsafeData(c); b != nil {
			return b
		}
		return []byte{}
	}
	return memory(c)
}

// ExitError is returned by Call when the guest called WASI proc_exit.
type ExitError struct{ Code uint32 }

func (e *ExitError) Error() string { return fmt.Sprintf("wasm guest exited with code %d", e.Code) }

type config struct {
	module    string
	schedule  *core.Schedule
	catalogue *core.Catalogue
	exports   map[string]string
	observer  func(hostabi.Observation)
}

// Option configures the host module (the same options as wasmbridge's).
type Option func(*config)

// WithSchedule prices calls with s (default: gas.Default).
func WithSchedule(s *core.Schedule) Option { return func(c *config) { c.schedule = s } }

// WithCatalogue serves cat instead of the full catalogue (hostcrypto.Catalogue).
func WithCatalogue(cat *core.Catalogue) Option { return func(c *config) { c.catalogue = cat } }

// WithModuleName sets the import module name (default "hostcrypto").
func WithModuleName(name string) Option { return func(c *config) { c.module = name } }

// WithExports exports exactly the given functions (export name ->
// catalogue name).
func WithExports(m map[string]string) Option { return func(c *config) { c.exports = m } }

// WithObserver calls f after every completed call.
func WithObserver(f func(hostabi.Observation)) Option { return func(c *config) { c.observer = f } }

// i32s returns n fresh i32 value types (wasmtime ties a type to the first
// engine that uses it, so types are made per definition).
func i32s(n int) []*wt.ValType {
	ts := make([]*wt.ValType, n)
	for i := range ts {
		ts[i] = wt.NewValType(wt.KindI32)
	}
	return ts
}

// Define defines the host module's functions in l, and the metering
// import (metering.ImportModule) unless it is already defined.
func Define(l *wt.Linker, opts ...Option) error {
	c := config{module: ModuleName, schedule: gas.Default, catalogue: hostcrypto.Catalogue()}
	for _, o := range opts {
		o(&c)
	}
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
			return fmt.Errorf("wasmbridge/wasmtime: export %q: no function %q", export, name)
		}
		h := hostabi.NewFunc(f, c.schedule, c.observer)
		if err := l.FuncNew(c.module, export, wt.NewFuncType(i32s(4), i32s(1)), hostCall(h)); err != nil {
			return err
		}
	}
	return DefineMetering(l)
}

// DefineMetering defines metering.ImportModule.ImportName in l (once).
func DefineMetering(l *wt.Linker) error {
	err := l.FuncNew(metering.ImportModule, metering.ImportName, wt.NewFuncType(nil, nil), outOfGas)
	if err != nil && isDuplicate(err) {
		return nil
	}
	return err
}

func isDuplicate(err error) bool {
	var e *wt.Error
	return errors.As(err, &e) && strings.Contains(e.Error(), "defined twice")
}

// memory returns the caller's exported memory (no copy), or nil.
func memory(c *wt.Caller) []byte {
	ext := c.GetExport("memory")
	if ext == nil {
		return nil
	}
	m := ext.Memory()
	if m == nil {
		return nil
	}
	b := m.UnsafeData(c)
	if b == nil {
		b = []byte{}
	}
	return b
}

// raise records err as the store's trap and returns the wasmtime trap.
func raise(d *Data, err error) *wt.Trap {
	if d != nil {
		d.trap = err
	}
	return wt.NewTrap(err.Error())
}

func hostCall(h *hostabi.Func) func(*wt.Caller, []wt.Val) ([]wt.Val, *wt.Trap) {
	return func(c *wt.Caller, args []wt.Val) ([]wt.Val, *wt.Trap) {
		d := DataOf(c)
		var m core.Meter
		if d != nil {
			m = d.Meter
			d.caller = c
			defer func() { d.caller = nil }()
		}
		res, err := h.Call(guestMemory(c, d), uint32(args[0].I32()), uint32(args[1].I32()), uint32(args[2].I32()), uint32(args[3].I32()), m)
		if err != nil {
			return nil, raise(d, err)
		}
		return []wt.Val{wt.ValI32(res)}, nil
	}
}

func outOfGas(c *wt.Caller, _ []wt.Val) ([]wt.Val, *wt.Trap) {
	d := DataOf(c)
	if d == nil {
		return nil, raise(nil, &hostabi.HostError{Function: metering.ImportName, Reason: "store not made by wasmbridge/wasmtime.NewStore"})
	}
	m, ok := d.Meter.(*metering.Meter)
	if !ok {
		return nil, raise(d, &hostabi.HostError{Function: metering.ImportName, Reason: "metered guest code ran without a *metering.Meter in the store data"})
	}
	d.caller = c
	defer func() { d.caller = nil }()
	if !m.Bound() {
		ext := c.GetExport(metering.GlobalExport)
		if ext == nil || ext.Global() == nil {
			return nil, raise(d, &hostabi.HostError{Function: metering.ImportName, Reason: "the module exports no " + metering.GlobalExport})
		}
		m.Bind(&global{g: ext.Global(), d: d})
	}
	if err := m.Refill(); err != nil {
		return nil, raise(d, err)
	}
	return nil, nil
}

// global adapts a wasmtime global to metering.Global: inside a host call it
// goes through the caller, otherwise through the store.
type global struct {
	g *wt.Global
	d *Data
}

func (g *global) ctx() wt.Storelike {
	if g.d.caller != nil {
		return g.d.caller
	}
	return g.d.store
}

func (g *global) Get() uint64  { return uint64(g.g.Get(g.ctx()).I64()) }
func (g *global) Set(v uint64) { g.g.Set(g.ctx(), wt.ValI64(int64(v))) }

// BindMeter binds m (the store's Meter) to the gas global of inst, an
// instance of a module rewritten by metering.Instrument.
func BindMeter(store *wt.Store, m *metering.Meter, inst *wt.Instance) error {
	ext := inst.GetExport(store, metering.GlobalExport)
	if ext == nil || ext.Global() == nil {
		return &hostabi.HostError{Function: metering.ImportName, Reason: "the module exports no " + metering.GlobalExport + " (not instrumented)"}
	}
	m.Bind(&global{g: ext.Global(), d: DataOf(store)})
	return nil
}

// Call calls fn with args and returns its results as wazero encodes them
// (i32 zero-extended, i64 as is, floats as bits are not supported here).
// A host trap comes back as its typed error, a guest that overdrew its
// metered gas as *hostabi.OutOfGasError, and proc_exit as *ExitError.
func Call(store *wt.Store, fn *wt.Func, args ...uint64) ([]uint64, error) {
	d := DataOf(store)
	ty := fn.Type(store)
	params := ty.Params()
	if len(args) != len(params) {
		return nil, fmt.Errorf("wasmbridge/wasmtime: %d arguments for %d parameters", len(args), len(params))
	}
	in := make([]any, len(args))
	for i, p := range params {
		switch p.Kind() {
		case wt.KindI32:
			in[i] = int32(uint32(args[i]))
		case wt.KindI64:
			in[i] = int64(args[i])
		default:
			return nil, fmt.Errorf("wasmbridge/wasmtime: parameter %d is not an integer", i)
		}
	}
	if d != nil {
		d.trap, d.exit = nil, nil
	}
	res, err := fn.Call(store, in...)
	err = finish(d, err)
	if err != nil {
		return nil, err
	}
	var out []uint64
	switch r := res.(type) {
	case nil:
	case int32:
		out = []uint64{uint64(uint32(r))}
	case int64:
		out = []uint64{uint64(r)}
	case []wt.Val:
		for _, v := range r {
			switch v.Kind() {
			case wt.KindI32:
				out = append(out, uint64(uint32(v.I32())))
			case wt.KindI64:
				out = append(out, uint64(v.I64()))
			default:
				return nil, errors.New("wasmbridge/wasmtime: non-integer result")
			}
		}
	default:
		return nil, errors.New("wasmbridge/wasmtime: non-integer result")
	}
	return out, nil
}

// finish settles a metered call and substitutes the typed error for
// wasmtime's text trap.
func finish(d *Data, err error) error {
	if d == nil {
		return err
	}
	if m, ok := d.Meter.(*metering.Meter); ok {
		err = m.Done(err)
	}
	if err == nil {
		return nil
	}
	if d.exit != nil {
		e := d.exit
		d.exit = nil
		return e
	}
	if d.trap != nil {
		e := d.trap
		d.trap = nil
		return e
	}
	return err
}
