//go:build wasip1

package main

import (
	"crypto/sha256"
	"slices"
)

// Compute-heavy exports for the metering overhead benchmark: guest code
// only, no host calls.

// shaLoop hashes the first 4 KiB of buf n times with Go's own SHA-256
// (compiled to WebAssembly), chaining the digest into the input.
//
//go:wasmexport sha_loop
func shaLoop(n int32) int32 {
	var d [32]byte
	for i := int32(0); i < n; i++ {
		d = sha256.Sum256(buf[:4096])
		copy(buf[:32], d[:])
	}
	return int32(d[0])
}

var sieveBuf [1 << 20]bool

// sieve counts the primes below n (at most 2^20) with Eratosthenes' sieve.
//
//go:wasmexport sieve
func sieve(n int32) int32 {
	if n > int32(len(sieveBuf)) {
		n = int32(len(sieveBuf))
	}
	s := sieveBuf[:n]
	clear(s)
	count := int32(0)
	for i := int32(2); i < n; i++ {
		if s[i] {
			continue
		}
		count++
		for j := i * i; j < n && j > 0; j += i {
			s[j] = true
		}
	}
	return count
}

var sortBuf [1 << 16]uint64

// sortRand fills n (at most 2^16) words from a xorshift generator, sorts
// them, and returns a checksum.
//
//go:wasmexport sort_rand
func sortRand(n int32) int64 {
	if n > int32(len(sortBuf)) {
		n = int32(len(sortBuf))
	}
	x := uint64(88172645463325252)
	s := sortBuf[:n]
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x
	}
	slices.Sort(s)
	var sum uint64
	for i, v := range s {
		sum += v * uint64(i+1)
	}
	return int64(sum)
}
