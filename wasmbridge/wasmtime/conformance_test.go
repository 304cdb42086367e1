package wasmtime_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
	"github.com/hostcrypto/hostcrypto/wasmbridge/wasmtime"
)

// The conformance suite: every guest the project has, run on every engine,
// metered; results, host calls, output, guest memory, gas and trap kind
// must agree byte for byte.

// engine is one contract instance on one engine.
type engine interface {
	load(wasm []byte) error
	call(name string, args ...uint64) ([]uint64, error)
	mem() []byte
	left() uint64
	stdout() []byte
	calls() []hostabi.Observation
}

type base struct {
	out  *os.File
	obs  []hostabi.Observation
	name string
}

func (b *base) observe(o hostabi.Observation) {
	o.Output, o.Duration = bytes.Clone(o.Output), 0
	b.obs = append(b.obs, o)
}
func (b *base) calls() []hostabi.Observation { return b.obs }
func (b *base) stdout() []byte {
	s, _ := os.ReadFile(b.out.Name())
	return s
}

func newOut(t *testing.T) *os.File {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// wazeroRun is the CLI's wazero Sandbox.
type wazeroRun struct {
	base
	sb *cli.Sandbox
	fn func(string, ...uint64) ([]uint64, error)
	mm func() []byte
}

func newWazero(t *testing.T, budget uint64) engine {
	e := &wazeroRun{}
	e.out = newOut(t)
	sb, err := cli.NewSandbox(context.Background(), gas.Default, budget, e.observe)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sb.Close)
	sb.Metering = metering.DefaultTable
	e.sb = sb
	return e
}

func (e *wazeroRun) load(wasm []byte) error {
	mod, err := e.sb.Load(wasm, e.out, e.out)
	if err != nil {
		return err
	}
	e.fn = func(name string, args ...uint64) ([]uint64, error) { return e.sb.CallExport(mod, name, args...) }
	e.mm = func() []byte {
		if mod.Memory() == nil {
			return nil
		}
		b, _ := mod.Memory().Read(0, mod.Memory().Size())
		return b
	}
	return nil
}
func (e *wazeroRun) call(name string, args ...uint64) ([]uint64, error) { return e.fn(name, args...) }
func (e *wazeroRun) mem() []byte                                        { return e.mm() }
func (e *wazeroRun) left() uint64                                       { return e.sb.Meter.Left }

type wasmtimeRun struct {
	base
	r *wasmtime.Runner
}

func newWasmtime(t *testing.T, budget uint64) engine {
	e := &wasmtimeRun{}
	e.out = newOut(t)
	r, err := wasmtime.NewRunnerWith(compiler, gas.Default, budget, e.observe, e.out, e.out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	r.Metering = metering.DefaultTable
	e.r = r
	return e
}

func (e *wasmtimeRun) load(wasm []byte) error { return e.r.Load(wasm) }
func (e *wasmtimeRun) call(name string, args ...uint64) ([]uint64, error) {
	return e.r.CallExport(name, args...)
}
func (e *wasmtimeRun) mem() []byte  { return e.r.Memory() }
func (e *wasmtimeRun) left() uint64 { return e.r.Meter.Left }

// compiler shares compiled modules between the wasmtime runs.
var compiler = wasmtime.NewCompiler()

var engines = []struct {
	name string
	new  func(*testing.T, uint64) engine
}{{"wazero", newWazero}, {"wasmtime", newWasmtime}}

// kind classifies an error the same way on both engines: the typed traps
// with their fields, anything else as a plain guest trap (engines word
// those differently).
func kind(err error) string {
	var oog *hostabi.OutOfGasError
	var me *hostabi.MemoryError
	var he *hostabi.HostError
	var exit *wasmtime.ExitError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &oog):
		return fmt.Sprintf("out of gas %+v", *oog)
	case errors.As(err, &me):
		return fmt.Sprintf("memory %+v", *me)
	case errors.As(err, &he):
		return fmt.Sprintf("host %+v", *he)
	case errors.As(err, &exit):
		return fmt.Sprintf("exit %d", exit.Code)
	case strings.Contains(err.Error(), "exit_code("):
		return "exit " + err.Error()[strings.Index(err.Error(), "exit_code(")+10:][:1]
	}
	return "guest trap"
}

// step is one export call of a script.
type step struct {
	export string
	args   []uint64
}

// outcome is everything that must agree.
type outcome struct {
	load    string
	steps   []string
	left    uint64
	memHash string
	stdout  string
	calls   []string
}

func run(t *testing.T, mk func(*testing.T, uint64) engine, wasm []byte, budget uint64, script []step) outcome {
	e := mk(t, budget)
	var o outcome
	o.load = kind(e.load(wasm))
	if o.load == "ok" {
		for _, s := range script {
			res, err := e.call(s.export, s.args...)
			o.steps = append(o.steps, fmt.Sprintf("%s%v -> %v %s", s.export, s.args, res, kind(err)))
			if err != nil {
				break
			}
		}
		h := sha256.Sum256(e.mem())
		o.memHash = hex.EncodeToString(h[:])
	}
	o.left = e.left()
	o.stdout = string(e.stdout())
	for _, c := range e.calls() {
		o.calls = append(o.calls, fmt.Sprintf("%s in=%d gas=%d code=%d out=%x", c.Function, c.InLen, c.Gas, c.Code, c.Output))
	}
	return o
}

