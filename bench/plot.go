package bench

import (
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Plot writes one SVG per function family into dir: a horizontal bar per
// (machine, function, example, implementation), on a log scale of ns/op,
// hostcrypto's bars in blue and peers' in grey.
func Plot(f *File, dir string) ([]string, error) {
	fams := map[string][]Result{}
	for _, r := range f.Results {
		if r.Error != "" {
			continue
		}
		fam := r.Family
		if fam == "" {
			fam = "other"
		}
		fams[fam] = append(fams[fam], r)
	}
	var written []string
	names := make([]string, 0, len(fams))
	for n := range fams {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, fam := range names {
		rs := fams[fam]
		lo, hi := math.Inf(1), 0.0
		for _, r := range rs {
			lo, hi = math.Min(lo, r.NsPerOp), math.Max(hi, r.NsPerOp)
		}
		lo = math.Pow(10, math.Floor(math.Log10(math.Max(lo, 1))))
		hi = math.Pow(10, math.Ceil(math.Log10(math.Max(hi, lo*10))))
		const left, width, row = 420, 520, 16
		h := 60 + row*len(rs)
		var b strings.Builder
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">`+"\n", left+width+80, h)
		fmt.Fprintf(&b, `<text x="10" y="20" font-size="14">hostcrypto %s: ns/op (log scale); blue = hostcrypto, grey = peer library</text>`+"\n", html.EscapeString(fam))
		x := func(v float64) float64 {
			return left + width*(math.Log10(v)-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo))
		}
		for d := lo; d <= hi; d *= 10 {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="30" x2="%.1f" y2="%d" stroke="#ddd"/><text x="%.1f" y="%d">%s</text>`+"\n", x(d), x(d), h-20, x(d)-10, h-6, human(d))
		}
		for i, r := range rs {
			y := 36 + row*i
			col := "#3a6ea5"
			if r.Peer {
				col = "#999"
			}
			label := fmt.Sprintf("%s %s %s", r.Function, r.Example, r.Impl)
			if len(f.Machines) > 1 {
				label = r.Machine + ": " + label
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-6, y+11, html.EscapeString(label))
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, left, y+2, math.Max(1, x(r.NsPerOp)-left), row-4, col)
			fmt.Fprintf(&b, `<text x="%.1f" y="%d">%s</text>`+"\n", x(r.NsPerOp)+4, y+11, human(r.NsPerOp))
		}
		b.WriteString("</svg>\n")
		path := filepath.Join(dir, "bench-"+fam+".svg")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}

func human(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.3gms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3gµs", ns/1e3)
	}
	return fmt.Sprintf("%.3gns", ns)
}
