// Package cli implements the hostcrypto command. Its subcommands are small
// functions over io.Reader/io.Writer so tests run them in-process.
package cli

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/evm"
)

// Env is what a subcommand may use.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// DemoWasm is the embedded demo contract.
	DemoWasm []byte
	// Engines are the engines beyond the built-in wazero that `run` and
	// `demo` accept with --engine (wasmtime's build adds "wasmtime").
	Engines map[string]EngineFactory
}

// Command is one subcommand.
type Command struct {
	Name, Usage, Summary string
	// Args describes the positional arguments, one per line ("NAME  what"),
	// for `hostcrypto <command> --help`.
	Args string
	Run  func(env *Env, args []string) int
}

var commands []*Command

// Register adds a subcommand (other packages of the CLI add bench,
// calibrate, convert, ...).
func Register(c *Command) { commands = append(commands, c) }

func init() {
	Register(&Command{Name: "cpu", Usage: "cpu [--json]", Summary: "CPU features, machine report, selected implementation per primitive", Run: cmdCPU})
	Register(&Command{Name: "list", Usage: "list [--json] [--schedule NAME|FILE] [--evm-fork NAME]", Summary: "the catalogue (or one EVM fork's precompiles): name, encoding, gas rule, implementations", Run: cmdList})
	Register(&Command{Name: "call", Usage: "call [--backend NAME] [--schedule NAME|FILE] [--evm-fork NAME] NAME HEX | call --jsonl [--backend NAME] [--schedule NAME|FILE] [--evm-fork NAME]", Summary: "run catalogue functions", Run: cmdCall,
		Args: "NAME  a catalogue function (hostcrypto list)\n" +
			"HEX   its input, hex (0x optional)\n" +
			"--jsonl reads {\"fn\":NAME,\"input\":HEX} lines on stdin and writes one result line each:\n" +
			"{\"fn\",\"output\",\"gas\",\"error\"} plus \"detail\" (the error's message) when error is set"})
	Register(&Command{Name: "run", Usage: "run CONTRACT.wasm EXPORT [ARGS...] [--gas N] [--timeout D] [--backend NAME] [--schedule NAME|FILE]", Summary: "run a contract's export under wazero with the host functions", Run: cmdRun,
		Args: "CONTRACT.wasm  a wasip1 module (a reactor's _initialize runs first)\n" +
			"EXPORT         the exported function to call\n" +
			"ARGS           its parameters: integers for i32/i64 (decimal or 0x, negative allowed), numbers for f32/f64\n" +
			"Results print as the export declares them: i32/i64 as signed integers."})
	Register(&Command{Name: "demo", Usage: "demo [--gas N]", Summary: "run the embedded demo contract", Run: cmdDemo})
}

// Main runs the command line; it returns the exit code.
func Main(env *Env, args []string) int {
	if err := dispatch.EnvError(); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: HOSTCRYPTO_BACKEND:", err)
		return 2
	}
	if len(args) == 2 && args[0] == "help" {
		if c := lookup(args[1]); c != nil {
			commandUsage(env.Stdout, c, nil)
			return 0
		}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if c := lookup(args[0]); c != nil {
		return c.Run(env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "hostcrypto: unknown command %q\n", args[0])
	usage(env.Stderr)
	return 2
}

func lookup(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: hostcrypto <command> [flags]   (hostcrypto <command> --help for one command)")
	fmt.Fprintln(w)
	cs := append([]*Command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n  %-10s   %s\n", c.Name, c.Summary, "", "hostcrypto "+c.Usage)
	}
}

// commandUsage prints a command's usage: its forms, summary, positional
// arguments and flags (fs may be nil: no flags listed).
func commandUsage(w io.Writer, c *Command, fs *flag.FlagSet) {
	for i, form := range strings.Split(c.Usage, " | ") {
		lead := "usage: "
		if i > 0 {
			lead = "       "
		}
		fmt.Fprintf(w, "%shostcrypto %s\n", lead, strings.TrimSpace(form))
	}
	fmt.Fprintf(w, "\n%s\n", c.Summary)
	if c.Args != "" {
		fmt.Fprintln(w, "\narguments:")
		for _, l := range strings.Split(c.Args, "\n") {
			fmt.Fprintln(w, "  "+l)
		}
	}
	if fs != nil {
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nflags:")
			out := fs.Output()
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(out)
		}
	}
}

