//go:build wasip1

// Command demo is the contract `hostcrypto demo` runs: a Go wasip1 reactor
// (built with -buildmode=c-shared) whose exports call host functions
// through package guest. Build it with:
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -trimpath \
//	    -ldflags=-buildid= -o cmd/hostcrypto/demo.wasm ./guest/examples/demo
//
// (no build ID, so that the binary changes only when linked code does).
package main

import (
	"encoding/hex"
	"os"
	"strconv"

	"github.com/hostcrypto/hostcrypto/guest"
)

func main() {}

var out [512]byte

func say(parts ...string) {
	for _, p := range parts {
		os.Stdout.WriteString(p)
	}
	os.Stdout.WriteString("\n")
}

func report(name string, n int, err error) {
	if err != nil {
		e, _ := err.(guest.Error)
		say("contract: ", name, " -> status ", strconv.Itoa(int(e.Code())), " (", err.Error(), ")")
		return
	}
	say("contract: ", name, " -> ", hex.EncodeToString(out[:n]))
}

// run calls several host functions, including one with malformed input,
// and returns the number of successful calls.
//
//go:wasmexport run
func run() int32 {
	msg := []byte("hello, hostcrypto")
	ok := int32(0)
	for _, c := range calls {
		n, err := c.f(c.in(msg), out[:])
		report(c.name, n, err)
		if err == nil {
			ok++
		}
	}
	return ok
}

// exhaust hashes 32 KiB blocks until the host's gas meter traps the call.
//
//go:wasmexport exhaust
func exhaust() int32 {
	var block [32 << 10]byte
	for i := int32(0); ; i++ {
		if _, err := guest.Sha256(block[:], out[:]); err != nil {
			return -1
		}
		block[0] = out[0]
	}
}

// roundtrip hashes the n bytes at the start of buf into the 32 bytes after
// them; tests use it to check results against the host's own functions.
//
//go:wasmexport roundtrip
func roundtrip(n int32) int32 {
	written, err := guest.Sha256(buf[:n], buf[n:n+32])
	if err != nil {
		return int32(err.(guest.Error))
	}
	return int32(written)
}

//go:wasmexport buffer
func buffer() int32 { return int32(uintptrOf(&buf[0])) }

var buf [4096]byte

type call struct {
	name string
	f    func(in, out []byte) (int, error)
	in   func(msg []byte) []byte
}

func same(msg []byte) []byte { return msg }
