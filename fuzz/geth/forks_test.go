package geth

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/evm"
)

// gethForks is go-ethereum's precompile table per fork, keyed by
// hostcrypto's fork names.
var gethForks = map[string]vm.PrecompiledContracts{
	"homestead": vm.PrecompiledContractsHomestead,
	"byzantium": vm.PrecompiledContractsByzantium,
	"istanbul":  vm.PrecompiledContractsIstanbul,
	"berlin":    vm.PrecompiledContractsBerlin,
	"cancun":    vm.PrecompiledContractsCancun,
	"prague":    vm.PrecompiledContractsPrague,
	"osaka":     vm.PrecompiledContractsOsaka,
}

// gethSet returns go-ethereum's table for s.
func gethSet(t testing.TB, s *evm.Set) vm.PrecompiledContracts {
	g, ok := gethForks[s.Name()]
	if !ok {
		t.Fatalf("no go-ethereum table for fork %s", s.Name())
	}
	return g
}

// compareFork runs in at addr through the fork's set on both sides. Where
// go-ethereum's fork has no precompile at addr, hostcrypto's must answer
// unknown_function; otherwise gas, error-or-not and output must be equal.
func compareFork(t testing.TB, s *evm.Set, g vm.PrecompiledContracts, addr uint64, in []byte) {
	t.Helper()
	p, ok := g[common.Address(evm.AddressOf(addr))]
	if !ok {
		if _, _, err := s.Run(addr, in); core.CodeOf(err) != core.CodeUnknownFunction {
			t.Errorf("%s %#x: not a precompile in go-ethereum, hostcrypto answers %v", s.Name(), addr, err)
		}
		return
	}
	wantGas := p.RequiredGas(in)
	gas, ok := s.RequiredGas(addr, in)
	if !ok {
		t.Fatalf("%s %#x (%s): missing from hostcrypto's set", s.Name(), addr, p.Name())
	}
	if gas != wantGas {
		t.Errorf("%s %#x (%s) input %x: gas %d, go-ethereum %d", s.Name(), addr, p.Name(), clip(in), gas, wantGas)
	}
	if tooSlowFork(addr, wantGas, in) {
		return
	}
	wantOut, wantErr := p.Run(in)
	out, _, err := s.Run(addr, in)
	if errors.Is(err, core.ErrUnsupported) {
		t.Fatalf("%s %#x (%s): unsupported in this build: %v", s.Name(), addr, p.Name(), err)
	}
	if (err == nil) != (wantErr == nil) {
		t.Errorf("%s %#x (%s) input %x: error %v, go-ethereum %v", s.Name(), addr, p.Name(), clip(in), err, wantErr)
		return
	}
	if err == nil && !bytes.Equal(out, wantOut) {
		t.Errorf("%s %#x (%s) input %x: output\n got %x\nwant %x", s.Name(), addr, p.Name(), clip(in), out, wantOut)
	}
}

// tooSlowFork is tooSlow, plus: a MODEXP input declaring an exponent over
// 64 KiB is compared on gas only. Before EIP-7823 go-ethereum allocates and
// squares through the whole declared exponent, and EIP-198 prices an
// exponent byte at 0.4 gas over a one-byte modulus (5 M gas buys 12 MB).
func tooSlowFork(addr, gas uint64, in []byte) bool {
	if tooSlow(addr, gas) {
		return true
	}
	if addr == evm.AddrModexp {
		var w [32]byte
		if len(in) > 32 {
			copy(w[:], in[32:])
		}
		for _, b := range w[:29] {
			if b != 0 {
				return true
			}
		}
		return binary.BigEndian.Uint32(w[28:]) > 64<<10
	}
	return false
}

// allAddrs is every address that holds a precompile in some fork.
func allAddrs() []uint64 {
	forks := evm.Forks()
	return forks[len(forks)-1].Addresses()
}

// TestForkTables checks that every fork's set holds go-ethereum's
// addresses, with go-ethereum's contract names.
func TestForkTables(t *testing.T) {
	if len(evm.Forks()) != len(gethForks) {
		t.Fatalf("%d forks, go-ethereum tables for %d", len(evm.Forks()), len(gethForks))
	}
	for _, s := range evm.Forks() {
		g := gethSet(t, s)
		var want []uint64
		for a := range g {
			want = append(want, new(big.Int).SetBytes(a[:]).Uint64())
		}
		sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
		if got := s.Addresses(); !slices.Equal(got, want) {
			t.Errorf("%s: addresses %#x, go-ethereum %#x", s.Name(), got, want)
		}
		for a, p := range s.Contracts() {
			if q, ok := g[common.Address(a)]; ok && q.Name() != p.Name() {
				t.Errorf("%s %x: name %s, go-ethereum %s", s.Name(), a, p.Name(), q.Name())
			}
		}
	}
}

