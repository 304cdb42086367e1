package hostcrypto_test

// The README's embedder snippets, compiled and run.

import (
	"context"
	"fmt"

	"github.com/tetratelabs/wazero"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

func ExampleCall() {
	out, gasUsed, err := hostcrypto.Call("sha256", []byte("abc"))
	fmt.Printf("%x %v %v\n", out[:4], gasUsed > 0, err)
	// Output: ba7816bf true <nil>
}

func ExampleCatalogue() {
	full := hostcrypto.Catalogue()                // every function
	evmOnly := core.MustCatalogue(evm.Funcs()...) // the 18 precompiles (and kzg_point_evaluation)
	out, used, err := evmOnly.Call("evm:0x02", gas.Default, &core.Budget{Left: 100_000}, []byte("abc"))
	fmt.Println(full.Len() == len(hostcrypto.Functions()), evmOnly.Len())
	fmt.Printf("%x %d %v\n", out[:4], used, err)
	// Output:
	// true 19
	// ba7816bf 72 <nil>
}

func Example_evm() {
	out, gasUsed, err := evm.Run(evm.AddrBN254Pairing, nil) // the empty product is one
	contracts := evm.Contracts()                            // map[[20]byte]*evm.Contract
	fmt.Printf("%x %d %v %d\n", out, gasUsed, err, len(contracts))
	// Output: 0000000000000000000000000000000000000000000000000000000000000001 45000 <nil> 18
}

func Example_wasmbridge() {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	host, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithSchedule(gas.Default)) // the full catalogue
	fmt.Println(len(host.ExportedFunctionDefinitions()) == hostcrypto.Catalogue().Len(), err)
	// Output: true <nil>
}

func Example_dusk() {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	p := dusk.Profile{PlonkVersion: dplonk.V3} // the zero Profile is V3
	cat, err := p.Catalogue()
	if err != nil {
		panic(err)
	}
	host, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithCatalogue(cat), wasmbridge.WithModuleName("dusk"),
		wasmbridge.WithExports(p.Exports()), wasmbridge.WithSchedule(gas.Dusk))
	_, ok := host.ExportedFunctionDefinitions()["verify_plonk"]
	fmt.Println(len(host.ExportedFunctionDefinitions()), ok, err)
	// Output: 11 true <nil>
}
