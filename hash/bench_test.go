package hash

import (
	"crypto/sha256"
	"crypto/sha3"
	"strconv"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/zeebo/blake3"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck
	xsha3 "golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

var sink []byte

// libraries maps each byte hash to the library call it wraps, used the way
// the library's documentation shows.
var libraries = map[string]func(in []byte) []byte{
	"sha256":      func(in []byte) []byte { d := sha256.Sum256(in); return d[:] },
	"sha3_256":    func(in []byte) []byte { d := sha3.Sum256(in); return d[:] },
	"blake2b_256": func(in []byte) []byte { d := blake2b.Sum256(in); return d[:] },
	"blake2b_512": func(in []byte) []byte { d := blake2b.Sum512(in); return d[:] },
	"blake3_256":  func(in []byte) []byte { d := blake3.Sum256(in); return d[:] },
	"keccak256": func(in []byte) []byte {
		h := xsha3.NewLegacyKeccak256()
		h.Write(in)
		return h.Sum(nil)
	},
	"ripemd160": func(in []byte) []byte {
		h := ripemd160.New()
		h.Write(in)
		return h.Sum(nil)
	},
}

// BenchmarkHash compares each byte hash through core.Invoke (the host-call
// path: gas pricing, limits, panic guard) with the library it wraps.
func BenchmarkHash(b *testing.B) {
	for _, name := range []string{"sha256", "sha3_256", "keccak256", "blake2b_256", "blake2b_512", "blake3_256", "ripemd160"} {
		f, _ := core.Default.Lookup(name)
		lib := libraries[name]
		for _, size := range []int{32, 1024, 65536} {
			in := make([]byte, size)
			dst := make([]byte, 0, 64)
			b.Run(name+"/"+strconv.Itoa(size)+"/invoke", func(b *testing.B) {
				b.SetBytes(int64(size))
				for i := 0; i < b.N; i++ {
					sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], in)
				}
			})
			b.Run(name+"/"+strconv.Itoa(size)+"/lib", func(b *testing.B) {
				b.SetBytes(int64(size))
				for i := 0; i < b.N; i++ {
					sink = lib(in)
				}
			})
		}
	}
}

// BenchmarkHashOther times the structured functions through core.Invoke.
func BenchmarkHashOther(b *testing.B) {
	blake2fIn := make([]byte, blake2fInputLen)
	blake2fIn[3] = 12
	p2 := make([]byte, 64)
	p2[31], p2[63] = 1, 2
	h2c := h2cInput("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_", []byte("abc"))
	cases := []struct {
		name string
		in   []byte
	}{
		{"blake2f/12rounds", blake2fIn},
		{"hash_to_scalar_bls12381/32", make([]byte, 32)},
		{"poseidon_bn254/2", p2},
		{"poseidon_bn254/16", make([]byte, 16*32)},
		{"poseidon_bls12381_dusk/2", make([]byte, 64)},
		{"poseidon_bls12381_dusk/5", make([]byte, 5*32)},
		{"bls12381_hash_to_g1/3", h2c},
		{"bls12381_hash_to_g2/3", h2c},
	}
	for _, c := range cases {
		fn := c.name[:len(c.name)-len(c.name[lastSlash(c.name):])]
		f, _ := core.Default.Lookup(fn)
		dst := make([]byte, 0, 256)
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], c.in)
			}
		})
	}
	b.Run("bls12381_hash_to_g1/3/gnark-direct", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			bls.HashToG1([]byte("abc"), []byte("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_"))
		}
	})
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return len(s)
}
