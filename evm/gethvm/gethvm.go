// Package gethvm plugs hostcrypto's EVM precompiles into go-ethereum's
// EVM: for each fork it returns a go-ethereum vm.PrecompiledContracts table
// whose contracts are hostcrypto's (package evm), byte-, gas- and
// error-exact with go-ethereum's own for that fork.
//
//	e := vm.NewEVM(blockCtx, statedb, chainConfig, vm.Config{})
//	gethvm.Install(e) // the table of e's fork
//
// It is its own module (pinning go-ethereum v1.17.10) so that hostcrypto's
// module does not depend on go-ethereum.
package gethvm

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"

	"github.com/hostcrypto/hostcrypto/evm"
)

// Every hostcrypto contract is a go-ethereum precompile.
var _ vm.PrecompiledContract = (*evm.Contract)(nil)

// Precompiles returns the precompile table of the named fork (evm.Fork
// names: "homestead", "byzantium", "istanbul", "berlin", "cancun",
// "prague", "osaka", and the mainnet forks between them) with hostcrypto's
// contracts. The map is fresh; the contracts are shared and safe for
// concurrent use.
func Precompiles(fork string) (vm.PrecompiledContracts, error) {
	s, err := evm.Fork(fork)
	if err != nil {
		return nil, err
	}
	return table(s), nil
}

func table(s *evm.Set) vm.PrecompiledContracts {
	m := make(vm.PrecompiledContracts, len(s.Addresses()))
	for a, c := range s.Contracts() {
		m[common.Address(a)] = c
	}
	return m
}

// ForkName returns the fork whose precompile table go-ethereum v1.17.10
// activates under rules (core/vm's activePrecompiledContracts): Osaka from
// Osaka on (Bogota included), Berlin's table for UBT (Verkle) chains.
func ForkName(rules params.Rules) string {
	switch {
	case rules.IsUBT:
		return evm.ForkBerlin
	case rules.IsBogota, rules.IsOsaka:
		return evm.ForkOsaka
	case rules.IsPrague:
		return evm.ForkPrague
	case rules.IsCancun:
		return evm.ForkCancun
	case rules.IsBerlin:
		return evm.ForkBerlin
	case rules.IsIstanbul:
		return evm.ForkIstanbul
	case rules.IsByzantium:
		return evm.ForkByzantium
	default:
		return evm.ForkHomestead
	}
}

// ForRules returns hostcrypto's table for the fork go-ethereum activates
// under rules.
func ForRules(rules params.Rules) vm.PrecompiledContracts {
	s, err := evm.Fork(ForkName(rules))
	if err != nil {
		panic("gethvm: internal error: " + err.Error())
	}
	return table(s)
}

// Install replaces e's precompiles with hostcrypto's for e's fork
// (e.GetRules()). Like vm.EVM.SetPrecompiles, it is not safe to call while
// e runs.
func Install(e *vm.EVM) { e.SetPrecompiles(ForRules(e.GetRules())) }
