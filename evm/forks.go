package evm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hostcrypto/hostcrypto/core"
)

// Set is the precompile table of one Ethereum fork, as go-ethereum's
// PrecompiledContracts<Fork>: the addresses that hold a precompile in that
// fork and, for each, a Contract with that fork's gas rule and semantics.
// An address the fork lacks is not a precompile there (CodeUnknownFunction).
// A Set is immutable and safe for concurrent use.
type Set struct {
	name      string
	eips      string
	contracts map[uint64]*Contract
	addrs     []uint64
}

// Name returns the fork's name in lower case ("homestead", ..., "osaka").
func (s *Set) Name() string { return s.name }

// EIPs summarises what the fork added or repriced, for docs and listings.
func (s *Set) EIPs() string { return s.eips }

// Addresses lists the fork's precompile addresses in ascending order.
func (s *Set) Addresses() []uint64 { return append([]uint64(nil), s.addrs...) }

// Contract returns the fork's precompile at the numeric address addr.
func (s *Set) Contract(addr uint64) (*Contract, bool) {
	c, ok := s.contracts[addr]
	return c, ok
}

// ContractAt returns the fork's precompile at a 20-byte address.
func (s *Set) ContractAt(a Address) (*Contract, bool) {
	n, ok := addressNumber(a)
	if !ok {
		return nil, false
	}
	return s.Contract(n)
}

// Contracts returns the fork's table keyed by 20-byte address, the shape
// of go-ethereum's vm.PrecompiledContracts. The map is a fresh copy; the
// contracts are shared and safe for concurrent use.
func (s *Set) Contracts() map[Address]*Contract {
	m := make(map[Address]*Contract, len(s.contracts))
	for a, c := range s.contracts {
		m[AddressOf(a)] = c
	}
	return m
}

// Funcs returns the fork's catalogue functions ("evm:0x01", ...) in address
// order. Functions that differ from Osaka's (MODEXP before Osaka, BN254
// before Istanbul) carry the same names as Osaka's but are not among the
// package's Funcs (the Osaka descriptors, which catalogues hold by
// default); a host serving this fork builds its catalogue with these.
func (s *Set) Funcs() []*core.Func {
	out := make([]*core.Func, len(s.addrs))
	for i, a := range s.addrs {
		out[i] = s.contracts[a].f
	}
	return out
}

// Lookup returns the fork's catalogue function called name ("evm:0x05");
// ok is false for any other name or an address the fork lacks.
func (s *Set) Lookup(name string) (*core.Func, bool) {
	hex, found := strings.CutPrefix(name, "evm:0x")
	if !found {
		return nil, false
	}
	a, err := strconv.ParseUint(hex, 16, 64)
	if err != nil || FuncName(a) != name {
		return nil, false
	}
	c, ok := s.contracts[a]
	if !ok {
		return nil, false
	}
	return c.f, true
}

// RequiredGas returns the gas go-ethereum charges in this fork for calling
// the precompile at addr with input; ok is false when the fork has no
// precompile at addr.
func (s *Set) RequiredGas(addr uint64, input []byte) (gas uint64, ok bool) {
	c, ok := s.contracts[addr]
	if !ok {
		return 0, false
	}
	return c.RequiredGas(input), true
}

// Run executes the fork's precompile at addr on input and returns its
// output, the gas go-ethereum charges in this fork, and an error exactly
// where go-ethereum's precompile fails. An address that holds no precompile
// in this fork returns core.ErrUnknownFunction and zero gas.
func (s *Set) Run(addr uint64, input []byte) (output []byte, gas uint64, err error) {
	c, ok := s.contracts[addr]
	if !ok {
		return nil, 0, core.Errorf(core.CodeUnknownFunction, "evm: no %s precompile at 0x%x", s.name, addr)
	}
	gas = c.RequiredGas(input)
	output, err = c.Run(input)
	return output, gas, err
}

