// Package hostabi is the engine-neutral core of the hostcrypto host ABI:
// the trap kinds a host call or metered guest code can raise, guest-memory
// range checks in 64-bit arithmetic, and the per-call steps (capacity check,
// price, charge, execute, copy out) that every engine adapter shares.
//
// An adapter (wasmbridge for wazero, wasmbridge/wasmtime for wasmtime)
// decodes the four i32 arguments, hands Call a view of guest memory and the
// meter, and turns a returned trap into its engine's trap, so that the
// embedder gets the same typed error (errors.As) on every engine.
package hostabi

import "fmt"

// OutOfGasError is the trap raised when a host call or a block of metered
// guest code costs more than remains. Nothing is charged for it.
type OutOfGasError struct {
	Function  string // the host function, or GuestCode for metered guest instructions
	Price     uint64
	Remaining uint64
}

// GuestCode is the Function of an OutOfGasError raised by metered guest
// instructions rather than by a host call.
const GuestCode = "(guest code)"

func (e *OutOfGasError) Error() string {
	return fmt.Sprintf("hostcrypto: out of gas: %s costs %d, %d remain", e.Function, e.Price, e.Remaining)
}

// MemoryError is the trap raised when a pointer/length pair does not lie
// inside the guest's memory (including pairs whose sum wraps 32 bits).
type MemoryError struct {
	Function string
	What     string // "input", "output", or "memory" (the guest exports none)
	Ptr, Len uint32
}

func (e *MemoryError) Error() string {
	if e.What == "memory" {
		return "hostcrypto: " + e.Function + ": the guest has no memory"
	}
	return fmt.Sprintf("hostcrypto: %s: %s range [%d, %d+%d) is outside guest memory", e.Function, e.What, e.Ptr, e.Ptr, e.Len)
}

// MeterError is the trap raised when no gas meter is configured.
type MeterError struct{ Function string }

func (e *MeterError) Error() string {
	return "hostcrypto: " + e.Function + ": no gas meter in the context and no default meter"
}

// HostError is the trap raised when the host itself is at fault (a
// descriptor bug, a metering meter bound to nothing): the contract did
// nothing wrong, and the embedder should treat it as a node error.
type HostError struct {
	Function string
	Reason   string
}

func (e *HostError) Error() string {
	return "hostcrypto: host error in " + e.Function + ": " + e.Reason
}
