package dusk_test

// These tests assemble the Dusk profile as an embedder does: they import
// package dusk alone (plus core, gas and test helpers, which link no
// function family), build its catalogue, and serve every rusk host query
// on the public vectors. Nothing else of hostcrypto is linked into this
// test binary.

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/dusktest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// cases loads the rusk query cases judged under version, skipping (or
// failing under HOSTCRYPTO_REQUIRE) when the vectors are absent.
func cases(t *testing.T, version byte) []dusktest.Case {
	t.Helper()
	cs, err := dusktest.Cases(vectors.Dir(t, "."), version)
	if errors.Is(err, os.ErrNotExist) {
		if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
			t.Fatalf("vectors absent under %s: %v", vectors.Dir(t, "."), err)
		}
		t.Skipf("vectors absent under %s (%v): skipping", vectors.Dir(t, "."), err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestRuskQueriesThroughCatalogue: every rusk query, called by its rusk
// name through the Exports table and the profile's catalogue under rusk's
// Boreas prices, answers as Dusk's vectors say; each query has cases, and
// each verification query at least one accepted and one rejected input.
func TestRuskQueriesThroughCatalogue(t *testing.T) {
	c, err := dusk.Profile{}.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	exports := dusk.Exports()
	accepted, rejected := map[string]int{}, map[string]int{}
	for _, cs := range cases(t, dplonk.DefaultVersion) {
		name, ok := exports[cs.Query]
		if !ok {
			t.Fatalf("no export for rusk query %q", cs.Query)
		}
		meter := &core.Budget{Left: 1 << 40}
		out, g, err := c.Call(name, gas.Dusk, meter, cs.Input)
		if err := cs.Check(out, err); err != nil {
			t.Error(err)
		}
		if g == 0 || meter.Left != 1<<40-g {
			t.Errorf("%s %s: charged %d, meter left %d", cs.Query, cs.Name, g, meter.Left)
		}
		if cs.Expect == dusktest.Exact && (len(cs.Want) != 1 || cs.Want[0] == 1) {
			accepted[cs.Query]++
		} else {
			rejected[cs.Query]++
		}
	}
	for _, q := range dusktest.Queries {
		if accepted[q] == 0 && dusktest.OnlyFromRusk(q) {
			t.Logf("%s: no case: rusk's values (%s) are not beside the vectors", q, dusktest.RuskValuesMissing)
		} else if accepted[q] == 0 {
			t.Errorf("%s: no accepted case", q)
		}
		if strings.HasPrefix(q, "verify_") && rejected[q] == 0 {
			t.Errorf("%s: no rejected case", q)
		}
	}
	if accepted["verify_plonk"] == 0 {
		t.Error("verify_plonk accepted no valid dusk-plonk proof")
	}
}

// TestVerifyPlonkVersions: the embedder picks the PLONK version through the
// profile; under each, dusk:verify_plonk answers Dusk's verdict for that
// version on rusk's arguments (no version byte). An unknown version is a
// configuration error.
func TestVerifyPlonkVersions(t *testing.T) {
	for _, v := range []byte{dplonk.V1, dplonk.V2, dplonk.V3} {
		c, err := dusk.Profile{PlonkVersion: v}.Catalogue()
		if err != nil {
			t.Fatal(err)
		}
		valid := 0
		for _, cs := range cases(t, v) {
			if cs.Query != "verify_plonk" {
				continue
			}
			out, _, err := c.Call("dusk:verify_plonk", gas.Dusk, nil, cs.Input)
			if err := cs.Check(out, err); err != nil {
				t.Errorf("V%d: %v", v, err)
			}
			if cs.Expect == dusktest.Exact && cs.Want[0] == 1 {
				valid++
			}
		}
		// dusk-plonk's vectors: a V3 proof passes only V3, a V2 proof only
		// V2, nothing passes V1.
		if (v == dplonk.V1) != (valid == 0) {
			t.Errorf("V%d: %d valid proofs", v, valid)
		}
	}
	if _, err := (dusk.Profile{PlonkVersion: 4}).Catalogue(); err == nil {
		t.Error("PlonkVersion 4 accepted")
	}
	if d, _ := (dusk.Profile{}).Catalogue(); func() bool { f, _ := d.Lookup("dusk:verify_plonk"); return f != dusk.VerifyPlonk }() {
		t.Error("the zero Profile does not serve dusk.VerifyPlonk (V3)")
	}
}

// TestProfileAloneIsComplete: importing dusk alone gives every rusk query,
// each holding a target that runs, and the dusk schedule prices them all.
func TestProfileAloneIsComplete(t *testing.T) {
	c, err := dusk.Profile{}.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	exports := dusk.Exports()
	if len(exports) != len(dusktest.Queries) {
		t.Fatalf("%d exports, rusk has %d queries", len(exports), len(dusktest.Queries))
	}
	for _, q := range dusktest.Queries {
		f, ok := c.Lookup(exports[q])
		if !ok {
			t.Fatalf("rusk query %s: %q not in the profile's catalogue", q, exports[q])
		}
		if len(f.Targets) != 1 || f.Targets[0].Run == nil {
			t.Errorf("%s: targets %v", f.Name, f.Targets)
		}
		if _, err := gas.Dusk.Pricer(f); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}
