// Package hash declares the hashing host functions (Funcs lists them):
//
//   - byte hashes (raw bytes in, fixed-size digest out): sha256, sha3_256,
//     keccak256, blake2b_256, blake2b_512, blake3_256, ripemd160, and the
//     chain variants in variants.go: sha512, sha3_384, sha3_512, keccak512,
//     blake2b_128, blake2b_224, blake2b_outlen (digest length in the first
//     byte), twox_64, twox_128, twox_256 (Substrate's XXH64, twox.go);
//   - blake2f, the EIP-152 BLAKE2b compression function;
//   - poseidon_bn254 (circomlib) and poseidon_bls12381_dusk (Dusk Hades,
//     dusk-safe sponge), implemented in package hash/poseidon;
//   - bls12381_hash_to_g1 and bls12381_hash_to_g2, RFC 9380 hash_to_curve,
//     implemented in package hash/h2c.
//
// Every byte hash wraps the fastest implementation this build has (SHA-NI
// through crypto/sha256, AVX2 through golang.org/x/crypto/blake2b and
// github.com/zeebo/blake3) and runs without allocating when dst has room
// for the digest. hash_to_scalar_bls12381 (Dusk's BlsScalar::hash, family
// "hash") is declared in package dusk, as dusk.HashToScalarBLS12381.
// docs/hashing.md gives the encodings and measured costs.
package hash

import (
	"crypto/sha256"
	"crypto/sha3"
	stdhash "hash"
	"runtime"
	"strconv"
	"sync"

	"github.com/zeebo/blake3"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // RIPEMD-160 is what Bitcoin/EVM address code needs

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/keccak"
)

// digestFunc describes a function that hashes its whole input.
func digestFunc(name, alg string, size int, run func(dst, in []byte) ([]byte, error)) *core.Func {
	return &core.Func{
		Name:       name,
		Family:     "hash",
		Input:      "raw bytes (any length up to the limit)",
		Output:     alg,
		FixedOut:   size,
		Primitives: []string{name},
		Examples:   sizeExamples,
		Run:        run,
	}
}

func init() {
	dispatch.Register("sha256", dispatch.Impl{Name: "stdlib", Available: true,
		Note: sha256Note()})
	dispatch.Register("sha3_256", dispatch.Impl{Name: "stdlib", Available: true,
		Note: keccakNote("crypto/sha3")})
	dispatch.Register("keccak256", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: "golang.org/x/crypto/sha3 legacy Keccak-256, portable Go"})
	dispatch.Register("blake2b_256", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: blake2bNote()})
	dispatch.Register("blake2b_512", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: blake2bNote()})
	dispatch.Register("blake3_256", dispatch.Impl{Name: "zeebo", Available: true,
		Note: blake3Note()})
	dispatch.Register("ripemd160", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: "golang.org/x/crypto/ripemd160, portable Go"})
}

// The byte hashes.
var (
	SHA256 = digestFunc("sha256", "32-byte SHA-256 digest (FIPS 180-4)", 32, func(dst, in []byte) ([]byte, error) {
		d := sha256.Sum256(in)
		return append(dst, d[:]...), nil
	})
	SHA3_256 = digestFunc("sha3_256", "32-byte SHA3-256 digest (FIPS 202)", 32, func(dst, in []byte) ([]byte, error) {
		d := sha3.Sum256(in)
		return append(dst, d[:]...), nil
	})
	Keccak256   = digestFunc("keccak256", "32-byte Keccak-256 digest (original Keccak padding, as Ethereum uses)", 32, keccak256)
	BLAKE2b_256 = digestFunc("blake2b_256", "32-byte unkeyed BLAKE2b-256 digest (RFC 7693)", 32, func(dst, in []byte) ([]byte, error) {
		d := blake2b.Sum256(in)
		return append(dst, d[:]...), nil
	})
	BLAKE2b_512 = digestFunc("blake2b_512", "64-byte unkeyed BLAKE2b-512 digest (RFC 7693)", 64, func(dst, in []byte) ([]byte, error) {
		d := blake2b.Sum512(in)
		return append(dst, d[:]...), nil
	})
	BLAKE3_256 = blake3Func()
	RIPEMD160  = digestFunc("ripemd160", "20-byte RIPEMD-160 digest", 20, ripemd)
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{SHA256, SHA3_256, Keccak256, BLAKE2b_256, BLAKE2b_512, BLAKE3_256, RIPEMD160,
		BLAKE2F, PoseidonBN254, PoseidonBLS12381Dusk, BLS12381HashToG1, BLS12381HashToG2,
		SHA512, SHA3_384, SHA3_512, Keccak512, BLAKE2b_128, BLAKE2b_224, BLAKE2bOutlen, Twox64, Twox128, Twox256}
}

