package profile_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/profile"
	"github.com/hostcrypto/hostcrypto/near"
	"github.com/hostcrypto/hostcrypto/soroban"
	"github.com/hostcrypto/hostcrypto/wasmbridge/hostabi"
)

// target is a catalogue function of 8-byte items (at most 4) whose output
// is one byte per item, the items' first bytes, and whose first byte 0xee
// is invalid_point.
var target = &core.Func{
	Name:     "t",
	MaxInput: 32,
	OutLen:   func(in []byte) int { return len(in) / 8 },
	Items:    func(in []byte) uint64 { return uint64(len(in) / 8) },
	Run: func(dst, in []byte) ([]byte, error) {
		if len(in)%8 != 0 {
			return dst, core.ErrMalformed
		}
		if len(in) > 0 && in[0] == 0xee {
			return dst, core.ErrInvalidPoint
		}
		for off := 0; off < len(in); off += 8 {
			dst = append(dst, in[off])
		}
		return dst, nil
	},
}

// swapHalves is a chain's order for target: its two halves swapped; an odd
// length is malformed_input, 0xff first a panic (a bug in the profile).
func swapHalves(in []byte) ([]byte, error) {
	if len(in)%2 != 0 {
		return nil, core.Errorf(core.CodeMalformed, "odd length %d", len(in))
	}
	if len(in) > 0 && in[0] == 0xff {
		panic("bug")
	}
	h := len(in) / 2
	return append(append([]byte(nil), in[h:]...), in[:h]...), nil
}

// counted returns a chain function over target rearranged by swapHalves,
// and the number of times it has rearranged an input.
func counted() (*core.Func, *int) {
	n := new(int)
	f := profile.Chain{Family: "x", Label: "X"}.Reorder("f", target, "halves swapped",
		func(in []byte) ([]byte, error) { *n++; return swapHalves(in) },
		func(in []byte) []byte { b, _ := swapHalves(in); return b })
	return f, n
}

var rule = core.Rule{Base: 1000, PerByte: 3, PerItem: 100}
var sched = &core.Schedule{Name: "s", Rules: map[string]core.Rule{"x:f": rule}}

