// Package cli implements the hostcrypto command. Its subcommands are small
// functions over io.Reader/io.Writer so tests run them in-process.
package cli

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
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
	Run                  func(env *Env, args []string) int
}

var commands []*Command

// Register adds a subcommand (other packages of the CLI add bench,
// calibrate, convert, ...).
func Register(c *Command) { commands = append(commands, c) }

func init() {
	Register(&Command{Name: "cpu", Usage: "cpu [--json]", Summary: "CPU features, machine report, selected implementation per primitive", Run: cmdCPU})
	Register(&Command{Name: "list", Usage: "list [--json] [--schedule NAME|FILE]", Summary: "the catalogue: name, encoding, gas rule, implementations", Run: cmdList})
	Register(&Command{Name: "call", Usage: "call [--backend NAME] [--schedule NAME|FILE] NAME HEX | call --jsonl [--backend NAME] [--schedule NAME|FILE]", Summary: "run catalogue functions", Run: cmdCall})
	Register(&Command{Name: "run", Usage: "run CONTRACT.wasm EXPORT [ARGS...] [--gas N] [--backend NAME] [--schedule NAME|FILE]", Summary: "run a contract's export under wazero with the host functions", Run: cmdRun})
	Register(&Command{Name: "demo", Usage: "demo [--gas N]", Summary: "run the embedded demo contract", Run: cmdDemo})
}

// Main runs the command line; it returns the exit code.
func Main(env *Env, args []string) int {
	if err := dispatch.EnvError(); err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: HOSTCRYPTO_BACKEND:", err)
		return 2
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.Name == args[0] {
			return c.Run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "hostcrypto: unknown command %q\n", args[0])
	usage(env.Stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: hostcrypto <command> [flags]")
	fmt.Fprintln(w)
	cs := append([]*Command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n  %-10s   %s\n", c.Name, c.Summary, "", "hostcrypto "+c.Usage)
	}
}

// flags returns a FlagSet that reports to env.Stderr. Flags may appear
// anywhere among the arguments (parseInterleaved).
func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
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

// Result is one line of `call --jsonl` output.
type Result struct {
	Fn     string `json:"fn"`
	Output string `json:"output"`
	Gas    uint64 `json:"gas"`
	Error  string `json:"error"`
}

// Request is one line of `call --jsonl` input.
type Request struct {
	Fn    string `json:"fn"`
	Input string `json:"input"`
}

// Do runs one request under schedule s.
func Do(s *core.Schedule, req Request) Result {
	res := Result{Fn: req.Fn}
	in, err := decodeHex(req.Input)
	if err != nil {
		res.Error = "bad_request"
		return res
	}
	out, gas, err := hostcrypto.CallWith(req.Fn, in, s, nil)
	res.Gas = gas
	if err != nil {
		res.Error = core.CodeOf(err).String()
		return res
	}
	res.Output = hex.EncodeToString(out)
	return res
}

func decodeHex(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "0x"), "0X")
	return hex.DecodeString(s)
}

func cmdCall(env *Env, args []string) int {
	fs := newFlags(env, "call")
	var c common
	c.add(fs)
	jsonl := fs.Bool("jsonl", false, "read {\"fn\",\"input\"} lines on stdin, write one result line each")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
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
				if jerr := json.Unmarshal([]byte(t), &req); jerr != nil || req.Fn == "" {
					res = Result{Fn: req.Fn, Error: "bad_request"}
				} else {
					res = Do(s, req)
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
		fmt.Fprintln(env.Stderr, "usage: hostcrypto call [--backend NAME] [--schedule NAME|FILE] NAME HEX")
		return 2
	}
	res := Do(s, Request{Fn: pos[0], Input: pos[1]})
	enc.Encode(res)
	if res.Error != "" {
		return 1
	}
	return 0
}

func cmdCPU(env *Env, args []string) int {
	fs := newFlags(env, "cpu")
	asJSON := fs.Bool("json", false, "machine-readable output")
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	rep := dispatch.MachineReport()
	prims := dispatch.Primitives()
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.Encode(struct {
			Machine    dispatch.Report      `json:"machine"`
			Forced     string               `json:"forced"`
			Primitives []dispatch.Primitive `json:"primitives"`
		}{rep, dispatch.Current(), prims})
		return 0
	}
	w := env.Stdout
	fmt.Fprintf(w, "machine:  %s (%s, family %d model %d stepping %d)\n", rep.Brand, rep.Vendor, rep.Family, rep.Model, rep.Stepping)
	fmt.Fprintf(w, "platform: %s/%s, %s, x86-64 level %d, %d physical / %d logical cores\n", rep.GOOS, rep.GOARCH, rep.GoVersion, rep.X86Level, rep.PhysicalCores, rep.LogicalCores)
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
	if _, err := parseInterleaved(fs, args); err != nil {
		return 2
	}
	s, err := hostcrypto.Schedule(*sched)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 2
	}
	var entries []ListEntry
	for _, f := range hostcrypto.Functions() {
		e := ListEntry{Name: f.Name, Family: f.Family, Input: f.Input, Output: f.Output, MaxInput: f.MaxIn()}
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
		for _, pn := range f.Primitives {
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
	fmt.Fprintf(w, "%d functions; schedule %q\n", len(entries), s.Name)
	return 0
}
