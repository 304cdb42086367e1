package geth

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	mrand "math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/evm" // alone: the precompiles hold the functions they forward to
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// osaka is go-ethereum's Osaka precompile table.
var osaka = vm.PrecompiledContractsOsaka

// addrs lists the Osaka addresses as numbers, ascending.
func addrs(t testing.TB) []uint64 {
	var out []uint64
	for a := range osaka {
		out = append(out, new(big.Int).SetBytes(a[:]).Uint64())
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// compare runs in at addr through both implementations and reports any
// difference in gas, error-or-not, or output. An input for which hostcrypto
// reports CodeUnsupported is a failure: the whole catalogue must be linked.
func compare(t testing.TB, addr uint64, in []byte) {
	t.Helper()
	p, ok := osaka[common.Address(evm.AddressOf(addr))]
	if !ok {
		t.Fatalf("go-ethereum has no Osaka precompile at %#x", addr)
	}
	wantGas := p.RequiredGas(in)
	if gas, _ := evm.RequiredGas(addr, in); tooSlow(addr, wantGas) {
		// Priced out of any test budget (e.g. 2^31 BLAKE2F rounds): compare
		// the price only.
		if gas != wantGas {
			t.Errorf("%#x (%s) input %x: gas %d, go-ethereum %d", addr, p.Name(), clip(in), gas, wantGas)
		}
		return
	}
	wantOut, wantErr := p.Run(in)
	out, gas, err := evm.Run(addr, in)
	if errors.Is(err, core.ErrUnsupported) {
		t.Fatalf("%#x (%s): unsupported in this build: %v", addr, p.Name(), err)
	}
	if gas != wantGas {
		t.Errorf("%#x (%s) input %x: gas %d, go-ethereum %d", addr, p.Name(), clip(in), gas, wantGas)
	}
	if (err == nil) != (wantErr == nil) {
		t.Errorf("%#x (%s) input %x: error %v, go-ethereum %v", addr, p.Name(), clip(in), err, wantErr)
		return
	}
	if err == nil && !bytes.Equal(out, wantOut) {
		t.Errorf("%#x (%s) input %x: output\n got %x\nwant %x", addr, p.Name(), clip(in), out, wantOut)
	}
}

// tooSlow reports whether a call priced gas at addr would take too long to
// run in a test (over about 50 ms of work on either side).
func tooSlow(addr, gas uint64) bool {
	if addr == evm.AddrBlake2F {
		return gas > 200_000 // one gas per round, ~0.1 us per round
	}
	return gas > 5_000_000
}

func clip(b []byte) []byte {
	if len(b) > 400 {
		return b[:400]
	}
	return b
}

// vectorInputs returns every Input of the vector files at addr (success and
// failure cases), read in place from ../shared/vectors.
func vectorInputs(t testing.TB) map[uint64][][]byte {
	files := map[string]uint64{
		"go-ethereum-precompiles/ecRecover.json":                  evm.AddrEcrecover,
		"go-ethereum-precompiles/modexp.json":                     evm.AddrModexp,
		"go-ethereum-precompiles/modexp_eip2565.json":             evm.AddrModexp,
		"go-ethereum-precompiles/modexp_eip7883.json":             evm.AddrModexp,
		"go-ethereum-precompiles/bn256Add.json":                   evm.AddrBN254Add,
		"go-ethereum-precompiles/bn256ScalarMul.json":             evm.AddrBN254Mul,
		"go-ethereum-precompiles/bn256Pairing.json":               evm.AddrBN254Pairing,
		"go-ethereum-precompiles/blake2F.json":                    evm.AddrBlake2F,
		"go-ethereum-precompiles/fail-blake2f.json":               evm.AddrBlake2F,
		"go-ethereum-precompiles/pointEvaluation.json":            evm.AddrPointEval,
		"go-ethereum-precompiles/p256Verify.json":                 evm.AddrP256Verify,
		"go-ethereum-precompiles/blsG1Add.json":                   evm.AddrBLS12G1Add,
		"go-ethereum-precompiles/fail-blsG1Add.json":              evm.AddrBLS12G1Add,
		"go-ethereum-precompiles/blsG1Mul.json":                   evm.AddrBLS12G1MSM,
		"go-ethereum-precompiles/fail-blsG1MultiExp.json":         evm.AddrBLS12G1MSM,
		"go-ethereum-precompiles/blsG2Add.json":                   evm.AddrBLS12G2Add,
		"go-ethereum-precompiles/fail-blsG2Add.json":              evm.AddrBLS12G2Add,
		"go-ethereum-precompiles/blsG2Mul.json":                   evm.AddrBLS12G2MSM,
		"go-ethereum-precompiles/fail-blsG2MultiExp.json":         evm.AddrBLS12G2MSM,
		"go-ethereum-precompiles/blsPairing.json":                 evm.AddrBLS12Pairing,
		"go-ethereum-precompiles/fail-blsPairing.json":            evm.AddrBLS12Pairing,
		"go-ethereum-precompiles/blsMapG1.json":                   evm.AddrBLS12MapFpToG1,
		"go-ethereum-precompiles/fail-blsMapG1.json":              evm.AddrBLS12MapFpToG1,
		"go-ethereum-precompiles/blsMapG2.json":                   evm.AddrBLS12MapFp2G2,
		"go-ethereum-precompiles/fail-blsMapG2.json":              evm.AddrBLS12MapFp2G2,
		"c-kzg-4844/derived/pointEvaluation_from_c-kzg.json":      evm.AddrPointEval,
		"c-kzg-4844/derived/fail-pointEvaluation_from_c-kzg.json": evm.AddrPointEval,
	}
	out := map[uint64][][]byte{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(vectors.Path(t, name))
		if err != nil {
			t.Fatal(err)
		}
		var vs []struct{ Input string }
		if err := json.Unmarshal(data, &vs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, v := range vs {
			b, err := hex.DecodeString(v.Input)
			if err != nil {
				t.Fatal(err)
			}
			out[files[name]] = append(out[files[name]], b)
		}
	}
	return out
}

// mutate returns a variant of in: a bit flip, a byte set to an edge value,
// a truncation or an extension, chosen by r.
func mutate(r *mrand.Rand, in []byte) []byte {
	b := append([]byte(nil), in...)
	switch r.IntN(6) {
	case 0, 1:
		if len(b) > 0 {
			i := r.IntN(len(b))
			b[i] ^= 1 << r.IntN(8)
		}
	case 2:
		if len(b) > 0 {
			i := r.IntN(len(b))
			b[i] = []byte{0, 1, 0x7f, 0x80, 0xff}[r.IntN(5)]
		}
	case 3:
		if len(b) > 0 {
			b = b[:r.IntN(len(b))]
		}
	case 4:
		extra := make([]byte, 1+r.IntN(64))
		if r.IntN(2) == 0 {
			fillRand(r, extra)
		}
		b = append(b, extra...)
	case 5:
		// Overwrite a 32-byte word with 0, 1, p-1-like all-ones, or random.
		if len(b) >= 32 {
			w := r.IntN(len(b)/32) * 32
			switch r.IntN(3) {
			case 0:
				clear(b[w : w+32])
			case 1:
				for i := range b[w : w+32] {
					b[w+i] = 0xff
				}
			default:
				fillRand(r, b[w:w+32])
			}
		}
	}
	return b
}

func fillRand(r *mrand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(r.Uint32())
	}
}

// ecrecoverInputs returns valid (hash, v, r, s) inputs signed with fresh
// keys, so that mutations explore near-valid signatures.
func ecrecoverInputs(t testing.TB, n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256([]byte{byte(i)})
		sig, err := crypto.Sign(h[:], key)
		if err != nil {
			t.Fatal(err)
		}
		in := make([]byte, 128)
		copy(in, h[:])
		in[63] = 27 + sig[64]
		copy(in[64:], sig[:64])
		out = append(out, in)
	}
	return out
}

// p256Inputs returns valid P256VERIFY inputs.
func p256Inputs(t testing.TB, n int) [][]byte {
	var out [][]byte
	for i := 0; i < n; i++ {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256([]byte{byte(i)})
		r, s, err := ecdsa.Sign(rand.Reader, key, h[:])
		if err != nil {
			t.Fatal(err)
		}
		in := make([]byte, 160)
		copy(in, h[:])
		r.FillBytes(in[32:64])
		s.FillBytes(in[64:96])
		key.X.FillBytes(in[96:128])
		key.Y.FillBytes(in[128:160])
		out = append(out, in)
	}
	return out
}

// modexpInput builds a MODEXP input with the given lengths and random
// operands (the last operand possibly truncated).
func modexpInput(r *mrand.Rand, bl, el, ml int) []byte {
	in := make([]byte, 96+bl+el+ml)
	binary.BigEndian.PutUint64(in[24:32], uint64(bl))
	binary.BigEndian.PutUint64(in[56:64], uint64(el))
	binary.BigEndian.PutUint64(in[88:96], uint64(ml))
	fillRand(r, in[96:])
	if r.IntN(4) == 0 && len(in) > 96 {
		in = in[:96+r.IntN(len(in)-96)]
	}
	return in
}

// modexpEdgeInputs are headers and operands at the limits of EIP-198,
// EIP-7823 and EIP-7883: zero lengths, 1024/1025, lengths beyond 64 bits,
// zero and one moduli, even moduli, truncated operands.
func modexpEdgeInputs(r *mrand.Rand) [][]byte {
	var out [][]byte
	word := func(v uint64) []byte {
		w := make([]byte, 32)
		binary.BigEndian.PutUint64(w[24:], v)
		return w
	}
	hdr := func(b, e, m []byte) []byte { return append(append(append([]byte{}, b...), e...), m...) }
	huge := bytes.Repeat([]byte{0xff}, 32)
	big65 := make([]byte, 32)
	big65[23] = 1 // 2^64
	out = append(out,
		nil, make([]byte, 95), make([]byte, 96),
		hdr(word(0), word(0), word(0)),
		hdr(word(0), word(5), word(0)),
		hdr(word(0), word(1025), word(0)),
		hdr(word(1025), word(0), word(0)),
		hdr(word(0), word(0), word(1025)),
		hdr(word(1024), word(1024), word(1024)),
		hdr(huge, word(1), word(1)),
		hdr(word(1), huge, word(1)),
		hdr(word(1), word(1), huge),
		hdr(big65, word(0), word(0)),
		hdr(word(0), big65, word(0)),
		append(hdr(word(1), word(1), word(1)), 3, 5, 0), // mod 0
		append(hdr(word(1), word(1), word(1)), 3, 5, 1), // mod 1
		append(hdr(word(1), word(0), word(1)), 0, 7),    // 0^0 mod 7
		append(hdr(word(1), word(0), word(1)), 0, 1),    // 0^0 mod 1
		append(hdr(word(1), word(32), word(1)), 1),      // truncated exponent
		append(hdr(word(0), word(64), word(32)), 0x80),  // exponent head only
		append(hdr(word(32), word(33), word(32)), bytes.Repeat([]byte{0xff}, 20)...),
	)
	for _, l := range [][3]int{{1, 1, 1}, {32, 32, 32}, {33, 1, 33}, {64, 64, 64}, {1, 33, 1}, {200, 3, 200},
		{1024, 2, 1024}, {0, 4, 8}, {8, 0, 8}, {8, 8, 0}, {1024, 0, 1}, {3, 1024, 3}} {
		out = append(out, modexpInput(r, l[0], l[1], l[2]))
	}
	// even moduli
	for i := 0; i < 4; i++ {
		in := modexpInput(r, 64, 8, 64)
		if len(in) == 96+64+8+64 {
			in[len(in)-1] &^= 1
		}
		out = append(out, in)
	}
	return out
}

// TestAllAddresses checks that both tables hold the same addresses.
func TestAllAddresses(t *testing.T) {
	got := evm.Addresses()
	want := addrs(t)
	if len(got) != len(want) {
		t.Fatalf("hostcrypto has %d precompiles, go-ethereum Osaka %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("address %d: %#x, go-ethereum %#x", i, got[i], want[i])
		}
	}
}

// TestDifferential runs every vector input, mutations of them, generated
// valid signatures and modexp edge cases, and random inputs of assorted
// lengths through both implementations, per address.
func TestDifferential(t *testing.T) {
	seeds := vectorInputs(t)
	seeds[evm.AddrEcrecover] = append(seeds[evm.AddrEcrecover], ecrecoverInputs(t, 16)...)
	seeds[evm.AddrP256Verify] = append(seeds[evm.AddrP256Verify], p256Inputs(t, 16)...)
	for _, a := range addrs(t) {
		r := mrand.New(mrand.NewPCG(a, 7))
		if a == evm.AddrModexp {
			seeds[a] = append(seeds[a], modexpEdgeInputs(r)...)
		}
		t.Run(evm.FuncName(a), func(t *testing.T) {
			ins := seeds[a]
			for _, in := range ins {
				compare(t, a, in)
			}
			mutations := 200
			if testing.Short() {
				mutations = 40
			}
			for i := 0; i < mutations && len(ins) > 0; i++ {
				compare(t, a, mutate(r, ins[r.IntN(len(ins))]))
			}
			for _, n := range []int{0, 1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 159, 160, 161,
				191, 192, 193, 212, 213, 214, 255, 256, 257, 287, 288, 383, 384, 385, 511, 512, 513} {
				in := make([]byte, n)
				compare(t, a, in)
				fillRand(r, in)
				compare(t, a, in)
			}
		})
	}
}

// FuzzPrecompiles feeds arbitrary (address selector, input) pairs to both
// implementations. Inputs priced beyond tooSlow are compared on gas only.
//
// EVMDIFF_ADDRS (comma-separated hex addresses, e.g. "0x01,0x05") restricts
// the target to some precompiles.
func FuzzPrecompiles(f *testing.F) {
	list := addrs(f)
	if env := os.Getenv("EVMDIFF_ADDRS"); env != "" {
		list = nil
		for _, s := range strings.Split(env, ",") {
			a, err := strconv.ParseUint(strings.TrimSpace(s), 0, 64)
			if err != nil {
				f.Fatalf("EVMDIFF_ADDRS: %v", err)
			}
			list = append(list, a)
		}
	}
	seeds := vectorInputs(f)
	seeds[evm.AddrEcrecover] = append(seeds[evm.AddrEcrecover], ecrecoverInputs(f, 4)...)
	seeds[evm.AddrP256Verify] = append(seeds[evm.AddrP256Verify], p256Inputs(f, 4)...)
	seeds[evm.AddrModexp] = append(seeds[evm.AddrModexp], modexpEdgeInputs(mrand.New(mrand.NewPCG(1, 2)))...)
	for i, a := range list {
		for j, in := range seeds[a] {
			if j >= 6 || len(in) > 4096 {
				continue
			}
			f.Add(byte(i), in)
		}
	}
	// go-ethereum loads its KZG setup lazily (seconds, more under coverage
	// instrumentation); do it before fuzzing so that no input exceeds the
	// fuzzer's per-input hang limit.
	for _, in := range seeds[evm.AddrPointEval][:1] {
		compare(f, evm.AddrPointEval, in)
	}
	f.Fuzz(func(t *testing.T, sel byte, in []byte) {
		a := list[int(sel)%len(list)]
		compare(t, a, in)
	})
}

// FuzzModexp builds MODEXP inputs from small structured lengths (around the
// EIP-7823 bound) and operand bytes, which raw fuzzing rarely reaches.
func FuzzModexp(f *testing.F) {
	f.Add(uint16(1), uint16(1), uint16(1), []byte{3, 5, 7})
	f.Add(uint16(32), uint16(32), uint16(32), bytes.Repeat([]byte{0xff}, 96))
	f.Add(uint16(0), uint16(0), uint16(0), []byte{})
	f.Add(uint16(1025), uint16(0), uint16(1), []byte{1})
	f.Add(uint16(2), uint16(40), uint16(2), []byte{0, 0, 0x80})
	f.Fuzz(func(t *testing.T, bl, el, ml uint16, data []byte) {
		in := make([]byte, 96, 96+len(data))
		binary.BigEndian.PutUint16(in[30:], bl%1100)
		binary.BigEndian.PutUint16(in[62:], el%1100)
		binary.BigEndian.PutUint16(in[94:], ml%1100)
		in = append(in, data...)
		compare(t, evm.AddrModexp, in)
	})
}

// TestDifferentialImplementations repeats the vector and mutation
// comparison for the precompiles with several implementations in evm/,
// forcing each one (TestDifferential covers the default selection).
func TestDifferentialImplementations(t *testing.T) {
	seeds := vectorInputs(t)
	seeds[evm.AddrEcrecover] = append(seeds[evm.AddrEcrecover], ecrecoverInputs(t, 16)...)
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	for prim, addr := range map[string]uint64{"evm.ecrecover": evm.AddrEcrecover, "evm.point_evaluation": evm.AddrPointEval} {
		p, ok := dispatch.Lookup(prim)
		if !ok {
			t.Fatalf("primitive %s not registered", prim)
		}
		for _, impl := range p.Impls {
			t.Run(prim+"/"+impl.Name, func(t *testing.T) {
				if !impl.Available {
					t.Skipf("%s not available in this build: %s", impl.Name, impl.Note)
				}
				if err := dispatch.Force(prim + "=" + impl.Name); err != nil {
					t.Fatal(err)
				}
				r := mrand.New(mrand.NewPCG(addr, 11))
				ins := seeds[addr]
				for _, in := range ins {
					compare(t, addr, in)
				}
				for i := 0; i < 100; i++ {
					compare(t, addr, mutate(r, ins[r.IntN(len(ins))]))
				}
			})
		}
	}
}
