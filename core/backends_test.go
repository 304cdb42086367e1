package core_test

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

func TestBackendsFollowsReferences(t *testing.T) {
	dispatch.Register("test.backends.prim", dispatch.Impl{Name: "bk-a", Available: true})
	dispatch.Register("test.backends.prim", dispatch.Impl{Name: "bk-b", Available: true})
	dispatch.Register("test.backends.prim", dispatch.Impl{Name: "bk-c", Available: false})
	run := func(d, _ []byte) ([]byte, error) { return d, nil }
	named := &core.Func{Name: "named", Primitives: []string{"test.backends.prim"}, Run: run}
	alias := &core.Func{Name: "profile:named", Targets: []*core.Func{named}, Run: run}
	loop := &core.Func{Name: "loop", Targets: []*core.Func{alias}, Run: run}
	loop.Targets = append(loop.Targets, loop) // a cycle terminates
	c := core.MustCatalogue(loop)             // Backends follows targets outside the catalogue
	for _, f := range []*core.Func{named, alias, loop} {
		got := c.Backends(f)
		if len(got) != 2 || got[0] != "bk-a" || got[1] != "bk-b" {
			t.Fatalf("%s: backends %v, want [bk-a bk-b] (available only, through references)", f.Name, got)
		}
	}
}