// sameAsOsaka reports whether a fork's contract at addr is, on both sides,
// the Osaka one: hostcrypto's same *Contract and go-ethereum's same
// contract type and parameters. TestDifferential already compares those
// in depth.
func sameAsOsaka(s *evm.Set, g vm.PrecompiledContracts, addr uint64) bool {
	c, ok1 := s.Contract(addr)
	o, ok2 := evm.Lookup(addr)
	p, ok3 := g[common.Address(evm.AddressOf(addr))]
	q, ok4 := vm.PrecompiledContractsOsaka[common.Address(evm.AddressOf(addr))]
	return ok1 && ok2 && ok3 && ok4 && c == o && fmt.Sprintf("%T%+v", p, p) == fmt.Sprintf("%T%+v", q, q)
}

// legacyModexpInputs are MODEXP inputs at the edges of the pre-Osaka rules:
// lengths beyond 1024 (no EIP-7823 limit), wider than 64 bits (read as
// their low word), offsets that wrap, operands past the input.
func legacyModexpInputs(r *mrand.Rand) [][]byte {
	word := func(v uint64) []byte {
		w := make([]byte, 32)
		binary.BigEndian.PutUint64(w[24:], v)
		return w
	}
	wide := func(v uint64) []byte { w := word(v); w[3] = 1; return w }
	hdr := func(b, e, m []byte, data ...byte) []byte {
		return append(append(append(append([]byte{}, b...), e...), m...), data...)
	}
	rnd := func(n int) []byte { b := make([]byte, n); fillRand(r, b); return b }
	out := [][]byte{
		hdr(word(1), word(1025), word(1), 3),
		hdr(word(1), word(1025), word(1), append(append([]byte{3}, rnd(1025)...), 7)...),
		hdr(word(1025), word(1), word(1025), rnd(2051)...),
		hdr(word(2000), word(3), word(2000), rnd(4003)...),
		hdr(word(0), word(1<<40), word(0)),
		hdr(word(1), word(1<<40), word(1), 2, 3),
		hdr(word(1<<40), word(0), word(1), 5),
		hdr(wide(1), word(1), word(1), 3, 5, 7),
		hdr(word(1), wide(1), word(1), 3, 5, 7),
		hdr(word(1), word(1), wide(1), 3, 5, 7),
		hdr(word(100), word(1<<64-90), word(1), append(make([]byte, 10), 9)...),
		hdr(word(1), word(40000), word(1), 3),
		hdr(word(1), word(40000), word(1), append(append([]byte{3}, rnd(40000)...), 0xfb)...),
		hdr(word(64), word(64), word(1<<20), rnd(200)...),
	}
	for _, l := range [][3]int{{1025, 1, 1}, {1, 1, 1025}, {1100, 40, 1100}, {3000, 2, 3000}, {0, 2000, 8}} {
		out = append(out, modexpInput(r, l[0], l[1], l[2]))
	}
	return out
}

// TestDifferentialForks repeats TestDifferential for every fork before
// Osaka and every address of any fork: an address the fork lacks must be
// unknown to hostcrypto's set; a contract that differs from Osaka's (MODEXP
// before Osaka, BN254 before Istanbul) gets every seed, 200 mutations and
// the boundary lengths; a contract that is Osaka's on both sides
// (sameAsOsaka) gets a sample of them.
func TestDifferentialForks(t *testing.T) {
	seeds := vectorInputs(t)
	seeds[evm.AddrEcrecover] = append(seeds[evm.AddrEcrecover], ecrecoverInputs(t, 8)...)
	seeds[evm.AddrP256Verify] = append(seeds[evm.AddrP256Verify], p256Inputs(t, 8)...)
	r0 := mrand.New(mrand.NewPCG(20, 1))
	seeds[evm.AddrModexp] = append(append(seeds[evm.AddrModexp], modexpEdgeInputs(r0)...), legacyModexpInputs(r0)...)
	for _, s := range evm.Forks() {
		if s.Name() == evm.ForkOsaka {
			continue // TestDifferential
		}
		g := gethSet(t, s)
		t.Run(s.Name(), func(t *testing.T) {
			for _, a := range allAddrs() {
				r := mrand.New(mrand.NewPCG(a, 21))
				ins := seeds[a]
				mutations := 200
				if _, ok := s.Contract(a); !ok || sameAsOsaka(s, g, a) {
					ins = sample(r, ins, 12)
					mutations = 12
				}
				if testing.Short() {
					mutations /= 5
				}
				for _, in := range ins {
					compareFork(t, s, g, a, in)
				}
				for i := 0; i < mutations && len(ins) > 0; i++ {
					compareFork(t, s, g, a, mutate(r, ins[r.IntN(len(ins))]))
				}
				for _, n := range []int{0, 1, 31, 32, 64, 95, 96, 97, 128, 129, 191, 192, 193, 213, 384} {
					in := make([]byte, n)
					compareFork(t, s, g, a, in)
					fillRand(r, in)
					compareFork(t, s, g, a, in)
				}
			}
		})
	}
}