// flagSet is a command's flags. Parse errors and the usage they call for
// go to stderr (exit 2); -h/--help prints the usage on stdout (exit 0).
// Flags may appear anywhere among the arguments (parseInterleaved).
type flagSet struct {
	*flag.FlagSet
	env  *Env
	cmd  *Command
	msgs bytes.Buffer
}

func newFlags(env *Env, name string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), env: env}
	fs.cmd = lookup(strings.Fields(name)[0])
	if fs.cmd == nil {
		panic("cli: internal error: no command " + name)
	}
	fs.SetOutput(&fs.msgs)
	fs.FlagSet.Usage = func() {} // printed by parse, where it knows why
	return fs
}

// parse parses args and returns the positional ones; on an error it has
// printed what to print, and exitCode(err) is the command's exit status.
func (fs *flagSet) parse(args []string) ([]string, error) {
	pos, err := parseInterleaved(fs.FlagSet, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		commandUsage(fs.env.Stdout, fs.cmd, fs.FlagSet)
	case err != nil:
		fs.env.Stderr.Write(fs.msgs.Bytes())
		fs.usage()
	}
	fs.msgs.Reset()
	return pos, err
}

// usage prints the command's usage on stderr (for a wrong argument count).
func (fs *flagSet) usage() { commandUsage(fs.env.Stderr, fs.cmd, fs.FlagSet) }

// exitCode is the exit status after a parse error: 0 for --help, else 2.
func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// parseInterleaved parses flags that may come before, between or after
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// common holds the flags shared by call, run, bench.
type common struct {
	backend, schedule string
}

func (c *common) add(fs *flag.FlagSet) {
	fs.StringVar(&c.backend, "backend", "", "force implementations: portable, gnark, blst, ... or prim=impl,...")
	fs.StringVar(&c.schedule, "schedule", "default", "gas schedule: a registered name or a JSON file")
}

func (c *common) apply(env *Env) (*core.Schedule, bool) {
	if c.backend != "" {
		if err := dispatch.Force(c.backend); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return nil, false
		}
	}
	s, err := hostcrypto.Schedule(c.schedule)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return nil, false
	}
	return s, true
}

// Result is one line of `call --jsonl` output (and `call`'s one line).
// Error is the status code's name ("" on success); Detail, present only
// with an error, says what was wrong: the function's message, or for
// bad_request why the request could not be read.
type Result struct {
	Fn     string `json:"fn"`
	Output string `json:"output"`
	Gas    uint64 `json:"gas"`
	Error  string `json:"error"`
	Detail string `json:"detail,omitempty"`
}

// Request is one line of `call --jsonl` input.
type Request struct {
	Fn    string `json:"fn"`
	Input string `json:"input"`
}

// Do runs one request under schedule s (evm:0xNN names: the Osaka set).
func Do(s *core.Schedule, req Request) Result { return DoFork(s, nil, req) }

// DoFork is Do with the evm:0xNN names resolved in the precompile set of
// fork (nil: Osaka's, the catalogue's own): an address the fork lacks is
// an unknown function.
func DoFork(s *core.Schedule, fork *evm.Set, req Request) Result {
	res := Result{Fn: req.Fn}
	in, err := decodeHex(req.Input)
	if err != nil {
		res.Error, res.Detail = "bad_request", "input is not hex: "+err.Error()
		return res
	}
	var out []byte
	var gas uint64
	if fork != nil && strings.HasPrefix(req.Fn, "evm:") {
		if f, ok := fork.Lookup(req.Fn); ok {
			out, gas, err = core.Invoke(f, s, nil, nil, in)
		} else {
			err = core.Errorf(core.CodeUnknownFunction, "%q is not a %s precompile", req.Fn, fork.Name())
		}
	} else {
		out, gas, err = hostcrypto.CallWith(req.Fn, in, s, nil)
	}
	res.Gas = gas
	if err != nil {
		res.Error, res.Detail = core.CodeOf(err).String(), detail(err)
		return res
	}
	res.Output = hex.EncodeToString(out)
	return res
}

// detail is an error's message without the "hostcrypto: <code>: " prefix
// that repeats the code.
func detail(err error) string {
	var e *core.Error
	if errors.As(err, &e) {
		if e.Msg != "" {
			return e.Msg
		}
		return e.Code.String()
	}
	return err.Error()
}

func decodeHex(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	return hex.DecodeString(s)
}

