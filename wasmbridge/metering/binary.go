package metering

import (
	"fmt"
	"math"
)

// parseError is panicked by the reader and recovered by Instrument only.
type parseError struct{ err error }

func failf(base error, format string, args ...any) {
	panic(parseError{fmt.Errorf("%w: "+format, append([]any{base}, args...)...)})
}

// reader decodes the WebAssembly binary format.
type reader struct {
	b   []byte
	off int
}

func (r *reader) eof() bool { return r.off >= len(r.b) }

func (r *reader) byte() byte {
	if r.off >= len(r.b) {
		failf(ErrMalformed, "unexpected end")
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)-r.off) {
		failf(ErrMalformed, "unexpected end")
	}
	s := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// u32 reads an unsigned LEB128 of at most 5 bytes.
func (r *reader) u32() uint32 {
	var v uint64
	for shift := 0; ; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > math.MaxUint32 {
				failf(ErrMalformed, "integer too large")
			}
			return uint32(v)
		}
		if shift >= 28 {
			failf(ErrMalformed, "integer representation too long")
		}
	}
}

// sleb reads a signed LEB128 of at most bits bits and returns its value.
func (r *reader) sleb(bits int) int64 {
	var v int64
	shift := 0
	for {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
		if shift >= bits {
			failf(ErrMalformed, "integer representation too long")
		}
	}
}

func (r *reader) name() string { return string(r.bytes(uint64(r.u32()))) }

func appendU32(b []byte, v uint32) []byte {
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

func appendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}

func appendSection(b []byte, id byte, payload []byte) []byte {
	b = append(b, id)
	b = appendU32(b, uint32(len(payload)))
	return append(b, payload...)
}

// Value types.
const (
	tI32       = 0x7f
	tI64       = 0x7e
	tF32       = 0x7d
	tF64       = 0x7c
	tV128      = 0x7b
	tFuncref   = 0x70
	tExternref = 0x6f
)

func (r *reader) valtype() byte {
	t := r.byte()
	switch t {
	case tI32, tI64, tF32, tF64, tFuncref, tExternref:
		return t
	case tV128:
		failf(ErrUnsupported, "SIMD (v128)")
	}
	failf(ErrUnsupported, "value type 0x%02x", t)
	return 0
}

func (r *reader) reftype() byte {
	t := r.byte()
	if t != tFuncref && t != tExternref {
		failf(ErrUnsupported, "reference type 0x%02x", t)
	}
	return t
}

// limits reads table or memory limits; memories reject shared (threads)
// and 64-bit forms.
func (r *reader) limits(memory bool) {
	flags := r.byte()
	switch {
	case flags == 0:
		r.u32()
	case flags == 1:
		r.u32()
		r.u32()
	case memory && flags&2 != 0:
		failf(ErrUnsupported, "shared memory (threads)")
	case memory && flags&4 != 0:
		failf(ErrUnsupported, "memory64")
	default:
		failf(ErrUnsupported, "limits flags 0x%02x", flags)
	}
}
