package fuzz

import (
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// maxFuzzInput keeps fuzz iterations fast; larger inputs are covered by the
// examples and vectors, which are always seeds.
const maxFuzzInput = 1 << 14

// maxFuzzGas skips inputs priced above 5 ms of work (default schedule; EVM
// gas for the precompiles): under coverage instrumentation one such input on
// every backend takes seconds, and the vector tests already run them.
const maxFuzzGas = 50_000_000

// fuzzFunction is the body of every generated target.
func fuzzFunction(f *testing.F, name string) {
	fn, ok := hostcrypto.Lookup(name)
	if !ok {
		f.Fatalf("no catalogue function %q: regenerate with `go generate ./fuzz`", name)
	}
	for _, s := range Seeds(fn) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > maxFuzzInput {
			t.Skip()
		}
		if g, err := gas.Default.Gas(fn, in); err == nil && g > maxFuzzGas {
			t.Skip()
		}
		outs, err := Differential(fn, in)
		if err != nil {
			t.Fatal(err)
		}
		if outs[0].Code == core.CodeInternal {
			t.Fatalf("%s: internal error (a recovered panic) on input %x", name, in)
		}
		if outs[0].Code == 0 && len(outs[0].Output) > fn.OutputSize(in) {
			t.Fatalf("%s: wrote %d bytes, OutLen promised at most %d", name, len(outs[0].Output), fn.OutputSize(in))
		}
	})
}

// Seeds returns a function's seed inputs: its examples, plus vector inputs.
func Seeds(fn *core.Func) [][]byte {
	var out [][]byte
	if fn.Examples != nil {
		for _, e := range fn.Examples() {
			if len(e.Input) <= maxFuzzInput {
				out = append(out, e.Input)
			}
		}
	}
	out = append(out, vectorSeeds(fn.Name)...)
	return out
}
