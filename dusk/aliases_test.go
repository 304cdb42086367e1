package dusk

import (
	"bytes"
	"context"
	"crypto/sha256"
	"sort"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

type ruskFile struct {
	Cases []struct {
		Query         string   `json:"query"`
		Inputs        []string `json:"inputs"`
		ExpectedDebug string   `json:"expected_debug"`
		InputHex      string   `json:"input_hex"`
		ExpectedHex   string   `json:"expected_hex"`
	} `json:"cases"`
}

// TestRuskHostQueryVectors runs the fixed values of rusk's vm/tests through
// the dusk:* aliases (and so through hash_to_scalar_bls12381,
// poseidon_bls12381_dusk and keccak256).
func TestRuskHostQueryVectors(t *testing.T) {
	var v ruskFile
	data := vectors.Read(t, "rusk/host_queries.json")
	decodeJSON(t, data, &v)
	if len(v.Cases) != 3 {
		t.Fatalf("%d cases", len(v.Cases))
	}
	for _, c := range v.Cases {
		var in, want []byte
		if c.InputHex != "" {
			in, want = unhex(t, c.InputHex), unhex(t, c.ExpectedHex)
		} else {
			for _, s := range c.Inputs {
				in = append(in, unhex(t, s)...)
			}
			want = reverse(unhex(t, strings.TrimPrefix(c.ExpectedDebug, "0x")))
		}
		out, err := call(t, "dusk:"+c.Query, in)
		if err != nil || !bytes.Equal(out, want) {
			t.Errorf("dusk:%s: got %x, %v; want %x", c.Query, out, err, want)
		}
	}
}

// TestAliasesForwardToTargets: every rusk query has an alias; the alias
// answers exactly as its target on the target's examples and on a
// malformed input, or is unsupported while the target is not linked.
func TestAliasesForwardToTargets(t *testing.T) {
	exp := Exports()
	if len(exp) != 11 {
		t.Fatalf("%d exports", len(exp))
	}
	for _, q := range ruskQueries {
		a, ok := core.Default.Lookup("dusk:" + q.rusk)
		if !ok || exp[q.rusk] != a.Name {
			t.Fatalf("dusk:%s missing", q.rusk)
		}
		target, ok := core.Default.Lookup(q.target)
		if !ok {
			if _, err := call(t, a.Name, []byte{1, 2, 3}); core.CodeOf(err) != core.CodeUnsupported {
				t.Errorf("%s without %s: %v", a.Name, q.target, err)
			}
			t.Logf("%s: target %s not linked in this build", a.Name, q.target)
			continue
		}
		inputs := [][]byte{{}, {1, 2, 3}, make([]byte, 33)}
		if target.Examples != nil {
			for _, ex := range target.Examples() {
				inputs = append(inputs, ex.Input)
			}
		}
		for _, in := range inputs {
			wantOut, wantErr := core.Execute(target, nil, in)
			gotOut, gotErr := core.Execute(a, nil, in)
			if core.CodeOf(gotErr) != core.CodeOf(wantErr) || !bytes.Equal(gotOut, wantOut) {
				t.Errorf("%s on %d bytes: %x %v; %s: %x %v", a.Name, len(in), gotOut, gotErr, q.target, wantOut, wantErr)
			}
			wantItems := target.ItemCount(in)
			if q.items != nil {
				wantItems = q.items(in, wantItems)
			}
			if a.OutSize(in) != target.OutSize(in) || a.ItemCount(in) != wantItems {
				t.Errorf("%s: OutLen %d / Items %d, want %d / %d", a.Name, a.OutSize(in), a.ItemCount(in), target.OutSize(in), wantItems)
			}
		}
	}
}

// TestDuskScheduleCoversAliases: the "dusk" schedule is registered and
// prices every dusk:* function of the catalogue.
func TestDuskScheduleCoversAliases(t *testing.T) {
	s, err := core.LookupSchedule("dusk")
	if err != nil || s != gas.Dusk {
		t.Fatalf("dusk schedule: %v", err)
	}
	n := 0
	for _, f := range core.Default.Funcs() {
		if strings.HasPrefix(f.Name, "dusk:") {
			n++
			if _, err := s.Gas(f, nil); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
	if n != len(ruskQueries) {
		t.Fatalf("%d dusk:* functions", n)
	}
}

// TestImportModuleDusk instantiates the "dusk" import module under wazero
// and calls rusk's names from a guest.
func TestImportModuleDusk(t *testing.T) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	meter := &core.Budget{Left: 1 << 40}
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithModuleName("dusk"),
		wasmbridge.WithExports(Exports()), wasmbridge.WithSchedule(gas.Dusk),
		wasmbridge.WithDefaultMeter(meter)); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(ruskQueries))
	for n := range Exports() {
		names = append(names, n)
	}
	sort.Strings(names)
	mod, err := r.Instantiate(ctx, wasmtest.Module("dusk", names...))
	if err != nil {
		t.Fatal(err)
	}
	var wantGas uint64 // the Boreas price of every call made, from rusk's table
	callGuest := func(name string, in []byte, outCap uint32) (int32, []byte) {
		t.Helper()
		f, _ := core.Default.Lookup("dusk:" + name)
		g, err := gas.Dusk.Gas(f, in)
		if err != nil {
			t.Fatal(err)
		}
		wantGas += g
		k := sort.SearchStrings(names, name)
		mem := mod.Memory()
		const inPtr, outPtr = 1024, 256
		if !mem.Write(inPtr, in) {
			t.Fatalf("input of %d bytes does not fit", len(in))
		}
		res, err := mod.ExportedFunction("call_"+itoa(k)).Call(ctx, inPtr, uint64(len(in)), outPtr, uint64(outCap))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := api.DecodeI32(res[0])
		var out []byte
		if n > 0 {
			out, _ = mem.Read(outPtr, uint32(n))
		}
		return n, append([]byte(nil), out...)
	}

	// sha256 under rusk's name.
	n, out := callGuest("sha256", []byte("rusk-host-sha256"), 32)
	want := sha256.Sum256([]byte("rusk-host-sha256"))
	if n != 32 || !bytes.Equal(out, want[:]) {
		t.Fatalf("sha256: %d %x", n, out)
	}
	// verify_bls with a Dusk vector.
	var bv blsFile
	loadJSON(t, "bls12_381-bls.json", &bv)
	c := bv.Single[3]
	in := append(append(unhex(t, c.PK), unhex(t, c.Sig)...), unhex(t, c.Msg)...)
	if n, out := callGuest("verify_bls", in, 1); n != 1 || out[0] != 1 {
		t.Fatalf("verify_bls: %d %x", n, out)
	}
	in[len(in)-1] ^= 1
	if n, out := callGuest("verify_bls", in, 1); n != 1 || out[0] != 0 {
		t.Fatalf("verify_bls tampered: %d %x", n, out)
	}
	// verify_groth16_bn254 with an arkworks vector.
	var gv groth16File
	loadJSON(t, "groth16_bn254_arkworks.json", &gv)
	gc := gv.Circuits[1]
	in = sections(unhex(t, gc.PVKUncompressed), unhex(t, gc.Cases[0].Proof), unhex(t, gc.Cases[0].Inputs))
	if n, out := callGuest("verify_groth16_bn254", in, 1); n != 1 || out[0] != 1 {
		t.Fatalf("verify_groth16_bn254: %d %x", n, out)
	}
	// A malformed input is a negative status code, not a trap.
	if n, _ := callGuest("verify_schnorr", []byte{1, 2, 3}, 1); n != int32(core.CodeMalformed) {
		t.Fatalf("verify_schnorr malformed: %d", n)
	}
	// verify_plonk answers unsupported until its target is linked.
	if _, ok := core.Default.Lookup("plonk_bls12381_dusk_verify"); !ok {
		if n, _ := callGuest("verify_plonk", []byte{0}, 1); n != int32(core.CodeUnsupported) {
			t.Fatalf("verify_plonk: %d", n)
		}
	}
	// Charged at rusk's Boreas prices, e.g. sha256 on 16 bytes is
	// 3000 + 250·max(1, ceil(16/32)) = 3250 (pricing.rs).
	if used := uint64(1<<40) - meter.Left; used != wantGas {
		t.Fatalf("dusk schedule charged %d, want %d", used, wantGas)
	}
	if g, _ := gas.Dusk.Gas(mustAlias(t, "sha256"), []byte("rusk-host-sha256")); g != 3250 {
		t.Fatalf("dusk:sha256 on 16 bytes costs %d, rusk's table gives 3250", g)
	}
	if g, _ := gas.Dusk.Gas(mustAlias(t, "keccak256"), make([]byte, 96)); g != 4530 {
		t.Fatalf("dusk:keccak256 on 96 bytes costs %d, rusk's table gives 4530", g)
	}
	if g, _ := gas.Dusk.Gas(mustAlias(t, "verify_bls_multisig"), append([]byte{0, 0, 0, 16}, make([]byte, 16*96)...)); g != 5_700_000 {
		t.Fatalf("dusk:verify_bls_multisig with 16 keys costs %d, rusk's table gives 5700000", g)
	}
}

func itoa(k int) string {
	if k < 10 {
		return string(rune('0' + k))
	}
	return itoa(k/10) + string(rune('0'+k%10))
}

func mustAlias(t *testing.T, rusk string) *core.Func {
	t.Helper()
	f, ok := core.Default.Lookup("dusk:" + rusk)
	if !ok {
		t.Fatalf("dusk:%s not registered", rusk)
	}
	return f
}
