package metering_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// wat assembles WebAssembly text with wabt's wat2wasm (Debian package
// wabt, installed by .ci/run). flags enable proposals.
func wat(t testing.TB, src string, flags ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("wat2wasm")
	if err != nil {
		if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
			t.Fatal("wat2wasm not found (apt-get install wabt)")
		}
		t.Skip("wat2wasm not found (apt-get install wabt); skipping WAT-based tests")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "m.wat"), filepath.Join(dir, "m.wasm")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{in, "-o", out}, flags...)
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validate runs wabt's wasm-validate on b when it is installed.
func validate(t testing.TB, b []byte) {
	t.Helper()
	bin, err := exec.LookPath("wasm-validate")
	if err != nil {
		return
	}
	f := filepath.Join(t.TempDir(), "v.wasm")
	os.WriteFile(f, b, 0o644)
	if msg, err := exec.Command(bin, f).CombinedOutput(); err != nil {
		t.Fatalf("instrumented module does not validate: %v\n%s", err, msg)
	}
}

// run is one metered instance under wazero.
type run struct {
	t      testing.TB
	ctx    context.Context
	r      wazero.Runtime
	mod    api.Module
	budget *core.Budget
	meter  *metering.Meter
}

func newRun(t testing.TB, wasm []byte, budget uint64, hostImports func(wazero.Runtime)) *run {
	t.Helper()
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	if _, err := wasmbridge.InstantiateMetering(ctx, r); err != nil {
		t.Fatal(err)
	}
	if hostImports != nil {
		hostImports(r)
	}
	inst, err := metering.Instrument(wasm, nil)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, inst)
	b := &core.Budget{Left: budget}
	m := metering.NewMeter(b)
	ctx = wasmbridge.WithGasMeter(ctx, m)
	mod, err := r.InstantiateWithConfig(ctx, inst, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		t.Fatal(err)
	}
	if err := wasmbridge.BindMeter(m, mod); err != nil {
		t.Fatal(err)
	}
	return &run{t: t, ctx: ctx, r: r, mod: mod, budget: b, meter: m}
}

func (x *run) call(name string, args ...uint64) ([]uint64, error) {
	res, err := x.mod.ExportedFunction(name).Call(x.ctx, args...)
	return res, x.meter.Done(err)
}

// plain runs the uninstrumented module.
func plain(t testing.TB, wasm []byte, hostImports func(wazero.Runtime)) (context.Context, api.Module) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	t.Cleanup(func() { r.Close(ctx) })
	if hostImports != nil {
		hostImports(r)
	}
	mod, err := r.InstantiateWithConfig(ctx, wasm, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		t.Fatal(err)
	}
	return ctx, mod
}

var tb = metering.DefaultTable

// TestStraightLineExact checks the charge of one metered block against the
// table, and the boundary: exactly enough gas runs, one less traps with
// nothing charged.
func TestStraightLineExact(t *testing.T) {
	w := wat(t, `(module (func (export "f") (param i32) (result i32)
		local.get 0  i32.const 7  i32.mul  i32.const 3  i32.add))`)
	cost := tb.Local + tb.Const + tb.Mul + tb.Const + tb.Simple + tb.Free
	x := newRun(t, w, cost, nil)
	res, err := x.call("f", 5)
	if err != nil || res[0] != 38 || x.budget.Left != 0 {
		t.Fatalf("exact budget %d: res %v err %v left %d", cost, res, err, x.budget.Left)
	}
	x.budget.Left = cost - 1
	_, err = x.call("f", 5)
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) || oog.Price != cost || oog.Remaining != cost-1 {
		t.Fatalf("budget-1: want out of gas (price %d, %d remain), got %v", cost, cost-1, err)
	}
	if x.budget.Left != 0 {
		t.Fatalf("a guest out-of-gas trap takes the whole budget: %d left", x.budget.Left)
	}
}