// sample returns up to n of ins, chosen by r.
func sample(r *mrand.Rand, ins [][]byte, n int) [][]byte {
	if len(ins) <= n {
		return ins
	}
	out := make([][]byte, n)
	for i := range out {
		out[i] = ins[r.IntN(len(ins))]
	}
	return out
}

// FuzzForks feeds arbitrary (fork, address, input) triples to both sides;
// addresses range over every fork's, so a fork's missing ones are checked
// to be missing on both sides.
func FuzzForks(f *testing.F) {
	forks := evm.Forks()
	list := allAddrs()
	seeds := vectorInputs(f)
	seeds[evm.AddrModexp] = append(seeds[evm.AddrModexp], legacyModexpInputs(mrand.New(mrand.NewPCG(3, 4)))...)
	for i, a := range list {
		for j, in := range seeds[a] {
			if j >= 4 || len(in) > 4096 {
				continue
			}
			for k := range forks {
				f.Add(byte(k), byte(i), in)
			}
		}
	}
	// go-ethereum loads its KZG setup lazily: load it before fuzzing (see
	// FuzzPrecompiles).
	compare(f, evm.AddrPointEval, seeds[evm.AddrPointEval][0])
	f.Fuzz(func(t *testing.T, fk, sel byte, in []byte) {
		s := forks[int(fk)%len(forks)]
		compareFork(t, s, gethSet(t, s), list[int(sel)%len(list)], in)
	})
}

// FuzzModexpForks is FuzzModexp under every fork that has MODEXP, with
// lengths up to 4 KiB (beyond EIP-7823's bound, which only Osaka has).
func FuzzModexpForks(f *testing.F) {
	var forks []*evm.Set
	for _, s := range evm.Forks() {
		if _, ok := s.Contract(evm.AddrModexp); ok {
			forks = append(forks, s)
		}
	}
	for k := range forks {
		f.Add(byte(k), uint16(1), uint16(1), uint16(1), []byte{3, 5, 7})
		f.Add(byte(k), uint16(1025), uint16(2), uint16(1025), bytes.Repeat([]byte{0xa5}, 2052))
		f.Add(byte(k), uint16(0), uint16(3000), uint16(0), []byte{1})
		f.Add(byte(k), uint16(2), uint16(40), uint16(2), []byte{0, 0, 0x80})
	}
	f.Fuzz(func(t *testing.T, fk byte, bl, el, ml uint16, data []byte) {
		s := forks[int(fk)%len(forks)]
		in := make([]byte, 96, 96+len(data))
		binary.BigEndian.PutUint16(in[30:], bl%4200)
		binary.BigEndian.PutUint16(in[62:], el%4200)
		binary.BigEndian.PutUint16(in[94:], ml%4200)
		in = append(in, data...)
		compareFork(t, s, gethSet(t, s), evm.AddrModexp, in)
	})
}

// TestLegacyModexpUnpayable runs, on both sides and whatever their price,
// pre-Osaka MODEXP inputs that no block can pay for but that go-ethereum
// still runs in microseconds: length fields wider than 64 bits (read as
// their low word) and offsets that wrap around 2^64 (the modulus then comes
// from the start of the input, the exponent is empty).
func TestLegacyModexpUnpayable(t *testing.T) {
	word := func(v uint64, wide bool) []byte {
		w := make([]byte, 32)
		binary.BigEndian.PutUint64(w[24:], v)
		if wide {
			w[0] = 0x80
		}
		return w
	}
	hdr := func(b, e, m []byte, data ...byte) []byte {
		return append(append(append(append([]byte{}, b...), e...), m...), data...)
	}
	ins := [][]byte{
		hdr(word(1, true), word(1, false), word(1, false), 3, 5, 7),
		hdr(word(1, false), word(1, true), word(1, false), 3, 5, 7),
		hdr(word(1, false), word(1, false), word(1, true), 3, 5, 7),
		hdr(word(100, false), word(1<<64-90, false), word(1, false), append(make([]byte, 10), 9)...),
		hdr(word(100, false), word(1<<64-90, false), word(2, false), append(make([]byte, 10), 1, 0xfd, 0x33)...),
		hdr(word(1<<63, false), word(1<<63+5, false), word(1, false), 0, 0, 0, 0, 0, 11),
	}
	for _, s := range evm.Forks() {
		g := gethSet(t, s)
		p, ok := g[common.Address(evm.AddressOf(evm.AddrModexp))]
		if !ok || s.Name() == evm.ForkOsaka {
			continue
		}
		for _, in := range ins {
			wantOut, wantErr := p.Run(in)
			out, gas, err := s.Run(evm.AddrModexp, in)
			if gas != p.RequiredGas(in) || (err == nil) != (wantErr == nil) || !bytes.Equal(out, wantOut) {
				t.Errorf("%s %x: (%x, %d, %v), go-ethereum (%x, %d, %v)", s.Name(), in, out, gas, err, wantOut, p.RequiredGas(in), wantErr)
			}
		}
	}
}
