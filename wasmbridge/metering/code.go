package metering

// code instruments the code section.
func (m *module) code(p []byte, t *Table) []byte {
	r := &reader{b: p}
	n := r.u32()
	if uint64(n) != uint64(len(m.funcTypes)) {
		failf(ErrMalformed, "%d function bodies for %d functions", n, len(m.funcTypes))
	}
	out := appendU32(nil, n)
	f := &fn{m: m, t: t}
	for i := uint32(0); i < n; i++ {
		body := r.bytes(uint64(r.u32()))
		nb := f.instrument(body, m.params[m.funcTypes[i]])
		out = appendU32(out, uint32(len(nb)))
		out = append(out, nb...)
		m.instrumented++
	}
	r.done("code")
	return out
}

// Control frame kinds.
const (
	kFunc = iota
	kBlock
	kLoop
	kIf
)

// Checks at the start of a metered block.
const (
	checkNone = iota
	checkEntry
	checkLoop
)

type frame struct {
	kind     int
	targeted bool // some branch targets this frame's label
}

// fn instruments one function body; it is reused across bodies.
type fn struct {
	m *module
	t *Table

	out     []byte // instrumented code so far
	pending []byte // the current metered block's instructions
	cost    uint64 // the current metered block's static cost
	check   int    // the current block starts at function entry (checkEntry) or a loop header (checkLoop)
	ctrl    []frame

	gas, tmp uint32 // the added locals: i64 gas left, i32 operand of a dynamic charge
	usedTmp  bool
}

func (f *fn) instrument(body []byte, params int) []byte {
	r := &reader{b: body}
	// Locals.
	nDecl := r.u32()
	declStart := r.off
	total := uint64(params)
	for i := uint32(0); i < nDecl; i++ {
		total += uint64(r.u32())
		r.valtype()
	}
	if total > 50000 {
		failf(ErrUnsupported, "%d locals in one function", total)
	}
	localsEnd := r.off
	f.gas, f.tmp = uint32(total), uint32(total)+1
	f.usedTmp = false
	f.out, f.pending, f.cost, f.check = f.out[:0], f.pending[:0], 0, checkEntry
	f.ctrl = append(f.ctrl[:0], frame{kind: kFunc})

	// Prologue: gas = global.
	f.out = append(f.out, 0x23)
	f.out = appendU32(f.out, f.m.gasGlobal)
	f.out = append(f.out, 0x21)
	f.out = appendU32(f.out, f.gas)
	for len(f.ctrl) > 0 {
		f.instr(r)
	}
	if !r.eof() {
		failf(ErrMalformed, "code after the function's end")
	}
	f.flush()

	nb := appendU32(nil, nDecl+1+boolU32(f.usedTmp))
	nb = append(nb, body[declStart:localsEnd]...)
	nb = append(nb, 1, tI64)
	if f.usedTmp {
		nb = append(nb, 1, tI32)
	}
	return append(nb, f.out...)
}

// appendCheck appends: if gas < 0, store it and call out_of_gas, which
// traps or reloads the global; then reload the local.
func (f *fn) appendCheck(o []byte) []byte {
	o = append(o, 0x20) // local.get gas
	o = appendU32(o, f.gas)
	o = append(o, 0x42, 0x00, 0x53, 0x04, 0x40, 0x20) // i64.const 0; i64.lt_s; if; local.get gas
	o = appendU32(o, f.gas)
	o = append(o, 0x24) // global.set
	o = appendU32(o, f.m.gasGlobal)
	o = append(o, 0x10) // call out_of_gas
	o = appendU32(o, f.m.funcImports)
	o = append(o, 0x23) // global.get
	o = appendU32(o, f.m.gasGlobal)
	o = append(o, 0x21) // local.set gas
	o = appendU32(o, f.gas)
	return append(o, 0x0b) // end
}