func cmdCall(env *Env, args []string) int {
	fs := newFlags(env, "call")
	var c common
	c.add(fs.FlagSet)
	jsonl := fs.Bool("jsonl", false, "read {\"fn\",\"input\"} lines on stdin, write one result line each")
	forkName := addEVMFork(fs.FlagSet)
	pos, err := fs.parse(args)
	if err != nil {
		return exitCode(err)
	}
	fork, ok := evmFork(env, *forkName)
	if !ok {
		return 2
	}
	s, ok := c.apply(env)
	if !ok {
		return 2
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if *jsonl {
		if len(pos) != 0 {
			fmt.Fprintln(env.Stderr, "hostcrypto: call --jsonl takes no positional arguments")
			return 2
		}
		r := bufio.NewReaderSize(env.Stdin, 1<<16)
		for {
			line, err := r.ReadBytes('\n')
			if t := strings.TrimSpace(string(line)); t != "" {
				var req Request
				var res Result
				if jerr := json.Unmarshal([]byte(t), &req); jerr != nil {
					res = Result{Fn: req.Fn, Error: "bad_request", Detail: "line is not a JSON request: " + jerr.Error()}
				} else if req.Fn == "" {
					res = Result{Error: "bad_request", Detail: `no "fn" in the request`}
				} else {
					res = DoFork(s, fork, req)
				}
				enc.Encode(res)
			}
			if err != nil {
				if err != io.EOF {
					fmt.Fprintln(env.Stderr, "hostcrypto: reading stdin:", err)
					return 1
				}
				return 0
			}
		}
	}
	if len(pos) != 2 {
		fmt.Fprintf(env.Stderr, "hostcrypto: call takes NAME and HEX, got %d arguments\n", len(pos))
		fs.usage()
		return 2
	}
	res := DoFork(s, fork, Request{Fn: pos[0], Input: pos[1]})
	enc.Encode(res)
	if res.Error != "" {
		fmt.Fprintf(env.Stderr, "hostcrypto: %s: %s: %s\n", res.Fn, res.Error, res.Detail)
		return 1
	}
	return 0
}

func cmdCPU(env *Env, args []string) int {
	fs := newFlags(env, "cpu")
	asJSON := fs.Bool("json", false, "machine-readable output")
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	rep := dispatch.MachineReport()
	prims := dispatch.Primitives()
	proc := processCPUs()
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(struct {
			Machine    dispatch.Report      `json:"machine"`
			Process    ProcessCPUs          `json:"process"`
			Forced     string               `json:"forced"`
			Primitives []dispatch.Primitive `json:"primitives"`
		}{rep, proc, dispatch.Current(), prims})
		return 0
	}
	w := env.Stdout
	fmt.Fprintf(w, "machine:  %s (%s, family %d model %d stepping %d)\n", rep.Brand, rep.Vendor, rep.Family, rep.Model, rep.Stepping)
	fmt.Fprintf(w, "platform: %s/%s, %s, x86-64 level %d, %d physical / %d logical cores\n", rep.GOOS, rep.GOARCH, rep.GoVersion, rep.X86Level, rep.PhysicalCores, rep.LogicalCores)
	fmt.Fprintf(w, "process:  %s\n", proc)
	fmt.Fprintf(w, "caches:   L1d %s, L1i %s, L2 %s, L3 %s\n", kib(rep.CacheL1D), kib(rep.CacheL1I), kib(rep.CacheL2), kib(rep.CacheL3))
	var feats []string
	for _, f := range rep.Features {
		mark := "-"
		if f.Has {
			mark = "+"
		}
		feats = append(feats, mark+f.Name)
	}
	fmt.Fprintf(w, "features: %s\n", strings.Join(feats, " "))
	if cur := dispatch.Current(); cur != "" {
		fmt.Fprintf(w, "forced:   %s\n", cur)
	}
	fmt.Fprintln(w, "\nprimitive                      selected    implementations (priority; * = available)")
	for _, p := range prims {
		var impls []string
		note := ""
		for _, i := range p.Impls {
			mark := ""
			if i.Available {
				mark = "*"
			}
			impls = append(impls, fmt.Sprintf("%s%s(%d)", i.Name, mark, i.Priority))
			if i.Name == p.Selected {
				note = i.Note
			}
		}
		sel := p.Selected
		if p.Forced {
			sel += "!"
		}
		fmt.Fprintf(w, "%-30s %-11s %s", p.Name, sel, strings.Join(impls, " "))
		if note != "" {
			fmt.Fprintf(w, "  [%s]", note)
		}
		fmt.Fprintln(w)
	}
	return 0
}

