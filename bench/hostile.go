package bench

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// Hostile inputs: built to cost the most CPU per gas unit (largest
// sections, failures as late as possible), measured next to the worst-case
// examples of the same run (`hostcrypto bench --hostile`, docs/GAS.md).
//
// Every schedule-priced function gets generic ones derived from its
// worst-case examples (HostileFromExamples); bench adds format-aware ones
// for the signature formats (formatHostile, hostile_inputs.go), and the
// caller hands in the families' own sets (HostileOptions.Extra: the CLI
// passes zk.Hostile()). Nothing is registered globally.

// HostileInputs returns f's hostile inputs: bench's format-aware ones, the
// caller's extra ones for f, then the generic ones derived from f's
// worst-case examples.
func HostileInputs(f *core.Func, extra []core.Example) []core.Example {
	var out []core.Example
	if g, ok := formatHostile[f.Name]; ok {
		out = append(out, g(f)...)
	}
	out = append(out, extra...)
	if f.Examples != nil {
		out = append(out, HostileFromExamples(f, f.Examples())...)
	}
	return out
}

// HostileFromExamples derives inputs that fail late from f's largest
// worst-case example: its last byte flipped (the last signature, message
// byte or point of the input is wrong, so a verifier does all the work
// first), a byte flipped 33 bytes before the end (inside the last point,
// key or signature), the last byte dropped, and, when the example's tail
// is free-length, the example padded with zeros to the input limit (the
// longest message, hashed before the verdict).
func HostileFromExamples(f *core.Func, exs []core.Example) []core.Example {
	var big *core.Example
	for i := range exs {
		if exs[i].Worst && (big == nil || len(exs[i].Input) > len(big.Input)) {
			big = &exs[i]
		}
	}
	if big == nil || len(big.Input) == 0 {
		return nil
	}
	in := big.Input
	flip := func(pos int) []byte {
		b := bytes.Clone(in)
		b[pos] ^= 0x01
		return b
	}
	out := []core.Example{
		{Name: big.Name + "/flip-last", Input: flip(len(in) - 1)},
		{Name: big.Name + "/truncated", Input: bytes.Clone(in[:len(in)-1])},
	}
	if len(in) > 33 {
		out = append(out, core.Example{Name: big.Name + "/flip-last-33", Input: flip(len(in) - 33)})
	}
	if limit := min(f.InputLimit(), 1<<20); len(in) < limit {
		out = append(out, core.Example{Name: big.Name + "/padded-to-limit", Input: append(bytes.Clone(in), make([]byte, limit-len(in))...)})
	}
	return out
}

// HostileResult is one measured input.
type HostileResult struct {
	Function, Input string
	Worst           bool // a worst-case example (the reference), not a hostile input
	InputLen        int
	Gas             uint64
	CPUNs           float64
	Status          string // "ok" or the status code name
}

// NsPerGas is the measured time per gas unit.
func (r HostileResult) NsPerGas() float64 {
	if r.Gas == 0 {
		return math.Inf(1)
	}
	return r.CPUNs / float64(r.Gas)
}

// HostileOptions controls RunHostile.
type HostileOptions struct {
	Filter    *regexp.Regexp  // on function names; nil = all
	BenchTime time.Duration   // per measurement; default 100ms
	Repeat    int             // keep the least CPU time of this many measurements
	Catalogue *core.Catalogue // required
	// Extra holds hostile inputs by function name beyond bench's own
	// (e.g. zk.Hostile()).
	Extra    map[string][]core.Example
	Progress io.Writer
}

// RunHostile measures, for every schedule-priced function (the EVM
// profile's gas is go-ethereum's, another unit), its worst-case examples
// and its hostile inputs under the default schedule and selection.
func RunHostile(o HostileOptions) []HostileResult {
	if o.BenchTime <= 0 {
		o.BenchTime = 100 * time.Millisecond
	}
	if o.Catalogue == nil {
		panic("bench: internal error: RunHostile needs HostileOptions.Catalogue")
	}
	type job struct {
		f     *core.Func
		ex    core.Example
		worst bool
	}
	var jobs []job
	for _, f := range o.Catalogue.Funcs() {
		if f.Gas != nil || (o.Filter != nil && !o.Filter.MatchString(f.Name)) {
			continue
		}
		if f.Examples != nil {
			for _, ex := range f.Examples() {
				if ex.Worst {
					jobs = append(jobs, job{f, ex, true})
				}
			}
		}
		for _, ex := range HostileInputs(f, o.Extra[f.Name]) {
			jobs = append(jobs, job{f, ex, false})
		}
	}
	// Cold calls, as the schedule is priced and calibrated (bench.Run):
	// the verifying-key caches are off while measuring.
	defer vkcache.SetBudget(vkcache.SetBudget(0))
	var out []HostileResult
	for i, j := range jobs {
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "\r\033[K[%d/%d] %s/%s", i+1, len(jobs), j.f.Name, j.ex.Name)
		}
		g, err := gas.Default.Gas(j.f, j.ex.Input)
		if err != nil {
			continue
		}
		f, in := j.f, j.ex.Input
		dst := make([]byte, 0, max(f.OutputSize(in), 0))
		status := "ok"
		if _, _, err := core.Invoke(f, gas.Default, core.Unlimited{}, dst, in); err != nil {
			status = core.CodeOf(err).String()
		}
		fn := func() error {
			_, _, err := core.Invoke(f, gas.Default, core.Unlimited{}, dst, in)
			return err
		}
		m := Measure(fn, o.BenchTime)
		for k := 1; k < o.Repeat; k++ {
			if m2 := Measure(fn, o.BenchTime); m2.Cost() < m.Cost() {
				m = m2
			}
		}
		out = append(out, HostileResult{Function: f.Name, Input: j.ex.Name, Worst: j.worst, InputLen: len(in),
			Gas: g, CPUNs: m.Cost(), Status: status})
	}
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "\r\033[K%d measurements\n", len(out))
	}
	return out
}

