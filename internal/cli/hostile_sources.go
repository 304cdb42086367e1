package cli

import (
	"sync"

	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/core"
)

// hostileSources are the families' own hostile-input sets (function name ->
// named inputs) that `hostcrypto bench --hostile` measures besides the
// generic ones of package bench. THE HOOK for issue 14's zk part: when
// zk.Hostile lands, add it here (and import the zk package):
//
//	var hostileSources = []func() map[string][]core.Example{zk.Hostile}
var hostileSources = []func() map[string][]core.Example{}

var registerHostileOnce sync.Once

// registerHostileSources hands hostileSources to bench.RegisterHostile,
// once per process.
func registerHostileSources() {
	registerHostileOnce.Do(func() {
		for _, src := range hostileSources {
			for fn, exs := range src() {
				bench.RegisterHostile(fn, func() []core.Example { return exs })
			}
		}
	})
}
