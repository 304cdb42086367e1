package core

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestCodesClosedAndNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Codes() {
		n := c.String()
		if seen[n] || c >= 0 {
			t.Fatalf("code %d name %q duplicate or non-negative", c, n)
		}
		seen[n] = true
		if back, ok := CodeByName(n); !ok || back != c {
			t.Fatalf("CodeByName(%q) = %d", n, back)
		}
	}
}

func TestErrorMatching(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", Errorf(CodeInvalidPoint, "x not on curve"))
	if !errors.Is(err, ErrInvalidPoint) || errors.Is(err, ErrMalformed) {
		t.Fatal("errors.Is by code failed")
	}
	if CodeOf(err) != CodeInvalidPoint || CodeOf(nil) != 0 || CodeOf(errors.New("x")) != CodeInternal {
		t.Fatal("CodeOf")
	}
}

func TestRuleSaturates(t *testing.T) {
	r := Rule{Base: 10, PerByte: math.MaxUint64 / 2, PerItem: 1}
	if got := r.Cost(3, 0); got != math.MaxUint64 {
		t.Fatalf("overflow not saturated: %d", got)
	}
	if got := (Rule{Base: 5, PerByte: 2, PerItem: 7}).Cost(10, 3); got != 5+20+21 {
		t.Fatalf("cost %d", got)
	}
}

func TestInvokeOrder(t *testing.T) {
	ran := 0
	f := &Func{Name: "t", MaxInput: 8, FixedOut: 1,
		Items: func(in []byte) uint64 { return uint64(len(in) / 4) },
		Run: func(dst, in []byte) ([]byte, error) {
			ran++
			if len(in) == 0 {
				return dst, ErrMalformed
			}
			if in[0] == 0xff {
				panic("bug")
			}
			return append(dst, in[0]), nil
		}}
	s := &Schedule{Name: "s", Rules: map[string]Rule{"t": {Base: 100, PerByte: 10, PerItem: 1000}}}

	// Out of gas: nothing charged, nothing run.
	b := &Budget{Left: 100 + 40 + 1000 - 1}
	if _, gas, err := Invoke(f, s, b, nil, []byte{1, 2, 3, 4}); !errors.Is(err, ErrOutOfGas) || gas != 0 || b.Left != 1139 || ran != 0 {
		t.Fatalf("out of gas: gas=%d err=%v left=%d ran=%d", gas, err, b.Left, ran)
	}
	// Exact budget runs.
	b.Left = 1140
	if out, gas, err := Invoke(f, s, b, nil, []byte{1, 2, 3, 4}); err != nil || gas != 1140 || b.Left != 0 || len(out) != 1 {
		t.Fatalf("exact: %x %d %v %d", out, gas, err, b.Left)
	}
	// Too large: charged, not run.
	ran = 0
	if _, gas, err := Invoke(f, s, Unlimited{}, nil, make([]byte, 9)); !errors.Is(err, ErrTooLarge) || gas == 0 || ran != 0 {
		t.Fatalf("too large: %d %v %d", gas, err, ran)
	}
	// Malformed: charged, error code, output untouched.
	dst := []byte{7}
	if out, gas, err := Invoke(f, s, nil, dst, nil); !errors.Is(err, ErrMalformed) || gas != 100 || len(out) != 1 {
		t.Fatalf("malformed: %x %d %v", out, gas, err)
	}
	// A panic becomes CodeInternal.
	if _, _, err := Invoke(f, s, nil, nil, []byte{0xff}); CodeOf(err) != CodeInternal {
		t.Fatalf("panic: %v", err)
	}
	// Unpriced function: unsupported under this schedule.
	g := &Func{Name: "u", Run: f.Run}
	if _, _, err := Invoke(g, s, nil, nil, []byte{1}); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("unpriced: %v", err)
	}
}

func TestScheduleJSONRoundTrip(t *testing.T) {
	s := &Schedule{Name: "x", Rules: map[string]Rule{"a": {1, 2, 3}}}
	b, err := s.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseSchedule(b)
	if err != nil || back.Rules["a"] != (Rule{1, 2, 3}) {
		t.Fatalf("%v %+v", err, back)
	}
	if _, err := ParseSchedule([]byte(`{"name":"empty"}`)); err == nil {
		t.Fatal("schedule without rules accepted")
	}
	c := MustCatalogue(&Func{Name: "a", Run: func(d, _ []byte) ([]byte, error) { return d, nil }},
		&Func{Name: "b", Run: func(d, _ []byte) ([]byte, error) { return d, nil }})
	if m := s.Missing(c); len(m) != 1 || m[0] != "b" {
		t.Fatalf("missing %v", m)
	}
}

func TestNewCatalogue(t *testing.T) {
	run := func(d, _ []byte) ([]byte, error) { return d, nil }
	a, b := &Func{Name: "a", Run: run}, &Func{Name: "b", Run: run}
	c, err := NewCatalogue(b, a, a)
	if err != nil || c.Len() != 2 || c.Funcs()[0] != a || c.Funcs()[1] != b {
		t.Fatalf("%v %v", c, err)
	}
	if f, ok := c.Lookup("b"); !ok || f != b {
		t.Fatal("Lookup")
	}
	c.Funcs()[0] = b // a copy: the catalogue is immutable
	if c.Funcs()[0] != a {
		t.Fatal("Funcs exposes the catalogue's slice")
	}
	for _, bad := range [][]*Func{
		{a, {Name: "a", Run: run}}, // two descriptors, one name
		{{Name: "", Run: run}},
		{{Name: "x"}},
		{nil},
	} {
		if _, err := NewCatalogue(bad...); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if out, g, err := c.Call("a", &Schedule{Rules: map[string]Rule{"a": {Base: 3}}}, nil, []byte{1}); err != nil || g != 3 || len(out) != 0 {
		t.Fatalf("Call: %x %d %v", out, g, err)
	}
	if _, _, err := c.Call("zz", &Schedule{}, nil, nil); CodeOf(err) != CodeUnknownFunction {
		t.Fatalf("unknown: %v", err)
	}
}
