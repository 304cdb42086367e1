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
