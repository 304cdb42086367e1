//go:build wasip1

// Command testguest is a Go wasip1 reactor the bridge tests drive: each
// export forwards one host call on regions of a static buffer, so the test
// controls inputs, output capacity and aliasing, and reads the results back
// from guest memory.
package main

import "github.com/hostcrypto/hostcrypto/guest"

func main() {}

var buf [1 << 16]byte

//go:wasmexport buf
func bufAddr() int32 { return int32(uintptr(ptrOf(&buf[0]))) }

func result(n int, err error) int32 {
	if err != nil {
		return err.(guest.Error).Code()
	}
	return int32(n)
}

//go:wasmexport call
func call(fn, inOff, inLen, outOff, outCap int32) int32 {
	in, out := buf[inOff:inOff+inLen], buf[outOff:outOff+outCap]
	switch fn {
	case 0:
		return result(guest.Sha256(in, out))
	case 1:
		return result(guest.Keccak256(in, out))
	case 2:
		return result(guest.Blake2b256(in, out))
	case 3:
		return result(guest.Blake2f(in, out))
	}
	return -100
}
