package core

// Call is one call of a function on one input, ready to be sized, priced
// and run: for a function with Adapt, the input converted once, so that
// the output size, the gas and the work all see the same bytes. An engine
// prepares one per host call (Prepare), checks OutputSize, prices it
// (Price.Of), charges, then Executes it. A Call holds the caller's input
// without copying it and is not safe for concurrent use.
type Call struct {
	f   *Func  // the function called: its name prices, its limit bounds
	in  []byte // the caller's input
	run *Func  // f, or f.Targets[0] when f adapts its input
	arg []byte // in, or f.Adapt(in)
	err error  // the conversion's failure, reported by Execute
}

// Prepare sets c to the call of f on in. For a function with Adapt it
// converts in once (a panic in Adapt becomes the call's internal_error);
// a failed conversion is kept for Execute, after gas is charged. An input
// over f's limit is not converted (Execute refuses it, CodeTooLarge): it
// is priced as a failed conversion, by its length alone, so that an
// oversized input never buys a copy before the charge.
func (c *Call) Prepare(f *Func, in []byte) {
	c.f, c.in, c.run, c.arg, c.err = f, in, f, in, nil
	if f.Adapt != nil {
		if len(in) > f.InputLimit() {
			c.run, c.arg = nil, nil
			return
		}
		c.adapt()
	}
}

func (c *Call) adapt() {
	f := c.f
	c.run, c.arg = nil, nil
	defer func() {
		if r := recover(); r != nil {
			c.run, c.arg, c.err = nil, nil, Errorf(CodeInternal, "%s panicked: %v", f.Name, r)
		}
	}()
	if len(f.Targets) == 0 || f.Targets[0] == nil {
		c.err = Errorf(CodeInternal, "%s adapts its input for no target", f.Name)
		return
	}
	arg, err := f.Adapt(c.in)
	if err != nil {
		c.err = err
		return
	}
	c.run, c.arg = f.Targets[0], arg
}

// OutputSize is the call's Func.OutputSize: for an adapted input, the
// target's on the converted bytes, 0 when the conversion failed.
func (c *Call) OutputSize() int {
	if c.run == nil {
		return 0
	}
	return c.run.OutputSize(c.arg)
}

// ItemCount is the call's Func.ItemCount: for an adapted input, the
// target's on the converted bytes, 0 when the conversion failed.
func (c *Call) ItemCount() uint64 {
	if c.run == nil {
		return 0
	}
	return c.run.ItemCount(c.arg)
}

// Execute is core.Execute on the prepared call: it refuses an input over
// the function's limit, then reports a failed conversion, then runs the
// function (for an adapted input, core.Execute of the target on the
// converted bytes), appending the output to dst.
func (c *Call) Execute(dst []byte) ([]byte, error) {
	if c.f.Adapt == nil {
		return Execute(c.f, dst, c.in)
	}
	return c.executeAdapted(dst)
}

func (c *Call) executeAdapted(dst []byte) ([]byte, error) {
	if len(c.in) > c.f.InputLimit() {
		return dst, ErrTooLarge
	}
	if c.err != nil {
		return dst, asError(c.err)
	}
	return Execute(c.run, dst, c.arg)
}

func (f *Func) adaptedOutputSize(in []byte) int {
	var c Call
	c.Prepare(f, in)
	return c.OutputSize()
}

func (f *Func) adaptedItemCount(in []byte) uint64 {
	var c Call
	c.Prepare(f, in)
	return c.ItemCount()
}

// asError returns err as an *Error, keeping its code.
func asError(err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	return &Error{Code: CodeOf(err), Msg: err.Error()}
}
