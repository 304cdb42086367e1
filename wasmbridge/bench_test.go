package wasmbridge_test

import (
	"context"
	"crypto/sha256"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
)

// BenchmarkHostCall measures one guest-to-host call of sha256 on 32 bytes
// (the guest loops, so wasm entry cost is amortised), next to the raw
// function and to wazero's bare cost of a host call that does nothing.
// Bridge overhead = bridge - raw; compare it with bare.
func BenchmarkHostCall(b *testing.B) {
	b.Run("bridge/sha256/32B", func(b *testing.B) {
		e := newEnv(b, ^uint64(0), "sha256")
		stack := make([]uint64, 5)
		b.ReportAllocs()
		b.ResetTimer()
		stack[0], stack[1], stack[2], stack[3], stack[4] = uint64(b.N), 0, 32, 64, 32
		if err := e.loop["sha256"].CallWithStack(e.ctx, stack); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("raw/sha256/32B", func(b *testing.B) {
		var in [32]byte
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			d := sha256.Sum256(in[:])
			in[0] = d[0]
		}
	})
	b.Run("core/sha256/32B", func(b *testing.B) {
		f, _ := hostcrypto.Lookup("sha256")
		var in [32]byte
		dst := make([]byte, 0, 64)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, _, err := core.Invoke(f, gas.Default, core.Unlimited{}, dst, in[:]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("wazero-bare-host-call", func(b *testing.B) {
		ctx := context.Background()
		r := wazero.NewRuntime(ctx)
		defer r.Close(ctx)
		_, err := r.NewHostModuleBuilder("hostcrypto").NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, m api.Module, s []uint64) { s[0] = 0 }),
				[]api.ValueType{api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32},
				[]api.ValueType{api.ValueTypeI32}).Export("nop").Instantiate(ctx)
		if err != nil {
			b.Fatal(err)
		}
		mod, err := r.Instantiate(ctx, wasmtest.Module("hostcrypto", "nop"))
		if err != nil {
			b.Fatal(err)
		}
		stack := make([]uint64, 5)
		b.ReportAllocs()
		b.ResetTimer()
		stack[0] = uint64(b.N)
		if err := mod.ExportedFunction("loop_0").CallWithStack(ctx, stack); err != nil {
			b.Fatal(err)
		}
	})
}
