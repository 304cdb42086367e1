// Package dispatchtest runs tests over every implementation of a primitive.
package dispatchtest

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// ForEach runs f as a subtest once per registered implementation of prim,
// with that implementation forced. Unavailable implementations are skipped,
// unless HOSTCRYPTO_REQUIRE names them, in which case the subtest fails.
// The previous selection is restored afterwards. Not for parallel tests.
func ForEach(t *testing.T, prim string, f func(t *testing.T)) {
	t.Helper()
	p, ok := dispatch.Lookup(prim)
	if !ok {
		t.Fatalf("dispatchtest: primitive %q is not registered", prim)
	}
	prev := dispatch.Current()
	defer func() {
		if err := dispatch.Force(prev); err != nil {
			t.Errorf("dispatchtest: restoring %q: %v", prev, err)
		}
	}()
	req := dispatch.Required()
	for _, impl := range p.Impls {
		impl := impl
		t.Run(impl.Name, func(t *testing.T) {
			if !impl.Available {
				if req[impl.Name] {
					t.Fatalf("%s/%s is required by HOSTCRYPTO_REQUIRE but not available: %s", prim, impl.Name, impl.Note)
				}
				t.Skipf("%s/%s not available here: %s", prim, impl.Name, impl.Note)
			}
			if err := dispatch.Force(prim + "=" + impl.Name); err != nil {
				t.Fatal(err)
			}
			f(t)
		})
	}
}

// Backends runs f once per backend name that any primitive implements
// (forcing it globally: primitives without it keep their default), for
// whole-function tests such as catalogue vectors.
func Backends(t *testing.T, f func(t *testing.T, backend string)) {
	t.Helper()
	prev := dispatch.Current()
	defer func() {
		if err := dispatch.Force(prev); err != nil {
			t.Errorf("dispatchtest: restoring %q: %v", prev, err)
		}
	}()
	t.Run("default", func(t *testing.T) {
		if err := dispatch.Force(""); err != nil {
			t.Fatal(err)
		}
		f(t, "default")
	})
	for _, b := range dispatch.Backends() {
		b := b
		t.Run(b, func(t *testing.T) {
			if err := dispatch.Force(b); err != nil {
				t.Fatal(err)
			}
			f(t, b)
		})
	}
}

// Require fails t if HOSTCRYPTO_REQUIRE names a feature or backend that this
// machine or build lacks; otherwise it returns whether name is available.
func Require(t *testing.T, name string, available bool) bool {
	t.Helper()
	if !available && dispatch.Required()[name] {
		t.Fatalf("%s is required by HOSTCRYPTO_REQUIRE but not available here", name)
	}
	return available
}
