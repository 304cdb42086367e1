package core_test

import (
	"bytes"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

// TestAdaptedDescriptors: a catalogue takes a function with Adapt only
// with the target it adapts its input for, and without sizing, counting
// or running of its own (which the call path would not use).
func TestAdaptedDescriptors(t *testing.T) {
	tg := &core.Func{Name: "t", FixedOut: 1, Run: func(dst, in []byte) ([]byte, error) { return append(dst, byte(len(in))), nil }}
	adapt := func(in []byte) ([]byte, error) { return append(in[:len(in):len(in)], 0), nil }
	run := tg.Run
	for _, c := range []struct {
		f  *core.Func
		ok bool
	}{
		{&core.Func{Name: "a", Adapt: adapt, Targets: []*core.Func{tg}}, true},
		{&core.Func{Name: "a", Adapt: adapt}, false},
		{&core.Func{Name: "a", Adapt: adapt, Targets: []*core.Func{nil}}, false},
		{&core.Func{Name: "a", Adapt: adapt, Targets: []*core.Func{tg}, Run: run}, false},
		{&core.Func{Name: "a", Adapt: adapt, Targets: []*core.Func{tg}, OutLen: func([]byte) int { return 1 }}, false},
		{&core.Func{Name: "a", Adapt: adapt, Targets: []*core.Func{tg}, Items: func([]byte) uint64 { return 1 }}, false},
		{&core.Func{Name: "a", Targets: []*core.Func{tg}}, false},
	} {
		if _, err := core.NewCatalogue(c.f, tg); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c.f, err)
		}
	}
	// Outside a catalogue, a call of an adapted function without a target
	// is an internal_error, not a panic.
	out, _, err := core.Invoke(&core.Func{Name: "a", Adapt: adapt}, &core.Schedule{Rules: map[string]core.Rule{"a": {}}}, nil, nil, []byte{1})
	if core.CodeOf(err) != core.CodeInternal || out != nil {
		t.Errorf("no target: %x %v", out, err)
	}
}

// TestPrice: Price of a prepared call is Pricer's and
// Schedule.Gas on the input, for a scheduled function, one with its own
// gas rule and an adapted one (its own rule, its target's item count of
// the converted bytes); a function the schedule does not price is
// unsupported.
func TestPrice(t *testing.T) {
	tg := &core.Func{Name: "t", FixedOut: 1, Items: func(in []byte) uint64 { return uint64(len(in)) },
		Run: func(dst, in []byte) ([]byte, error) { return append(dst, byte(len(in))), nil }}
	twice := &core.Func{Name: "a", Targets: []*core.Func{tg},
		Adapt: func(in []byte) ([]byte, error) { return append(bytes.Clone(in), in...), nil }}
	own := &core.Func{Name: "o", Gas: func(in []byte) uint64 { return 7 * uint64(len(in)) }, Run: tg.Run}
	s := &core.Schedule{Name: "s", Rules: map[string]core.Rule{"t": {Base: 1, PerByte: 10, PerItem: 100}, "a": {Base: 2, PerByte: 20, PerItem: 200}}}
	in := []byte{1, 2, 3}
	for _, c := range []struct {
		f    *core.Func
		want uint64
	}{{tg, 1 + 30 + 300}, {twice, 2 + 60 + 1200}, {own, 21}} {
		p, err := s.Price(c.f)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := s.Pricer(c.f)
		g, _ := s.Gas(c.f, in)
		var call core.Call
		call.Prepare(c.f, in)
		if got := p.Of(&call); got != c.want || q(in) != c.want || g != c.want {
			t.Errorf("%s: Price %d, Pricer %d, Gas %d; want %d", c.f.Name, got, q(in), g, c.want)
		}
	}
	if _, err := s.Price(&core.Func{Name: "x", Run: tg.Run}); core.CodeOf(err) != core.CodeUnsupported {
		t.Errorf("unpriced: %v", err)
	}
	var c core.Call
	c.Prepare(twice, in)
	if c.OutputSize() != 1 || c.ItemCount() != 6 || twice.OutputSize(in) != 1 || twice.ItemCount(in) != 6 {
		t.Errorf("adapted sizes: %d %d", c.OutputSize(), c.ItemCount())
	}
	if out, err := c.Execute([]byte{9}); err != nil || !bytes.Equal(out, []byte{9, 6}) {
		t.Errorf("adapted run: %x %v", out, err)
	}
}