// agree runs the script on every engine and requires identical outcomes.
func agree(t *testing.T, name string, wasm []byte, budget uint64, script []step) outcome {
	t.Helper()
	var first outcome
	for i, e := range engines {
		o := run(t, e.new, wasm, budget, script)
		if i == 0 {
			first = o
			continue
		}
		if fmt.Sprint(o) != fmt.Sprint(first) {
			t.Fatalf("%s: %s and %s disagree:\n%s: %+v\n%s: %+v", name, engines[0].name, e.name, engines[0].name, first, e.name, o)
		}
	}
	return first
}

func wat(t *testing.T, src string) []byte {
	t.Helper()
	bin, err := exec.LookPath("wat2wasm")
	if err != nil {
		if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
			t.Fatal("wat2wasm not found (apt-get install wabt)")
		}
		t.Skip("wat2wasm not found (apt-get install wabt)")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "m.wat"), []byte(src), 0o644)
	if msg, err := exec.Command(bin, filepath.Join(dir, "m.wat"), "-o", filepath.Join(dir, "m.wasm")).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(filepath.Join(dir, "m.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edgeGuest is the hand-written edge-case guest.
const edgeGuest = `(module
  (import "hostcrypto" "sha256" (func $sha (param i32 i32 i32 i32) (result i32)))
  (import "hostcrypto" "keccak256" (func $kec (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1 3)
  (func (export "sha") (param i32 i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 local.get 3 call $sha)
  (func (export "kec") (param i32 i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 local.get 3 call $kec)
  (func (export "fill") (param $p i32) (param $n i32) (param $v i32)
    local.get $p local.get $v local.get $n memory.fill)
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
  (func (export "load") (param i32) (result i32) local.get 0 i32.load)
  (func (export "spin") (loop br 0))
  (func (export "hash_loop") (param $n i32) (result i32) (local $r i32)
    (block $done (loop $l
      local.get $n i32.eqz br_if $done
      i32.const 0 i32.const 32 i32.const 0 i32.const 32 call $sha local.set $r
      local.get $n i32.const 1 i32.sub local.set $n
      br $l))
    local.get $r)
  (func (export "mix") (param $n i32) (result i64) (local $x i64)
    i64.const 88172645463325252 local.set $x
    (block $done (loop $l
      local.get $n i32.eqz br_if $done
      local.get $x local.get $x i64.const 13 i64.shl i64.xor local.set $x
      local.get $x local.get $x i64.const 7 i64.shr_u i64.xor local.set $x
      local.get $x local.get $x i64.const 17 i64.shl i64.xor local.set $x
      local.get $n i32.const 1 i32.sub local.set $n
      br $l))
    local.get $x))`

func TestConformanceEdgeGuest(t *testing.T) {
	w := wat(t, edgeGuest)
	const page = 65536
	const big = 1 << 40
	s := func(export string, args ...uint64) step { return step{export, args} }
	cases := []struct {
		name   string
		budget uint64
		script []step
	}{
		{"zero-length input", big, []step{s("sha", 0, 0, 100, 32)}},
		{"empty input at the end of memory", big, []step{s("sha", page, 0, 0, 32)}},
		{"whole memory as input, output over it", big, []step{s("fill", 0, page, 0xab), s("sha", 0, page, 0, 32)}},
		{"input and output at the end of memory", big, []step{s("fill", page-32, 32, 1), s("sha", page-32, 32, page-32, 32)}},
		{"output capacity is all memory", big, []step{s("kec", 10, 50, 0, page)}},
		{"overlapping input and output", big, []step{s("fill", 100, 200, 7), s("sha", 100, 200, 150, 200), s("kec", 150, 200, 100, 200)}},
		{"input one past the end", big, []step{s("sha", page-31, 32, 0, 32)}},
		{"output one past the end", big, []step{s("sha", 0, 32, page-31, 32)}},
		{"pointer plus length wraps 32 bits", big, []step{s("sha", 0xffffffff, 2, 0, 32)}},
		{"input length 2^32-1", big, []step{s("sha", 16, 0xffffffff, 0, 32)}},
		{"output too small", big, []step{s("sha", 0, 32, 100, 31)}},
		{"grown memory is visible to the host", big, []step{s("grow", 1), s("fill", 2*page-32, 32, 9), s("sha", 2*page-32, 32, 2*page-32, 32), s("sha", 2*page, 0, 0, 32)}},
		{"memory.grow past the maximum", big, []step{s("grow", 5), s("grow", 2), s("grow", 1)}},
		{"guest out-of-bounds load", big, []step{s("load", page-2)}},
		{"looping guest", 1_000_000, []step{s("spin")}},
		{"host calls until out of gas", 3_000_000, []step{s("hash_loop", 1_000_000)}},
		{"guest arithmetic until out of gas", 50_000, []step{s("mix", 1_000_000)}},
		{"guest arithmetic", big, []step{s("mix", 100_000)}},
	}
	for _, c := range cases {
		o := agree(t, c.name, w, c.budget, c.script)
		t.Logf("%-40s %v, gas used %d", c.name, o.steps, c.budget-o.left)
	}

	// Out of gas at the exact boundary, for a host call and for guest code:
	// measure the cost on one engine, then both must succeed with exactly
	// that budget and trap with one gas less.
	for _, sc := range [][]step{{s("sha", 0, 1000, 2000, 32)}, {s("mix", 1000)}, {s("hash_loop", 10)}} {
		used := big - run(t, newWazero, w, big, sc).left
		ok := agree(t, "exact budget", w, used, sc)
		if ok.left != 0 || !strings.HasSuffix(ok.steps[len(ok.steps)-1], " ok") {
			t.Fatalf("%v with exactly %d gas: %+v", sc, used, ok)
		}
		short := agree(t, "one gas short", w, used-1, sc)
		if !strings.Contains(short.steps[len(short.steps)-1], "out of gas") {
			t.Fatalf("%v with %d gas: %+v", sc, used-1, short)
		}
	}
}

var (
	guestOnce sync.Once
	guestWasm []byte
	guestErr  error
)

// buildTestGuest builds internal/testguest for wasip1 (once per process).
func buildTestGuest(t testing.TB) []byte {
	guestOnce.Do(func() {
		dir, err := os.MkdirTemp("", "testguest")
		if err != nil {
			guestErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "g.wasm")
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-buildmode=c-shared", "-trimpath", "-o", out, "./internal/testguest")
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			guestErr = fmt.Errorf("%v\n%s", err, msg)
			return
		}
		guestWasm, guestErr = os.ReadFile(out)
	})
	if guestErr != nil {
		t.Fatal(guestErr)
	}
	return guestWasm
}

// TestConformanceStartFunction: a module whose start function runs metered
// guest code (and a host call) during instantiation, before the embedder
// binds the meter.
func TestConformanceStartFunction(t *testing.T) {
	w := wat(t, `(module
	  (import "hostcrypto" "sha256" (func $sha (param i32 i32 i32 i32) (result i32)))
	  (memory (export "memory") 1)
	  (global $g (mut i32) (i32.const 0))
	  (start $init)
	  (func $init (local $i i32)
	    (loop $l
	      local.get $i i32.const 1 i32.add local.tee $i
	      i32.const 1000 i32.lt_u br_if $l)
	    i32.const 0 i32.const 64 i32.const 64 i32.const 32 call $sha global.set $g)
	  (func (export "get") (result i32) global.get $g))`)
	o := agree(t, "start function", w, 1<<40, []step{{"get", nil}})
	if o.load != "ok" || !strings.Contains(o.steps[0], "[32] ok") || len(o.calls) != 1 {
		t.Fatalf("start function: %+v", o)
	}
	for _, budget := range []uint64{10_000, 1<<40 - o.left, 1<<40 - o.left - 1} {
		agree(t, "start function with a small budget", w, budget, []step{{"get", nil}})
	}
}

func repoFile(t *testing.T, rel string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestConformanceDemo: the embedded Go demo contract, metered, on both
// engines: its run and its out-of-gas exhaust.
func TestConformanceDemo(t *testing.T) {
	w := repoFile(t, "cmd/hostcrypto/demo.wasm")
	o := agree(t, "demo run", w, 50_000_000, []step{{"run", nil}})
	if len(o.calls) < 5 || o.steps[0] == "" || !strings.HasSuffix(o.steps[0], " ok") {
		t.Fatalf("demo run: %+v", o)
	}
	o = agree(t, "demo exhaust", w, 5_000_000, []step{{"exhaust", nil}})
	if !strings.Contains(o.steps[0], "out of gas") {
		t.Fatalf("demo exhaust: %+v", o)
	}
	// Out of gas inside the Go runtime's start-up.
	agree(t, "demo start-up out of gas", w, 1_000_000, nil)
}

// TestConformanceTestGuest: the bridge test guest, with host calls on
// regions of its buffer and its compute-only exports.
func TestConformanceTestGuest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 guest")
	}
	w := buildTestGuest(t)
	c := func(fn, inOff, inLen, outOff, outCap uint64) step {
		return step{"call", []uint64{fn, inOff, inLen, outOff, outCap}}
	}
	script := []step{{"buf", nil}, {"sha_loop", []uint64{4}}, c(0, 0, 480, 8192, 64), c(1, 0, 100, 8192, 32), c(2, 10, 0, 9000, 64),
		c(3, 0, 213, 8192, 64), c(0, 0, 10, 8192, 31), c(0, 0, 480, 0, 32), c(1, 100, 300, 200, 300),
		{"sieve", []uint64{100_000}}, {"sort_rand", []uint64{2000}}}
	o := agree(t, "test guest", w, 1<<40, script)
	t.Logf("%v", o.steps)
	agree(t, "test guest out of gas in sieve", w, 20_000_000, []step{{"sieve", []uint64{1 << 20}}})
}
