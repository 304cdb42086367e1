package core

// DefaultMaxInput is the input limit of a function that sets none: 1 MiB.
const DefaultMaxInput = 1 << 20

// Func describes one host function: its name, documented encoding, gas
// inputs and implementation. A family package declares each of its
// functions as an exported package-level value (hash.SHA256) with every
// field, examples included, set in the literal; descriptors are not
// modified after package initialisation.
type Func struct {
	// Name is the catalogue name ("sha256", "bn254_pairing_check",
	// "evm:0x08", "dusk:hash").
	Name string
	// Family groups functions for docs and benchmarks ("hash", "curve",
	// "signature", "zk", "evm", "dusk", ...).
	Family string
	// Input and Output document the byte encodings, with the spec they follow.
	Input, Output string
	// MaxInput is the largest accepted input in bytes (0: DefaultMaxInput).
	MaxInput int
	// OutLen returns the number of bytes Run will append for this input,
	// or an upper bound. It must be cheap and must not fail: engines use it
	// to check the caller's buffer before charging gas. Nil means Output is
	// fixed at FixedOut bytes.
	OutLen func(in []byte) int
	// FixedOut is the output size when OutLen is nil.
	FixedOut int
	// Items counts the items the gas rule's PerItem multiplies (pairs,
	// points, keys, inputs), from the input's length or a count header only.
	// It must be cheap and total: for malformed input return a best effort
	// (it is charged before the input is rejected). Nil means 0.
	Items func(in []byte) uint64
	// Gas, when set, is the function's own gas rule (profile-defined, e.g.
	// the EVM precompiles' go-ethereum gas) and overrides the schedule.
	Gas func(in []byte) uint64
	// Primitives names the dispatch primitives whose implementation can
	// serve this function; `hostcrypto list` reports them.
	Primitives []string
	// Targets are the functions this one forwards to (a profile function
	// such as evm:0x02 -> sha256, or dusk:verify_bls ->
	// bls12381_verify_dusk), held as values: the profile links them at
	// compile time. Backends follows them to their primitives.
	Targets []*Func
	// Examples returns deterministic, well-formed inputs for benchmarks,
	// gas calibration and fuzz seeds: typical ones, and for each size the
	// input shape that costs the most time (Worst), at several sizes so
	// that calibration can separate base, per-byte and per-item cost.
	Examples func() []Example
	// Run appends the output for in to dst and returns it. It must not
	// retain in or dst, must not panic on any input, and must be
	// deterministic: same output bytes and error code on every backend.
	// Nil when Adapt is set.
	Run func(dst, in []byte) ([]byte, error)
	// Adapt, when set, makes this function Targets[0] on a rearranged
	// input (a chain profile's argument order): Adapt converts the
	// caller's input into the target's, or fails. A call converts its
	// input once (Call.Prepare) and the target sizes, counts and runs those
	// bytes; the price is still this function's (its Gas, or its rule on
	// the caller's input length and the target's item count of the
	// converted input). A failed conversion sizes and counts as 0 and is
	// the call's status once gas is charged. Adapt runs before gas is
	// charged, so it must be cheap (linear in the input, like a copy; work
	// that decodes belongs in a Run), total, deterministic, and must not
	// retain or modify in (it may return it).
	// OutLen, FixedOut, Items and Run are unused and left unset.
	Adapt func(in []byte) ([]byte, error)
}

// Example is one named input of a function.
type Example struct {
	Name  string // e.g. "32B", "2pairs", "64keys"
	Input []byte
	// Worst marks the most expensive shape for its size: calibration
	// fits gas to these.
	Worst bool
}

// InputLimit returns the effective input limit: MaxInput, or
// DefaultMaxInput when MaxInput is 0.
func (f *Func) InputLimit() int {
	if f.MaxInput > 0 {
		return f.MaxInput
	}
	return DefaultMaxInput
}

// OutputSize returns the output size (or bound) for in: OutLen(in), or
// FixedOut when OutLen is nil; for a function with Adapt, its target's
// on the converted input (0 when the conversion fails).
func (f *Func) OutputSize(in []byte) int {
	if f.Adapt != nil {
		return f.adaptedOutputSize(in)
	}
	if f.OutLen != nil {
		return f.OutLen(in)
	}
	return f.FixedOut
}

// ItemCount returns the gas item count for in: Items(in), or 0 when Items
// is nil; for a function with Adapt, its target's on the converted input
// (0 when the conversion fails).
func (f *Func) ItemCount(in []byte) uint64 {
	if f.Adapt != nil {
		return f.adaptedItemCount(in)
	}
	if f.Items == nil {
		return 0
	}
	return f.Items(in)
}

// Verdict returns the one-byte result of a verification function:
// 0x01 valid, 0x00 invalid.
func Verdict(dst []byte, ok bool) []byte {
	if ok {
		return append(dst, 1)
	}
	return append(dst, 0)
}
