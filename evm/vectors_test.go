package evm_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// The package's test helpers (helpers_test.go, via export_test.go).
var (
	loadVectors = evm.LoadVectorsForTest
	unhex       = evm.UnhexForTest
)

// addrOf is the precompile address of a vector file's evm:0xNN function.
func addrOf(t testing.TB, vf vectors.GethFile) uint64 {
	t.Helper()
	a, err := strconv.ParseUint(strings.TrimPrefix(vf.EVM, "evm:0x"), 16, 64)
	if err != nil || evm.FuncName(a) != vf.EVM {
		t.Fatalf("%s: bad function name %q", vf.Path, vf.EVM)
	}
	return a
}

// catalogue is the EVM profile's catalogue, built as an embedder importing
// only package evm builds it.
var catalogue = core.MustCatalogue(evm.Funcs()...)

// TestVectors runs every vector file through its catalogue function
// evm:0xNN (core.Invoke under the default schedule, which applies the
// function's own go-ethereum gas rule), on the default and each forced
// backend: a success case must produce Expected and charge Gas, a failure
// case must fail. A precompile whose named function is not linked in
// (CodeUnsupported) fails the test: it never skips.
func TestVectors(t *testing.T) {
	for _, vf := range vectors.GethFiles {
		addr := addrOf(t, vf)
		t.Run(filepath.Base(vf.Path), func(t *testing.T) {
			vs := loadVectors(t, vf.Path)
			f, ok := catalogue.Lookup(evm.FuncName(addr))
			if !ok {
				t.Fatalf("%s not in evm.Funcs()", evm.FuncName(addr))
			}
			fail := vf.Fail()
			relevant := map[string]bool{}
			for _, b := range f.Backends() {
				relevant[b] = true
			}
			dispatchtest.Backends(t, func(t *testing.T, backend string) {
				if backend != "default" && !relevant[backend] {
					t.Skipf("no primitive of %s has a %s implementation", f.Name, backend)
				}
				bad := 0
				for _, v := range vs {
					in := unhex(t, v.Input)
					out, g, err := core.Invoke(f, gas.Default, nil, nil, in)
					if errors.Is(err, core.ErrUnsupported) {
						t.Fatalf("%s: %s is unsupported in this build: %v", v.Name, f.Name, err)
					}
					if fail || v.ExpectedError != "" {
						if err == nil {
							bad++
							t.Errorf("%s: want error (%s), got %x", v.Name, v.ExpectedError, out)
						}
						continue
					}
					if err != nil {
						bad++
						t.Errorf("%s: %v", v.Name, err)
						continue
					}
					if want := unhex(t, v.Expected); !bytes.Equal(out, want) {
						bad++
						t.Errorf("%s: output\n got %x\nwant %x", v.Name, out, want)
					}
					if vf.Gas && g != v.Gas {
						bad++
						t.Errorf("%s: gas %d, want %d", v.Name, g, v.Gas)
					}
					if bad > 10 {
						t.Fatalf("too many failures")
					}
				}
			})
		})
	}
}

// TestContractsMatchCatalogue checks that Run, Contract and the catalogue
// agree on every vector input (gas and output), so the Go API carries the
// tested semantics.
func TestContractsMatchCatalogue(t *testing.T) {
	for _, vf := range vectors.GethFiles {
		addr := addrOf(t, vf)
		vs := loadVectors(t, vf.Path)
		c, ok := evm.Lookup(addr)
		if !ok {
			t.Fatalf("no contract at %#x", addr)
		}
		for i, v := range vs {
			if i >= 8 {
				break
			}
			in := unhex(t, v.Input)
			out1, g1, err1 := evm.Run(addr, in)
			out2, g2, err2 := core.Invoke(c.Func(), gas.Default, nil, nil, in)
			if g1 != g2 || g1 != c.RequiredGas(in) || (err1 == nil) != (err2 == nil) || !bytes.Equal(out1, out2) {
				t.Errorf("%s %s: Run (%x, %d, %v) != Invoke (%x, %d, %v)", vf.Path, v.Name, out1, g1, err1, out2, g2, err2)
			}
			out3, g3, err3 := evm.RunAddress(evm.AddressOf(addr), in)
			if g3 != g1 || (err3 == nil) != (err1 == nil) || !bytes.Equal(out3, out1) {
				t.Errorf("%s %s: RunAddress differs from Run", vf.Path, v.Name)
			}
		}
	}
}
