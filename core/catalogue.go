package core

import (
	"fmt"
	"sort"
	"sync"

	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Catalogue is a set of functions by name. The package-level Default
// catalogue is what the root package, the CLI and the bridges serve.
type Catalogue struct {
	mu    sync.RWMutex
	funcs map[string]*Func
}

// NewCatalogue returns an empty catalogue.
func NewCatalogue() *Catalogue { return &Catalogue{funcs: map[string]*Func{}} }

// Default is the catalogue every family package registers into.
var Default = NewCatalogue()

// Register adds functions. A duplicate name or a descriptor without Name or
// Run panics: registration happens at init and such a bug must be loud.
func (c *Catalogue) Register(fs ...*Func) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range fs {
		if f.Name == "" || f.Run == nil {
			panic(fmt.Sprintf("core: internal error: incomplete descriptor %q", f.Name))
		}
		if _, dup := c.funcs[f.Name]; dup {
			panic("core: internal error: function " + f.Name + " registered twice")
		}
		c.funcs[f.Name] = f
	}
}

// Register adds functions to the Default catalogue.
func Register(fs ...*Func) { Default.Register(fs...) }

// Lookup returns the named function.
func (c *Catalogue) Lookup(name string) (*Func, bool) {
	c.mu.RLock()
	f, ok := c.funcs[name]
	c.mu.RUnlock()
	return f, ok
}

// Funcs returns every function, sorted by name.
func (c *Catalogue) Funcs() []*Func {
	c.mu.RLock()
	out := make([]*Func, 0, len(c.funcs))
	for _, f := range c.funcs {
		out = append(out, f)
	}
	c.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// SetExamples attaches examples to a registered function that has none,
// for families whose examples need packages the registering package does
// not import. It is meant for init functions; misuse panics.
func (c *Catalogue) SetExamples(name string, ex func() []Example) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.funcs[name]
	if !ok || f.Examples != nil {
		panic("core: internal error: SetExamples(" + name + "): unknown function or examples already set")
	}
	f.Examples = ex
}

// Backends lists, sorted, the available implementation names that can
// serve f: those of f's dispatch primitives with more than one
// implementation, and, for entries of f.Primitives that name other
// catalogue functions (profile functions and aliases delegate), those of
// the referenced functions' primitives, followed transitively. These are
// the backends a differential test forces in turn.
func (c *Catalogue) Backends(f *Func) []string {
	var prims []string
	seenFn := map[string]bool{f.Name: true}
	var walk func(g *Func)
	walk = func(g *Func) {
		for _, p := range g.Primitives {
			prims = append(prims, p)
			if h, ok := c.Lookup(p); ok && !seenFn[h.Name] {
				seenFn[h.Name] = true
				walk(h)
			}
		}
	}
	walk(f)
	return dispatch.BackendsFor(prims)
}