// TestLoopExact runs a counting loop n times and checks the exact total:
// the entry block, then per iteration the loop body (split at br_if), and
// the exit.
func TestLoopExact(t *testing.T) {
	w := wat(t, `(module (func (export "sum") (param $n i32) (result i32) (local $s i32)
		(block $out
		  (loop $top
		    local.get $n  i32.eqz  br_if $out
		    local.get $s  local.get $n  i32.add  local.set $s
		    local.get $n  i32.const 1  i32.sub  local.set $n
		    br $top))
		local.get $s))`)
	// Blocks: entry [block loop] -> free; loop head [local.get eqz br_if];
	// after br_if [get get add set get const sub set br]; after the end of
	// the targeted block $out [local.get end].
	head := tb.Local + tb.Simple + tb.Branch
	body := 5*tb.Local + 2*tb.Simple + tb.Const + tb.Branch
	for _, n := range []uint64{0, 1, 10, 1000} {
		x := newRun(t, w, 1<<40, nil)
		res, err := x.call("sum", n)
		if err != nil || res[0] != n*(n+1)/2 {
			t.Fatalf("sum(%d) = %v, %v", n, res, err)
		}
		// The loop's own end and the block's end are free; local.get after
		// the block is charged on exit.
		want := (n+1)*head + n*body + tb.Local
		if used := 1<<40 - x.budget.Left; used != want {
			t.Fatalf("sum(%d): charged %d, table gives %d", n, used, want)
		}
		// The exact total is the boundary.
		x = newRun(t, w, want, nil)
		if res, err := x.call("sum", n); err != nil || res[0] != n*(n+1)/2 || x.budget.Left != 0 {
			t.Fatalf("sum(%d) with exactly %d gas: %v %v, %d left", n, want, res, err, x.budget.Left)
		}
		x = newRun(t, w, want-1, nil)
		var oog *wasmbridge.OutOfGasError
		if _, err := x.call("sum", n); !errors.As(err, &oog) || x.budget.Left != 0 {
			t.Fatalf("sum(%d) with %d gas: want out of gas, got %v, %d left", n, want-1, err, x.budget.Left)
		}
	}
}

// TestLoopingGuestTraps: an endless loop runs out of gas instead of
// running forever.
func TestLoopingGuestTraps(t *testing.T) {
	w := wat(t, `(module (func (export "spin") (loop $l br $l)))`)
	x := newRun(t, w, 1_000_000, nil)
	_, err := x.call("spin")
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) || oog.Function != "(guest code)" {
		t.Fatalf("want guest out of gas, got %v", err)
	}
	if x.budget.Left >= tb.Branch {
		t.Fatalf("trapped with %d left, enough for another iteration (%d)", x.budget.Left, tb.Branch)
	}
}

// TestDynamicCharges: memory.grow per page, memory.fill and memory.copy per
// byte, table.grow per element, charged from the operand just before the
// instruction.
func TestDynamicCharges(t *testing.T) {
	w := wat(t, `(module
		(memory 1 100)
		(table $t 1 1000 funcref)
		(func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
		(func (export "fill") (param i32) i32.const 0 i32.const 7 local.get 0 memory.fill)
		(func (export "copy") (param i32) i32.const 0 i32.const 100 local.get 0 memory.copy)
		(func (export "tgrow") (param i32) (result i32) ref.null func local.get 0 table.grow $t)
		(func (export "peek") (param i32) (result i32) local.get 0 i32.load8_u))`)
	cases := []struct {
		name string
		arg  uint64
		want uint64
	}{
		{"grow", 3, tb.Local + tb.MemoryGrow + 3*tb.MemoryGrowPage + tb.Free},
		{"grow", 0, tb.Local + tb.MemoryGrow + tb.Free},
		{"fill", 1000, 2*tb.Const + tb.Local + tb.Bulk + 1000*tb.BulkByte + tb.Free},
		{"copy", 500, 2*tb.Const + tb.Local + tb.Bulk + 500*tb.BulkByte + tb.Free},
		{"tgrow", 10, tb.Const + tb.Local + tb.TableBulk + 10*tb.TableElem + tb.Free},
	}
	for _, c := range cases {
		x := newRun(t, w, 1<<40, nil)
		if _, err := x.call(c.name, c.arg); err != nil {
			t.Fatalf("%s(%d): %v", c.name, c.arg, err)
		}
		if used := 1<<40 - x.budget.Left; used != c.want {
			t.Fatalf("%s(%d): charged %d, table gives %d", c.name, c.arg, used, c.want)
		}
		// One gas short of the dynamic part: trap at the instruction, with
		// the block's static part charged and the dynamic part reported.
		if c.arg == 0 {
			continue
		}
		x = newRun(t, w, c.want-1, nil)
		_, err := x.call(c.name, c.arg)
		var oog *wasmbridge.OutOfGasError
		if !errors.As(err, &oog) {
			t.Fatalf("%s(%d) with one gas short: %v", c.name, c.arg, err)
		}
	}
	// A failing memory.grow (beyond max) still pays and returns -1.
	x := newRun(t, w, 1<<40, nil)
	res, err := x.call("grow", 200)
	if err != nil || int32(res[0]) != -1 {
		t.Fatalf("grow past max: %v %v", res, err)
	}
	// The fill wrote: behaviour unchanged.
	x.call("fill", 10)
	if res, _ := x.call("peek", 9); res[0] != 7 {
		t.Fatalf("memory.fill did not run: %v", res)
	}
}

