package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/hostcrypto/hostcrypto/evm"
)

// addEVMFork adds --evm-fork, the EVM fork whose precompile set the
// evm:0xNN names follow.
func addEVMFork(fs *flag.FlagSet) *string {
	var names []string
	for _, s := range evm.Forks() {
		names = append(names, s.Name())
	}
	return fs.String("evm-fork", evm.ForkOsaka, "EVM fork whose precompile set the evm:0xNN functions follow: "+
		strings.Join(names, ", ")+" (or a mainnet fork name between them, e.g. london)")
}

// evmFork returns the named fork's precompile set, reporting an unknown
// name on env.Stderr.
func evmFork(env *Env, name string) (*evm.Set, bool) {
	s, err := evm.Fork(name)
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return nil, false
	}
	return s, true
}

// flagGiven reports whether the flag called name was given on the command
// line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
