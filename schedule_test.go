package hostcrypto_test

import (
	"path/filepath"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// TestDefaultScheduleCoversCatalogue: every function is priced, either by
// the default schedule or by its own (profile) rule, and every function
// has examples for benchmarks and calibration.
func TestDefaultScheduleCoversCatalogue(t *testing.T) {
	if m := gas.Default.Missing(hostcrypto.Catalogue()); len(m) > 0 {
		t.Fatalf("the default schedule does not price: %v", m)
	}
	for name := range gas.Default.Rules {
		if _, ok := hostcrypto.Lookup(name); !ok {
			t.Errorf("the default schedule prices %q, which is not in the catalogue", name)
		}
	}
	for _, f := range hostcrypto.Functions() {
		if f.Examples == nil {
			t.Errorf("%s has no examples (needed by bench, calibrate and fuzz seeds)", f.Name)
		}
	}
}

// TestExamplesAreAccepted: examples are well-formed inputs; calibration
// and benchmarks measure them, so none may be rejected.
func TestExamplesAreAccepted(t *testing.T) {
	for _, f := range hostcrypto.Functions() {
		if f.Examples == nil {
			continue
		}
		for _, ex := range f.Examples() {
			out, _, err := core.Invoke(f, gas.Default, nil, nil, ex.Input)
			if err != nil {
				t.Errorf("%s/%s: %v", f.Name, ex.Name, err)
			}
			if len(out) > f.OutputSize(ex.Input) {
				t.Errorf("%s/%s: %d output bytes, OutLen says %d", f.Name, ex.Name, len(out), f.OutputSize(ex.Input))
			}
		}
	}
}

func TestCall(t *testing.T) {
	out, g, err := hostcrypto.Call("sha256", []byte("abc"))
	if err != nil || len(out) != 32 || g == 0 {
		t.Fatalf("%x %d %v", out, g, err)
	}
	if _, _, err := hostcrypto.Call("nope", nil); core.CodeOf(err) != core.CodeUnknownFunction {
		t.Fatal(err)
	}
}

// TestDefaultScheduleIsCalibrated: the shipped default schedule is exactly
// what `hostcrypto calibrate` produces from the committed benchmark results
// (bench/results/*.json) at bench.DefaultGasPerNs, so it can be rebuilt and
// audited (docs/GAS.md).
func TestDefaultScheduleIsCalibrated(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("bench", "results", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no benchmark results under bench/results: %v", err)
	}
	var files []*bench.File
	for _, p := range paths {
		f, err := bench.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	s, err := bench.Calibrate(hostcrypto.Catalogue(), bench.DefaultGasPerNs, files...)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rules) != len(gas.Default.Rules) {
		t.Fatalf("calibration gives %d rules, the default schedule has %d", len(s.Rules), len(gas.Default.Rules))
	}
	for name, r := range s.Rules {
		if got := gas.Default.Rules[name]; got != r {
			t.Errorf("%s: shipped %+v, calibration gives %+v: rerun `hostcrypto calibrate` (docs/GAS.md)", name, got, r)
		}
	}
}