// TestIndicesShift: imports, calls, call_indirect through an element
// segment, ref.func, exports of defined and imported functions, the start
// function and globals behave as before instrumentation.
func TestIndicesShift(t *testing.T) {
	src := `(module
		(import "env" "twice" (func $twice (param i32) (result i32)))
		(import "env" "g0" (global $g0 i32))
		(global $counter (mut i32) (i32.const 0))
		(global $fr funcref (ref.func $sq))
		(table $t 4 funcref)
		(table $t2 2 funcref)
		(elem (table $t) (i32.const 0) func $sq $inc $twice)
		(elem (table $t2) (i32.const 0) funcref (ref.func $inc) (ref.null func))
		(elem declare func $dec)
		(type $un (func (param i32) (result i32)))
		(start $init)
		(func $init  global.get $g0 global.set $counter)
		(func $sq (param i32) (result i32) local.get 0 local.get 0 i32.mul)
		(func $inc (param i32) (result i32) local.get 0 i32.const 1 i32.add)
		(func $dec (param i32) (result i32) local.get 0 i32.const 1 i32.sub)
		(func (export "ind") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect $t (type $un))
		(func (export "ind2") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect $t2 (type $un))
		(func (export "direct") (param i32) (result i32) local.get 0 call $twice call $sq call $inc)
		(func (export "viaref") (param i32) (result i32)
			i32.const 3 ref.func $dec table.set $t
			local.get 0 i32.const 3 call_indirect $t (type $un))
		(func (export "globalref") (param i32) (result i32)
			i32.const 1 global.get $fr table.set $t2
			local.get 0 i32.const 1 call_indirect $t2 (type $un))
		(func (export "counter") (result i32) global.get $counter)
		(func (export "multi") (param i32) (result i32 i32) local.get 0 local.get 0 call $inc)
		(export "twice_again" (func $twice)))`
	host := func(r wazero.Runtime) {
		ctx := context.Background()
		_, err := r.NewHostModuleBuilder("env").
			NewFunctionBuilder().WithFunc(func(x int32) int32 { return 2 * x }).Export("twice").
			Instantiate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// The global import: a guest module exporting g0 = 42.
		g := wat(t, `(module (global (export "g0") i32 (i32.const 42)))`)
		if _, err := r.InstantiateWithConfig(ctx, g, wazero.NewModuleConfig().WithName("env_g")); err != nil {
			t.Fatal(err)
		}
	}
	// g0 comes from a guest module: wazero host modules export only functions.
	w := wat(t, strings.Replace(src, `(import "env" "g0"`, `(import "env_g" "g0"`, 1))
	calls := []struct {
		name string
		args []uint64
	}{
		{"ind", []uint64{0, 7}}, {"ind", []uint64{1, 7}}, {"ind", []uint64{2, 7}},
		{"ind2", []uint64{0, 7}}, {"direct", []uint64{5}}, {"viaref", []uint64{9}},
		{"globalref", []uint64{6}}, {"counter", nil}, {"multi", []uint64{4}}, {"twice_again", []uint64{21}},
	}
	ctx, pm := plain(t, w, host)
	x := newRun(t, w, 1<<40, host)
	for _, c := range calls {
		want, err1 := pm.ExportedFunction(c.name).Call(ctx, c.args...)
		got, err2 := x.call(c.name, c.args...)
		if err1 != nil || err2 != nil || len(want) != len(got) {
			t.Fatalf("%s%v: plain %v %v, metered %v %v", c.name, c.args, want, err1, got, err2)
		}
		for i := range want {
			if want[i] != got[i] {
				t.Fatalf("%s%v: plain %v, metered %v", c.name, c.args, want, got)
			}
		}
	}
	// Calling past the table's end traps the same way.
	_, err1 := pm.ExportedFunction("ind2").Call(ctx, 5, 0)
	_, err2 := x.call("ind2", 5, 0)
	if err1 == nil || err2 == nil {
		t.Fatalf("null table entry: plain %v, metered %v", err1, err2)
	}
}

