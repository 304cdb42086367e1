package wasmbridge_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// TestBridgeAlone follows the README's wazero snippet with nothing but
// package wasmbridge (and wazero): the default host module is the full
// catalogue, so a contract importing functions of every family and
// profile links and runs.
func TestBridgeAlone(t *testing.T) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	host, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithDefaultMeter(&core.Budget{Left: 1 << 40}))
	if err != nil {
		t.Fatal(err)
	}
	// One function of each package that declares functions.
	needs := []string{"sha256", "poseidon_bn254", "bls12381_hash_to_g1", "bn254_pairing_check", "bls12381_g1_msm",
		"bls12381_verify", "ed25519_verify", "secp256k1_recover", "p256_verify", "groth16_bn254_verify",
		"plonk_bls12381_dusk_verify", "evm:0x02", "evm:0x08", "kzg_point_evaluation", "dusk:verify_plonk",
		"bls12381_verify_dusk"}
	defs := host.ExportedFunctionDefinitions()
	for _, n := range needs {
		if _, ok := defs[n]; !ok {
			t.Errorf("the default host module does not export %s", n)
		}
	}
	mod, err := r.Instantiate(ctx, wasmtest.Module(wasmbridge.ModuleName, needs...))
	if err != nil {
		t.Fatalf("a contract importing %s does not link: %v", strings.Join(needs, ", "), err)
	}
	call := func(k int, in []byte, outCap uint32) (int32, []byte) {
		t.Helper()
		const inPtr, outPtr = 1024, 256
		mem := mod.Memory()
		mem.Write(inPtr, in)
		res, err := mod.ExportedFunction("call_"+itoa(k)).Call(ctx, inPtr, uint64(len(in)), outPtr, uint64(outCap))
		if err != nil {
			t.Fatalf("%s: %v", needs[k], err)
		}
		n := api.DecodeI32(res[0])
		var out []byte
		if n > 0 {
			b, _ := mem.Read(outPtr, uint32(n))
			out = append(out, b...)
		}
		return n, out
	}
	want := sha256.Sum256([]byte("abc"))
	if n, out := call(0, []byte("abc"), 32); n != 32 || !bytes.Equal(out, want[:]) {
		t.Errorf("sha256: %d %x", n, out)
	}
	if n, out := call(11, []byte("abc"), 32); n != 32 || !bytes.Equal(out, want[:]) {
		t.Errorf("evm:0x02: %d %x", n, out)
	}
	// The empty pairing product is one: 0x01, and the precompile's word 1.
	if n, out := call(3, nil, 1); n != 1 || out[0] != 1 {
		t.Errorf("bn254_pairing_check(): %d %x", n, out)
	}
	if n, out := call(12, nil, 32); n != 32 || !bytes.Equal(out, append(make([]byte, 31), 1)) {
		t.Errorf("evm:0x08(): %d %x", n, out)
	}
	// A malformed proof is a status code, not a trap.
	if n, _ := call(14, []byte{1, 2, 3}, 1); n != int32(core.CodeMalformed) {
		t.Errorf("dusk:verify_plonk malformed: %d", n)
	}
}

// TestInstantiateRefuses: an export name missing from the catalogue, or an
// exported function the schedule does not price, is an error at
// instantiation, not a contract that links and then fails every call.
func TestInstantiateRefuses(t *testing.T) {
	ctx := context.Background()
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithExports(map[string]string{"h": "no_such_function"})); err == nil {
		t.Error("an export of an unknown function was accepted")
	}
	partial := &core.Schedule{Name: "partial", Rules: map[string]core.Rule{"sha256": {Base: 1}}}
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithSchedule(partial)); err == nil {
		t.Error("the whole catalogue was exported under a schedule that prices only sha256")
	}
	// evm:0x02 has its own (go-ethereum) gas rule: no schedule entry needed.
	if _, err := wasmbridge.Instantiate(ctx, r, wasmbridge.WithSchedule(partial),
		wasmbridge.WithExports(map[string]string{"sha256": "sha256", "evm_sha256": "evm:0x02"})); err != nil {
		t.Errorf("priced exports refused: %v", err)
	}
}

func itoa(k int) string {
	if k < 10 {
		return string(rune('0' + k))
	}
	return itoa(k/10) + string(rune('0'+k%10))
}
