package bench

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// GoBench is one line of `go test -bench` output for a benchmark named
// Benchmark<Name>/<Group>/<N>/<Impl>[-P], e.g. BenchmarkMSM/bn254g1/256/native-2:
// the CPU time per operation (the cpu-ns/op metric the project's benchmarks
// report, else ns/op).
type GoBench struct {
	Name, Group, Impl string
	N                 int
	Procs             int
	CPUNs             float64
}

// ParseGoBench reads `go test -bench` output and keeps the lines of the
// Benchmark<Name>/<Group>/<N>/<Impl> shape. Repeated lines (-count) of one
// benchmark keep the least CPU time, as `bench --repeat` does.
func ParseGoBench(r io.Reader) ([]GoBench, error) {
	best := map[string]int{}
	var out []GoBench
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		parts := strings.Split(strings.TrimPrefix(f[0], "Benchmark"), "/")
		if len(parts) != 4 {
			continue
		}
		n, err := strconv.Atoi(parts[2])
		if err != nil {
			continue
		}
		b := GoBench{Name: parts[0], Group: parts[1], N: n, Impl: parts[3], Procs: 1}
		if i := strings.LastIndexByte(b.Impl, '-'); i > 0 {
			if p, err := strconv.Atoi(b.Impl[i+1:]); err == nil {
				b.Impl, b.Procs = b.Impl[:i], p
			}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "cpu-ns/op":
				b.CPUNs = v
			case "ns/op":
				if b.CPUNs == 0 {
					b.CPUNs = v
				}
			}
		}
		if b.CPUNs <= 0 {
			continue
		}
		key := fmt.Sprintf("%s/%s/%d/%s/%d", b.Name, b.Group, b.N, b.Impl, b.Procs)
		if i, ok := best[key]; ok {
			out[i].CPUNs = math.Min(out[i].CPUNs, b.CPUNs)
			continue
		}
		best[key] = len(out)
		out = append(out, b)
	}
	return out, sc.Err()
}

// RatioPoint is impl's time over the fastest of the peers at one size.
type RatioPoint struct {
	Group string
	N     int
	Ratio float64
}

// Ratios returns, per group and size, impl's CPU time divided by the least
// CPU time of the peers measured at that size (sizes with no peer or no
// impl row are left out), sorted by group then size.
func Ratios(rows []GoBench, impl string, peers []string) []RatioPoint {
	type key struct {
		g string
		n int
	}
	own := map[key]float64{}
	peer := map[key]float64{}
	isPeer := map[string]bool{}
	for _, p := range peers {
		isPeer[p] = true
	}
	for _, r := range rows {
		k := key{r.Group, r.N}
		switch {
		case r.Impl == impl:
			own[k] = r.CPUNs
		case isPeer[r.Impl]:
			if v, ok := peer[k]; !ok || r.CPUNs < v {
				peer[k] = r.CPUNs
			}
		}
	}
	var out []RatioPoint
	for k, v := range own {
		if p, ok := peer[k]; ok {
			out = append(out, RatioPoint{k.g, k.n, v / p})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].N < out[j].N
	})
	return out
}

// PlotRatios renders the points as an SVG line chart: size on a log2 x
// axis, the ratio on a linear y axis from 0 to the larger of 1.6 and the
// highest point, one line per group, and the targets as dashed lines.
func PlotRatios(title string, pts []RatioPoint, targets []float64) string {
	const left, top, width, height = 60, 40, 560, 300
	groups := []string{}
	seen := map[string]bool{}
	minN, maxN, maxR := math.MaxInt, 1, 1.6
	for _, p := range pts {
		if !seen[p.Group] {
			seen[p.Group] = true
			groups = append(groups, p.Group)
		}
		minN, maxN = min(minN, p.N), max(maxN, p.N)
		maxR = math.Max(maxR, p.Ratio)
	}
	if minN >= maxN {
		minN, maxN = 1, 2
	}
	x := func(n int) float64 {
		return left + width*(math.Log2(float64(n))-math.Log2(float64(minN)))/(math.Log2(float64(maxN))-math.Log2(float64(minN)))
	}
	y := func(r float64) float64 { return top + height*(1-r/maxR) }
	colors := []string{"#3a6ea5", "#c0504d", "#9bbb59", "#8064a2"}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">`+"\n", left+width+160, top+height+50)
	fmt.Fprintf(&b, `<text x="10" y="20" font-size="14">%s</text>`+"\n", html.EscapeString(title))
	for r := 0.0; r <= maxR+1e-9; r += 0.2 {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/><text x="%d" y="%.1f" text-anchor="end">%.1f</text>`+"\n", left, y(r), left+width, y(r), left-6, y(r)+4, r)
	}
	for n := minN; n <= maxN; n *= 2 {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eee"/><text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x(n), top, x(n), top+height, x(n), top+height+16, n)
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">points (n)</text>`+"\n", left+width/2, top+height+36)
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#000"/>`+"\n", left, y(1), left+width, y(1))
	for _, t := range targets {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#888" stroke-dasharray="4 3"/><text x="%d" y="%.1f">target %.2f</text>`+"\n", left, y(t), left+width, y(t), left+width+6, y(t)+4, t)
	}
	for gi, g := range groups {
		col := colors[gi%len(colors)]
		var path []string
		for _, p := range pts {
			if p.Group != g {
				continue
			}
			path = append(path, fmt.Sprintf("%.1f,%.1f", x(p.N), y(p.Ratio)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s n=%d: %.2f</title></circle>`+"\n", x(p.N), y(p.Ratio), col, html.EscapeString(g), p.N, p.Ratio)
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(path, " "), col)
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", left+width+6, top+14*gi+10, col, html.EscapeString(g))
	}
	b.WriteString("</svg>\n")
	return b.String()
}
