package wasmbridge_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// testCatalogue has one real function and two whose failure modes the
// bridge must contain: one that rejects odd-length input, one that panics.
func testCatalogue(t testing.TB) (*core.Catalogue, *core.Schedule) {
	cat, err := core.NewCatalogue(hash.SHA256,
		&core.Func{Name: "even", FixedOut: 1, Run: func(dst, in []byte) ([]byte, error) {
			if len(in)%2 != 0 {
				return dst, core.ErrMalformed
			}
			return append(dst, byte(len(in))), nil
		}},
		&core.Func{Name: "boom", FixedOut: 1, Run: func(dst, in []byte) ([]byte, error) {
			var m map[string]int
			m["x"] = 1 // nil map write: a bug that must not crash the host
			return dst, nil
		}},
	)
	if err != nil {
		t.Fatal(err)
	}
	s := &core.Schedule{Name: "test", Rules: map[string]core.Rule{
		"sha256": gas.Default.Rules["sha256"],
		"even":   {Base: 7, PerByte: 3},
		"boom":   {Base: 1},
	}}
	return cat, s
}

type env struct {
	ctx   context.Context
	r     wazero.Runtime
	mod   api.Module
	mem   api.Memory
	meter *core.Budget
	call  map[string]api.Function
	loop  map[string]api.Function
}

func newEnv(t testing.TB, budget uint64, names ...string) *env {
	t.Helper()
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	cat, sched := testCatalogue(t)
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithCatalogue(cat), wasmbridge.WithSchedule(sched)); err != nil {
		t.Fatal(err)
	}
	mod, err := r.Instantiate(ctx, wasmtest.Module(wasmbridge.ModuleName, names...))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{r: r, mod: mod, mem: mod.Memory(), meter: &core.Budget{Left: budget},
		call: map[string]api.Function{}, loop: map[string]api.Function{}}
	e.ctx = wasmbridge.WithGasMeter(ctx, e.meter)
	for k, n := range names {
		e.call[n] = mod.ExportedFunction("call_" + string(rune('0'+k)))
		e.loop[n] = mod.ExportedFunction("loop_" + string(rune('0'+k)))
	}
	return e
}

func (e *env) invoke(fn string, inPtr, inLen, outPtr, outCap uint32) (int32, error) {
	res, err := e.call[fn].Call(e.ctx, uint64(inPtr), uint64(inLen), uint64(outPtr), uint64(outCap))
	if err != nil {
		return 0, err
	}
	return api.DecodeI32(res[0]), nil
}

func TestBridgeResultAndGas(t *testing.T) {
	e := newEnv(t, 1_000_000, "sha256", "even", "boom")
	msg := []byte("hostcrypto bridge test input of forty-two b")
	e.mem.Write(100, msg)
	n, err := e.invoke("sha256", 100, uint32(len(msg)), 1000, 64)
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(msg)
	got, _ := e.mem.Read(1000, 32)
	if n != 32 || !bytes.Equal(got, want[:]) {
		t.Fatalf("n=%d out=%x want %x", n, got, want)
	}
	r := gas.Default.Rules["sha256"]
	if used := 1_000_000 - e.meter.Left; used != r.Base+r.PerByte*uint64(len(msg)) {
		t.Fatalf("charged %d, rule gives %d", used, r.Base+r.PerByte*uint64(len(msg)))
	}
}

func TestBridgeOverlappingInOut(t *testing.T) {
	e := newEnv(t, 1_000_000, "sha256")
	msg := bytes.Repeat([]byte{0xab}, 200)
	e.mem.Write(500, msg)
	n, err := e.invoke("sha256", 500, 200, 500, 200) // output over its own input
	if err != nil || n != 32 {
		t.Fatal(n, err)
	}
	want := sha256.Sum256(msg)
	got, _ := e.mem.Read(500, 32)
	if !bytes.Equal(got, want[:]) {
		t.Fatal("aliased input and output gave a wrong digest")
	}
}

func TestBridgeOutOfGasTrapsBeforeWriting(t *testing.T) {
	r := gas.Default.Rules["sha256"]
	price := r.Base + r.PerByte*32
	e := newEnv(t, price-1, "sha256")
	marker := bytes.Repeat([]byte{0x5a}, 32)
	e.mem.Write(1000, marker)
	_, err := e.invoke("sha256", 0, 32, 1000, 32)
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) {
		t.Fatalf("want *OutOfGasError trap, got %v", err)
	}
	if oog.Price != price || oog.Remaining != price-1 {
		t.Fatalf("trap reports %+v", oog)
	}
	if got, _ := e.mem.Read(1000, 32); !bytes.Equal(got, marker) {
		t.Fatal("output written despite out-of-gas trap")
	}
	if e.meter.Left != price-1 {
		t.Fatalf("meter charged on trap: %d left", e.meter.Left)
	}
	// Exactly enough gas succeeds.
	e.meter.Left = price
	if n, err := e.invoke("sha256", 0, 32, 1000, 32); err != nil || n != 32 || e.meter.Left != 0 {
		t.Fatalf("exact budget: n=%d err=%v left=%d", n, err, e.meter.Left)
	}
}

