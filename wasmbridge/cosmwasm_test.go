package wasmbridge_test

import (
	"bufio"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// TestCosmWasmThroughBridge serves the CosmWasm profile as an import
// module "cosmwasm" under CosmWasm's names (the profile's own catalogue,
// the default schedule) and calls ed25519_verify and secp256k1_verify from
// a guest on CosmWasm's own test vectors (peers/cases.jsonl, families
// cosmwasm-ed25519 and cosmwasm-secp256k1), in CosmWasm's argument order.
// Gas charged is the default schedule's price of each call.
func TestCosmWasmThroughBridge(t *testing.T) {
	f, err := os.Open(vectors.Path(t, "peers/cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type call struct {
		name   string
		in     []byte
		expect string
	}
	var calls []call
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var c struct{ Family, Fn, Input, Expect string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		in, _ := hex.DecodeString(c.Input)
		switch {
		case c.Family == "cosmwasm-ed25519" && c.Fn == "ed25519_verify_zip215": // pk||sig||msg -> msg||sig||pk
			calls = append(calls, call{"ed25519_verify", append(append(append([]byte{}, in[96:]...), in[32:96]...), in[:32]...), c.Expect})
		case c.Family == "cosmwasm-secp256k1" && c.Fn == "secp256k1_ecdsa_verify": // pk||sig||hash -> hash||sig||pk
			k := len(in) - 96
			calls = append(calls, call{"secp256k1_verify", append(append(append([]byte{}, in[k+64:]...), in[k:k+64]...), in[:k]...), c.Expect})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	// Each valid case with one byte of its signature flipped must not verify.
	for _, c := range calls {
		if c.expect == "01" {
			in := append([]byte{}, c.in...)
			if c.name == "ed25519_verify" {
				in[len(in)-96+10] ^= 1
			} else {
				in[32+10] ^= 1
			}
			calls = append(calls, call{c.name, in, "00"})
		}
	}
	if len(calls) < 20 {
		t.Fatalf("only %d CosmWasm cases", len(calls))
	}
	cat, err := cosmwasm.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	meter := &core.Budget{Left: 1 << 50}
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithCatalogue(cat), wasmbridge.WithModuleName("cosmwasm"),
		wasmbridge.WithExports(cosmwasm.Exports()), wasmbridge.WithSchedule(gas.Default), wasmbridge.WithDefaultMeter(meter)); err != nil {
		t.Fatal(err)
	}
	names := []string{"ed25519_verify", "secp256k1_verify"}
	sort.Strings(names)
	mod, err := r.Instantiate(ctx, wasmtest.Module("cosmwasm", names...))
	if err != nil {
		t.Fatal(err)
	}
	var wantGas uint64
	valid, invalid := 0, 0
	for _, c := range calls {
		fn, _ := cat.Lookup(cosmwasm.Exports()[c.name])
		g, err := gas.Default.Gas(fn, c.in)
		if err != nil {
			t.Fatal(err)
		}
		wantGas += g
		const outPtr, inPtr = 256, 1024
		mem := mod.Memory()
		mem.Write(inPtr, c.in)
		res, err := mod.ExportedFunction("call_"+itoa(sort.SearchStrings(names, c.name))).Call(ctx, inPtr, uint64(len(c.in)), outPtr, 128)
		if err != nil {
			t.Fatalf("%s: trap %v", c.name, err)
		}
		n := api.DecodeI32(res[0])
		var got string
		if n >= 0 {
			b, _ := mem.Read(outPtr, uint32(n))
			got = hex.EncodeToString(b)
		}
		switch {
		case c.expect == "01" && got == "01":
			valid++
		case c.expect == "00" && (n < 0 || got == "00"):
			invalid++
		default:
			t.Errorf("%s %x: got %q (status %d), want %s", c.name, c.in, got, n, c.expect)
		}
	}
	if valid == 0 || invalid == 0 {
		t.Errorf("%d valid, %d invalid cases: want both", valid, invalid)
	}
	if used := uint64(1<<50) - meter.Left; used != wantGas {
		t.Errorf("charged %d, the default schedule gives %d", used, wantGas)
	}
}
