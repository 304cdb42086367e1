// Package sigtest holds the helpers the signature packages' tests share:
// calling a catalogue function through core.Invoke and judging a verdict.
package sigtest

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// Suite calls a signature package's functions by catalogue name (as the
// vector files name them).
type Suite struct{ c *core.Catalogue }

// New returns a Suite over fs (the package's Funcs()).
func New(fs ...*core.Func) *Suite { return &Suite{c: core.MustCatalogue(fs...)} }

// Call runs the named function through core.Invoke under the default gas
// schedule with no meter.
func (s *Suite) Call(t testing.TB, name string, in []byte) ([]byte, error) {
	t.Helper()
	f, ok := s.c.Lookup(name)
	if !ok {
		t.Fatalf("function %q is not in the package's Funcs", name)
	}
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	return out, err
}

// Verdict calls a verification function and checks its answer against
// want: a valid input must return exactly 0x01 with no error; an invalid
// one must return 0x00 or a core error code other than CodeInternal. It
// returns the output and error for further checks.
func (s *Suite) Verdict(t testing.TB, label, name string, in []byte, want bool) ([]byte, error) {
	t.Helper()
	out, err := s.Call(t, name, in)
	switch {
	case want && (err != nil || len(out) != 1 || out[0] != 1):
		t.Errorf("%s: %s = %x, %v; want 01", label, name, out, err)
	case !want && err == nil && (len(out) != 1 || out[0] != 0):
		t.Errorf("%s: %s = %x; want 00 or an error", label, name, out)
	case !want && err != nil && core.CodeOf(err) == core.CodeInternal:
		t.Errorf("%s: %s: internal error %v", label, name, err)
	}
	return out, err
}

// Hex decodes a hex string with or without 0x prefix, failing the test on
// bad hex.
func Hex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// U32 appends v as 4 big-endian bytes.
func U32(dst []byte, v int) []byte { return binary.BigEndian.AppendUint32(dst, uint32(v)) }

// JSON reads a JSON file into v.
func JSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// Paired benchmarks ours against ref, alternating the two in one loop so
// that both see the same machine load, and reports the medians of the
// per-call times of each (ours-ns/op, ref-ns/op), their ratio, and the
// ratio of the minima (the least-disturbed calls), which is what
// docs/signatures.md quotes. Medians and minima, not means, because the
// benchmark machine is shared.
func Paired(b *testing.B, ours, ref func()) {
	ours()
	ref()
	to := make([]time.Duration, 0, b.N)
	tr := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if i%2 == 0 {
			ours()
			t1 := time.Now()
			ref()
			to = append(to, t1.Sub(t0))
			tr = append(tr, time.Since(t1))
		} else {
			ref()
			t1 := time.Now()
			ours()
			tr = append(tr, t1.Sub(t0))
			to = append(to, time.Since(t1))
		}
	}
	b.StopTimer()
	slices.Sort(to)
	slices.Sort(tr)
	mo, mr := to[len(to)/2], tr[len(tr)/2]
	b.ReportMetric(float64(mo.Nanoseconds()), "ours-ns/op")
	b.ReportMetric(float64(mr.Nanoseconds()), "ref-ns/op")
	b.ReportMetric(float64(mo)/float64(mr), "ratio")
	b.ReportMetric(float64(to[0])/float64(tr[0]), "min-ratio")
}

// Invoker returns a function that calls name on in through core.Invoke and
// fails b unless the output is want.
func (s *Suite) Invoker(b *testing.B, name string, in, want []byte) func() {
	f, ok := s.c.Lookup(name)
	if !ok {
		b.Fatalf("%s is not in the package's Funcs", name)
	}
	buf := make([]byte, 0, 128)
	return func() {
		out, _, err := core.Invoke(f, gas.Default, nil, buf[:0], in)
		if err != nil || string(out) != string(want) {
			b.Fatalf("%s: %x %v", name, out, err)
		}
	}
}
