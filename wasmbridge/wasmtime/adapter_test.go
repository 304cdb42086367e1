package wasmtime_test

import (
	"errors"
	"testing"

	wt "github.com/bytecodealliance/wasmtime-go/v39"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
	"github.com/hostcrypto/hostcrypto/wasmbridge/wasmtime"
)

// TestAdapterTypedTraps uses the adapter directly (no Runner, no metering):
// host traps come back from Call as the typed errors, the module keeps
// working after a returned status code, and Define serves two import
// module names on one linker.
func TestAdapterTypedTraps(t *testing.T) {
	e := wt.NewEngine()
	defer e.Close()
	sha, _ := hostcrypto.Lookup("sha256")
	price, _ := gas.Default.Gas(sha, make([]byte, 32))
	b := &core.Budget{Left: 10 * price}
	store := wasmtime.NewStore(e, b)
	defer store.Close()
	l := wt.NewLinker(e)
	defer l.Close()
	if err := wasmtime.Define(l); err != nil {
		t.Fatal(err)
	}
	if err := wasmtime.Define(l, wasmtime.WithModuleName("other"), wasmtime.WithExports(map[string]string{"h": "sha256"})); err != nil {
		t.Fatal("second Define on one linker:", err)
	}
	mod, err := wt.NewModule(e, wasmtest.Module("hostcrypto", "sha256"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := l.Instantiate(store, mod)
	if err != nil {
		t.Fatal(err)
	}
	call := inst.GetFunc(store, "call_0")
	res, err := wasmtime.Call(store, call, 0, 32, 100, 32)
	if err != nil || res[0] != 32 || b.Left != 9*price {
		t.Fatalf("sha256: %v %v, %d left", res, err, b.Left)
	}
	if res, err := wasmtime.Call(store, call, 0, 32, 100, 31); err != nil || int32(res[0]) != int32(core.CodeOutputTooSmall) {
		t.Fatalf("small output: %v %v", res, err)
	}
	var me *hostabi.MemoryError
	if _, err := wasmtime.Call(store, call, 65536-31, 32, 0, 32); !errors.As(err, &me) || me.What != "input" {
		t.Fatalf("want MemoryError, got %v", err)
	}
	b.Left = price - 1
	var oog *hostabi.OutOfGasError
	if _, err := wasmtime.Call(store, call, 0, 32, 100, 32); !errors.As(err, &oog) || oog.Price != price || b.Left != price-1 {
		t.Fatalf("want OutOfGasError, got %v (%d left)", err, b.Left)
	}
	b.Left = price
	if res, err := wasmtime.Call(store, call, 0, 32, 100, 32); err != nil || res[0] != 32 || b.Left != 0 {
		t.Fatalf("exact budget: %v %v, %d left", res, err, b.Left)
	}
}
