package metering

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

// Global is an engine's handle on the instrumented module's exported gas
// global (wazero's api.MutableGlobal satisfies it).
type Global interface {
	Get() uint64
	Set(uint64)
}

// Meter shares one core.Meter between the host functions and the metered
// guest code of one module instance. It is itself a core.Meter: put it in
// the call's context (wasmbridge.WithGasMeter) so host calls charge it.
//
// The guest spends gas from its global without calling the host; the Meter
// charges the underlying meter for what the global lost whenever the host
// looks (Remaining, Consume, Refill, Settle). After a guest call returns or
// traps, call Settle: it charges the rest and unloads the global, so the
// next guest call reloads the meter's balance on its first block. A Meter
// is for one goroutine at a time, like the module instance it serves.
type Meter struct {
	inner  core.Meter
	g      Global
	loaded uint64 // the global's value when the host last set it
}

// NewMeter returns a Meter over m, not yet bound to a module instance.
func NewMeter(m core.Meter) *Meter { return &Meter{inner: m} }

// Bind attaches the instance's gas global, unloading it (set to 0) so that
// the guest's first block loads the balance through Refill. Binding a
// Meter that was bound before settles the old global first.
func (m *Meter) Bind(g Global) {
	m.Settle()
	m.g = g
	if g != nil {
		g.Set(0)
	}
	m.loaded = 0
}

// Bound reports whether a gas global is attached.
func (m *Meter) Bound() bool { return m.g != nil }

// Inner returns the underlying meter.
func (m *Meter) Inner() core.Meter { return m.inner }

// sync charges the underlying meter for the gas the guest spent since the
// host last set the global.
func (m *Meter) sync() {
	if m.g == nil {
		return
	}
	cur := m.g.Get()
	if cur < m.loaded {
		// Cannot fail unless someone charged the inner meter behind our
		// back during guest execution; then take what is left.
		if m.inner.Consume(m.loaded-cur) != nil {
			m.inner.Consume(m.inner.Remaining())
		}
	}
	m.loaded = cur
}

// load puts the underlying meter's balance into the global.
func (m *Meter) load() {
	if m.g == nil {
		return
	}
	r := m.inner.Remaining()
	m.g.Set(r)
	m.loaded = r
}

// Remaining implements core.Meter.
func (m *Meter) Remaining() uint64 {
	m.sync()
	return m.inner.Remaining()
}

// Consume implements core.Meter: the host-call path.
func (m *Meter) Consume(amount uint64) error {
	m.sync()
	err := m.inner.Consume(amount)
	m.load()
	return err
}

// Refill serves the guest's out-of-gas import: it settles what the guest
// spent and reloads the balance, or, if the balance is below cost, returns
// the *hostabi.OutOfGasError the adapter must raise as a trap.
func (m *Meter) Refill(cost uint64) error {
	if m.g == nil {
		return &hostabi.HostError{Function: ImportName, Reason: "metered guest code ran with a metering.Meter bound to no module"}
	}
	m.sync()
	m.load()
	if r := m.inner.Remaining(); r < cost {
		return &hostabi.OutOfGasError{Function: hostabi.GuestCode, Price: cost, Remaining: r}
	}
	return nil
}

// Settle charges the underlying meter for the guest's spending and unloads
// the global. Call it after every guest call (the CLI's Sandbox does).
func (m *Meter) Settle() {
	if m.g == nil {
		return
	}
	m.sync()
	m.g.Set(0)
	m.loaded = 0
}
