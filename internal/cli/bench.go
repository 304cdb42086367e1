package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/gas"
)

func init() {
	Register(&Command{Name: "bench", Usage: "bench [--json FILE] [--filter REGEXP] [--benchtime D] [--backends] [--repeat N] [--hostile [--md FILE]] | bench plot --from FILE[,FILE...] --out DIR | bench plot --gotest FILE [--impl I --peers P,Q --targets R,S] --out DIR | bench guest [--benchtime D] [--json FILE] [--plot DIR]",
		Summary: "measure every function (per backend) next to peer libraries; plot results", Run: cmdBench})
	Register(&Command{Name: "calibrate", Usage: "calibrate --from BENCH.json[,BENCH2.json...] [--gas-per-ns R] --out SCHEDULE.json",
		Summary: "fit a gas schedule to worst-case benchmark results", Run: cmdCalibrate})
}

func loadAll(list string) ([]*bench.File, error) {
	var files []*bench.File
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		f, err := bench.Load(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no input files")
	}
	return files, nil
}

func cmdBench(env *Env, args []string) int {
	if len(args) > 0 && args[0] == "guest" {
		return cmdBenchGuest(env, args[1:])
	}
	if len(args) > 0 && args[0] == "plot" {
		fs := newFlags(env, "bench plot")
		from := fs.String("from", "", "result files, comma-separated")
		out := fs.String("out", ".", "directory for the SVG files")
		gotest := fs.String("gotest", "", "instead of --from: `go test -bench` output with Benchmark<Name>/<group>/<n>/<impl> lines; plots --impl over the fastest of --peers per size into bench-<name>.svg")
		impl := fs.String("impl", "native", "with --gotest: the implementation whose ratio is plotted")
		peers := fs.String("peers", "gnark,blst", "with --gotest: the implementations it is compared with, comma-separated")
		targets := fs.String("targets", "", "with --gotest: ratios drawn as dashed target lines, comma-separated")
		if _, err := fs.parse(args[1:]); err != nil {
			return exitCode(err)
		}
		if *gotest != "" {
			return plotGoTest(env, *gotest, *out, *impl, *peers, *targets)
		}
		files, err := loadAll(*from)
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 2
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		written, err := bench.Plot(bench.Merge(files...), *out)
		for _, w := range written {
			fmt.Fprintln(env.Stdout, "wrote", w)
		}
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		return 0
	}
	fs := newFlags(env, "bench")
	jsonOut := fs.String("json", "", "write (merge into) this results file")
	filter := fs.String("filter", "", "only function/example/impl matching this regexp")
	bt := fs.Duration("benchtime", 200*time.Millisecond, "time per measurement")
	backends := fs.Bool("backends", true, "also measure each forced backend")
	repeat := fs.Int("repeat", 1, "measure each job this many times and keep the least CPU time (for loaded machines)")
	hostile := fs.Bool("hostile", false, "measure hostile inputs (costly per gas: longest sections, late failures) next to the worst-case examples, as ns per gas; --filter matches function names")
	md := fs.String("md", "", "with --hostile: also write the summary as a Markdown table to this file")
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	if *hostile {
		return cmdBenchHostile(env, *filter, *bt, *repeat, *md)
	}
	o := bench.Options{BenchTime: *bt, Backends: *backends, Repeat: *repeat, Catalogue: hostcrypto.Catalogue()}
	if isTerminal(env.Stderr) {
		o.Progress = env.Stderr // a redrawn line: only where it can be redrawn
	}
	if *filter != "" {
		re, err := regexp.Compile(*filter)
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto: --filter:", err)
			return 2
		}
		o.Filter = re
	}
	res, err := bench.Run(o)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	if len(res.Results) == 0 {
		fmt.Fprintf(env.Stderr, "hostcrypto: bench: --filter %q matches no function/example/implementation (names as in `hostcrypto list`, e.g. ^sha256/)\n", *filter)
		return 1
	}
	bench.Table(env.Stdout, res)
	if *jsonOut != "" {
		merged := res
		if old, err := bench.Load(*jsonOut); err == nil {
			merged = bench.Merge(old, res)
		}
		if err := bench.Save(*jsonOut, merged); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		fmt.Fprintln(env.Stderr, "wrote", *jsonOut)
	}
	return 0
}