// TestReorderConvertsOncePerCall: one call through core.Invoke, and one
// guest call through hostabi (the path of both engine adapters), rearrange
// the input once, and give the output, status and gas of target run on
// the rearranged input priced by the chain function's own rule: gas on the
// input's length and target's item count of the rearranged bytes (0 when
// rearranging fails), charged before target runs; an input over the limit
// is input_too_large with its gas charged, priced by its length alone
// and not converted; a panic while rearranging is internal_error.
func TestReorderConvertsOncePerCall(t *testing.T) {
	f, n := counted()
	if _, err := core.NewCatalogue(f, target); err != nil {
		t.Fatal(err)
	}
	seq := func(k int) []byte {
		b := make([]byte, k)
		for i := range b {
			b[i] = byte(i + 1)
		}
		return b
	}
	eeFirst := seq(16)
	eeFirst[8] = 0xee // first byte of the second half: the target's first
	ffFirst := seq(16)
	ffFirst[0] = 0xff
	for _, c := range []struct {
		name  string
		in    []byte
		out   []byte
		code  core.Code
		items uint64
	}{
		{"empty", nil, nil, 0, 0},
		{"2items", seq(16), []byte{9, 1}, 0, 2},
		{"4items", seq(32), []byte{17, 25, 1, 9}, 0, 4},
		{"odd", seq(15), nil, core.CodeMalformed, 0},
		{"target-malformed", seq(12), nil, core.CodeMalformed, 1},
		{"target-invalid", eeFirst, nil, core.CodeInvalidPoint, 2},
		{"too-large", seq(40), nil, core.CodeTooLarge, 0}, // not converted: priced by length
		{"panic", ffFirst, nil, core.CodeInternal, 0},
	} {
		wantGas := rule.Cost(uint64(len(c.in)), c.items)
		conv := 1 // conversions per call: none for an input over the limit
		if c.code == core.CodeTooLarge {
			conv = 0
		}

		*n = 0
		m := &core.Budget{Left: 1 << 40}
		out, g, err := core.Invoke(f, sched, m, nil, c.in)
		if *n != conv || !bytes.Equal(out, c.out) || core.CodeOf(err) != c.code || g != wantGas || m.Left != 1<<40-wantGas {
			t.Errorf("%s: Invoke: %d conversions, out %x code %v gas %d (charged %d); want %d, %x %v %d",
				c.name, *n, out, core.CodeOf(err), g, 1<<40-m.Left, conv, c.out, c.code, wantGas)
		}
		// Out of gas by one: nothing charged, rearranged once.
		*n = 0
		m = &core.Budget{Left: wantGas - 1}
		if _, _, err := core.Invoke(f, sched, m, nil, c.in); *n != conv || !errors.Is(err, core.ErrOutOfGas) || m.Left != wantGas-1 {
			t.Errorf("%s: Invoke out of gas: %d conversions, %v, left %d", c.name, *n, err, m.Left)
		}

		h := hostabi.NewFunc(f, sched, nil)
		mem := make([]byte, len(c.in)+8)
		copy(mem, c.in)
		*n = 0
		m = &core.Budget{Left: 1 << 40}
		r, err := h.Call(mem, 0, uint32(len(c.in)), uint32(len(c.in)), 8, m)
		want := int32(len(c.out))
		if c.code != 0 {
			want = int32(c.code)
		}
		if err != nil || *n != conv || r != want || !bytes.Equal(mem[len(c.in):len(c.in)+len(c.out)], c.out) || m.Left != 1<<40-wantGas {
			t.Errorf("%s: guest call: %d conversions, %d %v, charged %d; want 1, %d, %d", c.name, *n, r, err, 1<<40-m.Left, want, wantGas)
		}
		*n = 0
		m = &core.Budget{Left: wantGas - 1}
		var oog *hostabi.OutOfGasError
		if _, err := h.Call(mem, 0, uint32(len(c.in)), uint32(len(c.in)), 8, m); *n != conv || !errors.As(err, &oog) || oog.Price != wantGas || m.Left != wantGas-1 {
			t.Errorf("%s: guest call out of gas: %d conversions, %v, left %d", c.name, *n, err, m.Left)
		}
		// An output buffer one byte short: output_too_small, nothing
		// charged (a failed rearrangement sizes as 0: nothing is short).
		if len(c.out) > 0 {
			*n = 0
			m = &core.Budget{Left: 1 << 40}
			r, err := h.Call(mem, 0, uint32(len(c.in)), uint32(len(c.in)), uint32(len(c.out)-1), m)
			if err != nil || *n != conv || core.Code(r) != core.CodeOutputTooSmall || m.Left != 1<<40 {
				t.Errorf("%s: short output: %d conversions, %d %v, charged %d", c.name, *n, r, err, 1<<40-m.Left)
			}
		}

		// The descriptor's methods, each on its own, agree.
		if f.OutputSize(c.in) != len(c.out) && c.code == 0 || f.ItemCount(c.in) != c.items {
			t.Errorf("%s: OutputSize %d ItemCount %d", c.name, f.OutputSize(c.in), f.ItemCount(c.in))
		}
		if out, err := core.Execute(f, nil, c.in); !bytes.Equal(out, c.out) || core.CodeOf(err) != c.code {
			t.Errorf("%s: Execute: %x %v", c.name, out, err)
		}
	}
}

// TestReorderExamples: the chain's examples are target's rearranged, the
// shapes the chain does not take (fromTarget nil) left out.
func TestReorderExamples(t *testing.T) {
	tg := *target
	tg.Examples = func() []core.Example {
		return []core.Example{{Name: "a", Input: []byte{1, 2}}, {Name: "b", Input: []byte{1, 2, 3}, Worst: true}}
	}
	f := profile.Chain{Family: "x", Label: "X"}.Reorder("f", &tg, "halves swapped", swapHalves,
		func(in []byte) []byte { b, _ := swapHalves(in); return b })
	ex := f.Examples()
	if len(ex) != 1 || ex[0].Name != "a" || !bytes.Equal(ex[0].Input, []byte{2, 1}) || !ex[0].Worst {
		t.Fatalf("examples %+v", ex)
	}
}

