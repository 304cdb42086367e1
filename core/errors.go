// Package core is the engine-neutral heart of hostcrypto: the function
// descriptor, the closed set of status codes, gas schedules, catalogues, and
// Invoke, the single path every host call takes (gas first, then limits,
// then work).
//
// core imports no WASM engine: wasmbridge (wazero) and any later engine
// adapter are thin layers over Invoke.
//
// # Two surfaces
//
// An embedder uses: Catalogue (an immutable set of functions built from a
// list with NewCatalogue or MustCatalogue; the root package's
// hostcrypto.Catalogue() is the full one, a profile's Funcs another),
// Catalogue.Call / Invoke, Schedule and Rule (the shipped ones are values
// in package gas), Meter (Budget, Unlimited), the status codes (Code,
// Error, CodeOf) and, at start-up, backend selection in package dispatch.
//
// A function author uses: Func (the descriptor, declared as an exported
// package-level value with every field set in its literal, examples
// included, and listed in the package's Funcs), Example, Verdict for
// verification results, and Errorf / the Err* sentinels for failures. A
// function that forwards to another (a profile's) holds it in Targets.
//
// # Wiring
//
// Nothing is registered in a global and nothing is found by name except
// through a catalogue value the caller holds: importing a package gives
// its functions, importing a profile gives everything it forwards to.
// (Registration in init remains for CPU kernels only: package dispatch.)
//
// # Names
//
// A descriptor's Go name is its catalogue name in CamelCase, with
// acronyms in capitals and an underscore kept only between two digits, as
// in crypto.SHA3_256: sha256 is hash.SHA256, sha3_256 hash.SHA3_256,
// bn254_pairing_check pairing.BN254PairingCheck, secp256k1_recover
// secp256k1.Secp256k1Recover. Profile functions are named after their own
// table: evm.SHA256 (evm:0x02, after AddrSha256), dusk.VerifyPlonk
// (dusk:verify_plonk, after rusk's name).
//
// Fields of Func are what an author declares: MaxInput, FixedOut or OutLen,
// Items, Gas, Primitives, Targets, or Adapt for a function that is its
// target on a rearranged input. Methods are what an engine evaluates,
// named for the quantity they return: InputLimit(), OutputSize(in),
// ItemCount(in), Backends(). An engine that sizes, prices and runs one
// call does so on a Call (Call.Prepare, Schedule.Price), so that an
// adapted input is converted once.
package core

import "fmt"

// Code is a host-call status. Non-negative results of a host call are byte
// counts; a failed call returns one of these negative codes. The set is
// closed: adding a code is an API change.
type Code int32

const (
	// CodeMalformed: the input's length or structure is wrong (truncated,
	// oversized element, bad count, bad flag byte).
	CodeMalformed Code = -1
	// CodeNonCanonical: a field element or scalar is >= its modulus, or an
	// encoding is not the canonical one (e.g. non-zero padding).
	CodeNonCanonical Code = -2
	// CodeInvalidPoint: a point is not on the curve.
	CodeInvalidPoint Code = -3
	// CodeNotInSubgroup: a point is on the curve but not in the prime-order
	// subgroup.
	CodeNotInSubgroup Code = -4
	// CodeInfinity: the point at infinity where the function forbids it.
	CodeInfinity Code = -5
	// CodeTooLarge: the input exceeds the function's documented size limit.
	CodeTooLarge Code = -6
	// CodeUnsupported: the function exists but cannot run in this build or
	// profile (e.g. not implemented yet, or needs cgo).
	CodeUnsupported Code = -7
	// CodeUnknownFunction: no function has that name.
	CodeUnknownFunction Code = -8
	// CodeOutOfGas: the call's gas exceeds what remains. Engines trap on it.
	CodeOutOfGas Code = -9
	// CodeOutputTooSmall: the caller's output buffer cannot hold the result.
	CodeOutputTooSmall Code = -10
	// CodeNoResult: the input is well-formed but the operation has no
	// result (e.g. no public key recovers from an ECDSA signature).
	CodeNoResult Code = -11
	// CodeInternal: a bug: an implementation panicked and core recovered.
	CodeInternal Code = -12
)

var codeNames = map[Code]string{
	CodeMalformed:       "malformed_input",
	CodeNonCanonical:    "non_canonical",
	CodeInvalidPoint:    "invalid_point",
	CodeNotInSubgroup:   "not_in_subgroup",
	CodeInfinity:        "point_at_infinity",
	CodeTooLarge:        "input_too_large",
	CodeUnsupported:     "unsupported",
	CodeUnknownFunction: "unknown_function",
	CodeOutOfGas:        "out_of_gas",
	CodeOutputTooSmall:  "output_too_small",
	CodeNoResult:        "no_result",
	CodeInternal:        "internal_error",
}

// Codes lists every status code, most common first.
func Codes() []Code {
	return []Code{CodeMalformed, CodeNonCanonical, CodeInvalidPoint, CodeNotInSubgroup,
		CodeInfinity, CodeTooLarge, CodeUnsupported, CodeUnknownFunction, CodeOutOfGas,
		CodeOutputTooSmall, CodeNoResult, CodeInternal}
}

// String returns the code's stable name, as used by the CLI's JSON output.
func (c Code) String() string {
	if s, ok := codeNames[c]; ok {
		return s
	}
	return fmt.Sprintf("code(%d)", int32(c))
}

// CodeByName is the inverse of Code.String.
func CodeByName(s string) (Code, bool) {
	for c, n := range codeNames {
		if n == s {
			return c, true
		}
	}
	return 0, false
}

// Error is a host-call failure: a status code and a human-readable detail.
// Compare with errors.Is against the Err* sentinels (same Code matches).
type Error struct {
	Code Code
	Msg  string
}

func (e *Error) Error() string {
	if e.Msg == "" {
		return "hostcrypto: " + e.Code.String()
	}
	return "hostcrypto: " + e.Code.String() + ": " + e.Msg
}

// Is reports whether target is an *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Sentinels, one per code; returning them does not allocate.
var (
	ErrMalformed       = &Error{Code: CodeMalformed}
	ErrNonCanonical    = &Error{Code: CodeNonCanonical}
	ErrInvalidPoint    = &Error{Code: CodeInvalidPoint}
	ErrNotInSubgroup   = &Error{Code: CodeNotInSubgroup}
	ErrInfinity        = &Error{Code: CodeInfinity}
	ErrTooLarge        = &Error{Code: CodeTooLarge}
	ErrUnsupported     = &Error{Code: CodeUnsupported}
	ErrUnknownFunction = &Error{Code: CodeUnknownFunction}
	ErrOutOfGas        = &Error{Code: CodeOutOfGas}
	ErrOutputTooSmall  = &Error{Code: CodeOutputTooSmall}
	ErrNoResult        = &Error{Code: CodeNoResult}
	ErrInternal        = &Error{Code: CodeInternal}
)

// Errorf returns an *Error with code c and a formatted detail.
func Errorf(c Code, format string, args ...any) error {
	return &Error{Code: c, Msg: fmt.Sprintf(format, args...)}
}

// CodeOf extracts the status code of err: 0 for nil, the code of an *Error
// anywhere in err's chain, CodeInternal otherwise.
func CodeOf(err error) Code {
	if err == nil {
		return 0
	}
	for e := err; e != nil; {
		if he, ok := e.(*Error); ok {
			return he.Code
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			break
		}
		e = u.Unwrap()
	}
	return CodeInternal
}