// appendLoopCheck appends the check of a loop header: if gas < 0, store it
// and trap (unreachable). No call: a call in a loop, even on a cold path,
// makes optimising compilers spill the loop's registers. The function
// entry check has loaded the global, so a negative value here is a real
// overdraft, which Meter.Settle reports as the out-of-gas error.
func (f *fn) appendLoopCheck(o []byte) []byte {
	o = append(o, 0x20) // local.get gas
	o = appendU32(o, f.gas)
	o = append(o, 0x42, 0x00, 0x53, 0x04, 0x40, 0x20) // i64.const 0; i64.lt_s; if; local.get gas
	o = appendU32(o, f.gas)
	o = append(o, 0x24) // global.set
	o = appendU32(o, f.m.gasGlobal)
	return append(o, 0x00, 0x0b) // unreachable; end
}

// appendStore writes the local back to the global (before a call or an exit).
func (f *fn) appendStore(o []byte) []byte {
	o = append(o, 0x20)
	o = appendU32(o, f.gas)
	o = append(o, 0x24)
	return appendU32(o, f.m.gasGlobal)
}

// appendLoad reloads the local from the global (after a call).
func (f *fn) appendLoad(o []byte) []byte {
	o = append(o, 0x23)
	o = appendU32(o, f.m.gasGlobal)
	o = append(o, 0x21)
	return appendU32(o, f.gas)
}

// exit prepares a function exit: store the local and check it.
func (f *fn) exit() {
	f.pending = f.appendStore(f.pending)
	f.pending = f.appendCheck(f.pending)
}

// flush emits the charge for the current metered block (and, at function
// entry and loop headers, the check), then the block.
func (f *fn) flush() {
	o := f.out
	if f.cost > 0 {
		o = append(o, 0x20) // local.get gas
		o = appendU32(o, f.gas)
		o = append(o, 0x42) // i64.const cost
		o = appendS64(o, int64(f.cost))
		o = append(o, 0x7d, 0x21) // i64.sub; local.set gas
		o = appendU32(o, f.gas)
	}
	switch f.check {
	case checkEntry:
		o = f.appendCheck(o)
	case checkLoop:
		o = f.appendLoopCheck(o)
	}
	f.out = append(o, f.pending...)
	f.pending, f.cost, f.check = f.pending[:0], 0, checkNone
}

// dynamic emits, before an instruction whose count operand (i32) is on top
// of the stack, a charge of count*per and a check.
func (f *fn) dynamic(per uint64) {
	f.usedTmp = true
	p := f.pending
	p = append(p, 0x21) // local.set tmp
	p = appendU32(p, f.tmp)
	p = append(p, 0x20) // local.get gas
	p = appendU32(p, f.gas)
	p = append(p, 0x20) // local.get tmp
	p = appendU32(p, f.tmp)
	p = append(p, 0xad, 0x42) // i64.extend_i32_u; i64.const per
	p = appendS64(p, int64(per))
	p = append(p, 0x7e, 0x7d, 0x21) // i64.mul; i64.sub; local.set gas
	p = appendU32(p, f.gas)
	p = f.appendCheck(p)
	p = append(p, 0x20) // local.get tmp
	p = appendU32(p, f.tmp)
	f.pending = p
}

// exits reports whether a branch of relative depth d leaves the function.
func (f *fn) exits(d uint32) bool { return uint64(d) == uint64(len(f.ctrl))-1 }

// label marks the frame a branch of relative depth d targets.
func (f *fn) label(d uint32) {
	if uint64(d) >= uint64(len(f.ctrl)) {
		failf(ErrMalformed, "branch depth %d out of range", d)
	}
	f.ctrl[len(f.ctrl)-1-int(d)].targeted = true
}

func (f *fn) blockType(r *reader) {
	switch c := r.b[min(r.off, len(r.b)-1)]; c {
	case 0x40, tI32, tI64, tF32, tF64, tFuncref, tExternref:
		r.byte()
	case tV128:
		failf(ErrUnsupported, "SIMD (v128)")
	default:
		x := r.sleb(33)
		if x < 0 {
			failf(ErrUnsupported, "block type 0x%02x", c)
		}
		f.m.typeIndex(uint32(min(x, 1<<32-1)))
	}
}

func (r *reader) memarg() {
	if a := r.u32(); a&0x40 != 0 {
		failf(ErrUnsupported, "multi-memory (memory index in memarg)")
	}
	r.u32()
}

func (r *reader) zeroByte(what string) {
	if r.byte() != 0 {
		failf(ErrUnsupported, "multi-memory (%s on a memory other than 0)", what)
	}
}

