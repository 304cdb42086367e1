package cli

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/zk"
)

// hostileSources are the families' own hostile-input sets (function name ->
// named inputs) that `hostcrypto bench --hostile` measures besides the
// generic ones of package bench.
var hostileSources = []func() map[string][]core.Example{zk.Hostile}

// hostileExtra gathers hostileSources into one map by function name.
func hostileExtra() map[string][]core.Example {
	m := map[string][]core.Example{}
	for _, src := range hostileSources {
		for fn, exs := range src() {
			m[fn] = append(m[fn], exs...)
		}
	}
	return m
}
