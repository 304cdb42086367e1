//go:build purego

package hash

// asm is false: purego turns off every assembly path (see asm.go).
const asm = false