// isTerminal reports whether w is a character device (a terminal), where
// a progress line redrawn with \r makes sense; files and pipes get none.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func cmdCalibrate(env *Env, args []string) int {
	fs := newFlags(env, "calibrate")
	from := fs.String("from", "", "benchmark result files, comma-separated")
	perNs := fs.Float64("gas-per-ns", bench.DefaultGasPerNs, "gas units per nanosecond of measured time")
	out := fs.String("out", "", "write the schedule here")
	name := fs.String("name", "default", "the schedule's name")
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "hostcrypto: calibrate needs --out")
		fs.usage()
		return 2
	}
	files, err := loadAll(*from)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 2
	}
	s, err := bench.Calibrate(hostcrypto.Catalogue(), *perNs, files...)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	s.Name = *name
	data, err := s.MarshalIndent()
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d rules\n", *out, len(s.Rules))
	bench.MeasureSpread(hostcrypto.Catalogue(), s, files...).Report(env.Stdout, 5)
	fmt.Fprintln(env.Stdout, "the shipped default schedule, on the same data:")
	bench.MeasureSpread(hostcrypto.Catalogue(), gas.Default, files...).Report(env.Stdout, 5)
	return 0
}

func cmdBenchHostile(env *Env, filter string, bt time.Duration, repeat int, md string) int {
	o := bench.HostileOptions{BenchTime: bt, Repeat: repeat, Progress: env.Stderr,
		Catalogue: hostcrypto.Catalogue(), Extra: hostileExtra()}
	if filter != "" {
		re, err := regexp.Compile(filter)
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto: --filter:", err)
			return 2
		}
		o.Filter = re
	}
	rs := bench.RunHostile(o)
	fmt.Fprintf(env.Stdout, "%-34s %-44s %-20s %9s %12s %12s %9s\n", "function", "input", "status", "bytes", "gas", "cpu-ns", "ns/gas")
	for _, r := range rs {
		name := r.Input
		if r.Worst {
			name = "[worst] " + name
		}
		fmt.Fprintf(env.Stdout, "%-34s %-44s %-20s %9d %12d %12.0f %9.4f\n", r.Function, name, r.Status, r.InputLen, r.Gas, r.CPUNs, r.NsPerGas())
	}
	sum := bench.Summarise(rs)
	fmt.Fprintln(env.Stdout)
	sum.Markdown(env.Stdout)
	if md != "" {
		f, err := os.Create(md)
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		sum.Markdown(f)
		if err := f.Close(); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
	}
	return 0
}

// plotGoTest plots one implementation's CPU time over the fastest peer's
// per size, from `go test -bench` output (e.g. BenchmarkMSM, docs/curves.md).
func plotGoTest(env *Env, in, dir, impl, peers, targets string) int {
	f, err := os.Open(in)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 2
	}
	defer f.Close()
	rows, err := bench.ParseGoBench(f)
	if err != nil || len(rows) == 0 {
		fmt.Fprintln(env.Stderr, "hostcrypto: no Benchmark<Name>/<group>/<n>/<impl> lines in", in, err)
		return 2
	}
	var ts []float64
	for _, t := range strings.Split(targets, ",") {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto: --targets:", err)
			return 2
		}
		ts = append(ts, v)
	}
	pts := bench.Ratios(rows, impl, strings.Split(peers, ","))
	if len(pts) == 0 {
		fmt.Fprintf(env.Stderr, "hostcrypto: no size has both %s and one of %s\n", impl, peers)
		return 2
	}
	title := fmt.Sprintf("%s: %s CPU time / fastest of %s (one core)", rows[0].Name, impl, peers)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	path := filepath.Join(dir, "bench-"+strings.ToLower(rows[0].Name)+".svg")
	if err := os.WriteFile(path, []byte(bench.PlotRatios(title, pts, ts)), 0o644); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	fmt.Fprintln(env.Stdout, "wrote", path)
	return 0
}
