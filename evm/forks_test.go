package evm_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// forkAddrs are the precompile addresses each fork's EIPs define:
// Frontier's four, EIP-198/196/197 (Byzantium), EIP-152 (Istanbul),
// EIP-4844 (Cancun), EIP-2537 (Prague), EIP-7951 (Osaka).
var forkAddrs = map[string][]uint64{
	"homestead": {1, 2, 3, 4},
	"byzantium": {1, 2, 3, 4, 5, 6, 7, 8},
	"istanbul":  {1, 2, 3, 4, 5, 6, 7, 8, 9},
	"berlin":    {1, 2, 3, 4, 5, 6, 7, 8, 9},
	"cancun":    {1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a},
	"prague":    {1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11},
	"osaka":     {1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x100},
}

func fork(t testing.TB, name string) *evm.Set {
	t.Helper()
	s, err := evm.Fork(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestForkSets(t *testing.T) {
	var names []string
	for _, s := range evm.Forks() {
		names = append(names, s.Name())
	}
	if want := []string{"homestead", "byzantium", "istanbul", "berlin", "cancun", "prague", "osaka"}; !slices.Equal(names, want) {
		t.Fatalf("Forks() = %v, want %v", names, want)
	}
	for _, s := range evm.Forks() {
		want := forkAddrs[s.Name()]
		if got := s.Addresses(); !slices.Equal(got, want) {
			t.Errorf("%s: addresses %#x, want %#x", s.Name(), got, want)
		}
		if len(s.Funcs()) != len(want) || len(s.Contracts()) != len(want) {
			t.Errorf("%s: %d funcs, %d contracts", s.Name(), len(s.Funcs()), len(s.Contracts()))
		}
		var far evm.Address
		far[0] = 1 // not a precompile address in any fork
		if _, ok := s.ContractAt(far); ok {
			t.Errorf("%s: a contract at %x", s.Name(), far)
		}
		for a := uint64(0); a <= 0x101; a++ {
			in := slices.Contains(forkAddrs[s.Name()], a)
			c, ok := s.Contract(a)
			_, gok := s.RequiredGas(a, nil)
			f, fok := s.Lookup(evm.FuncName(a))
			if ok != in || gok != in || fok != in {
				t.Errorf("%s %#x: Contract %v, RequiredGas %v, Lookup %v, want %v", s.Name(), a, ok, gok, fok, in)
			}
			_, _, err := s.Run(a, nil)
			if !in {
				if core.CodeOf(err) != core.CodeUnknownFunction {
					t.Errorf("%s %#x: Run error %v, want unknown_function", s.Name(), a, err)
				}
				if _, _, err := s.RunAddress(evm.AddressOf(a), nil); core.CodeOf(err) != core.CodeUnknownFunction {
					t.Errorf("%s %#x: RunAddress error %v, want unknown_function", s.Name(), a, err)
				}
				continue
			}
			if f != c.Func() || f.Name != evm.FuncName(a) || f.Family != "evm" {
				t.Errorf("%s %#x: Lookup gives %q, contract's function %q", s.Name(), a, f.Name, c.Func().Name)
			}
			if c2, _ := s.ContractAt(evm.AddressOf(a)); c2 != c {
				t.Errorf("%s %#x: ContractAt differs from Contract", s.Name(), a)
			}
			if osaka, _ := evm.Lookup(a); osaka.Name() != c.Name() {
				t.Errorf("%s %#x: name %q, Osaka's %q", s.Name(), a, c.Name(), osaka.Name())
			}
		}
		for _, name := range []string{"sha256", "evm:0x1", "evm:0x01x", "evm:0x0001", "evm:"} {
			if _, ok := s.Lookup(name); ok {
				t.Errorf("%s: Lookup(%q) found a function", s.Name(), name)
			}
		}
	}
	// The osaka set is the package's Osaka table, and its functions are
	// the package's descriptors (evm.Funcs, what catalogues hold).
	osaka := fork(t, "osaka")
	descs := map[string]*core.Func{}
	for _, f := range evm.Funcs() {
		descs[f.Name] = f
	}
	for _, a := range evm.Addresses() {
		c1, _ := evm.Lookup(a)
		c2, _ := osaka.Contract(a)
		if c1 != c2 || c2.Func() != descs[evm.FuncName(a)] {
			t.Errorf("%#x: the osaka set's contract is not the package's / its descriptor", a)
		}
	}
}

func TestForkNames(t *testing.T) {
	for alias, want := range map[string]string{
		"Frontier": "homestead", "homestead": "homestead", "TangerineWhistle": "homestead", "spuriousdragon": "homestead",
		"byzantium": "byzantium", "Constantinople": "byzantium", "petersburg": "byzantium",
		"ISTANBUL": "istanbul", "muirglacier": "istanbul",
		"berlin": "berlin", "london": "berlin", "arrowglacier": "berlin", "grayglacier": "berlin", "paris": "berlin", "shanghai": "berlin",
		"cancun": "cancun", " prague ": "prague", "Osaka": "osaka",
	} {
		if s := fork(t, alias); s.Name() != want {
			t.Errorf("Fork(%q) = %s, want %s", alias, s.Name(), want)
		}
	}
	for _, bad := range []string{"", "amsterdam", "verkle", "osaka2"} {
		if _, err := evm.Fork(bad); err == nil {
			t.Errorf("Fork(%q) succeeded", bad)
		}
	}
}

// TestForkGas checks the prices that changed between forks, from the EIPs:
// BN254 at EIP-196/197 prices before Istanbul and EIP-1108's after, MODEXP
// at EIP-198's (example from EIP-198), EIP-2565's and EIP-7883's.
func TestForkGas(t *testing.T) {
	pairs := func(k int) []byte { return make([]byte, 192*k) }
	for _, c := range []struct {
		fork string
		addr uint64
		in   []byte
		want uint64
	}{
		{"byzantium", evm.AddrBN254Add, nil, 500}, {"byzantium", evm.AddrBN254Mul, nil, 40000},
		{"byzantium", evm.AddrBN254Pairing, pairs(0), 100000}, {"byzantium", evm.AddrBN254Pairing, pairs(2), 260000},
		{"istanbul", evm.AddrBN254Add, nil, 150}, {"istanbul", evm.AddrBN254Mul, nil, 6000},
		{"istanbul", evm.AddrBN254Pairing, pairs(2), 113000}, {"prague", evm.AddrBN254Pairing, pairs(1), 79000},
		// EIP-198: 3^(p-1) mod p for the secp256k1 field prime p: 13056 gas.
		{"byzantium", evm.AddrModexp, fermat, 13056}, {"istanbul", evm.AddrModexp, fermat, 13056},
		{"berlin", evm.AddrModexp, fermat, 1360}, {"cancun", evm.AddrModexp, fermat, 1360}, {"prague", evm.AddrModexp, fermat, 1360},
		{"osaka", evm.AddrModexp, fermat, 4080},
		{"byzantium", evm.AddrModexp, nil, 0}, {"berlin", evm.AddrModexp, nil, 200}, {"osaka", evm.AddrModexp, nil, 500},
	} {
		got, ok := fork(t, c.fork).RequiredGas(c.addr, c.in)
		if !ok || got != c.want {
			t.Errorf("%s %#x %d bytes: gas %d (%v), want %d", c.fork, c.addr, len(c.in), got, ok, c.want)
		}
	}
	// Every other price is the same in every fork that has the address.
	osaka := fork(t, "osaka")
	for _, s := range evm.Forks() {
		for _, a := range s.Addresses() {
			if a == evm.AddrModexp || (s.Name() == "byzantium" && a >= evm.AddrBN254Add) {
				continue
			}
			c, _ := s.Contract(a)
			o, _ := osaka.Contract(a)
			if c != o {
				t.Errorf("%s %#x: not Osaka's contract", s.Name(), a)
			}
		}
	}
}

// fermat is EIP-198's example input: base 3, exponent p-1, modulus p, for
// p = 2^256 - 2^32 - 977.
var fermat = func() []byte {
	in := make([]byte, 96, 96+65)
	in[31], in[63], in[95] = 1, 32, 32
	in = append(in, 3)
	p := bytes.Repeat([]byte{0xff}, 32)
	p[27], p[28], p[29], p[30], p[31] = 0xfe, 0xff, 0xff, 0xfc, 0x2f
	e := append([]byte(nil), p...)
	e[31]--
	return append(append(in, e...), p...)
}()

// forkPricing says under which forks a vector file's Gas is the price:
// modexp.json is EIP-198's, modexp_eip2565.json EIP-2565's,
// modexp_eip7883.json EIP-7883's, the bn256 files EIP-1108's; every other
// file's price never changed.
func forkPricing(path, fork string) bool {
	switch filepath.Base(path) {
	case "modexp.json":
		return fork == "byzantium" || fork == "istanbul"
	case "modexp_eip2565.json":
		return fork == "berlin" || fork == "cancun" || fork == "prague"
	case "modexp_eip7883.json":
		return fork == "osaka"
	case "bn256Add.json", "bn256ScalarMul.json", "bn256Pairing.json":
		return fork != "byzantium"
	}
	return true
}

// TestForkVectors runs every vector file under every fork that has its
// address, through the fork's catalogue function (core.Invoke) and through
// Set.Run: outputs must match, failure cases fail, and the gas is the
// file's where the file is priced for that fork (forkPricing). Before
// Istanbul the BN254 cases are checked at EIP-196/197 prices. Where the
// fork's contract is Osaka's own (the same *Contract, which TestForkGas
// checks) and the file is priced as in Osaka, TestVectors already ran every
// case on every backend: 8 cases per file suffice here.
func TestForkVectors(t *testing.T) {
	for _, s := range evm.Forks() {
		t.Run(s.Name(), func(t *testing.T) {
			ran := 0
			for _, vf := range vectors.GethFiles {
				addr := addrOf(t, vf)
				f, ok := s.Lookup(vf.EVM)
				if !ok {
					if slices.Contains(forkAddrs[s.Name()], addr) {
						t.Fatalf("%s missing", vf.EVM)
					}
					continue
				}
				checkGas := forkPricing(vf.Path, s.Name())
				vs := loadVectors(t, vf.Path)
				c, _ := s.Contract(addr)
				if o, _ := evm.Lookup(addr); c == o && checkGas == forkPricing(vf.Path, "osaka") && len(vs) > 8 {
					vs = vs[:8]
				}
				for _, v := range vs {
					in := unhex(t, v.Input)
					out, g, err := core.Invoke(f, gas.Default, nil, nil, in)
					out2, g2, err2 := s.Run(addr, in)
					ran++
					if errors.Is(err, core.ErrUnsupported) {
						t.Fatalf("%s: %s unsupported in this build: %v", v.Name, f.Name, err)
					}
					if g != g2 || (err == nil) != (err2 == nil) || !bytes.Equal(out, out2) {
						t.Errorf("%s %s: Invoke (%x, %d, %v) != Set.Run (%x, %d, %v)", vf.Path, v.Name, out, g, err, out2, g2, err2)
					}
					if vf.Fail() || v.ExpectedError != "" {
						if err == nil {
							t.Errorf("%s %s: want error, got %x", vf.Path, v.Name, out)
						}
						continue
					}
					if err != nil {
						t.Errorf("%s %s: %v", vf.Path, v.Name, err)
						continue
					}
					if want := unhex(t, v.Expected); !bytes.Equal(out, want) {
						t.Errorf("%s %s: output\n got %x\nwant %x", vf.Path, v.Name, out, want)
					}
					if checkGas && g != v.Gas {
						t.Errorf("%s %s: gas %d, want %d", vf.Path, v.Name, g, v.Gas)
					}
					if s.Name() == "byzantium" && addr == evm.AddrBN254Pairing {
						if want := 100000 + 80000*uint64(len(in)/192); g != want {
							t.Errorf("%s %s: Byzantium gas %d, want %d", vf.Path, v.Name, g, want)
						}
					}
				}
			}
			t.Logf("%d cases", ran)
		})
	}
}
