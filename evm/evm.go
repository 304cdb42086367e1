// Package evm is the Ethereum precompile profile of hostcrypto: the Osaka
// fork's precompiled contracts, byte-, gas- and error-exact with
// go-ethereum's core/vm (PrecompiledContractsOsaka).
//
// Every precompile is a host function named "evm:0x01" ... "evm:0x11"
// and "evm:0x100" (family "evm") whose Gas rule is go-ethereum's, so
// core.Invoke charges exactly what an EVM charges. EVM implementations in Go
// call Run or plug Contracts into their own precompile table:
//
//	out, gas, err := evm.Run(0x0a, input)
//
// The precompile set of every earlier fork, from Homestead on, is Fork's
// (evm.Fork("berlin").Run(0x05, input)): go-ethereum's table for that fork,
// with its prices and, for MODEXP, its semantics.
//
// A non-nil error is returned exactly where go-ethereum's precompile fails
// (the EVM then consumes all gas of the call); an empty output without error
// is a successful call that returns no data (ecrecover and P256VERIFY on an
// invalid signature, modexp with zero base and modulus lengths).
//
// Each precompile is also an exported descriptor (Ecrecover, SHA256, ...,
// P256Verify, named after the Addr constants) and Funcs lists them. The
// precompiles that go-ethereum implements with a function of another family
// (sha256, ripemd160, blake2f, the BN254 and BLS12-381 operations) hold that
// family's descriptor (core.Func.Targets) and call it directly: importing
// this package alone gives all 18 precompiles. ecrecover, identity, modexp,
// KZG point evaluation and P256VERIFY are implemented in this package.
package evm

import (
	"fmt"
	"sort"

	"github.com/hostcrypto/hostcrypto/core"
)

// Address is a 20-byte EVM account address, as go-ethereum's common.Address.
type Address = [20]byte

// The Osaka precompile addresses.
const (
	AddrEcrecover      = 0x01
	AddrSha256         = 0x02
	AddrRipemd160      = 0x03
	AddrIdentity       = 0x04
	AddrModexp         = 0x05
	AddrBN254Add       = 0x06
	AddrBN254Mul       = 0x07
	AddrBN254Pairing   = 0x08
	AddrBlake2F        = 0x09
	AddrPointEval      = 0x0a
	AddrBLS12G1Add     = 0x0b
	AddrBLS12G1MSM     = 0x0c
	AddrBLS12G2Add     = 0x0d
	AddrBLS12G2MSM     = 0x0e
	AddrBLS12Pairing   = 0x0f
	AddrBLS12MapFpToG1 = 0x10
	AddrBLS12MapFp2G2  = 0x11
	AddrP256Verify     = 0x100
)

// FuncName returns the catalogue name of the precompile at addr:
// "evm:0x01" ... "evm:0x11", "evm:0x100".
func FuncName(addr uint64) string { return fmt.Sprintf("evm:0x%02x", addr) }

// Contract is one precompile in the shape EVM implementations use
// (go-ethereum's vm.PrecompiledContract: RequiredGas, Run, Name).
type Contract struct {
	addr uint64
	name string // go-ethereum's contract name, e.g. "MODEXP"
	f    *core.Func
}

// Address returns the contract's address as a number.
func (c *Contract) Address() uint64 { return c.addr }

// Name returns go-ethereum's name of the contract ("ECREC", "MODEXP", ...).
func (c *Contract) Name() string { return c.name }

// Func returns the contract's catalogue function.
func (c *Contract) Func() *core.Func { return c.f }

// RequiredGas returns the gas go-ethereum charges for input, computed from
// the input alone before any work.
func (c *Contract) RequiredGas(input []byte) uint64 { return c.f.Gas(input) }

// Run executes the contract. The output is freshly allocated; input is not
// retained. A panic in an implementation becomes a CodeInternal error.
func (c *Contract) Run(input []byte) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, core.Errorf(core.CodeInternal, "evm: %s panicked: %v", c.f.Name, r)
		}
	}()
	return c.f.Run(nil, input)
}

// contracts indexes table by address.
var contracts = func() map[uint64]*Contract {
	m := make(map[uint64]*Contract, len(table))
	for _, c := range table {
		m[c.addr] = c
	}
	return m
}()

// precompile completes the descriptor of the precompile at addr: its name
// "evm:0xNN", family "evm" and input cap.
func precompile(addr uint64, f *core.Func) *core.Func {
	f.Name = FuncName(addr)
	f.Family = "evm"
	if f.MaxInput == 0 {
		// go-ethereum bounds inputs by gas only; the catalogue path keeps a
		// generous cap (Run and Contract.Run apply none).
		f.MaxInput = 16 << 20
	}
	return f
}

// Lookup returns the precompile at the numeric address addr.
func Lookup(addr uint64) (*Contract, bool) {
	c, ok := contracts[addr]
	return c, ok
}

// LookupAddress returns the precompile at a 20-byte address.
func LookupAddress(a Address) (*Contract, bool) {
	for _, b := range a[:12] {
		if b != 0 {
			return nil, false
		}
	}
	var n uint64
	for _, b := range a[12:] {
		n = n<<8 | uint64(b)
	}
	return Lookup(n)
}

// AddressOf returns the 20-byte form of a numeric precompile address.
func AddressOf(addr uint64) Address {
	var a Address
	for i := 19; i >= 12; i-- {
		a[i] = byte(addr)
		addr >>= 8
	}
	return a
}

// Addresses lists the Osaka precompile addresses in ascending order.
func Addresses() []uint64 {
	out := make([]uint64, 0, len(contracts))
	for a := range contracts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Contracts returns the Osaka precompile table keyed by 20-byte address.
// The map is a fresh copy; the contracts are shared and safe for concurrent
// use.
func Contracts() map[Address]*Contract {
	m := make(map[Address]*Contract, len(contracts))
	for a, c := range contracts {
		m[AddressOf(a)] = c
	}
	return m
}

// Run executes the precompile at addr on input and returns its output, the
// gas go-ethereum charges, and an error exactly where go-ethereum's
// precompile fails. An address that holds no Osaka precompile returns
// core.ErrUnknownFunction and zero gas.
func Run(addr uint64, input []byte) (output []byte, gas uint64, err error) {
	c, ok := Lookup(addr)
	if !ok {
		return nil, 0, core.Errorf(core.CodeUnknownFunction, "evm: no precompile at 0x%x", addr)
	}
	gas = c.RequiredGas(input)
	output, err = c.Run(input)
	return output, gas, err
}

// RunAddress is Run for a 20-byte address.
func RunAddress(a Address, input []byte) (output []byte, gas uint64, err error) {
	c, ok := LookupAddress(a)
	if !ok {
		return nil, 0, core.Errorf(core.CodeUnknownFunction, "evm: no precompile at %x", a)
	}
	gas = c.RequiredGas(input)
	output, err = c.Run(input)
	return output, gas, err
}

// RequiredGas returns the gas go-ethereum charges for calling the precompile
// at addr with input; ok is false when addr holds no Osaka precompile.
func RequiredGas(addr uint64, input []byte) (gas uint64, ok bool) {
	c, ok := Lookup(addr)
	if !ok {
		return 0, false
	}
	return c.RequiredGas(input), true
}
