package metering

import (
	"bytes"
	"fmt"
)

// Section ids.
const (
	secCustom    = 0
	secType      = 1
	secImport    = 2
	secFunction  = 3
	secTable     = 4
	secMemory    = 5
	secGlobal    = 6
	secExport    = 7
	secStart     = 8
	secElement   = 9
	secCode      = 10
	secData      = 11
	secDataCount = 12
	secTag       = 13
)

// order gives each known non-custom section its required position.
var order = map[byte]int{secType: 1, secImport: 2, secFunction: 3, secTable: 4, secMemory: 5,
	secGlobal: 6, secExport: 7, secStart: 8, secElement: 9, secDataCount: 10, secCode: 11, secData: 12}

type section struct {
	id      byte
	payload []byte
}

// module is what the rewriter needs to know of the input.
type module struct {
	sections     []section
	params       []int // per type index: number of parameters
	funcTypes    []uint32
	funcImports  uint32 // imported functions (our import gets this index)
	globImports  uint32
	globDefined  uint32
	oogType      uint32 // index of the added (i64) -> () type
	gasGlobal    uint32
	hasMemory    bool
	exportNames  map[string]bool
	instrumented int // code bodies
}

// Instrument returns a copy of the binary module wasm in which every
// metered block charges its cost from table t (DefaultTable if nil) as the
// package documentation describes. The input is not modified. A module
// that uses an unsupported feature gives an error wrapping ErrUnsupported;
// one that is not well-formed, ErrMalformed. The output should still be
// validated by the engine that compiles it (wazero and wasmtime both do).
func Instrument(wasm []byte, t *Table) (out []byte, err error) {
	if t == nil {
		t = DefaultTable
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			pe, ok := p.(parseError)
			if !ok {
				panic(p)
			}
			out, err = nil, pe.err
		}
	}()
	m := &module{exportNames: map[string]bool{}}
	m.split(wasm)
	return m.rewrite(t), nil
}

func (m *module) split(wasm []byte) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:8], []byte{0, 'a', 's', 'm', 1, 0, 0, 0}) {
		failf(ErrMalformed, "not a WebAssembly 1.0 binary module")
	}
	r := &reader{b: wasm, off: 8}
	last := 0
	for !r.eof() {
		id := r.byte()
		payload := r.bytes(uint64(r.u32()))
		if id == secTag {
			failf(ErrUnsupported, "exception handling (tag section)")
		}
		if id != secCustom {
			pos, ok := order[id]
			if !ok {
				failf(ErrUnsupported, "section id %d", id)
			}
			if pos <= last {
				failf(ErrMalformed, "section %d out of order", id)
			}
			last = pos
		}
		m.sections = append(m.sections, section{id, payload})
	}
}

func (m *module) find(id byte) []byte {
	for _, s := range m.sections {
		if s.id == id {
			return s.payload
		}
	}
	return nil
}

// shift maps an input function index to the output's.
func (m *module) shift(f uint32) uint32 {
	if f >= m.funcImports {
		return f + 1
	}
	return f
}

func (m *module) rewrite(t *Table) []byte {
	// Read what later sections depend on.
	m.readTypes(m.find(secType))
	m.readImports(m.find(secImport))
	m.readFunctions(m.find(secFunction))
	m.readMemories(m.find(secMemory))
	if p := m.find(secGlobal); p != nil {
		r := &reader{b: p}
		m.globDefined = r.u32()
	}
	m.oogType = uint32(len(m.params))
	m.gasGlobal = m.globImports + m.globDefined

	out := []byte{0, 'a', 's', 'm', 1, 0, 0, 0}
	emitted := map[byte]bool{}
	// ensure emits an absent section the rewrite needs before section id.
	ensure := func(before byte) {
		for _, id := range []byte{secType, secImport, secGlobal, secExport} {
			if order[id] < order[before] && !emitted[id] {
				out = appendSection(out, id, m.newSection(id, nil, t))
				emitted[id] = true
			}
		}
	}
	for _, s := range m.sections {
		if s.id == secCustom {
			out = m.custom(out, s.payload)
			continue
		}
		ensure(s.id)
		payload := s.payload
		switch s.id {
		case secType, secImport, secGlobal, secExport:
			payload = m.newSection(s.id, s.payload, t)
		case secStart:
			r := &reader{b: s.payload}
			payload = appendU32(nil, m.shift(r.u32()))
			r.done("start")
		case secElement:
			payload = m.elements(s.payload)
		case secCode:
			payload = m.code(s.payload, t)
		}
		out = appendSection(out, s.id, payload)
		emitted[s.id] = true
	}
	ensure(secStart) // a module with no sections after these
	if len(m.funcTypes) != m.instrumented {
		failf(ErrMalformed, "%d functions declared, %d bodies", len(m.funcTypes), m.instrumented)
	}
	return out
}

