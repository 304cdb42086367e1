// Package guestbench measures the premise of hostcrypto: a host call is far
// cheaper than the same cryptography compiled into the contract.
//
// For each operation of package ops (SHA-256 and Keccak-256 on 32 B and
// 16 KiB, Ed25519 verify, ecrecover, BN254 and BLS12-381 pairing checks of
// two pairs, BLS verify, Groth16 BN254 verify, Poseidon) it times three
// ways of doing the same work on the catalogue's example input:
//
//   - "native Go": package ops run natively (the floor: the same pure-Go
//     libraries with no WebAssembly in between);
//   - "in contract": package ops compiled into a Go wasip1 contract
//     (./bench/guest/contract, built by Build) run under wazero's compiler;
//   - "host call": the same contract calling the hostcrypto host function
//     (package guest), so the cost includes the crossing, the copy of input
//     and output, and gas metering.
//
// Before timing, the answers of all three and of hostcrypto.Call must be
// equal. Times are process CPU time per operation (bench.Measure), which
// a loaded machine disturbs far less than wall time.
package guestbench

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/bench/guest/ops"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// ContractPackage is the contract's import path.
const ContractPackage = "github.com/hostcrypto/hostcrypto/bench/guest/contract"

// Build compiles the contract with the go command goCmd (GOOS=wasip1
// GOARCH=wasm, -buildmode=c-shared) and returns the module's bytes.
func Build(goCmd string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "guestbench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "contract.wasm")
	cmd := exec.Command(goCmd, "build", "-buildmode=c-shared", "-trimpath", "-o", out, ContractPackage)
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("guestbench: building the contract: %v\n%s", err, msg)
	}
	return os.ReadFile(out)
}

// Contract is the benchmark contract instantiated under wazero with the
// hostcrypto import module (default schedule, an unlimited budget).
type Contract struct {
	ctx  context.Context
	r    wazero.Runtime
	mod  api.Module
	run  api.Function
	base uint32
}

// Load instantiates the contract built by Build.
func Load(wasm []byte) (*Contract, error) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	c := &Contract{r: r}
	fail := func(err error) (*Contract, error) {
		r.Close(ctx)
		return nil, err
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r); err != nil {
		return fail(err)
	}
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithSchedule(gas.Default)); err != nil {
		return fail(err)
	}
	c.ctx = wasmbridge.WithGasMeter(ctx, &core.Budget{Left: 1 << 62})
	mod, err := r.InstantiateWithConfig(c.ctx, wasm, wazero.NewModuleConfig().WithStartFunctions().WithName(""))
	if err != nil {
		return fail(err)
	}
	if init := mod.ExportedFunction("_initialize"); init != nil {
		if _, err := init.Call(c.ctx); err != nil {
			return fail(err)
		}
	}
	res, err := mod.ExportedFunction("buf").Call(c.ctx)
	if err != nil {
		return fail(err)
	}
	c.mod, c.run, c.base = mod, mod.ExportedFunction("run"), uint32(res[0])
	return c, nil
}

// Close releases the runtime.
func (c *Contract) Close() { c.r.Close(c.ctx) }

// Run does ops.List[op] n times inside the contract, or by host calls when
// host is set, and returns the last output.
func (c *Contract) Run(op int, in []byte, n int, host bool) ([]byte, error) {
	if !c.mod.Memory().Write(c.base, in) {
		return nil, errors.New("guestbench: input does not fit")
	}
	h := uint64(0)
	if host {
		h = 1
	}
	res, err := c.run.Call(c.ctx, uint64(op), uint64(len(in)), uint64(n), h)
	if err != nil {
		return nil, err
	}
	k := api.DecodeI32(res[0])
	if k < 0 {
		return nil, fmt.Errorf("guestbench: %s failed in the contract (%d)", ops.List[op].Name(), k)
	}
	out, _ := c.mod.Memory().Read(c.base+1<<16, uint32(k))
	return append([]byte(nil), out...), nil
}

