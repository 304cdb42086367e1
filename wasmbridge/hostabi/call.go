package hostabi

import (
	"sync"
	"time"

	"github.com/hostcrypto/hostcrypto/core"
)

// Observation is what an observer sees of one completed (non-trapping) call.
type Observation struct {
	Function string
	InLen    int
	Output   []byte // valid only during the callback
	Gas      uint64
	Code     core.Code // 0 on success
	Duration time.Duration
}

// Func is one catalogue function bound to its price, ready to serve guest
// calls on any engine.
type Func struct {
	f        *core.Func
	name     string // the export name the guest imports
	price    core.Price
	priceErr error
	observer func(Observation)
}

// NewFunc resolves f's price under s once. A function the schedule does
// not price is still served; its calls return its status code
// (core.CodeUnsupported) and charge nothing. observe may be nil.
func NewFunc(f *core.Func, s *core.Schedule, observe func(Observation)) *Func {
	h := &Func{f: f, name: f.Name, observer: observe}
	h.price, h.priceErr = s.Price(f)
	return h
}

// Name returns the catalogue name of the function.
func (h *Func) Name() string { return h.f.Name }

// Range returns mem[ptr:ptr+n] if that range lies inside mem, computed in
// 64-bit arithmetic so that pairs whose sum wraps 32 bits fail.
func Range(mem []byte, ptr, n uint32) ([]byte, bool) {
	end := uint64(ptr) + uint64(n)
	if end > uint64(len(mem)) {
		return nil, false
	}
	return mem[ptr:end:end], true
}

// scratch holds output buffers between calls, so that the function never
// writes guest memory directly (input and output may overlap) and the
// steady state does not allocate.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxPooled bounds the buffers kept for reuse.
const maxPooled = 1 << 16

// Call serves one guest call (in_ptr, in_len, out_ptr, out_cap) -> i32 on
// guest memory mem (the engine's view of the whole linear memory) and
// meter m, in this order: bounds of both ranges (*MemoryError), output
// capacity (CodeOutputTooSmall, nothing charged), price and charge
// (*OutOfGasError, nothing charged or written; *MeterError if m is nil),
// execution with panics contained, copy out. It returns the byte count or
// a negative core.Code, or a non-nil trap the adapter must raise. The
// steady state allocates nothing.
func (h *Func) Call(mem []byte, inPtr, inLen, outPtr, outCap uint32, m core.Meter) (int32, error) {
	if mem == nil {
		return 0, &MemoryError{Function: h.name, What: "memory"}
	}
	in, ok := Range(mem, inPtr, inLen)
	if !ok {
		return 0, &MemoryError{Function: h.name, What: "input", Ptr: inPtr, Len: inLen}
	}
	outView, ok := Range(mem, outPtr, outCap)
	if !ok {
		return 0, &MemoryError{Function: h.name, What: "output", Ptr: outPtr, Len: outCap}
	}
	// The call is prepared once: a function that adapts its input
	// (core.Func.Adapt) converts it here, and the same bytes are sized,
	// priced and run.
	var c core.Call
	c.Prepare(h.f, in)
	if c.OutputSize() > int(outCap) {
		return int32(core.CodeOutputTooSmall), nil
	}
	if m == nil {
		return 0, &MeterError{Function: h.name}
	}
	if h.priceErr != nil {
		return int32(core.CodeOf(h.priceErr)), nil
	}
	price := h.price.Of(&c)
	if m.Consume(price) != nil {
		return 0, &OutOfGasError{Function: h.name, Price: price, Remaining: m.Remaining()}
	}
	var start time.Time
	if h.observer != nil {
		start = time.Now()
	}
	bp := scratch.Get().(*[]byte)
	out, err := c.Execute((*bp)[:0])
	var res int32
	if err != nil {
		res = int32(core.CodeOf(err))
	} else if len(out) > int(outCap) {
		// OutSize under-estimated: a bug in the descriptor, never a partial write.
		res = int32(core.CodeInternal)
	} else {
		res = int32(copy(outView, out))
	}
	if h.observer != nil {
		code := core.Code(0)
		if res < 0 {
			code = core.Code(res)
		}
		h.observer(Observation{Function: h.f.Name, InLen: len(in), Output: out, Gas: price, Code: code, Duration: time.Since(start)})
	}
	if cap(out) <= maxPooled {
		*bp = out[:0]
		scratch.Put(bp)
	}
	return res, nil
}
