// Package wire is the one byte-level layer under the host functions'
// encodings: length-prefixed sections (a 4-byte big-endian length, then
// that many bytes), their strict parser and their writer, and AllZero.
// Every parse error is core.ErrMalformed, prefixed with the caller's name
// (the function or format it parses) and the section's index.
package wire

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
)

// Prefixed splits the first k length-prefixed sections off in and returns
// them and what follows them. A missing length or a length past the end of
// the input is an error; no section is copied.
func Prefixed(in []byte, k int, who string) (secs [][]byte, rest []byte, err error) {
	secs = make([][]byte, 0, k)
	for i := range k {
		if len(in) < 4 {
			return nil, nil, core.Errorf(core.CodeMalformed, "%s: section %d: length missing", who, i)
		}
		n := binary.BigEndian.Uint32(in)
		in = in[4:]
		if uint64(n) > uint64(len(in)) {
			return nil, nil, core.Errorf(core.CodeMalformed, "%s: section %d: length %d exceeds the %d bytes left", who, i, n, len(in))
		}
		secs = append(secs, in[:n])
		in = in[n:]
	}
	return secs, in, nil
}

// Sections splits in into exactly k length-prefixed sections: Prefixed,
// then nothing may follow the last one.
func Sections(in []byte, k int, who string) ([][]byte, error) {
	secs, rest, err := Prefixed(in, k, who)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, core.Errorf(core.CodeMalformed, "%s: %d trailing bytes after the %d sections", who, len(rest), k)
	}
	return secs, nil
}

// AppendSections appends each part to dst as a length-prefixed section.
func AppendSections(dst []byte, parts ...[]byte) []byte {
	for _, p := range parts {
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(p)))
		dst = append(dst, p...)
	}
	return dst
}

// AllZero reports whether every byte of b is zero (true for an empty b).
func AllZero(b []byte) bool {
	var acc byte
	for _, c := range b {
		acc |= c
	}
	return acc == 0
}

// Reader walks an encoding left to right with bounds checks on every read
// and on every count read from it, so that no header can make its caller
// allocate more than the input could hold. Errors are sticky: after the
// first, every read returns zero values and Err returns that error. Its
// own errors are core.ErrMalformed, prefixed with the name NewReader got.
type Reader struct {
	b   []byte
	who string
	err error
}

// NewReader returns a Reader of b whose errors name who.
func NewReader(b []byte, who string) Reader { return Reader{b: b, who: who} }

// Err returns the first error, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records a core.ErrMalformed error (prefixed) unless one is recorded.
func (r *Reader) Fail(format string, args ...any) {
	if r.err == nil {
		r.err = core.Errorf(core.CodeMalformed, r.who+": "+format, args...)
	}
}

// SetErr records err unless an error is recorded.
func (r *Reader) SetErr(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Len returns the number of bytes left.
func (r *Reader) Len() int { return len(r.b) }

// Rest returns the bytes left, without consuming them.
func (r *Reader) Rest() []byte { return r.b }

// Peek returns the next byte without consuming it; 0 when none is left.
func (r *Reader) Peek() byte {
	if len(r.b) == 0 {
		return 0
	}
	return r.b[0]
}

// Next returns the next n bytes (capacity n), or nil after an error or when
// fewer are left ("truncated").
func (r *Reader) Next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.Fail("truncated")
		return nil
	}
	s := r.b[:n:n]
	r.b = r.b[n:]
	return s
}

// U32 reads a big-endian uint32.
func (r *Reader) U32() uint32 {
	b := r.Next(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

// U64 reads a big-endian uint64.
func (r *Reader) U64() uint64 {
	b := r.Next(8)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// Count reads a big-endian uint32 count (or length) and checks that that
// many items of at least minSize bytes each fit in what is left.
func (r *Reader) Count(minSize int) int {
	n := r.U32()
	if r.err != nil {
		return 0
	}
	if uint64(n)*uint64(minSize) > uint64(len(r.b)) {
		r.Fail("count or length %d exceeds the input", n)
		return 0
	}
	return int(n)
}

// Done records an error unless every byte was consumed, and returns Err.
func (r *Reader) Done() error {
	if r.err == nil && len(r.b) != 0 {
		r.Fail("%d trailing bytes", len(r.b))
	}
	return r.err
}
