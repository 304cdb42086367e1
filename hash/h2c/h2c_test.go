package h2c

import (
	"bytes"
	"errors"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

func TestSplitInput(t *testing.T) {
	for _, c := range []struct {
		in       []byte
		dst, msg string
		err      bool
	}{
		{nil, "", "", true},
		{[]byte{0}, "", "", true},
		{[]byte{0, 'm'}, "", "", true},
		{[]byte{2, 'D'}, "", "", true},
		{[]byte{1, 'D'}, "D", "", false},
		{[]byte{2, 'D', 'T', 'm', 's', 'g'}, "DT", "msg", false},
	} {
		dst, msg, err := SplitInput(c.in)
		if (err != nil) != c.err || (err == nil && (string(dst) != c.dst || string(msg) != c.msg)) {
			t.Errorf("SplitInput(%x) = %q, %q, %v", c.in, dst, msg, err)
		}
		if err != nil && !errors.Is(err, ErrDST) {
			t.Errorf("SplitInput(%x): error %v is not ErrDST", c.in, err)
		}
	}
}

// TestAppendAndLengths checks the append contract and the EIP-2537 sizes and
// padding under every backend, and that an empty or 256-byte DST is refused.
func TestAppendAndLengths(t *testing.T) {
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		prefix := []byte("keep")
		g1, err := AppendHashToG1(append([]byte(nil), prefix...), []byte("msg"), []byte("DST"))
		if err != nil || !bytes.HasPrefix(g1, prefix) || len(g1) != len(prefix)+G1Len {
			t.Fatalf("G1: %x, %v", g1, err)
		}
		g2, err := AppendHashToG2(nil, []byte("msg"), []byte("DST"))
		if err != nil || len(g2) != G2Len {
			t.Fatalf("G2: %x, %v", g2, err)
		}
		for i := 0; i < G2Len; i += 64 {
			if !bytes.Equal(g2[i:i+16], make([]byte, 16)) {
				t.Fatalf("G2 element %d has non-zero padding", i/64)
			}
		}
		for _, dst := range [][]byte{nil, bytes.Repeat([]byte{'D'}, 256)} {
			if _, err := AppendHashToG1(nil, nil, dst); !errors.Is(err, ErrDST) {
				t.Errorf("G1 with a %d-byte DST: %v", len(dst), err)
			}
			if _, err := AppendHashToG2(nil, nil, dst); !errors.Is(err, ErrDST) {
				t.Errorf("G2 with a %d-byte DST: %v", len(dst), err)
			}
		}
	})
}
