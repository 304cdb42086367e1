package zk

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
)

// gnark's binary formats (gnark v0.16.1, unchanged since v0.9): points as
// gnark-crypto encodes them, compressed (WriteTo) or uncompressed
// (WriteRawTo); the two most significant bits of a BN254 point's first byte
// say which (00: uncompressed, else compressed). Slices are a 4-byte
// big-endian length followed by the elements; integers are big-endian.

//go:generate go run ./internal/gengroth16

// The verifiers of the two curves (gnark_groth16_bn254.go,
// gnark_groth16_bls12381.go) are generated from one template by
// internal/gengroth16: edit the template, then go generate ./zk.

// reader walks a gnark encoding with bounds checks on every length read
// from it, so that no header can make it allocate more than the input could
// hold. Errors are sticky: after the first, every read returns zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = core.Errorf(core.CodeMalformed, "zk: "+format, args...)
	}
}

func (r *reader) setErr(err error) {
	if r.err == nil {
		r.err = err
	}
}

// next returns the next n bytes.
func (r *reader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.fail("truncated gnark encoding")
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) u32() uint32 {
	b := r.next(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *reader) u64() uint64 {
	b := r.next(8)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// count reads a 4-byte slice length and checks that that many elements of
// at least minSize bytes each fit in what is left.
func (r *reader) count(minSize int) int {
	n := r.u32()
	if r.err != nil {
		return 0
	}
	if uint64(n)*uint64(minSize) > uint64(len(r.b)) {
		r.fail("slice length %d exceeds the input", n)
		return 0
	}
	return int(n)
}

// done fails unless every byte was consumed.
func (r *reader) done() error {
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	return r.err
}
