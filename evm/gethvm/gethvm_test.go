package gethvm_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"

	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/evm/gethvm"
)

// vectorDir is go-ethereum's core/vm/testdata/precompiles, read in place
// from the shared vectors beside the repository.
var vectorDir = filepath.Join("..", "..", "..", "shared", "vectors", "go-ethereum-precompiles")

// gethFiles maps each go-ethereum precompile test file to its mainnet
// address and to the forks whose prices its Gas fields are:
// modexp.json is EIP-198's, modexp_eip2565.json EIP-2565's,
// modexp_eip7883.json EIP-7883's, the bn256 files EIP-1108's (from
// Istanbul), the rest never repriced. A file runs under every fork that has
// its address; its gas is checked under the forks listed.
var gethFiles = map[string]struct {
	addr  uint64
	gasIn []string // nil: every fork that has the address
}{
	"ecRecover.json":          {evm.AddrEcrecover, nil},
	"modexp.json":             {evm.AddrModexp, []string{"byzantium", "istanbul"}},
	"modexp_eip2565.json":     {evm.AddrModexp, []string{"berlin", "cancun", "prague"}},
	"modexp_eip7883.json":     {evm.AddrModexp, []string{"osaka"}},
	"bn256Add.json":           {evm.AddrBN254Add, []string{"istanbul", "berlin", "cancun", "prague", "osaka"}},
	"bn256ScalarMul.json":     {evm.AddrBN254Mul, []string{"istanbul", "berlin", "cancun", "prague", "osaka"}},
	"bn256Pairing.json":       {evm.AddrBN254Pairing, []string{"istanbul", "berlin", "cancun", "prague", "osaka"}},
	"blake2F.json":            {evm.AddrBlake2F, nil},
	"fail-blake2f.json":       {evm.AddrBlake2F, nil},
	"pointEvaluation.json":    {evm.AddrPointEval, nil},
	"p256Verify.json":         {evm.AddrP256Verify, nil},
	"blsG1Add.json":           {evm.AddrBLS12G1Add, nil},
	"fail-blsG1Add.json":      {evm.AddrBLS12G1Add, nil},
	"blsG1Mul.json":           {evm.AddrBLS12G1MSM, nil},
	"fail-blsG1Mul.json":      {evm.AddrBLS12G1MSM, nil},
	"blsG1MultiExp.json":      {evm.AddrBLS12G1MSM, nil},
	"fail-blsG1MultiExp.json": {evm.AddrBLS12G1MSM, nil},
	"blsG2Add.json":           {evm.AddrBLS12G2Add, nil},
	"fail-blsG2Add.json":      {evm.AddrBLS12G2Add, nil},
	"blsG2Mul.json":           {evm.AddrBLS12G2MSM, nil},
	"fail-blsG2Mul.json":      {evm.AddrBLS12G2MSM, nil},
	"blsG2MultiExp.json":      {evm.AddrBLS12G2MSM, nil},
	"fail-blsG2MultiExp.json": {evm.AddrBLS12G2MSM, nil},
	"blsPairing.json":         {evm.AddrBLS12Pairing, nil},
	"fail-blsPairing.json":    {evm.AddrBLS12Pairing, nil},
	"blsMapG1.json":           {evm.AddrBLS12MapFpToG1, nil},
	"fail-blsMapG1.json":      {evm.AddrBLS12MapFpToG1, nil},
	"blsMapG2.json":           {evm.AddrBLS12MapFp2G2, nil},
	"fail-blsMapG2.json":      {evm.AddrBLS12MapFp2G2, nil},
}

type vector struct {
	Input, Expected, ExpectedError, Name string
	Gas                                  uint64
}

// loadVectors reads every file of gethFiles, skipping the test (failing it
// when HOSTCRYPTO_REQUIRE names "vectors") when the shared vectors are not
// there.
func loadVectors(t *testing.T) map[string][]vector {
	t.Helper()
	if _, err := os.Stat(vectorDir); err != nil {
		if dispatch.Required()["vectors"] {
			t.Fatalf("HOSTCRYPTO_REQUIRE=vectors but %s is missing: %v", vectorDir, err)
		}
		t.Skipf("go-ethereum's precompile test files are not at %s (shared vectors beside the repository): %v", vectorDir, err)
	}
	out := map[string][]vector{}
	for name := range gethFiles {
		data, err := os.ReadFile(filepath.Join(vectorDir, name))
		if err != nil {
			t.Fatal(err)
		}
		var vs []vector
		if err := json.Unmarshal(data, &vs); err != nil || len(vs) == 0 {
			t.Fatalf("%s: %d vectors, %v", name, len(vs), err)
		}
		out[name] = vs
	}
	return out
}

var forkOrder = []string{"homestead", "byzantium", "istanbul", "berlin", "cancun", "prague", "osaka"}

