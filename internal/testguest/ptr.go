//go:build wasip1

package main

import "unsafe"

func ptrOf(p *byte) unsafe.Pointer { return unsafe.Pointer(p) }
