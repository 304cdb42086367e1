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
	p, err := s.Price(f)
	if err != nil {
		return 0, err
	}
	var c Call
	c.Prepare(f, in)
	return p.Of(&c), nil
}

// Pricer returns f's price function under s, resolved once: engines that
// build per-function state call it at set-up so that pricing a call does no
// map look-up. An engine that also sizes and runs the call uses Price,
// so that a function with Adapt converts its input once.
func (s *Schedule) Pricer(f *Func) (func(in []byte) uint64, error) {
	p, err := s.Price(f)
	if err != nil {
		return nil, err
	}
	if p.gas != nil {
		return p.gas, nil
	}
	return func(in []byte) uint64 {
		var c Call
		c.Prepare(f, in)
		return p.Of(&c)
	}, nil
}

// Price is a function's price under a schedule, resolved once
// (Schedule.Price), for a prepared call of that function (Call.Prepare):
// an engine that sizes, prices and runs a call keeps one per function, so
// that pricing does no map look-up and an input the function adapts
// (Func.Adapt) is converted once.
type Price struct {
	gas  func(in []byte) uint64 // the function's own gas rule, or nil
	rule Rule
}

// Price returns f's Price under s: f's own Gas, or s's rule for f. A
// function without either is unsupported under s.
func (s *Schedule) Price(f *Func) (Price, error) {
	if f.Gas != nil {
		return Price{gas: f.Gas}, nil
	}
	r, ok := s.Rules[f.Name]
	if !ok {
		return Price{}, Errorf(CodeUnsupported, "schedule %q has no rule for %s", s.Name, f.Name)
	}
	return Price{rule: r}, nil
}

// Of returns the price of c, a prepared call of the function p was
// resolved for: its own Gas of the input, or the rule on the input's
// length and the item count of the bytes the call converted it to.
func (p *Price) Of(c *Call) uint64 {
	if p.gas != nil {
		return p.gas(c.in)
	}
	return p.rule.Cost(uint64(len(c.in)), c.ItemCount())
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
