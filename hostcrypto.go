// Package hostcrypto exports native cryptography to WebAssembly smart-contract
// VMs as deterministic, gas-costed host functions.
//
// This root package is the embedder's entry point: Catalogue is the full
// catalogue, every family's and profile's functions, built from their
// packages' Funcs lists; Call runs one of its functions by name under a gas
// schedule. Engine adapters (package wasmbridge for wazero) call the same
// core path, and serve this catalogue unless given another.
//
//	out, gas, err := hostcrypto.Call("sha256", []byte("abc"))
//
// A failed verification is not an error: verification functions return one
// byte, 0x01 (valid) or 0x00 (invalid). Errors carry a status code
// (core.Code) from a closed set; see core.Codes.
//
// An embedder that needs only part of the library imports that part: the
// evm package alone gives the 18 precompiles, dusk alone rusk's host
// queries, cosmwasm alone CosmWasm's crypto API, near
// alone NEAR's, soroban alone Soroban's, a family package alone its functions (core.NewCatalogue over
// their Funcs).
package hostcrypto

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/near"
	"github.com/hostcrypto/hostcrypto/pairing"
	"github.com/hostcrypto/hostcrypto/sig"
	"github.com/hostcrypto/hostcrypto/soroban"
	"github.com/hostcrypto/hostcrypto/zk"
)

// all lists every function of the library: each family's, then the EVM
// Dusk (current), CosmWasm, NEAR and Soroban profiles'.
func all() []*core.Func {
	var fs []*core.Func
	for _, l := range [][]*core.Func{hash.Funcs(), curves.Funcs(), pairing.Funcs(), ops.Funcs(), sig.Funcs(), zk.Funcs(), dplonk.Funcs(),
		evm.Funcs(), dusk.Funcs(), cosmwasm.Funcs(), near.Funcs(), soroban.Funcs()} {
		fs = append(fs, l...)
	}
	return fs
}

var full = core.MustCatalogue(all()...)

// Catalogue returns the full catalogue (immutable, shared).
func Catalogue() *core.Catalogue { return full }

// Call runs the named function on input under the default schedule with no
// gas limit, and returns its output and the gas it costs.
func Call(name string, input []byte) (output []byte, gasUsed uint64, err error) {
	return full.Call(name, gas.Default, nil, input)
}

// CallWith runs the named function under schedule s, charging meter m (nil:
// unlimited). On CodeOutOfGas nothing is charged and nothing is run.
func CallWith(name string, input []byte, s *core.Schedule, m core.Meter) ([]byte, uint64, error) {
	return full.Call(name, s, m, input)
}

// Functions lists the catalogue, sorted by name.
func Functions() []*core.Func { return full.Funcs() }

// Lookup returns one catalogue function.
func Lookup(name string) (*core.Func, bool) { return full.Lookup(name) }

// Schedule returns a shipped schedule ("default", "dusk", "dusk-aegis") or
// loads a JSON file (gas.Lookup).
func Schedule(nameOrFile string) (*core.Schedule, error) { return gas.Lookup(nameOrFile) }
