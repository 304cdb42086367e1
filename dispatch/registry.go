package dispatch

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
)

// Impl describes one implementation of a primitive.
type Impl struct {
	// Name is the backend name: "portable", "gnark", "blst", "adx", "mulq",
	// "ifma", "arm64", "stdlib", ...
	Name string `json:"name"`
	// Available reports whether it can run in this build on this machine.
	Available bool `json:"available"`
	// Priority orders the available implementations: the highest is the
	// default.
	Priority int `json:"priority"`
	// Note says why an implementation is unavailable, or what it uses.
	Note string `json:"note,omitempty"`
}

// Primitive is a registered primitive with its implementations, highest
// priority first, and the one selected now.
type Primitive struct {
	Name     string `json:"primitive"`
	Impls    []Impl `json:"implementations"`
	Selected string `json:"selected"`
	Forced   bool   `json:"forced"`
}

type primitive struct {
	impls    []Impl
	selected string
	forced   bool
	onSelect []func(impl string)
}

var (
	mu         sync.Mutex
	primitives = map[string]*primitive{}
	// envSpec is HOSTCRYPTO_BACKEND, applied to each primitive as it registers.
	envSpec, envErr = ParseSpec(os.Getenv("HOSTCRYPTO_BACKEND"))
	// forced is the spec in force: envSpec until Force replaces it.
	forced = envSpec
)

// EnvError reports a malformed HOSTCRYPTO_BACKEND, if any.
func EnvError() error { return envErr }

// Register adds an implementation of a primitive. It is meant for package
// init functions. Registering the same (primitive, name) twice panics.
func Register(prim string, impl Impl) {
	mu.Lock()
	defer mu.Unlock()
	p := primitives[prim]
	if p == nil {
		p = &primitive{}
		primitives[prim] = p
	}
	for _, i := range p.impls {
		if i.Name == impl.Name {
			panic("dispatch: internal error: " + prim + "/" + impl.Name + " registered twice")
		}
	}
	p.impls = append(p.impls, impl)
	sort.SliceStable(p.impls, func(a, b int) bool { return p.impls[a].Priority > p.impls[b].Priority })
	reselect(prim, p)
}

// OnSelect registers a callback run now and whenever the primitive's selected
// implementation changes. Packages use it to set the package-level variable
// their hot path dispatches on.
func OnSelect(prim string, f func(impl string)) {
	mu.Lock()
	defer mu.Unlock()
	p := primitives[prim]
	if p == nil {
		p = &primitive{}
		primitives[prim] = p
	}
	p.onSelect = append(p.onSelect, f)
	if p.selected != "" {
		f(p.selected)
	}
}

// reselect recomputes p's selection from the spec in force. mu is held.
func reselect(prim string, p *primitive) {
	choice, isForced := "", false
	if want := forced.For(prim, p); want != "" {
		choice, isForced = want, true
	}
	if choice == "" {
		for _, i := range p.impls {
			if i.Available {
				choice = i.Name
				break
			}
		}
	}
	p.forced = isForced
	if choice != p.selected {
		p.selected = choice
		for _, f := range p.onSelect {
			f(choice)
		}
	}
}

// Selected returns the implementation chosen for prim ("" if none).
func Selected(prim string) string {
	mu.Lock()
	defer mu.Unlock()
	if p := primitives[prim]; p != nil {
		return p.selected
	}
	return ""
}

// Lookup returns the primitive's description.
func Lookup(prim string) (Primitive, bool) {
	mu.Lock()
	defer mu.Unlock()
	p := primitives[prim]
	if p == nil {
		return Primitive{}, false
	}
	return Primitive{Name: prim, Impls: append([]Impl(nil), p.impls...), Selected: p.selected, Forced: p.forced}, true
}

// Primitives lists every registered primitive, sorted by name.
func Primitives() []Primitive {
	mu.Lock()
	names := make([]string, 0, len(primitives))
	for n := range primitives {
		names = append(names, n)
	}
	mu.Unlock()
	sort.Strings(names)
	out := make([]Primitive, 0, len(names))
	for _, n := range names {
		if p, ok := Lookup(n); ok {
			out = append(out, p)
		}
	}
	return out
}

