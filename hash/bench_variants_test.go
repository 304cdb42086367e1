package hash

import (
	"crypto/sha3"
	"crypto/sha512"
	"encoding/binary"
	"strconv"
	"testing"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/crypto/blake2b"
	xsha3 "golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// variantLibraries maps the chain hash variants to the library calls they
// wrap, used the way the libraries' documentation shows (a fresh hasher per
// call where the library has no one-shot function).
var variantLibraries = map[string]func(in []byte) []byte{
	"sha512":   func(in []byte) []byte { d := sha512.Sum512(in); return d[:] },
	"sha3_384": func(in []byte) []byte { d := sha3.Sum384(in); return d[:] },
	"sha3_512": func(in []byte) []byte { d := sha3.Sum512(in); return d[:] },
	"keccak512": func(in []byte) []byte {
		h := xsha3.NewLegacyKeccak512()
		h.Write(in)
		return h.Sum(nil)
	},
	"blake2b_128": func(in []byte) []byte {
		h, _ := blake2b.New(16, nil)
		h.Write(in)
		return h.Sum(nil)
	},
	"twox_64": func(in []byte) []byte { return binary.LittleEndian.AppendUint64(nil, xxhash.Sum64(in)) },
	"twox_128": func(in []byte) []byte {
		d := xxhash.NewWithSeed(1)
		d.Write(in)
		return binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, xxhash.Sum64(in)), d.Sum64())
	},
}

// BenchmarkHashVariants compares each chain hash variant through
// core.Invoke with the library call.
func BenchmarkHashVariants(b *testing.B) {
	for _, name := range []string{"sha512", "sha3_384", "sha3_512", "keccak512", "blake2b_128", "twox_64", "twox_128"} {
		f, _ := testCatalogue.Lookup(name)
		lib := variantLibraries[name]
		for _, size := range []int{32, 1024, 65536} {
			in := make([]byte, size)
			dst := make([]byte, 0, 64)
			if got, want := string(mustInvoke(b, f, dst, in)), string(lib(in)); got != want {
				b.Fatalf("%s: output differs from the library", name)
			}
			b.Run(name+"/"+strconv.Itoa(size)+"/invoke", func(b *testing.B) {
				b.SetBytes(int64(size))
				defer startCPU(b)()
				for i := 0; i < b.N; i++ {
					sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], in)
				}
			})
			b.Run(name+"/"+strconv.Itoa(size)+"/lib", func(b *testing.B) {
				b.SetBytes(int64(size))
				defer startCPU(b)()
				for i := 0; i < b.N; i++ {
					sink = lib(in)
				}
			})
		}
	}
}

func mustInvoke(b *testing.B, f *core.Func, dst, in []byte) []byte {
	out, _, err := core.Invoke(f, gas.Default, nil, dst[:0], in)
	if err != nil {
		b.Fatal(err)
	}
	return out
}
