package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/hostcrypto/hostcrypto/bench"
	guestbench "github.com/hostcrypto/hostcrypto/bench/guest"
)

// cmdBenchGuest is `hostcrypto bench guest`: the premise benchmark (package
// bench/guest). It builds the Go wasip1 contract with the go command on
// PATH, checks that native, in-contract and host-call answers agree, and
// times each operation the three ways.
func cmdBenchGuest(env *Env, args []string) int {
	fs := newFlags(env, "bench guest")
	benchtime := fs.Duration("benchtime", 300*time.Millisecond, "time per operation and mode")
	jsonOut := fs.String("json", "", "write the results as JSON (bench.File)")
	plot := fs.String("plot", "", "write bench-guest.svg into this directory")
	if _, err := fs.parse(args); err != nil {
		return exitCode(err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto: bench guest builds a contract and needs the go command:", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "building %s for wasip1 ...\n", guestbench.ContractPackage)
	wasm, err := guestbench.Build(goCmd)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	c, err := guestbench.Load(wasm)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	defer c.Close()
	fmt.Fprintf(env.Stdout, "contract: %d KiB; CPU time per operation:\n", len(wasm)>>10)
	f, err := c.Measure(*benchtime, env.Stdout)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	fmt.Fprintln(env.Stdout)
	guestbench.Table(env.Stdout, f)
	if *jsonOut != "" {
		if err := bench.Save(*jsonOut, f); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		fmt.Fprintln(env.Stdout, "wrote", *jsonOut)
	}
	if *plot != "" {
		if err := os.MkdirAll(*plot, 0o755); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		path := filepath.Join(*plot, "bench-guest.svg")
		if err := guestbench.Plot(f, path); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto:", err)
			return 1
		}
		fmt.Fprintln(env.Stdout, "wrote", path)
	}
	return 0
}