// RunAddress is Run for a 20-byte address.
func (s *Set) RunAddress(a Address, input []byte) (output []byte, gas uint64, err error) {
	n, ok := addressNumber(a)
	if !ok {
		return nil, 0, core.Errorf(core.CodeUnknownFunction, "evm: no %s precompile at %x", s.name, a)
	}
	return s.Run(n, input)
}

// addressNumber returns a 20-byte address as a number when its first 12
// bytes are zero.
func addressNumber(a Address) (uint64, bool) {
	for _, b := range a[:12] {
		if b != 0 {
			return 0, false
		}
	}
	var n uint64
	for _, b := range a[12:] {
		n = n<<8 | uint64(b)
	}
	return n, true
}

// go-ethereum's Byzantium BN254 prices (EIP-196, EIP-197), replaced by
// EIP-1108's in Istanbul (params/protocol_params.go).
const (
	gasBN254AddByzantium      = 500
	gasBN254MulByzantium      = 40000
	gasBN254PairBaseByzantium = 100000
	gasBN254PairPerByzantium  = 80000
)

// The forks whose precompile tables differ, oldest first, as go-ethereum
// v1.17.10 defines them (core/vm/contracts.go).
const (
	ForkHomestead = "homestead"
	ForkByzantium = "byzantium"
	ForkIstanbul  = "istanbul"
	ForkBerlin    = "berlin"
	ForkCancun    = "cancun"
	ForkPrague    = "prague"
	ForkOsaka     = "osaka"
)

// forkAliases maps every mainnet fork name to the fork whose precompile
// table it uses (go-ethereum's activePrecompiledContracts: a fork that
// changed no precompile keeps its predecessor's table).
var forkAliases = map[string]string{
	"frontier":         ForkHomestead,
	"homestead":        ForkHomestead,
	"tangerinewhistle": ForkHomestead, // EIP-150
	"spuriousdragon":   ForkHomestead, // EIP-158
	"byzantium":        ForkByzantium,
	"constantinople":   ForkByzantium,
	"petersburg":       ForkByzantium,
	"istanbul":         ForkIstanbul,
	"muirglacier":      ForkIstanbul,
	"berlin":           ForkBerlin,
	"london":           ForkBerlin,
	"arrowglacier":     ForkBerlin,
	"grayglacier":      ForkBerlin,
	"paris":            ForkBerlin, // the Merge
	"shanghai":         ForkBerlin,
	"cancun":           ForkCancun,
	"prague":           ForkPrague,
	"osaka":            ForkOsaka,
}

// Fork returns the precompile set of the named fork. Names are
// case-insensitive; besides the seven forks that changed the precompiles
// (Forks), every mainnet fork name from frontier to osaka is accepted and
// gives the table go-ethereum uses in that fork ("london" is Berlin's
// table, "shanghai" too, "frontier" Homestead's).
func Fork(name string) (*Set, error) {
	canon, ok := forkAliases[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		var names []string
		for _, s := range Forks() {
			names = append(names, s.name)
		}
		return nil, fmt.Errorf("evm: unknown fork %q (known: %s, and the mainnet forks between them)", name, strings.Join(names, ", "))
	}
	for _, s := range Forks() {
		if s.name == canon {
			return s, nil
		}
	}
	panic("evm: internal error: fork " + canon + " has no set")
}

// Forks returns the seven precompile sets, oldest first: homestead,
// byzantium, istanbul, berlin, cancun, prague, osaka. The osaka set holds
// the same contracts as Lookup, Run and the catalogue's evm:0xNN functions.
func Forks() []*Set { return append([]*Set(nil), forkSets()...) }