// HostileSummary is the benchmark's verdict.
type HostileSummary struct {
	Median         float64 // ns/gas, median over the worst-case examples
	WorstMax       float64 // ns/gas, max over the worst-case examples
	WorstMin       float64 // ns/gas, min over the worst-case examples
	Rows           []HostileRow
	HostileMaxFunc string
}

// HostileRow is one function's line: its costliest hostile input per gas.
type HostileRow struct {
	Function          string
	Input             string
	Status            string
	NsPerGas          float64
	WorstMin, WorstMx float64 // the function's own worst-case examples
	Ratio             float64 // NsPerGas / Median
}

// Summarise computes the median and spread of the worst-case examples and
// each function's costliest hostile input, sorted by ratio, highest first.
func Summarise(rs []HostileResult) HostileSummary {
	var s HostileSummary
	var worst []float64
	own := map[string][2]float64{}
	for _, r := range rs {
		if !r.Worst {
			continue
		}
		v := r.NsPerGas()
		worst = append(worst, v)
		m, ok := own[r.Function]
		if !ok {
			m = [2]float64{v, v}
		}
		own[r.Function] = [2]float64{math.Min(m[0], v), math.Max(m[1], v)}
	}
	if len(worst) == 0 {
		return s
	}
	sort.Float64s(worst)
	s.Median = worst[len(worst)/2]
	if len(worst)%2 == 0 {
		s.Median = (worst[len(worst)/2-1] + worst[len(worst)/2]) / 2
	}
	s.WorstMin, s.WorstMax = worst[0], worst[len(worst)-1]
	best := map[string]HostileResult{}
	for _, r := range rs {
		if r.Worst {
			continue
		}
		if b, ok := best[r.Function]; !ok || r.NsPerGas() > b.NsPerGas() {
			best[r.Function] = r
		}
	}
	for fn, r := range best {
		s.Rows = append(s.Rows, HostileRow{Function: fn, Input: r.Input, Status: r.Status, NsPerGas: r.NsPerGas(),
			WorstMin: own[fn][0], WorstMx: own[fn][1], Ratio: r.NsPerGas() / s.Median})
	}
	sort.Slice(s.Rows, func(i, j int) bool { return s.Rows[i].Ratio > s.Rows[j].Ratio })
	if len(s.Rows) > 0 {
		s.HostileMaxFunc = s.Rows[0].Function
	}
	return s
}

// Markdown writes the summary as the table docs/GAS.md shows.
func (s HostileSummary) Markdown(w io.Writer) {
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT met"
	}
	spread := s.WorstMax / s.WorstMin
	worstRatio := 0.0
	if len(s.Rows) > 0 {
		worstRatio = s.Rows[0].Ratio
	}
	fmt.Fprintf(w, "Median over the worst-case examples: %.4f ns/gas; their max/min: %.4f / %.4f = %.2f (target <= 2.0: %s).\n",
		s.Median, s.WorstMax, s.WorstMin, spread, met(spread <= 2.0))
	fmt.Fprintf(w, "Costliest hostile input: %.2fx the median (target <= 3x: %s).\n\n", worstRatio, met(worstRatio <= 3))
	fmt.Fprintln(w, "| function | costliest hostile input | status | ns/gas | own worst-case ns/gas | x median |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, r := range s.Rows {
		flag := ""
		if r.Ratio > 3 {
			flag = " **over 3x**"
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %.4f | %.4f-%.4f | %.2f%s |\n", r.Function, strings.ReplaceAll(r.Input, "|", "/"), r.Status,
			r.NsPerGas, r.WorstMin, r.WorstMx, r.Ratio, flag)
	}
}
