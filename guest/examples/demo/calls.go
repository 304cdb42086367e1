//go:build wasip1

package main

import (
	"unsafe"

	"github.com/hostcrypto/hostcrypto/guest"
)

func uintptrOf(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }

// calls is the demo's script: each entry is one host call.
var calls = []call{
	{"sha256", guest.Sha256, same},
	{"keccak256", guest.Keccak256, same},
	{"blake2b_256", guest.Blake2b256, same},
}
