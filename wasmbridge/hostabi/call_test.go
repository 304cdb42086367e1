package hostabi_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

func sha(t testing.TB) (*hostabi.Func, uint64) {
	f := hash.SHA256
	r := gas.Default.Rules["sha256"]
	return hostabi.NewFunc(f, gas.Default, nil), r.Base + 32*r.PerByte
}

func TestRange(t *testing.T) {
	mem := make([]byte, 100)
	cases := []struct {
		ptr, n uint32
		ok     bool
	}{{0, 0, true}, {0, 100, true}, {100, 0, true}, {99, 1, true}, {99, 2, false}, {101, 0, false},
		{0xffffffff, 2, false}, {1, 0xffffffff, false}, {0xffffffff, 0xffffffff, false}}
	for _, c := range cases {
		b, ok := hostabi.Range(mem, c.ptr, c.n)
		if ok != c.ok || (ok && (len(b) != int(c.n) || cap(b) != int(c.n))) {
			t.Errorf("Range(%d, %d) = len %d cap %d, %v; want ok=%v", c.ptr, c.n, len(b), cap(b), ok, c.ok)
		}
	}
}

func TestCall(t *testing.T) {
	h, price := sha(t)
	mem := make([]byte, 4096)
	for i := range mem {
		mem[i] = byte(i)
	}
	b := &core.Budget{Left: 10 * price}

	// Output over its own input.
	want := sha256.Sum256(mem[100:132])
	n, err := h.Call(mem, 100, 32, 100, 32, b)
	if err != nil || n != 32 || !bytes.Equal(mem[100:132], want[:]) || b.Left != 9*price {
		t.Fatalf("aliased call: n=%d err=%v left=%d", n, err, b.Left)
	}
	// Output too small: a code, nothing charged.
	if n, err := h.Call(mem, 0, 32, 0, 31, b); err != nil || core.Code(n) != core.CodeOutputTooSmall || b.Left != 9*price {
		t.Fatalf("small output: %d %v", n, err)
	}
	// Bounds before anything else.
	var me *hostabi.MemoryError
	if _, err := h.Call(mem, 4096-31, 32, 0, 32, b); !errors.As(err, &me) || me.What != "input" {
		t.Fatalf("input out of bounds: %v", err)
	}
	if _, err := h.Call(mem, 0, 32, 0xffffffe0, 0x40, b); !errors.As(err, &me) || me.What != "output" {
		t.Fatalf("wrapping output: %v", err)
	}
	if _, err := h.Call(nil, 0, 0, 0, 32, b); !errors.As(err, &me) || me.What != "memory" {
		t.Fatalf("no memory: %v", err)
	}
	var mr *hostabi.MeterError
	if _, err := h.Call(mem, 0, 32, 0, 32, nil); !errors.As(err, &mr) {
		t.Fatalf("no meter: %v", err)
	}
	// Out of gas: nothing charged, nothing written.
	b.Left = price - 1
	before := bytes.Clone(mem[200:232])
	var oog *hostabi.OutOfGasError
	if _, err := h.Call(mem, 0, 32, 200, 32, b); !errors.As(err, &oog) || oog.Price != price || oog.Remaining != price-1 {
		t.Fatalf("out of gas: %v", err)
	}
	if b.Left != price-1 || !bytes.Equal(mem[200:232], before) {
		t.Fatal("charged or written on an out-of-gas trap")
	}
	// Zero-length input at the very end of memory.
	b.Left = price
	if n, err := h.Call(mem, 4096, 0, 0, 32, b); err != nil || n != 32 {
		t.Fatalf("empty input at the end: %d %v", n, err)
	}
}

func TestCallZeroAlloc(t *testing.T) {
	h, _ := sha(t)
	mem := make([]byte, 1024)
	m := core.Unlimited{}
	h.Call(mem, 0, 32, 64, 32, m) // warm the pool
	if a := testing.AllocsPerRun(1000, func() { h.Call(mem, 0, 32, 64, 32, m) }); a != 0 {
		t.Fatalf("%v allocations per call", a)
	}
}