// forkSets builds the tables once, after the package's Osaka contracts
// exist.
var forkSets = sync.OnceValue(func() []*Set {
	osaka := func(a uint64) *Contract {
		c, ok := Lookup(a)
		if !ok {
			panic(fmt.Sprintf("evm: internal error: no Osaka contract at %#x", a))
		}
		return c
	}
	// variant is the Osaka contract at a with another gas rule and,
	// when run is non-nil, other semantics. Its descriptor has the same
	// name and is not among the package's Funcs.
	variant := func(a uint64, input string, gas func([]byte) uint64, run func(dst, in []byte) ([]byte, error), outLen func([]byte) int) *Contract {
		base := osaka(a)
		f := *base.f
		f.Gas = gas
		if input != "" {
			f.Input = input
		}
		if run != nil {
			f.Run = run
			f.OutLen = outLen
			f.FixedOut = 0
		}
		bf := base.f
		f.Examples = func() []core.Example {
			if bf.Examples == nil {
				return nil
			}
			return bf.Examples()
		}
		return &Contract{addr: a, name: base.name, f: &f}
	}
	const legacyModexpInput = "len(B)(32) || len(E)(32) || len(M)(32) || B || E || M (EIP-198, no length limit)"
	var (
		modexpByzantium = variant(AddrModexp, legacyModexpInput, modexpGasByzantium, modexpRunLegacy, modexpOutLenLegacy)
		modexpBerlin    = variant(AddrModexp, legacyModexpInput, modexpGasBerlin, modexpRunLegacy, modexpOutLenLegacy)
		bn254AddByz     = variant(AddrBN254Add, "", fixedGas(gasBN254AddByzantium), nil, nil)
		bn254MulByz     = variant(AddrBN254Mul, "", fixedGas(gasBN254MulByzantium), nil, nil)
		bn254PairByz    = variant(AddrBN254Pairing, "", func(in []byte) uint64 {
			return gasBN254PairBaseByzantium + uint64(len(in)/bn254PairSize)*gasBN254PairPerByzantium
		}, nil, nil)
	)

	build := func(name, eips string, prev *Set, add ...*Contract) *Set {
		s := &Set{name: name, eips: eips, contracts: map[uint64]*Contract{}}
		if prev != nil {
			for a, c := range prev.contracts {
				s.contracts[a] = c
			}
		}
		for _, c := range add {
			s.contracts[c.addr] = c
		}
		for a := range s.contracts {
			s.addrs = append(s.addrs, a)
		}
		sort.Slice(s.addrs, func(i, j int) bool { return s.addrs[i] < s.addrs[j] })
		return s
	}
	homestead := build(ForkHomestead, "ecrecover, SHA-256, RIPEMD-160, identity (Frontier)", nil,
		osaka(AddrEcrecover), osaka(AddrSha256), osaka(AddrRipemd160), osaka(AddrIdentity))
	byzantium := build(ForkByzantium, "EIP-198 MODEXP, EIP-196/197 BN254 at Byzantium prices", homestead,
		modexpByzantium, bn254AddByz, bn254MulByz, bn254PairByz)
	istanbul := build(ForkIstanbul, "EIP-1108 BN254 prices, EIP-152 BLAKE2F", byzantium,
		osaka(AddrBN254Add), osaka(AddrBN254Mul), osaka(AddrBN254Pairing), osaka(AddrBlake2F))
	berlin := build(ForkBerlin, "EIP-2565 MODEXP prices", istanbul, modexpBerlin)
	cancun := build(ForkCancun, "EIP-4844 point evaluation", berlin, osaka(AddrPointEval))
	prague := build(ForkPrague, "EIP-2537 BLS12-381", cancun,
		osaka(AddrBLS12G1Add), osaka(AddrBLS12G1MSM), osaka(AddrBLS12G2Add), osaka(AddrBLS12G2MSM),
		osaka(AddrBLS12Pairing), osaka(AddrBLS12MapFpToG1), osaka(AddrBLS12MapFp2G2))
	osakaSet := build(ForkOsaka, "EIP-7823 MODEXP limits, EIP-7883 MODEXP prices, EIP-7951 P256VERIFY", prague,
		osaka(AddrModexp), osaka(AddrP256Verify))
	if len(osakaSet.addrs) != len(Addresses()) {
		panic("evm: internal error: the osaka set differs from the package's contracts")
	}
	return []*Set{homestead, byzantium, istanbul, berlin, cancun, prague, osakaSet}
})