// Pools of hashers for the algorithms whose libraries have no one-shot Sum:
// a pooled hasher makes the call allocation-free.
var (
	ripemdPool = sync.Pool{New: func() any { return ripemd160.New() }}
)

// keccak256 appends Keccak-256(in) to dst.
func keccak256(dst, in []byte) ([]byte, error) {
	return keccak.Sum256(dst, in), nil
}

// ripemd appends RIPEMD-160(in) to dst.
func ripemd(dst, in []byte) ([]byte, error) {
	return pooledSum(&ripemdPool, dst, in), nil
}

func pooledSum(p *sync.Pool, dst, in []byte) []byte {
	h := p.Get().(stdhash.Hash)
	h.Reset()
	h.Write(in)
	dst = h.Sum(dst)
	p.Put(h)
	return dst
}

func sha256Note() string {
	switch {
	case asm && dispatch.X86.HasSHANI:
		return "crypto/sha256, SHA-NI"
	case asm && dispatch.ARM64.HasSHA2:
		return "crypto/sha256, ARMv8 SHA2 instructions"
	case asm && (runtime.GOARCH == "amd64"):
		return "crypto/sha256, AVX2/SSE assembly"
	}
	return "crypto/sha256, portable Go"
}

func keccakNote(lib string) string {
	if asm && (runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64") {
		return lib + ", assembly Keccak-f[1600]"
	}
	return lib + ", portable Go"
}

func blake2bNote() string {
	switch {
	case asm && dispatch.X86.HasAVX2:
		return "golang.org/x/crypto/blake2b, AVX2"
	case asm && runtime.GOARCH == "amd64":
		return "golang.org/x/crypto/blake2b, SSE4.1"
	}
	return "golang.org/x/crypto/blake2b, portable Go"
}

func blake3Note() string {
	// zeebo/blake3 has AVX2 (8-way chunk hashing) and SSE4.1 (compression)
	// kernels on amd64; it has no AVX-512 kernel.
	switch {
	case asm && dispatch.X86.HasAVX2:
		return "github.com/zeebo/blake3, AVX2"
	case asm && runtime.GOARCH == "amd64":
		return "github.com/zeebo/blake3, SSE4.1"
	}
	return "github.com/zeebo/blake3, portable Go"
}

// BLAKE3's cost has two regimes: github.com/zeebo/blake3 compresses inputs
// of up to two 1 KiB chunks serially (about 1.8 ns/byte here) and longer
// ones eight chunks at a time with SIMD (about 0.26 ns/byte, after a fixed
// cost of about 2.2 µs for the first group), so 2 KiB costs more than
// 3 KiB. blake3Items expresses both in one length-only count: the bytes
// hashed serially (the whole input up to blake3SerialBytes), or, past that,
// blake3SIMDSetup serial-byte equivalents for the SIMD path's fixed cost.
const (
	blake3SerialBytes = 2048
	blake3SIMDSetup   = 1280
)

func blake3Items(in []byte) uint64 {
	if len(in) <= blake3SerialBytes {
		return uint64(len(in))
	}
	return blake3SIMDSetup
}

// blake3Func is blake3_256, priced base + per_byte·len + per_item·blake3Items.
func blake3Func() *core.Func {
	f := digestFunc("blake3_256", "32-byte BLAKE3 digest (default hash mode, 256-bit output)", 32, func(dst, in []byte) ([]byte, error) {
		d := blake3.Sum256(in)
		return append(dst, d[:]...), nil
	})
	f.Items = blake3Items
	f.Examples = func() []core.Example {
		return bytesExamples([]int{0, 32, 1 << 10, 2 << 10, 2<<10 + 1, 3 << 10, 8 << 10, 16 << 10, 64 << 10})
	}
	return f
}

// sizeExamples returns inputs of 0 B to 64 KiB. For a byte hash every input
// of a given length costs the same, so each is also the worst case.
func sizeExamples() []core.Example {
	return bytesExamples([]int{0, 32, 1 << 10, 16 << 10, 64 << 10})
}

// bytesExamples returns one input of each length, all worst cases.
func bytesExamples(sizes []int) []core.Example {
	var ex []core.Example
	for _, n := range sizes {
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
