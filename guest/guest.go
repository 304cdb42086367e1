// Package guest is the contract-side SDK for Go contracts compiled with
// GOOS=wasip1 GOARCH=wasm: one wrapper per hostcrypto host function,
// generated from the catalogue (imports_wasip1.go).
//
// Every wrapper has the shape
//
//	func Name(in, out []byte) (n int, err error)
//
// and calls the import hostcrypto.name with (in_ptr, in_len, out_ptr,
// out_cap). n is the number of bytes written to out; err is an Error
// carrying the host's status code. Out-of-gas and out-of-bounds pointers
// trap: the contract does not see them, the embedder does.
//
// The package imports nothing but unsafe, so contracts stay small.
package guest

// The SDK is generated from the catalogue, and the demo contract that
// cmd/hostcrypto embeds is built from it, in that order:
//go:generate go run ../internal/cmd/genguest -out .
//go:generate env GOOS=wasip1 GOARCH=wasm CGO_ENABLED=0 go build -buildmode=c-shared -trimpath -ldflags=-buildid= -o ../cmd/hostcrypto/demo.wasm ./examples/demo

import "unsafe"

// Status codes, identical to package core's (a host test checks this).
const (
	CodeMalformed       = -1
	CodeNonCanonical    = -2
	CodeInvalidPoint    = -3
	CodeNotInSubgroup   = -4
	CodeInfinity        = -5
	CodeTooLarge        = -6
	CodeUnsupported     = -7
	CodeUnknownFunction = -8
	CodeOutOfGas        = -9
	CodeOutputTooSmall  = -10
	CodeNoResult        = -11
	CodeInternal        = -12
)

// Error is a host status code returned by a call.
type Error int32

var names = map[Error]string{
	CodeMalformed: "malformed_input", CodeNonCanonical: "non_canonical",
	CodeInvalidPoint: "invalid_point", CodeNotInSubgroup: "not_in_subgroup",
	CodeInfinity: "point_at_infinity", CodeTooLarge: "input_too_large",
	CodeUnsupported: "unsupported", CodeUnknownFunction: "unknown_function",
	CodeOutOfGas: "out_of_gas", CodeOutputTooSmall: "output_too_small",
	CodeNoResult: "no_result", CodeInternal: "internal_error",
}

func (e Error) Error() string {
	if s, ok := names[e]; ok {
		return "hostcrypto: " + s
	}
	return "hostcrypto: unknown status"
}

// Code returns the numeric status.
func (e Error) Code() int32 { return int32(e) }

func result(n int32) (int, error) {
	if n < 0 {
		return 0, Error(n)
	}
	return int(n), nil
}

// ptr returns the address of b's first byte (nil for an empty slice; the
// host accepts any in-bounds pointer with length 0).
func ptr(b []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(b)) }

var _ = ptr // used by the wasip1 wrappers only
