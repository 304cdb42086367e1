package core

import (
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"sort"
)

// Rule is one function's gas rule:
//
//	gas = Base + PerByte*len(input) + PerItem*items(input)
//
// computed before any work, saturating at math.MaxUint64.
type Rule struct {
	Base    uint64 `json:"base"`
	PerByte uint64 `json:"per_byte"`
	PerItem uint64 `json:"per_item"`
}

// Schedule maps function names to rules. Functions with their own Gas rule
// (the EVM profile) ignore the schedule.
type Schedule struct {
	Name  string          `json:"name"`
	Note  string          `json:"note,omitempty"`
	Rules map[string]Rule `json:"rules"`
}

// Gas returns the gas f costs on in under s. A function without its own rule
// and without an entry in s is unsupported under s.
func (s *Schedule) Gas(f *Func, in []byte) (uint64, error) {
	c := Prepare(f, in)
	return s.callGas(&c)
}

func (s *Schedule) callGas(c *Call) (uint64, error) {
	if c.f.Gas != nil {
		return c.f.Gas(c.in), nil
	}
	r, ok := s.Rules[c.f.Name]
	if !ok {
		return 0, Errorf(CodeUnsupported, "schedule %q has no rule for %s", s.Name, c.f.Name)
	}
	return r.Cost(uint64(len(c.in)), c.ItemCount()), nil
}

// Pricer returns f's price function under s, resolved once: engines that
// build per-function state call it at set-up so that pricing a call does no
// map look-up. An engine that also sizes and runs the call uses
// CallPricer, so that a function with Adapt converts its input once.
func (s *Schedule) Pricer(f *Func) (func(in []byte) uint64, error) {
	if f.Gas != nil {
		return f.Gas, nil
	}
	r, ok := s.Rules[f.Name]
	if !ok {
		return nil, Errorf(CodeUnsupported, "schedule %q has no rule for %s", s.Name, f.Name)
	}
	return func(in []byte) uint64 { return r.Cost(uint64(len(in)), f.ItemCount(in)) }, nil
}

// CallPricer is Pricer for a prepared call of f (Prepare(f, in)): the
// price of in, with the item count of the bytes the call converted it to
// (core.Func.Adapt), so that an engine that sizes, prices and runs the
// call converts its input once. The call is passed by value so that
// pricing does not allocate.
func (s *Schedule) CallPricer(f *Func) (func(c Call) uint64, error) {
	if f.Gas != nil {
		g := f.Gas
		return func(c Call) uint64 { return g(c.in) }, nil
	}
	r, ok := s.Rules[f.Name]
	if !ok {
		return nil, Errorf(CodeUnsupported, "schedule %q has no rule for %s", s.Name, f.Name)
	}
	return func(c Call) uint64 { return r.Cost(uint64(len(c.in)), c.ItemCount()) }, nil
}

// Cost evaluates the rule, saturating on overflow.
func (r Rule) Cost(n, items uint64) uint64 {
	total := r.Base
	total = satAdd(total, satMul(r.PerByte, n))
	total = satAdd(total, satMul(r.PerItem, items))
	return total
}

func satMul(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	if hi != 0 {
		return math.MaxUint64
	}
	return lo
}

func satAdd(a, b uint64) uint64 {
	s, c := bits.Add64(a, b, 0)
	if c != 0 {
		return math.MaxUint64
	}
	return s
}

// ParseSchedule reads a schedule from JSON.
func ParseSchedule(data []byte) (*Schedule, error) {
	var s Schedule
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("core: schedule: %w", err)
	}
	if s.Rules == nil {
		return nil, fmt.Errorf("core: schedule %q has no rules", s.Name)
	}
	return &s, nil
}

// MarshalIndent writes the schedule as stable, sorted JSON.
func (s *Schedule) MarshalIndent() ([]byte, error) {
	return json.MarshalIndent(s, "", "  ")
}

// Missing lists the functions of c that neither have their own gas rule
// nor a rule in s.
func (s *Schedule) Missing(c *Catalogue) []string {
	var out []string
	for _, f := range c.Funcs() {
		if f.Gas == nil {
			if _, ok := s.Rules[f.Name]; !ok {
				out = append(out, f.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}
