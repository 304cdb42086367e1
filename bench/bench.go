// Package bench measures every catalogue function, on each backend that can
// serve it, on the function's examples (typical and worst-case inputs), next
// to the peer libraries a user would otherwise call, in one run. Results are
// JSON that merges across machines; `hostcrypto calibrate` fits gas rules
// to them and `hostcrypto bench plot` draws them.
package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"sort"
	"time"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// Machine identifies where results were measured.
type Machine struct {
	ID     string          `json:"id"`
	Report dispatch.Report `json:"report"`
	When   string          `json:"when"`
}

// Result is one measurement: a function (or a peer library doing the same
// job) on one example input.
type Result struct {
	Machine  string  `json:"machine"`
	Function string  `json:"function"`
	Family   string  `json:"family"`
	Example  string  `json:"example"`
	Worst    bool    `json:"worst,omitempty"`
	InputLen int     `json:"input_len"`
	Items    uint64  `json:"items"`
	Impl     string  `json:"impl"`                    // "default", a backend name, or the peer's name
	Peer     bool    `json:"peer,omitempty"`          // a library outside hostcrypto
	NsPerOp  float64 `json:"ns_per_op"`               // wall time, median of 5 rounds
	CPUNsPer float64 `json:"cpu_ns_per_op,omitempty"` // process CPU time (all threads), median of 5 rounds' means
	Allocs   float64 `json:"allocs_per_op"`
	Bytes    float64 `json:"bytes_per_op"`
	Gas      uint64  `json:"gas,omitempty"` // under the default schedule
	Error    string  `json:"error,omitempty"`
}

// File is the JSON document.
type File struct {
	Machines []Machine `json:"machines"`
	Results  []Result  `json:"results"`
}

// Peer is another library's way of doing what a catalogue function does,
// measured on the same example inputs.
type Peer struct {
	Function string
	Name     string // e.g. "crypto/sha256", "gnark-crypto", "geth:0x08"
	// Prepare turns the catalogue input into the peer's call; it runs
	// outside the timed loop. nil means the example does not apply.
	Prepare func(ex core.Example) func() error
}

var peers []Peer

// RegisterPeer adds a peer measurement (from package init).
func RegisterPeer(p Peer) { peers = append(peers, p) }

// Options controls a run.
type Options struct {
	Filter    *regexp.Regexp // on "function/example/impl"; nil = all
	BenchTime time.Duration  // per measurement; default 200ms
	Backends  bool           // also measure every forced backend, not only the default
	// Repeat measures each job this many times (default 1) and keeps the
	// measurement with the least CPU time: on a shared machine, load from
	// other processes only ever adds time.
	Repeat    int
	Progress  io.Writer // progress lines; nil = none
	Catalogue *core.Catalogue
}

// MachineID names this machine in result files.
func MachineID(r dispatch.Report) string {
	return fmt.Sprintf("%s %s/%s", r.Brand, r.GOOS, r.GOARCH)
}

type job struct {
	f    *core.Func
	ex   core.Example
	impl string
	peer *Peer
}

// Run measures and returns one machine's results.
func Run(o Options) (*File, error) {
	if o.BenchTime <= 0 {
		o.BenchTime = 200 * time.Millisecond
	}
	if o.Catalogue == nil {
		return nil, fmt.Errorf("bench: no catalogue to measure")
	}
	rep := dispatch.MachineReport()
	m := Machine{ID: MachineID(rep), Report: rep, When: time.Now().UTC().Format(time.RFC3339)}
	var jobs []job
	for _, f := range o.Catalogue.Funcs() {
		if f.Examples == nil {
			continue
		}
		exs := f.Examples()
		impls := []string{"default"}
		if o.Backends {
			impls = append(impls, o.Catalogue.Backends(f)...)
		}
		for _, ex := range exs {
			for _, impl := range impls {
				jobs = append(jobs, job{f: f, ex: ex, impl: impl})
			}
			for i := range peers {
				if peers[i].Function == f.Name {
					jobs = append(jobs, job{f: f, ex: ex, impl: peers[i].Name, peer: &peers[i]})
				}
			}
		}
	}
	if o.Filter != nil {
		kept := jobs[:0]
		for _, j := range jobs {
			if o.Filter.MatchString(j.f.Name + "/" + j.ex.Name + "/" + j.impl) {
				kept = append(kept, j)
			}
		}
		jobs = kept
	}
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	// Gas prices every call as if its verifying key were not cached
	// (docs/GAS.md), so the zk verifiers are measured with the caches off.
	defer vkcache.SetBudget(vkcache.SetBudget(0))
	out := &File{Machines: []Machine{m}}
	for i, j := range jobs {
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "\r\033[K[%d/%d] %s/%s/%s", i+1, len(jobs), j.f.Name, j.ex.Name, j.impl)
		}
		r := Result{Machine: m.ID, Function: j.f.Name, Family: j.f.Family, Example: j.ex.Name, Worst: j.ex.Worst,
			InputLen: len(j.ex.Input), Items: j.f.ItemCount(j.ex.Input), Impl: j.impl, Peer: j.peer != nil}
		if g, err := gas.Default.Gas(j.f, j.ex.Input); err == nil {
			r.Gas = g
		}
		var fn func() error
		if j.peer != nil {
			fn = j.peer.Prepare(j.ex)
			if fn == nil {
				continue
			}
		} else {
			spec := ""
			if j.impl != "default" {
				spec = j.impl
			}
			if err := dispatch.Force(spec); err != nil {
				return nil, err
			}
			dst := make([]byte, 0, j.f.OutputSize(j.ex.Input))
			f, in := j.f, j.ex.Input
			fn = func() error {
				_, _, err := core.Invoke(f, gas.Default, core.Unlimited{}, dst, in)
				return err
			}
		}
		if err := fn(); err != nil {
			r.Error = err.Error()
		}
		m := Measure(fn, o.BenchTime)
		for k := 1; k < o.Repeat; k++ {
			if m2 := Measure(fn, o.BenchTime); m2.Cost() < m.Cost() {
				m = m2
			}
		}
		r.NsPerOp, r.CPUNsPer, r.Allocs, r.Bytes = m.Wall, m.CPU, m.Allocs, m.Bytes
		out.Results = append(out.Results, r)
	}
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "\r\033[K%d measurements on %s\n", len(out.Results), m.ID)
	}
	return out, nil
}

