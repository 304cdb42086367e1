package core

// Meter is the gas budget of one execution. Engines adapt their own meters
// to it. Consume is called once per host call, with the full price, before
// any work is done.
type Meter interface {
	// Remaining returns the gas left.
	Remaining() uint64
	// Consume subtracts amount; it fails (and subtracts nothing) when
	// amount exceeds what remains.
	Consume(amount uint64) error
}

// Unlimited is a Meter that never runs out.
type Unlimited struct{}

func (Unlimited) Remaining() uint64      { return ^uint64(0) }
func (Unlimited) Consume(_ uint64) error { return nil }

// Budget is a simple Meter with a fixed allowance.
type Budget struct{ Left uint64 }

func (b *Budget) Remaining() uint64 { return b.Left }
func (b *Budget) Consume(amount uint64) error {
	if amount > b.Left {
		return ErrOutOfGas
	}
	b.Left -= amount
	return nil
}

// Invoke is the one path of a host call, in this order:
//
//  1. resolve the function's price (an unpriced function is unsupported);
//  2. prepare the call (Call.Prepare: a function with Adapt converts its
//     input, once) and price it from the input length (and count header)
//     alone;
//  3. charge the meter, or fail with CodeOutOfGas having charged nothing;
//  4. refuse inputs over the function's size limit (CodeTooLarge; gas stays
//     charged);
//  5. run the function, converting any panic into CodeInternal.
//
// It appends the output to dst and returns it with the gas charged.
func Invoke(f *Func, s *Schedule, m Meter, dst, in []byte) (out []byte, gas uint64, err error) {
	p, err := s.Price(f)
	if err != nil {
		return dst, 0, err
	}
	var c Call
	c.Prepare(f, in)
	gas = p.Of(&c)
	if m != nil {
		if err := m.Consume(gas); err != nil {
			return dst, 0, ErrOutOfGas
		}
	}
	out, err = c.Execute(dst)
	return out, gas, err
}

// Execute is steps 4 and 5 of Invoke, for engines that price and charge
// the call themselves (so that they can trap on out of gas): it refuses
// inputs over the size limit and runs f, converting any panic into
// CodeInternal so that no panic escapes to the host. A function with
// Adapt converts in here; an engine that has prepared the call for
// pricing runs that (Call.Execute) instead, so as to convert once.
func Execute(f *Func, dst, in []byte) (out []byte, err error) {
	if len(in) > f.InputLimit() {
		return dst, ErrTooLarge
	}
	if f.Adapt != nil {
		var c Call
		c.Prepare(f, in)
		return c.executeAdapted(dst)
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = dst, Errorf(CodeInternal, "%s panicked: %v", f.Name, r)
		}
	}()
	out, err = f.Run(dst, in)
	if err != nil {
		out, err = dst, asError(err)
	}
	return out, err
}
