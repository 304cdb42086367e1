//go:build !purego

package hash

// asm reports whether the wrapped libraries may use their assembly: the
// purego build tag turns it off in the standard library, x/crypto and
// zeebo/blake3 alike.
const asm = true
