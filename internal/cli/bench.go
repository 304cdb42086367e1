package cli

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/gas"
)

func init() {
	Register(&Command{Name: "bench", Usage: "bench [--json FILE] [--filter REGEXP] [--benchtime D] [--backends] | bench plot --from FILE[,FILE...] --out DIR | bench guest [--benchtime D] [--json FILE] [--plot DIR]",
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
		if _, err := parseInterleaved(fs, args[1:]); err != nil {
			return 2
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
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	o := bench.Options{BenchTime: *bt, Backends: *backends, Progress: env.Stderr, Catalogue: hostcrypto.Catalogue()}
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

func cmdCalibrate(env *Env, args []string) int {
	fs := newFlags(env, "calibrate")
	from := fs.String("from", "", "benchmark result files, comma-separated")
	perNs := fs.Float64("gas-per-ns", bench.DefaultGasPerNs, "gas units per nanosecond of measured time")
	out := fs.String("out", "", "write the schedule here")
	name := fs.String("name", "default", "the schedule's name")
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "usage: hostcrypto "+"calibrate --from BENCH.json[,...] [--gas-per-ns R] --out SCHEDULE.json")
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
