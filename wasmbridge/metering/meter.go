package metering

import (
	"math"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

// Global is an engine's handle on the instrumented module's exported gas
// global (wazero's api.MutableGlobal satisfies it). The value is an i64
// in two's complement: metered code may leave it negative when it has
// overdrawn.
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
//
// When guest code overdraws, the underlying meter is charged everything it
// has left and the guest traps with *hostabi.OutOfGasError (Function
// hostabi.GuestCode).
type Meter struct {
	inner  core.Meter
	g      Global
	loaded int64 // the global's value when the host last set it
	over   *hostabi.OutOfGasError
}

// NewMeter returns a Meter over m, not yet bound to a module instance.
func NewMeter(m core.Meter) *Meter { return &Meter{inner: m} }

// unloaded is the global's value when it holds no gas from the meter: the
// first check of the next guest call sees a negative value and calls
// Refill, which loads the balance. (Instrument initialises the global so.)
const unloaded = -1

// Bind attaches the instance's gas global and unloads it. Binding a Meter
// that was bound before settles the old global first.
func (m *Meter) Bind(g Global) {
	m.Settle()
	m.g = g
	m.unload()
}

func (m *Meter) unload() {
	if m.g != nil {
		u := int64(unloaded)
		m.g.Set(uint64(u))
	}
	m.loaded = unloaded
}

// Bound reports whether a gas global is attached.
func (m *Meter) Bound() bool { return m.g != nil }

// Inner returns the underlying meter.
func (m *Meter) Inner() core.Meter { return m.inner }

// sync charges the underlying meter for the gas the guest spent since the
// host last set the global. An overdraft takes all that is left and is
// remembered as the guest's out-of-gas error.
func (m *Meter) sync() {
	if m.g == nil {
		return
	}
	cur := int64(m.g.Get())
	if cur < m.loaded {
		spent := uint64(m.loaded - cur)
		if rem := m.inner.Remaining(); spent > rem {
			m.inner.Consume(rem)
			if m.over == nil {
				m.over = &hostabi.OutOfGasError{Function: hostabi.GuestCode, Price: spent, Remaining: rem}
			}
		} else {
			m.inner.Consume(spent)
		}
	}
	m.loaded = cur
}

// load puts the underlying meter's balance (at most 2^63-1) into the global.
func (m *Meter) load() {
	if m.g == nil {
		return
	}
	r := min(m.inner.Remaining(), math.MaxInt64)
	m.g.Set(r)
	m.loaded = int64(r)
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

// Refill serves the guest's out_of_gas import, called when the global went
// negative: it charges what the guest spent and reloads the balance, or,
// if the guest overdrew, returns the *hostabi.OutOfGasError that the
// adapter must raise as a trap.
func (m *Meter) Refill() error {
	if m.g == nil {
		return &hostabi.HostError{Function: ImportName, Reason: "metered guest code ran with a metering.Meter bound to no module"}
	}
	m.sync()
	if m.over != nil {
		return m.over
	}
	m.load()
	return nil
}

// Settle charges the underlying meter for the guest's spending and unloads
// the global. Call it after every guest call (the CLI's Sandbox does). It
// returns the guest's out-of-gas error if the guest overdrew since the
// last Settle (the trap the call returned, or an overdraft that ended the
// call without a check; instrumented code checks before every return, so
// the latter means the host bypassed the checks).
func (m *Meter) Settle() error {
	if m.g == nil {
		return nil
	}
	m.sync()
	m.unload()
	if err := m.over; err != nil {
		m.over = nil
		return err
	}
	return nil
}

// Done settles after a guest call that returned callErr, and returns the
// guest's *hostabi.OutOfGasError in its place if the guest overdrew (a
// loop-header check traps with the engine's "unreachable"; this turns it
// into the typed error), else callErr.
func (m *Meter) Done(callErr error) error {
	if err := m.Settle(); err != nil {
		return err
	}
	return callErr
}