// TestRejects: features the rewriter cannot meter are errors wrapping
// ErrUnsupported, never a silently unmetered module.
func TestRejects(t *testing.T) {
	cases := []struct {
		name, src string
		flags     []string
	}{
		{"simd", `(module (func (result i32) v128.const i64x2 1 2 i32x4.extract_lane 0))`, nil},
		{"threads", `(module (memory 1 1 shared) (func (result i32) i32.const 0 i32.atomic.load))`, []string{"--enable-threads"}},
		{"tail calls", `(module (func $f (result i32) return_call $f))`, []string{"--enable-tail-call"}},
		{"memory64", `(module (memory i64 1))`, []string{"--enable-memory64"}},
		{"multi-memory", `(module (memory 1) (memory 1))`, []string{"--enable-multi-memory"}},
		{"exceptions", `(module (tag $e) (func throw $e))`, []string{"--enable-exceptions"}},
	}
	for _, c := range cases {
		w := wat(t, c.src, c.flags...)
		if _, err := metering.Instrument(w, nil); !errors.Is(err, metering.ErrUnsupported) {
			t.Errorf("%s: want ErrUnsupported, got %v", c.name, err)
		}
	}
	// Instrumenting twice is refused.
	w := wat(t, `(module (func (export "f")))`)
	once, err := metering.Instrument(w, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := metering.Instrument(once, nil); !errors.Is(err, metering.ErrUnsupported) {
		t.Fatalf("second instrumentation: %v", err)
	}
	// Truncations are errors, never a panic, unless the prefix is itself a
	// valid module.
	r := wazero.NewRuntime(context.Background())
	defer r.Close(context.Background())
	for i := 0; i < len(w); i++ {
		_, err := metering.Instrument(w[:i], nil)
		if _, cerr := r.CompileModule(context.Background(), w[:i]); err == nil && cerr != nil {
			t.Fatalf("truncated at %d: no error, and wazero rejects it: %v", i, cerr)
		}
	}
}

// TestNameSectionFollowsShift: function names (wat2wasm --debug-names)
// still name the right functions after the shift, as engines show in
// stack traces.
func TestNameSectionFollowsShift(t *testing.T) {
	w := wat(t, `(module
		(import "env" "f" (func $imported))
		(func $inner (param $x i32) (result i32) unreachable)
		(func $outer (export "outer") (result i32) i32.const 1 call $inner))`, "--debug-names")
	host := func(r wazero.Runtime) {
		if _, err := r.NewHostModuleBuilder("env").NewFunctionBuilder().WithFunc(func() {}).Export("f").Instantiate(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	ctx, pm := plain(t, w, host)
	_, want := pm.ExportedFunction("outer").Call(ctx)
	x := newRun(t, w, 1<<40, host)
	_, got := x.call("outer")
	if want == nil || got == nil {
		t.Fatalf("want traps, got %v and %v", want, got)
	}
	for _, name := range []string{"inner", "outer"} {
		if !strings.Contains(want.Error(), name) || !strings.Contains(got.Error(), name) {
			t.Fatalf("stack traces lack %q:\nplain: %v\nmetered: %v", name, want, got)
		}
	}
	// The trace names the function that trapped first in both.
	first := func(s string) string {
		i := strings.Index(s, "wasm stack trace:")
		return strings.Fields(s[i+len("wasm stack trace:"):])[0]
	}
	if first(want.Error()) != first(got.Error()) {
		t.Fatalf("top frame: plain %q, metered %q", first(want.Error()), first(got.Error()))
	}
}
