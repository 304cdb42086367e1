package evm_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestGethVectorsThroughEVMAlone is a Go EVM's view: this test binary links
// package evm and nothing else of hostcrypto beyond what evm imports (no
// root package, no blank imports), and runs every vector of every file in
// go-ethereum's precompile test folder through the contract table
// (evm.Contracts, go-ethereum's PrecompiledContract shape): outputs, gas
// and failures must be go-ethereum's.
func TestGethVectorsThroughEVMAlone(t *testing.T) {
	dir := vectors.Dir(t, "go-ethereum-precompiles")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
			t.Fatalf("no go-ethereum vector files under %s", dir)
		}
		t.Skipf("go-ethereum vector files absent under %s: skipping", dir)
	}
	byPath := map[string]vectors.GethFile{}
	for _, vf := range vectors.GethFiles {
		byPath[vf.Path] = vf
	}
	contracts := evm.Contracts()
	total, ran := 0, 0
	for _, p := range files {
		rel := "go-ethereum-precompiles/" + filepath.Base(p)
		vf, ok := byPath[rel]
		if !ok {
			t.Errorf("%s: no precompile mapped (internal/vectors.GethFiles)", rel)
			continue
		}
		c, ok := contracts[evm.AddressOf(addrOf(t, vf))]
		if !ok {
			t.Fatalf("%s: no contract at %s", rel, vf.EVM)
		}
		vs := loadVectors(t, rel)
		total += len(vs)
		for _, v := range vs {
			in := unhex(t, v.Input)
			gas := c.RequiredGas(in)
			out, err := c.Run(in)
			ran++
			if vf.Fail() || v.ExpectedError != "" {
				if err == nil {
					t.Errorf("%s %s: want error %q, got %x", rel, v.Name, v.ExpectedError, out)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s %s: %v", rel, v.Name, err)
				continue
			}
			if want := unhex(t, v.Expected); !bytes.Equal(out, want) {
				t.Errorf("%s %s: output\n got %x\nwant %x", rel, v.Name, out, want)
			}
			if vf.Gas && gas != v.Gas {
				t.Errorf("%s %s: gas %d, want %d", rel, v.Name, gas, v.Gas)
			}
		}
	}
	if ran != total || total == 0 {
		t.Fatalf("ran %d of %d vectors", ran, total)
	}
	t.Logf("%d go-ethereum vectors in %d files through package evm alone", total, len(files))
}

// TestEVMAloneIsComplete: evm.Funcs() holds all 18 Osaka precompiles, each
// runnable, and every forwarding precompile holds its target.
func TestEVMAloneIsComplete(t *testing.T) {
	n := 0
	for _, f := range evm.Funcs() {
		if !strings.HasPrefix(f.Name, "evm:") {
			continue
		}
		n++
		if f.Run == nil || f.Gas == nil {
			t.Errorf("%s: incomplete", f.Name)
		}
		for _, tg := range f.Targets {
			if tg == nil || tg.Run == nil {
				t.Errorf("%s: nil target", f.Name)
			}
		}
	}
	if n != 18 || len(evm.Addresses()) != 18 {
		t.Fatalf("%d precompile functions, %d addresses; Osaka has 18", n, len(evm.Addresses()))
	}
}