// chainConfig returns a chain configuration that has activated fork and
// nothing after it, and whether the block is post-merge.
func chainConfig(fork string) (*params.ChainConfig, bool) {
	i := slices.Index(forkOrder, fork)
	c := *params.MergedTestChainConfig
	if i < 1 {
		c.ByzantiumBlock, c.ConstantinopleBlock, c.PetersburgBlock = nil, nil, nil
	}
	if i < 2 {
		c.IstanbulBlock, c.MuirGlacierBlock = nil, nil
	}
	if i < 3 {
		c.BerlinBlock, c.LondonBlock, c.ArrowGlacierBlock, c.GrayGlacierBlock, c.MergeNetsplitBlock = nil, nil, nil, nil, nil
		c.ShanghaiTime = nil
	}
	if i < 4 {
		c.CancunTime = nil
	}
	if i < 5 {
		c.PragueTime = nil
	}
	if i < 6 {
		c.OsakaTime = nil
	}
	return &c, i >= 3
}

// newEVM returns go-ethereum's EVM at fork with an empty state.
func newEVM(t *testing.T, fork string) *vm.EVM {
	t.Helper()
	cfg, merged := chainConfig(fork)
	sdb, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		t.Fatal(err)
	}
	ctx := vm.BlockContext{
		CanTransfer: core.CanTransfer,
		Transfer:    core.Transfer,
		GetHash:     func(uint64) common.Hash { return common.Hash{} },
		BlockNumber: big.NewInt(1),
		Time:        1,
		Difficulty:  big.NewInt(0),
		BaseFee:     big.NewInt(0),
		GasLimit:    1 << 40,
	}
	if merged {
		ctx.Random = &common.Hash{}
	}
	return vm.NewEVM(ctx, sdb, cfg, vm.Config{})
}

// counted wraps a hostcrypto contract and counts its runs, to prove that
// the EVM ran hostcrypto's code and not its own.
type counted struct {
	vm.PrecompiledContract
	runs *atomic.Int64
}

func (c counted) Run(in []byte) ([]byte, error) {
	c.runs.Add(1)
	return c.PrecompiledContract.Run(in)
}

// call runs one CALL with gas and returns output, gas left and the error.
func call(e *vm.EVM, addr uint64, in []byte, gas uint64) ([]byte, uint64, error) {
	caller := common.Address{0xca, 0x11}
	out, left, err := e.Call(caller, common.Address(evm.AddressOf(addr)), in, vm.NewGasBudget(gas, 0), new(uint256.Int))
	return out, left.ExecutionGas, err
}

