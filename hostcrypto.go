// Package hostcrypto exports native cryptography to WebAssembly smart-contract
// VMs as deterministic, gas-costed host functions.
//
// This root package is the embedder's entry point: it links in every function
// family, and Call runs one catalogue function by name under a gas schedule.
// Engine adapters (package wasmbridge for wazero) call the same core path.
//
//	out, gas, err := hostcrypto.Call("sha256", []byte("abc"))
//
// A failed verification is not an error: verification functions return one
// byte, 0x01 (valid) or 0x00 (invalid). Errors carry a status code
// (core.Code) from a closed set; see core.Codes.
package hostcrypto

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"

	// Function families register themselves with core.Default.
	_ "github.com/hostcrypto/hostcrypto/dusk"
	_ "github.com/hostcrypto/hostcrypto/evm"
	_ "github.com/hostcrypto/hostcrypto/hash"
	_ "github.com/hostcrypto/hostcrypto/pairing"
	_ "github.com/hostcrypto/hostcrypto/sig"
	_ "github.com/hostcrypto/hostcrypto/zk"
	_ "github.com/hostcrypto/hostcrypto/zk/dplonk"
)

// Call runs the named function on input under the default schedule with no
// gas limit, and returns its output and the gas it costs.
func Call(name string, input []byte) (output []byte, gasUsed uint64, err error) {
	return CallWith(name, input, gas.Default, nil)
}

// CallWith runs the named function under schedule s, charging meter m (nil:
// unlimited). On CodeOutOfGas nothing is charged and nothing is run.
func CallWith(name string, input []byte, s *core.Schedule, m core.Meter) ([]byte, uint64, error) {
	f, ok := core.Default.Lookup(name)
	if !ok {
		return nil, 0, core.Errorf(core.CodeUnknownFunction, "%q", name)
	}
	return core.Invoke(f, s, m, nil, input)
}

// Functions lists the catalogue, sorted by name.
func Functions() []*core.Func { return core.Default.Funcs() }

// Lookup returns one catalogue function.
func Lookup(name string) (*core.Func, bool) { return core.Default.Lookup(name) }

// Schedule returns a registered schedule ("default", ...) or loads a JSON file.
func Schedule(nameOrFile string) (*core.Schedule, error) { return core.LookupSchedule(nameOrFile) }
