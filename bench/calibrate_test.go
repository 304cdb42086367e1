package bench

import (
	"math"
	"strconv"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

func ex(n int) string { return strconv.Itoa(n) }

func fakeCatalogue() *core.Catalogue {
	run := func(d, _ []byte) ([]byte, error) { return d, nil }
	return core.MustCatalogue(
		&core.Func{Name: "bytes", Run: run},
		&core.Func{Name: "items", Run: run, Items: func(in []byte) uint64 { return uint64(len(in) / 100) }},
		&core.Func{Name: "evm", Run: run, Gas: func([]byte) uint64 { return 1 }},
	)
}

// Exact linear costs are recovered exactly, the maximum across machines
// wins, and no measured point is underpriced.
func TestCalibrateRecoversLinearCosts(t *testing.T) {
	mk := func(machine string, scale float64) *File {
		f := &File{Machines: []Machine{{ID: machine}}}
		for _, n := range []int{0, 100, 1000, 10000} {
			// bytes: 50 ns + 0.5 ns/byte; items: 1000 ns + 300 ns/item.
			f.Results = append(f.Results,
				Result{Machine: machine, Function: "bytes", Example: ex(n), Impl: "default", Worst: true, InputLen: n, NsPerOp: scale * (50 + 0.5*float64(n))},
				Result{Machine: machine, Function: "items", Example: ex(n), Impl: "default", Worst: true, InputLen: n, Items: uint64(n / 100), NsPerOp: scale * (1000 + 300*float64(n/100))},
				// Non-worst, peer and errored rows must be ignored.
				Result{Machine: machine, Function: "bytes", Example: ex(n) + "-typical", Impl: "default", InputLen: n, NsPerOp: 1e9},
				Result{Machine: machine, Function: "bytes", Example: ex(n), Impl: "peer", Peer: true, Worst: true, InputLen: n, NsPerOp: 1e9},
			)
		}
		return f
	}
	cat := fakeCatalogue()
	s, err := Calibrate(cat, 10, mk("slow", 2), mk("fast", 1))
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Rules["bytes"]; r != (core.Rule{Base: 1000, PerByte: 10}) {
		t.Fatalf("bytes rule %+v, want base 1000 per_byte 10 (slow machine, 10 gas/ns)", r)
	}
	if r := s.Rules["items"]; r != (core.Rule{Base: 20000, PerItem: 6000}) {
		t.Fatalf("items rule %+v, want base 20000 per_item 6000", r)
	}
	if _, ok := s.Rules["evm"]; ok {
		t.Fatal("a function with its own gas rule was calibrated")
	}
	sp := MeasureSpread(cat, s, mk("slow", 2), mk("fast", 1))
	if math.Abs(sp.Max-0.1) > 1e-9 || math.Abs(sp.Ratio()-2) > 1e-9 {
		t.Fatalf("spread max %.4f ratio %.4f; want 0.1 ns/gas and 2.0 (machines differ 2x)", sp.Max, sp.Ratio())
	}
}

func TestCalibrateNeedsEveryFunction(t *testing.T) {
	f := &File{Machines: []Machine{{ID: "m"}}, Results: []Result{{Machine: "m", Function: "bytes", Impl: "default", Worst: true, NsPerOp: 1}}}
	if _, err := Calibrate(fakeCatalogue(), 10, f); err == nil {
		t.Fatal("calibrated without measurements of every function")
	}
}

func TestMergeReplacesMeasuredRows(t *testing.T) {
	a := &File{Machines: []Machine{{ID: "m"}}, Results: []Result{{Machine: "m", Function: "x", NsPerOp: 1}, {Machine: "m", Function: "y", NsPerOp: 5}}}
	b := &File{Machines: []Machine{{ID: "m"}, {ID: "n"}}, Results: []Result{{Machine: "m", Function: "x", NsPerOp: 2}, {Machine: "n", Function: "x", NsPerOp: 3}}}
	m := Merge(a, b)
	if len(m.Machines) != 2 || len(m.Results) != 3 || m.Results[0].NsPerOp != 2 || m.Results[1].NsPerOp != 5 {
		t.Fatalf("%+v", m)
	}
}

// Real magnitudes: a pairing-like function at 0.3 ms + 0.1 ms per item
// (y up to 1e7 gas) must keep its per-item slope. (Weights of 1/y² once
// underflowed the solver's pivot tolerance and left base-only rules.)
func TestCalibrateRealMagnitudes(t *testing.T) {
	f := &File{Machines: []Machine{{ID: "m"}}}
	for _, k := range []int{1, 2, 4, 8, 64} {
		f.Results = append(f.Results, Result{Machine: "m", Function: "items", Example: ex(k), Impl: "default", Worst: true,
			InputLen: 100 * k, Items: uint64(k), NsPerOp: 1e9, CPUNsPer: 300_000 + 100_000*float64(k)})
		f.Results = append(f.Results, Result{Machine: "m", Function: "bytes", Example: ex(k), Impl: "default", Worst: true,
			InputLen: 1 << (10 + k/8), NsPerOp: 1e9, CPUNsPer: 2_000 + 0.4*float64(int(1)<<(10+k/8))})
	}
	s, err := Calibrate(fakeCatalogue(), 10, f)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Rules["items"]; r != (core.Rule{Base: 3_000_000, PerItem: 1_000_000}) {
		t.Fatalf("items rule %+v, want base 3000000 per_item 1000000 (CPU time preferred over wall)", r)
	}
	if r := s.Rules["bytes"]; r.PerByte != 4 || r.Base != 20_000 {
		t.Fatalf("bytes rule %+v, want base 20000 per_byte 4", r)
	}
	if sp := MeasureSpread(fakeCatalogue(), s, f); sp.Ratio() > 1+1e-9 {
		t.Fatalf("exactly linear data priced with spread %.3f", sp.Ratio())
	}
}

// A function in HashedBytes whose measurements show no slope (noise over a
// large fixed cost) still gets the named hash function's per-byte price.
func TestCalibrateHashedBytesFloor(t *testing.T) {
	run := func(d, _ []byte) ([]byte, error) { return d, nil }
	c := core.MustCatalogue(append(fakeCatalogue().Funcs(), &core.Func{Name: "verify", Run: run})...)
	f := &File{Machines: []Machine{{ID: "m"}}}
	for _, n := range []int{0, 100, 1000, 10000} {
		f.Results = append(f.Results,
			Result{Machine: "m", Function: "bytes", Example: ex(n), Impl: "default", Worst: true, InputLen: n, NsPerOp: 50 + 0.5*float64(n)},
			Result{Machine: "m", Function: "items", Example: ex(n), Impl: "default", Worst: true, InputLen: n, Items: uint64(n / 100), NsPerOp: 1000 + 300*float64(n/100)},
			// Flat: 1 ms whatever the length.
			Result{Machine: "m", Function: "verify", Example: ex(n), Impl: "default", Worst: true, InputLen: n, NsPerOp: 1e6},
		)
	}
	s, err := Calibrate(c, 10, f)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Rules["verify"]; r.PerByte != 0 {
		t.Fatalf("without a floor the flat function got per_byte %d", r.PerByte)
	}
	HashedBytes["verify"] = "bytes"
	defer delete(HashedBytes, "verify")
	s, err = Calibrate(c, 10, f)
	if err != nil {
		t.Fatal(err)
	}
	if r, h := s.Rules["verify"], s.Rules["bytes"]; r.PerByte < h.PerByte || h.PerByte == 0 {
		t.Fatalf("verify per_byte %d, want at least bytes' %d", r.PerByte, h.PerByte)
	}
}
