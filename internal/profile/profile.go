// Package profile builds the descriptors of a chain profile (cosmwasm,
// near, soroban): a chain's host function under its own name, forwarding
// to the catalogue function that serves it (core.Func.Targets), with the
// input unchanged or its arguments rearranged into the target's order.
package profile

import "github.com/hostcrypto/hostcrypto/core"

// Chain names a profile: Family is its catalogue family and the prefix of
// its function names ("near" gives "near:<name>"), Label how its docs name
// the chain ("NEAR").
type Chain struct{ Family, Label string }

// Alias returns "<family>:<name>" forwarding to target with target's
// input unchanged.
func (c Chain) Alias(name string, target *core.Func, layout string) *core.Func {
	return &core.Func{
		Name:     c.Family + ":" + name,
		Family:   c.Family,
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + ": as " + target.Name + " (" + c.Label + " " + name + ")",
		Output:   "as " + target.Name,
		OutLen:   target.OutputSize,
		Items:    target.ItemCount,
		Examples: target.Examples,
		Run: func(dst, in []byte) ([]byte, error) {
			return core.Execute(target, dst, in)
		},
	}
}

// Reorder returns "<family>:<name>" whose input is target's with its
// arguments in the chain's order: toTarget rearranges an input (a copy at
// most, or an error) and is the descriptor's core.Func.Adapt, so a call
// rearranges its input once and target sizes, counts and runs the result;
// fromTarget rearranges target's examples, or returns nil for a shape the
// chain does not take.
func (c Chain) Reorder(name string, target *core.Func, layout string, toTarget func([]byte) ([]byte, error), fromTarget func([]byte) []byte) *core.Func {
	return &core.Func{
		Name:     c.Family + ":" + name,
		Family:   c.Family,
		MaxInput: target.InputLimit(),
		Targets:  []*core.Func{target},
		Input:    layout + " (" + c.Label + " " + name + ")",
		Output:   "as " + target.Name,
		Adapt:    toTarget,
		Examples: func() []core.Example {
			var ex []core.Example
			worst := false
			for _, e := range target.Examples() {
				if in := fromTarget(e.Input); in != nil {
					ex = append(ex, core.Example{Name: e.Name, Input: in, Worst: e.Worst})
					worst = worst || e.Worst
				}
			}
			// When the target's worst shape is one the chain does not take
			// (a compressed key), the shapes left are the worst it takes.
			for i := range ex {
				ex[i].Worst = ex[i].Worst || !worst
			}
			return ex
		},
	}
}
