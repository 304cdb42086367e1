// Package hash registers the byte-hash host functions: raw bytes in, a
// fixed-size digest out.
package hash

import (
	"crypto/sha256"
	"strconv"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// digestFunc describes a function that hashes its whole input.
func digestFunc(name, alg string, size int, sum func(dst, in []byte) []byte) *core.Func {
	return &core.Func{
		Name:       name,
		Family:     "hash",
		Input:      "raw bytes (any length up to the limit)",
		Output:     alg,
		FixedOut:   size,
		Primitives: []string{name},
		Examples:   sizeExamples,
		Run: func(dst, in []byte) ([]byte, error) {
			return sum(dst, in), nil
		},
	}
}

func init() {
	dispatch.Register("sha256", dispatch.Impl{Name: "stdlib", Available: true,
		Note: sha256Note()})
	dispatch.Register("keccak256", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: "golang.org/x/crypto/sha3 legacy Keccak-256"})
	dispatch.Register("blake2b_256", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: blake2bNote()})

	core.Register(
		digestFunc("sha256", "32-byte SHA-256 digest (FIPS 180-4)", 32, func(dst, in []byte) []byte {
			d := sha256.Sum256(in)
			return append(dst, d[:]...)
		}),
		digestFunc("keccak256", "32-byte Keccak-256 digest (original Keccak padding, as Ethereum uses)", 32, keccak256),
		digestFunc("blake2b_256", "32-byte unkeyed BLAKE2b-256 digest (RFC 7693)", 32, func(dst, in []byte) []byte {
			d := blake2b.Sum256(in)
			return append(dst, d[:]...)
		}),
	)
}

// keccak256 appends Keccak-256(in) to dst.
func keccak256(dst, in []byte) []byte {
	h := sha3.NewLegacyKeccak256()
	h.Write(in)
	return h.Sum(dst)
}

func sha256Note() string {
	if dispatch.X86.HasSHANI || dispatch.ARM64.HasSHA2 {
		return "crypto/sha256, SHA extensions"
	}
	return "crypto/sha256"
}

func blake2bNote() string {
	if dispatch.X86.HasAVX2 {
		return "golang.org/x/crypto/blake2b, AVX2"
	}
	return "golang.org/x/crypto/blake2b"
}

// sizeExamples returns inputs of 0 B to 64 KiB. For a byte hash every input
// of a given length costs the same, so each is also the worst case.
func sizeExamples() []core.Example {
	var ex []core.Example
	for _, n := range []int{0, 32, 1 << 10, 16 << 10, 64 << 10} {
		in := make([]byte, n)
		for i := range in {
			in[i] = byte(i*131 + 7)
		}
		ex = append(ex, core.Example{Name: sizeName(n), Input: in, Worst: true})
	}
	return ex
}

func sizeName(n int) string {
	switch {
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + "KiB"
	default:
		return strconv.Itoa(n) + "B"
	}
}