// newSection rewrites (or, from nil, creates) the type, import, global and
// export sections.
func (m *module) newSection(id byte, in []byte, t *Table) []byte {
	r := &reader{b: in}
	var n uint32
	if in != nil {
		n = r.u32()
	}
	var out []byte
	switch id {
	case secType:
		out = appendU32(out, n+1)
		out = append(out, in[r.off:]...)
		out = append(out, 0x60, 0, 0) // () -> ()
	case secImport:
		out = appendU32(out, n+1)
		out = append(out, in[r.off:]...)
		out = appendName(out, ImportModule)
		out = appendName(out, ImportName)
		out = append(out, 0x00)
		out = appendU32(out, m.oogType)
	case secGlobal:
		out = appendU32(out, n+1)
		for i := uint32(0); i < n; i++ {
			start := r.off
			r.valtype()
			r.byte() // mutability
			out = append(out, in[start:r.off]...)
			out = m.constExpr(out, r)
		}
		if in != nil {
			r.done("global")
		}
		out = append(out, tI64, 1, 0x42, 0x7f, 0x0b) // (mut i64) (i64.const -1): unloaded
	case secExport:
		out = appendU32(out, n+1)
		for i := uint32(0); i < n; i++ {
			name := r.name()
			kind := r.byte()
			idx := r.u32()
			if kind == 0 {
				idx = m.shift(idx)
			}
			if m.exportNames[name] {
				failf(ErrMalformed, "duplicate export %q", name)
			}
			m.exportNames[name] = true
			out = appendName(out, name)
			out = append(out, kind)
			out = appendU32(out, idx)
		}
		if in != nil {
			r.done("export")
		}
		if m.exportNames[GlobalExport] {
			failf(ErrUnsupported, "the module already exports %q", GlobalExport)
		}
		out = appendName(out, GlobalExport)
		out = append(out, 0x03)
		out = appendU32(out, m.gasGlobal)
	}
	return out
}

func (m *module) readTypes(p []byte) {
	if p == nil {
		return
	}
	r := &reader{b: p}
	n := r.u32()
	for i := uint32(0); i < n; i++ {
		if f := r.byte(); f != 0x60 {
			failf(ErrUnsupported, "type form 0x%02x (GC types)", f)
		}
		np := r.u32()
		for j := uint32(0); j < np; j++ {
			r.valtype()
		}
		nr := r.u32()
		for j := uint32(0); j < nr; j++ {
			r.valtype()
		}
		m.params = append(m.params, int(np))
	}
	r.done("type")
}

func (m *module) typeIndex(i uint32) uint32 {
	if uint64(i) >= uint64(len(m.params)) {
		failf(ErrMalformed, "type index %d out of range", i)
	}
	return i
}

func (m *module) readImports(p []byte) {
	if p == nil {
		return
	}
	r := &reader{b: p}
	n := r.u32()
	for i := uint32(0); i < n; i++ {
		mod, name := r.name(), r.name()
		if mod == ImportModule && name == ImportName {
			failf(ErrUnsupported, "module is already metered (imports %s.%s)", mod, name)
		}
		switch k := r.byte(); k {
		case 0:
			m.typeIndex(r.u32())
			m.funcImports++
		case 1:
			r.reftype()
			r.limits(false)
		case 2:
			r.limits(true)
			m.hasMemory = true
		case 3:
			r.valtype()
			r.byte()
			m.globImports++
		case 4:
			failf(ErrUnsupported, "exception handling (tag import)")
		default:
			failf(ErrMalformed, "import kind %d", k)
		}
	}
	r.done("import")
}

func (m *module) readFunctions(p []byte) {
	if p == nil {
		return
	}
	r := &reader{b: p}
	n := r.u32()
	for i := uint32(0); i < n; i++ {
		m.funcTypes = append(m.funcTypes, m.typeIndex(r.u32()))
	}
	r.done("function")
}

