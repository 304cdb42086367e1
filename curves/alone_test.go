package curves_test

import (
	"bytes"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
)

// TestAlone links package curves alone (the vectors of the whole "curve"
// family run in package pairing's tests): its catalogue builds, every
// primitive its functions name is registered, every function is priced by
// the default schedule, and every example gives the same bytes under every
// backend, without an error.
func TestAlone(t *testing.T) {
	cat, err := core.NewCatalogue(curves.Funcs()...)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(cat.Funcs()); got != 9 {
		t.Fatalf("%d functions, want 9", got)
	}
	want := map[string][]byte{}
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for _, f := range curves.Funcs() {
			if _, err := gas.Default.Pricer(f); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
			for _, p := range f.Primitives {
				if _, ok := dispatch.Lookup(p); !ok {
					t.Errorf("%s: primitive %s not registered", f.Name, p)
				}
			}
			for _, ex := range f.Examples() {
				out, _, err := core.Invoke(f, gas.Default, nil, nil, ex.Input)
				if err != nil {
					t.Fatalf("%s/%s: %v", f.Name, ex.Name, err)
				}
				k := f.Name + "/" + ex.Name
				if w, ok := want[k]; !ok {
					want[k] = out
				} else if !bytes.Equal(out, w) {
					t.Errorf("%s under %s: %x, default gave %x", k, backend, out, w)
				}
			}
		}
	})
}
