package pairing_test

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/pairing"
)

// testCatalogue holds the "curve" family, package curves' group operations
// and this package's pairing checks, for tests that take a function by its
// catalogue name (as vector files name them).
var testCatalogue = core.MustCatalogue(append(curves.Funcs(), pairing.Funcs()...)...)
