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
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
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
		f, _ := testCatalogue.Lookup(name)
		lib := libraries[name]
		for _, size := range []int{32, 1024, 65536} {
			in := make([]byte, size)
			dst := make([]byte, 0, 64)
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

// BenchmarkHashOther times every example of the structured functions
// through core.Invoke (hash-to-curve under each backend), and reports the
// gas the default schedule charges beside the CPU time (gas/cpu-ns should be
// about 10: gas units are 0.1 ns).
func BenchmarkHashOther(b *testing.B) {
	run := func(b *testing.B, name string) {
		f, ok := testCatalogue.Lookup(name)
		if !ok {
			b.Fatalf("%s is not in package hash", name)
		}
		for _, e := range f.Examples() {
			dst := make([]byte, 0, 256)
			g, _ := gas.Default.Gas(f, e.Input)
			b.Run(name+"/"+e.Name, func(b *testing.B) {
				b.ReportMetric(float64(g), "gas")
				defer startCPU(b)()
				for i := 0; i < b.N; i++ {
					sink, _, _ = core.Invoke(f, gas.Default, nil, dst[:0], e.Input)
				}
			})
		}
	}
	for _, name := range []string{"blake2f", "poseidon_bn254", "poseidon_bls12381_dusk"} {
		run(b, name)
	}
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	for _, backend := range []string{"gnark", "blst"} {
		if dispatch.Force(h2c.Primitive+"="+backend) != nil {
			continue
		}
		b.Run(backend, func(b *testing.B) {
			run(b, "bls12381_hash_to_g1")
			run(b, "bls12381_hash_to_g2")
		})
	}
	dispatch.Force(prev)
	b.Run("bls12381_hash_to_g1/gnark-direct", func(b *testing.B) {
		defer startCPU(b)()
		for i := 0; i < b.N; i++ {
			bls.HashToG1([]byte("abc"), []byte("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_"))
		}
	})
}