// Input returns the catalogue's example input of op.
func Input(op ops.Op) ([]byte, error) {
	f, ok := hostcrypto.Lookup(op.Function)
	if !ok || f.Examples == nil {
		return nil, fmt.Errorf("guestbench: no catalogue function %q", op.Function)
	}
	for _, e := range f.Examples() {
		if e.Name == op.Example {
			return e.Input, nil
		}
	}
	return nil, fmt.Errorf("guestbench: %s has no example %q", op.Function, op.Example)
}

// Check runs op natively, in the contract and by a host call, and fails
// unless all three answers equal hostcrypto.Call's.
func (c *Contract) Check(op int) error {
	o := ops.List[op]
	in, err := Input(o)
	if err != nil {
		return err
	}
	want, _, err := hostcrypto.Call(o.Function, in)
	if err != nil {
		return fmt.Errorf("%s: host: %v", o.Name(), err)
	}
	native, err := o.Run(in)
	if err != nil {
		return fmt.Errorf("%s: native: %v", o.Name(), err)
	}
	inContract, err := c.Run(op, in, 1, false)
	if err != nil {
		return err
	}
	hostCall, err := c.Run(op, in, 1, true)
	if err != nil {
		return err
	}
	for what, got := range map[string][]byte{"native": native, "in contract": inContract, "host call": hostCall} {
		if string(got) != string(want) {
			return fmt.Errorf("%s: %s answer %x, host %x", o.Name(), what, got, want)
		}
	}
	return nil
}

// Modes are the three ways of doing an operation, as Result.Impl.
const (
	Native     = "native Go"
	HostCall   = "host call"
	InContract = "in contract"
)

// Measure checks and times every operation for about d per mode and
// returns the results (family "guest"; the in-contract rows are marked Peer,
// the alternative to the host call). log, if not nil, gets one line per
// operation.
func (c *Contract) Measure(d time.Duration, log io.Writer) (*bench.File, error) {
	rep := dispatch.MachineReport()
	f := &bench.File{Machines: []bench.Machine{{ID: bench.MachineID(rep), Report: rep, When: time.Now().UTC().Format(time.RFC3339)}}}
	for i, o := range ops.List {
		if err := c.Check(i); err != nil {
			return nil, err
		}
		in, _ := Input(o)
		row := func(impl string, m bench.Measurement, per float64) {
			f.Results = append(f.Results, bench.Result{Machine: f.Machines[0].ID, Function: o.Function, Family: "guest",
				Example: o.Example, InputLen: len(in), Impl: impl, Peer: impl == InContract,
				NsPerOp: m.Wall / per, CPUNsPer: m.CPU / per})
		}
		row(Native, bench.Measure(func() error { _, err := o.Run(in); return err }, d), 1)
		for _, host := range []bool{true, false} {
			// Loop inside the contract, so that the export's own entry cost
			// (a Go reactor's runtime entry) is spread over >= 2 ms.
			n := 1
			for {
				t0 := time.Now()
				if _, err := c.Run(i, in, n, host); err != nil {
					return nil, err
				}
				if el := time.Since(t0); el >= 2*time.Millisecond || n >= 1<<20 {
					break
				}
				n *= 4
			}
			m := bench.Measure(func() error { _, err := c.Run(i, in, n, host); return err }, d)
			if host {
				row(HostCall, m, float64(n))
			} else {
				row(InContract, m, float64(n))
			}
		}
		if log != nil {
			r := f.Results[len(f.Results)-3:]
			fmt.Fprintf(log, "%-32s native %10.0f ns  host call %10.0f ns  in contract %12.0f ns  in contract / host call %6.1fx\n",
				o.Name(), r[0].Cost(), r[1].Cost(), r[2].Cost(), r[2].Cost()/r[1].Cost())
		}
	}
	return f, nil
}