// ProcessCPUs is what this process may use, which on a shared or
// containerised machine is less than the machine has: the CPUs of its
// affinity mask (Linux sched_getaffinity), runtime.NumCPU (the same count
// where the mask is known) and GOMAXPROCS (the Go threads running at once).
type ProcessCPUs struct {
	Affinity    []int  `json:"affinity,omitempty"`
	AffinityErr string `json:"affinity_error,omitempty"`
	NumCPU      int    `json:"num_cpu"`
	GOMAXPROCS  int    `json:"gomaxprocs"`
}

func processCPUs() ProcessCPUs {
	p := ProcessCPUs{NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0)}
	cpus, err := affinity()
	if err != nil {
		p.AffinityErr = err.Error()
	}
	p.Affinity = cpus
	return p
}

func (p ProcessCPUs) String() string {
	s := fmt.Sprintf("may use %d CPUs (runtime.NumCPU), GOMAXPROCS %d", p.NumCPU, p.GOMAXPROCS)
	if p.Affinity != nil {
		s += fmt.Sprintf("; affinity %d CPUs: %s", len(p.Affinity), cpuRanges(p.Affinity))
	}
	return s
}

// cpuRanges prints sorted CPU numbers as Linux does: "0-3,8,10-11".
func cpuRanges(cpus []int) string {
	var b strings.Builder
	for i := 0; i < len(cpus); {
		j := i
		for j+1 < len(cpus) && cpus[j+1] == cpus[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		if j > i {
			fmt.Fprintf(&b, "%d-%d", cpus[i], cpus[j])
		} else {
			fmt.Fprintf(&b, "%d", cpus[i])
		}
		i = j + 1
	}
	return b.String()
}

func kib(n int) string {
	if n <= 0 {
		return "?"
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// ListEntry is one function in `list --json`.
type ListEntry struct {
	Name            string                        `json:"name"`
	Family          string                        `json:"family"`
	Input           string                        `json:"input"`
	Output          string                        `json:"output"`
	MaxInput        int                           `json:"max_input"`
	Gas             string                        `json:"gas"`
	Rule            *core.Rule                    `json:"rule,omitempty"`
	Implementations map[string]dispatch.Primitive `json:"implementations,omitempty"`
}

func cmdList(env *Env, args []string) int {
	fs := newFlags(env, "list")
	asJSON := fs.Bool("json", false, "machine-readable output")
	sched := fs.String("schedule", "default", "gas schedule: a registered name or a JSON file")
	forkName := addEVMFork(fs.FlagSet)
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	s, err := hostcrypto.Schedule(*sched)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 2
	}
	funcs, what := hostcrypto.Functions(), "functions"
	if flagGiven(fs.FlagSet, "evm-fork") {
		// Only that fork's precompiles.
		fork, ok := evmFork(env, *forkName)
		if !ok {
			return 2
		}
		funcs, what = fork.Funcs(), "precompiles of EVM fork "+fork.Name()
	}
	var entries []ListEntry
	for _, f := range funcs {
		e := ListEntry{Name: f.Name, Family: f.Family, Input: f.Input, Output: f.Output, MaxInput: f.InputLimit()}
		switch r, ok := s.Rules[f.Name]; {
		case f.Gas != nil:
			e.Gas = "profile-defined (see docs)"
		case ok:
			rr := r
			e.Rule = &rr
			e.Gas = fmt.Sprintf("%d + %d/byte + %d/item", r.Base, r.PerByte, r.PerItem)
		default:
			e.Gas = "not priced by schedule " + s.Name
		}
		for _, pn := range f.AllPrimitives() { // its own and its targets'
			if p, ok := dispatch.Lookup(pn); ok {
				if e.Implementations == nil {
					e.Implementations = map[string]dispatch.Primitive{}
				}
				e.Implementations[pn] = p
			}
		}
		entries = append(entries, e)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(entries)
		return 0
	}
	w := env.Stdout
	for _, e := range entries {
		fmt.Fprintf(w, "%s  [%s]\n    in:  %s\n    out: %s\n    gas: %s (max input %d bytes)\n", e.Name, e.Family, e.Input, e.Output, e.Gas, e.MaxInput)
		for pn, p := range e.Implementations {
			var names []string
			for _, i := range p.Impls {
				if i.Available {
					names = append(names, i.Name)
				}
			}
			fmt.Fprintf(w, "    %s: %s (selected %s)\n", pn, strings.Join(names, ", "), p.Selected)
		}
	}
	fmt.Fprintf(w, "%d %s; schedule %q\n", len(entries), what, s.Name)
	return 0
}