// Backends lists every implementation name registered for any primitive.
func Backends() []string {
	seen := map[string]bool{}
	for _, p := range Primitives() {
		for _, i := range p.Impls {
			seen[i.Name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// ErrUnavailable is returned when a forced implementation cannot run here.
var ErrUnavailable = errors.New("dispatch: implementation not available")

// Force replaces the spec in force (see ParseSpec) and reselects every
// primitive. An empty spec restores the defaults. A per-primitive entry
// naming an implementation that is registered but unavailable, or unknown,
// is an error and changes nothing; a bare backend name applies only to the
// primitives that have it available. Force is not safe to call concurrently
// with the primitives it changes: use it at start-up, in tests and fuzzers.
func Force(spec string) error {
	s, err := ParseSpec(spec)
	if err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	if err := s.check(); err != nil {
		return err
	}
	forced = s
	for name, p := range primitives {
		reselect(name, p)
	}
	return nil
}

// Spec is a parsed backend selection: bare backend names apply to every
// primitive that implements them; prim=impl pairs apply to one primitive.
type Spec struct {
	Global []string
	Per    map[string]string
}

// ParseSpec parses "portable", "gnark,blst" or "pairing=blst,fieldmul=portable".
func ParseSpec(s string) (Spec, error) {
	var sp Spec
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if k, v, ok := strings.Cut(part, "="); ok {
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if k == "" || v == "" {
				return Spec{}, fmt.Errorf("dispatch: bad backend spec %q", part)
			}
			if sp.Per == nil {
				sp.Per = map[string]string{}
			}
			sp.Per[k] = v
			continue
		}
		sp.Global = append(sp.Global, part)
	}
	return sp, nil
}

// For returns the implementation the spec forces on prim, or "".
func (s Spec) For(prim string, p *primitive) string {
	if v, ok := s.Per[prim]; ok {
		for _, i := range p.impls {
			if i.Name == v && i.Available {
				return v
			}
		}
		return ""
	}
	for _, g := range s.Global {
		for _, i := range p.impls {
			if i.Name == g && i.Available {
				return g
			}
		}
	}
	return ""
}

// check reports per-primitive entries that cannot be honoured. mu is held.
func (s Spec) check() error {
	for prim, v := range s.Per {
		p := primitives[prim]
		if p == nil {
			return fmt.Errorf("dispatch: unknown primitive %q", prim)
		}
		ok := false
		for _, i := range p.impls {
			if i.Name == v {
				if !i.Available {
					return fmt.Errorf("%w: %s=%s (%s)", ErrUnavailable, prim, v, i.Note)
				}
				ok = true
			}
		}
		if !ok {
			return fmt.Errorf("dispatch: primitive %q has no implementation %q", prim, v)
		}
	}
	known := map[string]bool{}
	for _, p := range primitives {
		for _, i := range p.impls {
			known[i.Name] = true
		}
	}
	for _, g := range s.Global {
		if !known[g] {
			return fmt.Errorf("dispatch: no primitive has an implementation %q", g)
		}
	}
	return nil
}

// Current returns the spec in force, as a string Force accepts.
func Current() string {
	mu.Lock()
	defer mu.Unlock()
	parts := append([]string(nil), forced.Global...)
	keys := make([]string, 0, len(forced.Per))
	for k := range forced.Per {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+"="+forced.Per[k])
	}
	return strings.Join(parts, ",")
}

// Required returns the implementation names listed in HOSTCRYPTO_REQUIRE
// (comma-separated), which tests treat as mandatory: "not available here"
// becomes a failure instead of a skip. Feature names (adx, avx512ifma) and
// backend names (blst, gnark) are both accepted.
func Required() map[string]bool {
	out := map[string]bool{}
	for _, r := range strings.Split(os.Getenv("HOSTCRYPTO_REQUIRE"), ",") {
		if r = strings.TrimSpace(r); r != "" {
			out[r] = true
		}
	}
	return out
}

// BackendsFor lists the available implementation names of the given
// primitives, sorted, for primitives that have more than one
// implementation: the names a differential test must force in turn.
func BackendsFor(prims []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, pn := range prims {
		p, ok := Lookup(pn)
		if !ok || len(p.Impls) < 2 {
			continue
		}
		for _, i := range p.Impls {
			if i.Available && !seen[i.Name] {
				seen[i.Name] = true
				out = append(out, i.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}
