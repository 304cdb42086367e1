package hash

import (
	"crypto/sha3"
	"crypto/sha512"
	"sync"

	"golang.org/x/crypto/blake2b"
	xsha3 "golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Byte hashes the chains expose besides the ones in hash.go: SHA-512,
// SHA3-384/512, Keccak-512, BLAKE2b at other digest lengths and Substrate's
// xxHash (twox). Each hashes its whole input, except blake2b_outlen whose
// first byte is the digest length.

// SHA512 is sha512: FIPS 180-4 SHA-512.
var SHA512 = digestFunc("sha512", "64-byte SHA-512 digest (FIPS 180-4)", 64, func(dst, in []byte) ([]byte, error) {
	d := sha512.Sum512(in)
	return append(dst, d[:]...), nil
})

// SHA3_384 is sha3_384: FIPS 202 SHA3-384.
var SHA3_384 = digestFunc("sha3_384", "48-byte SHA3-384 digest (FIPS 202)", 48, func(dst, in []byte) ([]byte, error) {
	d := sha3.Sum384(in)
	return append(dst, d[:]...), nil
})

// SHA3_512 is sha3_512: FIPS 202 SHA3-512.
var SHA3_512 = digestFunc("sha3_512", "64-byte SHA3-512 digest (FIPS 202)", 64, func(dst, in []byte) ([]byte, error) {
	d := sha3.Sum512(in)
	return append(dst, d[:]...), nil
})

// Keccak512 is keccak512: Keccak-512 with the original Keccak padding
// (0x01, not FIPS 202's 0x06), as NEAR's keccak512 host function.
var Keccak512 = digestFunc("keccak512", "64-byte Keccak-512 digest (original Keccak padding)", 64, func(dst, in []byte) ([]byte, error) {
	return pooledSum(&keccak512Pool, dst, in), nil
})

var keccak512Pool = sync.Pool{New: func() any { return xsha3.NewLegacyKeccak512() }}

// BLAKE2b_128 is blake2b_128: unkeyed BLAKE2b with digest length 16 in the
// parameter block (RFC 7693 section 2.5), Substrate's blake2_128. It is not
// a truncation of BLAKE2b-512: the digest length enters the initial state.
var BLAKE2b_128 = digestFunc("blake2b_128", "16-byte unkeyed BLAKE2b-128 digest (RFC 7693, nn = 16 in the parameter block)", 16,
	func(dst, in []byte) ([]byte, error) { return blake2bSum(dst, 16, in), nil })

// BLAKE2b_224 is blake2b_224: unkeyed BLAKE2b with digest length 28
// (Cardano's blake2b_224).
var BLAKE2b_224 = digestFunc("blake2b_224", "28-byte unkeyed BLAKE2b-224 digest (RFC 7693, nn = 28 in the parameter block)", 28,
	func(dst, in []byte) ([]byte, error) { return blake2bSum(dst, 28, in), nil })

// BLAKE2bOutlen is blake2b_outlen: unkeyed BLAKE2b with the digest length
// nn (1..64 bytes) given by the first input byte; the rest is the message.
var BLAKE2bOutlen = &core.Func{
	Name:   "blake2b_outlen",
	Family: "hash",
	Input:  "nn (1 byte, digest length 1..64) || message",
	Output: "nn-byte unkeyed BLAKE2b digest (RFC 7693, nn in the parameter block); malformed_input if the input is empty or nn is 0 or > 64",
	OutLen: func(in []byte) int {
		if len(in) == 0 || in[0] == 0 || in[0] > 64 {
			return 0
		}
		return int(in[0])
	},
	Primitives: []string{"blake2b_256"},
	Examples: func() []core.Example {
		var ex []core.Example
		for _, e := range sizeExamples() {
			e.Input = append([]byte{64}, e.Input...)
			ex = append(ex, e)
		}
		return ex
	},
	Run: func(dst, in []byte) ([]byte, error) {
		if len(in) == 0 || in[0] == 0 || in[0] > 64 {
			return dst, core.Errorf(core.CodeMalformed, "hash: blake2b digest length must be 1..64 bytes")
		}
		return blake2bSum(dst, int(in[0]), in[1:]), nil
	},
}

// blake2bPools holds unkeyed BLAKE2b hashers per digest length (index
// 1..64), so that a call does not allocate.
var blake2bPools [65]sync.Pool

func init() {
	for i := 1; i <= 64; i++ {
		size := i
		blake2bPools[i].New = func() any {
			h, err := blake2b.New(size, nil)
			if err != nil {
				panic("hash: internal error: " + err.Error())
			}
			return h
		}
	}
}

// blake2bSum appends the unkeyed size-byte BLAKE2b digest of in
// (1 <= size <= 64).
func blake2bSum(dst []byte, size int, in []byte) []byte {
	return pooledSum(&blake2bPools[size], dst, in)
}

// Twox64, Twox128 and Twox256 are Substrate's twox hashes
// (sp_core::hashing::twox_64/128/256): XXH64 of the input with seeds
// 0, 1, ... (one per 8 output bytes), each 64-bit result written
// little-endian and concatenated.
var (
	Twox64  = twoxFunc("twox_64", 1)
	Twox128 = twoxFunc("twox_128", 2)
	Twox256 = twoxFunc("twox_256", 4)
)

// PrimitiveTwox is the dispatch primitive of the twox functions.
const PrimitiveTwox = "xxh64"

func twoxFunc(name string, lanes int) *core.Func {
	f := digestFunc(name, "", 8*lanes, func(dst, in []byte) ([]byte, error) {
		return twox(dst, in, lanes), nil
	})
	f.Output = "Substrate " + name + ": XXH64(input, seed i) little-endian for i = 0.." +
		string(rune('0'+lanes-1)) + ", concatenated"
	f.Primitives = []string{PrimitiveTwox}
	return f
}

func init() {
	dispatch.Register("sha512", dispatch.Impl{Name: "stdlib", Available: true, Note: "crypto/sha512"})
	dispatch.Register("sha3_384", dispatch.Impl{Name: "stdlib", Available: true, Note: keccakNote("crypto/sha3")})
	dispatch.Register("sha3_512", dispatch.Impl{Name: "stdlib", Available: true, Note: keccakNote("crypto/sha3")})
	dispatch.Register("keccak512", dispatch.Impl{Name: "xcrypto", Available: true,
		Note: "golang.org/x/crypto/sha3 legacy Keccak-512"})
	dispatch.Register("blake2b_128", dispatch.Impl{Name: "xcrypto", Available: true, Note: blake2bNote()})
	dispatch.Register("blake2b_224", dispatch.Impl{Name: "xcrypto", Available: true, Note: blake2bNote()})
	registerTwox()
}
