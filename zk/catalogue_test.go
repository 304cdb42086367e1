package zk

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
)

// testCatalogue holds the package's functions, for tests that take a
// function by its catalogue name (as vector files name them).
var testCatalogue = core.MustCatalogue(append(Funcs(), dplonk.Funcs()...)...)
