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
	return out
}

// Control frame kinds.
const (
	kFunc = iota
	kBlock
	kLoop
	kIf
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
	ctrl    []frame

	tmp32, tmp64 uint32 // the added locals
	usedTmp      bool
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
	f.tmp32, f.tmp64 = uint32(total), uint32(total)+1
	f.usedTmp = false
	f.out, f.pending, f.cost = f.out[:0], f.pending[:0], 0
	f.ctrl = append(f.ctrl[:0], frame{kind: kFunc})

	for len(f.ctrl) > 0 {
		f.instr(r)
	}
	if !r.eof() {
		failf(ErrMalformed, "code after the function's end")
	}
	f.flush()

	var nb []byte
	if f.usedTmp {
		nb = appendU32(nb, nDecl+2)
		nb = append(nb, body[declStart:localsEnd]...)
		nb = append(nb, 1, tI32, 1, tI64)
	} else {
		nb = append(nb, body[:localsEnd]...)
	}
	return append(nb, f.out...)
}

// flush emits the charge for the current metered block, then the block.
func (f *fn) flush() {
	if f.cost > 0 {
		c := int64(f.cost)
		o := f.out
		o = append(o, 0x23)
		o = appendU32(o, f.m.gasGlobal)
		o = append(o, 0x42)
		o = appendS64(o, c)
		o = append(o, 0x54, 0x04, 0x40, 0x42) // i64.lt_u; if; i64.const
		o = appendS64(o, c)
		o = append(o, 0x10)
		o = appendU32(o, f.m.funcImports)
		o = append(o, 0x0b, 0x23) // end; global.get
		o = appendU32(o, f.m.gasGlobal)
		o = append(o, 0x42)
		o = appendS64(o, c)
		o = append(o, 0x7d, 0x24) // i64.sub; global.set
		o = appendU32(o, f.m.gasGlobal)
		f.out = o
	}
	f.out = append(f.out, f.pending...)
	f.pending, f.cost = f.pending[:0], 0
}

// dynamic emits, before an instruction whose count operand (i32) is on top
// of the stack, a charge of count*per.
func (f *fn) dynamic(per uint64) {
	f.usedTmp = true
	p := f.pending
	p = append(p, 0x21) // local.set tmp32
	p = appendU32(p, f.tmp32)
	p = append(p, 0x20) // local.get tmp32
	p = appendU32(p, f.tmp32)
	p = append(p, 0xad, 0x42) // i64.extend_i32_u; i64.const per
	p = appendS64(p, int64(per))
	p = append(p, 0x7e, 0x22) // i64.mul; local.tee tmp64
	p = appendU32(p, f.tmp64)
	p = append(p, 0x23) // global.get gas
	p = appendU32(p, f.m.gasGlobal)
	p = append(p, 0x56, 0x04, 0x40, 0x20) // i64.gt_u; if; local.get tmp64
	p = appendU32(p, f.tmp64)
	p = append(p, 0x10) // call out_of_gas
	p = appendU32(p, f.m.funcImports)
	p = append(p, 0x0b, 0x23) // end; global.get gas
	p = appendU32(p, f.m.gasGlobal)
	p = append(p, 0x20) // local.get tmp64
	p = appendU32(p, f.tmp64)
	p = append(p, 0x7d, 0x24) // i64.sub; global.set gas
	p = appendU32(p, f.m.gasGlobal)
	p = append(p, 0x20) // local.get tmp32
	p = appendU32(p, f.tmp32)
	f.pending = p
}

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
	case op == 0x05: // else
		if len(f.ctrl) == 0 || f.ctrl[len(f.ctrl)-1].kind != kIf {
			failf(ErrMalformed, "else outside if")
		}
		cost, split = t.Free, true
	case op == 0x0b: // end
		fr := f.ctrl[len(f.ctrl)-1]
		f.ctrl = f.ctrl[:len(f.ctrl)-1]
		cost = t.Free
		// Code after the end of a loop, or of a block no branch targets,
		// is reached only by falling through: it joins this block.
		split = fr.kind == kIf || fr.kind == kFunc || (fr.kind == kBlock && fr.targeted)
	case op == 0x0c: // br
		f.label(r.u32())
		cost, split = t.Branch, true
	case op == 0x0d: // br_if
		f.label(r.u32())
		cost, split = t.Branch, true
	case op == 0x0e: // br_table
		n := r.u32()
		for i := uint64(0); i <= uint64(n); i++ {
			f.label(r.u32())
		}
		cost, split = t.Branch, true
	case op == 0x0f: // return
		cost, split = t.Branch, true
	case op == 0x10: // call
		idx := r.u32()
		f.pending = append(f.pending, op)
		f.pending = appendU32(f.pending, f.m.shift(idx))
		f.cost += t.Call
		return
	case op == 0x11: // call_indirect
		f.m.typeIndex(r.u32())
		r.u32()
		cost = t.CallIndirect
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
