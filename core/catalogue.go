package core

import (
	"fmt"
	"sort"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Catalogue is an immutable set of functions by name, built from a list of
// descriptors (NewCatalogue). Family packages export their descriptors as
// values and list them in Funcs(); profiles hold the descriptors they
// forward to; the root package assembles the full catalogue. Nothing is
// registered globally and nothing is found by name except through a
// catalogue value the caller holds.
//
// A Catalogue is safe for concurrent use.
type Catalogue struct {
	funcs  map[string]*Func
	sorted []*Func
}

// NewCatalogue returns the catalogue of fs. Every descriptor must have a
// Name and a Run function (or an Adapt and the target it adapts its input
// for, and then no Run, OutLen or Items), and no two may share a name;
// the same descriptor listed twice is kept once (a profile and a family
// may both list a function). Targets are not added implicitly: a catalogue holds
// exactly the functions it was given.
func NewCatalogue(fs ...*Func) (*Catalogue, error) {
	c := &Catalogue{funcs: make(map[string]*Func, len(fs))}
	for _, f := range fs {
		if f == nil {
			return nil, fmt.Errorf("core: catalogue: nil descriptor")
		}
		if f.Name == "" || (f.Run == nil && f.Adapt == nil) {
			return nil, fmt.Errorf("core: catalogue: incomplete descriptor %q (needs Name and Run)", f.Name)
		}
		if f.Adapt != nil && (len(f.Targets) == 0 || f.Targets[0] == nil || f.Run != nil || f.OutLen != nil || f.Items != nil) {
			return nil, fmt.Errorf("core: catalogue: %q adapts its input: it needs Targets[0], which sizes, counts and runs it, and no Run, OutLen or Items of its own", f.Name)
		}
		if g, dup := c.funcs[f.Name]; dup {
			if g == f {
				continue
			}
			return nil, fmt.Errorf("core: catalogue: two descriptors named %q", f.Name)
		}
		c.funcs[f.Name] = f
		c.sorted = append(c.sorted, f)
	}
	sort.Slice(c.sorted, func(i, j int) bool { return c.sorted[i].Name < c.sorted[j].Name })
	return c, nil
}

// MustCatalogue is NewCatalogue for package-level variables: an invalid
// list is a programming error and panics.
func MustCatalogue(fs ...*Func) *Catalogue {
	c, err := NewCatalogue(fs...)
	if err != nil {
		panic(err.Error())
	}
	return c
}

// Lookup returns the named function.
func (c *Catalogue) Lookup(name string) (*Func, bool) {
	f, ok := c.funcs[name]
	return f, ok
}

// Funcs returns every function, sorted by name, in a fresh slice.
func (c *Catalogue) Funcs() []*Func { return append([]*Func(nil), c.sorted...) }

// Len returns the number of functions.
func (c *Catalogue) Len() int { return len(c.sorted) }

// Call runs the named function on input under schedule s, charging meter m
// (nil: unlimited), through Invoke. An unknown name is CodeUnknownFunction.
func (c *Catalogue) Call(name string, s *Schedule, m Meter, input []byte) ([]byte, uint64, error) {
	f, ok := c.funcs[name]
	if !ok {
		return nil, 0, Errorf(CodeUnknownFunction, "%q", name)
	}
	return Invoke(f, s, m, nil, input)
}

// Backends lists, sorted, the available implementation names that can
// serve f: those of f's dispatch primitives with more than one
// implementation, and those of the functions f forwards to (f.Targets),
// followed transitively. These are the backends a differential test forces
// in turn. f need not be in c.
func (c *Catalogue) Backends(f *Func) []string { return f.Backends() }

// Backends is Catalogue.Backends without a catalogue: the backends of f's
// primitives and of its targets' primitives, transitively.
func (f *Func) Backends() []string {
	return dispatch.BackendsFor(f.AllPrimitives())
}

// AllPrimitives lists f's dispatch primitives followed by those of its
// targets (transitively, each function once), in order of first
// appearance.
func (f *Func) AllPrimitives() []string {
	var prims []string
	seenPrim := map[string]bool{}
	seenFn := map[*Func]bool{}
	var walk func(g *Func)
	walk = func(g *Func) {
		if seenFn[g] {
			return
		}
		seenFn[g] = true
		for _, p := range g.Primitives {
			if !seenPrim[p] {
				seenPrim[p] = true
				prims = append(prims, p)
			}
		}
		for _, t := range g.Targets {
			walk(t)
		}
	}
	walk(f)
	return prims
}