// instr copies one instruction into the current metered block, adds its
// cost, and ends the block where control flow can enter or leave.
func (f *fn) instr(r *reader) {
	t := f.t
	start := r.off
	op := r.byte()
	var cost uint64
	split := false // a new metered block starts after this instruction
	switch {
	case op == 0x00: // unreachable
		cost, split = t.Branch, true
	case op == 0x01: // nop
		cost = t.Free
	case op == 0x02 || op == 0x03 || op == 0x04: // block, loop, if
		f.blockType(r)
		kind := map[byte]int{0x02: kBlock, 0x03: kLoop, 0x04: kIf}[op]
		f.ctrl = append(f.ctrl, frame{kind: kind})
		cost, split = t.Free, op != 0x02
		if op == 0x04 {
			cost = t.Branch
		}
		if op == 0x03 {
			// A loop header: charge and check on every iteration.
			f.pending = append(f.pending, r.b[start:r.off]...)
			f.flush()
			f.check = checkLoop
			return
		}
	case op == 0x05: // else
		if len(f.ctrl) == 0 || f.ctrl[len(f.ctrl)-1].kind != kIf {
			failf(ErrMalformed, "else outside if")
		}
		cost, split = t.Free, true
	case op == 0x0b: // end
		fr := f.ctrl[len(f.ctrl)-1]
		if fr.kind == kFunc {
			f.exit()
		}
		f.ctrl = f.ctrl[:len(f.ctrl)-1]
		cost = t.Free
		// Code after the end of a loop, or of a block no branch targets,
		// is reached only by falling through: it joins this block.
		split = fr.kind == kIf || fr.kind == kFunc || (fr.kind == kBlock && fr.targeted)
	case op == 0x0c || op == 0x0d: // br, br_if
		d := r.u32()
		f.label(d)
		if f.exits(d) {
			f.exit()
		}
		cost, split = t.Branch, true
	case op == 0x0e: // br_table
		n := r.u32()
		exits := false
		for i := uint64(0); i <= uint64(n); i++ {
			d := r.u32()
			f.label(d)
			exits = exits || f.exits(d)
		}
		if exits {
			f.exit()
		}
		cost, split = t.Branch, true
	case op == 0x0f: // return
		f.exit()
		cost, split = t.Branch, true
	case op == 0x10 || op == 0x11: // call, call_indirect
		// The callee (or host) sees the gas through the global.
		p := f.appendStore(f.pending)
		p = append(p, op)
		if op == 0x10 {
			p = appendU32(p, f.m.shift(r.u32()))
			f.cost += t.Call
		} else {
			p = appendU32(p, f.m.typeIndex(r.u32()))
			p = appendU32(p, r.u32())
			f.cost += t.CallIndirect
		}
		f.pending = f.appendLoad(p)
		return
	case op == 0x12 || op == 0x13:
		failf(ErrUnsupported, "tail calls")
	case op == 0x14 || op == 0x15 || op == 0xd3 || op == 0xd4 || op == 0xd5 || op == 0xd6:
		failf(ErrUnsupported, "typed function references (opcode 0x%02x)", op)
	case op >= 0x06 && op <= 0x0a || op == 0x18 || op == 0x19 || op == 0x1f:
		failf(ErrUnsupported, "exception handling (opcode 0x%02x)", op)
	case op == 0x1a: // drop
		cost = t.Local
	case op == 0x1b: // select
		cost = t.Simple
	case op == 0x1c: // select t*
		n := r.u32()
		for i := uint32(0); i < n; i++ {
			r.valtype()
		}
		cost = t.Simple
	case op >= 0x20 && op <= 0x22:
		r.u32()
		cost = t.Local
	case op == 0x23 || op == 0x24:
		r.u32()
		cost = t.Global
	case op == 0x25 || op == 0x26: // table.get/set
		r.u32()
		cost = t.Table
	case op >= 0x28 && op <= 0x35:
		r.memarg()
		cost = t.Load
	case op >= 0x36 && op <= 0x3e:
		r.memarg()
		cost = t.Store
	case op == 0x3f:
		r.zeroByte("memory.size")
		cost = t.MemorySize
	case op == 0x40: // memory.grow
		r.zeroByte("memory.grow")
		f.dynamic(t.MemoryGrowPage)
		cost = t.MemoryGrow
	case op == 0x41:
		r.sleb(32)
		cost = t.Const
	case op == 0x42:
		r.sleb(64)
		cost = t.Const
	case op == 0x43:
		r.bytes(4)
		cost = t.Const
	case op == 0x44:
		r.bytes(8)
		cost = t.Const
	case op >= 0x45 && op <= 0xc4:
		cost = numericCost(t, op)
	case op == 0xd0: // ref.null
		r.reftype()
		cost = t.Const
	case op == 0xd1: // ref.is_null
		cost = t.Simple
	case op == 0xd2: // ref.func
		idx := r.u32()
		f.pending = append(f.pending, op)
		f.pending = appendU32(f.pending, f.m.shift(idx))
		f.cost += t.Const
		return
	case op == 0xfc:
		cost = f.misc(r)
	case op == 0xfd:
		failf(ErrUnsupported, "SIMD (opcode 0xfd %d)", r.u32())
	case op == 0xfe:
		failf(ErrUnsupported, "threads (atomic opcode 0xfe %d)", r.u32())
	default:
		failf(ErrUnsupported, "opcode 0x%02x", op)
	}
	f.pending = append(f.pending, r.b[start:r.off]...)
	f.cost += cost
	if split {
		f.flush()
	}
}

