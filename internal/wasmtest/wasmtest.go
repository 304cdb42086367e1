// Package wasmtest assembles minimal WebAssembly modules for bridge tests and
// benchmarks: each imports host functions of the uniform hostcrypto signature
// (i32, i32, i32, i32) -> i32 and exports, per import k,
//
//	call_k(in_ptr, in_len, out_ptr, out_cap) -> i32   forwards one call
//	loop_k(n, in_ptr, in_len, out_ptr, out_cap) -> i32 calls n times, returns the last result
//
// and its one-page (64 KiB, growable to max pages) memory as "memory".
// Hand-assembling keeps pointer values exact (no guest runtime in between)
// and needs no external toolchain.
package wasmtest

// Module returns the binary of a module importing module.name for each name.
func Module(module string, names ...string) []byte {
	var b []byte
	b = append(b, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00)
	// Type section: t0 = (i32 x4) -> i32, t1 = (i32 x5) -> i32.
	types := []byte{0x02,
		0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f,
		0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f}
	b = section(b, 1, types)
	// Import section.
	imp := uleb(nil, uint32(len(names)))
	for _, n := range names {
		imp = str(imp, module)
		imp = str(imp, n)
		imp = append(imp, 0x00, 0x00) // func, type 0
	}
	b = section(b, 2, imp)
	// Function section: call_k (t0) and loop_k (t1) per import.
	fn := uleb(nil, uint32(2*len(names)))
	for range names {
		fn = append(fn, 0x00, 0x01)
	}
	b = section(b, 3, fn)
	// Memory section: one memory, min 1 page, max 16 pages.
	b = section(b, 5, []byte{0x01, 0x01, 0x01, 0x10})
	// Export section.
	exp := uleb(nil, uint32(2*len(names)+1))
	exp = str(exp, "memory")
	exp = append(exp, 0x02, 0x00)
	for k := range names {
		exp = str(exp, "call_"+itoa(k))
		exp = append(exp, 0x00)
		exp = uleb(exp, uint32(len(names)+2*k))
		exp = str(exp, "loop_"+itoa(k))
		exp = append(exp, 0x00)
		exp = uleb(exp, uint32(len(names)+2*k+1))
	}
	b = section(b, 7, exp)
	// Code section.
	code := uleb(nil, uint32(2*len(names)))
	for k := range names {
		idx := uleb(nil, uint32(k))
		// call_k: local.get 0..3; call k; end
		body := []byte{0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x20, 0x03, 0x10}
		body = append(body, idx...)
		body = append(body, 0x0b)
		code = uleb(code, uint32(len(body)))
		code = append(code, body...)
		// loop_k: one extra i32 local (5) holding the last result.
		body = []byte{0x01, 0x01, 0x7f,
			0x02, 0x40, // block
			0x03, 0x40, // loop
			0x20, 0x00, 0x45, 0x0d, 0x01, // local.get 0; i32.eqz; br_if 1
			0x20, 0x01, 0x20, 0x02, 0x20, 0x03, 0x20, 0x04, 0x10}
		body = append(body, idx...)
		body = append(body,
			0x21, 0x05, // local.set 5
			0x20, 0x00, 0x41, 0x01, 0x6b, 0x21, 0x00, // n = n - 1
			0x0c, 0x00, // br 0
			0x0b, 0x0b, // end loop, end block
			0x20, 0x05, 0x0b) // local.get 5; end
		code = uleb(code, uint32(len(body)))
		code = append(code, body...)
	}
	b = section(b, 10, code)
	return b
}

func section(b []byte, id byte, payload []byte) []byte {
	b = append(b, id)
	b = uleb(b, uint32(len(payload)))
	return append(b, payload...)
}

func str(b []byte, s string) []byte {
	b = uleb(b, uint32(len(s)))
	return append(b, s...)
}

func uleb(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func itoa(k int) string {
	if k < 10 {
		return string(rune('0' + k))
	}
	return itoa(k/10) + string(rune('0'+k%10))
}

// Spin returns the binary of a module with no imports that exports
// spin() (a loop that never ends, for wall-clock limit tests) and
// add(a, b i32) -> i32 (which returns a+b).
func Spin() []byte {
	var b []byte
	b = append(b, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00)
	// Types: t0 = () -> (), t1 = (i32, i32) -> i32.
	b = section(b, 1, []byte{0x02, 0x60, 0x00, 0x00, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f})
	b = section(b, 3, []byte{0x02, 0x00, 0x01})
	exp := uleb(nil, 2)
	exp = str(exp, "spin")
	exp = append(exp, 0x00, 0x00)
	exp = str(exp, "add")
	exp = append(exp, 0x00, 0x01)
	b = section(b, 7, exp)
	spin := []byte{0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b} // loop; br 0; end; end
	add := []byte{0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b}  // local.get 0; local.get 1; i32.add; end
	code := uleb(nil, 2)
	code = append(uleb(code, uint32(len(spin))), spin...)
	code = append(uleb(code, uint32(len(add))), add...)
	return section(b, 10, code)
}