// Table writes the results as a Markdown table of CPU time per operation
// and the ratios: in contract / host call (the premise) and host call /
// native Go (what the crossing and metering add to the floor).
func Table(w io.Writer, f *bench.File) {
	fmt.Fprintln(w, "| operation | native Go | host call | in contract | in contract / host call | host call / native |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	type key struct{ fn, ex string }
	by := map[key]map[string]float64{}
	var order []key
	for _, r := range f.Results {
		k := key{r.Function, r.Example}
		if by[k] == nil {
			by[k] = map[string]float64{}
			order = append(order, k)
		}
		by[k][r.Impl] = r.Cost()
	}
	for _, k := range order {
		m := by[k]
		fmt.Fprintf(w, "| %s %s | %s | %s | %s | **%.1fx** | %.2fx |\n", k.fn, k.ex,
			human(m[Native]), human(m[HostCall]), human(m[InContract]), m[InContract]/m[HostCall], m[HostCall]/m[Native])
	}
}

func human(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.3g ns", ns)
}

// Plot writes an SVG of the results to path: per operation, a bar per mode
// on a log scale of CPU time, with the in-contract / host call ratio.
func Plot(f *bench.File, path string) error {
	type row struct {
		label string
		ns    [3]float64
	}
	modes := [3]string{Native, HostCall, InContract}
	colors := [3]string{"#8aa", "#3a6ea5", "#c0504d"}
	var rows []*row
	idx := map[string]*row{}
	lo, hi := math.Inf(1), 0.0
	for _, r := range f.Results {
		k := r.Function + " " + r.Example
		if idx[k] == nil {
			idx[k] = &row{label: k}
			rows = append(rows, idx[k])
		}
		for i, m := range modes {
			if r.Impl == m {
				idx[k].ns[i] = r.Cost()
				lo, hi = math.Min(lo, r.Cost()), math.Max(hi, r.Cost())
			}
		}
	}
	if len(rows) == 0 {
		return errors.New("guestbench: nothing to plot")
	}
	lo = math.Pow(10, math.Floor(math.Log10(math.Max(lo, 1))))
	hi = math.Pow(10, math.Ceil(math.Log10(math.Max(hi, lo*10))))
	const left, width, bar, gap = 250, 560, 11, 10
	h := 80 + len(rows)*(3*bar+gap)
	x := func(v float64) float64 {
		return left + width*(math.Log10(v)-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">`+"\n", left+width+150, h)
	fmt.Fprintf(&b, `<text x="10" y="18" font-size="14">The same work three ways: CPU time per operation (log scale)</text>`+"\n")
	for i, m := range modes {
		fmt.Fprintf(&b, `<rect x="%d" y="28" width="10" height="10" fill="%s"/><text x="%d" y="37">%s</text>`+"\n", 10+190*i, colors[i], 24+190*i, m)
	}
	fmt.Fprintf(&b, `<text x="580" y="37">(ratio: in contract / host call)</text>`+"\n")
	for d := lo; d <= hi; d *= 10 {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="48" x2="%.1f" y2="%d" stroke="#ddd"/><text x="%.1f" y="%d">%s</text>`+"\n", x(d), x(d), h-22, x(d)-12, h-8, html.EscapeString(human(d)))
	}
	for i, r := range rows {
		y := 52 + i*(3*bar+gap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-6, y+2*bar-2, html.EscapeString(r.label))
		for j, v := range r.ns {
			if v <= 0 {
				continue
			}
			yy := y + j*bar
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/><text x="%.1f" y="%d" font-size="9">%s</text>`+"\n",
				left, yy, math.Max(1, x(v)-left), bar-2, colors[j], x(v)+3, yy+8, html.EscapeString(human(v)))
		}
		if r.ns[1] > 0 && r.ns[2] > 0 {
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">%.1fx</text>`+"\n", left+width+80, y+2*bar-2, r.ns[2]/r.ns[1])
		}
	}
	b.WriteString("</svg>\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
