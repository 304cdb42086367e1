package wire_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

func TestSections(t *testing.T) {
	in := wire.AppendSections(nil, []byte("ab"), nil, []byte("cde"))
	if want := []byte{0, 0, 0, 2, 'a', 'b', 0, 0, 0, 0, 0, 0, 0, 3, 'c', 'd', 'e'}; !bytes.Equal(in, want) {
		t.Fatalf("AppendSections = %x, want %x", in, want)
	}
	secs, err := wire.Sections(in, 3, "t")
	if err != nil || len(secs) != 3 || string(secs[0]) != "ab" || len(secs[1]) != 0 || string(secs[2]) != "cde" {
		t.Fatalf("Sections = %q, %v", secs, err)
	}
	secs, rest, err := wire.Prefixed(in, 2, "t")
	if err != nil || len(secs) != 2 || !bytes.Equal(rest, in[10:]) {
		t.Fatalf("Prefixed = %q, %x, %v", secs, rest, err)
	}
	for _, bad := range []struct {
		in []byte
		k  int
	}{
		{in[:len(in)-1], 3},                  // last section truncated
		{in[:12], 3},                         // length of section 2 cut
		{append(in[:len(in):len(in)], 0), 3}, // trailing byte
		{in, 4},                              // one section missing
		{[]byte{0xff, 0xff, 0xff, 0xff}, 1},  // length past the end, no allocation
	} {
		if _, err := wire.Sections(bad.in, bad.k, "t"); !errors.Is(err, core.ErrMalformed) {
			t.Errorf("Sections(%x, %d): %v, want malformed", bad.in, bad.k, err)
		}
	}
}

func TestAllZero(t *testing.T) {
	if !wire.AllZero(nil) || !wire.AllZero(make([]byte, 48)) {
		t.Fatal("zeros not all zero")
	}
	for i := range 48 {
		b := make([]byte, 48)
		b[i] = 0x80
		if wire.AllZero(b) {
			t.Fatalf("byte %d set, AllZero true", i)
		}
	}
}

func TestReader(t *testing.T) {
	in := []byte{0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7, 0xaa, 0xbb}
	r := wire.NewReader(in, "t")
	if n := r.Count(1); n != 2 {
		t.Fatalf("Count = %d", n)
	}
	if v := r.U64(); v != 7 || r.Peek() != 0xaa || r.Len() != 2 {
		t.Fatalf("U64 = %d, Peek %x, Len %d", v, r.Peek(), r.Len())
	}
	if b := r.Next(2); !bytes.Equal(b, []byte{0xaa, 0xbb}) || cap(b) != 2 || r.Done() != nil {
		t.Fatalf("Next = %x (cap %d), Done %v", b, cap(b), r.Done())
	}
	for _, c := range []struct {
		in   []byte
		read func(r *wire.Reader)
	}{
		{[]byte{0, 0, 0}, func(r *wire.Reader) { r.U32() }},
		{[]byte{0, 0, 0, 3, 1, 2}, func(r *wire.Reader) { r.Count(1) }},
		{[]byte{0, 0, 0, 1, 1, 2}, func(r *wire.Reader) { r.Count(4) }},
		{[]byte{1}, func(r *wire.Reader) {}},
		{nil, func(r *wire.Reader) { r.Next(-1) }},
	} {
		r := wire.NewReader(c.in, "t")
		c.read(&r)
		if err := r.Done(); !errors.Is(err, core.ErrMalformed) {
			t.Errorf("%x: %v, want malformed", c.in, err)
		}
		if r.Next(0) != nil || r.U32() != 0 {
			t.Errorf("%x: reads after an error return values", c.in)
		}
	}
}
