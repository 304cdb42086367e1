// Package fuzz holds the differential fuzzers: one native Go fuzz target per
// catalogue function (fuzz_targets_test.go, generated), each running its
// input through the default selection and every forced backend that can
// serve the function, and requiring identical output bytes, status code and
// gas. Seeds are the function's examples and the public vectors (read in
// place from ../shared/vectors when present; see internal/vectors); crashers found by `go test -fuzz` land in
// testdata/fuzz/<Target>/ and run as regression cases with every `go test`.
//
//	go test ./fuzz                                  # seeds and regressions only
//	./fuzz/run.sh 30s                               # every target for 30 s
//	./fuzz/run.sh 5m 'FuzzBls12381'                 # matching targets for 5 minutes
package fuzz

import (
	"bytes"
	"fmt"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
)

// Outcome is what one implementation answered.
type Outcome struct {
	Backend string
	Output  []byte
	Code    core.Code
	Gas     uint64
}

func (o Outcome) String() string {
	return fmt.Sprintf("%s: code %d gas %d out %x", o.Backend, o.Code, o.Gas, o.Output)
}

// Differential runs in through the default selection and each backend in
// f.Backends() (its primitives' and its targets'), and returns every outcome and an
// error describing the first disagreement. It forces backends globally, so
// it must not run concurrently with other calls.
func Differential(f *core.Func, in []byte) ([]Outcome, error) {
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	backends := append([]string{""}, f.Backends()...)
	var outs []Outcome
	for _, b := range backends {
		if err := dispatch.Force(b); err != nil {
			return outs, err
		}
		out, g, err := core.Invoke(f, gas.Default, nil, nil, in)
		name := b
		if name == "" {
			name = "default"
		}
		outs = append(outs, Outcome{Backend: name, Output: out, Code: core.CodeOf(err), Gas: g})
	}
	for _, o := range outs[1:] {
		if o.Code != outs[0].Code || o.Gas != outs[0].Gas || !bytes.Equal(o.Output, outs[0].Output) {
			return outs, fmt.Errorf("%s: backends disagree on input %x:\n  %v\n  %v", f.Name, in, outs[0], o)
		}
	}
	return outs, nil
}