// Measurement is one function's cost per operation.
type Measurement struct {
	Wall float64 // ns, median of five rounds
	// CPU is ns of process CPU time (every thread, GC included), the
	// median of five rounds' per-operation means (robust to bursts of
	// load from other processes); 0 if unknown.
	CPU    float64
	Allocs float64
	Bytes  float64
}

// Cost is CPU time when measured, wall time otherwise.
func (m Measurement) Cost() float64 {
	if m.CPU > 0 {
		return m.CPU
	}
	return m.Wall
}

// Measure runs fn repeatedly for about d. CPU time is what calibration
// prices: it counts the work of every goroutine a call starts and is far
// less disturbed than wall time by other processes on a loaded machine.
func Measure(fn func() error, d time.Duration) Measurement {
	// Find an iteration count that takes about d/5.
	n := 1
	for {
		t0 := time.Now()
		for i := 0; i < n; i++ {
			fn()
		}
		el := time.Since(t0)
		if el >= d/5 || n >= 1<<30 {
			break
		}
		if el <= 0 {
			n *= 100
			continue
		}
		next := int(float64(n) * float64(d/5) / float64(el) * 1.2)
		if next <= n {
			next = n + 1
		}
		if next > 100*n {
			next = 100 * n
		}
		n = next
	}
	rounds := make([]float64, 5)
	cpus := make([]float64, 5)
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	for r := range rounds {
		c0 := processCPU()
		t0 := time.Now()
		for i := 0; i < n; i++ {
			fn()
		}
		rounds[r] = float64(time.Since(t0).Nanoseconds()) / float64(n)
		cpus[r] = float64(processCPU()-c0) / float64(n)
	}
	runtime.ReadMemStats(&ms1)
	sort.Float64s(rounds)
	sort.Float64s(cpus)
	total := float64(5 * n)
	m := Measurement{Wall: rounds[2], Allocs: float64(ms1.Mallocs-ms0.Mallocs) / total, Bytes: float64(ms1.TotalAlloc-ms0.TotalAlloc) / total}
	if cpus[4] > 0 {
		m.CPU = cpus[2]
	}
	return m
}

// Cost is the time calibration and the spread use: CPU time when it was
// measured, wall time otherwise.
func (r Result) Cost() float64 {
	if r.CPUNsPer > 0 {
		return r.CPUNsPer
	}
	return r.NsPerOp
}

// Merge combines files. A later file's machine entry replaces an earlier
// one of the same ID, and its results replace earlier results with the same
// machine, function, example and implementation, so that a filtered re-run
// updates only what it measured.
func Merge(files ...*File) *File {
	out := &File{}
	machine := map[string]int{}
	type key struct{ machine, fn, ex, impl string }
	result := map[key]int{}
	for _, f := range files {
		for _, m := range f.Machines {
			if i, ok := machine[m.ID]; ok {
				out.Machines[i] = m
			} else {
				machine[m.ID] = len(out.Machines)
				out.Machines = append(out.Machines, m)
			}
		}
		for _, r := range f.Results {
			k := key{r.Machine, r.Function, r.Example, r.Impl}
			if i, ok := result[k]; ok {
				out.Results[i] = r
			} else {
				result[k] = len(out.Results)
				out.Results = append(out.Results, r)
			}
		}
	}
	return out
}

// Load reads a results file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("bench: %s: %w", path, err)
	}
	return &f, nil
}

// Save writes f as indented JSON.
func Save(path string, f *File) error {
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Table writes a human-readable report: per function and example, each
// implementation's ns/op and allocations, and the ratio to the best peer.
func Table(w io.Writer, f *File) {
	type key struct{ machine, fn, ex string }
	groups := map[key][]Result{}
	var keys []key
	for _, r := range f.Results {
		k := key{r.Machine, r.Function, r.Example}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	for _, m := range f.Machines {
		fmt.Fprintf(w, "machine: %s (%s, %d logical cores)\n", m.ID, m.When, m.Report.LogicalCores)
	}
	fmt.Fprintf(w, "%-34s %-14s %-22s %13s %13s %8s %12s %8s\n", "function", "example", "impl", "ns/op", "cpu-ns/op", "allocs", "vs best peer", "ns/gas")
	for _, k := range keys {
		rs := groups[k]
		best := 0.0
		for _, r := range rs {
			if r.Peer && r.Error == "" && (best == 0 || r.Cost() < best) {
				best = r.Cost()
			}
		}
		for _, r := range rs {
			ratio, perGas := "", ""
			if best > 0 {
				ratio = fmt.Sprintf("%.2fx", r.Cost()/best)
			}
			if !r.Peer && r.Gas > 0 {
				perGas = fmt.Sprintf("%.4f", r.Cost()/float64(r.Gas))
			}
			name := r.Impl
			if r.Error != "" {
				name += " (error)"
			}
			fmt.Fprintf(w, "%-34s %-14s %-22s %13.1f %13.1f %8.1f %12s %8s\n", r.Function, r.Example, name, r.NsPerOp, r.CPUNsPer, r.Allocs, ratio, perGas)
		}
	}
}