func TestBridgeOutOfBoundsTraps(t *testing.T) {
	e := newEnv(t, 1_000_000, "sha256")
	size := e.mem.Size()
	cases := []struct {
		name                         string
		inPtr, inLen, outPtr, outCap uint32
		what                         string
	}{
		{"input past end", size - 10, 11, 0, 32, "input"},
		{"input pointer past end", size, 1, 0, 32, "input"},
		{"input wraps 32 bits", 0xffff_fff0, 0x20, 0, 32, "input"},
		{"input length huge", 16, 0xffff_ffff, 0, 32, "input"},
		{"output past end", 0, 32, size - 16, 32, "output"},
		{"output wraps 32 bits", 0, 32, 0xffff_ffe0, 0x40, "output"},
	}
	for _, c := range cases {
		before := e.meter.Left
		_, err := e.invoke("sha256", c.inPtr, c.inLen, c.outPtr, c.outCap)
		var me *wasmbridge.MemoryError
		if !errors.As(err, &me) || me.What != c.what {
			t.Fatalf("%s: want MemoryError on %s, got %v", c.name, c.what, err)
		}
		if e.meter.Left != before {
			t.Fatalf("%s: gas charged on a memory trap", c.name)
		}
	}
	// Empty input at the very end of memory is in bounds.
	if n, err := e.invoke("sha256", size, 0, 0, 32); err != nil || n != 32 {
		t.Fatalf("empty input at end: %d %v", n, err)
	}
}

func TestBridgeErrorCodesAndRecovery(t *testing.T) {
	e := newEnv(t, 1_000_000, "even", "boom", "sha256")
	before := e.meter.Left
	n, err := e.invoke("even", 0, 3, 100, 8)
	if err != nil || core.Code(n) != core.CodeMalformed {
		t.Fatalf("odd input: n=%d err=%v, want %d", n, err, core.CodeMalformed)
	}
	if used := before - e.meter.Left; used != 7+3*3 {
		t.Fatalf("malformed input charged %d, want 16 (gas comes before validation)", used)
	}
	n, err = e.invoke("boom", 0, 0, 100, 8)
	if err != nil || core.Code(n) != core.CodeInternal {
		t.Fatalf("panicking function: n=%d err=%v", n, err)
	}
	// Too-small output buffer: a code, and no gas.
	before = e.meter.Left
	n, err = e.invoke("sha256", 0, 4, 100, 31)
	if err != nil || core.Code(n) != core.CodeOutputTooSmall || e.meter.Left != before {
		t.Fatalf("small output: n=%d err=%v charged=%d", n, err, before-e.meter.Left)
	}
	// The module keeps working after returned errors.
	if n, err := e.invoke("even", 0, 4, 100, 8); err != nil || n != 1 {
		t.Fatalf("after errors: %d %v", n, err)
	}
	if n, err := e.invoke("sha256", 0, 4, 100, 32); err != nil || n != 32 {
		t.Fatalf("after errors: %d %v", n, err)
	}
}

func TestBridgeMissingMeterTraps(t *testing.T) {
	e := newEnv(t, 0, "sha256")
	_, err := e.call["sha256"].Call(context.Background(), 0, 0, 0, 32)
	var me *wasmbridge.MeterError
	if !errors.As(err, &me) {
		t.Fatalf("want MeterError, got %v", err)
	}
}

func TestBridgeZeroAlloc(t *testing.T) {
	e := newEnv(t, ^uint64(0), "sha256")
	stack := []uint64{1000, 0, 32, 64, 32}
	f := e.loop["sha256"]
	run := func() {
		stack[0], stack[1], stack[2], stack[3], stack[4] = 1000, 0, 32, 64, 32
		if err := f.CallWithStack(e.ctx, stack); err != nil {
			t.Fatal(err)
		}
	}
	run() // warm the scratch pool
	if a := testing.AllocsPerRun(20, run); a != 0 {
		t.Fatalf("%v allocations per 1000 guest-to-host sha256 calls", a)
	}
	if api.DecodeI32(stack[0]) != 32 {
		t.Fatalf("loop result %d", api.DecodeI32(stack[0]))
	}
}