func (m *module) readMemories(p []byte) {
	if p == nil {
		return
	}
	r := &reader{b: p}
	k := r.u32()
	for i := uint32(0); i < k; i++ {
		r.limits(true)
	}
	r.done("memory")
	if k+boolU32(m.hasMemory) > 1 {
		failf(ErrUnsupported, "multiple memories")
	}
}

// done fails unless r has consumed its whole section.
func (r *reader) done(what string) {
	if !r.eof() {
		failf(ErrMalformed, "trailing bytes in the %s section", what)
	}
}

func boolU32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// constExpr copies a constant expression, shifting ref.func.
func (m *module) constExpr(out []byte, r *reader) []byte {
	for {
		start := r.off
		op := r.byte()
		switch op {
		case 0x0b:
			return append(out, op)
		case 0x41:
			r.sleb(32)
		case 0x42:
			r.sleb(64)
		case 0x43:
			r.bytes(4)
		case 0x44:
			r.bytes(8)
		case 0x23:
			r.u32()
		case 0xd0:
			r.reftype()
		case 0xd2:
			out = append(out, op)
			out = appendU32(out, m.shift(r.u32()))
			continue
		case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e: // extended-const add/sub/mul
		default:
			failf(ErrUnsupported, "opcode 0x%02x in a constant expression", op)
		}
		out = append(out, r.b[start:r.off]...)
	}
}

// elements rewrites function indices in element segments.
func (m *module) elements(p []byte) []byte {
	r := &reader{b: p}
	n := r.u32()
	out := appendU32(nil, n)
	for i := uint32(0); i < n; i++ {
		flags := r.u32()
		if flags > 7 {
			failf(ErrMalformed, "element segment flags %d", flags)
		}
		out = appendU32(out, flags)
		if flags&1 == 0 { // active
			if flags&2 != 0 {
				out = appendU32(out, r.u32()) // table index
			}
			out = m.constExpr(out, r)
		}
		if flags&3 != 0 { // elemkind or reftype
			if flags&4 != 0 {
				out = append(out, r.reftype())
			} else if k := r.byte(); k != 0 {
				failf(ErrMalformed, "element kind %d", k)
			} else {
				out = append(out, k)
			}
		}
		k := r.u32()
		out = appendU32(out, k)
		for j := uint32(0); j < k; j++ {
			if flags&4 != 0 {
				out = m.constExpr(out, r)
			} else {
				out = appendU32(out, m.shift(r.u32()))
			}
		}
	}
	if !r.eof() {
		failf(ErrMalformed, "trailing bytes in the element section")
	}
	return out
}

// custom copies a custom section, rewriting the name section's function
// indices (subsections 1, function names, and 2, local names) and dropping
// its label names (3), which this rewriter does not track.
func (m *module) custom(out []byte, p []byte) []byte {
	r := &reader{b: p}
	name := r.name()
	if name != "name" {
		return appendSection(out, secCustom, p)
	}
	if body, ok := m.names(r); ok {
		return appendSection(out, secCustom, body)
	}
	return out // a malformed name section is dropped (engines ignore it too)
}

func (m *module) names(r *reader) (body []byte, ok bool) {
	defer func() {
		if q := recover(); q != nil {
			if _, isParse := q.(parseError); !isParse {
				panic(q)
			}
			body, ok = nil, false
		}
	}()
	body = appendName(nil, "name")
	for !r.eof() {
		id := r.byte()
		sub := r.bytes(uint64(r.u32()))
		var nb []byte
		switch id {
		case 1: // function names: vec(idx name)
			s := &reader{b: sub}
			k := s.u32()
			nb = appendU32(nb, k)
			for i := uint32(0); i < k; i++ {
				nb = appendU32(nb, m.shift(s.u32()))
				nb = appendName(nb, s.name())
			}
		case 2: // local names: vec(funcidx vec(idx name))
			s := &reader{b: sub}
			k := s.u32()
			nb = appendU32(nb, k)
			for i := uint32(0); i < k; i++ {
				nb = appendU32(nb, m.shift(s.u32()))
				start := s.off
				l := s.u32()
				for j := uint32(0); j < l; j++ {
					s.u32()
					s.name()
				}
				nb = append(nb, sub[start:s.off]...)
			}
		case 3:
			continue
		default:
			nb = sub
		}
		body = append(body, id)
		body = appendU32(body, uint32(len(nb)))
		body = append(body, nb...)
	}
	return body, true
}

func (m *module) String() string {
	return fmt.Sprintf("module{types %d, func imports %d, funcs %d}", len(m.params), m.funcImports, len(m.funcTypes))
}
