package hash

import (
	"encoding/binary"
	"math/bits"
	"runtime"

	"github.com/cespare/xxhash/v2"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// XXH64 (Collet, "xxHash fast digest algorithm", doc/xxhash_spec.md,
// version 0.1.1, section "XXH64 Algorithm Description"), used by
// Substrate's twox hashes. Two implementations compute it: xxh64Generic
// below, written from the specification, and github.com/cespare/xxhash/v2
// (assembly block loop on amd64 and arm64). Both are selectable through
// the dispatch primitive PrimitiveTwox and compared by the tests.

const (
	xxPrime1 uint64 = 0x9E3779B185EBCA87
	xxPrime2 uint64 = 0xC2B2AE3D27D4EB4F
	xxPrime3 uint64 = 0x165667B19E3779F9
	xxPrime4 uint64 = 0x85EBCA77C2B2AE63
	xxPrime5 uint64 = 0x27D4EB2F165667C5
)

func xxRound(acc, lane uint64) uint64 {
	acc += lane * xxPrime2
	acc = bits.RotateLeft64(acc, 31)
	return acc * xxPrime1
}

func xxMerge(acc, v uint64) uint64 {
	acc ^= xxRound(0, v)
	return acc*xxPrime1 + xxPrime4
}

// xxh64Generic returns XXH64(b, seed), portable Go.
func xxh64Generic(b []byte, seed uint64) uint64 {
	n := uint64(len(b))
	var acc uint64
	if len(b) >= 32 {
		// Step 1: four accumulators; step 2: stripes of 4 x 8 bytes.
		v1 := seed + xxPrime1 + xxPrime2
		v2 := seed + xxPrime2
		v3 := seed
		v4 := seed - xxPrime1
		for len(b) >= 32 {
			v1 = xxRound(v1, binary.LittleEndian.Uint64(b[0:]))
			v2 = xxRound(v2, binary.LittleEndian.Uint64(b[8:]))
			v3 = xxRound(v3, binary.LittleEndian.Uint64(b[16:]))
			v4 = xxRound(v4, binary.LittleEndian.Uint64(b[24:]))
			b = b[32:]
		}
		// Step 3: convergence.
		acc = bits.RotateLeft64(v1, 1) + bits.RotateLeft64(v2, 7) +
			bits.RotateLeft64(v3, 12) + bits.RotateLeft64(v4, 18)
		acc = xxMerge(acc, v1)
		acc = xxMerge(acc, v2)
		acc = xxMerge(acc, v3)
		acc = xxMerge(acc, v4)
	} else {
		acc = seed + xxPrime5
	}
	// Step 4: add the input length; step 5: the remaining bytes.
	acc += n
	for len(b) >= 8 {
		acc ^= xxRound(0, binary.LittleEndian.Uint64(b))
		acc = bits.RotateLeft64(acc, 27)*xxPrime1 + xxPrime4
		b = b[8:]
	}
	if len(b) >= 4 {
		acc ^= uint64(binary.LittleEndian.Uint32(b)) * xxPrime1
		acc = bits.RotateLeft64(acc, 23)*xxPrime2 + xxPrime3
		b = b[4:]
	}
	for _, c := range b {
		acc ^= uint64(c) * xxPrime5
		acc = bits.RotateLeft64(acc, 11) * xxPrime1
	}
	// Step 6: final mix (avalanche).
	acc ^= acc >> 33
	acc *= xxPrime2
	acc ^= acc >> 29
	acc *= xxPrime3
	acc ^= acc >> 32
	return acc
}

// xxh64Cespare returns XXH64(b, seed) with github.com/cespare/xxhash/v2.
func xxh64Cespare(b []byte, seed uint64) uint64 {
	if seed == 0 {
		return xxhash.Sum64(b)
	}
	var d xxhash.Digest
	d.ResetWithSeed(seed)
	d.Write(b)
	return d.Sum64()
}

// xxAsmArch: cespare/xxhash has assembly for these (off under purego).
var xxAsmArch = runtime.GOARCH == "amd64" || runtime.GOARCH == "arm64"

// useXXGeneric selects xxh64Generic; cespare's is the default.
var useXXGeneric bool

func registerTwox() {
	dispatch.Register(PrimitiveTwox, dispatch.Impl{Name: "cespare", Available: true, Priority: 20,
		Note: "github.com/cespare/xxhash/v2 v2.3.0" + map[bool]string{true: ", assembly", false: ", portable Go"}[asm && xxAsmArch]})
	dispatch.Register(PrimitiveTwox, dispatch.Impl{Name: "generic", Available: true, Priority: 10,
		Note: "our XXH64 from the xxHash specification (differential reference)"})
	dispatch.OnSelect(PrimitiveTwox, func(impl string) { useXXGeneric = impl == "generic" })
}

// twox appends XXH64(in, i) little-endian for i = 0..lanes-1.
func twox(dst, in []byte, lanes int) []byte {
	for i := 0; i < lanes; i++ {
		var h uint64
		if useXXGeneric {
			h = xxh64Generic(in, uint64(i))
		} else {
			h = xxh64Cespare(in, uint64(i))
		}
		dst = binary.LittleEndian.AppendUint64(dst, h)
	}
	return dst
}
