package dplonk

import "github.com/hostcrypto/hostcrypto/core"

// testCatalogue holds the package's functions, for tests that take a
// function by its catalogue name (as vector files name them).
var testCatalogue = core.MustCatalogue(Funcs()...)