// TestInGethEVM swaps hostcrypto's table into go-ethereum's EVM for each
// fork (gethvm.ForRules of the EVM's own rules) and runs go-ethereum's
// precompile test files through EVM.Call, next to an EVM with go-ethereum's
// own precompiles. For each case: the same output, gas left and error-or-not
// on both EVMs; a success case returns Expected and, where the file is
// priced for the fork, costs exactly Gas (the call succeeds with Gas and
// runs out with Gas-1); a failure case fails and burns all gas. A file whose
// address the fork lacks is a call to an empty account on both EVMs.
func TestInGethEVM(t *testing.T) {
	files := loadVectors(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, fork := range forkOrder {
		t.Run(fork, func(t *testing.T) {
			ours, native := newEVM(t, fork), newEVM(t, fork)
			if got := gethvm.ForkName(ours.GetRules()); got != fork {
				t.Fatalf("ForkName of the %s chain config: %s", fork, got)
			}
			table := gethvm.ForRules(ours.GetRules())
			runs := new(atomic.Int64)
			for a, p := range table {
				if _, ok := p.(*evm.Contract); !ok {
					t.Fatalf("%x: %T is not hostcrypto's", a, p)
				}
				table[a] = counted{p, runs}
			}
			ours.SetPrecompiles(table)
			active := vm.ActivePrecompiledContracts(native.GetRules())
			if len(active) != len(table) {
				t.Fatalf("%d precompiles, go-ethereum's %s has %d", len(table), fork, len(active))
			}
			for a, p := range active {
				if q, ok := table[a]; !ok || q.Name() != p.Name() {
					t.Fatalf("%x: go-ethereum's %s, hostcrypto's missing or differently named", a, p.Name())
				}
			}
			cases := 0
			for _, name := range names {
				spec := gethFiles[name]
				_, present := table[common.Address(evm.AddressOf(spec.addr))]
				checkGas := spec.gasIn == nil || slices.Contains(spec.gasIn, fork)
				fail := strings.HasPrefix(name, "fail-")
				for _, v := range files[name] {
					in, err := hex.DecodeString(v.Input)
					if err != nil {
						t.Fatal(err)
					}
					const budget = 1 << 40
					out, left, err := call(ours, spec.addr, in, budget)
					nout, nleft, nerr := call(native, spec.addr, in, budget)
					cases++
					if left != nleft || (err == nil) != (nerr == nil) || !bytes.Equal(out, nout) {
						t.Errorf("%s %s %s: hostcrypto (%x, left %d, %v), go-ethereum (%x, left %d, %v)", fork, name, v.Name, out, left, err, nout, nleft, nerr)
						continue
					}
					if !present {
						if err != nil || len(out) != 0 || left != budget {
							t.Errorf("%s %s %s: call to an empty account returned (%x, left %d, %v)", fork, name, v.Name, out, left, err)
						}
						continue
					}
					if fail || v.ExpectedError != "" {
						if err == nil || left != 0 {
							t.Errorf("%s %s %s: want failure burning all gas, got (%x, left %d, %v)", fork, name, v.Name, out, left, err)
						}
						continue
					}
					want, _ := hex.DecodeString(v.Expected)
					if err != nil || !bytes.Equal(out, want) {
						t.Errorf("%s %s %s: (%x, %v), want %x", fork, name, v.Name, out, err, want)
						continue
					}
					if checkGas {
						if used := budget - left; used != v.Gas {
							t.Errorf("%s %s %s: used %d gas, want %d", fork, name, v.Name, used, v.Gas)
						}
						if _, left, err := call(ours, spec.addr, in, v.Gas); err != nil || left != 0 {
							t.Errorf("%s %s %s: with exactly %d gas: left %d, %v", fork, name, v.Name, v.Gas, left, err)
						}
						if v.Gas > 0 {
							if _, _, err := call(ours, spec.addr, in, v.Gas-1); err == nil {
								t.Errorf("%s %s %s: succeeded with %d gas", fork, name, v.Name, v.Gas-1)
							}
						}
					}
				}
			}
			if len(table) > 0 && runs.Load() == 0 {
				t.Fatalf("the EVM never ran a hostcrypto contract")
			}
			t.Logf("%d cases, %d hostcrypto runs", cases, runs.Load())
		})
	}
}

// TestPrecompiles checks the table constructors against go-ethereum's own
// tables: the same addresses and contract names per fork, fork names
// (aliases included) resolved as go-ethereum's rules resolve them, and
// Install putting hostcrypto's contracts in place.
func TestPrecompiles(t *testing.T) {
	for fork, theirs := range map[string]vm.PrecompiledContracts{
		"homestead": vm.PrecompiledContractsHomestead, "frontier": vm.PrecompiledContractsHomestead,
		"byzantium": vm.PrecompiledContractsByzantium, "petersburg": vm.PrecompiledContractsByzantium,
		"istanbul": vm.PrecompiledContractsIstanbul, "berlin": vm.PrecompiledContractsBerlin,
		"london": vm.PrecompiledContractsBerlin, "shanghai": vm.PrecompiledContractsBerlin,
		"cancun": vm.PrecompiledContractsCancun, "prague": vm.PrecompiledContractsPrague,
		"osaka": vm.PrecompiledContractsOsaka,
	} {
		ours, err := gethvm.Precompiles(fork)
		if err != nil {
			t.Fatal(err)
		}
		if len(ours) != len(theirs) {
			t.Errorf("%s: %d precompiles, go-ethereum %d", fork, len(ours), len(theirs))
		}
		for a, p := range theirs {
			if q, ok := ours[a]; !ok || q.Name() != p.Name() {
				t.Errorf("%s %x: go-ethereum's %s missing or renamed", fork, a, p.Name())
			}
		}
	}
	if _, err := gethvm.Precompiles("amsterdam"); err == nil {
		t.Error("unknown fork accepted")
	}
	// Install puts hostcrypto's table in place. The one documented
	// difference tells the tables apart: a pre-Osaka MODEXP modulus over
	// 16 MiB (priced at 1.5*10^12 gas under EIP-2565) fails in hostcrypto
	// and is computed (16 MiB of zeros here) by go-ethereum.
	in := make([]byte, 96)
	in[92] = 1 // len(M) = 2^24 + 1
	in[95] = 1
	const budget = 1 << 42
	e := newEVM(t, "cancun")
	if out, _, err := call(e, evm.AddrModexp, in, budget); err != nil || len(out) != 1<<24+1 {
		t.Fatalf("go-ethereum's MODEXP: %d bytes, %v", len(out), err)
	}
	gethvm.Install(e)
	if out, left, err := call(e, evm.AddrModexp, in, budget); err == nil || left != 0 {
		t.Fatalf("after Install: %d bytes, left %d, %v; want hostcrypto's failure", len(out), left, err)
	}
	if out, _, err := call(e, evm.AddrSha256, nil, 1<<20); err != nil || hex.EncodeToString(out) != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatalf("SHA-256 of nothing after Install: %x, %v", out, err)
	}
}