// misc handles the 0xfc prefix: saturating conversions, bulk memory and
// table instructions.
func (f *fn) misc(r *reader) uint64 {
	t := f.t
	sub := r.u32()
	var cost uint64
	dyn, per := false, uint64(0)
	switch {
	case sub <= 7: // iNN.trunc_sat_fMM_s/u
		cost = t.Float
	case sub == 8: // memory.init data 0
		r.u32()
		r.zeroByte("memory.init")
		cost, dyn, per = t.Bulk, true, t.BulkByte
	case sub == 9, sub == 13: // data.drop, elem.drop
		r.u32()
		cost = t.Table
	case sub == 10: // memory.copy 0 0
		r.zeroByte("memory.copy")
		r.zeroByte("memory.copy")
		cost, dyn, per = t.Bulk, true, t.BulkByte
	case sub == 11: // memory.fill 0
		r.zeroByte("memory.fill")
		cost, dyn, per = t.Bulk, true, t.BulkByte
	case sub == 12, sub == 14: // table.init elem table, table.copy dst src
		r.u32()
		r.u32()
		cost, dyn, per = t.TableBulk, true, t.TableElem
	case sub == 15, sub == 17: // table.grow, table.fill
		r.u32()
		cost, dyn, per = t.TableBulk, true, t.TableElem
	case sub == 16: // table.size
		r.u32()
		cost = t.Table
	default:
		failf(ErrUnsupported, "opcode 0xfc %d", sub)
	}
	if dyn {
		f.dynamic(per) // the caller copies the instruction after this charge
	}
	return cost
}

// numericCost prices the numeric opcodes 0x45..0xc4.
func numericCost(t *Table, op byte) uint64 {
	switch op {
	case 0x6c, 0x7e: // i32.mul, i64.mul
		return t.Mul
	case 0x6d, 0x6e, 0x6f, 0x70, 0x7f, 0x80, 0x81, 0x82: // div_s/u, rem_s/u
		return t.Div
	case 0x95, 0x91, 0xa3, 0x9f: // f32.div, f32.sqrt, f64.div, f64.sqrt
		return t.FDiv
	}
	switch {
	case op <= 0x5a: // i32/i64 compare and eqz
		return t.Simple
	case op <= 0x66: // f32/f64 compare
		return t.Float
	case op <= 0x8a: // i32/i64 arithmetic, logic, shifts
		return t.Simple
	case op <= 0xa6: // f32/f64 arithmetic
		return t.Float
	case op == 0xa7, op == 0xac, op == 0xad: // wrap, extend
		return t.Simple
	case op <= 0xbb: // conversions, truncations, promote/demote
		return t.Float
	case op <= 0xbf: // reinterpretations
		return t.Float
	}
	return t.Simple // 0xc0..0xc4 sign extension
}
