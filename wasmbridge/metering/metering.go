// Package metering makes WebAssembly guest code pay gas for the
// instructions it executes, deterministically and identically on every
// engine, by rewriting the module before it is compiled.
//
// Instrument parses a binary module and rewrites every function so that
// each metered block (see below) subtracts its static cost, from the table,
// from an added i64 local holding the gas left:
//
//	local.get $gas; i64.const C; i64.sub; local.set $gas
//
// The local is loaded from a mutable i64 global that the module exports as
// GlobalExport at function entry and after every call, and stored back to
// it before every call and exit, so that callees and host functions see it.
// Checks (gas < 0?) run at function entry, at every loop header, after
// every dynamic charge and before every exit, so no loop, call chain or
// bulk operation runs unpaid, and a run succeeds exactly when its total
// cost fits the budget:
//
//   - at function entry, after dynamic charges and at exits, a negative
//     value is stored and the imported function ImportModule.ImportName
//     () -> () is called. The host (Meter.Refill) charges the embedder's
//     meter for what the global lost, and either reloads the global with the
//     remaining balance and returns (the global was merely unloaded, as it
//     is between calls), or traps with *hostabi.OutOfGasError;
//   - at loop headers, a negative value is stored and the guest executes
//     unreachable. No call there: even on a cold path, a call inside a loop
//     makes optimising compilers spill the loop's registers (measured: 2-3x
//     the overhead). The entry check has loaded the global, so this is a
//     real overdraft, and Meter.Done turns the engine's trap into the
//     *hostabi.OutOfGasError.
//
// A guest that overdraws is charged all the gas that remained (so a run
// either completes within its budget or ends with the budget spent); a
// host call that does not fit is charged nothing, as before. One Meter
// serves both, so one budget covers guest instructions and host functions.
//
// Metered blocks. A block starts at function entry, after loop (a branch
// target), after if and else, after br_if (its fall-through), after the end
// of an if or of a block some branch targets, and after an unconditional
// transfer (br, br_table, return, unreachable; that code is dead until the
// next end). Code after the end of a loop, or of a block no branch
// targets, can only be reached by falling through, so it joins the block
// before it. Each block is charged its whole cost on entry. When guest code
// traps by itself (out-of-bounds access, unreachable, ...), what its
// innermost frame spent since it last stored the local (entry or its last
// call) is not charged; this is deterministic on every engine.
//
// Dynamic costs. memory.grow is charged Table.MemoryGrowPage per requested
// page, memory.copy, memory.fill and memory.init Table.BulkByte per byte,
// and table.grow, table.fill, table.copy and table.init Table.TableElem per
// element, each read from the operand on the stack just before the
// instruction runs (through an added i32 local), on top of the block's
// static charge, and checked before the instruction. A failing memory.grow
// has still paid.
//
// Supported: the MVP plus the post-MVP features that Go's wasip1 port,
// clang and rustc emit by default: multi-value, sign extension,
// non-trapping float-to-int conversion, bulk memory, reference types
// (several tables, ref.func, typed select), mutable globals and extended
// constant expressions. Anything else (SIMD, threads and atomics,
// exceptions, tail calls, memory64, multi-memory, GC types) is rejected
// with an error wrapping ErrUnsupported: a module is never run partly
// unmetered.
//
// Function indices shift by one because the import is added: calls,
// ref.func, exports, the start function, element segments, constant
// expressions and the name section (function and local names; label names
// are dropped) are rewritten.
package metering

import (
	"errors"
	"fmt"
)

// The names the instrumented module uses to reach the host.
const (
	// ImportModule and ImportName name the function the guest calls when its
	// gas global is negative at a function entry, dynamic charge or exit:
	// () -> ().
	ImportModule = "hostcrypto_metering"
	ImportName   = "out_of_gas"
	// GlobalExport is the exported mutable i64 global holding the gas the
	// guest may spend (-1 when unloaded).
	GlobalExport = "hostcrypto_gas_left"
)

// ErrUnsupported is wrapped by the errors of modules that use a feature
// the rewriter cannot meter.
var ErrUnsupported = errors.New("metering: unsupported WebAssembly feature")

// ErrMalformed is wrapped by the errors of modules that are not valid
// binary WebAssembly.
var ErrMalformed = errors.New("metering: malformed module")

// Table is the gas cost of each instruction class. One gas is 0.1 ns of
// CPU time on the reference machine, the unit of the default host-function
// schedule (docs/GAS.md); docs/metering.md gives the measurements behind
// DefaultTable.
type Table struct {
	Free uint64 // nop, block, loop, else, end: no machine code of their own

	Local        uint64 // local.get/set/tee, drop
	Const        uint64 // i32/i64/f32/f64.const, ref.null, ref.func
	Global       uint64 // global.get/set
	Simple       uint64 // integer add/sub/logic/shift/compare/eqz/clz/ctz/popcnt, select, sign extension, ref.is_null, wraps and extends
	Mul          uint64 // i32/i64.mul
	Div          uint64 // integer div/rem
	Float        uint64 // float add/sub/mul/min/max/abs/neg/copysign/compare/round, conversions and reinterpretations
	FDiv         uint64 // float div and sqrt
	Load         uint64 // every load
	Store        uint64 // every store
	Branch       uint64 // br, br_if, br_table, if, return, unreachable
	Call         uint64 // call
	CallIndirect uint64 // call_indirect (type check + table load)
	Table        uint64 // table.get/set/size, data.drop, elem.drop
	MemorySize   uint64 // memory.size

	MemoryGrow     uint64 // memory.grow, plus MemoryGrowPage per requested page
	MemoryGrowPage uint64
	Bulk           uint64 // memory.copy/fill/init, plus BulkByte per byte
	BulkByte       uint64
	TableBulk      uint64 // table.grow/fill/copy/init, plus TableElem per element
	TableElem      uint64
}

// DefaultTable prices instructions by class in the gas unit of gas.Default
// (0.1 ns on the reference machine). Measured on Go guests under wazero's
// compiler it charges 1.5-3.8x their CPU time in that unit (on the safe
// side; docs/metering.md); fitting it to measurements is future work.
var DefaultTable = &Table{
	Free:         0,
	Local:        1,
	Const:        1,
	Global:       2,
	Simple:       3,
	Mul:          4,
	Div:          20,
	Float:        4,
	FDiv:         20,
	Load:         4,
	Store:        4,
	Branch:       3,
	Call:         15,
	CallIndirect: 25,
	Table:        5,
	MemorySize:   3,

	MemoryGrow:     1000,
	MemoryGrowPage: 20000, // zeroing and committing 64 KiB
	Bulk:           20,
	BulkByte:       1,
	TableBulk:      20,
	TableElem:      10,
}

// maxDynamic bounds the per-unit dynamic prices so that count*price (count
// < 2^32) cannot wrap an i64.
const maxDynamic = 1 << 30

func (t *Table) check() error {
	if t.MemoryGrowPage > maxDynamic || t.BulkByte > maxDynamic || t.TableElem > maxDynamic {
		return fmt.Errorf("metering: per-page/byte/element prices must be at most %d", maxDynamic)
	}
	return nil
}
