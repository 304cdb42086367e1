package wasmbridge_test

import (
	"context"
	"errors"
	"os"
	"sort"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/dusktest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// TestDuskQueriesThroughBridge serves rusk's host queries as a Piecrust
// embedder would: an import module "dusk" exporting rusk's names, priced by
// rusk's Boreas table, called from a guest on every public Dusk case, under
// the current profile (the default catalogue) and under a profile
// configured for PLONK V2 (its own catalogue). Gas charged is rusk's price.
func TestDuskQueriesThroughBridge(t *testing.T) {
	for _, v := range []byte{dplonk.DefaultVersion, dplonk.V2} {
		cs, err := dusktest.Cases(vectors.Dir(t, "."), v)
		if errors.Is(err, os.ErrNotExist) {
			if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
				t.Fatalf("vectors absent under %s: %v", vectors.Dir(t, "."), err)
			}
			t.Skipf("vectors absent under %s (%v): skipping", vectors.Dir(t, "."), err)
		}
		if err != nil {
			t.Fatal(err)
		}
		p := dusk.Profile{PlonkVersion: v}
		opts := []wasmbridge.Option{wasmbridge.WithModuleName("dusk"), wasmbridge.WithExports(p.Exports()),
			wasmbridge.WithSchedule(gas.Dusk)}
		cat, err := p.Catalogue()
		if err != nil {
			t.Fatal(err)
		}
		if v != dplonk.DefaultVersion {
			opts = append(opts, wasmbridge.WithCatalogue(cat))
		}
		runDuskCases(t, v, cat, cs, opts)
	}
}

func runDuskCases(t *testing.T, version byte, cat *core.Catalogue, cs []dusktest.Case, opts []wasmbridge.Option) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	meter := &core.Budget{Left: 1 << 50}
	if _, err := wasmbridge.Instantiate(ctx, r, append(opts, wasmbridge.WithDefaultMeter(meter))...); err != nil {
		t.Fatal(err)
	}
	names := append([]string(nil), dusktest.Queries...)
	sort.Strings(names)
	mod, err := r.Instantiate(ctx, wasmtest.Module("dusk", names...))
	if err != nil {
		t.Fatal(err)
	}
	exports := dusk.Exports()
	var wantGas uint64
	seen := map[string]int{}
	for _, c := range cs {
		k := sort.SearchStrings(names, c.Query)
		f, _ := cat.Lookup(exports[c.Query])
		g, err := gas.Dusk.Gas(f, c.Input)
		if err != nil {
			t.Fatal(err)
		}
		wantGas += g
		mem := mod.Memory()
		const outPtr, inPtr = 256, 1024
		if need := uint64(inPtr + len(c.Input)); need > uint64(mem.Size()) {
			if _, ok := mem.Grow(uint32((need - uint64(mem.Size()) + 65535) / 65536)); !ok {
				t.Fatalf("%s %s: cannot grow guest memory to %d bytes", c.Query, c.Name, need)
			}
		}
		mem.Write(inPtr, c.Input)
		res, err := mod.ExportedFunction("call_"+itoa(k)).Call(ctx, inPtr, uint64(len(c.Input)), outPtr, 128)
		if err != nil {
			t.Fatalf("%s %s: trap %v", c.Query, c.Name, err)
		}
		var out []byte
		var callErr error
		if n := api.DecodeI32(res[0]); n >= 0 {
			b, _ := mem.Read(outPtr, uint32(n))
			out = append([]byte{}, b...)
		} else {
			callErr = &core.Error{Code: core.Code(n)}
		}
		if err := c.Check(out, callErr); err != nil {
			t.Errorf("V%d bridge: %v", version, err)
		}
		seen[c.Query]++
	}
	for _, q := range dusktest.Queries {
		if seen[q] == 0 && dusktest.OnlyFromRusk(q) {
			t.Logf("no case of %s: rusk's values (%s) are not beside the vectors", q, dusktest.RuskValuesMissing)
		} else if seen[q] == 0 {
			t.Errorf("no case of %s", q)
		}
	}
	if used := uint64(1<<50) - meter.Left; used != wantGas {
		t.Errorf("charged %d, rusk's prices give %d", used, wantGas)
	}
}
