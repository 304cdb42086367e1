package bench

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/hostcrypto/hostcrypto/core"
)

// DefaultGasPerNs is the gas unit of the shipped schedule: 10 gas per
// nanosecond of the reference machine, i.e. one gas is 0.1 ns of work.
const DefaultGasPerNs = 10

// point is one worst-case measurement scaled to gas.
type point struct {
	n, items, y float64 // y = ns * gasPerNs
}

// Calibrate fits one rule per function to the worst-case, default-backend
// measurements of every machine in files:
//
//  1. per machine, least squares of y = base + per_byte*len + per_item*items
//     in relative error (weights 1/y², so a 10 µs call and a 10 ms call
//     count alike), over the regressors that vary (items is preferred when
//     it is an exact affine function of the length), slopes clamped at zero;
//  2. per coefficient, the maximum across machines;
//  3. the whole rule scaled up by the largest y/gas over every measured
//     point of every machine, so that none is underpriced.
//
// y is the measured time (Result.Cost: CPU time when known) times gasPerNs. Time per gas then ranges from
// 1/gasPerNs (the tightest point) down by the fit's relative error.
//
// A function listed in HashedBytes gets at least the per-byte price of the
// hash function it names (fitted first, from the same files): its growing
// sections are hashed at least once, so that is a lower bound of its
// per-byte cost, which holds even when measurement noise hides the slope
// under a large fixed cost.
//
// Coefficients are rounded up to integers. Functions with their own gas
// rule (core.Func.Gas, the EVM profile) are skipped.
func Calibrate(cat *core.Catalogue, gasPerNs float64, files ...*File) (*core.Schedule, error) {
	if gasPerNs <= 0 {
		gasPerNs = DefaultGasPerNs
	}
	f := Merge(files...)
	pts := map[string]map[string][]point{} // function -> machine -> points
	for _, r := range f.Results {
		if r.Peer || r.Impl != "default" || !r.Worst || r.Error != "" {
			continue
		}
		if pts[r.Function] == nil {
			pts[r.Function] = map[string][]point{}
		}
		pts[r.Function][r.Machine] = append(pts[r.Function][r.Machine],
			point{float64(r.InputLen), float64(r.Items), r.Cost() * gasPerNs})
	}
	s := &core.Schedule{Name: "calibrated", Rules: map[string]core.Rule{},
		Note: fmt.Sprintf("produced by `hostcrypto calibrate` from %d machine(s) at %g gas/ns", len(f.Machines), gasPerNs)}
	var calibrate func(fn *core.Func, depth int) (core.Rule, error)
	calibrate = func(fn *core.Func, depth int) (core.Rule, error) {
		if r, ok := s.Rules[fn.Name]; ok {
			return r, nil
		}
		byMachine := pts[fn.Name]
		if len(byMachine) == 0 {
			return core.Rule{}, fmt.Errorf("bench: no worst-case measurement of %s", fn.Name)
		}
		var rule [3]float64
		for _, ps := range byMachine {
			c := fit(ps)
			for i := range rule {
				rule[i] = math.Max(rule[i], c[i])
			}
		}
		if h, ok := HashedBytes[fn.Name]; ok && depth == 0 {
			hf, ok := cat.Lookup(h)
			if !ok || hf.Gas != nil {
				return core.Rule{}, fmt.Errorf("bench: HashedBytes[%s] = %s is not a schedule-priced catalogue function", fn.Name, h)
			}
			hr, err := calibrate(hf, depth+1)
			if err != nil {
				return core.Rule{}, err
			}
			rule[1] = math.Max(rule[1], float64(hr.PerByte))
		}
		// Scale to cover every measured point.
		scale := 0.0
		for _, ps := range byMachine {
			for _, p := range ps {
				g := rule[0] + rule[1]*p.n + rule[2]*p.items
				if g <= 0 {
					rule[0], g = p.y, p.y
				}
				scale = math.Max(scale, p.y/g)
			}
		}
		for i := range rule {
			rule[i] *= scale
		}
		r := core.Rule{Base: ceil(rule[0]), PerByte: ceil(rule[1]), PerItem: ceil(rule[2])}
		s.Rules[fn.Name] = r
		return r, nil
	}
	for _, fn := range cat.Funcs() {
		if fn.Gas != nil {
			continue
		}
		if _, err := calibrate(fn, 0); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// HashedBytes lists functions whose growing sections (messages, keys,
// DSTs) are hashed at least once, each with the schedule-priced hash
// function whose per-byte price bounds their per-byte price from below in
// Calibrate: SHA-256 for BIP-340, hash-to-curve and the BLS signatures
// (expand_message_xmd), and for Ed25519 (SHA-512, slower per byte than
// SHA-256 on the reference machine, which has SHA-NI).
var HashedBytes = map[string]string{
	"bls12381_verify":                "sha256",
	"bls12381_verify_dst":            "sha256",
	"bls12381_fast_aggregate_verify": "sha256",
	"bls12381_aggregate_verify":      "sha256",
	"bls12381_aggregate_verify_dst":  "sha256",
	"bls12381_batch_verify":          "sha256",
	"bls12381_hash_to_g1":            "sha256",
	"bls12381_hash_to_g2":            "sha256",
	"bls12381_hash_to_g1_any_dst":    "sha256",
	"bls12381_hash_to_g2_any_dst":    "sha256",
	"bls12381_verify_dusk":           "sha256",
	"bls12381_multisig_verify_dusk":  "sha256",
	"dusk:verify_bls":                "sha256",
	"dusk:verify_bls_multisig":       "sha256",
	"ed25519_verify":                 "sha256",
	"ed25519_verify_zip215":          "sha256",
	"ed25519_batch_verify_zip215":    "sha256",
	"schnorr_bip340_verify":          "sha256",
}

func ceil(x float64) uint64 {
	if x <= 0 {
		return 0
	}
	return uint64(math.Ceil(x - 1e-9))
}

// fit returns [base, per_byte, per_item] for one machine's points.
func fit(ps []point) [3]float64 {
	varies := func(get func(point) float64) bool {
		for _, p := range ps[1:] {
			if get(p) != get(ps[0]) {
				return true
			}
		}
		return false
	}
	useN := varies(func(p point) float64 { return p.n })
	useI := varies(func(p point) float64 { return p.items })
	if useN && useI && affine(ps) {
		useN = false
	}
	for {
		var cols []int // 1 = n, 2 = items
		if useN {
			cols = append(cols, 1)
		}
		if useI {
			cols = append(cols, 2)
		}
		c := ols(ps, cols)
		switch {
		case useN && c[1] < 0:
			useN = false
		case useI && c[2] < 0:
			useI = false
		default:
			if c[0] < 0 {
				c[0] = 0
			}
			return c
		}
	}
}

// affine reports whether items is an exact affine function of n.
func affine(ps []point) bool {
	var a, b *point
	for i := range ps {
		if a == nil {
			a = &ps[i]
		} else if ps[i].n != a.n {
			b = &ps[i]
			break
		}
	}
	if b == nil {
		return false
	}
	k := (b.items - a.items) / (b.n - a.n)
	for _, p := range ps {
		if math.Abs(a.items+k*(p.n-a.n)-p.items) > 1e-9*(1+math.Abs(p.items)) {
			return false
		}
	}
	return true
}

// ols solves relative-error (1/y² weighted) least squares for y = c0 + sum c_j x_j over the given columns.
func ols(ps []point, cols []int) [3]float64 {
	get := func(p point, j int) float64 {
		if j == 1 {
			return p.n
		}
		return p.items
	}
	k := len(cols) + 1
	// Normal equations A c = b.
	A := make([][]float64, k)
	b := make([]float64, k)
	for i := range A {
		A[i] = make([]float64, k)
	}
	// Weights (ymin/y)² give relative error and stay within (0, 1], so the
	// normal equations keep magnitudes solve can pivot on.
	ymin := 0.0
	for _, p := range ps {
		if p.y > 0 && (ymin == 0 || p.y < ymin) {
			ymin = p.y
		}
	}
	for _, p := range ps {
		x := []float64{1}
		for _, j := range cols {
			x = append(x, get(p, j))
		}
		w := 1.0
		if p.y > 0 && ymin > 0 {
			w = (ymin / p.y) * (ymin / p.y)
		}
		for r := 0; r < k; r++ {
			b[r] += w * x[r] * p.y
			for c := 0; c < k; c++ {
				A[r][c] += w * x[r] * x[c]
			}
		}
	}
	sol := solve(A, b)
	var out [3]float64
	out[0] = sol[0]
	for i, j := range cols {
		out[j] = sol[i+1]
	}
	return out
}

// solve does Gaussian elimination with partial pivoting; singular systems
// (a pivot below 1e-12 of the matrix's largest entry) get zeros for the
// dependent unknowns.
func solve(A [][]float64, b []float64) []float64 {
	n := len(b)
	big := 0.0
	for _, row := range A {
		for _, v := range row {
			big = math.Max(big, math.Abs(v))
		}
	}
	tol := 1e-12 * big
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(A[r][c]) > math.Abs(A[p][c]) {
				p = r
			}
		}
		A[c], A[p] = A[p], A[c]
		b[c], b[p] = b[p], b[c]
		if math.Abs(A[c][c]) <= tol {
			continue
		}
		for r := 0; r < n; r++ {
			if r != c {
				f := A[r][c] / A[c][c]
				for k := c; k < n; k++ {
					A[r][k] -= f * A[c][k]
				}
				b[r] -= f * b[c]
			}
		}
	}
	x := make([]float64, n)
	for i := range x {
		if math.Abs(A[i][i]) > tol {
			x[i] = b[i] / A[i][i]
		}
	}
	return x
}

