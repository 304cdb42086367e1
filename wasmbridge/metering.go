package wasmbridge

import (
	"context"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// InstantiateMetering defines and instantiates, in r, the host module that
// modules rewritten by metering.Instrument import (metering.ImportModule):
// its out_of_gas function settles the guest's gas global with the
// *metering.Meter of the call's context (WithGasMeter) and either reloads
// it or traps with *OutOfGasError.
//
// The Meter binds itself to the calling instance on its first refill;
// BindMeter binds it explicitly.
func InstantiateMetering(ctx context.Context, r wazero.Runtime) (api.Module, error) {
	return r.NewHostModuleBuilder(metering.ImportModule).
		NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(outOfGas), nil, nil).
		Export(metering.ImportName).
		Instantiate(ctx)
}

// BindMeter attaches m to the gas global of mod, a module instance compiled
// from metering.Instrument's output.
func BindMeter(m *metering.Meter, mod api.Module) error {
	g, ok := mod.ExportedGlobal(metering.GlobalExport).(api.MutableGlobal)
	if !ok {
		return &hostabi.HostError{Function: metering.ImportName, Reason: "the module exports no mutable " + metering.GlobalExport + " (not instrumented)"}
	}
	m.Bind(g)
	return nil
}

func outOfGas(ctx context.Context, mod api.Module, stack []uint64) {
	m, _ := ctx.Value(meterKey{}).(*metering.Meter)
	if m == nil {
		panic(&hostabi.HostError{Function: metering.ImportName, Reason: "metered guest code ran without a *metering.Meter in the context"})
	}
	if !m.Bound() {
		if err := BindMeter(m, mod); err != nil {
			panic(err)
		}
	}
	if err := m.Refill(); err != nil {
		panic(err)
	}
}