// TestChainFunctionsConvertOnce: every chain function that rearranges its
// input (cosmwasm, near, soroban) rearranges it once per call, through
// core.Invoke and through a guest call, and gives what it gave when each
// of sizing, pricing and running rearranged it anew: target's output and
// status on the rearranged input, priced by the chain function's rule on
// the input's length and target's item count of the rearranged bytes (0
// when rearranging fails), input_too_large over the limit with its gas
// charged. Inputs: the examples, each truncated, extended, with a bit
// flipped, and empty and over-limit ones.
func TestChainFunctionsConvertOnce(t *testing.T) {
	s := gas.Default
	var fs []*core.Func
	for _, l := range [][]*core.Func{cosmwasm.Funcs(), near.Funcs(), soroban.Funcs()} {
		for _, f := range l {
			if f.Adapt != nil {
				fs = append(fs, f)
			}
		}
	}
	t.Logf("%d chain functions rearrange their input", len(fs))
	if len(fs) < 22 {
		t.Fatalf("%d chain functions rearrange their input", len(fs))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range fs {
		r, ok := s.Rules[f.Name]
		if !ok {
			t.Fatalf("%s: no rule", f.Name)
		}
		n := 0
		g := *f
		g.Adapt = func(in []byte) ([]byte, error) { n++; return f.Adapt(in) }
		h := hostabi.NewFunc(&g, s, nil)
		var inputs [][]byte
		for _, e := range f.Examples() {
			in := e.Input
			if len(in) > 1<<13 {
				continue
			}
			inputs = append(inputs, in, append(bytes.Clone(in), 0))
			if len(in) > 0 {
				b := bytes.Clone(in)
				b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
				inputs = append(inputs, in[:len(in)-1], b)
			}
		}
		if len(inputs) == 0 {
			t.Fatalf("%s: no example", f.Name)
		}
		inputs = append(inputs, nil)
		if l := f.InputLimit(); l <= 1<<21 {
			inputs = append(inputs, make([]byte, l+1))
		}
		for i, in := range inputs {
			// What the call gave before: each step rearranging anew.
			// An input over the limit is not converted: priced by its
			// length alone, then refused.
			target := f.Targets[0]
			tin, terr := f.Adapt(in)
			over := len(in) > f.InputLimit()
			var items uint64
			size := 0
			if terr == nil && !over {
				items, size = target.ItemCount(tin), target.OutputSize(tin)
			}
			wantConv := 1
			if over {
				wantConv = 0
			}
			wantGas := r.Cost(uint64(len(in)), items)
			var wantOut []byte
			var wantErr error
			switch {
			case len(in) > f.InputLimit():
				wantErr = core.ErrTooLarge
			case terr != nil:
				wantErr = terr
			default:
				wantOut, wantErr = core.Execute(target, nil, tin)
			}

			n = 0
			out, gs, err := core.Invoke(&g, s, core.Unlimited{}, nil, in)
			if n != wantConv || !bytes.Equal(out, wantOut) || core.CodeOf(err) != core.CodeOf(wantErr) || gs != wantGas {
				t.Errorf("%s input %d (%d bytes): Invoke: %d conversions, out %x %v gas %d; want %d, %x %v %d",
					f.Name, i, len(in), n, out, err, gs, wantConv, wantOut, wantErr, wantGas)
			}
			mem := make([]byte, len(in)+size)
			copy(mem, in)
			n = 0
			m := &core.Budget{Left: wantGas}
			res, err := h.Call(mem, 0, uint32(len(in)), uint32(len(in)), uint32(size), m)
			want := int32(len(wantOut))
			if wantErr != nil {
				want = int32(core.CodeOf(wantErr))
			}
			if err != nil || n != wantConv || res != want || m.Left != 0 || !bytes.Equal(mem[len(in):len(in)+len(wantOut)], wantOut) {
				t.Errorf("%s input %d (%d bytes): guest call: %d conversions, %d %v, %d gas left; want %d, %d, 0",
					f.Name, i, len(in), n, res, err, m.Left, wantConv, want)
			}
		}
	}
}