// Spread is time per gas unit over worst-case measurements.
type Spread struct {
	Max, Min float64 // ns per gas
	Points   []SpreadPoint
}

// SpreadPoint is one measurement's time per gas.
type SpreadPoint struct {
	Machine, Function, Example string
	NsPerGas                   float64
}

// Ratio is Max/Min.
func (s Spread) Ratio() float64 {
	if s.Min == 0 {
		return math.Inf(1)
	}
	return s.Max / s.Min
}

// MeasureSpread evaluates schedule s on the worst-case default-backend
// results: the time one gas unit buys, per function and example.
func MeasureSpread(cat *core.Catalogue, s *core.Schedule, files ...*File) Spread {
	var sp Spread
	f := Merge(files...)
	for _, r := range f.Results {
		if r.Peer || r.Impl != "default" || !r.Worst || r.Error != "" {
			continue
		}
		fn, ok := cat.Lookup(r.Function)
		if !ok {
			continue
		}
		var g uint64
		if fn.Gas == nil {
			rule, ok := s.Rules[r.Function]
			if !ok {
				continue
			}
			g = rule.Cost(uint64(r.InputLen), r.Items)
		} else {
			continue // profile-defined gas (EVM) is not ours to calibrate
		}
		if g == 0 {
			continue
		}
		sp.Points = append(sp.Points, SpreadPoint{r.Machine, r.Function, r.Example, r.Cost() / float64(g)})
	}
	sort.Slice(sp.Points, func(i, j int) bool { return sp.Points[i].NsPerGas > sp.Points[j].NsPerGas })
	if len(sp.Points) > 0 {
		sp.Max, sp.Min = sp.Points[0].NsPerGas, sp.Points[len(sp.Points)-1].NsPerGas
	}
	return sp
}

// Report writes the spread and its outliers.
func (s Spread) Report(w io.Writer, outliers int) {
	fmt.Fprintf(w, "time per gas unit over %d worst-case measurements: max %.4f ns, min %.4f ns, max/min %.2f\n",
		len(s.Points), s.Max, s.Min, s.Ratio())
	if len(s.Points) == 0 {
		return
	}
	if outliers > len(s.Points)/2 {
		outliers = (len(s.Points) + 1) / 2
	}
	fmt.Fprintln(w, "most time per gas (underpriced end):")
	for _, p := range s.Points[:outliers] {
		fmt.Fprintf(w, "  %.4f ns/gas  %s %s\n", p.NsPerGas, p.Function, p.Example)
	}
	fmt.Fprintln(w, "least time per gas (overpriced end):")
	for _, p := range s.Points[len(s.Points)-outliers:] {
		fmt.Fprintf(w, "  %.4f ns/gas  %s %s\n", p.NsPerGas, p.Function, p.Example)
	}
}
